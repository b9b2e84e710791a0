import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { CaseSummary } from '../../../src/modules/protection/contract.ts';
import { STAGE_COLORS, stamp, timeToDue } from './format.ts';

const STAGES = ['report', 'emergency', 'assessment', 'intervention', 'monitoring', 'closed'] as const;

export function CaseTable({ rows, loading, pagination }: { rows: CaseSummary[]; loading: boolean; pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void } }) {
  const { t } = useTranslation('protection');
  const navigate = useNavigate();
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      locale={{ emptyText: t('list.empty') }}
      onRow={(c) => ({ onClick: () => navigate(`/welfare/protection/cases/${c.id}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('field.child'),
          key: 'child',
          render: (_, c) => (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              {c.childName ? <Typography.Link>{c.childName}</Typography.Link> : <Typography.Link type="secondary">{t('case.noName')}</Typography.Link>}
              {!c.childRegistered && <Typography.Text type="secondary">（{t('list.unregistered')}）</Typography.Text>}
            </Space>
          ),
        },
        { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
        { title: t('field.category'), dataIndex: 'category', key: 'category', render: (v: string, c) => <Space size={4}>{t(`category.${v}`)}{c.riskLevel === 'high' && <Tag color="red">{t('risk.high')}</Tag>}</Space> },
        { title: t('field.stage'), dataIndex: 'stage', key: 'stage', render: (v: string) => <Tag color={STAGE_COLORS[v]}>{t(`stage.${v}`)}</Tag> },
        {
          title: t('field.due'),
          key: 'due',
          render: (_, c) => (c.stageDueAt ? c.overdue ? <Badge status="error" text={<Typography.Text type="danger">{timeToDue(t, c.stageDueAt)}</Typography.Text>} /> : <Typography.Text>{timeToDue(t, c.stageDueAt)}</Typography.Text> : '—'),
        },
        { title: t('field.assignees'), key: 'assignees', render: (_, c) => (c.assigneeNames.length ? c.assigneeNames.join('、') : <Tag color="orange">{t('list.unassigned')}</Tag>) },
        { title: t('field.reportedAt'), dataIndex: 'reportedAt', key: 'reportedAt', render: (v: string) => stamp(v) },
        { title: t('field.receiptNo'), dataIndex: 'receiptNo', key: 'receiptNo' },
      ]}
    />
  );
}

/** The cases the user may open: counts by stage, filters in the URL, overdue first. */
export function CasesTab() {
  const { t } = useTranslation('protection');
  const [state, update] = useUrlState({ tab: 'cases', stage: undefined, overdue: undefined, q: undefined, unitCode: undefined, page: '1' } as Record<string, string | undefined>);
  const counts = useQuery({ queryKey: ['protection-counts', state.unitCode], queryFn: () => api.get<{ byStage: Record<string, number>; open: number; overdue: number }>(`/protection/counts${qs({ unitCode: state.unitCode })}`) });
  const cases = useQuery({
    queryKey: ['protection-cases', state],
    queryFn: () => api.get<Paged<CaseSummary>>(`/protection/cases${qs({ stage: state.stage, overdue: state.overdue, q: state.q, unitCode: state.unitCode, page: state.page, pageSize: 20 })}`),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Row gutter={12}>
        <Col flex="1">
          <Card size="small" hoverable onClick={() => update({ stage: undefined, overdue: undefined, page: '1' })}>
            <Statistic title={t('list.open')} value={counts.data?.open ?? 0} />
          </Card>
        </Col>
        <Col flex="1">
          <Card size="small" hoverable onClick={() => update({ overdue: 'true', stage: undefined, page: '1' })}>
            <Statistic title={t('list.overdue')} value={counts.data?.overdue ?? 0} valueStyle={{ color: counts.data?.overdue ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        {STAGES.map((s) => (
          <Col flex="1" key={s}>
            <Card size="small" hoverable onClick={() => update({ stage: s, page: '1' })} style={state.stage === s ? { borderColor: '#1677ff' } : undefined}>
              <Statistic title={t(`stage.${s}`)} value={counts.data?.byStage[s] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap>
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: 220 }} defaultValue={state.q} onSearch={(q) => update({ q, page: '1' })} />
        <Select allowClear placeholder={t('list.allStages')} style={{ width: 150 }} value={state.stage} onChange={(v) => update({ stage: v, page: '1' })} options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
        <Select allowClear placeholder={t('list.overdueOnly')} style={{ width: 130 }} value={state.overdue} onChange={(v) => update({ overdue: v, page: '1' })} options={[{ value: 'true', label: t('list.overdueOnly') }]} />
        <UnitPicker value={state.unitCode} onChange={(v) => update({ unitCode: v, page: '1' })} style={{ width: 260 }} placeholder={t('field.unit')} />
      </Space>
      <CaseTable
        rows={cases.data?.items ?? []}
        loading={cases.isLoading}
        pagination={{ current: Number(state.page), pageSize: 20, total: cases.data?.total ?? 0, onChange: (page) => update({ page: String(page) }) }}
      />
    </Space>
  );
}
