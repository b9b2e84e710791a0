import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { applyApiError } from '../../components/formErrors.ts';
import type { ChildRowView, RateRowView, RatesView } from '../../../src/modules/insurance/contract.ts';

const STATUSES = ['pending', 'contacted', 'enrolledElsewhere', 'declined', 'enrolled'];
const STATUS_COLOR: Record<string, string | undefined> = { pending: 'red', contacted: 'orange', enrolledElsewhere: 'blue', declined: 'default', enrolled: 'green' };
const thisYear = () => new Date().getFullYear();

/** A rate to one decimal, rounded down, so a rate just under its target never reads as the target. */
function percent(r: number | null): string {
  return r === null ? '—' : `${(Math.floor(r * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

/** Children's medical-insurance enrolment (应保尽保): rates by unit, unenrolled children, newborns, breaks and gaps. */
export function InsurancePage() {
  const { t } = useTranslation('insurance');
  const [state, update] = useUrlState({ tab: 'rates', year: String(thisYear()), unitCode: undefined } as Record<string, string | undefined>);
  const years = Array.from({ length: 4 }, (_, i) => thisYear() - i);
  const common = { year: Number(state.year), unitCode: state.unitCode };
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('year')}</span>
        <Select style={{ width: 110 }} value={state.year} onChange={(year) => update({ year })} options={years.map((y) => ({ value: String(y), label: String(y) }))} data-testid="insurance-year" />
        <span>{t('unit')}</span>
        <UnitPicker value={state.unitCode} onChange={(unitCode) => update({ unitCode })} style={{ width: 280 }} />
      </Space>
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => update({ tab })}
        destroyOnHidden
        items={[
          { key: 'rates', label: t('tabs.rates'), children: <RatesTab {...common} onUnit={(unitCode) => update({ unitCode })} /> },
          { key: 'unenrolled', label: t('tabs.unenrolled'), children: <ChildrenTab {...common} list="unenrolled" /> },
          { key: 'newborns', label: t('tabs.newborns'), children: <ChildrenTab {...common} list="newborns" /> },
          { key: 'gaps', label: t('tabs.gaps'), children: <ChildrenTab {...common} list="gaps" /> },
        ]}
      />
    </Card>
  );
}

function RateCell({ r }: { r: RateRowView['overall'] }) {
  const { t } = useTranslation('insurance');
  return (
    <Space size={4}>
      <span>{percent(r.rate)}</span>
      {r.status && <Tag color={r.status === 'met' ? 'green' : 'red'}>{t(`rates.${r.status}`)}</Tag>}
    </Space>
  );
}

function RatesTab({ year, unitCode, onUnit }: { year: number; unitCode?: string; onUnit: (code: string) => void }) {
  const { t } = useTranslation('insurance');
  const rates = useQuery({ queryKey: ['insurance-rates', year, unitCode], queryFn: () => api.get<RatesView>(`/insurance/rates${qs({ year, unitCode })}`) });
  const total = rates.data?.total;
  const rows = rates.data ? [...rates.data.rows, { ...rates.data.total, unitName: `${t('rates.total')}（${rates.data.total.unitName}）`, unitCode: 'total' }] : [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Table<RateRowView>
        rowKey="unitCode"
        size="middle"
        loading={rates.isLoading}
        dataSource={rows}
        pagination={false}
        // A row's "children" is a count of children, not sub-rows.
        expandable={{ childrenColumnName: 'subUnits' }}
        data-testid="insurance-rates"
        columns={[
          { title: t('rates.unit'), dataIndex: 'unitName', render: (n: string, r) => (r.unitCode === 'total' || r.unitCode.length >= 12 ? <b>{n}</b> : <a onClick={() => onUnit(r.unitCode)}>{n}</a>) },
          { title: t('rates.children'), dataIndex: 'children', align: 'right' },
          { title: t('rates.enrolled'), dataIndex: 'enrolled', align: 'right' },
          { title: `${t('rates.overall')}（${t('rates.target', { value: percent(total?.overall.target ?? null) })}）`, key: 'overall', render: (_, r) => <RateCell r={r.overall} /> },
          { title: t('rates.newborns'), dataIndex: 'newborns', align: 'right' },
          { title: t('rates.newbornsEnrolled'), dataIndex: 'newbornsEnrolled', align: 'right' },
          { title: `${t('rates.newborn')}（${t('rates.target', { value: percent(total?.newborn.target ?? null) })}）`, key: 'newborn', render: (_, r) => <RateCell r={r.newborn} /> },
        ]}
      />
      <Typography.Text type="secondary">{t('definitions')}</Typography.Text>
      {rates.data && <Typography.Text type="secondary">{t('rates.source', { source: rates.data.source })}</Typography.Text>}
    </Space>
  );
}

function ChildrenTab({ year, unitCode, list }: { year: number; unitCode?: string; list: 'unenrolled' | 'newborns' | 'gaps' }) {
  const { t } = useTranslation(['insurance', 'errors']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<ChildRowView | null>(null);
  const [form] = Form.useForm<{ status: string; note?: string }>();
  const data = useQuery({
    queryKey: ['insurance-children', year, unitCode, list, status, page],
    queryFn: () => api.get<Paged<ChildRowView>>(`/insurance/children${qs({ year, unitCode, list, status, page, pageSize: 20 })}`),
  });
  const save = async (v: { status: string; note?: string }) => {
    if (!editing) return;
    try {
      await api.post(`/insurance/children/${editing.personId}/followup`, { year, ...v });
      message.success(t('saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['insurance-children'] });
    } catch (e) {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    }
  };
  const check = async () => {
    try {
      const r = await api.post<{ raised: number }>('/insurance/check', { year });
      message.success(t('checked', { count: r.raised }));
    } catch (e) {
      message.error(String((e as Error).message));
    }
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t('children.followup')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`followup.${s}`) }))}
        />
        {list === 'gaps' && can('insurance.followup') && (
          <Button icon={<AlertOutlined />} onClick={() => void check()}>
            {t('check')}
          </Button>
        )}
      </Space>
      <Table<ChildRowView>
        rowKey="personId"
        size="middle"
        loading={data.isLoading}
        dataSource={data.data?.items ?? []}
        pagination={{ current: page, total: data.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        data-testid={`insurance-${list}`}
        columns={[
          { title: t('children.name'), dataIndex: 'name' },
          { title: t('children.idMasked'), dataIndex: 'idMasked' },
          { title: t('children.unit'), dataIndex: 'unitName' },
          { title: t('children.birthDate'), dataIndex: 'birthDate' },
          ...(list === 'newborns'
            ? [{ title: t('children.windowEnds'), dataIndex: 'windowEnds' as const }]
            : [{ title: t('children.gap'), key: 'gap', render: (_: unknown, r: ChildRowView) => (r.newborn ? t('children.newborn') : t(`children.${r.gap}`)) }]),
          {
            title: t('children.flags'),
            key: 'flags',
            render: (_, r) => (
              <Space size={4}>
                {r.lowIncome && <Tag color="orange">{t('children.lowIncome')}</Tag>}
                {r.disabled && <Tag color="purple">{t('children.disabled')}</Tag>}
              </Space>
            ),
          },
          { title: t('children.followup'), key: 'followup', render: (_, r) => <Tag color={STATUS_COLOR[r.followup.status]}>{t(`followup.${r.followup.status}`)}</Tag> },
          { title: t('children.note'), key: 'note', render: (_, r) => r.followup.note ?? '' },
          {
            title: '',
            key: 'act',
            render: (_, r) =>
              can('insurance.followup') && (
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(r);
                    form.setFieldsValue({ status: r.followup.status, note: r.followup.note ?? undefined });
                  }}
                >
                  {t('children.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={Boolean(editing)} title={editing ? t('followupTitle', { name: editing.name }) : ''} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="status" label={t('children.followup')} rules={[{ required: true, message: t('errors:field.required') }]}>
            <Select options={STATUSES.map((s) => ({ value: s, label: t(`followup.${s}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('children.note')}>
            <Input.TextArea rows={3} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
