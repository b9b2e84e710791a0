import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { errorText, useFormErrors } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { InspectionView } from '../../../src/modules/supervision/contract.ts';

type CheckItem = { code: string; clause: string; severity: string; name: { 'zh-CN': string; 'en-US': string } };
const TYPES = ['routine', 'fireSafety', 'foodHygiene', 'special'];
const SEVERITY_COLORS: Record<string, string> = { minor: 'gold', major: 'orange', critical: 'red' };

/** Inspections: filter, sort, export; record the answered checklist of a scheduled one. */
export function InspectionsTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const { message } = App.useApp();
  const [open, setOpen] = useState<InspectionView | null>(null);
  const [state, update] = useUrlState({ status: undefined, inspectionType: undefined, q: undefined, sort: 'scheduledOn', order: 'desc', page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const filters = { status: state.status, inspectionType: state.inspectionType, q: state.q };
  const list = useQuery({ queryKey: ['supervision-inspections', state], queryFn: () => api.get<Paged<InspectionView>>(`/supervision/inspections${qs({ ...filters, sort: state.sort, order: state.order, page: state.page, pageSize: state.pageSize })}`) });
  const sortOrder = (key: string) => (state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select allowClear placeholder={t('field.status')} style={{ width: 110 }} value={state.status} onChange={(v) => update({ status: v, page: '1' })} options={['scheduled', 'done'].map((v) => ({ value: v, label: t(`status.${v}`) }))} />
          <Select allowClear placeholder={t('field.type')} style={{ width: 120 }} value={state.inspectionType} onChange={(v) => update({ inspectionType: v, page: '1' })} options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
          <Input.Search allowClear placeholder={t('field.center')} style={{ width: 180 }} defaultValue={state.q} onSearch={(v) => update({ q: v || undefined, page: '1' })} />
        </Space>
        <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/supervision/inspections/export.xlsx${qs({ ...filters, sort: state.sort, order: state.order })}`, 'inspections.xlsx').catch((e) => message.error(errorText(e)))}>
          {t('common:actions.export')}
        </Button>
      </Space>
      <Table<InspectionView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          update({ sort: s?.order ? String(s.columnKey) : 'scheduledOn', order: s?.order === 'ascend' ? 'asc' : 'desc', page: '1' });
        }}
        pagination={{ current: Number(state.page), pageSize: Number(state.pageSize), total: list.data?.total ?? 0, showTotal: (n) => t('common:total', { count: n }), onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }) }}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'centerName', sorter: true, sortOrder: sortOrder('centerName'), render: (v: string) => <a>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.type'), dataIndex: 'inspectionType', key: 'type', render: (v: string) => t(`type.${v}`) },
          { title: t('field.scheduledOn'), dataIndex: 'scheduledOn', key: 'scheduledOn', sorter: true, sortOrder: sortOrder('scheduledOn') },
          { title: t('field.inspectors'), dataIndex: 'inspectorNames', key: 'inspectors', render: (v: string[]) => v.join('、') },
          { title: t('field.status'), dataIndex: 'status', key: 'status', sorter: true, sortOrder: sortOrder('status'), render: (v: string) => <Tag color={v === 'done' ? 'green' : 'orange'}>{t(`status.${v}`)}</Tag> },
          { title: t('field.findings'), dataIndex: 'findings', key: 'findings', render: (v: InspectionView['findings']) => v.map((f) => <Tag key={f.id} color={SEVERITY_COLORS[f.severity]}>{f.description}</Tag>) },
        ]}
      />
      <InspectionDrawer inspection={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function InspectionDrawer({ inspection, onClose }: { inspection: InspectionView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(['supervision', 'common']);
  const lng = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const checklists = useQuery({ queryKey: ['supervision-checklists'], queryFn: () => api.get<{ types: Record<string, CheckItem[]> }>('/supervision/checklists'), staleTime: Infinity });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // Findings are fields of a form, so the server's `findings.<item code>` errors land under their item.
  const [form] = Form.useForm<{ findings: Record<string, string>; inspectedOn?: Dayjs; rectificationDeadline?: Dayjs; onBehalfReason?: string }>();
  const { onError, onValuesChange } = useFormErrors(form, { toast: true });
  const inspectedOn = (Form.useWatch('inspectedOn', form) as Dayjs | undefined)?.format('YYYY-MM-DD') ?? null;
  const deadline = (Form.useWatch('rectificationDeadline', form) as Dayjs | undefined)?.format('YYYY-MM-DD') ?? null;
  const record = useMutation({
    mutationFn: () => api.post<InspectionView>(`/supervision/inspections/${inspection!.id}/result`, {
        inspectedOn,
        results: answers,
        findings: Object.fromEntries(Object.entries((form.getFieldValue('findings') ?? {}) as Record<string, string | undefined>).filter(([code, v]) => answers[code] === 'fail' && v)),
        rectificationDeadline: deadline ?? undefined,
        onBehalfReason: inspection!.mayRecord === 'onBehalf' ? ((form.getFieldValue('onBehalfReason') as string | undefined) ?? '') : undefined,
      }),
    onSuccess: (done) => {
      void message.success(done.credit ? t('inspections.recordedCredit', { points: -done.credit.change, score: done.credit.score, level: done.credit.level }) : t('inspections.recorded'));
      void qc.invalidateQueries({ queryKey: ['supervision-inspections'] });
      void qc.invalidateQueries({ queryKey: ['supervision-orders'] });
      onClose();
    },
    onError: (e) => void onError(e),
  });
  const items = inspection ? (checklists.data?.types[inspection.inspectionType] ?? []) : [];
  const editing = inspection?.status === 'scheduled' && can('supervision.manage') && inspection.mayRecord !== 'no';
  const names = inspection?.inspectorNames.join('、') ?? '';
  const anyFail = Object.values(answers).includes('fail');
  return (
    <Drawer open={!!inspection} onClose={onClose} width={880} title={inspection ? `${inspection.centerName} · ${t(`type.${inspection.inspectionType}`)}` : ''} destroyOnHidden>
      {inspection && (
        <Form form={form} component={false} onValuesChange={onValuesChange}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {inspection.status === 'scheduled' && can('supervision.manage') && inspection.mayRecord === 'no' && <Alert type="info" showIcon message={t('inspections.onlyInspectors', { names })} />}
          {editing && inspection.mayRecord === 'onBehalf' && (
            <>
              <Alert type="warning" showIcon message={t('inspections.onBehalf', { names })} />
              <Form.Item name="onBehalfReason" label={t('inspections.onBehalfReason')} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={500} data-testid="on-behalf-reason" />
              </Form.Item>
            </>
          )}
          {editing && (
            <Space wrap>
              <Form.Item name="inspectedOn" style={{ marginBottom: 0 }}>
                <DatePicker placeholder={t('field.inspectedOn')} data-testid="inspected-on" />
              </Form.Item>
              {anyFail && (
                <Form.Item name="rectificationDeadline" style={{ marginBottom: 0 }}>
                  <DatePicker placeholder={t('field.deadline')} data-testid="rectification-deadline" />
                </Form.Item>
              )}
              <Button type="primary" disabled={!inspectedOn || Object.keys(answers).length < items.length} loading={record.isPending} onClick={() => record.mutate()}>
                {t('inspections.record')}
              </Button>
            </Space>
          )}
          <Table<CheckItem>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              { title: t('field.item'), key: 'name', render: (_, i) => i.name[lng] },
              { title: t('field.clause'), dataIndex: 'clause', key: 'clause', width: 150 },
              { title: t('field.severity'), dataIndex: 'severity', key: 'severity', width: 90, render: (v: string) => <Tag color={SEVERITY_COLORS[v]}>{t(`severity.${v}`)}</Tag> },
              {
                title: t('field.answer'),
                key: 'answer',
                width: 300,
                render: (_, i) =>
                  editing ? (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Radio.Group size="small" value={answers[i.code]} onChange={(e) => setAnswers((a) => ({ ...a, [i.code]: e.target.value }))} options={['pass', 'fail', 'na'].map((v) => ({ value: v, label: t(`answer.${v}`) }))} />
                      {answers[i.code] === 'fail' && (
                        <Form.Item name={['findings', i.code]} style={{ marginBottom: 0 }}>
                          <Input size="small" placeholder={t('field.findings')} data-testid={`finding-${i.code}`} />
                        </Form.Item>
                      )}
                    </Space>
                  ) : inspection.results ? (
                    <>
                      <Tag color={inspection.results[i.code] === 'fail' ? 'red' : 'green'}>{t(`answer.${inspection.results[i.code]}`)}</Tag>
                      {inspection.findings.find((f) => f.itemCode === i.code)?.description}
                    </>
                  ) : null,
              },
            ]}
          />
        </Space>
        </Form>
      )}
    </Drawer>
  );
}
