import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { AccountView, MovementView } from '../../../src/modules/homecare/contract.ts';
import type { z } from 'zod';
import type { cardSummary } from '../../../src/modules/homecare/contract.ts';
import { PersonSelect, newKey, renameFields, yuan, type PickedPerson } from './common.tsx';
import { StatementDrawer } from './StatementDrawer.tsx';

type Summary = z.infer<typeof cardSummary>;

/** 爱心卡: the programme's reconciliation by county, holders with balance, held and available; issue and expire with a confirmation naming person and amount. */
export function CareCardPage() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);
  const [picked, setPicked] = useState<PickedPerson | null>(null);
  const [statement, setStatement] = useState<string | null>(null);
  const [key, setKey] = useState(() => newKey('issue'));
  const [form] = Form.useForm();
  const summary = useQuery({ queryKey: ['homecare-card-summary'], queryFn: () => api.get<Summary>('/homecare/card/summary') });
  const accounts = useQuery({ queryKey: ['homecare-accounts', 'card', q, page], queryFn: () => api.get<Paged<AccountView>>(`/homecare/accounts${qs({ currency: 'card', q, page, pageSize: 20 })}`) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['homecare-accounts'] });
    void qc.invalidateQueries({ queryKey: ['homecare-card-summary'] });
    void qc.invalidateQueries({ queryKey: ['homecare-statement'] });
  };
  const issue = useMutation({
    mutationFn: (v: { personId: string; amountYuan: number; memo?: string }) => api.post<MovementView>('/homecare/card/issue', { personId: v.personId, amountFen: Math.round(v.amountYuan * 100), memo: v.memo, idempotencyKey: key }),
    onSuccess: (r) => {
      message.success(t('card.issued', { name: r.account.personName, amount: yuan(r.amount) }));
      setIssuing(false);
      setKey(newKey('issue'));
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      const rest = applyApiError(form, renameFields(e, { amountFen: 'amountYuan' })).text;
      if (rest) message.error(rest);
    },
  });
  const expire = useMutation({
    mutationFn: (a: AccountView) => api.post<MovementView>(`/homecare/card/accounts/${a.id}/expire`, { idempotencyKey: newKey('expire'), reason: t('card.expire') }),
    onSuccess: (r) => {
      message.success(t('card.expired', { amount: yuan(r.amount) }));
      refresh();
    },
    onError: (e) => message.error((e as Error & { fields?: { message: string }[] }).fields?.[0]?.message ?? (e as Error).message),
  });
  function confirmIssue(v: { personId: string; amountYuan: number; memo?: string }) {
    modal.confirm({
      title: t('card.issueConfirmTitle'),
      content: t('card.issueConfirm', { name: picked?.label ?? '', amount: yuan(Math.round(v.amountYuan * 100)) }),
      okText: t('confirmOk'),
      cancelText: t('cancelBtn'),
      onOk: () => issue.mutateAsync(v).catch(() => {}),
    });
  }
  const rule = summary.data?.rule;
  return (
    <Card title={t('card.title')}>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {rule && <Alert type="info" showIcon message={t('card.rule', { age: rule.minAge, source: rule.source })} />}
        <Table
          rowKey="unitCode"
          size="small"
          pagination={false}
          title={() => (
            <Space>
              <Typography.Text strong>{t('card.summary')}</Typography.Text>
              <Typography.Text type="secondary">{t('card.reconcile')}</Typography.Text>
            </Space>
          )}
          loading={summary.isLoading}
          dataSource={summary.data?.rows ?? []}
          columns={[
            { title: t('field.unit'), dataIndex: 'unitName' },
            { title: t('field.holders'), dataIndex: 'holders', align: 'right' },
            ...(['issued', 'spent', 'refunded', 'expired', 'outstanding', 'held'] as const).map((k) => ({ title: `${t(`field.${k}`)}（元）`.replace('（元）（元）', '（元）'), dataIndex: k, align: 'right' as const, render: (v: number) => yuan(v) })),
          ]}
        />
        <Space>
          <Input.Search allowClear style={{ width: 240 }} placeholder={t('field.person')} onSearch={(v) => { setQ(v || undefined); setPage(1); }} />
          {can('homecare.manage') && (
            <Button type="primary" data-testid="issue-card" onClick={() => setIssuing(true)}>
              {t('card.issue')}
            </Button>
          )}
        </Space>
        <Table<AccountView>
          rowKey="id"
          size="middle"
          loading={accounts.isLoading}
          dataSource={accounts.data?.items ?? []}
          pagination={{ current: page, total: accounts.data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            { title: t('field.person'), dataIndex: 'personName', render: (v: string, a) => <a onClick={() => setStatement(a.id)}>{v}</a> },
            { title: t('field.age'), dataIndex: 'age', align: 'right' },
            { title: t('field.unit'), dataIndex: 'unitName' },
            { title: t('field.balance'), dataIndex: 'balance', align: 'right', render: (v: number) => yuan(v) },
            { title: t('field.held'), dataIndex: 'held', align: 'right', render: (v: number) => yuan(v) },
            { title: t('field.available'), dataIndex: 'available', align: 'right', render: (v: number) => yuan(v) },
            {
              title: '',
              key: 'actions',
              render: (_, a) => (
                <Space>
                  <Button size="small" onClick={() => setStatement(a.id)}>{t('card.statement')}</Button>
                  {can('homecare.manage') && a.available > 0 && (
                    <Button size="small" danger onClick={() => modal.confirm({ title: t('card.expire'), content: t('card.expireConfirm', { name: a.personName, amount: yuan(a.available) }), okText: t('confirmOk'), cancelText: t('cancelBtn'), okButtonProps: { danger: true }, onOk: () => expire.mutateAsync(a) })}>
                      {t('card.expire')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      <Modal open={issuing} title={t('card.issue')} onCancel={() => setIssuing(false)} onOk={() => form.submit()} confirmLoading={issue.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={confirmIssue}>
          <Form.Item name="personId" label={t('field.person')} rules={[{ required: true }]}>
            <PersonSelect group="elderly" testId="issue-person" onChange={(id, p) => { form.setFieldValue('personId', id); setPicked(p); }} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('field.issueAmount')} rules={[{ required: true }]}>
            <InputNumber data-testid="issue-amount" min={0.01} max={1000000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="memo" label={t('field.memo')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <StatementDrawer accountId={statement} onClose={() => setStatement(null)} />
    </Card>
  );
}
