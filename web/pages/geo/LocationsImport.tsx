import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';

interface Result {
  rows: number;
  updated: number;
  unchanged: number;
  errors: { line: number; field: string; code: string; message: string }[];
}

/** Loads surveyed positions of townships and villages over the approximate ones. */
export function LocationsImport() {
  const { t } = useTranslation('indicators');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [system, setSystem] = useState<'wgs84' | 'gcj02'>('wgs84');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const r = await api.upload<Result>(`/geo/locations?system=${system}`, form);
      setResult(r);
      message.success(t('map.locationsDone', { updated: r.updated, unchanged: r.unchanged, errors: r.errors.length }));
      await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('geo-') });
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('map.locationsTitle')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('map.locationsHelp')}</Typography.Text>
        <Space wrap>
          <Select
            data-testid="locations-system"
            value={system}
            onChange={setSystem}
            style={{ width: 260 }}
            options={[
              { value: 'wgs84', label: t('map.systemWgs84') },
              { value: 'gcj02', label: t('map.systemGcj02') },
            ]}
          />
          <Upload accept=".csv,text/csv" showUploadList={false} customRequest={({ file }) => void upload(file as File)}>
            <Button icon={<UploadOutlined />} loading={busy} data-testid="locations-upload">
              {t('map.locationsUpload')}
            </Button>
          </Upload>
        </Space>
        {result && result.errors.length > 0 && (
          <>
            <Alert type="warning" showIcon message={t('map.locationsErrors', { count: result.errors.length })} />
            <Table
              size="small"
              rowKey={(e) => `${e.line}-${e.field}`}
              dataSource={result.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('map.line'), dataIndex: 'line', key: 'l' },
                { title: t('map.problem'), dataIndex: 'message', key: 'm' },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
