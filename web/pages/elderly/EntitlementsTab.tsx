import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { EntitledPerson, WorkerView } from '../../../src/modules/elderly/contract.ts';
import { thisMonth, useConditionText, yuan } from './shared.tsx';

function recentMonths(n: number): string[] {
  const [y, m] = thisMonth().split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const total = y * 12 + m - 1 - i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** Who is entitled in a month (免申即享), each amount with the conditions it met; care workers' allowances and award instalments. */
export function EntitlementsTab() {
  const { t } = useTranslation(['elderly', 'subsidies', 'common']);
  const conditionText = useConditionText();
  const [state, update] = useUrlState({ month: thisMonth(), page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const list = useQuery({ queryKey: ['elderly-entitlements', state], queryFn: () => api.get<Paged<EntitledPerson> & { totalFen: number }>(`/elderly/entitlements${qs({ month: state.month, page: state.page, pageSize: state.pageSize })}`) });
  const workers = useQuery({ queryKey: ['elderly-workers', state.month], queryFn: () => api.get<WorkerView[]>(`/elderly/workers${qs({ month: state.month })}`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <span>{t('entitlements.month')}</span>
        <Select style={{ width: 120 }} value={state.month} onChange={(month) => update({ month, page: '1' })} options={recentMonths(12).map((m) => ({ value: m, label: m }))} />
        {list.data && <Typography.Text strong>{t('entitlements.people', { n: list.data.total })} · {t('entitlements.total', { yuan: yuan(list.data.totalFen) })}</Typography.Text>}
      </Space>
      <Alert type="info" showIcon message={t('entitlements.hint')} />
      <Table<EntitledPerson>
        rowKey="personId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: Number(state.page), pageSize: Number(state.pageSize), total: list.data?.total ?? 0, showTotal: (n) => t('common:total', { count: n }), onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }) }}
        columns={[
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('field.age'), dataIndex: 'age', width: 60 },
          { title: t('field.unit'), dataIndex: 'unitName' },
          { title: t('field.rule'), render: (_, r) => <Space direction="vertical" size={0}>{r.lines.map((l) => <span key={l.ruleCode}>{t(`subsidies:rule.${l.ruleCode}`)} · {yuan(l.amountFen)}</span>)}</Space> },
          { title: t('field.conditions'), render: (_, r) => <Space direction="vertical" size={0}>{r.lines.map((l) => <Typography.Text type="secondary" key={l.ruleCode}>{conditionText(l.met)}</Typography.Text>)}</Space> },
          { title: t('field.amountYuan'), dataIndex: 'totalFen', render: (v: number) => yuan(v) },
        ]}
      />
      <Card size="small" title={t('institutions.workers')}>
        <Table<WorkerView>
          rowKey="id"
          size="small"
          loading={workers.isLoading}
          dataSource={workers.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('field.workerName'), dataIndex: 'name' },
            { title: t('field.institutionName'), dataIndex: 'institutionName' },
            { title: t('field.startedOn'), dataIndex: 'startedOn' },
            { title: t('field.skillLevel'), render: (_, w) => (w.certificates.length ? t(`skill.${Math.min(...w.certificates.map((c) => c.level))}`) : '—') },
            { title: t('field.allowance'), render: (_, w) => (w.allowance ? yuan(w.allowance.amountFen) : <Typography.Text type="secondary">{t('institutions.noAllowance')}</Typography.Text>) },
            { title: t('field.instalments'), render: (_, w) => (w.graduateEducation ? <Space direction="vertical" size={0}><span>{t(`education.${w.graduateEducation}`)}</span>{w.instalments.map((i) => <span key={i.dueOn}>{i.dueOn} · {i.sharePct}% · {yuan(i.amountFen)} <Tag color={i.due ? 'green' : 'default'}>{t(i.due ? 'institutions.due' : 'institutions.notDue')}</Tag></span>)}</Space> : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
