import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback.tsx';
import { errorText } from '../../components/formErrors.ts';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { DecisionTag, StatusTag } from './labels.tsx';
import type { CenterDetail, FilingView } from '../../../src/modules/childcare/contract.ts';

const EVIDENCE: Record<string, string[]> = {
  standard: ['registration', 'fireSafety', 'healthEvaluation', 'staffCertificate', 'premises', 'other'],
  simplified: ['registration', 'fireSimplified', 'healthEvaluation', 'staffCertificate', 'premises', 'other'],
};

const fmt = (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');


/** Evidence, the department reviews, the decision and the timeline of one filing. */
export function FilingPanel({ center, filing }: { center: CenterDetail; filing: FilingView }) {
  const { t } = useTranslation(['childcare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ['childcare-reviewer'], queryFn: () => api.get<{ department: string | null; canFile: boolean }>('/childcare/reviewer') });
  const [asking, setAsking] = useState<null | 'review' | 'decision'>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['childcare-center', center.id] });
  const open = filing.status === 'submitted' || filing.status === 'inReview';
  const preparing = filing.status === 'draft' || filing.status === 'returned';
  const operator = can('childcare.operate') && !can('childcare.file');
  const myReview = filing.reviews.find((r) => r.department === me.data?.department);
  // 准予备案 only once every department has approved its part.
  const approved = filing.reviews.filter((r) => r.decision === 'approved').length;
  const allApproved = filing.reviews.length > 0 && approved === filing.reviews.length;
  const feedback = useFeedback();

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      setAsking(null);
      setText('');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const kinds = filing.kind === 'initial' ? EVIDENCE[filing.fireProcedure] : ['other'];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            {t(`filingKind.${filing.kind}`)}
            <StatusTag status={filing.status} />
            {filing.submittedAt && <Typography.Text type="secondary">{t('filing.submittedAt', { at: fmt(filing.submittedAt) })}</Typography.Text>}
          </Space>
        }
        extra={
          <Space>
            {operator && preparing && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy}
                data-testid="submit-filing"
                onClick={() => void act(() => api.post(`/childcare/filings/${filing.id}/submit`), t('filing.submittedOk'))}
              >
                {filing.status === 'returned' ? t('filing.resubmit') : t('filing.submit')}
              </Button>
            )}
            {open && me.data?.department && myReview && (
              <>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={busy}
                  data-testid="approve-part"
                  onClick={() => void act(() => api.post(`/childcare/filings/${filing.id}/reviews`, { decision: 'approved' }), t('filing.approvedOk'))}
                >
                  {t('filing.approvePart', { department: t(`department.${me.data.department}`) })}
                </Button>
                <Button danger icon={<RollbackOutlined />} onClick={() => setAsking('review')}>
                  {t('filing.returnPart')}
                </Button>
              </>
            )}
            {open && me.data?.canFile && (
              <>
                <Typography.Text type={allApproved ? 'success' : 'secondary'} data-testid="approvals-count">
                  {t('filing.approvedCount', { approved, total: filing.reviews.length })}
                </Typography.Text>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={busy}
                  disabled={!allApproved}
                  title={allApproved ? undefined : t('filing.waitForAll')}
                  data-testid="file-center"
                  onClick={() =>
                    void feedback
                      .confirm({ title: t('filing.fileConfirm', { name: center.name }), okText: t('filing.file') })
                      .then((ok) => {
                        if (ok) void act(() => api.post(`/childcare/filings/${filing.id}/decision`, { decision: 'file' }), t('filing.filedOk'));
                      })
                  }
                >
                  {t('filing.file')}
                </Button>
                <Button danger icon={<RollbackOutlined />} onClick={() => setAsking('decision')} data-testid="return-filing">
                  {t('filing.return')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {filing.status === 'returned' && filing.returnReasons && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('filing.returnedBy', { name: filing.decidedByName ?? '' })} description={filing.returnReasons} />
        )}
        {preparing && filing.missingEvidence.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('filing.missing', { list: filing.missingEvidence.map((k) => t(`documentKind.${k}`)).join('、') })}
          />
        )}
        {filing.kind === 'change' && (
          <Typography.Paragraph>
            {t('filing.changes')}: <Typography.Text code>{JSON.stringify(filing.changes)}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Typography.Title level={5}>{t('field.documents')}</Typography.Title>
        <Table
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={kinds.map((kind) => ({ kind, files: center.documents.filter((d) => d.kind === kind) }))}
          columns={[
            {
              title: t('filing.evidence'),
              dataIndex: 'kind',
              render: (k: string) => (
                <Space>
                  {t(`documentKind.${k}`)}
                  {filing.missingEvidence.includes(k as never) && <Tag color="orange">{t('filing.required')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('filing.files'),
              dataIndex: 'files',
              render: (files: CenterDetail['documents']) => (
                <Space direction="vertical" size={0}>
                  {files.map((f) => (
                    <Space key={f.id} size={8}>
                      <a onClick={() => void api.download(`/childcare/documents/${f.id}`, f.fileName)}>{f.fileName}</a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} title={f.sha256}>
                        SHA-256 {f.sha256.slice(0, 12)}…
                      </Typography.Text>
                    </Space>
                  ))}
                </Space>
              ),
            },
            ...(operator && (preparing || filing.kind === 'initial')
              ? [
                  {
                    title: '',
                    key: 'upload',
                    width: 120,
                    render: (_: unknown, row: { kind: string }) => (
                      <Upload
                        showUploadList={false}
                        accept=".pdf,.jpg,.jpeg,.png"
                        customRequest={({ file, onSuccess, onError }) => {
                          const form = new FormData();
                          form.append('file', file as Blob);
                          api
                            .upload(`/childcare/centers/${center.id}/documents?kind=${row.kind}`, form)
                            .then((r) => {
                              onSuccess?.(r);
                              message.success(t('filing.uploaded'));
                              void refresh();
                            })
                            .catch((e: unknown) => {
                              onError?.(e as Error);
                              message.error(errorText(e));
                            });
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${row.kind}`}>
                          {t('common:actions.upload')}
                        </Button>
                      </Upload>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('filing.reviews')}>
        <Table
          size="small"
          rowKey="department"
          pagination={false}
          dataSource={filing.reviews}
          columns={[
            { title: t('filing.department'), dataIndex: 'department', render: (d: string) => t(`department.${d}`) },
            { title: t('filing.part'), dataIndex: 'documents', render: (ds: string[]) => ds.map((d) => t(`documentKind.${d}`)).join('、') || t('filing.generalPart') },
            { title: t('filing.decision'), dataIndex: 'decision', render: (d: string) => <DecisionTag decision={d} /> },
            { title: t('filing.reviewer'), dataIndex: 'reviewerName' },
            { title: t('filing.comment'), dataIndex: 'comment' },
            { title: t('filing.at'), dataIndex: 'decidedAt', render: fmt },
          ]}
        />
      </Card>
      <Card size="small" title={t('field.timeline')}>
        <Timeline
          items={filing.events.map((e) => ({
            color: e.action === 'filed' ? 'green' : e.action.startsWith('returned') ? 'red' : 'blue',
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text>
                  {t(`event.${e.action}`)}
                  {e.department ? ` · ${t(`department.${e.department}`)}` : ''}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmt(e.at)} · {e.actorName}
                </Typography.Text>
                {e.comment && <Typography.Text style={{ fontSize: 12 }}>{e.comment}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </Card>
      <Modal
        open={asking !== null}
        title={asking === 'review' ? t('filing.returnPart') : t('filing.return')}
        okText={t('common:actions.confirm')}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ danger: true, loading: busy, disabled: !text.trim(), 'data-testid': 'confirm-return' } as never}
        onCancel={() => setAsking(null)}
        onOk={() =>
          void act(
            () =>
              asking === 'review'
                ? api.post(`/childcare/filings/${filing.id}/reviews`, { decision: 'returned', comment: text.trim() })
                : api.post(`/childcare/filings/${filing.id}/decision`, { decision: 'return', reasons: text.trim() }),
            t('filing.returnedOk'),
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('filing.reasonHint')}</Typography.Paragraph>
        <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} data-testid="return-reasons" />
      </Modal>
    </Space>
  );
}
