import { useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { AuditOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs, type Paged } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { StatusTag } from './labels.tsx';
import type { CenterListItem } from '../../../src/modules/childcare/contract.ts';

const STATUSES = ['draft', 'submitted', 'inReview', 'returned', 'filed', 'suspended', 'closed'];
const KINDS = ['public', 'nonProfit', 'forProfit', 'employer', 'kindergarten', 'community'];

/** The county's (or the operator's own) list of centers: filter, sort, export. */
export function CentersPage() {
  const { t } = useTranslation(['childcare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, update] = useUrlState({
    q: undefined,
    status: undefined,
    operatorKind: undefined,
    affordable: undefined,
    warnings: undefined,
    unitCode: undefined,
    sort: 'unit',
    order: 'asc',
    page: '1',
    pageSize: '20',
  } as Record<string, string | undefined>);
  const filters = { q: state.q, status: state.status, operatorKind: state.operatorKind, affordable: state.affordable, warnings: state.warnings, unitCode: state.unitCode };
  const list = useQuery({
    queryKey: ['childcare-centers', state],
    queryFn: () => api.get<Paged<CenterListItem>>(`/childcare/centers${qs({ ...filters, sort: state.sort, order: state.order, page: state.page, pageSize: state.pageSize })}`),
  });
  const operator = can('childcare.operate') && !can('childcare.file');
  const sortOrder = (key: string) => (state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null);

  return (
    <Card
      title={operator ? t('centers.mine') : t('centers.title')}
      extra={
        <Space>
          {(can('childcare.review') || can('childcare.file')) && (
            <Link to="/childcare/centers/filings">
              <Button icon={<AuditOutlined />}>{t('filings.title')}</Button>
            </Link>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void api.download(`/childcare/centers/export.xlsx${qs({ ...filters, sort: state.sort, order: state.order })}`, 'childcare-centers.xlsx').catch((e) => message.error(errorText(e)))}
          >
            {t('common:actions.export')}
          </Button>
          {can('childcare.operate') && (
            <Link to="/childcare/centers/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="register-center">
                {t('centers.register')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Form name="center-filters" layout="inline" key={JSON.stringify(filters)} initialValues={filters} onFinish={(v) => update({ ...v, page: '1' })}>
          <Form.Item name="q" label={t('filters.q')}>
            <Input allowClear style={{ width: 160 }} placeholder={t('field.q')} />
          </Form.Item>
          <Form.Item name="status" label={t('field.status')}>
            <Select allowClear style={{ width: 110 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="operatorKind" label={t('field.operatorKind')}>
            <Select allowClear style={{ width: 140 }} options={KINDS.map((s) => ({ value: s, label: t(`operatorKind.${s}`) }))} />
          </Form.Item>
          <Form.Item name="affordable" label={t('field.affordable')}>
            <Select allowClear style={{ width: 90 }} options={[{ value: 'true', label: t('common:yes') }, { value: 'false', label: t('common:no') }]} />
          </Form.Item>
          <Form.Item name="warnings" label={t('field.openWarnings')}>
            <Select allowClear style={{ width: 110 }} options={[{ value: 'true', label: t('filters.withWarnings') }]} />
          </Form.Item>
          {!operator && (
            <Form.Item name="unitCode" label={t('common:unit')}>
              <UnitPicker style={{ width: 240 }} />
            </Form.Item>
          )}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('common:actions.search')}
              </Button>
              <Button onClick={() => update({ q: undefined, status: undefined, operatorKind: undefined, affordable: undefined, warnings: undefined, unitCode: undefined, page: '1' })}>
                {t('common:actions.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Table<CenterListItem>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => navigate(`/childcare/centers/${r.id}`), style: { cursor: 'pointer' } })}
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            update({ sort: s?.order ? String(s.columnKey) : 'unit', order: s?.order === 'descend' ? 'desc' : 'asc', page: '1' });
          }}
          pagination={{
            current: Number(state.page),
            pageSize: Number(state.pageSize),
            total: list.data?.total ?? 0,
            showTotal: (n) => t('common:total', { count: n }),
            onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
          }}
          columns={[
            { title: t('field.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrder('name'), render: (v: string) => <a>{v}</a> },
            { title: t('field.county'), dataIndex: 'countyName', key: 'county' },
            { title: t('field.unit'), dataIndex: 'unitName', key: 'unit', sorter: true, sortOrder: sortOrder('unit') },
            { title: t('field.operatorKind'), dataIndex: 'operatorKind', key: 'kind', render: (v: string) => t(`operatorKind.${v}`) },
            { title: t('field.affordable'), dataIndex: 'affordable', key: 'affordable', render: (v: boolean) => (v ? t('common:yes') : t('common:no')) },
            { title: t('field.status'), dataIndex: 'status', key: 'status', sorter: true, sortOrder: sortOrder('status'), render: (v: string) => <StatusTag status={v} /> },
            { title: t('field.capacity'), dataIndex: 'capacity', key: 'capacity', align: 'right', sorter: true, sortOrder: sortOrder('capacity') },
            { title: t('field.enrolled'), dataIndex: 'enrolled', key: 'enrolled', align: 'right', sorter: true, sortOrder: sortOrder('enrolled') },
            { title: t('field.staff'), dataIndex: 'staff', key: 'staff', align: 'right' },
            { title: t('field.openWarnings'), dataIndex: 'openWarnings', key: 'warnings', align: 'right', render: (v: number) => (v ? <Badge count={v} /> : 0) },
            { title: t('field.filingNumber'), dataIndex: 'filingNumber', key: 'filedAt', sorter: true, sortOrder: sortOrder('filedAt') },
          ]}
        />
      </Space>
    </Card>
  );
}
