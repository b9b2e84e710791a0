import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Input, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { OrderView } from '../../../src/modules/supervision/contract.ts';

const COLORS: Record<string, string> = { open: 'orange', submitted: 'blue', closed: 'green' };

/** Rectification orders: the center reports what it did; the county accepts or returns with a new deadline. */
export function RectificationsTab() {
  const { t } = useTranslation(['supervision', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [state, update] = useUrlState({ status: undefined, overdue: undefined } as Record<string, string | undefined>);
  const [acting, setActing] = useState<{ order: OrderView; kind: 'respond' | 'reject' } | null>(null);
  const [text, setText] = useState('');
  const [newDeadline, setNewDeadline] = useState<string | null>(null);
  const orders = useQuery({ queryKey: ['supervision-orders', state], queryFn: () => api.get<OrderView[]>(`/supervision/rectifications${qs({ status: state.status, overdue: state.overdue })}`) });
  const done = () => {
    setActing(null);
    setText('');
    void qc.invalidateQueries({ queryKey: ['supervision-orders'] });
  };
  const act = useMutation({
    mutationFn: (a: { id: string; kind: 'respond' | 'accept' | 'reject' }) =>
      a.kind === 'respond' ? api.post(`/supervision/rectifications/${a.id}/response`, { response: text }) : api.post(`/supervision/rectifications/${a.id}/review`, a.kind === 'accept' ? { decision: 'accept' } : { decision: 'reject', comment: text, newDeadline }),
    onSuccess: (_, a) => {
      void message.success(t(a.kind === 'respond' ? 'common:feedback.submitted' : a.kind === 'accept' ? 'common:feedback.approved' : 'common:feedback.rejected'));
      done();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space>
        <Select allowClear placeholder={t('field.status')} style={{ width: 120 }} value={state.status} onChange={(v) => update({ status: v })} options={['open', 'submitted', 'closed'].map((v) => ({ value: v, label: t(`status.${v}`) }))} />
        <Select allowClear placeholder={t('rectifications.overdue')} style={{ width: 120 }} value={state.overdue} onChange={(v) => update({ overdue: v })} options={[{ value: 'true', label: t('rectifications.overdue') }]} />
      </Space>
      <Table<OrderView>
        rowKey="id"
        size="middle"
        loading={orders.isLoading}
        dataSource={orders.data ?? []}
        expandable={{ expandedRowRender: (o) => <Timeline items={o.history.map((h) => ({ children: `${h.at.slice(0, 10)} ${h.by} ${t(`status.${h.action}`, { defaultValue: h.action })}${h.comment ? `：${h.comment}` : ''}${h.deadline ? `（${t('field.deadline')} ${h.deadline}）` : ''}` }))} /> }}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center' },
          { title: t('field.requirement'), dataIndex: 'requirement', key: 'req' },
          { title: t('field.issuedOn'), dataIndex: 'issuedOn', key: 'issued', sorter: (a, b) => a.issuedOn.localeCompare(b.issuedOn) },
          { title: t('field.deadline'), dataIndex: 'deadline', key: 'deadline', sorter: (a, b) => a.deadline.localeCompare(b.deadline), render: (v: string, o) => (o.overdue ? <Tag color="red">{v} {t('rectifications.overdue')}</Tag> : v) },
          { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={COLORS[v]}>{t(`status.${v}`)}</Tag> },
          { title: t('field.response'), dataIndex: 'response', key: 'response' },
          {
            title: '',
            key: 'actions',
            render: (_, o) => (
              <Space>
                {o.status === 'open' && can('supervision.report') && (
                  <Button size="small" type="primary" onClick={() => setActing({ order: o, kind: 'respond' })}>
                    {t('rectifications.respond')}
                  </Button>
                )}
                {o.status === 'submitted' && can('supervision.manage') && (
                  <>
                    <Button size="small" type="primary" onClick={() => act.mutate({ id: o.id, kind: 'accept' })}>
                      {t('rectifications.accept')}
                    </Button>
                    <Button size="small" danger onClick={() => setActing({ order: o, kind: 'reject' })}>
                      {t('rectifications.reject')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!acting}
        title={acting ? t(`rectifications.${acting.kind}`) : ''}
        onCancel={() => setActing(null)}
        onOk={() => acting && act.mutate({ id: acting.order.id, kind: acting.kind })}
        okButtonProps={{ disabled: !text.trim() || (acting?.kind === 'reject' && !newDeadline) }}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={4} placeholder={acting?.kind === 'respond' ? t('field.response') : t('field.comment')} value={text} onChange={(e) => setText(e.target.value)} />
          {acting?.kind === 'reject' && <DatePicker placeholder={t('field.newDeadline')} onChange={(d) => setNewDeadline(d ? d.format('YYYY-MM-DD') : null)} />}
        </Space>
      </Modal>
    </Space>
  );
}
