import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Modal, Popconfirm, Row, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { CaseView } from '../../../src/modules/protection/contract.ts';
import { STAGE_COLORS, stamp, timeToDue } from './format.ts';

const DEPARTMENTS = ['police', 'education', 'health', 'civilAffairs', 'womensFederation', 'procuratorate', 'court', 'youthLeague', 'disabledFederation', 'humanResources'] as const;
type Action = CaseView['actions'][number];
type Event = CaseView['events'][number];

/** A case file: who the child is, what was reported, the next legal steps, assignees, referrals and the timeline. */
export function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation('protection');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const view = useQuery({ queryKey: ['protection-case', id], queryFn: () => api.get<CaseView>(`/protection/cases/${id}`), retry: false });
  const saved = (data: CaseView, text: string) => {
    qc.setQueryData(['protection-case', id], data);
    void qc.invalidateQueries({ queryKey: ['protection-cases'] });
    void qc.invalidateQueries({ queryKey: ['protection-counts'] });
    void qc.invalidateQueries({ queryKey: ['protection-overdue'] });
    message.success(text);
  };
  if (view.isLoading) return <Spin />;
  if (view.error) return <Alert type="error" showIcon message={(view.error as Error).message} action={<Link to="/welfare/protection">{t('case.back')}</Link>} />;
  const c = view.data!;
  const childLabel = c.childName ?? null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/welfare/protection">← {t('case.back')}</Link>
      <Card
        title={
          <Space size={8} wrap>
            <span>{childLabel ?? t('case.noName')}</span>
            <Tag color={STAGE_COLORS[c.stage]}>{t(`stage.${c.stage}`)}</Tag>
            {c.riskLevel === 'high' && <Tag color="red">{t('risk.high')}</Tag>}
            {c.overdue && <Tag color="error">{t('list.overdueBadge')}</Tag>}
          </Space>
        }
        extra={<Typography.Text type="secondary">{t('field.receiptNo')}：{c.receiptNo}</Typography.Text>}
      >
        <CaseFacts c={c} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <NextSteps c={c} onSaved={saved} />
            <Referrals c={c} onSaved={saved} />
            <CaseTimeline c={c} onSaved={saved} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Assignees c={c} onSaved={saved} />
            {!c.child && <LinkChild c={c} onSaved={saved} />}
            <AccessLog c={c} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

type Saved = (data: CaseView, text: string) => void;

function CaseFacts({ c }: { c: CaseView }) {
  const { t } = useTranslation('protection');
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        {c.child ? (
          <Descriptions.Item label={t('case.child')}>
            {c.child.name}，{t(`sex.${c.child.sex}`)}，{c.child.birthDate}，{c.child.idMasked}
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('case.reportedAs')}>{[c.reportedChildName, c.reportedChildDescription].filter(Boolean).join('，') || '—'}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('field.unit')}>{c.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('field.category')}>{t(`category.${c.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.reportedAt')}>{stamp(c.reportedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('field.reporter')}>{c.reporterKind === 'public' ? `${t('case.publicReporter')}（${c.reporterContact ?? t('case.anonymous')}）` : c.reporterName}</Descriptions.Item>
        {c.location && <Descriptions.Item label={t('field.location')}>{c.location}</Descriptions.Item>}
        {c.stageDueAt && (
          <Descriptions.Item label={t('field.due')}>
            <Typography.Text type={c.overdue ? 'danger' : undefined}>
              {stamp(c.stageDueAt)}（{timeToDue(t, c.stageDueAt)}）
            </Typography.Text>
          </Descriptions.Item>
        )}
        {c.closedAt && c.closedReason && <Descriptions.Item label={t('field.stage')}>{t('case.closedOn', { date: stamp(c.closedAt).slice(0, 10), reason: t(`closedReason.${c.closedReason}`) })}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }} strong>
        {t('case.situation')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.situation}</Typography.Paragraph>
      {c.deadlineBasis && <Typography.Text type="secondary">{t(`basis.${c.deadlineBasis}`)}</Typography.Text>}
    </>
  );
}

function NextSteps({ c, onSaved }: { c: CaseView; onSaved: Saved }) {
  const { t } = useTranslation('protection');
  const [acting, setActing] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (a: Action) => api.post<CaseView>(`/protection/cases/${c.id}/transitions`, { action: a.action, note: note.trim() || undefined }),
    onSuccess: (data, a) => {
      setActing(null);
      setNote('');
      onSaved(data, t('case.done', { action: t(`action.${a.action}`) }));
    },
    onError: (e) => setError(e instanceof ApiError ? [e.message, ...e.fields.map((f) => f.message)].join(' ') : String(e)),
  });
  const childLine = c.childName ? t('case.confirmChild', { name: c.childName }) : t('case.confirmNoName', { receiptNo: c.receiptNo });
  return (
    <Card title={t('case.nextSteps')} size="small">
      {c.actions.length === 0 ? (
        <Typography.Text type="secondary">{t('case.noSteps')}</Typography.Text>
      ) : (
        <Space wrap>
          {c.actions.map((a) => (
            <Button
              key={a.action}
              type={a.to === 'closed' ? 'default' : 'primary'}
              danger={a.to === 'closed'}
              onClick={() => {
                setError(null);
                setActing(a);
              }}
            >
              {t(`action.${a.action}`)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={!!acting}
        title={acting ? t('case.confirmTitle', { action: t(`action.${acting.action}`) }) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && act.mutate(acting)}
        okText={acting ? t(`action.${acting.action}`) : undefined}
        okButtonProps={{ danger: acting?.to === 'closed', disabled: !!acting?.noteRequired && !note.trim() }}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{childLine}</Typography.Text>
          {acting?.to === 'closed' && <Alert type="warning" showIcon message={t('case.confirmClose')} />}
          <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={acting?.noteRequired ? t('case.notePlaceholder') : t('case.noteOptional')} aria-label={t('field.note')} />
          {error && <Alert type="error" showIcon message={error} />}
        </Space>
      </Modal>
    </Card>
  );
}

function Assignees({ c, onSaved }: { c: CaseView; onSaved: Saved }) {
  const { t } = useTranslation('protection');
  const { message } = App.useApp();
  const [userId, setUserId] = useState<string | undefined>();
  const candidates = useQuery({ queryKey: ['protection-candidates', c.id], enabled: c.canAssign, queryFn: () => api.get<{ userId: string; displayName: string; unitName: string }[]>(`/protection/cases/${c.id}/candidates`) });
  const assign = useMutation({
    mutationFn: (u: string) => api.post<CaseView>(`/protection/cases/${c.id}/assignees`, { userId: u }),
    onSuccess: (data) => {
      setUserId(undefined);
      onSaved(data, t('case.assigned', { name: data.assignees.at(-1)?.displayName ?? '' }));
    },
    onError: (e) => message.error((e as Error).message + ' ' + (e instanceof ApiError ? e.fields.map((f) => f.message).join(' ') : '')),
  });
  const remove = useMutation({
    mutationFn: (a: { userId: string; displayName: string }) => api.post<CaseView>(`/protection/cases/${c.id}/assignees/${a.userId}/remove`),
    onSuccess: (data, a) => onSaved(data, t('case.removed', { name: a.displayName })),
    onError: (e) => message.error((e as Error).message),
  });
  const assigned = new Set(c.assignees.map((a) => a.userId));
  return (
    <Card title={t('case.assignees')} size="small">
      {c.assignees.length === 0 && <Tag color="orange">{t('list.unassigned')}</Tag>}
      <Space direction="vertical" style={{ width: '100%' }}>
        {c.assignees.map((a) => (
          <Space key={a.userId} style={{ justifyContent: 'space-between', width: '100%' }}>
            <span>
              {a.displayName}
              <Typography.Text type="secondary">（{a.unitName}）</Typography.Text>
            </span>
            {c.canAssign && (
              <Popconfirm title={t('case.removeConfirm', { name: a.displayName })} onConfirm={() => remove.mutate(a)}>
                <Button size="small" type="link" danger>
                  {t('case.remove')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ))}
        {c.canAssign && (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              style={{ width: '100%' }}
              value={userId}
              onChange={setUserId}
              placeholder={t('case.assignPlaceholder')}
              aria-label={t('case.assignPlaceholder')}
              options={(candidates.data ?? []).filter((u) => !assigned.has(u.userId)).map((u) => ({ value: u.userId, label: `${u.displayName}（${u.unitName}）` }))}
            />
            <Button type="primary" disabled={!userId} loading={assign.isPending} onClick={() => userId && assign.mutate(userId)}>
              {t('case.assign')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}

function Referrals({ c, onSaved }: { c: CaseView; onSaved: Saved }) {
  const { t } = useTranslation('protection');
  const { message } = App.useApp();
  const [department, setDepartment] = useState<string | undefined>();
  const [request, setRequest] = useState('');
  const [answering, setAnswering] = useState<{ id: string; department: string; status: string } | null>(null);
  const [response, setResponse] = useState('');
  const refer = useMutation({
    mutationFn: () => api.post<CaseView>(`/protection/cases/${c.id}/referrals`, { department, request }),
    onSuccess: (data) => {
      onSaved(data, t('case.referred', { department: t(`department.${department}`) }));
      setDepartment(undefined);
      setRequest('');
    },
    onError: (e) => message.error((e as Error).message),
  });
  const answer = useMutation({
    mutationFn: () => api.post<CaseView>(`/protection/referrals/${answering!.id}/status`, { status: answering!.status, response: response.trim() || undefined }),
    onSuccess: (data) => {
      onSaved(data, t('case.referralUpdated', { department: t(`department.${answering!.department}`) }));
      setAnswering(null);
      setResponse('');
    },
    onError: (e) => message.error([(e as Error).message, ...(e instanceof ApiError ? e.fields.map((f) => f.message) : [])].join(' ')),
  });
  const COLORS: Record<string, string> = { pending: 'orange', accepted: 'blue', done: 'green', rejected: 'red' };
  return (
    <Card title={t('case.referrals')} size="small">
      {c.referrals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noReferrals')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.referrals}
          columns={[
            { title: t('field.department'), dataIndex: 'department', key: 'd', render: (v: string) => t(`department.${v}`) },
            { title: t('field.request'), dataIndex: 'request', key: 'r' },
            { title: t('field.status'), dataIndex: 'status', key: 's', render: (v: string) => <Tag color={COLORS[v]}>{t(`referralStatus.${v}`)}</Tag> },
            { title: t('field.response'), dataIndex: 'response', key: 'a', render: (v: string | null) => v ?? '' },
            {
              title: '',
              key: 'x',
              render: (_, r) => (
                <Space size={4}>
                  {r.nextStatuses.map((s) => (
                    <Button key={s} size="small" danger={s === 'rejected'} onClick={() => setAnswering({ id: r.id, department: r.department, status: s })}>
                      {t(`referralSet.${s}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {c.stage !== 'closed' && (
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Select style={{ width: 180 }} value={department} onChange={setDepartment} placeholder={t('field.department')} aria-label={t('field.department')} options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))} />
          <Input value={request} onChange={(e) => setRequest(e.target.value)} placeholder={t('field.request')} aria-label={t('field.request')} maxLength={1000} />
          <Button type="primary" disabled={!department || !request.trim()} loading={refer.isPending} onClick={() => refer.mutate()}>
            {t('case.refer')}
          </Button>
        </Space.Compact>
      )}
      <Modal
        open={!!answering}
        title={answering ? `${t(`department.${answering.department}`)} · ${t(`referralSet.${answering.status}`)}` : ''}
        onCancel={() => setAnswering(null)}
        onOk={() => answer.mutate()}
        okButtonProps={{ disabled: answering?.status === 'rejected' && !response.trim() }}
        confirmLoading={answer.isPending}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={response} onChange={(e) => setResponse(e.target.value)} placeholder={t('field.response')} maxLength={1000} />
      </Modal>
    </Card>
  );
}

function eventText(t: (k: string, o?: Record<string, unknown>) => string, e: Event): string {
  const d = e.detail as Record<string, string | undefined>;
  switch (e.kind) {
    case 'transition':
      return t('event.transition', { action: t(`action.${e.action}`), from: t(`stage.${e.fromStage}`), to: t(`stage.${e.toStage}`) });
    case 'assigned':
    case 'unassigned':
    case 'childLinked':
      return t(`event.${e.kind}`, { name: d.displayName ?? d.name ?? '' });
    case 'referred':
      return t('event.referred', { department: t(`department.${d.department}`) });
    case 'referralUpdated':
      return t('event.referralUpdated', { department: t(`department.${d.department}`), status: t(`referralStatus.${d.to}`) });
    default:
      return t(`event.${e.kind}`);
  }
}

function CaseTimeline({ c, onSaved }: { c: CaseView; onSaved: Saved }) {
  const { t } = useTranslation('protection');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () => api.post<CaseView>(`/protection/cases/${c.id}/notes`, { note }),
    onSuccess: (data) => {
      setNote('');
      onSaved(data, t('case.noteSaved'));
    },
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Card title={t('case.timeline')} size="small">
      <Timeline
        items={[...c.events].reverse().map((e) => ({
          color: e.kind === 'transition' ? (e.toStage === 'closed' ? 'gray' : 'blue') : e.kind === 'reported' ? 'red' : 'green',
          children: (
            <div>
              <Typography.Text strong>{eventText(t as never, e)}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {stamp(e.at)} · {e.actorName || t('case.publicReporter')} · {t(`stage.${e.stage}`)}
                </Typography.Text>
              </div>
              {e.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        }))}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('case.addNote')} aria-label={t('case.addNote')} maxLength={2000} />
        <Button disabled={!note.trim()} loading={add.isPending} onClick={() => add.mutate()} style={{ height: 'auto' }}>
          {t('case.addNote')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function LinkChild({ c, onSaved }: { c: CaseView; onSaved: Saved }) {
  const { t } = useTranslation('protection');
  const { can } = useAuth();
  const { message } = App.useApp();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [personId, setPersonId] = useState<string | undefined>();
  const link = useMutation({
    mutationFn: () => api.post<CaseView>(`/protection/cases/${c.id}/child`, { personId }),
    onSuccess: (data) => onSaved(data, t('case.childLinkedDone')),
    onError: (e) => message.error([(e as Error).message, ...(e instanceof ApiError ? e.fields.map((f) => f.message) : [])].join(' ')),
  });
  if (!can('people.read')) return null;
  const search = async (q: string) => {
    if (!q.trim()) return;
    const res = await api.get<Paged<{ id: string; name: string; birthDate: string; idMasked: string }>>(`/people?q=${encodeURIComponent(q)}&pageSize=20`);
    setOptions(res.items.map((p) => ({ value: p.id, label: `${p.name}（${p.birthDate}，${p.idMasked}）` })));
  };
  return (
    <Card title={t('case.linkChild')} size="small">
      <Space.Compact style={{ width: '100%' }}>
        <Select showSearch filterOption={false} style={{ width: '100%' }} value={personId} onChange={setPersonId} onSearch={(q) => void search(q)} options={options} placeholder={t('case.linkPlaceholder')} />
        <Button disabled={!personId} loading={link.isPending} onClick={() => link.mutate()}>
          {t('case.linkChild')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

/** The case file's access log, for supervisors: every read and change, newest first. */
function AccessLog({ c }: { c: CaseView }) {
  const { t } = useTranslation('protection');
  const { can } = useAuth();
  const log = useQuery({ queryKey: ['protection-access', c.id, c.events.length], enabled: can('protection.supervise'), queryFn: () => api.get<{ at: string; action: string; who: string }[]>(`/protection/cases/${c.id}/access-log`) });
  if (!can('protection.supervise')) return null;
  return (
    <Card title={t('case.accessLog')} size="small">
      <Table
        rowKey={(r) => `${r.at}-${r.action}-${r.who}`}
        size="small"
        loading={log.isLoading}
        dataSource={log.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('field.time'), dataIndex: 'at', key: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{stamp(v)}</span> },
          { title: t('field.who'), dataIndex: 'who', key: 'who' },
          { title: t('field.what'), dataIndex: 'action', key: 'action', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{t(`access.${v}`, { defaultValue: v })}</span> },
        ]}
      />
    </Card>
  );
}
