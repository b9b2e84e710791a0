import type { ReactNode } from 'react';
import { Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bandFor } from '../../../src/modules/health/warningSigns.ts';
import type { ChildRecord, DoseStatusView, MeasurementView, ReferralView, ScreeningView, VisitView } from '../../../src/modules/health/contract.ts';
import { DoseStatusTag, ReferralStatusTag, ScreeningResultTag, useVaccineName, ZValue } from './labels.tsx';
import { useMchatLabels } from './mchatLabels.ts';

export function MeasurementsTable({ measurements }: { measurements: MeasurementView[] }) {
  const { t } = useTranslation('health');
  return (
    <Table<MeasurementView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...measurements].reverse()}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('measurement.measuredOn'), dataIndex: 'measuredOn', key: 'on' },
        { title: t('measurement.weightKg'), dataIndex: 'weightKg', key: 'w', render: (v: number | null, m) => (v === null ? '—' : <Space size={2}>{v}<ZValue z={m.z.weightForAge} /></Space>) },
        {
          title: t('measurement.lengthCm'),
          dataIndex: 'lengthCm',
          key: 'l',
          render: (v: number | null, m) => (v === null ? '—' : <Space size={2}>{`${v}（${t(`position.${m.position}`)}）`}<ZValue z={m.z.lengthForAge} /></Space>),
        },
        { title: t('measurement.headCm'), dataIndex: 'headCm', key: 'h', render: (v: number | null, m) => (v === null ? '—' : <Space size={2}>{v}<ZValue z={m.z.headForAge} /></Space>) },
        { title: t('measurement.bmi'), dataIndex: 'bmi', key: 'bmi', render: (v: number | null, m) => (v === null ? '—' : <Space size={2}>{v}<ZValue z={m.z.bmiForAge} /></Space>) },
        { title: t('measure.weight-for-length'), key: 'wfl', render: (_: unknown, m) => <ZValue z={m.z.weightForLength} /> },
        { title: t('recordedBy'), dataIndex: 'recordedByName', key: 'by' },
      ]}
    />
  );
}

export function ImmunisationTable({ doses, action }: { doses: DoseStatusView[]; action?: (d: DoseStatusView) => ReactNode }) {
  const { t } = useTranslation('health');
  const name = useVaccineName();
  return (
    <Table<DoseStatusView>
      rowKey={(d) => `${d.series}:${d.dose}`}
      size="small"
      pagination={false}
      dataSource={doses}
      scroll={{ x: 'max-content' }}
      rowClassName={(d) => `dose-${d.status}`}
      columns={[
        { title: t('vaccination.vaccine'), key: 'v', render: (_: unknown, d) => name(d.givenVaccine ?? d.vaccine) },
        { title: t('vaccination.dose'), dataIndex: 'dose', key: 'dose', render: (n: number) => t('vaccination.doseN', { n }) },
        { title: t('vaccination.dueOn'), dataIndex: 'dueOn', key: 'due' },
        { title: t('vaccination.deadlineOn'), dataIndex: 'deadlineOn', key: 'deadline', render: (v: string | null) => v ?? '—' },
        { title: t('vaccination.status'), dataIndex: 'status', key: 'status', render: (s: DoseStatusView['status'], d) => <Space size={4}><DoseStatusTag status={s} />{d.givenOn}</Space> },
        ...(action ? [{ title: '', key: 'action', render: (_: unknown, d: DoseStatusView) => action(d) }] : []),
      ]}
    />
  );
}

function ReferralLine({ r }: { r: ReferralView }) {
  const { t } = useTranslation('health');
  return (
    <Space wrap size={4}>
      <ReferralStatusTag status={r.status} />
      <span>{t(`referral.level.${r.level}`)}</span>
      {r.institution && <span>· {r.institution}</span>}
      {r.referredOn && <span>· {t('referral.referredOn', { date: r.referredOn })}</span>}
      {r.result && <span>· {t(`referral.result.${r.result}`)}</span>}
      {r.outcome && <span>· {t(`referral.outcome.${r.outcome}`)}</span>}
    </Space>
  );
}

export function ScreeningsList({
  screenings,
  referrals,
  actions,
}: {
  screenings: ScreeningView[];
  referrals: ReferralView[];
  actions?: (s: ScreeningView, r: ReferralView | undefined) => ReactNode;
}) {
  const { t, i18n } = useTranslation('health');
  const label = useMchatLabels();
  if (screenings.length === 0) return <Empty description={t('screening.none')} />;
  return (
    <List
      dataSource={[...screenings].reverse()}
      renderItem={(s) => {
        const r = referrals.find((x) => x.screeningId === s.id);
        const band = s.warningSigns ? bandFor(s.warningSigns.bandMonths) : null;
        return (
          <List.Item extra={actions?.(s, r)} data-testid={`screening-${s.instrument}`}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{t(`screening.instrument.${s.instrument}`)}</span>
                  <ScreeningResultTag result={s.result} />
                  <Typography.Text type="secondary">
                    {s.screenedOn} · {t('age.months', { count: s.ageMonths })}
                  </Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {s.warningSigns && band && (
                    <span>
                      {t('screening.band', { months: s.warningSigns.bandMonths })}
                      {s.warningSigns.signsPresent.length === 0 && !s.warningSigns.regression
                        ? t('screening.noSigns')
                        : [...s.warningSigns.signsPresent.map((n) => `“${band.signs[n - 1][i18n.language === 'en-US' ? 'en' : 'zh']}”`), ...(s.warningSigns.regression ? [t('screening.regression')] : [])].join(t('sep'))}
                    </span>
                  )}
                  {s.mchat && (
                    <span>
                      {t('screening.mchatScore', { score: s.mchat.score, risk: t(`screening.risk.${s.mchat.risk}`) })}
                      {s.mchat.atRiskItems.length > 0 && ` · ${t('screening.atRiskItems')}${s.mchat.atRiskItems.map((n) => `${n} ${label(n)}`).join(t('sep'))}`}
                      {s.mchat.followUp && ` · ${t('screening.followUpDone', { date: s.mchat.followUp.on, score: s.mchat.followUp.score })}`}
                      {s.mchat.rescreenAtMonths && ` · ${t('screening.rescreenAt', { months: s.mchat.rescreenAtMonths })}`}
                    </span>
                  )}
                  {r && <ReferralLine r={r} />}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

export function VisitsList({ visits }: { visits: VisitView[] }) {
  const { t } = useTranslation('health');
  if (visits.length === 0) return <Empty description={t('visit.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {visits.map((v) => (
        <Descriptions
          key={v.id}
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 3 }}
          title={`${t(`visit.kind.${v.kind}`)} · ${v.visitedOn}（${t('age.days', { count: v.ageDays })}）`}
          items={[
            { key: 'w', label: t('visit.weightKg'), children: v.weightKg ?? '—' },
            { key: 'f', label: t('visit.feeding'), children: v.feeding ? t(`visit.feedingKind.${v.feeding}`) : '—' },
            { key: 'j', label: t('visit.jaundice'), children: v.jaundice ? t('yes') : t('no') },
            { key: 'u', label: t('visit.umbilicus'), children: v.umbilicusNormal ? t('visit.normal') : t('visit.abnormal') },
            { key: 'g', label: t('visit.guidance'), children: v.guidance.map((g) => <Tag key={g}>{t(`visit.topic.${g}`)}</Tag>) },
            { key: 'r', label: t('visit.referred'), children: v.referred ? t('yes') : t('no') },
            { key: 'n', label: t('visit.findings'), children: v.findings ?? '—', span: 2 },
            { key: 'by', label: t('recordedBy'), children: v.recordedByName },
          ]}
        />
      ))}
    </Space>
  );
}

/** The immunisation summary line: overdue, due, and the next dose. */
export function NextDose({ immunisation }: { immunisation: ChildRecord['immunisation'] }) {
  const { t } = useTranslation('health');
  const name = useVaccineName();
  const next = immunisation.next;
  return (
    <Space wrap size={4} data-testid="next-dose">
      {immunisation.overdue > 0 && <Tag color="red">{t('dose.overdueCount', { count: immunisation.overdue })}</Tag>}
      {immunisation.due > 0 && <Tag color="orange">{t('dose.dueCount', { count: immunisation.due })}</Tag>}
      {next ? (
        <span>
          {t('dose.next')}
          {name(next.vaccine)} {t('vaccination.doseN', { n: next.dose })}（{next.status === 'scheduled' || next.status === 'upcoming' ? t('dose.from', { date: next.dueOn }) : <DoseStatusTag status={next.status} />}）
        </span>
      ) : (
        <span>{t('dose.allDone')}</span>
      )}
    </Space>
  );
}
