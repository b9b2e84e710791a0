import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Segmented, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/formErrors.ts';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { CenterView, ChildListItem, CoverageView, DueItem, ReferralListItem } from '../../../src/modules/health/contract.ts';
import { CENTER_GRADES, CENTER_SERVICES, CENTER_STATUSES } from '../../../src/modules/health/vocabulary.ts';
import { DoseStatusTag, ReferralStatusTag, useAgeLabel, useVaccineName, ZValue } from './labels.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';

const FLAGS = ['overdue', 'due', 'referral', 'followUp'] as const;


function ChildrenTab() {
  const { t } = useTranslation(['health', 'common']);
  const { user } = useAuth();
  const ageLabel = useAgeLabel();
  const vaccine = useVaccineName();
  const [state, update] = useUrlState({ unitCode: undefined, q: undefined, flag: undefined, page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const list = useQuery({
    queryKey: ['health-children', state],
    queryFn: () => api.get<Paged<ChildListItem>>(`/health/children${qs(state)}`),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('list.intro')}
      </Typography.Paragraph>
      <Form name="health-filters" layout="inline" key={JSON.stringify(state)} initialValues={state} onFinish={(v) => update({ ...v, page: '1' })}>
        {user!.unitCode.length < 9 && (
          <Form.Item name="unitCode" label={t('list.unit')}>
            <UnitPicker style={{ width: 260 }} />
          </Form.Item>
        )}
        <Form.Item name="q" label={t('list.name')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="flag" label={t('list.flag')}>
          <Select allowClear style={{ width: 150 }} options={FLAGS.map((f) => ({ value: f, label: t(`list.flags.${f}`) }))} data-testid="flag-filter" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common:actions.search')}
            </Button>
            <Button onClick={() => update({ unitCode: undefined, q: undefined, flag: undefined, page: '1' })}>{t('common:actions.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="warning" showIcon message={errorText(list.error)} />}
      <Table<ChildListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: Number(state.page),
          pageSize: Number(state.pageSize),
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common:total', { count: n }),
          onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
        }}
        columns={[
          { title: t('child.name'), dataIndex: 'name', key: 'name', render: (v: string, c) => <Link to={`/health/children/${c.id}`}>{v}</Link> },
          { title: t('child.sex'), dataIndex: 'sex', key: 'sex', render: (v: string) => t(`common:sex.${v}`) },
          { title: t('child.age'), key: 'age', render: (_: unknown, c) => ageLabel(c.ageDays, c.ageMonths) },
          { title: t('child.unit'), dataIndex: 'unitName', key: 'unit' },
          {
            title: t('list.lastMeasured'),
            key: 'measured',
            render: (_: unknown, c) =>
              c.lastMeasuredOn ? (
                <Space size={2} wrap>
                  <span>{c.lastMeasuredOn}</span>
                  <ZValue z={c.latestZ?.weightForAge ?? null} label={t('list.zW')} />
                  <ZValue z={c.latestZ?.lengthForAge ?? null} label={t('list.zL')} />
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('list.never')}</Typography.Text>
              ),
          },
          {
            title: t('list.vaccination'),
            key: 'vax',
            render: (_: unknown, c) => (
              <Space size={2} wrap>
                {c.overdue > 0 && <Tag color="red">{t('dose.overdueCount', { count: c.overdue })}</Tag>}
                {c.due > 0 && <Tag color="orange">{t('dose.dueCount', { count: c.due })}</Tag>}
                {c.overdue === 0 && c.due === 0 && <Tag color="green">{t('list.onTrack')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('list.nextDose'),
            key: 'next',
            render: (_: unknown, c) => (c.nextDose ? `${vaccine(c.nextDose.vaccine)} ${t('vaccination.doseN', { n: c.nextDose.dose })} · ${c.nextDose.dueOn}` : '—'),
          },
          { title: t('list.openReferrals'), dataIndex: 'openReferrals', key: 'ref', render: (n: number) => (n > 0 ? <Tag color="purple">{n}</Tag> : '—') },
          { title: t('list.lastScreened'), dataIndex: 'lastScreenedOn', key: 'screened', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Space>
  );
}

function DueTab() {
  const { t } = useTranslation(['health', 'common']);
  const { user } = useAuth();
  const vaccine = useVaccineName();
  const [unitCode, setUnitCode] = useState<string | undefined>(user!.unitCode.length >= 9 ? user!.unitCode : undefined);
  const [status, setStatus] = useState<'overdue' | 'due' | 'upcoming'>('overdue');
  const list = useQuery({
    queryKey: ['health-due', unitCode, status],
    queryFn: () => api.get<DueItem[]>(`/health/immunisation/due${qs({ unitCode, status })}`),
    enabled: Boolean(unitCode),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        {user!.unitCode.length < 9 && <UnitPicker minLevel={3} value={unitCode} onChange={setUnitCode} placeholder={t('due.chooseTownship')} style={{ width: 280 }} />}
        <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={(['overdue', 'due', 'upcoming'] as const).map((s) => ({ value: s, label: t(`dose.${s}`) }))} />
      </Space>
      <Typography.Text type="secondary">{t('due.intro')}</Typography.Text>
      <Table<DueItem>
        rowKey={(d) => `${d.personId}:${d.series}:${d.dose}`}
        size="middle"
        loading={list.isLoading && Boolean(unitCode)}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (n) => t('common:total', { count: n }) }}
        columns={[
          { title: t('child.name'), dataIndex: 'name', key: 'name', render: (v: string, d) => <Link to={`/health/children/${d.personId}`}>{v}</Link> },
          { title: t('child.age'), dataIndex: 'ageMonths', key: 'age', render: (n: number) => t('age.months', { count: n }) },
          { title: t('child.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('vaccination.vaccine'), key: 'vaccine', render: (_: unknown, d) => `${vaccine(d.vaccine)} ${t('vaccination.doseN', { n: d.dose })}` },
          { title: t('vaccination.dueOn'), dataIndex: 'dueOn', key: 'due' },
          { title: t('vaccination.deadlineOn'), dataIndex: 'deadlineOn', key: 'deadline', render: (v: string | null) => v ?? '—' },
          { title: t('vaccination.status'), dataIndex: 'status', key: 'status', render: (s: DueItem['status']) => <DoseStatusTag status={s} /> },
        ]}
      />
    </Space>
  );
}

function ReferralsTab() {
  const { t } = useTranslation(['health', 'common']);
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['health-referrals', status, page],
    queryFn: () => api.get<Paged<ReferralListItem>>(`/health/referrals${qs({ status, page, pageSize: 20 })}`),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage(1);
        }}
        options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`referral.filter.${s}`) }))}
      />
      <Table<ReferralListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('common:total', { count: n }) }}
        columns={[
          { title: t('child.name'), dataIndex: 'childName', key: 'name', render: (v: string, r) => <Link to={`/health/children/${r.personId}`}>{v}</Link> },
          { title: t('child.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('referral.trigger'), dataIndex: 'triggers', key: 'triggers', render: (ts: string[]) => ts.map((x) => <Tag key={x}>{t(`referral.triggers.${x}`)}</Tag>) },
          { title: t('referral.levelLabel'), dataIndex: 'level', key: 'level', render: (l: string) => t(`referral.level.${l}`) },
          { title: t('referral.suggestedOn'), dataIndex: 'suggestedOn', key: 'on' },
          { title: t('referral.institution'), dataIndex: 'institution', key: 'inst', render: (v: string | null) => v ?? '—' },
          { title: t('vaccination.status'), dataIndex: 'status', key: 'status', render: (s: ReferralListItem['status']) => <ReferralStatusTag status={s} /> },
          {
            title: t('referral.resultLabel'),
            key: 'result',
            render: (_: unknown, r) => [r.result && t(`referral.result.${r.result}`), r.outcome && t(`referral.outcome.${r.outcome}`)].filter(Boolean).join(' · ') || '—',
          },
        ]}
      />
    </Space>
  );
}

function CentersTab() {
  const { t } = useTranslation(['health', 'common']);
  const { can } = useAuth();
  const [editing, setEditing] = useState<CenterView | 'new' | null>(null);
  const centers = useQuery({ queryKey: ['health-centers'], queryFn: () => api.get<CenterView[]>('/health/centers') });
  const coverage = useQuery({ queryKey: ['health-coverage'], queryFn: () => api.get<CoverageView>('/health/centers/coverage') });
  const cov = coverage.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('centers.intro')}
      </Typography.Paragraph>
      {cov && (
        <Space size={48} wrap>
          <Statistic title={t('centers.coverage', { year: cov.year })} value={cov.townshipsCounted ? (100 * cov.townshipsCovered) / cov.townshipsCounted : 0} precision={0} suffix="%" />
          <Statistic title={t('centers.counted')} value={`${cov.townshipsCovered} / ${cov.townshipsCounted}`} />
          <Statistic title={t('centers.total')} value={centers.data?.length ?? 0} />
        </Space>
      )}
      {can('health.centers') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ width: 'fit-content' }}>
          {t('centers.add')}
        </Button>
      )}
      <Table<CenterView>
        rowKey="id"
        size="middle"
        loading={centers.isLoading}
        dataSource={centers.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('centers.name'), dataIndex: 'name', key: 'name' },
          { title: t('child.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('centers.host'), dataIndex: 'hostInstitution', key: 'host' },
          { title: t('centers.status'), dataIndex: 'status', key: 'status', render: (s: string) => <Tag color={s === 'operating' ? 'green' : s === 'suspended' ? 'red' : 'default'}>{t(`centers.statuses.${s}`)}</Tag> },
          { title: t('centers.grade'), dataIndex: 'grade', key: 'grade', render: (g: string) => t(`centers.grades.${g}`) },
          { title: t('centers.staff'), dataIndex: 'childHealthStaff', key: 'staff' },
          { title: t('centers.services'), dataIndex: 'services', key: 'services', render: (s: string[]) => s.map((x) => <Tag key={x}>{t(`centers.serviceNames.${x}`)}</Tag>) },
          ...(can('health.centers') ? [{ title: '', key: 'edit', render: (_: unknown, c: CenterView) => <Button size="small" onClick={() => setEditing(c)}>{t('common:actions.edit')}</Button> }] : []),
        ]}
      />
      {editing && (
        <RecordDrawer
          open
          onClose={() => setEditing(null)}
          title={editing === 'new' ? t('centers.add') : editing.name}
          url={editing === 'new' ? '/health/centers' : `/health/centers/${editing.id}`}
          method={editing === 'new' ? 'post' : 'patch'}
          fields={['unitCode', 'name', 'hostInstitution', 'address', 'phone', 'status', 'grade', 'services', 'childHealthStaff', 'openedOn']}
          initialValues={editing === 'new' ? { status: 'planned', grade: 'standard', services: [], childHealthStaff: 0 } : { ...editing, address: editing.address ?? undefined, phone: editing.phone ?? undefined, openedOn: editing.openedOn ?? undefined }}
          transform={(v: Record<string, unknown>) => (editing === 'new' ? v : { ...v, unitCode: undefined, id: undefined, unitName: undefined })}
          invalidate={[['health-centers'], ['health-coverage']]}
        >
          {editing === 'new' && (
            <Form.Item name="unitCode" label={t('centers.township')} required>
              <UnitPicker minLevel={3} />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('centers.name')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="hostInstitution" label={t('centers.host')} required>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="status" label={t('centers.status')}>
            <Radio.Group options={CENTER_STATUSES.map((s) => ({ value: s, label: t(`centers.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="openedOn" label={t('centers.openedOn')}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="grade" label={t('centers.grade')}>
            <Radio.Group options={CENTER_GRADES.map((g) => ({ value: g, label: t(`centers.grades.${g}`) }))} />
          </Form.Item>
          <Form.Item name="services" label={t('centers.services')}>
            <Checkbox.Group options={CENTER_SERVICES.map((s) => ({ value: s, label: t(`centers.serviceNames.${s}`) }))} />
          </Form.Item>
          <Form.Item name="childHealthStaff" label={t('centers.staff')}>
            <InputNumber min={0} max={200} />
          </Form.Item>
          <Form.Item name="address" label={t('centers.address')}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="phone" label={t('centers.phone')}>
            <Input maxLength={20} style={{ width: 200 }} />
          </Form.Item>
        </RecordDrawer>
      )}
    </Space>
  );
}

/** 婴儿健康: the township's children, vaccinations due, referrals, and the "医防护" centers. */
export function InfantHealthPage() {
  const { t } = useTranslation('health');
  const [state, update] = useUrlState({ tab: 'children' } as Record<string, string | undefined>);
  return (
    <Card title={t('title')}>
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => update({ tab })}
        destroyOnHidden
        items={[
          { key: 'children', label: t('tabs.children'), children: <ChildrenTab /> },
          { key: 'due', label: t('tabs.due'), children: <DueTab /> },
          { key: 'referrals', label: t('tabs.referrals'), children: <ReferralsTab /> },
          { key: 'centers', label: t('tabs.centers'), children: <CentersTab /> },
        ]}
      />
    </Card>
  );
}
