import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { applyApiError } from '../../components/formErrors.ts';
import type { AlertView, ApiKeyView, FeedRunView, KeyGroupRow, PersonFactsView } from '../../../src/modules/feeds/contract.ts';

interface Catalogue {
  department: string | null;
  kinds: { kind: string; departments: string[]; authoritative: boolean; columns: { field: string; header: string; required: boolean }[] }[];
}

const DEPARTMENTS = ['civilAffairs', 'education', 'publicSecurity', 'health', 'humanResources', 'medicalInsurance', 'womensFederation', 'disabledPersons', 'youthLeague'];
const GROUPS = ['infant', 'minor', 'elderly', 'lowIncome', 'destitute', 'disabled', 'outOfSchool', 'leftBehind', 'uninsured', 'deceased'];
const RUN_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;
const ALERT_COLOR = { open: 'red', inProgress: 'orange', handled: 'green' } as const;

function errorText(e: unknown): string {
  return e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].join(' ') : String(e);
}

/** One fact's content in words: each field by its column name, codes by their labels. */
export function describeFact(t: TFunction, kind: string, value: Record<string, string | number | null>): string {
  return Object.entries(value)
    .filter(([k, v]) => v !== null && v !== '' && !k.endsWith('PersonId') && k !== 'certificateSuffix')
    .map(([k, v]) => {
      const label = t(`feeds:column.${kind}.${k}`, { defaultValue: t(`feeds:column.common.${k}`, { defaultValue: '' }) });
      const text = t(`feeds:value.${k}.${v}`, { defaultValue: String(v) });
      return label ? `${label}：${text}` : text;
    })
    .join('；');
}

/** Cross-department data: upload feeds, their history, API keys, change alerts, the key-group database. */
export function FeedsPage() {
  const { t } = useTranslation('feeds');
  const { can } = useAuth();
  const [state, update] = useUrlState({ tab: can('feeds.upload') ? 'upload' : 'alerts' } as Record<string, string | undefined>);
  const items = [
    ...(can('feeds.upload')
      ? [
          { key: 'upload', label: t('tabs.upload'), children: <UploadTab /> },
          { key: 'runs', label: t('tabs.runs'), children: <RunsTab /> },
          { key: 'keys', label: t('tabs.keys'), children: <KeysTab /> },
        ]
      : []),
    ...(can('feeds.read')
      ? [
          { key: 'alerts', label: t('tabs.alerts'), children: <AlertsTab /> },
          { key: 'keyGroups', label: t('tabs.keyGroups'), children: <KeyGroupsTab /> },
        ]
      : []),
  ];
  return (
    <Card title={t('title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}

function useCatalogue() {
  return useQuery({ queryKey: ['feeds-catalogue'], queryFn: () => api.get<Catalogue>('/feeds/catalogue') });
}

function UploadTab() {
  const { t } = useTranslation(['feeds', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const catalogue = useCatalogue();
  const own = catalogue.data?.department ?? null;
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [last, setLast] = useState<FeedRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!catalogue.data) return null;
  const dep = own ?? department ?? DEPARTMENTS[0];
  const kinds = catalogue.data.kinds.filter((k) => k.departments.includes(dep));
  if (!own && !catalogue.data.kinds.length) return <Alert type="warning" showIcon message={t('upload.noDepartment')} />;
  const selected = kinds.find((k) => k.kind === kind) ?? kinds[0];

  const send = async (file: File) => {
    if (!selected) return;
    setError(null);
    setBusy(true);
    const form = new FormData();
    form.append('file', file);
    try {
      const run = await api.upload<FeedRunView>(`/feeds/upload${qs({ department: dep, kind: selected.kind })}`, form);
      setLast(run);
      message.success(t('upload.saved'));
      void qc.invalidateQueries({ queryKey: ['feed-runs'] });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const report = (id: string) => void api.download(`/feeds/runs/${id}/errors.csv`, 'errors.csv').catch((e) => message.error(String(e)));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('upload.department')}>
          <Select
            style={{ width: 200 }}
            value={dep}
            disabled={Boolean(own)}
            onChange={(v) => {
              setDepartment(v);
              setKind(undefined);
            }}
            options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))}
            data-testid="feed-department"
          />
        </Form.Item>
        <Form.Item label={t('upload.kind')}>
          <Select style={{ width: 260 }} value={selected?.kind} onChange={setKind} options={kinds.map((k) => ({ value: k.kind, label: t(`kind.${k.kind}`) }))} data-testid="feed-kind" />
        </Form.Item>
      </Form>
      {selected && (
        <>
          <Upload.Dragger accept=".csv,.xlsx,text/csv" showUploadList={false} disabled={busy} customRequest={({ file }) => void send(file as File)} data-testid="feed-upload">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('upload.drop')}</p>
            <p className="ant-upload-hint" style={{ padding: '0 24px' }}>
              {t('upload.hint')}
            </p>
          </Upload.Dragger>
          {last && (
            <Alert
              type={last.rowsFailed ? 'warning' : 'success'}
              showIcon
              data-testid="feed-result"
              message={t('upload.result', { total: last.rowsTotal, inserted: last.rowsInserted, updated: last.rowsUpdated, unchanged: last.rowsUnchanged, failed: last.rowsFailed })}
              action={last.rowsFailed > 0 && <Button onClick={() => report(last.id)}>{t('report.download')}</Button>}
            />
          )}
          {error && <Alert type="error" showIcon message={error} data-testid="feed-error" />}
          <Card size="small" title={t('upload.columns')} extra={<Button size="small" icon={<DownloadOutlined />} onClick={() => void api.download(`/feeds/template.csv?kind=${selected.kind}`, `${selected.kind}.csv`)}>{t('upload.template')}</Button>}>
            <Typography.Paragraph type="secondary">{selected.authoritative ? t('upload.authoritative') : t('upload.notAuthoritative')}</Typography.Paragraph>
            <Space wrap>
              {selected.columns.map((c) => (
                <Tag key={c.field} color={c.required ? 'blue' : undefined}>
                  {c.header}（{c.required ? t('upload.required') : t('upload.optional')}）
                </Tag>
              ))}
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}

function RunsTab() {
  const { t } = useTranslation('feeds');
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const runs = useQuery({ queryKey: ['feed-runs', page], queryFn: () => api.get<Paged<FeedRunView>>(`/feeds/runs${qs({ page })}`) });
  const report = (id: string) => void api.download(`/feeds/runs/${id}/errors.csv`, 'errors.csv').catch((e) => message.error(String(e)));
  return (
    <Table<FeedRunView>
      rowKey="id"
      size="middle"
      loading={runs.isLoading}
      dataSource={runs.data?.items ?? []}
      pagination={{ current: page, total: runs.data?.total ?? 0, pageSize: 20, onChange: setPage }}
      columns={[
        { title: t('runs.fileName'), dataIndex: 'fileName', render: (v: string, r) => (r.channel === 'api' ? t('channel.api') : v) },
        { title: t('runs.department'), dataIndex: 'department', render: (v: string) => t(`department.${v}`) },
        { title: t('runs.kind'), dataIndex: 'feedType', render: (v: string) => t(`kind.${v}`) },
        { title: t('runs.status'), dataIndex: 'status', render: (s: FeedRunView['status']) => <Tag color={RUN_COLOR[s]}>{t(`status.${s}`)}</Tag> },
        { title: t('runs.total'), dataIndex: 'rowsTotal', align: 'right' },
        { title: t('runs.inserted'), dataIndex: 'rowsInserted', align: 'right' },
        { title: t('runs.updated'), dataIndex: 'rowsUpdated', align: 'right' },
        { title: t('runs.unchanged'), dataIndex: 'rowsUnchanged', align: 'right' },
        { title: t('runs.failed'), dataIndex: 'rowsFailed', align: 'right', render: (n: number, r) => (n > 0 ? <a onClick={() => report(r.id)}>{n}</a> : n) },
        { title: t('runs.by'), dataIndex: 'actorUsername' },
        { title: t('runs.at'), dataIndex: 'startedAt', render: (v: string) => new Date(v).toLocaleString() },
      ]}
    />
  );
}

function KeysTab() {
  const { t } = useTranslation(['feeds', 'common']);
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const catalogue = useCatalogue();
  const [form] = Form.useForm<{ name: string; department: string }>();
  const [token, setToken] = useState<string | null>(null);
  const keys = useQuery({ queryKey: ['feed-keys'], queryFn: () => api.get<ApiKeyView[]>('/feeds/keys') });
  const own = catalogue.data?.department ?? null;
  const create = async (v: { name: string; department?: string }) => {
    try {
      const res = await api.post<{ key: ApiKeyView; token: string }>('/feeds/keys', { name: v.name, department: own ?? v.department });
      setToken(res.token);
      form.resetFields();
      message.success(t('keys.created'));
      void qc.invalidateQueries({ queryKey: ['feed-keys'] });
    } catch (e) {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    }
  };
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<ApiKeyView>(`/feeds/keys/${id}/revoke`),
    onSuccess: () => {
      message.success(t('keys.revokedDone'));
      void qc.invalidateQueries({ queryKey: ['feed-keys'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void create(v)}>
        {!own && (
          <Form.Item name="department" label={t('upload.department')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('keys.name')} rules={[{ required: true, message: t('errors:field.required') }]}>
          <Input style={{ width: 280 }} placeholder={t('keys.namePlaceholder')} maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />}>
          {t('keys.create')}
        </Button>
      </Form>
      {token && (
        <Alert type="success" showIcon closable onClose={() => setToken(null)} message={t('keys.copyOnce')} description={<Typography.Text copyable code data-testid="feed-token">{token}</Typography.Text>} />
      )}
      <Table<ApiKeyView>
        rowKey="id"
        size="middle"
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        pagination={false}
        columns={[
          { title: t('keys.name'), dataIndex: 'name' },
          { title: t('upload.department'), dataIndex: 'department', render: (v: string) => t(`department.${v}`) },
          { title: t('keys.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('keys.createdBy'), dataIndex: 'createdByName' },
          { title: t('keys.createdAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('keys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? new Date(v).toLocaleString() : '—') },
          { title: '', dataIndex: 'revokedAt', render: (v: string | null) => (v ? <Tag>{t('keys.revoked')}</Tag> : <Tag color="green">{t('keys.active')}</Tag>) },
          {
            title: '',
            key: 'act',
            render: (_, k) =>
              !k.revokedAt && (
                <Button danger size="small" onClick={() => modal.confirm({ title: t('keys.revokeConfirm', { name: k.name }), okButtonProps: { danger: true }, onOk: () => revoke.mutateAsync(k.id) })}>
                  {t('keys.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}

function alertDetail(t: TFunction, a: AlertView): string {
  const d = a.detail;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) values[k] = t(`feeds:value.${k}.${v}`, { defaultValue: String(v ?? '') });
  if (a.kind === 'insuranceLapse') values.gap = t(`feeds:alerts.gap.${d.gap}`);
  if (a.kind === 'newDisability') values.category = t(`feeds:value.category.${d.category}`, { defaultValue: '' });
  return t(`feeds:alerts.detailText.${a.kind}`, values);
}

function AlertsTab() {
  const { t } = useTranslation(['feeds', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [state, update] = useUrlState({ status: 'open', kind: undefined, unitCode: undefined, page: '1' } as Record<string, string | undefined>);
  const [closing, setClosing] = useState<AlertView | null>(null);
  const [facts, setFacts] = useState<string | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const list = useQuery({ queryKey: ['feed-alerts', state], queryFn: () => api.get<Paged<AlertView>>(`/feeds/alerts${qs({ ...state, pageSize: 20 })}`) });
  const save = async (a: AlertView, status: 'inProgress' | 'handled', note?: string) => {
    try {
      await api.post(`/feeds/alerts/${a.id}`, { status, note });
      message.success(t('alerts.saved'));
      setClosing(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['feed-alerts'] });
    } catch (e) {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={state.status ?? ''}
          onChange={(v) => update({ status: v || undefined, page: '1' })}
          options={[{ value: '', label: t('alerts.all') }, ...['open', 'inProgress', 'handled'].map((s) => ({ value: s, label: t(`alerts.status.${s}`) }))]}
        />
        <Select
          style={{ width: 220 }}
          value={state.kind ?? ''}
          onChange={(v) => update({ kind: v || undefined, page: '1' })}
          options={[{ value: '', label: t('alerts.all') }, ...['guardianDeath', 'leftSchool', 'newDisability', 'insuranceLapse'].map((s) => ({ value: s, label: t(`alerts.kind.${s}`) }))]}
        />
        <UnitPicker value={state.unitCode} onChange={(v) => update({ unitCode: v, page: '1' })} placeholder={t('filters.unit')} style={{ width: 260 }} />
      </Space>
      <Table<AlertView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: Number(state.page), total: list.data?.total ?? 0, pageSize: 20, onChange: (p) => update({ page: String(p) }) }}
        columns={[
          { title: t('alerts.kindTitle'), dataIndex: 'kind', render: (k: string) => <Tag color="volcano">{t(`alerts.kind.${k}`)}</Tag> },
          { title: t('alerts.person'), dataIndex: 'personName', render: (n: string, a) => <a onClick={() => setFacts(a.personId)}>{n}</a> },
          { title: t('keyGroups.idMasked'), dataIndex: 'idMasked' },
          { title: t('alerts.detail'), key: 'detail', render: (_, a) => alertDetail(t, a) },
          { title: t('alerts.unit'), dataIndex: 'unitName' },
          { title: t('alerts.raisedAt'), dataIndex: 'raisedAt', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('runs.status'), dataIndex: 'status', render: (s: AlertView['status']) => <Tag color={ALERT_COLOR[s]}>{t(`alerts.status.${s}`)}</Tag> },
          { title: t('alerts.note'), dataIndex: 'note', render: (v: string | null, a) => v ?? (a.detail.closedBy ? t('alerts.closedByEnrolment') : '') },
          {
            title: '',
            key: 'act',
            render: (_, a) =>
              can('feeds.alerts') &&
              a.status !== 'handled' && (
                <Space>
                  {a.status === 'open' && (
                    <Button size="small" onClick={() => void save(a, 'inProgress')}>
                      {t('alerts.take')}
                    </Button>
                  )}
                  <Button size="small" type="primary" onClick={() => setClosing(a)}>
                    {t('alerts.close')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={Boolean(closing)} title={closing ? t('alerts.closeTitle', { name: closing.personName }) : ''} onCancel={() => setClosing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => closing && void save(closing, 'handled', v.note)}>
          <Form.Item name="note" label={t('alerts.note')} rules={[{ required: true, message: t('errors:field.required') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('alerts.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <FactsDrawer personId={facts} onClose={() => setFacts(null)} />
    </Space>
  );
}

export function FactsDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useTranslation('feeds');
  const data = useQuery({ queryKey: ['person-facts', personId], queryFn: () => api.get<PersonFactsView>(`/feeds/people/${personId}/facts`), enabled: Boolean(personId) });
  const v = data.data;
  return (
    <Drawer open={Boolean(personId)} onClose={onClose} width={880} title={v ? t('facts.title', { name: v.person.name }) : ''} destroyOnHidden>
      {v && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={3} items={[
            { key: 'id', label: t('keyGroups.idMasked'), children: v.person.idMasked },
            { key: 'birth', label: t('keyGroups.birthDate'), children: v.person.birthDate },
            { key: 'unit', label: t('keyGroups.unit'), children: v.person.unitName },
          ]} />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={v.facts}
            locale={{ emptyText: t('facts.empty') }}
            rowClassName={(f) => (f.current ? '' : 'ant-table-row-disabled')}
            columns={[
              { title: t('facts.kind'), dataIndex: 'kind', render: (k: string) => t(`kind.${k}`) },
              { title: t('facts.value'), key: 'value', render: (_, f) => describeFact(t, f.kind, f.value) },
              { title: t('facts.period'), key: 'period', render: (_, f) => [f.validFrom, f.validTo].filter(Boolean).join(' ~ ') },
              { title: t('facts.department'), dataIndex: 'department', render: (d: string) => t(`department.${d}`) },
              { title: t('facts.source'), key: 'source', render: (_, f) => (f.channel === 'api' ? t('channel.api') : f.fileName ?? '') },
              { title: t('facts.recordedAt'), dataIndex: 'recordedAt', render: (r: string) => new Date(r).toLocaleString() },
              { title: '', dataIndex: 'current', render: (c: boolean) => (c ? <Tag color="green">{t('facts.current')}</Tag> : <Tag>{t('facts.superseded')}</Tag>) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

function KeyGroupsTab() {
  const { t } = useTranslation('feeds');
  const { can } = useAuth();
  const { message } = App.useApp();
  const [state, update] = useUrlState({ group: undefined, unitCode: undefined, page: '1' } as Record<string, string | undefined>);
  const [facts, setFacts] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['key-groups', state], queryFn: () => api.get<Paged<KeyGroupRow>>(`/feeds/key-groups${qs({ ...state, pageSize: 20 })}`) });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('keyGroups.intro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 240 }}
          value={state.group ?? ''}
          onChange={(v) => update({ group: v || undefined, page: '1' })}
          options={[{ value: '', label: t('filters.all') }, ...GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))]}
          data-testid="key-group"
        />
        <UnitPicker value={state.unitCode} onChange={(v) => update({ unitCode: v, page: '1' })} placeholder={t('filters.unit')} style={{ width: 260 }} />
        {can('people.export') && (
          <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/feeds/key-groups/export.xlsx${qs({ group: state.group, unitCode: state.unitCode })}`, 'key-groups.xlsx').catch((e) => message.error(String(e)))}>
            {t('keyGroups.export')}
          </Button>
        )}
      </Space>
      <Table<KeyGroupRow>
        rowKey="personId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: Number(state.page), total: list.data?.total ?? 0, pageSize: 20, onChange: (p) => update({ page: String(p) }) }}
        columns={[
          { title: t('keyGroups.name'), dataIndex: 'name', render: (n: string, r) => <a onClick={() => setFacts(r.personId)}>{n}</a> },
          { title: t('keyGroups.idMasked'), dataIndex: 'idMasked' },
          { title: t('keyGroups.unit'), dataIndex: 'unitName' },
          { title: t('keyGroups.birthDate'), dataIndex: 'birthDate' },
          { title: t('keyGroups.groups'), dataIndex: 'groups', render: (gs: string[]) => <Space size={4} wrap>{gs.map((g) => <Tag key={g}>{t(`group.${g}`)}</Tag>)}</Space> },
          { title: t('keyGroups.facts'), dataIndex: 'facts', align: 'right' },
        ]}
      />
      <FactsDrawer personId={facts} onClose={() => setFacts(null)} />
    </Space>
  );
}
