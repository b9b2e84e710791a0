import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { CaseSummary } from '../../../src/modules/protection/contract.ts';
import { CaseTable } from './CasesTab.tsx';

/** Cases past their stage deadline: the count per township, then the cases, most overdue first. */
export function OverdueTab() {
  const { t } = useTranslation('protection');
  const overdue = useQuery({ queryKey: ['protection-overdue'], queryFn: () => api.get<{ units: { unitCode: string; unitName: string; count: number }[]; items: CaseSummary[] }>('/protection/overdue') });
  if (overdue.data && overdue.data.items.length === 0) return <Empty description={t('overdue.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('overdue.byUnit')}
      </Typography.Title>
      <Table
        rowKey="unitCode"
        size="small"
        pagination={false}
        loading={overdue.isLoading}
        dataSource={overdue.data?.units ?? []}
        style={{ maxWidth: 480 }}
        columns={[
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('list.overdue'), dataIndex: 'count', key: 'count', render: (n: number) => <Typography.Text type="danger">{n}</Typography.Text> },
        ]}
      />
      <CaseTable rows={overdue.data?.items ?? []} loading={overdue.isLoading} pagination={false} />
    </Space>
  );
}
