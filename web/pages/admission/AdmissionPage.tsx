import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { ApplicationView, ProgramView, RoundView } from '../../../src/modules/admission/contract.ts';
import { APPLICATION_STATUSES } from '../../../src/modules/admission/workflow.ts';
import { ApplicationStatusTag, ChoiceList, downloadCsv } from './explain.tsx';

interface PlaceCenter {
  id: string;
  name: string;
  unitCode: string;
  classes: { id: string; name: string; classType: string }[];
}

const RULE_KINDS = ['affordableEligible', 'sibling', 'employeeChild', 'residentOf', 'distance'] as const;


function RoundForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admission', 'common']);
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const submit = async (v: Record<string, unknown>) => {
    setError(null);
    try {
      await api.post('/admission/rounds', { ...v, unitCode: user!.unitCode });
      void qc.invalidateQueries({ queryKey: ['admission-rounds'] });
      form.resetFields();
      onClose();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Modal open={open} title={t('newRound')} onCancel={onClose} onOk={() => form.submit()} okText={t('common:actions.save')} destroyOnHidden>
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ answerDays: 7 }}>
        <Form.Item name="name" label={t('round.name')} rules={[rules.required()]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Form.Item name="applyFrom" label={t('round.applyFrom')} rules={[rules.required()]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="applyTo" label={t('round.applyTo')} rules={[rules.required()]}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="earliestStart" label={t('round.earliestStart')} rules={[rules.required()]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="answerDays" label={t('round.answerDays')}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function PlacesForm({ round, onClose }: { round: RoundView | null; onClose: () => void }) {
  const { t } = useTranslation(['admission', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const centers = useQuery({ queryKey: ['admission-centers'], queryFn: () => api.get<PlaceCenter[]>('/admission/centers'), enabled: !!round });
  const centerId = Form.useWatch('centerId', form) as string | undefined;
  const classes = centers.data?.find((c) => c.id === centerId)?.classes ?? [];
  const submit = async (v: { centerId: string; classId: string; places: number; rules?: { kind: string; employerId?: string; unitPrefix?: string }[] }) => {
    setError(null);
    try {
      const rules = (v.rules ?? []).map((r, i) => ({ ...r, id: `${r.kind}-${i + 1}` }));
      await api.put(`/admission/rounds/${round!.id}/programs`, { centerId: v.centerId, classId: v.classId, places: v.places, rules });
      void qc.invalidateQueries({ queryKey: ['admission-programs'] });
      void qc.invalidateQueries({ queryKey: ['admission-rounds'] });
      form.resetFields();
      onClose();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Modal open={!!round} title={t('actions.setPlaces')} onCancel={onClose} onOk={() => form.submit()} okText={t('common:actions.save')} destroyOnHidden width={620}>
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ places: 5, rules: [] }}>
        <Form.Item name="centerId" label={t('program.center')} rules={[rules.choose()]}>
          <Select options={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="places-center" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="classId" label={t('program.class')} rules={[rules.choose()]}>
            <Select style={{ width: 280 }} options={classes.map((c) => ({ value: c.id, label: `${c.name} · ${t(`classType.${c.classType}`)}` }))} data-testid="places-class" />
          </Form.Item>
          <Form.Item name="places" label={t('program.places')} rules={[rules.required()]}>
            <InputNumber min={0} max={500} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('program.rules')}</Typography.Text>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'kind']} rules={[rules.choose()]}>
                    <Select style={{ width: 200 }} options={RULE_KINDS.map((k) => ({ value: k, label: t(`rule.${k}`) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['rules', f.name, 'kind']);
                      if (kind === 'employeeChild')
                        return (
                          <Form.Item name={[f.name, 'employerId']} rules={[rules.required()]}>
                            <Input placeholder={t('rule.employerId')} style={{ width: 220 }} />
                          </Form.Item>
                        );
                      if (kind === 'residentOf')
                        return (
                          <Form.Item name={[f.name, 'unitPrefix']} rules={[rules.required()]}>
                            <Input placeholder={t('rule.unitPrefix')} style={{ width: 160 }} />
                          </Form.Item>
                        );
                      return null;
                    }}
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ kind: 'distance' })} icon={<PlusOutlined />} block>
                {t('rule.add')}
              </Button>
            </>
          )}
        </Form.List>
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function ProgramsTab({ round }: { round: RoundView }) {
  const { t } = useTranslation('admission');
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const programs = useQuery({ queryKey: ['admission-programs', round.id], queryFn: () => api.get<ProgramView[]>(`/admission/rounds/${round.id}/programs`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('admission.places') && (round.status === 'draft' || round.status === 'open') && (
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="set-places">
          {t('actions.setPlaces')}
        </Button>
      )}
      <Table<ProgramView>
        rowKey="id"
        size="small"
        loading={programs.isLoading}
        dataSource={programs.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('program.center'), dataIndex: 'centerName', sorter: (a, b) => a.centerName.localeCompare(b.centerName), render: (v, r) => <>{v} {r.affordable && <Tag color="green">{t('program.affordable')}</Tag>}</> },
          { title: t('program.classType'), dataIndex: 'classType', render: (v) => t(`classType.${v}`), filters: ['infant', 'toddler', 'older', 'mixed'].map((c) => ({ text: t(`classType.${c}`), value: c })), onFilter: (v, r) => r.classType === v },
          { title: t('program.places'), dataIndex: 'places', sorter: (a, b) => a.places - b.places },
          { title: t('program.applicants'), dataIndex: 'applicants', sorter: (a, b) => a.applicants - b.applicants },
          { title: t('program.taken'), dataIndex: 'taken' },
          { title: t('program.rules'), dataIndex: 'rules', render: (rules: ProgramView['rules']) => (rules.length ? rules.map((r) => <Tag key={r.id}>{t(`rule.${r.kind}`)}</Tag>) : <Typography.Text type="secondary">{t('rule.none')}</Typography.Text>) },
        ]}
      />
      <PlacesForm round={open ? round : null} onClose={() => setOpen(false)} />
    </Space>
  );
}

function ApplicationsTab({ round }: { round: RoundView }) {
  const { t } = useTranslation(['admission', 'common']);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<string | undefined>();
  const [centerId, setCenterId] = useState<string | undefined>();
  const centers = useQuery({ queryKey: ['admission-centers'], queryFn: () => api.get<PlaceCenter[]>('/admission/centers') });
  const county = can('admission.manage');
  const effectiveCenter = county ? centerId : (centerId ?? centers.data?.[0]?.id);
  const apps = useQuery({
    queryKey: ['admission-applications', round.id, status, effectiveCenter],
    queryFn: () => api.get<ApplicationView[]>(`/admission/applications${qs({ roundId: round.id, status, centerId: effectiveCenter })}`),
    enabled: county || !!effectiveCenter,
  });
  const qc = useQueryClient();
  const exit = (a: ApplicationView) => {
    let endDate = '';
    modal.confirm({
      title: `${t('actions.exit')} · ${a.childName}`,
      content: <Input type="date" onChange={(e) => (endDate = e.target.value)} aria-label={t('app.endDate')} />,
      onOk: async () => {
        try {
          await api.post(`/admission/applications/${a.id}/exit`, { endDate });
          void qc.invalidateQueries({ queryKey: ['admission-applications'] });
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  const exportCsv = () =>
    downloadCsv(
      `${t('exportName')}-${round.name}`,
      [t('app.child'), t('app.applicant'), t('app.classType'), t('app.careType'), t('app.startDate'), t('app.status'), t('app.offer'), t('app.deadline'), t('app.createdAt')],
      (apps.data ?? []).map((a) => [a.childName, a.applicantName, t(`classType.${a.classType}`), t(`careType.${a.careType}`), a.startDate, t(`status.${a.status}`), a.offer?.centerName ?? '', a.offer?.deadline ?? '', a.createdAt.slice(0, 10)]),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select allowClear placeholder={t('app.status')} style={{ width: 180 }} value={status} onChange={setStatus} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select allowClear={county} placeholder={t('program.center')} style={{ width: 240 }} value={effectiveCenter} onChange={setCenterId} options={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!apps.data?.length}>
          {t('actions.export')}
        </Button>
      </Space>
      {apps.error && <Alert type="warning" showIcon message={errorText(apps.error)} />}
      <Table<ApplicationView>
        rowKey="id"
        size="small"
        loading={apps.isLoading}
        dataSource={apps.data ?? []}
        pagination={{ pageSize: 20 }}
        expandable={{ expandedRowRender: (a) => <ChoiceList app={a} /> }}
        columns={[
          { title: t('app.child'), dataIndex: 'childName', sorter: (a, b) => a.childName.localeCompare(b.childName) },
          { title: t('app.classType'), dataIndex: 'classType', render: (v) => t(`classType.${v}`) },
          { title: t('app.careType'), dataIndex: 'careType', render: (v) => t(`careType.${v}`) },
          { title: t('app.startDate'), dataIndex: 'startDate', sorter: (a, b) => a.startDate.localeCompare(b.startDate) },
          { title: t('app.status'), dataIndex: 'status', render: (v) => <ApplicationStatusTag status={v} /> },
          { title: t('app.offer'), render: (_, a) => a.offer?.centerName ?? '—' },
          { title: t('app.deadline'), render: (_, a) => (a.status === 'offered' ? a.offer?.deadline : '—') },
          {
            title: '',
            render: (_, a) =>
              a.status === 'accepted' && !county ? (
                <Button size="small" onClick={() => exit(a)}>
                  {t('actions.exit')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

/** 入托服务: the county's rounds, the centers' places and rules, the applications with their explanations. */
export function AdmissionPage() {
  const { t } = useTranslation(['admission', 'common']);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const rounds = useQuery({ queryKey: ['admission-rounds'], queryFn: () => api.get<RoundView[]>('/admission/rounds') });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: string }) => api.post<Record<string, number>>(`/admission/rounds/${id}/${action}`),
    onSuccess: (res, { action }) => {
      if (action === 'allocate') void message.success(t('allocated', res));
      else if (action === 'expire-offers') void message.success(t('expired', res));
      else void message.success(t('common:feedback.saved'));
      void qc.invalidateQueries({ queryKey: ['admission-rounds'] });
      void qc.invalidateQueries({ queryKey: ['admission-applications'] });
      void qc.invalidateQueries({ queryKey: ['admission-programs'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const county = can('admission.manage');
  const round = rounds.data?.find((r) => r.id === selected) ?? rounds.data?.[0] ?? null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Card
        title={t('rounds')}
        extra={
          county && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('newRound')}
            </Button>
          )
        }
      >
        <Table<RoundView>
          rowKey="id"
          size="small"
          loading={rounds.isLoading}
          dataSource={rounds.data ?? []}
          pagination={false}
          rowSelection={{ type: 'radio', selectedRowKeys: round ? [round.id] : [], onChange: (keys) => setSelected(String(keys[0])) }}
          onRow={(r) => ({ onClick: () => setSelected(r.id) })}
          columns={[
            { title: t('round.name'), dataIndex: 'name' },
            { title: t('round.unit'), dataIndex: 'unitName' },
            { title: t('round.status'), dataIndex: 'status', render: (v) => <Tag color={v === 'open' ? 'blue' : v === 'allocated' ? 'gold' : undefined}>{t(`roundStatus.${v}`)}</Tag> },
            { title: t('round.window'), render: (_, r) => `${r.applyFrom} ~ ${r.applyTo}` },
            { title: t('round.earliestStart'), dataIndex: 'earliestStart' },
            { title: t('round.places'), dataIndex: 'places' },
            { title: t('round.applications'), dataIndex: 'applications' },
            {
              title: '',
              render: (_, r) =>
                county && (
                  <Space size={4} onClick={(e) => e.stopPropagation()}>
                    {r.status === 'draft' && (
                      <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'open' })}>
                        {t('actions.open')}
                      </Button>
                    )}
                    {r.status === 'open' && (
                      <Button size="small" type="primary" data-testid="allocate" onClick={() => modal.confirm({ title: t('actions.allocate'), content: t('allocateConfirm'), onOk: () => act.mutateAsync({ id: r.id, action: 'allocate' }) })}>
                        {t('actions.allocate')}
                      </Button>
                    )}
                    {r.status === 'allocated' && (
                      <>
                        <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'expire-offers' })}>
                          {t('actions.expire')}
                        </Button>
                        <Button size="small" onClick={() => act.mutate({ id: r.id, action: 'close' })}>
                          {t('actions.close')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {round && (
        <Card title={round.name}>
          <Tabs
            items={[
              { key: 'programs', label: t('tabs.programs'), children: <ProgramsTab round={round} /> },
              { key: 'applications', label: t('tabs.applications'), children: <ApplicationsTab round={round} /> },
            ]}
          />
        </Card>
      )}
      <RoundForm open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
