import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback.tsx';
import { api, ApiError, qs } from '../../api.ts';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { ActivityView, HomeVisitView, MealPlanView, MessageView, NoticeView, RosterRow, ThreadView } from '../../../src/modules/family/contract.ts';
import { MEALS } from '../../../src/modules/family/nutrition.ts';
import { ABSENCES, PICKUP_RELATIONS } from '../../../src/modules/family/vocabulary.ts';
import { ReportDrawer } from './ReportDrawer.tsx';
import { MealPlanTable, NutritionSummary } from './MealPlanView.tsx';
import { ImmunisationTab, ToursTab } from './HealthAtCenter.tsx';

interface Center {
  id: string;
  name: string;
}

const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }) : '—');
const todayShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

type Action = { kind: 'in' | 'out' | 'absent'; row: RosterRow } | null;

function AttendanceModal({ centerId, day, action, onClose }: { centerId: string; day: string; action: Action; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const path = action?.kind === 'in' ? 'check-in' : action?.kind === 'out' ? 'check-out' : 'absent';
  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      await api.post(`/family/centers/${centerId}/attendance/${path}`, { enrolmentId: action!.row.enrolmentId, day, ...v, time: v.time || undefined });
      void qc.invalidateQueries({ queryKey: ['family-roster'] });
      form.resetFields();
      onClose();
    } catch (e) {
      onError(e);
    }
  };
  const title = action ? `${t(`attendance.${action.kind === 'in' ? 'checkIn' : action.kind === 'out' ? 'checkOut' : 'absent'}`)} · ${action.row.childName}` : '';
  return (
    <Modal open={!!action} title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('common:actions.confirm')} destroyOnHidden okButtonProps={{ className: 'attendance-ok' }}>
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ pickedUpRelation: 'mother', absence: 'sick' }}>
        {action?.kind !== 'absent' && (
          <Form.Item name="time" label={t('attendance.time')}>
            <Input type="time" style={{ width: 140 }} />
          </Form.Item>
        )}
        {action?.kind === 'in' && (
          <Form.Item name="droppedOffBy" label={t('attendance.droppedOffBy')} rules={[rules.required()]}>
            <Input maxLength={40} data-testid="dropped-off-by" />
          </Form.Item>
        )}
        {action?.kind === 'out' && (
          <Space>
            <Form.Item name="pickedUpBy" label={t('attendance.pickedUpBy')} rules={[rules.required()]}>
              <Input maxLength={40} data-testid="picked-up-by" />
            </Form.Item>
            <Form.Item name="pickedUpRelation" label={t('attendance.relation')}>
              <Select style={{ width: 140 }} options={PICKUP_RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
            </Form.Item>
          </Space>
        )}
        {action?.kind === 'absent' && (
          <>
            <Form.Item name="absence" label={t('attendance.absence')}>
              <Select style={{ width: 160 }} options={ABSENCES.map((r) => ({ value: r, label: t(`absence.${r}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('attendance.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

/** Checks in every chosen child at once, with the same time and the same note of who brought them. */
function CheckInAllModal({ centerId, day, rows, onClose }: { centerId: string; day: string; rows: RosterRow[] | null; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Record<string, string>) => {
    setError(null);
    setBusy(true);
    let done = 0;
    try {
      for (const r of rows ?? []) {
        await api.post(`/family/centers/${centerId}/attendance/check-in`, { enrolmentId: r.enrolmentId, day, droppedOffBy: v.droppedOffBy, time: v.time || undefined });
        done++;
      }
      feedback.done(t('common:feedback.checkedIn', { count: done }));
      form.resetFields();
      onClose();
    } catch (e) {
      if (done) feedback.done(t('common:feedback.checkedIn', { count: done }));
      onError(e);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['family-roster'] });
    }
  };
  return (
    <Modal open={!!rows} title={t('attendance.checkInAllTitle', { count: rows?.length ?? 0 })} onCancel={onClose} onOk={() => form.submit()} okText={t('common:actions.confirm')} confirmLoading={busy} destroyOnHidden okButtonProps={{ className: 'check-in-all-ok' }}>
      <Typography.Paragraph type="secondary">{rows?.map((r) => r.childName).join('、')}</Typography.Paragraph>
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ droppedOffBy: t('attendance.parents') }}>
        <Form.Item name="time" label={t('attendance.time')}>
          <Input type="time" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="droppedOffBy" label={t('attendance.droppedOffBy')} rules={[rules.required()]}>
          <Input maxLength={40} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function AttendanceTab({ centerId, day }: { centerId: string; day: string }) {
  const { t } = useTranslation(['family', 'admission']);
  const [action, setAction] = useState<Action>(null);
  const [reporting, setReporting] = useState<RosterRow | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [checkingIn, setCheckingIn] = useState<RosterRow[] | null>(null);
  const roster = useQuery({ queryKey: ['family-roster', centerId, day], queryFn: () => api.get<RosterRow[]>(`/family/centers/${centerId}/roster${qs({ day })}`) });
  const rows = roster.data ?? [];
  const present = rows.filter((r) => r.attendance?.checkInAt).length;
  const left = rows.filter((r) => r.attendance?.checkOutAt).length;
  const absent = rows.filter((r) => r.attendance?.absence).length;
  // Children neither checked in nor recorded absent: the ones a check-in of all would take.
  const waiting = rows.filter((r) => !r.attendance?.checkInAt && !r.attendance?.absence);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text type="secondary">{t('roster.summary', { total: rows.length, present, left, absent })}</Typography.Text>
        <Button
          type="primary"
          disabled={!waiting.length}
          onClick={() => setCheckingIn(selected.length ? waiting.filter((r) => selected.includes(r.enrolmentId)) : waiting)}
          data-testid="check-in-all"
        >
          {selected.length ? t('attendance.checkInSelected', { count: waiting.filter((r) => selected.includes(r.enrolmentId)).length }) : t('attendance.checkInAll', { count: waiting.length })}
        </Button>
      </Space>
      <Table<RosterRow>
        rowKey="enrolmentId"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !!r.attendance?.checkInAt || !!r.attendance?.absence }) }}
        size="small"
        loading={roster.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('roster.child'), dataIndex: 'childName', sorter: (a, b) => a.childName.localeCompare(b.childName) },
          { title: t('roster.class'), dataIndex: 'className', filters: [...new Set(rows.map((r) => r.className))].map((c) => ({ text: c, value: c })), onFilter: (v, r) => r.className === v },
          { title: t('roster.careType'), dataIndex: 'careType', render: (v) => t(`admission:careType.${v}`) },
          { title: t('roster.in'), render: (_, r) => (r.attendance?.checkInAt ? `${clock(r.attendance.checkInAt)} · ${r.attendance.droppedOffBy}` : '—') },
          { title: t('roster.out'), render: (_, r) => (r.attendance?.checkOutAt ? `${clock(r.attendance.checkOutAt)} · ${r.attendance.pickedUpBy}（${t(`relation.${r.attendance.pickedUpRelation}`)}）` : '—') },
          {
            title: t('roster.status'),
            render: (_, r) =>
              r.attendance?.absence ? (
                <Tag color="orange">{t(`absence.${r.attendance.absence}`)}</Tag>
              ) : r.attendance?.checkOutAt ? (
                <Tag>{t('attendance.gone')}</Tag>
              ) : r.attendance?.checkInAt ? (
                <Tag color="green">{t('attendance.present')}</Tag>
              ) : (
                <Tag color="default">{t('attendance.notYet')}</Tag>
              ),
          },
          { title: t('roster.report'), render: (_, r) => (r.reportWritten ? <Tag color="blue">{t('report.written')}</Tag> : <Typography.Text type="secondary">{t('report.notWritten')}</Typography.Text>) },
          {
            title: '',
            render: (_, r) => (
              <Space size={4}>
                {!r.attendance?.checkInAt && (
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'in', row: r })} data-testid={`check-in-${r.childName}`}>
                    {t('attendance.checkIn')}
                  </Button>
                )}
                {r.attendance?.checkInAt && !r.attendance.checkOutAt && (
                  <Button size="small" onClick={() => setAction({ kind: 'out', row: r })} data-testid={`check-out-${r.childName}`}>
                    {t('attendance.checkOut')}
                  </Button>
                )}
                {!r.attendance?.checkInAt && !r.attendance?.absence && (
                  <Button size="small" onClick={() => setAction({ kind: 'absent', row: r })}>
                    {t('attendance.absent')}
                  </Button>
                )}
                {/* Only a child checked in has a day at the center to report. */}
                {r.attendance?.checkInAt && (
                  <Button size="small" onClick={() => setReporting(r)} data-testid={`report-${r.childName}`}>
                    {r.reportWritten ? t('report.edit') : t('report.write')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AttendanceModal centerId={centerId} day={day} action={action} onClose={() => setAction(null)} />
      <CheckInAllModal
        centerId={centerId}
        day={day}
        rows={checkingIn}
        onClose={() => {
          setCheckingIn(null);
          setSelected([]);
        }}
      />
      <ReportDrawer centerId={centerId} day={day} row={reporting} onClose={() => setReporting(null)} />
    </Space>
  );
}

function ReportsTab({ centerId, day }: { centerId: string; day: string }) {
  const { t } = useTranslation('family');
  const reports = useQuery({ queryKey: ['family-reports', centerId, day], queryFn: () => api.get<import('../../../src/modules/family/contract.ts').ReportView[]>(`/family/centers/${centerId}/reports${qs({ day })}`) });
  if (!reports.data?.length) return <Empty description={t('report.none')} />;
  return (
    <List
      dataSource={reports.data}
      renderItem={(r) => (
        <Card size="small" style={{ marginBottom: 12 }} title={`${r.childName} · ${t(`mood.${r.mood}`)}`} extra={<Typography.Text type="secondary">{t('report.by', { name: r.writtenByName, time: clock(r.updatedAt) })}</Typography.Text>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('report.meals')}>{r.meals.map((m) => `${t(`meal.${m.meal}`)}：${t(`amount.${m.amount}`)}`).join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('report.nap')}>{r.napFrom ? `${r.napFrom}–${r.napTo}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('report.activities')}>{r.activities}</Descriptions.Item>
            {r.notes && <Descriptions.Item label={t('report.notes')}>{r.notes}</Descriptions.Item>}
          </Descriptions>
          <Space wrap>
            {r.photos.map((ph) => (
              <img key={ph.id} src={`/api/family/photos/${ph.id}`} alt={ph.caption ?? ''} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6 }} />
            ))}
          </Space>
        </Card>
      )}
    />
  );
}

export function Conversation({ messages, onSend, mine }: { messages: MessageView[]; onSend: (body: string) => Promise<unknown>; mine: 'parent' | 'staff' }) {
  const { t } = useTranslation('family');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await onSend(text);
      setText('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div style={{ maxHeight: 420, overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="conversation">
        {messages.length === 0 && <Empty description={t('messages.none')} />}
        {messages.map((m) => (
          <div key={m.id} style={{ alignSelf: m.senderSide === mine ? 'flex-end' : 'flex-start', maxWidth: '80%' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.senderName} · {new Date(m.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
            </Typography.Text>
            <div style={{ background: m.senderSide === mine ? '#1f6fd6' : '#f0f2f5', color: m.senderSide === mine ? '#fff' : undefined, padding: '6px 10px', borderRadius: 8, whiteSpace: 'pre-wrap' }}>{m.body}</div>
          </div>
        ))}
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('messages.placeholder')} onPressEnter={() => void send()} maxLength={2000} data-testid="message-input" />
        <Button type="primary" onClick={() => void send()} disabled={!text.trim()}>
          {t('messages.send')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}

function MessagesTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation('family');
  const qc = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const threads = useQuery({ queryKey: ['family-threads', centerId], queryFn: () => api.get<ThreadView[]>(`/family/centers/${centerId}/threads`) });
  const conv = useQuery({
    queryKey: ['family-conversation', centerId, personId],
    queryFn: () => api.get<MessageView[]>(`/family/centers/${centerId}/messages${qs({ personId })}`),
    enabled: !!personId,
  });
  useEffect(() => {
    if (conv.data) void qc.invalidateQueries({ queryKey: ['family-threads', centerId] });
  }, [conv.data, centerId, qc]);
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card size="small" title={t('messages.threads')} style={{ width: 280 }}>
        <List
          dataSource={threads.data ?? []}
          renderItem={(th) => (
            <List.Item onClick={() => setPersonId(th.personId)} style={{ cursor: 'pointer', background: th.personId === personId ? '#e6f0fc' : undefined, paddingInline: 8 }}>
              <List.Item.Meta title={<Badge count={th.unread} size="small" offset={[8, 0]}>{th.childName}</Badge>} description={th.last ? th.last.body.slice(0, 24) : t('messages.none')} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" style={{ flex: 1 }}>
        {personId ? (
          <Conversation
            mine="staff"
            messages={conv.data ?? []}
            onSend={async (body) => {
              await api.post(`/family/centers/${centerId}/messages`, { personId, body });
              void qc.invalidateQueries({ queryKey: ['family-conversation', centerId, personId] });
            }}
          />
        ) : (
          <Empty description={t('messages.choose')} />
        )}
      </Card>
    </div>
  );
}

function NoticesTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const notices = useQuery({ queryKey: ['family-notices', centerId], queryFn: () => api.get<NoticeView[]>(`/family/centers/${centerId}/notices`) });
  const submit = async (v: { title: string; body: string }) => {
    setError(null);
    try {
      await api.post(`/family/centers/${centerId}/notices`, v);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['family-notices', centerId] });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title={t('notices.publish')} style={{ width: 380 }}>
        <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('notices.title')} rules={[rules.required()]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label={t('notices.body')} rules={[rules.required()]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit">
            {t('notices.publish')}
          </Button>
        </Form>
      </Card>
      <List
        style={{ flex: 1, minWidth: 320 }}
        locale={{ emptyText: t('notices.none') }}
        dataSource={notices.data ?? []}
        renderItem={(n) => (
          <Card size="small" style={{ marginBottom: 12 }} title={n.title} extra={<Typography.Text type="secondary">{t('notices.by', { name: n.authorName, time: n.publishedAt.slice(0, 10) })}</Typography.Text>}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.body}</Typography.Paragraph>
          </Card>
        )}
      />
    </div>
  );
}

function weekStartOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

interface Food {
  code: string;
  name: string;
  nameEn: string;
}

function MealsTab({ centerId, day }: { centerId: string; day: string }) {
  const { t, i18n } = useTranslation(['family', 'common']);
  const week = weekStartOf(day);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const plan = useQuery({ queryKey: ['family-meal-plan', centerId, week], queryFn: () => api.get<MealPlanView>(`/family/centers/${centerId}/meal-plan${qs({ weekStart: week })}`) });
  const foods = useQuery({ queryKey: ['family-foods'], queryFn: () => api.get<{ foods: Food[] }>('/family/foods'), staleTime: Infinity });
  const foodOptions = useMemo(() => (foods.data?.foods ?? []).map((f) => ({ value: f.code, label: i18n.language === 'en-US' ? f.nameEn : f.name })), [foods.data, i18n.language]);
  const save = useMutation({
    mutationFn: (dishes: unknown) => api.put<MealPlanView>(`/family/centers/${centerId}/meal-plan`, { weekStart: week, dishes }),
    onSuccess: () => {
      void message.success(t('common:feedback.saved'));
      setEditing(false);
      void qc.invalidateQueries({ queryKey: ['family-meal-plan', centerId, week] });
    },
    onError: (e) => setError(errorText(e)),
  });
  const weekdays = t('meals.weekdays', { returnObjects: true }) as string[];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>
          {t('meals.week')}：{week}
        </Typography.Text>
        <Button
          onClick={() => {
            form.setFieldsValue({ dishes: plan.data?.dishes.map(({ nutrients: _n, ...d }) => d) ?? [] });
            setEditing(true);
          }}
        >
          {t('common:actions.edit')}
        </Button>
      </Space>
      {plan.data && plan.data.dishes.length > 0 ? (
        <>
          <NutritionSummary plan={plan.data} />
          <MealPlanTable plan={plan.data} />
        </>
      ) : (
        <Empty description={t('meals.empty')} />
      )}
      <Modal open={editing} width={960} title={`${t('meals.save')} · ${week}`} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('meals.save')} destroyOnHidden>
        <Form form={form} onFinish={(v: { dishes: unknown[] }) => save.mutate(v.dishes ?? [])}>
          <Form.List name="dishes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                    <Space align="baseline" wrap>
                      <Form.Item name={[f.name, 'weekday']} rules={[rules.choose()]}>
                        <Select style={{ width: 100 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdays[d] }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'meal']} rules={[rules.choose()]}>
                        <Select style={{ width: 120 }} options={MEALS.map((m) => ({ value: m, label: t(`meal.${m}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} rules={[rules.required()]}>
                        <Input placeholder={t('meals.dish')} style={{ width: 180 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                    <Form.List name={[f.name, 'ingredients']}>
                      {(ings, ops) => (
                        <Space wrap>
                          {ings.map((g) => (
                            <Space.Compact key={g.key}>
                              <Form.Item name={[g.name, 'food']} noStyle rules={[rules.choose()]}>
                                <Select showSearch optionFilterProp="label" style={{ width: 170 }} options={foodOptions} />
                              </Form.Item>
                              <Form.Item name={[g.name, 'grams']} noStyle rules={[rules.required()]}>
                                <InputNumber min={1} max={1000} style={{ width: 80 }} addonAfter={t('meals.grams')} />
                              </Form.Item>
                              <Button onClick={() => ops.remove(g.name)} icon={<MinusCircleOutlined />} />
                            </Space.Compact>
                          ))}
                          <Button size="small" onClick={() => ops.add({ grams: 50 })} icon={<PlusOutlined />}>
                            {t('meals.addFood')}
                          </Button>
                        </Space>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ weekday: 1, meal: 'lunch', ingredients: [{ grams: 50 }] })}>
                  {t('meals.addDish')}
                </Button>
              </>
            )}
          </Form.List>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
        </Form>
      </Modal>
    </Space>
  );
}

function ActivitiesTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['family-activities', centerId], queryFn: () => api.get<ActivityView[]>(`/family/centers/${centerId}/activities`) });
  const submit = async (v: { title: string; description?: string; startsAt: string; places: number }) => {
    setError(null);
    try {
      await api.post(`/family/centers/${centerId}/activities`, { ...v, startsAt: `${v.startsAt}:00+08:00` });
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['family-activities', centerId] });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title={t('activities.new')} style={{ width: 380 }}>
        <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ places: 20 }}>
          <Form.Item name="title" label={t('activities.title')} rules={[rules.required()]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('activities.description')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Space>
            <Form.Item name="startsAt" label={t('activities.startsAt')} rules={[rules.required()]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="places" label={t('activities.places')}>
              <InputNumber min={1} max={500} />
            </Form.Item>
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit">
            {t('activities.new')}
          </Button>
        </Form>
      </Card>
      <Table<ActivityView>
        style={{ flex: 1, minWidth: 360 }}
        rowKey="id"
        size="small"
        dataSource={list.data ?? []}
        locale={{ emptyText: t('activities.none') }}
        columns={[
          { title: t('activities.title'), dataIndex: 'title' },
          { title: t('activities.startsAt'), dataIndex: 'startsAt', render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }), sorter: (a, b) => a.startsAt.localeCompare(b.startsAt) },
          { title: t('activities.places'), render: (_, a) => t('activities.booked', { booked: a.booked, places: a.places }) },
        ]}
      />
    </div>
  );
}

function VisitsTab({ centerId, day }: { centerId: string; day: string }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['family-visits', centerId], queryFn: () => api.get<HomeVisitView[]>(`/family/centers/${centerId}/home-visits`) });
  const roster = useQuery({ queryKey: ['family-roster', centerId, day], queryFn: () => api.get<RosterRow[]>(`/family/centers/${centerId}/roster${qs({ day })}`) });
  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      await api.post(`/family/centers/${centerId}/home-visits`, v);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['family-visits', centerId] });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title={t('visits.new')} style={{ width: 380 }}>
        <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ visitedOn: day }}>
          <Form.Item name="personId" label={t('visits.child')} rules={[rules.choose()]}>
            <Select showSearch optionFilterProp="label" options={(roster.data ?? []).map((r) => ({ value: r.personId, label: r.childName }))} />
          </Form.Item>
          <Space>
            <Form.Item name="visitedOn" label={t('visits.visitedOn')} rules={[rules.required()]}>
              <Input type="date" max={day} />
            </Form.Item>
            <Form.Item name="visitorName" label={t('visits.visitor')} rules={[rules.required()]}>
              <Input maxLength={40} />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label={t('visits.summary')} rules={[rules.required()]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="followUp" label={t('visits.followUp')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit">
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
      <Table<HomeVisitView>
        style={{ flex: 1, minWidth: 360 }}
        rowKey="id"
        size="small"
        dataSource={list.data ?? []}
        locale={{ emptyText: t('visits.none') }}
        columns={[
          { title: t('visits.visitedOn'), dataIndex: 'visitedOn', sorter: (a, b) => a.visitedOn.localeCompare(b.visitedOn) },
          { title: t('visits.child'), dataIndex: 'childName' },
          { title: t('visits.visitor'), dataIndex: 'visitorName' },
          { title: t('visits.summary'), dataIndex: 'summary' },
          { title: t('visits.followUp'), dataIndex: 'followUp' },
        ]}
      />
    </div>
  );
}

/** 家园互动 for a center's staff: the day's attendance sheet and reports, messages, notices, meal plans. */
export function HomeCenterPage() {
  const { t } = useTranslation('family');
  const centers = useQuery({ queryKey: ['family-centers'], queryFn: () => api.get<Center[]>('/family/centers') });
  const [centerId, setCenterId] = useState<string | undefined>();
  const [day, setDay] = useState(todayShanghai());
  const current = centerId ?? centers.data?.[0]?.id;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      {centers.error && <Alert type="warning" showIcon message={errorText(centers.error)} />}
      {centers.data && centers.data.length === 0 && <Empty description={t('noCenter')} />}
      {current && (
        <>
          <Space wrap>
            <Typography.Text>{t('center')}</Typography.Text>
            <Select style={{ width: 260 }} value={current} onChange={setCenterId} options={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="family-center" />
            <Typography.Text>{t('day')}</Typography.Text>
            <Input type="date" value={day} max={todayShanghai()} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ width: 160 }} />
          </Space>
          <Card>
            <Tabs
              items={[
                { key: 'attendance', label: t('tabs.attendance'), children: <AttendanceTab centerId={current} day={day} /> },
                { key: 'reports', label: t('tabs.reports'), children: <ReportsTab centerId={current} day={day} /> },
                { key: 'messages', label: t('tabs.messages'), children: <MessagesTab centerId={current} /> },
                { key: 'notices', label: t('tabs.notices'), children: <NoticesTab centerId={current} /> },
                { key: 'meals', label: t('tabs.meals'), children: <MealsTab centerId={current} day={day} /> },
                { key: 'activities', label: t('tabs.activities'), children: <ActivitiesTab centerId={current} /> },
                { key: 'visits', label: t('tabs.visits'), children: <VisitsTab centerId={current} day={day} /> },
                { key: 'immunisation', label: t('tabs.immunisation'), children: <ImmunisationTab centerId={current} /> },
                { key: 'tours', label: t('tabs.tours'), children: <ToursTab centerId={current} /> },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}

