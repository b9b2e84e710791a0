import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { z } from 'zod';
import type { coverageView } from '../../../src/modules/homecare/contract.ts';
import { PersonSelect } from './common.tsx';

type Coverage = z.infer<typeof coverageView>;

/** 探访关爱: coverage by township, each person's last visit and next due date; record visits and targets. */
export function VisitsTab() {
  const { t } = useTranslation('homecare');
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'visit' | 'target' | null>(null);
  const [form] = Form.useForm();
  const coverage = useQuery({ queryKey: ['homecare-coverage'], queryFn: () => api.get<Coverage>('/homecare/visits/coverage') });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Coverage>(mode === 'visit' ? '/homecare/visits' : '/homecare/visits/targets', v),
    onSuccess: () => {
      message.success(t(mode === 'visit' ? 'visits.recorded' : 'visits.targetAdded'));
      setMode(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['homecare-coverage'] });
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="info" showIcon message={t('visits.rule')} />
      {can('homecare.visit') && (
        <Space>
          <Button type="primary" onClick={() => setMode('visit')}>{t('visits.record')}</Button>
          <Button onClick={() => setMode('target')}>{t('visits.addTarget')}</Button>
        </Space>
      )}
      <Table
        rowKey="unitCode"
        size="small"
        title={() => t('visits.coverage')}
        pagination={false}
        loading={coverage.isLoading}
        dataSource={coverage.data?.rows ?? []}
        columns={[
          { title: t('field.unit'), dataIndex: 'unitName' },
          { title: t('field.targets'), dataIndex: 'targets', align: 'right' },
          { title: t('field.covered'), dataIndex: 'covered', align: 'right' },
          { title: t('field.rate'), dataIndex: 'rate', align: 'right', render: (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`) },
        ]}
      />
      <Table
        rowKey="personId"
        size="small"
        dataSource={coverage.data?.targets ?? []}
        columns={[
          { title: t('field.person'), dataIndex: 'personName' },
          { title: t('field.unit'), dataIndex: 'unitName' },
          { title: t('field.visitCategory'), dataIndex: 'category', render: (v: string) => t(`visits.category.${v}`) },
          { title: t('field.tier'), dataIndex: 'tier', render: (v: string) => t(`visits.tier.${v}`) },
          { title: t('field.lastVisit'), dataIndex: 'lastVisitedOn' },
          { title: t('field.due'), dataIndex: 'dueOn' },
          { title: t('field.status'), dataIndex: 'overdue', render: (v: boolean) => (v ? <Tag color="red">{t('visits.overdue')}</Tag> : <Tag color="green">{t('visits.onTime')}</Tag>) },
        ]}
      />
      <Modal open={mode !== null} title={t(mode === 'visit' ? 'visits.record' : 'visits.addTarget')} onCancel={() => setMode(null)} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('confirmOk')} cancelText={t('cancelBtn')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ mode: 'home', tier: 'key', category: 'alone' }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="personId" label={t('field.person')} rules={[{ required: true }]}>
            <PersonSelect group="elderly" />
          </Form.Item>
          {mode === 'visit' ? (
            <>
              <Form.Item name="visitedOn" label={t('field.visitedOn')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="mode" label={t('field.mode')}>
                <Select options={['home', 'phone'].map((m) => ({ value: m, label: t(`visits.mode.${m}`) }))} />
              </Form.Item>
              <Form.Item name="visitorName" label={t('field.visitor')} rules={[{ required: true }]}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="findings" label={t('field.findings')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="category" label={t('field.visitCategory')}>
                <Select options={['alone', 'emptyNest', 'leftBehind', 'disabled', 'lowIncome', 'veryOld'].map((m) => ({ value: m, label: t(`visits.category.${m}`) }))} />
              </Form.Item>
              <Form.Item name="tier" label={t('field.tier')}>
                <Select options={['high', 'key', 'general'].map((m) => ({ value: m, label: t(`visits.tier.${m}`) }))} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
