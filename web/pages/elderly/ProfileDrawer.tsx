import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Empty, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { DementiaCaseView, ProfileDetail } from '../../../src/modules/elderly/contract.ts';
import { LevelTag, NeedTag, useConditionText, yuan } from './shared.tsx';
import { AssessmentForm, HealthForm, ProfileForm, ScreenForm, StepForm } from './forms.tsx';

export function DementiaStatus({ c }: { c: DementiaCaseView }) {
  const { t } = useTranslation('elderly');
  return (
    <Space size={4}>
      <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{t(`dementia.status.${c.status}`)}</Tag>
      {c.overdue && <Tag color="red">{t('dementia.overdue')}</Tag>}
    </Space>
  );
}

/** One person's profile (精准画像): basic facts, needs with why, eligibility, assessments, health, the dementia loop, this month's entitlements. */
export function ProfileDrawer({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation(['elderly', 'subsidies']);
  const { can } = useAuth();
  const [form, setForm] = useState<null | 'profile' | 'assessment' | 'health' | 'screen'>(null);
  const [step, setStep] = useState<{ c: DementiaCaseView; action: string } | null>(null);
  const conditionText = useConditionText();
  const q = useQuery({ queryKey: ['elderly-profile', personId], queryFn: () => api.get<ProfileDetail>(`/elderly/profiles/${personId}`) });
  const d = q.data;
  const canWrite = can('elderly.write');
  const canAssess = can('elderly.assess');
  return (
    <Drawer open width={880} onClose={onClose} title={d ? t('profile.drawerTitle', { name: d.name }) : ''} destroyOnHidden>
      {!d ? (
        q.isError ? <Alert type="error" message={String((q.error as Error).message)} /> : <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Card size="small" title={t('profile.basic')} extra={canWrite && <Button size="small" onClick={() => setForm('profile')} data-testid="edit-profile">{d.profile ? t('profile.edit') : t('profile.create')}</Button>}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('field.name')}>{d.name}</Descriptions.Item>
              <Descriptions.Item label={t('field.sex')}>{t(`sex.${d.sex}`)}</Descriptions.Item>
              <Descriptions.Item label={t('field.age')}>{d.age}</Descriptions.Item>
              <Descriptions.Item label={t('field.idNumber')}>{d.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label={t('field.unit')}>{d.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('field.abilityLevel')}><LevelTag level={d.abilityLevel} /></Descriptions.Item>
              {d.profile ? (
                <>
                  <Descriptions.Item label={t('field.household')}>{t(`household.${d.profile.household}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.livingArrangement')}>{t(`livingArrangement.${d.profile.livingArrangement}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.economicStatus')}>{t(`economicStatus.${d.profile.economicStatus}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.healthStatus')}>{t(`healthStatus.${d.profile.healthStatus}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.careMode')}>{t(`careMode.${d.profile.careMode}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('field.flags')}>{d.profile.flags.map((f) => t(`flags.${f}`)).join(t('sep.enum')) || '—'}</Descriptions.Item>
                </>
              ) : (
                <Descriptions.Item label={t('field.profiled')}><Tag>{t('profile.notProfiled')}</Tag></Descriptions.Item>
              )}
            </Descriptions>
            <Space wrap>
              {d.specialDifficulty && <Tag color="magenta">{t('specialDifficulty')}</Tag>}
              <Typography.Text type="secondary">{t('sep.label', { title: t('eligibility.title') })}</Typography.Text>
              {(['nursingBed', 'nursingSubsidy', 'familyCareBed'] as const).map((k) => (
                <Tag key={k} color={d.careEligibility[k] ? 'green' : 'default'}>{`${t(`eligibility.${k}`)} · ${t(d.careEligibility[k] ? 'eligibility.yes' : 'eligibility.no')}`}</Tag>
              ))}
            </Space>
          </Card>

          <Card size="small" title={t('need.title')} data-testid="needs">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('profile.needsHint')}</Typography.Paragraph>
            <List
              size="small"
              dataSource={d.needs}
              renderItem={(n) => (
                <List.Item>
                  <Space align="start">
                    <Typography.Text strong style={{ width: 80, display: 'inline-block' }}>{t(`need.dimension.${n.dimension}`)}</Typography.Text>
                    <NeedTag level={n.level} />
                    <span>{n.reasons.map((r) => t(`why.${r}`)).join(t('sep.list'))}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>

          <Card size="small" title={t('assessment.title')} extra={canAssess && <Button size="small" type="primary" onClick={() => setForm('assessment')} data-testid="add-assessment">{t('assessment.add')}</Button>}>
            {d.assessments.length === 0 ? (
              <Empty description={t('assessment.none')} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.assessments}
                columns={[
                  { title: t('field.assessedOn'), dataIndex: 'assessedOn' },
                  { title: t('field.reason'), dataIndex: 'reason', render: (v: string) => t(`reason.${v}`) },
                  { title: t('assessment.dimensionTotals'), render: (_, a) => Object.entries(a.dimensionTotals).map(([k, v]) => `${t(`dimension.${k}`)} ${v}`).join(' / ') },
                  { title: t('field.total'), dataIndex: 'total' },
                  { title: t('field.abilityLevel'), render: (_, a) => <Space direction="vertical" size={0}><LevelTag level={a.level} />{a.changes.map((c) => <Typography.Text key={c} type="secondary" style={{ fontSize: 12 }}>{t(`changes.${c}`)}</Typography.Text>)}</Space> },
                  { title: t('field.assessor'), dataIndex: 'assessorName' },
                ]}
              />
            )}
          </Card>

          <Card size="small" title={t('health.title')} extra={canAssess && d.age >= 65 && <Button size="small" onClick={() => setForm('health')}>{t('health.add')}</Button>}>
            {d.healthDue && <Alert type="warning" showIcon message={t('health.due')} style={{ marginBottom: 8 }} />}
            {d.age < 65 ? (
              <Typography.Text type="secondary">{t('health.onlyOver65')}</Typography.Text>
            ) : d.health.length === 0 ? (
              <Empty description={t('health.none')} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.health}
                columns={[
                  { title: t('field.year'), dataIndex: 'year' },
                  { title: t('field.assessedOn'), dataIndex: 'assessedOn' },
                  { title: t('field.bloodPressure'), render: (_, h) => `${h.systolic}/${h.diastolic}` },
                  { title: t('field.bmi'), dataIndex: 'bmi' },
                  { title: t('field.tcmConstitution'), dataIndex: 'tcmConstitution', render: (v: string) => t(`health.tcm.${v}`) },
                  { title: t('field.selfCare'), dataIndex: 'selfCare', render: (v: string) => t(`health.selfCare.${v}`) },
                  { title: t('field.assessor'), dataIndex: 'recordedByName' },
                ]}
              />
            )}
          </Card>

          <Card size="small" title={t('dementia.title')} extra={canAssess && <Button size="small" onClick={() => setForm('screen')}>{t('dementia.screen')}</Button>}>
            {d.dementia.length === 0 ? (
              <Empty description={t('dementia.none')} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.dementia}
                columns={[
                  { title: t('field.screenedOn'), dataIndex: 'screenedOn' },
                  { title: t('field.tool'), render: (_, c) => `${t(`dementia.tool.${c.tool}`)} ${c.score}` },
                  { title: t('field.status'), render: (_, c) => <DementiaStatus c={c} /> },
                  { title: t('field.dueOn'), dataIndex: 'dueOn', render: (v: string | null) => v ?? '' },
                  {
                    title: t('field.action'),
                    render: (_, c) => canAssess && <Space size={4} wrap>{c.allowedActions.map((a) => <Button key={a} size="small" onClick={() => setStep({ c, action: a })}>{t(`dementia.action.${a}`)}</Button>)}</Space>,
                  },
                ]}
              />
            )}
          </Card>

          <Card size="small" title={`${t('tabs.entitlements')} · ${d.entitlementMonth}`}>
            {d.entitlements.length === 0 ? (
              <Empty description={t('entitlements.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List size="small" dataSource={d.entitlements} renderItem={(e) => <List.Item><Space><Typography.Text strong>{t(`subsidies:rule.${e.ruleCode}`)}</Typography.Text><span>{t('entitlements.amount', { yuan: yuan(e.amountFen) })}</span><Typography.Text type="secondary">{conditionText(e.met)}</Typography.Text></Space></List.Item>} />
            )}
          </Card>
        </Space>
      )}
      {d && <ProfileForm person={d} open={form === 'profile'} onClose={() => setForm(null)} />}
      {d && <AssessmentForm person={d} open={form === 'assessment'} onClose={() => setForm(null)} />}
      {d && <HealthForm person={d} open={form === 'health'} onClose={() => setForm(null)} />}
      {d && <ScreenForm person={d} open={form === 'screen'} onClose={() => setForm(null)} />}
      {step && <StepForm c={step.c} action={step.action} onClose={() => setStep(null)} />}
    </Drawer>
  );
}
