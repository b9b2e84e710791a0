import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { ProviderView } from '../../../src/modules/homecare/contract.ts';
import { yuan } from './common.tsx';

const CATEGORIES = ['meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning', 'respite', 'careBed'];

/** Providers serving the caller's area and their priced items; the county registers providers and items. */
export function ProvidersTab() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<ProviderView | null>(null);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const providers = useQuery({ queryKey: ['homecare-providers'], queryFn: () => api.get<ProviderView[]>('/homecare/providers') });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<ProviderView>('/homecare/providers', v),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      message.success(t('providers.created'));
      void qc.invalidateQueries({ queryKey: ['homecare-providers'] });
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const addItem = useMutation({
    mutationFn: (v: { category: string; name: string; chargeUnit: string; priceYuan: number }) =>
      api.post<ProviderView>(`/homecare/providers/${adding!.id}/items`, { category: v.category, name: v.name, chargeUnit: v.chargeUnit, priceFen: Math.round(v.priceYuan * 100) }),
    onSuccess: () => {
      setAdding(null);
      itemForm.resetFields();
      message.success(t('providers.itemCreated'));
      void qc.invalidateQueries({ queryKey: ['homecare-providers'] });
    },
    onError: (e) => {
      const rest = applyApiError(itemForm, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('homecare.manage') && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('providers.new')}
        </Button>
      )}
      <Table<ProviderView>
        rowKey="id"
        size="middle"
        loading={providers.isLoading}
        dataSource={providers.data ?? []}
        expandable={{
          expandedRowRender: (p) =>
            p.items.length ? (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.items}
                columns={[
                  { title: t('field.category'), dataIndex: 'category', render: (v: string) => t(`category.${v}`) },
                  { title: t('field.item'), dataIndex: 'name' },
                  { title: t('field.price'), dataIndex: 'priceFen', align: 'right', render: (v: number, i) => `${yuan(v)} / ${t(`chargeUnit.${i.chargeUnit}`)}` },
                ]}
              />
            ) : (
              t('providers.none')
            ),
        }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', key: 'name' },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.categories'), dataIndex: 'categories', key: 'categories', render: (v: string[]) => v.map((c) => <Tag key={c}>{t(`category.${c}`)}</Tag>) },
          { title: t('field.phone'), dataIndex: 'phone', key: 'phone' },
          { title: t('providers.items'), key: 'items', align: 'right', render: (_, p) => p.items.length },
          { title: t('providers.openOrders'), dataIndex: 'openOrders', key: 'open', align: 'right' },
          { title: '', key: 'actions', render: (_, p) => (can('homecare.manage') ? <Button size="small" onClick={() => setAdding(p)}>{t('providers.newItem')}</Button> : null) },
        ]}
      />
      <Modal open={creating} title={t('providers.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="unitCode" label={t('field.unit')} rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="categories" label={t('field.categories')} rules={[{ required: true }]}>
            <Select mode="multiple" options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="address" label={t('field.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="username" label={t('field.username')}>
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!adding} title={`${t('providers.newItem')} · ${adding?.name ?? ''}`} onCancel={() => setAdding(null)} onOk={() => itemForm.submit()} confirmLoading={addItem.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={itemForm} layout="vertical" initialValues={{ chargeUnit: 'service' }} onFinish={(v) => addItem.mutate(v)}>
          <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]}>
            <Select options={(adding?.categories ?? []).map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="chargeUnit" label={t('field.chargeUnit')} rules={[{ required: true }]}>
            <Select options={['service', 'hour', 'day', 'month'].map((c) => ({ value: c, label: t(`chargeUnit.${c}`) }))} />
          </Form.Item>
          <Form.Item name="priceYuan" label={t('field.price')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
