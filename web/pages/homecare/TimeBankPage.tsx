import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { AccountView, MovementView, VolunteerServiceView, timeRuleView, relativeView } from '../../../src/modules/homecare/contract.ts';
import { PersonSelect, hours, newKey, renameFields, type PickedPerson } from './common.tsx';
import { StatementDrawer } from './StatementDrawer.tsx';

type Rule = z.infer<typeof timeRuleView>;
type Relative = z.infer<typeof relativeView>;
const STATUS_COLORS: Record<string, string> = { recorded: 'orange', confirmed: 'green', rejected: 'default' };

/** 时间银行: volunteers' hours, services to confirm, redemption and gifts to family, and the exchange rules. */
export function TimeBankPage() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [tab, setTab] = useState('accounts');
  const [statement, setStatement] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'record' | 'redeem' | 'transfer' | 'relative' | null>(null);
  const [who, setWho] = useState<{ from?: PickedPerson; to?: PickedPerson }>({});
  const [form] = Form.useForm();
  const accounts = useQuery({ queryKey: ['homecare-accounts', 'time'], queryFn: () => api.get<Paged<AccountView>>(`/homecare/accounts${qs({ currency: 'time', pageSize: 100 })}`) });
  const services = useQuery({ queryKey: ['homecare-services'], queryFn: () => api.get<VolunteerServiceView[]>('/homecare/time/services') });
  const rules = useQuery({ queryKey: ['homecare-time-rules'], queryFn: () => api.get<Rule[]>('/homecare/time/rules') });
  const fromId = Form.useWatch('fromPersonId', form);
  const relatives = useQuery({ queryKey: ['homecare-relatives', fromId], queryFn: () => api.get<Relative[]>(`/homecare/time/relatives?personId=${fromId}`), enabled: dialog === 'transfer' && !!fromId });
  const refresh = () => {
    for (const k of ['homecare-accounts', 'homecare-services', 'homecare-statement', 'homecare-relatives']) void qc.invalidateQueries({ queryKey: [k] });
  };
  const onError = (e: unknown) => {
    const rest = applyApiError(form, renameFields(e, { minutes: dialog === 'record' ? 'minutes' : 'hours' })).text;
    if (rest) message.error(rest);
  };
  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const minutes = Math.round(Number(v.hours ?? 0) * 60);
      if (dialog === 'record') return api.post('/homecare/time/services', v);
      if (dialog === 'redeem') return api.post<MovementView>('/homecare/time/redeem', { personId: v.personId, minutes, memo: v.memo, idempotencyKey: v.key });
      if (dialog === 'transfer') return api.post<MovementView>('/homecare/time/transfer', { fromPersonId: v.fromPersonId, toPersonId: v.toPersonId, minutes, idempotencyKey: v.key });
      return api.post('/homecare/time/relatives', v);
    },
    onSuccess: (_r, v) => {
      const h = String(v.hours ?? '');
      message.success(dialog === 'record' ? t('time.recorded') : dialog === 'redeem' ? t('time.redeemed', { hours: h }) : dialog === 'transfer' ? t('time.transferred', { hours: h }) : t('time.relativeAdded'));
      setDialog(null);
      form.resetFields();
      refresh();
    },
    onError,
  });
  const decide = useMutation({
    mutationFn: (a: { id: string; decision: 'confirm' | 'reject' }) => api.post<VolunteerServiceView>(`/homecare/time/services/${a.id}/${a.decision}`),
    onSuccess: (r) => {
      message.success(r.status === 'confirmed' ? t('time.confirmed', { hours: hours(r.earnedMinutes ?? 0) }) : t('time.rejectedDone'));
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  function submit(v: Record<string, unknown>) {
    const key = newKey(dialog ?? 'time');
    if (dialog === 'redeem') {
      modal.confirm({ title: t('time.redeem'), content: t('time.redeemConfirm', { name: who.from?.name ?? '', hours: String(v.hours) }), okText: t('confirmOk'), cancelText: t('cancelBtn'), onOk: () => save.mutateAsync({ ...v, key }).catch(() => {}) });
    } else if (dialog === 'transfer') {
      const to = relatives.data?.find((r) => r.relativeId === v.toPersonId)?.relativeName ?? '';
      modal.confirm({ title: t('time.transfer'), content: t('time.transferConfirm', { from: who.from?.name ?? '', to, hours: String(v.hours) }), okText: t('confirmOk'), cancelText: t('cancelBtn'), onOk: () => save.mutateAsync({ ...v, key }).catch(() => {}) });
    } else save.mutate(v);
  }
  const rule = rules.data?.find((r) => r.inEffect);
  const relationNames = rule?.transferRelations.map((r) => t(`time.relation.${r}`)).join('、') ?? '';
  return (
    <Card title={t('time.title')}>
      {can('homecare.timebank') && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" onClick={() => setDialog('record')}>{t('time.record')}</Button>
          <Button onClick={() => setDialog('redeem')}>{t('time.redeem')}</Button>
          <Button onClick={() => setDialog('transfer')}>{t('time.transfer')}</Button>
          <Button onClick={() => setDialog('relative')}>{t('time.addRelative')}</Button>
        </Space>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'accounts',
            label: t('time.accounts'),
            children: (
              <Table<AccountView>
                rowKey="id"
                size="middle"
                loading={accounts.isLoading}
                dataSource={accounts.data?.items ?? []}
                columns={[
                  { title: t('field.volunteer'), dataIndex: 'personName', render: (v: string, a) => <a onClick={() => setStatement(a.id)}>{v}</a> },
                  { title: t('field.age'), dataIndex: 'age', align: 'right' },
                  { title: t('field.unit'), dataIndex: 'unitName' },
                  { title: t('field.hours'), dataIndex: 'balance', align: 'right', render: (v: number) => hours(v) },
                  { title: '', key: 'st', render: (_, a) => <Button size="small" onClick={() => setStatement(a.id)}>{t('time.statusStatement')}</Button> },
                ]}
              />
            ),
          },
          {
            key: 'services',
            label: t('time.services'),
            children: (
              <Table<VolunteerServiceView>
                rowKey="id"
                size="middle"
                loading={services.isLoading}
                dataSource={services.data ?? []}
                columns={[
                  { title: t('field.servedOn'), dataIndex: 'servedOn' },
                  { title: t('field.volunteer'), dataIndex: 'volunteerName' },
                  { title: t('field.recipient'), dataIndex: 'recipientName' },
                  { title: t('field.serviceType'), dataIndex: 'serviceType', render: (v: string) => t(`time.serviceType.${v}`) },
                  { title: t('field.description'), dataIndex: 'description' },
                  { title: t('field.hours'), dataIndex: 'minutes', align: 'right', render: (v: number) => hours(v) },
                  { title: t('field.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`time.serviceStatus.${v}`)}</Tag> },
                  {
                    title: '',
                    key: 'a',
                    render: (_, s) =>
                      can('homecare.timebank') && s.status === 'recorded' ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => modal.confirm({ title: t('time.confirm'), content: t('time.confirmService', { name: s.volunteerName, hours: hours(s.minutes) }), okText: t('confirmOk'), cancelText: t('cancelBtn'), onOk: () => decide.mutateAsync({ id: s.id, decision: 'confirm' }) })}>{t('time.confirm')}</Button>
                          <Button size="small" onClick={() => decide.mutate({ id: s.id, decision: 'reject' })}>{t('time.reject')}</Button>
                        </Space>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'rules',
            label: t('time.rules'),
            children: rule && (
              <Space direction="vertical">
                <Alert
                  type="info"
                  showIcon
                  message={t('time.ruleText', { max: rule.maxMinutesPerRecord / 60, age: rule.redeemMinAge, relations: relationNames, validity: rule.validityMonths ? t('time.validFor', { months: rule.validityMonths }) : t('time.noExpiry') })}
                  description={t('time.ruleSource', { source: rule.source })}
                />
              </Space>
            ),
          },
        ]}
      />
      <Modal open={dialog !== null} title={dialog ? t(dialog === 'record' ? 'time.record' : dialog === 'relative' ? 'time.addRelative' : `time.${dialog}`) : ''} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ serviceType: 'dailyCare', minutes: 60, relation: 'spouse' }} onFinish={submit}>
          {dialog === 'record' && (
            <>
              <Form.Item name="volunteerId" label={t('field.volunteer')} rules={[{ required: true }]}><PersonSelect /></Form.Item>
              <Form.Item name="recipientId" label={t('field.recipient')}><PersonSelect group="elderly" /></Form.Item>
              <Form.Item name="serviceType" label={t('field.serviceType')}>
                <Select options={['dailyCare', 'emotionalSupport', 'recreation', 'talks'].map((s) => ({ value: s, label: t(`time.serviceType.${s}`) }))} />
              </Form.Item>
              <Space>
                <Form.Item name="servedOn" label={t('field.servedOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
                <Form.Item name="minutes" label={t('field.minutes')} rules={[{ required: true }]}><InputNumber min={1} max={720} precision={0} /></Form.Item>
              </Space>
              <Form.Item name="description" label={t('field.description')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
            </>
          )}
          {dialog === 'redeem' && (
            <>
              <Form.Item name="personId" label={t('field.volunteer')} rules={[{ required: true }]}><PersonSelect onChange={(id, p) => { form.setFieldValue('personId', id); setWho({ from: p }); }} /></Form.Item>
              <Form.Item name="hours" label={t('field.hours')} rules={[{ required: true }]}><InputNumber min={0.5} step={0.5} precision={2} /></Form.Item>
              <Form.Item name="memo" label={t('field.memo')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
            </>
          )}
          {dialog === 'transfer' && (
            <>
              <Form.Item name="fromPersonId" label={t('field.from')} rules={[{ required: true }]}><PersonSelect onChange={(id, p) => { form.setFieldsValue({ fromPersonId: id, toPersonId: undefined }); setWho({ from: p }); }} /></Form.Item>
              <Form.Item name="toPersonId" label={t('field.to')} rules={[{ required: true }]} extra={relationNames ? `${t('field.relation')}：${relationNames}` : undefined}>
                <Select options={(relatives.data ?? []).filter((r) => r.transferAllowed).map((r) => ({ value: r.relativeId, label: `${r.relativeName}（${t(`time.relation.${r.relation}`)}）` }))} />
              </Form.Item>
              <Form.Item name="hours" label={t('field.hours')} rules={[{ required: true }]}><InputNumber min={0.5} step={0.5} precision={2} /></Form.Item>
            </>
          )}
          {dialog === 'relative' && (
            <>
              <Form.Item name="personId" label={t('field.person')} rules={[{ required: true }]}><PersonSelect /></Form.Item>
              <Form.Item name="relativeId" label={t('field.relative')} rules={[{ required: true }]}><PersonSelect /></Form.Item>
              <Form.Item name="relation" label={t('field.relation')} extra="">
                <Select options={['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'].map((r) => ({ value: r, label: t(`time.relation.${r}`) }))} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <StatementDrawer accountId={statement} onClose={() => setStatement(null)} />
    </Card>
  );
}
