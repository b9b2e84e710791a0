import { useQuery } from '@tanstack/react-query';
import { Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs, type Paged } from '../../api.ts';
import { StaffSection } from './StaffSection.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { WarningsTable } from './CenterDetailPage.tsx';
import { TrainingSection } from './TrainingSection.tsx';
import type { CenterDetail, CenterListItem, WarningView } from '../../../src/modules/childcare/contract.ts';

interface Expiring {
  certificateId: string;
  staffId: string;
  staffName: string;
  centerId: string;
  centerName: string;
  certType: string;
  number: string;
  validTo: string;
  daysLeft: number;
}

/** Across the scope: staff certificates expiring soon, and open ratio warnings. */
export function StaffPage() {
  const { t } = useTranslation(['childcare', 'common']);
  const [state, update] = useUrlState({ days: '60', center: undefined } as Record<string, string | undefined>);
  const centers = useQuery({ queryKey: ['own-centers'], queryFn: () => api.get<Paged<CenterListItem>>(`/childcare/centers${qs({ pageSize: 200 })}`) });
  const centerId = state.center ?? centers.data?.items[0]?.id;
  const center = useQuery({ queryKey: ['childcare-center', centerId], enabled: !!centerId, queryFn: () => api.get<CenterDetail>(`/childcare/centers/${centerId}`) });
  const expiring = useQuery({ queryKey: ['childcare-expiring', state.days], queryFn: () => api.get<Expiring[]>(`/childcare/certificates/expiring${qs({ days: state.days })}`) });
  const warnings = useQuery({ queryKey: ['childcare-warnings'], queryFn: () => api.get<WarningView[]>('/childcare/warnings') });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {/* The staff of one center at a time: edit, record a leaver; expired certificates in red. */}
      <Card
        title={t('staff.listTitle')}
        extra={
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 260 }}
            placeholder={t('staff.chooseCenter')}
            value={centerId}
            onChange={(v: string) => update({ center: v })}
            options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="staff-center"
          />
        }
      >
        {center.data && <StaffSection center={center.data} />}
      </Card>
      <Card
        title={t('staff.expiringTitle')}
        extra={
          <Form layout="inline">
            <Form.Item label={t('staff.withinDays')}>
              <InputNumber min={1} max={365} value={Number(state.days)} onChange={(v) => update({ days: v ? String(v) : '60' })} />
            </Form.Item>
          </Form>
        }
      >
        <Table<Expiring>
          rowKey="certificateId"
          size="small"
          loading={expiring.isLoading}
          dataSource={expiring.data ?? []}
          columns={[
            { title: t('staff.name'), dataIndex: 'staffName', sorter: (a, b) => a.staffName.localeCompare(b.staffName, 'zh') },
            { title: t('field.name'), dataIndex: 'centerName', render: (v: string, r) => <Link to={`/childcare/centers/${r.centerId}?tab=staff`}>{v}</Link> },
            { title: t('staff.certType'), dataIndex: 'certType', render: (v: string) => t(`certType.${v}`) },
            { title: t('staff.certNumber'), dataIndex: 'number' },
            { title: t('staff.validTo'), dataIndex: 'validTo', sorter: (a, b) => a.validTo.localeCompare(b.validTo), defaultSortOrder: 'ascend' },
            { title: t('staff.daysLeft'), dataIndex: 'daysLeft', render: (v: number) => <Tag color={v < 0 ? 'red' : v <= 30 ? 'orange' : 'default'}>{v < 0 ? t('staff.expired') : t('staff.days', { count: v })}</Tag> },
          ]}
        />
      </Card>
      <Card title={t('warnings.title')}>
        <WarningsTable warnings={warnings.data ?? []} showCenter />
      </Card>
      <TrainingSection />
    </Space>
  );
}
