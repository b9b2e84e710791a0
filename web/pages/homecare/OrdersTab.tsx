import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Rate, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { OrderDetail, OrderView, ProviderView } from '../../../src/modules/homecare/contract.ts';
import { PersonSelect, yuan } from './common.tsx';

const COLORS: Record<string, string> = { requested: 'orange', accepted: 'blue', visited: 'cyan', confirmed: 'green', rated: 'green', cancelled: 'default' };

/** Service orders with the actions the caller may take; confirmation names the amount before paying. */
export function OrdersTab() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ status?: string; category?: string; q?: string; page: number }>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const [rating, setRating] = useState<OrderView | null>(null);
  const [cancelling, setCancelling] = useState<OrderView | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [rateForm] = Form.useForm();
  const [cancelForm] = Form.useForm();
  const orders = useQuery({ queryKey: ['homecare-orders', filters], queryFn: () => api.get<Paged<OrderView>>(`/homecare/orders${qs({ ...filters, pageSize: 20 })}`) });
  const providers = useQuery({ queryKey: ['homecare-providers'], queryFn: () => api.get<ProviderView[]>('/homecare/providers'), enabled: creating });
  const opened = useQuery({ queryKey: ['homecare-order', detail], queryFn: () => api.get<OrderDetail>(`/homecare/orders/${detail}`), enabled: !!detail });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['homecare-orders'] });
    void qc.invalidateQueries({ queryKey: ['homecare-order'] });
  };
  const create = useMutation({
    mutationFn: (v: { personId: string; providerId: string; itemId: string; quantity: number; scheduledOn: string; payment: string; note?: string }) =>
      api.post<OrderDetail>('/homecare/orders', { personId: v.personId, itemId: v.itemId, quantity: v.quantity, scheduledOn: v.scheduledOn, payment: v.payment, note: v.note }),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      message.success(t('orders.created'));
      refresh();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const act = useMutation({
    mutationFn: (a: { id: string; action: string; body?: Record<string, unknown> }) => api.post<OrderDetail>(`/homecare/orders/${a.id}/${a.action}`, a.body ?? {}),
    onSuccess: () => {
      message.success(t('orders.done'));
      setRating(null);
      setCancelling(null);
      refresh();
    },
    onError: (e) => message.error((e as Error & { fields?: { message: string }[] }).fields?.[0]?.message ?? (e as Error).message),
  });

  function start(o: OrderView, action: string) {
    const amount = yuan(o.amountFen);
    if (action === 'confirm') {
      modal.confirm({
        title: t('orders.confirmTitle'),
        content: t(o.payment === 'card' ? 'orders.confirmText' : 'orders.confirmSelfText', { name: o.personName, item: o.itemName, amount }),
        okText: t('confirmOk'),
        cancelText: t('cancelBtn'),
        onOk: () => act.mutateAsync({ id: o.id, action }),
      });
    } else if (action === 'accept' && o.payment === 'card') {
      modal.confirm({ title: t('action.accept'), content: t('orders.acceptCardText', { name: o.personName, amount }), okText: t('confirmOk'), cancelText: t('cancelBtn'), onOk: () => act.mutateAsync({ id: o.id, action }) });
    } else if (action === 'rate') setRating(o);
    else if (action === 'cancel') setCancelling(o);
    else act.mutate({ id: o.id, action });
  }

  const providerId = Form.useWatch('providerId', form);
  const itemId = Form.useWatch('itemId', form);
  const quantity = Form.useWatch('quantity', form);
  const provider = providers.data?.find((p) => p.id === providerId);
  const item = provider?.items.find((i) => i.id === itemId);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Select allowClear style={{ width: 140 }} placeholder={t('field.status')} value={filters.status} onChange={(status) => setFilters({ ...filters, status, page: 1 })} options={['requested', 'accepted', 'visited', 'confirmed', 'rated', 'cancelled'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select allowClear style={{ width: 160 }} placeholder={t('field.category')} value={filters.category} onChange={(category) => setFilters({ ...filters, category, page: 1 })} options={['meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning', 'respite', 'careBed'].map((s) => ({ value: s, label: t(`category.${s}`) }))} />
        <Input.Search allowClear style={{ width: 240 }} placeholder={t('orders.search')} onSearch={(q) => setFilters({ ...filters, q: q || undefined, page: 1 })} />
        {can('homecare.order') && (
          <Button type="primary" data-testid="new-order" onClick={() => setCreating(true)}>
            {t('orders.new')}
          </Button>
        )}
      </Space>
      <Table<OrderView>
        rowKey="id"
        size="middle"
        loading={orders.isLoading}
        dataSource={orders.data?.items ?? []}
        pagination={{ current: filters.page, total: orders.data?.total ?? 0, pageSize: 20, onChange: (page) => setFilters({ ...filters, page }) }}
        columns={[
          { title: t('field.person'), dataIndex: 'personName', key: 'person', render: (v: string, o) => <a onClick={() => setDetail(o.id)}>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.category'), dataIndex: 'category', key: 'category', render: (v: string) => t(`category.${v}`) },
          { title: t('field.item'), key: 'item', render: (_, o) => `${o.itemName} × ${o.quantity}` },
          { title: t('field.provider'), dataIndex: 'providerName', key: 'provider' },
          { title: t('field.scheduledOn'), dataIndex: 'scheduledOn', key: 'on' },
          { title: t('field.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: number) => yuan(v) },
          { title: t('field.payment'), key: 'payment', render: (_, o) => (o.payment === 'card' ? `${t('payment.card')}${o.holdStatus ? `（${t(`holdStatus.${o.holdStatus}`)}）` : ''}` : t('payment.self')) },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={COLORS[v]}>{t(`status.${v}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_, o) => (
              <Space size={4} wrap>
                {o.actions.map((a) => (
                  <Button key={a} size="small" type={a === 'cancel' ? 'default' : 'primary'} danger={a === 'cancel'} data-testid={`order-${a}`} onClick={() => start(o, a)}>
                    {t(`action.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('orders.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ quantity: 1, payment: 'card' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="personId" label={t('field.person')} rules={[{ required: true }]}>
            <PersonSelect group="elderly" testId="order-person" />
          </Form.Item>
          <Form.Item name="providerId" label={t('field.provider')} rules={[{ required: true }]}>
            <Select data-testid="order-provider" options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} onChange={() => form.setFieldValue('itemId', undefined)} />
          </Form.Item>
          <Form.Item name="itemId" label={t('field.item')} rules={[{ required: true }]}>
            <Select data-testid="order-item" options={(provider?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: `${t(`category.${i.category}`)} · ${i.name}（${yuan(i.priceFen)} 元/${t(`chargeUnit.${i.chargeUnit}`)}）` }))} />
          </Form.Item>
          <Space>
            <Form.Item name="quantity" label={t('field.quantity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={366} precision={0} />
            </Form.Item>
            <Form.Item name="scheduledOn" label={t('field.scheduledOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="order-date" />
            </Form.Item>
          </Space>
          <Form.Item name="payment" label={t('field.payment')} extra={t('orders.cardOnlyEligible')}>
            <Select options={['card', 'self'].map((v) => ({ value: v, label: t(`payment.${v}`) }))} />
          </Form.Item>
          {item && <Typography.Paragraph strong>{`${t('field.amount')}：${yuan(item.priceFen * (quantity ?? 1))}`}</Typography.Paragraph>}
          <Form.Item name="note" label={t('field.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!rating} title={t('orders.rateTitle')} onCancel={() => setRating(null)} onOk={() => rateForm.submit()} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={rateForm} layout="vertical" onFinish={(v) => rating && act.mutate({ id: rating.id, action: 'rate', body: v })}>
          <Form.Item name="rating" label={t('field.rating')} rules={[{ required: true }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label={t('field.comment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!cancelling} title={cancelling ? `${t('orders.cancelTitle')} · ${cancelling.personName} · ${cancelling.itemName}` : ''} onCancel={() => setCancelling(null)} onOk={() => cancelForm.submit()} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={cancelForm} layout="vertical" onFinish={(v) => cancelling && act.mutate({ id: cancelling.id, action: 'cancel', body: v })}>
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!detail} title={opened.data ? `${opened.data.personName} · ${opened.data.itemName}` : ''} footer={null} onCancel={() => setDetail(null)}>
        {opened.data && (
          <Timeline
            items={opened.data.events.map((e) => ({ children: `${e.at.replace('T', ' ')} ${t(`status.${e.toStatus}`)} · ${e.byName}${e.reason ? ` · ${e.reason}` : ''}` }))}
          />
        )}
      </Modal>
    </Space>
  );
}
