import { ZBand } from '../health/labels.tsx';
import { useState } from 'react';
import { useParams, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import type { ChildRecord } from '../../../src/modules/health/contract.ts';
import { GrowthChart } from '../health/GrowthChart.tsx';
import { DoseStatusTag, ReferralStatusTag, ScreeningResultTag, useAgeLabel, useVaccineName, ZValue } from '../health/labels.tsx';
import { NextDose, VisitsList } from '../health/sections.tsx';

type View = 'growth' | 'vaccination' | 'screening' | 'records';

/** One child's health at a glance (一键晓), for the parent: growth, vaccinations, screening, the doctor's records. */
export function ParentChildPage() {
  const { id } = useParams();
  const { t } = useTranslation(['parent', 'health']);
  const navigate = useNavigate();
  const ageLabel = useAgeLabel();
  const vaccine = useVaccineName();
  const [view, setView] = useState<View>('growth');
  const record = useQuery({ queryKey: ['own-child-health', id], queryFn: () => api.get<ChildRecord>(`/parent/children/${id}/health`) });
  if (record.isLoading) return <Spin />;
  if (record.error) {
    const notFound = record.error instanceof ApiError && record.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('notYourChild') : record.error.message} />;
  }
  const r = record.data!;
  const c = r.child;
  const latest = r.measurements.at(-1);
  const open = r.immunisation.doses.filter((d) => d.status !== 'given').sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/')} style={{ paddingInline: 0 }}>
        {t('myChildren')}
      </Button>
      <Card size="small">
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="child-name">
            {c.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {c.birthDate} · {ageLabel(c.ageDays, c.ageMonths)}
          </Typography.Text>
          <NextDose immunisation={r.immunisation} />
        </Space>
      </Card>
      <Segmented
        block
        value={view}
        onChange={(v) => setView(v as View)}
        options={(['growth', 'vaccination', 'screening', 'records'] as const).map((v) => ({ value: v, label: t(`views.${v}`) }))}
        data-testid="parent-views"
      />
      {view === 'growth' && (
        <Card size="small">
          {latest ? (
            <Space direction="vertical" size={2} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('latest', { date: latest.measuredOn })}</Typography.Text>
              <Space wrap size={4} data-testid="latest-measurement">
                {latest.weightKg !== null && (
                  <span>
                    {t('health:measurement.weightKg')} {latest.weightKg} <ZBand z={latest.z.weightForAge} measure="weightForAge" />
                  </span>
                )}
                {latest.lengthCm !== null && (
                  <span>
                    {t('health:measurement.lengthCm')} {latest.lengthCm} <ZBand z={latest.z.lengthForAge} measure="lengthForAge" />
                  </span>
                )}
                {latest.headCm !== null && (
                  <span>
                    {t('health:measurement.headCm')} {latest.headCm} <ZBand z={latest.z.headForAge} measure="headForAge" />
                  </span>
                )}
              </Space>
            </Space>
          ) : (
            <Alert type="info" message={t('noMeasurements')} style={{ marginBottom: 8 }} />
          )}
          <GrowthChart sex={c.sex} ageDays={c.ageDays} measurements={r.measurements} height={280} compact />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            {t('zExplained')}
          </Typography.Paragraph>
        </Card>
      )}
      {view === 'vaccination' && (
        <Card size="small">
          <List
            header={<Typography.Text strong>{t('toCome')}</Typography.Text>}
            dataSource={open.slice(0, 8)}
            locale={{ emptyText: t('health:dose.allDone') }}
            renderItem={(d) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <span>
                    {vaccine(d.vaccine)} {t('health:vaccination.doseN', { n: d.dose })}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('health:vaccination.dueOn')} {d.dueOn}
                    {d.deadlineOn ? ` · ${t('health:vaccination.deadlineOn')} ${d.deadlineOn}` : ''}
                  </Typography.Text>
                </Space>
                <DoseStatusTag status={d.status} />
              </List.Item>
            )}
          />
          <List
            header={<Typography.Text strong>{t('given')}</Typography.Text>}
            dataSource={r.vaccinations.slice().reverse()}
            locale={{ emptyText: t('noneGiven') }}
            renderItem={(v) => (
              <List.Item>
                <span>
                  {vaccine(v.vaccine)} {t('health:vaccination.doseN', { n: v.dose })}
                </span>
                <Typography.Text type="secondary">{v.givenOn}</Typography.Text>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('scheduleNote')}
          </Typography.Paragraph>
        </Card>
      )}
      {view === 'screening' && (
        <Card size="small">
          {r.screenings.length === 0 ? (
            <Empty description={t('health:screening.none')} />
          ) : (
            <List
              dataSource={r.screenings.slice().reverse()}
              renderItem={(s) => {
                const ref = r.referrals.find((x) => x.screeningId === s.id);
                return (
                  <List.Item>
                    <Space direction="vertical" size={2}>
                      <Space wrap size={4}>
                        <span>{t(`health:screening.instrument.${s.instrument}`)}</span>
                        <ScreeningResultTag result={s.result} />
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {s.screenedOn} · {t('health:age.months', { count: s.ageMonths })}
                        {s.mchat ? ` · ${t('health:screening.mchatScore', { score: s.mchat.score, risk: t(`health:screening.risk.${s.mchat.risk}`) })}` : ''}
                      </Typography.Text>
                      {ref && (
                        <Space wrap size={4}>
                          <Tag>{t(`health:referral.level.${ref.level}`)}</Tag>
                          <ReferralStatusTag status={ref.status} />
                          {ref.institution && <span>{ref.institution}</span>}
                        </Space>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('screeningNote')}
          </Typography.Paragraph>
        </Card>
      )}
      {view === 'records' && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Card size="small" title={t('checkups')}>
            <List
              dataSource={r.measurements.slice().reverse()}
              locale={{ emptyText: t('noMeasurements') }}
              renderItem={(m) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <span>
                      {m.measuredOn} · {[m.weightKg !== null && `${m.weightKg} kg`, m.lengthCm !== null && `${m.lengthCm} cm`, m.headCm !== null && `${t('health:measurement.headShort')} ${m.headCm} cm`].filter(Boolean).join(' · ')}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.recordedByName}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('visits')}>
            <VisitsList visits={r.visits} />
          </Card>
        </Space>
      )}
    </Space>
  );
}
