import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { vaccineName, type VaccineCode } from '../../../src/modules/health/immunisation.ts';

export function useVaccineName() {
  const { i18n } = useTranslation();
  return (code: string) => vaccineName(code as VaccineCode, i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
}

const DOSE_COLORS = { given: 'green', overdue: 'red', due: 'orange', upcoming: 'blue', scheduled: 'default' } as const;

export function DoseStatusTag({ status }: { status: keyof typeof DOSE_COLORS }) {
  const { t } = useTranslation('health');
  return <Tag color={DOSE_COLORS[status]}>{t(`dose.${status}`)}</Tag>;
}

/** A z-score, coloured beyond ±2 and ±3 SD. */
export function ZValue({ z, label }: { z: number | null; label?: string }) {
  if (z === null) return null;
  const color = Math.abs(z) > 3 ? 'red' : Math.abs(z) > 2 ? 'orange' : 'default';
  return (
    <Tag color={color} style={{ marginInlineEnd: 4 }}>
      {label ? `${label} ` : ''}
      {z > 0 ? `+${z.toFixed(2)}` : z.toFixed(2)}
    </Tag>
  );
}

const RESULT_COLORS = { negative: 'green', positive: 'red', followUpNeeded: 'orange' } as const;

export function ScreeningResultTag({ result }: { result: keyof typeof RESULT_COLORS }) {
  const { t } = useTranslation('health');
  return <Tag color={RESULT_COLORS[result]}>{t(`screening.result.${result}`)}</Tag>;
}

const REFERRAL_COLORS = { suggested: 'orange', referred: 'blue', attended: 'purple', closed: 'default' } as const;

export function ReferralStatusTag({ status }: { status: keyof typeof REFERRAL_COLORS }) {
  const { t } = useTranslation('health');
  return <Tag color={REFERRAL_COLORS[status]}>{t(`referral.status.${status}`)}</Tag>;
}

/** Age as people say it: days for newborns, months under 3, then years and months. */
export function useAgeLabel() {
  const { t } = useTranslation('health');
  return (ageDays: number, ageMonths: number) =>
    ageDays < 31 ? t('age.days', { count: ageDays }) : ageMonths < 36 ? t('age.months', { count: ageMonths }) : t('age.yearsMonths', { years: Math.floor(ageMonths / 12), months: ageMonths % 12 });
}

/**
 * A Z value as a parent reads it: what it measures (体重/年龄 …) and a plain band. The bands
 * follow the WHO Child Growth Standards cut-offs of 2 and 3 standard deviations.
 */
export function zBandOf(z: number): 'muchLow' | 'low' | 'normal' | 'high' | 'muchHigh' {
  if (z < -3) return 'muchLow';
  if (z < -2) return 'low';
  if (z <= 2) return 'normal';
  if (z <= 3) return 'high';
  return 'muchHigh';
}

export function ZBand({ z, measure }: { z: number | null; measure: 'weightForAge' | 'lengthForAge' | 'headForAge' | 'weightForLength' }) {
  const { t } = useTranslation('health');
  if (z === null) return null;
  const band = zBandOf(z);
  return (
    <Tag color={band === 'normal' ? 'green' : band === 'low' || band === 'high' ? 'orange' : 'red'} style={{ marginInlineEnd: 4 }}>
      {t(`zBand.measure.${measure}`)} {t(`zBand.${band}`)}
    </Tag>
  );
}
