import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { ClaimView } from '../../../src/modules/subsidies/contract.ts';
import type { CenterListItem } from '../../../src/modules/childcare/contract.ts';
import { yuan } from './money.ts';

const COLORS: Record<string, string> = { submitted: 'orange', approved: 'green', rejected: 'red' };

/** One-time claims: an operator claims for its center; the county approves (amount from the rule) or rejects with a reason. */
export function ClaimsTab() {
  const { t } = useTranslation(['subsidies', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const formErrors = useFormErrors(form, { toast: true });
  const [creating, setCreating] = useState(false);
  const [rejecting, setRejecting] = useState<ClaimView | null>(null);
  const [reason, setReason] = useState('');
  const claims = useQuery({ queryKey: ['subsidy-claims'], queryFn: () => api.get<ClaimView[]>('/subsidies/claims') });
  const centers = useQuery({ queryKey: ['own-centers'], queryFn: () => api.get<Paged<CenterListItem>>(`/childcare/centers${qs({ pageSize: 200 })}`), enabled: creating });
  const submit = useMutation({
    mutationFn: (v: { centerId: string; ruleCode: string; costYuan: number; places?: number; description: string }) =>
      api.post<ClaimView>('/subsidies/claims', { centerId: v.centerId, ruleCode: v.ruleCode, costFen: Math.round(v.costYuan * 100), places: v.places, description: v.description }),
    onSuccess: () => {
      void message.success(t('common:feedback.submitted'));
      setCreating(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['subsidy-claims'] });
    },
    onError: (e) => {
      formErrors.onError(e);
    },
  });
  const decide = useMutation({
    mutationFn: (a: { id: string; decision: 'approve' | 'reject'; comment?: string }) => api.post<ClaimView>(`/subsidies/claims/${a.id}/decision`, { decision: a.decision, comment: a.comment }),
    onSuccess: (_, a) => {
      void message.success(t(a.decision === 'approve' ? 'common:feedback.approved' : 'common:feedback.rejected'));
      setRejecting(null);
      void qc.invalidateQueries({ queryKey: ['subsidy-claims'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const ruleCode = Form.useWatch('ruleCode', form);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {can('subsidies.claim') && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('claims.submit')}
        </Button>
      )}
      <Table<ClaimView>
        rowKey="id"
        size="middle"
        loading={claims.isLoading}
        dataSource={claims.data ?? []}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.rule'), dataIndex: 'ruleCode', key: 'rule', render: (v: string) => t(`rule.${v}`, { defaultValue: v }) },
          { title: t('field.cost'), dataIndex: 'costFen', key: 'cost', align: 'right', render: (v: number) => yuan(v), sorter: (a, b) => a.costFen - b.costFen },
          { title: t('field.places'), dataIndex: 'places', key: 'places', align: 'right' },
          { title: t('field.capYuan'), dataIndex: 'capFen', key: 'cap', align: 'right', render: (v: number | null) => (v === null ? '' : yuan(v)) },
          { title: t('field.amountYuan'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: number | null) => (v === null ? '' : yuan(v)) },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={COLORS[v]}>{t(`status.${v}`)}</Tag> },
          { title: t('field.decision'), dataIndex: 'decisionComment', key: 'comment' },
          {
            title: '',
            key: 'actions',
            render: (_, c) =>
              can('subsidies.approve') && c.status === 'submitted' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide.mutate({ id: c.id, decision: 'approve' })}>
                    {t('claims.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(c)}>
                    {t('claims.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={creating} title={t('claims.submit')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden>
        <Form form={form} onValuesChange={formErrors.onValuesChange} layout="vertical" onFinish={(v) => submit.mutate(v)}>
          <Form.Item name="centerId" label={t('field.center')} rules={[rules.choose()]}>
            <Select options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={centers.isLoading} />
          </Form.Item>
          <Form.Item name="ruleCode" label={t('field.rule')} rules={[rules.choose()]}>
            <Select options={['childcare.premises', 'childcare.convertedPlace'].map((c) => ({ value: c, label: t(`rule.${c}`) }))} />
          </Form.Item>
          <Form.Item name="costYuan" label={t('field.cost')} rules={[rules.required()]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {ruleCode === 'childcare.convertedPlace' && (
            <Form.Item name="places" label={t('field.places')} rules={[rules.required()]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="description" label={t('field.description')} rules={[rules.required()]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!rejecting} title={t('claims.reject')} onCancel={() => setRejecting(null)} onOk={() => rejecting && decide.mutate({ id: rejecting.id, decision: 'reject', comment: reason })} okButtonProps={{ disabled: !reason.trim() }}>
        <Input.TextArea rows={3} placeholder={t('claims.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
