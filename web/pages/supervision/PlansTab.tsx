import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { PlanView } from '../../../src/modules/supervision/contract.ts';

const TYPES = ['routine', 'fireSafety', 'foodHygiene', 'special'];

/** Inspection plans: create, draw at random with a recorded seed (双随机), verify a draw. */
export function PlansTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const formErrors = useFormErrors(form, { toast: true });
  const [drawForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [drawing, setDrawing] = useState<PlanView | null>(null);
  const plans = useQuery({ queryKey: ['supervision-plans'], queryFn: () => api.get<PlanView[]>('/supervision/plans') });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['supervision-plans'] });
  const create = useMutation({
    mutationFn: (v: { name: string; inspectionType: string; period: [{ format(f: string): string }, { format(f: string): string }]; sampleSize: number; inspectorsPerCenter: number }) =>
      api.post<PlanView>('/supervision/plans', { name: v.name, inspectionType: v.inspectionType, periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD'), sampleSize: v.sampleSize, inspectorsPerCenter: v.inspectorsPerCenter }),
    onSuccess: () => {
      void message.success(t('common:feedback.created'));
      setCreating(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      formErrors.onError(e);
    },
  });
  const draw = useMutation({
    mutationFn: (v: { seed?: string }) => api.post<PlanView>(`/supervision/plans/${drawing!.id}/draw`, { seed: v.seed?.trim() || undefined }),
    onSuccess: (p) => {
      void message.success(t('common:feedback.drawn', { count: p.draw?.assignments.length ?? p.sampleSize }));
      setDrawing(null);
      drawForm.resetFields();
      refresh();
      void qc.invalidateQueries({ queryKey: ['supervision-inspections'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const verify = async (p: PlanView) => {
    const r = await api.get<{ reproducible: boolean; seed: string; algorithm: string }>(`/supervision/plans/${p.id}/verify`);
    modal[r.reproducible ? 'success' : 'error']({ title: r.reproducible ? t('plans.reproducible') : t('plans.notReproducible'), content: `${t('plans.seed')}：${r.seed} · ${t('plans.method')}` });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('supervision.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('plans.new')}
        </Button>
      )}
      <Table<PlanView>
        rowKey="id"
        size="middle"
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        expandable={{
          rowExpandable: (p) => !!p.draw,
          expandedRowRender: (p) => (
            <Typography.Text type="secondary">
              {t('plans.seed')}：{p.draw!.seed} · {t('plans.method')} · {t('field.candidates')} {p.draw!.candidates.length} · {t('field.drawnBy')} {p.drawnByName} {p.drawnAt?.slice(0, 16).replace('T', ' ')}
            </Typography.Text>
          ),
        }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', key: 'name' },
          { title: t('field.county'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.type'), dataIndex: 'inspectionType', key: 'type', render: (v: string) => t(`type.${v}`) },
          { title: t('field.period'), key: 'period', render: (_, p) => `${p.periodFrom} ~ ${p.periodTo}`, sorter: (a, b) => a.periodFrom.localeCompare(b.periodFrom) },
          { title: t('field.sampleSize'), dataIndex: 'sampleSize', key: 'sample', align: 'right' },
          { title: t('field.inspectorsPerCenter'), dataIndex: 'inspectorsPerCenter', key: 'per', align: 'right' },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'drawn' ? 'green' : 'orange'}>{t(`status.${v}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_, p) =>
              p.status === 'draft' ? (
                can('supervision.manage') && (
                  <Button size="small" type="primary" onClick={() => setDrawing(p)}>
                    {t('plans.draw')}
                  </Button>
                )
              ) : (
                <Button size="small" onClick={() => void verify(p)}>
                  {t('plans.verify')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('plans.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} onValuesChange={formErrors.onValuesChange} layout="vertical" initialValues={{ inspectionType: 'routine', inspectorsPerCenter: 2, sampleSize: 5 }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('field.name')} rules={[rules.required()]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="inspectionType" label={t('field.type')} rules={[rules.choose()]}>
            <Select options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('field.period')} rules={[rules.choose()]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Space>
            <Form.Item name="sampleSize" label={t('field.sampleSize')} rules={[rules.required()]}>
              <InputNumber min={1} max={2000} />
            </Form.Item>
            <Form.Item name="inspectorsPerCenter" label={t('field.inspectorsPerCenter')} rules={[rules.required()]}>
              <InputNumber min={1} max={5} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal open={!!drawing} title={`${t('plans.draw')} · ${drawing?.name ?? ''}`} onCancel={() => setDrawing(null)} onOk={() => drawForm.submit()} confirmLoading={draw.isPending} destroyOnHidden>
        <Form form={drawForm} layout="vertical" onFinish={(v) => draw.mutate(v)}>
          <Form.Item name="seed" label={t('plans.seed')} extra={t('plans.seedHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
