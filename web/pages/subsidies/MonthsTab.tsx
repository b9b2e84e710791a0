import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { MonthListItem } from '../../../src/modules/subsidies/contract.ts';
import { MonthDrawer } from './MonthDrawer.tsx';
import { StatusTag } from './StatusTag.tsx';
import { lastEndedMonth, recentMonths, yuan } from './money.ts';

/** The centers' months: filter, sort, export; compute a month; open one for its lines. */
export function MonthsTab() {
  const { t } = useTranslation(['subsidies', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [state, update] = useUrlState({ month: lastEndedMonth(), status: undefined, unitCode: undefined, q: undefined, sort: 'totalFen', order: 'desc', page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const filters = { month: state.month, status: state.status, unitCode: state.unitCode, q: state.q };
  const list = useQuery({
    queryKey: ['subsidy-months', state],
    queryFn: () => api.get<Paged<MonthListItem>>(`/subsidies/months${qs({ ...filters, sort: state.sort, order: state.order, page: state.page, pageSize: state.pageSize })}`),
  });
  const compute = useMutation({
    mutationFn: () => api.post<{ computed: number; kept: number; totalFen: number }>('/subsidies/months/compute', { month: state.month, unitCode: state.unitCode }),
    onSuccess: (r) => {
      message.success(t('months.computeDone', { computed: r.computed, kept: r.kept, total: yuan(r.totalFen) }));
      void qc.invalidateQueries({ queryKey: ['subsidy-months'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const sortOrder = (key: string) => (state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form name="subsidy-filters" layout="inline" key={JSON.stringify(filters)} initialValues={filters} onFinish={(v) => update({ ...v, page: '1' })}>
          <Form.Item name="month" label={t('field.month')}>
            <Select style={{ width: 110 }} options={recentMonths(12).map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="status" label={t('field.status')}>
            <Select allowClear style={{ width: 100 }} options={['computed', 'approved', 'paid'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="q" label={t('field.center')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          {can('subsidies.read') && (
            <Form.Item name="unitCode" label={t('common:unit')}>
              <UnitPicker style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common:actions.search')}
            </Button>
          </Form.Item>
        </Form>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/subsidies/months/export.xlsx${qs({ ...filters, sort: state.sort, order: state.order })}`, 'subsidy-months.xlsx').catch((e) => message.error(errorText(e)))}>
            {t('common:actions.export')}
          </Button>
          {can('subsidies.compute') && (
            <Button type="primary" icon={<CalculatorOutlined />} loading={compute.isPending} onClick={() => compute.mutate()} data-testid="compute-month">
              {t('months.compute')} {state.month}
            </Button>
          )}
        </Space>
      </Space>
      <Table<MonthListItem>
        rowKey="id"
        size="middle"
        expandable={{ childrenColumnName: 'childRows' }}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('months.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          update({ sort: s?.order ? String(s.columnKey) : 'totalFen', order: s?.order === 'ascend' ? 'asc' : 'desc', page: '1' });
        }}
        pagination={{
          current: Number(state.page),
          pageSize: Number(state.pageSize),
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common:total', { count: n }),
          onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
        }}
        columns={[
          { title: t('field.month'), dataIndex: 'month', key: 'month', sorter: true, sortOrder: sortOrder('month') },
          { title: t('field.center'), dataIndex: 'centerName', key: 'centerName', sorter: true, sortOrder: sortOrder('centerName'), render: (v: string) => <a>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unitCode', sorter: true, sortOrder: sortOrder('unitCode') },
          { title: t('field.children'), dataIndex: 'children', key: 'children', align: 'right', sorter: true, sortOrder: sortOrder('children') },
          { title: t('field.totalYuan'), dataIndex: 'totalFen', key: 'totalFen', align: 'right', sorter: true, sortOrder: sortOrder('totalFen'), render: (v: number) => (v === 0 ? <Tag>{t('months.nothingDue')}</Tag> : yuan(v)) },
          { title: t('field.status'), dataIndex: 'status', key: 'status', sorter: true, sortOrder: sortOrder('status'), render: (v: string) => <StatusTag status={v} /> },
          { title: t('field.approvedBy'), dataIndex: 'approvedByName', key: 'approvedBy' },
          { title: t('field.paidOn'), dataIndex: 'paidOn', key: 'paidOn' },
        ]}
      />
      <MonthDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
