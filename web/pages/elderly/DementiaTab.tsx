import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { DementiaCaseView } from '../../../src/modules/elderly/contract.ts';
import { DementiaStatus, ProfileDrawer } from './ProfileDrawer.tsx';

/** The dementia loop in scope: open cases by due date, overdue ones marked; a row opens the person. */
export function DementiaTab() {
  const { t } = useTranslation('elderly');
  const [state, update] = useUrlState({ status: 'open', person: undefined } as Record<string, string | undefined>);
  const list = useQuery({ queryKey: ['elderly-dementia', state.status], queryFn: () => api.get<DementiaCaseView[]>(`/elderly/dementia-cases${qs({ status: state.status })}`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select value={state.status} style={{ width: 140 }} onChange={(status) => update({ status })} options={['open', 'closed', 'all'].map((v) => ({ value: v, label: v === 'open' ? t('dementia.openOnly') : v === 'closed' ? t('dementia.status.closed') : t('dementia.all') }))} />
        <Typography.Text type="secondary">{t('dementia.listHint')}</Typography.Text>
      </Space>
      <Table<DementiaCaseView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        onRow={(r) => ({ onClick: () => update({ person: r.personId }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('field.name'), dataIndex: 'personName' },
          { title: t('field.screenedOn'), dataIndex: 'screenedOn' },
          { title: t('field.tool'), render: (_, c) => `${t(`dementia.tool.${c.tool}`)} ${c.score}` },
          { title: t('field.status'), render: (_, c) => <DementiaStatus c={c} /> },
          { title: t('field.dueOn'), dataIndex: 'dueOn', render: (v: string | null, c) => <Typography.Text type={c.overdue ? 'danger' : undefined}>{v ?? ''}</Typography.Text> },
          { title: t('field.referralLevel'), render: (_, c) => (c.referralLevel ? `${t(`dementia.referralLevel.${c.referralLevel}`)} ${c.institution ?? ''}` : '') },
        ]}
      />
      {state.person && <ProfileDrawer personId={state.person} onClose={() => update({ person: undefined })} />}
    </Space>
  );
}
