import { useQuery } from '@tanstack/react-query';
import { Col, Empty, Form, Row, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, qs } from '../../api.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { overdueView } from '../../../src/modules/welfare/contract.ts';
import { CategoryTag } from './shared.tsx';

type Overdue = z.infer<typeof overdueView>;
type Summary = Overdue['byVillage'][number];

/** Children overdue for a visit, by township and by village. */
export function OverdueTab() {
  const { t } = useTranslation(['welfare', 'common']);
  const navigate = useNavigate();
  const [state, update] = useUrlState({ unitCode: undefined } as Record<string, string | undefined>);
  const q = useQuery({ queryKey: ['welfare-overdue', state.unitCode], queryFn: () => api.get<Overdue>(`/welfare/visits/overdue${qs({ unitCode: state.unitCode })}`) });
  const summaryColumns = (label: string) => [
    { title: label, dataIndex: 'unitName', key: 'unit' },
    { title: t('counts.total'), dataIndex: 'children', key: 'children', align: 'right' as const },
    { title: t('field.overdueCount'), dataIndex: 'overdue', key: 'overdue', align: 'right' as const, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Form layout="inline">
        <Form.Item label={t('common:unit')}>
          <UnitPicker value={state.unitCode} onChange={(unitCode) => update({ unitCode })} style={{ width: 240 }} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('ledger.intervalNote')}</Typography.Text>
      <Row gutter={16}>
        <Col span={10}>
          <Typography.Title level={5}>{t('overdue.byTownship')}</Typography.Title>
          <Table<Summary> rowKey="unitCode" size="small" expandable={{ childrenColumnName: 'childRows' }} loading={q.isLoading} dataSource={q.data?.byTownship ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={summaryColumns(t('field.township'))} />
        </Col>
        <Col span={14}>
          <Typography.Title level={5}>{t('overdue.byVillage')}</Typography.Title>
          <Table<Summary> rowKey="unitCode" size="small" expandable={{ childrenColumnName: 'childRows' }} loading={q.isLoading} dataSource={q.data?.byVillage ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }} columns={summaryColumns(t('field.village'))} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('overdue.list')}</Typography.Title>
      <Table<Overdue['items'][number]>
        rowKey="childId"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('overdue.none')} /> }}
        onRow={(r) => ({ onClick: () => navigate(`children/${r.childId}`), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', key: 'name', render: (v: string) => <a>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.category'), dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag category={v} /> },
          { title: t('field.director'), dataIndex: 'directorName', key: 'director' },
          { title: t('field.lastVisitOn'), dataIndex: 'lastVisitOn', key: 'last' },
          { title: t('field.nextDueOn'), dataIndex: 'dueOn', key: 'due' },
          { title: t('field.daysOverdue'), dataIndex: 'daysOverdue', key: 'days', align: 'right', render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
        ]}
      />
    </Space>
  );
}
