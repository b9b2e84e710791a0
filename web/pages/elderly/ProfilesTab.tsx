import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { ProfileListItem } from '../../../src/modules/elderly/contract.ts';
import { LevelTag } from './shared.tsx';
import { ProfileDrawer } from './ProfileDrawer.tsx';

const LIVING = ['alone', 'emptyNest', 'leftBehind', 'withFamily', 'institution'];
const ECONOMIC = ['ordinary', 'lowIncome', 'lowIncomeEdge', 'destitute', 'specialDifficulty'];
const LEVELS = ['intact', 'mild', 'moderate', 'severe', 'complete', 'notAssessed'];

/** People 60+ in scope with filters in the URL; a row opens the person's profile. */
export function ProfilesTab() {
  const { t } = useTranslation(['elderly', 'common']);
  const [state, update] = useUrlState({ q: undefined, unitCode: undefined, livingArrangement: undefined, economicStatus: undefined, abilityLevel: undefined, ageFrom: undefined, page: '1', pageSize: '20', person: undefined } as Record<string, string | undefined>);
  const filters = { q: state.q, unitCode: state.unitCode, livingArrangement: state.livingArrangement, economicStatus: state.economicStatus, abilityLevel: state.abilityLevel, ageFrom: state.ageFrom };
  const list = useQuery({ queryKey: ['elderly-profiles', filters, state.page, state.pageSize], queryFn: () => api.get<Paged<ProfileListItem>>(`/elderly/profiles${qs({ ...filters, page: state.page, pageSize: state.pageSize })}`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Form name="elderly-filters" layout="inline" key={JSON.stringify(filters)} initialValues={{ ...filters, ageFrom: filters.ageFrom ? Number(filters.ageFrom) : undefined }} onFinish={(v) => update({ ...v, ageFrom: v.ageFrom ? String(v.ageFrom) : undefined, page: '1' })}>
        <Form.Item name="q" label={t('field.q')}>
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="livingArrangement" label={t('field.livingArrangement')}>
          <Select allowClear style={{ width: 120 }} options={LIVING.map((v) => ({ value: v, label: t(`livingArrangement.${v}`) }))} />
        </Form.Item>
        <Form.Item name="economicStatus" label={t('field.economicStatus')}>
          <Select allowClear style={{ width: 130 }} options={ECONOMIC.map((v) => ({ value: v, label: t(`economicStatus.${v}`) }))} />
        </Form.Item>
        <Form.Item name="abilityLevel" label={t('field.abilityLevel')}>
          <Select allowClear style={{ width: 120 }} options={LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))} />
        </Form.Item>
        <Form.Item name="ageFrom" label={t('field.ageFrom')}>
          <InputNumber min={60} max={120} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('common:unit')}>
          <UnitPicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common:actions.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<ProfileListItem>
        rowKey="personId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => update({ person: r.personId }), style: { cursor: 'pointer' } })}
        pagination={{ current: Number(state.page), pageSize: Number(state.pageSize), total: list.data?.total ?? 0, showTotal: (n) => t('common:total', { count: n }), onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }) }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', render: (v: string, r) => <a data-testid="profile-row" onClick={() => update({ person: r.personId })}>{v}</a> },
          { title: t('field.sex'), dataIndex: 'sex', render: (v: string) => t(`sex.${v}`), width: 60 },
          { title: t('field.age'), dataIndex: 'age', width: 60 },
          { title: t('field.unit'), dataIndex: 'unitName' },
          { title: t('field.livingArrangement'), dataIndex: 'livingArrangement', render: (v: string | null) => (v ? t(`livingArrangement.${v}`) : <Tag>{t('profile.notProfiled')}</Tag>) },
          { title: t('field.economicStatus'), dataIndex: 'economicStatus', render: (v: string | null) => (v ? t(`economicStatus.${v}`) : '') },
          { title: t('field.careMode'), dataIndex: 'careMode', render: (v: string | null) => (v ? t(`careMode.${v}`) : '') },
          { title: t('field.abilityLevel'), dataIndex: 'abilityLevel', render: (v: string | null) => <LevelTag level={v} /> },
          { title: t('field.assessedOn'), dataIndex: 'assessedOn', render: (v: string | null) => v ?? '' },
        ]}
      />
      {state.person && <ProfileDrawer personId={state.person} onClose={() => update({ person: undefined })} />}
    </Space>
  );
}
