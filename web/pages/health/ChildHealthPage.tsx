import { useState } from 'react';
import { useParams, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { ChildRecord, ReferralView, ScreeningView } from '../../../src/modules/health/contract.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { ImmunisationTable, MeasurementsTable, NextDose, ScreeningsList, VisitsList } from './sections.tsx';
import { FollowUpDrawer, LinkParentDrawer, MchatDrawer, MeasurementDrawer, ReferralDrawer, VaccinationDrawer, VisitDrawer, WarningSignsDrawer } from './forms.tsx';
import { useAgeLabel } from './labels.tsx';

type Open = 'measurement' | 'warningSigns' | 'mchat' | 'followUp' | 'referral' | 'vaccination' | 'visit' | 'parent' | null;

/** Today in Asia/Shanghai, the platform's calendar. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A child's health record for the child-health doctor: growth, screening, referrals, vaccinations, visits. */
export function ChildHealthPage() {
  const { id } = useParams();
  const { t } = useTranslation(['health', 'common']);
  const { can } = useAuth();
  const navigate = useNavigate();
  const ageLabel = useAgeLabel();
  const [open, setOpen] = useState<Open>(null);
  const [screening, setScreening] = useState<ScreeningView | null>(null);
  const [referral, setReferral] = useState<ReferralView | null>(null);
  const [preset, setPreset] = useState<{ vaccine: string; dose: number } | null>(null);
  const record = useQuery({ queryKey: ['health-child', id], queryFn: () => api.get<ChildRecord>(`/health/children/${id}`) });
  const write = can('health.write');
  const today = shanghaiToday();

  if (record.isLoading) return <Spin />;
  if (record.error) {
    const notFound = record.error instanceof ApiError && record.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('child.notFound') : String(record.error.message)} />;
  }
  const r = record.data!;
  const c = r.child;
  const close = () => setOpen(null);
  const addButton = (what: Open, label: string, testId?: string) =>
    write && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(what)} data-testid={testId}>
        {label}
      </Button>
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/health')} style={{ paddingInline: 0 }}>
            {t('child.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="child-name">
            {c.name}
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'sex', label: t('child.sex'), children: t(`common:sex.${c.sex}`) },
              { key: 'birth', label: t('child.birthDate'), children: `${c.birthDate}（${ageLabel(c.ageDays, c.ageMonths)}）` },
              { key: 'unit', label: t('child.unit'), children: c.unitName },
              {
                key: 'guardians',
                label: t('guardians.title'),
                children: (
                  <Space wrap size={4}>
                    {(r.guardians ?? []).map((g) => (
                      <Tag key={g.id}>
                        {g.parentName}（{t(`guardians.relations.${g.relation}`)}）
                      </Tag>
                    ))}
                    {(r.guardians ?? []).length === 0 && <Typography.Text type="secondary">{t('guardians.none')}</Typography.Text>}
                    {can('guardianship.manage') && (
                      <Button size="small" onClick={() => setOpen('parent')}>
                        {t('guardians.link')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <NextDose immunisation={r.immunisation} />
          {r.surveillance.warningSignsBand !== null && (
            <Typography.Text type="secondary">
              {t('child.surveillance', { months: r.surveillance.warningSignsBand })}
              {r.surveillance.mchatAge ? t('child.mchatAge') : ''}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'growth',
              label: t('tabs.growth'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }} size={16}>
                  {addButton('measurement', t('measurement.add'), 'add-measurement')}
                  <GrowthChart sex={c.sex} ageDays={c.ageDays} measurements={r.measurements} />
                  <MeasurementsTable measurements={r.measurements} />
                </Space>
              ),
            },
            {
              key: 'screening',
              label: t('tabs.screening'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }} size={16}>
                  <Space wrap>
                    {addButton('warningSigns', t('screening.addWarningSigns'))}
                    {write && (
                      <Button icon={<PlusOutlined />} onClick={() => setOpen('mchat')} disabled={!r.surveillance.mchatAge}>
                        {t('screening.addMchat')}
                      </Button>
                    )}
                  </Space>
                  <ScreeningsList
                    screenings={r.screenings}
                    referrals={r.referrals}
                    actions={(s, ref) =>
                      write && (
                        <Space direction="vertical">
                          {s.result === 'followUpNeeded' && (
                            <Button
                              size="small"
                              onClick={() => {
                                setScreening(s);
                                setOpen('followUp');
                              }}
                            >
                              {t('mchat.followUp')}
                            </Button>
                          )}
                          {ref && ref.status !== 'closed' && (
                            <Button
                              size="small"
                              onClick={() => {
                                setReferral(ref);
                                setOpen('referral');
                              }}
                            >
                              {t('referral.step')}
                            </Button>
                          )}
                        </Space>
                      )
                    }
                  />
                </Space>
              ),
            },
            {
              key: 'vaccination',
              label: t('tabs.vaccination'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }} size={16}>
                  {write && (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => {
                        setPreset(null);
                        setOpen('vaccination');
                      }}
                    >
                      {t('vaccination.add')}
                    </Button>
                  )}
                  <Alert type="info" showIcon message={t('vaccination.scheduleNote')} />
                  <ImmunisationTable
                    doses={r.immunisation.doses}
                    action={
                      write
                        ? (d) =>
                            d.status !== 'given' &&
                            d.status !== 'scheduled' && (
                              <Button
                                size="small"
                                onClick={() => {
                                  setPreset({ vaccine: d.vaccine, dose: d.dose });
                                  setOpen('vaccination');
                                }}
                              >
                                {t('vaccination.record')}
                              </Button>
                            )
                        : undefined
                    }
                  />
                </Space>
              ),
            },
            {
              key: 'visits',
              label: t('tabs.visits'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }} size={16}>
                  {c.ageDays <= 42 && addButton('visit', t('visit.add'))}
                  <VisitsList visits={r.visits} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <MeasurementDrawer open={open === 'measurement'} onClose={close} child={c} today={today} />
      <WarningSignsDrawer open={open === 'warningSigns'} onClose={close} child={c} today={today} />
      <MchatDrawer open={open === 'mchat'} onClose={close} child={c} today={today} />
      <FollowUpDrawer open={open === 'followUp'} onClose={close} screening={screening} today={today} />
      <ReferralDrawer open={open === 'referral'} onClose={close} referral={referral} today={today} />
      <VaccinationDrawer open={open === 'vaccination'} onClose={close} child={c} today={today} preset={preset} />
      <VisitDrawer open={open === 'visit'} onClose={close} child={c} today={today} />
      <LinkParentDrawer open={open === 'parent'} onClose={close} child={c} />
    </Space>
  );
}
