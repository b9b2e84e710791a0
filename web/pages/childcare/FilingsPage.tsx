import { useQuery } from '@tanstack/react-query';
import { Card, Form, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs, type Paged } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { DecisionTag, StatusTag } from './labels.tsx';
import type { FilingListItem } from '../../../src/modules/childcare/contract.ts';

const STATUSES = ['open', 'submitted', 'inReview', 'returned', 'filed', 'draft', 'all'];

/** The reviewers' and the county's queue of filings. */
export function FilingsPage() {
  const { t } = useTranslation(['childcare', 'common']);
  const navigate = useNavigate();
  const [state, update] = useUrlState({ status: 'open', awaitingMe: 'false', page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const me = useQuery({ queryKey: ['childcare-reviewer'], queryFn: () => api.get<{ department: string | null; canFile: boolean }>('/childcare/reviewer') });
  const list = useQuery({ queryKey: ['childcare-filings', state], queryFn: () => api.get<Paged<FilingListItem>>(`/childcare/filings${qs(state)}`) });
  return (
    <Card
      title={
        <Space>
          <Link to="/childcare/centers">{t('centers.title')}</Link>/{t('filings.title')}
          {me.data?.department && <Typography.Text type="secondary">{t('filings.myDepartment', { department: t(`department.${me.data.department}`) })}</Typography.Text>}
        </Space>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t('field.status')}>
          <Select style={{ width: 120 }} value={state.status} onChange={(v) => update({ status: v, page: '1' })} options={STATUSES.map((s) => ({ value: s, label: t(`filingStatus.${s}`) }))} />
        </Form.Item>
        {me.data?.department && (
          <Form.Item label={t('filings.awaitingMe')}>
            <Switch checked={state.awaitingMe === 'true'} onChange={(v) => update({ awaitingMe: v ? 'true' : 'false', page: '1' })} />
          </Form.Item>
        )}
      </Form>
      <Table<FilingListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => navigate(`/childcare/centers/${r.centerId}?tab=filing`), style: { cursor: 'pointer' } })}
        pagination={{
          current: Number(state.page),
          pageSize: Number(state.pageSize),
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common:total', { count: n }),
          onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
        }}
        columns={[
          { title: t('field.name'), dataIndex: 'centerName', render: (v: string) => <a>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName' },
          { title: t('filings.kind'), dataIndex: 'kind', render: (v: string) => t(`filingKind.${v}`) },
          { title: t('field.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('filings.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '') },
          { title: t('filings.approvals'), dataIndex: 'approvals', render: (v: number) => `${v}/10` },
          ...(me.data?.department ? [{ title: t('filings.myDecision'), dataIndex: 'myDecision', key: 'mine', render: (v: string | null) => (v ? <DecisionTag decision={v} /> : '') }] : []),
        ]}
      />
    </Card>
  );
}
