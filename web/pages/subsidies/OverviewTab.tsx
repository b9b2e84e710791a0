import { useQuery } from '@tanstack/react-query';
import { Select, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { OverviewView } from '../../../src/modules/subsidies/contract.ts';
import { lastEndedMonth, recentMonths, yuan } from './money.ts';

type Row = OverviewView['rows'][number];

/** The city's view of a month: by county, what was computed, approved and paid. */
export function OverviewTab() {
  const { t } = useTranslation(['subsidies', 'common']);
  const [state, update] = useUrlState({ overviewMonth: lastEndedMonth() } as Record<string, string | undefined>);
  const data = useQuery({ queryKey: ['subsidy-overview', state.overviewMonth], queryFn: () => api.get<OverviewView>(`/subsidies/overview?month=${state.overviewMonth}`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Space size={32} align="end">
        <Select style={{ width: 120 }} value={state.overviewMonth} onChange={(v) => update({ overviewMonth: v })} options={recentMonths(12).map((m) => ({ value: m, label: m }))} />
        <Statistic title={t('field.totalYuan')} value={yuan(data.data?.totalFen ?? 0)} />
        <Statistic title={t('field.children')} value={data.data?.children ?? 0} />
      </Space>
      <Table<Row>
        rowKey="unitCode"
        size="middle"
        expandable={{ childrenColumnName: 'childRows' }}
        loading={data.isLoading}
        dataSource={data.data?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('field.county'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.centers'), dataIndex: 'centers', key: 'centers', align: 'right', sorter: (a, b) => a.centers - b.centers },
          { title: t('field.children'), dataIndex: 'children', key: 'children', align: 'right', sorter: (a, b) => a.children - b.children },
          { title: t('field.computedYuan'), dataIndex: 'computedFen', key: 'computed', align: 'right', render: (v: number) => yuan(v) },
          { title: t('field.approvedYuan'), dataIndex: 'approvedFen', key: 'approved', align: 'right', render: (v: number) => yuan(v) },
          { title: t('field.paidYuan'), dataIndex: 'paidFen', key: 'paid', align: 'right', render: (v: number) => yuan(v) },
          { title: t('field.totalYuan'), dataIndex: 'totalFen', key: 'total', align: 'right', sorter: (a, b) => a.totalFen - b.totalFen, render: (v: number) => yuan(v) },
        ]}
      />
    </Space>
  );
}
