import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs } from '../../api.ts';
import type { ActivityView, ChildDayView, MessageView } from '../../../src/modules/family/contract.ts';
import type { ComplaintView } from '../../../src/modules/supervision/contract.ts';
import { COMPLAINT_CATEGORIES } from '../../../src/modules/supervision/vocabulary.ts';
import { errorText, useFormErrors } from '../../components/formErrors.ts';
import { Conversation } from '../family/HomeCenterPage.tsx';
import { useOwnChildren } from './ownChildren.ts';

const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }) : '');
const todayShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function useChildChoice() {
  const children = useOwnChildren();
  const [chosen, setChosen] = useState<string | undefined>();
  const id = chosen ?? children.data?.[0]?.id;
  return { children, id, setChosen };
}

function ChildSelect({ value, onChange }: { value?: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('family');
  const children = useOwnChildren();
  if ((children.data ?? []).length < 2) return null;
  return <Select style={{ width: '100%' }} value={value} onChange={onChange} aria-label={t('parent.chooseChild')} options={(children.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="day-child" />;
}

/** 在园: the child's day — attendance, the day's report with photos, the menu, notices, activities. */
export function ParentDay() {
  const { t, i18n } = useTranslation(['family', 'parent', 'admission']);
  const en = i18n.language === 'en-US';
  // Who brought or picked up the child is written by the staff, usually as a family word (妈妈, 奶奶): said in the reader's language when it is one.
  const carer = (who: string | null) => (who ? t(`parent.carers.${who}`, { defaultValue: who }) : '');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { children, id, setChosen } = useChildChoice();
  const [day, setDay] = useState(todayShanghai());
  const view = useQuery({ queryKey: ['child-day', id, day], queryFn: () => api.get<ChildDayView>(`/parent/children/${id}/day${qs({ day })}`), enabled: !!id, refetchInterval: 30_000 });
  const activities = useQuery({ queryKey: ['child-activities', id], queryFn: () => api.get<ActivityView[]>(`/parent/children/${id}/activities`), enabled: !!id });
  if (children.isLoading) return <Spin />;
  if (!id) return <Empty description={t('parent:noChildren')} />;
  const d = view.data;
  const act = async (activityId: string, action: 'book' | 'cancel') => {
    try {
      await api.post(`/parent/children/${id}/activities/${activityId}/${action}`);
      void qc.invalidateQueries({ queryKey: ['child-activities', id] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: '4px 0' }}>
          {t('parent:nav.day')}
        </Typography.Title>
        <Input type="date" value={day} max={todayShanghai()} onChange={(e) => e.target.value && setDay(e.target.value)} style={{ width: 150 }} />
      </Space>
      <ChildSelect value={id} onChange={setChosen} />
      {view.isLoading && <Spin />}
      {d && !d.enrolment && <Card size="small"><Empty description={t('parent.notEnrolled')} /></Card>}
      {d?.enrolment && (
        <>
          <Card size="small" title={`${d.childName} · ${d.enrolment.centerName}`} extra={<Tag>{d.enrolment.className}</Tag>}>
            <Typography.Text strong>
              {t('parent.attendance')}
              {en ? ': ' : '：'}
            </Typography.Text>
            {d.attendance?.absence ? (
              <Typography.Text>{t('parent.absent', { reason: t(`absence.${d.attendance.absence}`) })}</Typography.Text>
            ) : d.attendance?.checkInAt ? (
              <Space direction="vertical" size={0} data-testid="day-attendance">
                <Typography.Text>{t('parent.inAt', { time: clock(d.attendance.checkInAt), by: carer(d.attendance.droppedOffBy) })}</Typography.Text>
                {d.attendance.checkOutAt && <Typography.Text>{t('parent.outAt', { time: clock(d.attendance.checkOutAt), by: carer(d.attendance.pickedUpBy) })}</Typography.Text>}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('parent.notArrived')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('parent.report')} data-testid="day-report">
            {d.report ? (
              <>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('report.mood')}>{t(`mood.${d.report.mood}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('report.meals')}>{d.report.meals.map((m) => `${t(`meal.${m.meal}`)}${en ? ': ' : '：'}${t(`amount.${m.amount}`)}`).join(en ? '; ' : '；') || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('report.nap')}>{d.report.napFrom ? `${d.report.napFrom}–${d.report.napTo}` : '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('report.activities')}>{d.report.activities}</Descriptions.Item>
                  {d.report.notes && <Descriptions.Item label={t('report.notes')}>{d.report.notes}</Descriptions.Item>}
                </Descriptions>
                <Space wrap>
                  {d.report.photos.map((ph) => (
                    <img key={ph.id} src={`/api/family/photos/${ph.id}`} alt={ph.caption ?? ''} style={{ width: 104, height: 104, objectFit: 'cover', borderRadius: 8 }} />
                  ))}
                </Space>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
                  {t('report.by', { name: d.report.writtenByName, time: clock(d.report.updatedAt) })}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">{t('report.none')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('meals.today')}>
            {d.menu.length ? (
              <>
                {/* One line per meal, its dishes together: 午餐 is named once. */}
                <List
                  size="small"
                  dataSource={[...new Set(d.menu.map((m) => m.meal))].map((meal) => ({ meal, dishes: d.menu.filter((m) => m.meal === meal) }))}
                  renderItem={(g) => (
                    <List.Item>
                      {t(`meal.${g.meal}`)}
                      {i18n.language === 'en-US' ? ': ' : '：'}
                      {g.dishes.map((m) => m.name).join(i18n.language === 'en-US' ? ', ' : '、')}
                      <Typography.Text type="secondary"> · {g.dishes.reduce((n, m) => n + m.nutrients.energyKcal, 0)} kcal</Typography.Text>
                    </List.Item>
                  )}
                />
                {d.menuTotals && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('meals.energy')} {d.menuTotals.energyKcal} · {t('meals.protein')} {d.menuTotals.proteinG} · {t('meals.fat')} {d.menuTotals.fatG} · {t('meals.carbohydrate')} {d.menuTotals.carbohydrateG}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('meals.empty')}</Typography.Text>
            )}
          </Card>
          {d.notices.length > 0 && (
            <Card size="small" title={t('parent.notices')}>
              <List size="small" dataSource={d.notices} renderItem={(n) => <List.Item><List.Item.Meta title={n.title} description={n.body} /></List.Item>} />
            </Card>
          )}
          {(activities.data ?? []).length > 0 && (
            <Card size="small" title={t('parent.activities')}>
              <List
                size="small"
                dataSource={activities.data}
                renderItem={(a) => (
                  <List.Item
                    actions={[
                      a.mine ? (
                        <Space key="b" size={4}>
                          <Tag color="green">{t('activities.bookedMine')}</Tag>
                          {new Date(a.startsAt) > new Date() && (
                            <Popconfirm title={t('activities.cancelConfirm')} onConfirm={() => act(a.id, 'cancel')}>
                              <Button size="small" type="link" data-testid={`cancel-${a.id}`}>
                                {t('activities.cancel')}
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      ) : a.booked >= a.places ? (
                        <Tag key="f">{t('activities.full')}</Tag>
                      ) : (
                        <Button key="k" size="small" onClick={() => void act(a.id, 'book')}>
                          {t('activities.book')}
                        </Button>
                      ),
                    ]}
                  >
                    <List.Item.Meta title={a.title} description={`${new Date(a.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} · ${t('activities.booked', { booked: a.booked, places: a.places })}`} />
                  </List.Item>
                )}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}

/** 消息: the conversation with the child's center. */
export function ParentMessages() {
  const { t } = useTranslation(['family', 'parent']);
  const qc = useQueryClient();
  const { children, id, setChosen } = useChildChoice();
  const messages = useQuery({ queryKey: ['parent-messages', id], queryFn: () => api.get<MessageView[]>(`/parent/children/${id}/messages`), enabled: !!id, refetchInterval: 30_000 });
  if (children.isLoading) return <Spin />;
  if (!id) return <Empty description={t('parent:noChildren')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        {t('parent:nav.messages')}
      </Typography.Title>
      <ChildSelect value={id} onChange={setChosen} />
      <Card size="small">
        <Conversation
          mine="parent"
          messages={messages.data ?? []}
          onSend={async (body) => {
            await api.post(`/parent/children/${id}/messages`, { body });
            void qc.invalidateQueries({ queryKey: ['parent-messages', id] });
          }}
        />
      </Card>
      <Complaints childId={id} />
    </Space>
  );
}

const COMPLAINT_COLORS: Record<string, string> = { received: 'orange', handling: 'blue', upheld: 'red', dismissed: 'default' };

/** 投诉: a complaint about the child's center goes to the county that supervises it; the parent follows its handling and reply. */
function Complaints({ childId }: { childId: string }) {
  const { t } = useTranslation(['family', 'supervision']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const day = useQuery({ queryKey: ['child-day', childId, todayShanghai()], queryFn: () => api.get<ChildDayView>(`/parent/children/${childId}/day${qs({ day: todayShanghai() })}`) });
  const mine = useQuery({ queryKey: ['own-complaints'], queryFn: () => api.get<ComplaintView[]>('/supervision/complaints') });
  const center = day.data?.enrolment;
  const submit = async (v: { category: string; content: string }) => {
    setError(null);
    try {
      await api.post('/supervision/complaints', { centerId: center!.centerId, ...v });
      form.resetFields();
      void message.success(t('parent.complaintSent'));
      void qc.invalidateQueries({ queryKey: ['own-complaints'] });
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Card size="small" title={t('parent.complaints')} data-testid="complaints">
      {center && (
        <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} name="complaint">
          <Typography.Paragraph type="secondary">{t('parent.complaintHint', { center: center.centerName })}</Typography.Paragraph>
          <Form.Item name="category" label={t('supervision:field.category')} rules={[{ required: true, message: t('parent.complaintCategoryRequired') }]}>
            <Select options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`supervision:category.${c}`) }))} data-testid="complaint-category" />
          </Form.Item>
          <Form.Item name="content" label={t('supervision:field.content')} rules={[{ required: true, message: t('parent.complaintContentRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="complaint-content" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button htmlType="submit" data-testid="complaint-submit">
            {t('parent.complaintSubmit')}
          </Button>
        </Form>
      )}
      <List
        size="small"
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('parent.noComplaints') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={COMPLAINT_COLORS[c.status]}>{t(`supervision:status.${c.status}`)}</Tag>
                  <span>{c.centerName} · {t(`supervision:category.${c.category}`)}</span>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <Typography.Text>{c.content}</Typography.Text>
                  <Typography.Text type="secondary">{new Date(c.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</Typography.Text>
                  {c.reply && <Typography.Text>{t('parent.complaintReply', { reply: c.reply })}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
