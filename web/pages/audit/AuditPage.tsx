import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, qs, type Paged } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { AuditRowView } from '../../../src/modules/audit/contract.ts';

type Row = AuditRowView;

/** Where a record of the audit log can be opened. */
function recordLink(r: Row): string | null {
  if (!r.entityId) return null;
  if (r.entityType === 'person') return `/people?person=${r.entityId}`;
  if (r.entityType === 'childcare_center') return `/childcare/centers/${r.entityId}`;
  return null;
}

/** Who did what to which record, where: every row in plain words; the raw detail behind a switch. */
export function AuditPage() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const [state, update] = useUrlState({ action: undefined, page: '1' } as Record<string, string | undefined>);
  const [raw, setRaw] = useState(false);
  const rows = useQuery({ queryKey: ['audit', state], queryFn: () => api.get<Paged<Row>>(`/audit${qs({ ...state, pageSize: 50 })}`) });
  const record = (r: Row) => {
    if (!r.entityType) return '—';
    const kind = t(`entity.${r.entityType}`, { defaultValue: t('entity.record') });
    const name = r.entityName ?? '';
    const link = recordLink(r);
    const text = name ? `${kind}${i18n.language === 'en-US' ? ': ' : '：'}${name}` : kind;
    return link && name ? <Link to={link}>{text}</Link> : text;
  };
  return (
    <Card title={t('title')} extra={<Space><Typography.Text type="secondary">{t('showDetail')}</Typography.Text><Switch checked={raw} onChange={setRaw} data-testid="audit-raw" /></Space>}>
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
        scroll={{ x: 'max-content' }}
        pagination={{ current: Number(state.page), total: rows.data?.total ?? 0, pageSize: 50, showSizeChanger: false, onChange: (p) => update({ page: String(p) }) }}
        columns={[
          { title: t('field.at'), dataIndex: 'at', key: 'at', render: (v: string) => new Date(v).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai', hour12: false }) },
          { title: t('field.actor'), key: 'actor', render: (_: unknown, r) => r.actorName ?? r.actorUsername ?? t('system') },
          { title: t('field.action'), dataIndex: 'action', key: 'action', render: (a: string) => t(`action.${a}`, { defaultValue: t('otherAction') }) },
          { title: t('field.entity'), key: 'entity', render: (_: unknown, r) => record(r) },
          { title: t('field.unit'), key: 'unit', render: (_: unknown, r) => r.unitName ?? (r.unitCode ? '—' : t('wholeCity')) },
          ...(raw
            ? [
                { title: t('field.seq'), dataIndex: 'seq', key: 'seq' },
                { title: t('field.code'), key: 'code', render: (_: unknown, r: Row) => <Typography.Text code>{[r.action, r.entityType, r.entityId].filter(Boolean).join(' ')}</Typography.Text> },
                { title: t('field.detail'), dataIndex: 'detail', key: 'detail', render: (d: Record<string, unknown>) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{Object.keys(d).length ? JSON.stringify(d) : ''}</Typography.Text> },
                { title: t('field.ip'), dataIndex: 'ip', key: 'ip' },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
