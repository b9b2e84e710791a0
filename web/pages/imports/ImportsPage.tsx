import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { ImportRunView } from '../../../src/modules/imports/contract.ts';

type Run = ImportRunView;

const STATUS_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;

export function ImportsPage() {
  const { t } = useTranslation(['imports', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [state, update] = useUrlState({ page: '1' } as Record<string, string | undefined>);
  const [lastId, setLastId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runs = useQuery({ queryKey: ['imports', state.page], queryFn: () => api.get<Paged<Run>>(`/imports${qs({ page: state.page })}`) });
  // The import runs on the server as a job: follow it until it is done or failed.
  const lastRun = useQuery({
    queryKey: ['import', lastId],
    queryFn: () => api.get<Run>(`/imports/${lastId}`),
    enabled: Boolean(lastId),
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
  const last = lastRun.data ?? null;
  useEffect(() => {
    if (last && last.status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    }
  }, [last, queryClient]);

  const upload = async (file: File) => {
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const run = await api.upload<Run>('/imports/people', form);
      setLastId(run.id);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    } catch (e) {
      setError(errorText(e));
    }
  };

  const report = (id: string) => void api.download(`/imports/${id}/errors.csv`, 'errors.csv').catch((e) => message.error(errorText(e)));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('uploadPeople')}>
        <Upload.Dragger
          accept=".csv,text/csv"
          showUploadList={false}
          customRequest={({ file }) => void upload(file as File)}
          data-testid="people-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('uploadPeople')}</p>
          <p className="ant-upload-hint" style={{ padding: '0 24px' }}>
            {t('formatHint')}
          </p>
        </Upload.Dragger>
        {last?.status === 'running' && (
          <Alert style={{ marginTop: 16 }} type="info" showIcon icon={<Spin size="small" />} message={t('progress', { total: last.rowsTotal })} data-testid="import-progress" />
        )}
        {last?.status === 'failed' && <Alert style={{ marginTop: 16 }} type="error" showIcon message={t('failed', { reason: last.error ?? '' })} />}
        {last?.status === 'done' && (
          <Alert
            style={{ marginTop: 16 }}
            type={last.rowsFailed ? 'warning' : 'success'}
            showIcon
            data-testid="import-result"
            message={t('result', {
              total: last.rowsTotal,
              inserted: last.rowsInserted,
              updated: last.rowsUpdated,
              unchanged: last.rowsUnchanged,
              failed: last.rowsFailed,
            })}
            action={last.rowsFailed > 0 && <Button onClick={() => report(last.id)}>{t('report.download')}</Button>}
          />
        )}
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={error} />}
      </Card>
      <Card title={t('title')}>
        <Table<Run>
          rowKey="id"
          size="middle"
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          pagination={{ current: Number(state.page), total: runs.data?.total ?? 0, pageSize: 20, onChange: (p) => update({ page: String(p) }) }}
          columns={[
            { title: t('field.fileName'), dataIndex: 'fileName', key: 'file' },
            { title: t('field.status'), dataIndex: 'status', key: 'status', render: (s: Run['status'], r) => <Tag color={STATUS_COLOR[s]} title={r.error ?? ''}>{t(`status.${s}`)}</Tag> },
            { title: t('field.rowsTotal'), dataIndex: 'rowsTotal', key: 'total', align: 'right' },
            { title: t('field.rowsInserted'), dataIndex: 'rowsInserted', key: 'ins', align: 'right' },
            { title: t('field.rowsUpdated'), dataIndex: 'rowsUpdated', key: 'upd', align: 'right' },
            { title: t('field.rowsUnchanged'), dataIndex: 'rowsUnchanged', key: 'unch', align: 'right' },
            {
              title: t('field.rowsFailed'),
              dataIndex: 'rowsFailed',
              key: 'failed',
              align: 'right',
              render: (n: number, r) => (n > 0 ? <a onClick={() => report(r.id)}>{n}</a> : n),
            },
            { title: t('field.actorUsername'), dataIndex: 'actorUsername', key: 'by' },
            { title: t('field.startedAt'), dataIndex: 'startedAt', key: 'at', render: (v: string) => <Typography.Text>{new Date(v).toLocaleString()}</Typography.Text> },
          ]}
        />
      </Card>
    </Space>
  );
}
