import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { workerView } from '../../../src/modules/welfare/contract.ts';

type Worker = z.infer<typeof workerView>;

/** Child supervisors (township) and child directors (village) with their caseloads. */
export function WorkersTab() {
  const { t } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['welfare-workers', 'all'], queryFn: () => api.get<Worker[]>('/welfare/workers') });
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Worker>('/welfare/workers', v),
    onSuccess: (w) => {
      message.success(t('workers.added', { name: w.name }));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['welfare-workers'] });
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('welfare.write') && (
        <Form form={form} name="welfare-worker" layout="inline" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="role" label={t('field.role')} rules={[{ required: true }]}>
            <Select style={{ width: 130 }} options={['director', 'supervisor'].map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="unitCode" label={t('common:unit')} rules={[{ required: true }]}>
            <UnitPicker style={{ width: 220 }} minLevel={3} />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true }]}>
            <Input style={{ width: 110 }} maxLength={40} />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')} rules={[{ required: true }]}>
            <Input style={{ width: 140 }} maxLength={20} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
              {t('workers.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<Worker>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('workers.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', key: 'name' },
          { title: t('field.role'), dataIndex: 'role', key: 'role', render: (v: string) => t(`role.${v}`) },
          { title: t('common:unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.phone'), dataIndex: 'phone', key: 'phone' },
          { title: t('field.caseload'), dataIndex: 'caseload', key: 'caseload', align: 'right' },
        ]}
      />
    </Space>
  );
}
