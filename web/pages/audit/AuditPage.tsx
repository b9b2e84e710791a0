import { useQuery } from '@tanstack/react-query';
import { Card, Form, Select, Table, Typography, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { AuditRowView } from '../../../src/modules/audit/contract.ts';

type Row = AuditRowView;

export function AuditPage() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const [state, update] = useUrlState({ action: undefined, page: '1' } as Record<string, string | undefined>);
  const rows = useQuery({ queryKey: ['audit', state], queryFn: () => api.get<Paged<Row>>(`/audit${qs({ ...state, pageSize: 50 })}`) });
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('chainNote')}</Typography.Paragraph>
      <Form name="audit-filters" layout="inline" style={{ marginBottom: 16 }} key={JSON.stringify(state)} initialValues={state} onFinish={(v) => update({ ...v, page: '1' })}>
        <Form.Item name="action" label={t('field.action')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            options={Object.keys(i18n.getResourceBundle(i18n.language, 'audit')?.action ?? {}).map((a) => ({ value: a, label: t(`action.${a}`) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:actions.search')}
        </Button>
      </Form>
      <Table<Row>
        rowKey="seq"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data?.items ?? []}
        pagination={{ current: Number(state.page), total: rows.data?.total ?? 0, pageSize: 50, showSizeChanger: false, onChange: (p) => update({ page: String(p) }) }}
        columns={[
          { title: t('field.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
          { title: t('field.at'), dataIndex: 'at', key: 'at', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('field.actor'), dataIndex: 'actorUsername', key: 'actor' },
          { title: t('field.action'), dataIndex: 'action', key: 'action', render: (a: string) => t(`action.${a}`, { defaultValue: a }) },
          { title: t('field.entity'), key: 'entity', render: (_: unknown, r) => (r.entityType ? `${r.entityType} ${r.entityId ?? ''}` : '') },
          { title: t('field.unit'), dataIndex: 'unitCode', key: 'unit' },
          { title: t('field.detail'), dataIndex: 'detail', key: 'detail', render: (d: Record<string, unknown>) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{Object.keys(d).length ? JSON.stringify(d) : ''}</Typography.Text> },
          { title: t('field.ip'), dataIndex: 'ip', key: 'ip' },
        ]}
      />
    </Card>
  );
}
