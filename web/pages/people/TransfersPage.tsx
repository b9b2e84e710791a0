import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useFormErrors } from '../../components/formErrors.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { PersonDrawer } from './PersonDrawer.tsx';
import type { TransferView as Transfer } from '../../../src/modules/people/contract.ts';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const;
const SIDE_COLOR = { decider: 'blue', from: 'purple', to: 'cyan' } as const;

/**
 * Moves of people between units: the administrator covering both units approves or rejects
 * (each with a confirmation naming the person), both sides follow the outcome. The requesting
 * side never sees where the person is registered.
 */
export function TransfersPage() {
  const { t } = useTranslation(['people', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [state, update] = useUrlState({ status: 'pending', page: '1' } as Record<string, string | undefined>);
  const [deciding, setDeciding] = useState<{ transfer: Transfer; decision: 'approve' | 'reject' } | null>(null);
  const [openPerson, setOpenPerson] = useState<string | null>(null);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: ['transfers', state],
    queryFn: () => api.get<Paged<Transfer>>(`/people/transfers${qs({ status: state.status, page: state.page, pageSize: 20 })}`),
  });

  const names = (x: Transfer) => ({ name: x.name, idNumber: x.idNumberMasked, from: x.fromUnitName ?? '', to: x.toUnitName });

  const decide = async (values: { note?: string }) => {
    if (!deciding) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.post<Transfer>(`/people/transfers/${deciding.transfer.id}/decision`, { decision: deciding.decision, note: values.note || undefined });
      void message.success(t(deciding.decision === 'approve' ? 'transfers.approved' : 'transfers.rejected', names(done)));
      setDeciding(null);
      void queryClient.invalidateQueries({ queryKey: ['transfers'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const hidden = <Typography.Text type="secondary">{t('transfers.hiddenFromAsker')}</Typography.Text>;

  return (
    <Card title={t('transfers.title')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('transfers.intro')}
        </Typography.Paragraph>
        <Segmented
          value={state.status}
          onChange={(v) => update({ status: String(v), page: '1' })}
          options={(['pending', 'decided', 'all'] as const).map((s) => ({ value: s, label: t(`transfers.filter.${s}`) }))}
        />
        <Table<Transfer>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: Number(state.page), pageSize: 20, total: list.data?.total ?? 0, showTotal: (n) => t('common:total', { count: n }), onChange: (p) => update({ page: String(p) }) }}
          expandable={{
            expandedRowRender: (x) => (
              <Space direction="vertical" size={2}>
                <span>{t('transfers.field.source')}：{t(`transfers.source.${x.source}`)}</span>
                {x.requestedBy && <span>{t('transfers.field.requestedBy')}：{x.requestedBy}</span>}
                {x.decidedAt && <span>{t('transfers.field.decidedAt')}：{new Date(x.decidedAt).toLocaleString()}</span>}
                {x.phone && <span>{t('transfers.field.phone')}：{x.phone}</span>}
                {x.address && <span>{t('transfers.field.address')}：{x.address}</span>}
                {x.note && <span>{t('transfers.field.note')}：{x.note}</span>}
              </Space>
            ),
          }}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('transfers.field.status'), key: 'status', render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{t(`transfers.status.${x.status}`)}</Tag> },
            { title: t('transfers.field.side'), key: 'side', render: (_, x) => <Tag color={SIDE_COLOR[x.side]}>{t(`transfers.side.${x.side}`)}</Tag> },
            {
              title: t('transfers.field.name'),
              key: 'name',
              render: (_, x) => (
                <Space direction="vertical" size={0}>
                  <span>{x.name}</span>
                  {x.submittedName && x.submittedName !== x.name && <Typography.Text type="warning">{t('transfers.nameDiffers', { name: x.submittedName })}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('transfers.field.idNumber'), dataIndex: 'idNumberMasked', key: 'id', render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
            { title: t('transfers.field.from'), key: 'from', render: (_, x) => x.fromUnitName ?? hidden },
            { title: t('transfers.field.to'), dataIndex: 'toUnitName', key: 'to' },
            { title: t('transfers.field.decider'), key: 'decider', render: (_, x) => x.deciderUnitName ?? hidden },
            { title: t('transfers.field.requestedAt'), key: 'at', render: (_, x) => new Date(x.requestedAt).toLocaleDateString() },
            {
              title: '',
              key: 'actions',
              render: (_, x) =>
                x.canDecide ? (
                  <Space>
                    <Button size="small" type="primary" data-testid="transfer-approve" onClick={() => { form.resetFields(); setError(null); setDeciding({ transfer: x, decision: 'approve' }); }}>
                      {t('transfers.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => { form.resetFields(); setError(null); setDeciding({ transfer: x, decision: 'reject' }); }}>
                      {t('transfers.reject')}
                    </Button>
                  </Space>
                ) : x.personId && x.status === 'approved' && x.side !== 'from' ? (
                  <a onClick={() => setOpenPerson(x.personId)}>{t('transfers.openPerson')}</a>
                ) : null,
            },
          ]}
        />
      </Space>
      <Modal
        open={deciding !== null}
        title={deciding ? t(deciding.decision === 'approve' ? 'transfers.approveTitle' : 'transfers.rejectTitle', names(deciding.transfer)) : ''}
        okText={deciding?.decision === 'reject' ? t('transfers.reject') : t('transfers.approve')}
        okButtonProps={{ danger: deciding?.decision === 'reject', loading: busy }}
        cancelText={t('common:actions.cancel')}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {deciding && (
          <Form name="transfer-decision" form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={decide} preserve={false}>
            <Typography.Paragraph>{t(deciding.decision === 'approve' ? 'transfers.approveConfirm' : 'transfers.rejectConfirm', names(deciding.transfer))}</Typography.Paragraph>
            <Form.Item
              name="note"
              label={t('transfers.field.note')}
              extra={t(deciding.decision === 'approve' ? 'transfers.approveNoteHint' : 'transfers.rejectNoteHint')}
              required={deciding.decision === 'reject'}
            >
              <Input.TextArea maxLength={200} rows={3} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} />}
          </Form>
        )}
      </Modal>
      <PersonDrawer id={openPerson} onClose={() => setOpenPerson(null)} />
    </Card>
  );
}
