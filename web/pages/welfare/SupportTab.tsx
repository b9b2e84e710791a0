import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { RunDetail, RunView } from '../../../src/modules/welfare/contract.ts';
import { recentMonths, yuan } from './shared.tsx';

export function RunStatus({ status }: { status: string }) {
  const { t } = useTranslation('welfare');
  return <Tag color={status === 'approved' ? 'green' : 'orange'}>{t(`status.${status}`)}</Tag>;
}

/** A county's month of basic living support: compute from the ledger, read the lines, approve. */
export function SupportTab() {
  const { t } = useTranslation(['welfare', 'common']);
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [state, update] = useUrlState({ month: recentMonths(2)[1] } as Record<string, string | undefined>);
  const runs = useQuery({ queryKey: ['welfare-runs', state.month], queryFn: () => api.get<RunView[]>(`/welfare/support/runs${qs({ month: state.month })}`) });
  const county = user?.unitCode.length === 6;
  const compute = useMutation({
    mutationFn: () => api.post<RunView>('/welfare/support/compute', { month: state.month }),
    onSuccess: (r) => {
      message.success(t('support.computed', { month: r.month, children: r.children, total: yuan(r.totalFen) }));
      void qc.invalidateQueries({ queryKey: ['welfare-runs'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="info" showIcon message={t('support.standardNote')} />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form layout="inline">
          <Form.Item label={t('field.month')}>
            <Select style={{ width: 120 }} value={state.month} onChange={(month) => update({ month })} options={recentMonths(12).map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Form>
        {can('welfare.support') && county && (
          <Button type="primary" icon={<CalculatorOutlined />} loading={compute.isPending} onClick={() => compute.mutate()} data-testid="compute-support">
            {t('support.compute', { month: state.month })}
          </Button>
        )}
      </Space>
      <Table<RunView>
        rowKey="id"
        size="middle"
        expandable={{ childrenColumnName: 'childRows' }}
        loading={runs.isLoading}
        dataSource={runs.data ?? []}
        locale={{ emptyText: t('support.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={false}
        columns={[
          { title: t('support.county'), dataIndex: 'unitName', key: 'unit', render: (v: string) => <a>{v}</a> },
          { title: t('field.month'), dataIndex: 'month', key: 'month' },
          { title: t('field.children'), dataIndex: 'children', key: 'children', align: 'right' },
          { title: t('field.totalYuan'), dataIndex: 'totalFen', key: 'total', align: 'right', render: (v: number) => yuan(v) },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <RunStatus status={v} /> },
          { title: t('field.approvedBy'), dataIndex: 'approvedByName', key: 'approvedBy' },
        ]}
      />
      <RunDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function RunDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const run = useQuery({ queryKey: ['welfare-run', id], queryFn: () => api.get<RunDetail>(`/welfare/support/runs/${id}`), enabled: !!id });
  const approve = useMutation({
    mutationFn: () => api.post<RunView>(`/welfare/support/runs/${id}/approve`),
    onSuccess: (r) => {
      message.success(t('support.approved', { total: yuan(r.totalFen) }));
      void qc.invalidateQueries({ queryKey: ['welfare-run', id] });
      void qc.invalidateQueries({ queryKey: ['welfare-runs'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const r = run.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={900} title={r ? `${r.unitName} · ${r.month}` : ''} destroyOnHidden>
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('field.children')}>{r.children}</Descriptions.Item>
            <Descriptions.Item label={t('field.totalYuan')}>
              <Typography.Text strong>{yuan(r.totalFen)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              <RunStatus status={r.status} />
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/welfare/support/runs/${r.id}/lines.xlsx`, 'welfare-support.xlsx')}>
              {t('support.export')}
            </Button>
            {can('welfare.approve') && r.status === 'computed' && (
              <Popconfirm title={t('support.approveConfirm', { unit: r.unitName, month: r.month, children: r.children, total: yuan(r.totalFen) })} onConfirm={() => approve.mutate()}>
                <Button type="primary" loading={approve.isPending} data-testid="approve-support">
                  {t('support.approve')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <Table
            rowKey="id"
            size="small"
            dataSource={r.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('field.name'), dataIndex: 'childName', key: 'name' },
              { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
              { title: t('field.standard'), dataIndex: 'ruleCode', key: 'rule', render: (v: string) => t(`standard.${v}`) },
              { title: t('field.spans'), dataIndex: 'spans', key: 'spans', render: (v: [string, string][]) => v.map(([a, b]) => (a === b ? a : `${a}～${b}`)).join('，') },
              { title: t('field.amountYuan'), key: 'amount', align: 'right', render: (_, l) => <span title={t('support.explain', { rate: yuan(l.rateFen), days: l.days, dim: l.daysInMonth })}>{yuan(l.amountFen)}</span> },
              { title: '', key: 'explain', render: (_, l) => <Typography.Text type="secondary">{t('support.explain', { rate: yuan(l.rateFen), days: l.days, dim: l.daysInMonth })}</Typography.Text> },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
