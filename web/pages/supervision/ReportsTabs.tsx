import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Progress, Select, Space, Statistic, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { cloudView, ComplaintView, creditRow, IncidentView } from '../../../src/modules/supervision/contract.ts';
import type { CenterListItem } from '../../../src/modules/childcare/contract.ts';

const KINDS = ['injury', 'illness', 'outbreak', 'foodSafety', 'fire', 'violence', 'missingChild', 'other'];
const STATUS_COLORS: Record<string, string> = { reported: 'red', acknowledged: 'orange', closed: 'green', received: 'orange', handling: 'blue', upheld: 'red', dismissed: 'default' };

/** Incident and emergency reports: a center reports; the county acknowledges and closes. */
export function IncidentsTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const formErrors = useFormErrors(form, { toast: true });
  const [reporting, setReporting] = useState(false);
  const [closing, setClosing] = useState<IncidentView | null>(null);
  const [note, setNote] = useState('');
  const [atFault, setAtFault] = useState(false);
  const list = useQuery({ queryKey: ['supervision-incidents'], queryFn: () => api.get<IncidentView[]>('/supervision/incidents') });
  const centers = useQuery({ queryKey: ['own-centers'], queryFn: () => api.get<Paged<CenterListItem>>(`/childcare/centers${qs({ pageSize: 200 })}`), enabled: reporting });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['supervision-incidents'] });
  const report = useMutation({
    mutationFn: (v: { centerId: string; occurredAt: { format(): string }; kind: string; severity: string; description: string; childrenAffected: number; actionsTaken: string }) => api.post('/supervision/incidents', { ...v, occurredAt: v.occurredAt.format() }),
    onSuccess: () => {
      setReporting(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      formErrors.onError(e);
    },
  });
  const handle = useMutation({
    mutationFn: (a: { id: string; body: unknown }) => api.post(`/supervision/incidents/${a.id}/handle`, a.body),
    onSuccess: () => {
      void message.success(t('common:feedback.handled'));
      setClosing(null);
      refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('supervision.report') && (
        <Button type="primary" danger onClick={() => setReporting(true)} data-testid="report-incident">
          {t('incidents.report')}
        </Button>
      )}
      <Table<IncidentView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        expandable={{ expandedRowRender: (r) => `${t('field.actionsTaken')}：${r.actionsTaken}${r.handlingNote ? ` ／ ${t('field.note')}：${r.handlingNote}` : ''}` }}
        columns={[
          { title: t('field.occurredAt'), dataIndex: 'occurredAt', key: 'at', sorter: (a, b) => a.occurredAt.localeCompare(b.occurredAt), render: (v: string) => v.slice(0, 16).replace('T', ' ') },
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => t(`kind.${v}`) },
          { title: t('field.severity'), dataIndex: 'severity', key: 'severity', render: (v: string) => <Tag color={v === 'general' ? 'default' : 'red'}>{t(`incidentSeverity.${v}`)}</Tag> },
          { title: t('field.description'), dataIndex: 'description', key: 'description' },
          { title: t('field.childrenAffected'), dataIndex: 'childrenAffected', key: 'children', align: 'right' },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`status.${v}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              can('supervision.manage') && r.status !== 'closed' ? (
                <Space>
                  {r.status === 'reported' && (
                    <Button size="small" onClick={() => handle.mutate({ id: r.id, body: { action: 'acknowledge' } })}>
                      {t('incidents.acknowledge')}
                    </Button>
                  )}
                  <Button size="small" type="primary" onClick={() => setClosing(r)}>
                    {t('incidents.close')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={reporting} title={t('incidents.report')} onCancel={() => setReporting(false)} onOk={() => form.submit()} confirmLoading={report.isPending} destroyOnHidden>
        <Form form={form} onValuesChange={formErrors.onValuesChange} layout="vertical" initialValues={{ severity: 'general', childrenAffected: 1 }} onFinish={(v) => report.mutate(v)}>
          <Form.Item name="centerId" label={t('field.center')} rules={[rules.choose()]}>
            <Select options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={centers.isLoading} />
          </Form.Item>
          <Space>
            <Form.Item name="occurredAt" label={t('field.occurredAt')} rules={[rules.choose()]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="kind" label={t('field.kind')} rules={[rules.choose()]}>
              <Select style={{ width: 130 }} options={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
            </Form.Item>
            <Form.Item name="severity" label={t('field.severity')} rules={[rules.choose()]}>
              <Select style={{ width: 90 }} options={['general', 'serious', 'major'].map((v) => ({ value: v, label: t(`incidentSeverity.${v}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('field.description')} rules={[rules.required()]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="childrenAffected" label={t('field.childrenAffected')} rules={[rules.required()]}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="actionsTaken" label={t('field.actionsTaken')} rules={[rules.required()]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!closing} title={t('incidents.close')} onCancel={() => setClosing(null)} okButtonProps={{ disabled: !note.trim() }} onOk={() => closing && handle.mutate({ id: closing.id, body: { action: 'close', note, centerAtFault: atFault } })}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={3} placeholder={t('field.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Space>
            {t('field.centerAtFault')} <Switch checked={atFault} onChange={setAtFault} />
          </Space>
        </Space>
      </Modal>
    </Space>
  );
}

/** Parents' complaints: the county takes one up, then upholds or dismisses it with a reply. */
export function ComplaintsTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ c: ComplaintView; action: 'uphold' | 'dismiss' } | null>(null);
  const [reply, setReply] = useState('');
  const list = useQuery({ queryKey: ['supervision-complaints'], queryFn: () => api.get<ComplaintView[]>('/supervision/complaints') });
  const handle = useMutation({
    mutationFn: (a: { id: string; action: string; reply?: string }) => api.post(`/supervision/complaints/${a.id}/handle`, { action: a.action, reply: a.reply }),
    onSuccess: () => {
      void message.success(t('common:feedback.handled'));
      setActing(null);
      setReply('');
      void qc.invalidateQueries({ queryKey: ['supervision-complaints'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <Table<ComplaintView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.category'), dataIndex: 'category', key: 'category', render: (v: string) => t(`category.${v}`) },
          { title: t('field.content'), dataIndex: 'content', key: 'content' },
          { title: t('field.complainant'), dataIndex: 'complainantName', key: 'who' },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`status.${v}`)}</Tag> },
          { title: t('field.reply'), dataIndex: 'reply', key: 'reply' },
          {
            title: '',
            key: 'actions',
            render: (_, c) =>
              c.status === 'received' || c.status === 'handling' ? (
                <Space>
                  {c.status === 'received' && (
                    <Button size="small" onClick={() => handle.mutate({ id: c.id, action: 'handle' })}>
                      {t('complaints.handle')}
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setActing({ c, action: 'uphold' })}>
                    {t('complaints.uphold')}
                  </Button>
                  <Button size="small" onClick={() => setActing({ c, action: 'dismiss' })}>
                    {t('complaints.dismiss')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={!!acting} title={acting ? t(`complaints.${acting.action}`) : ''} onCancel={() => setActing(null)} okButtonProps={{ disabled: !reply.trim() }} onOk={() => acting && handle.mutate({ id: acting.c.id, action: acting.action, reply })}>
        <Input.TextArea rows={3} placeholder={t('field.reply')} value={reply} onChange={(e) => setReply(e.target.value)} />
      </Modal>
    </>
  );
}

type CreditRow = z.infer<typeof creditRow>;
const LEVEL_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** Credit scores and levels of the centers; the lowest level is marked for joint punishment. */
export function CreditTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const [level, setLevel] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['supervision-credit', level], queryFn: () => api.get<CreditRow[]>(`/supervision/credit${qs({ level })}`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Select allowClear placeholder={t('field.level')} style={{ width: 120 }} value={level} onChange={setLevel} options={['A', 'B', 'C', 'D'].map((v) => ({ value: v, label: v }))} />
      <Table<CreditRow>
        rowKey="centerId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.score'), dataIndex: 'score', key: 'score', align: 'right', sorter: (a, b) => a.score - b.score, defaultSortOrder: 'ascend' },
          { title: t('field.level'), dataIndex: 'level', key: 'level', render: (v: string, r) => (<><Tag color={LEVEL_COLORS[v]}>{v}</Tag>{r.jointPunishment && <Tag color="red">{t('credit.jointPunishment')}</Tag>}</>) },
          { title: t('field.events'), dataIndex: 'events', key: 'events', align: 'right', sorter: (a, b) => a.events - b.events },
        ]}
      />
    </Space>
  );
}

type Cloud = z.infer<typeof cloudView>;

/** Cloud supervision by unit and the coverage of centers graded three or better (target: all). */
export function CloudTab() {
  const { t } = useTranslation(['supervision', 'grading']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const data = useQuery({ queryKey: ['supervision-cloud'], queryFn: () => api.get<Cloud>('/supervision/cloud') });
  const connect = useMutation({
    mutationFn: (centerId: string) => api.post<Cloud>(`/supervision/centers/${centerId}/cloud`, { connected: true }),
    onSuccess: (d) => {
      void message.success(t('common:feedback.connected'));
      qc.setQueryData(['supervision-cloud'], d);
    },
  });
  const d = data.data;
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Space size={48}>
        <Statistic title={t('cloud.coverage')} value={pct(d?.gradedCoverage ?? null)} />
        <Statistic title={t('field.graded')} value={d?.graded ?? 0} />
        <Statistic title={t('field.gradedConnected')} value={d?.gradedConnected ?? 0} />
      </Space>
      <Table
        rowKey="unitCode"
        size="middle"
        loading={data.isLoading}
        pagination={false}
        dataSource={d?.rows ?? []}
        columns={[
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.centers'), dataIndex: 'centers', key: 'centers', align: 'right' },
          { title: t('field.connected'), dataIndex: 'connected', key: 'connected', align: 'right' },
          { title: t('field.graded'), dataIndex: 'graded', key: 'graded', align: 'right' },
          { title: t('field.gradedConnected'), dataIndex: 'gradedConnected', key: 'gc', align: 'right' },
          { title: t('field.gradedCoverage'), dataIndex: 'gradedCoverage', key: 'cov', width: 200, render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.round(v * 1000) / 10} size="small" status={v < 1 ? 'active' : 'success'} />) },
        ]}
      />
      {(d?.gradedNotConnected.length ?? 0) > 0 && <Alert type="warning" showIcon message={t('cloud.notConnected')} />}
      <Table
        rowKey="centerId"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={d?.gradedNotConnected ?? []}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.grade'), dataIndex: 'level', key: 'level', render: (v: string) => t(`grading:level.${v}`) },
          { title: '', key: 'a', render: (_, r) => (can('supervision.manage') ? <Button size="small" onClick={() => connect.mutate(r.centerId)}>{t('cloud.connect')}</Button> : null) },
        ]}
      />
    </Space>
  );
}
