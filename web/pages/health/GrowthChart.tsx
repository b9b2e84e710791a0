import { useMemo, useState } from 'react';
import { Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.tsx';
import { lengthForStandard, referenceCurves, STANDING_FROM_DAYS, type GrowthMeasure } from '../../../src/modules/health/growth.ts';
import type { MeasurementView } from '../../../src/modules/health/contract.ts';

const DAYS_PER_MONTH = 30.4375;
const ZS = [-3, -2, 0, 2, 3];
const LINE_COLORS = ['#cf1322', '#fa8c16', '#389e0d', '#fa8c16', '#cf1322'];
export const CHART_MEASURES: GrowthMeasure[] = ['weight-for-age', 'length-for-age', 'head-for-age', 'weight-for-length', 'bmi-for-age'];

/** The value a measurement contributes to an indicator's chart, in the position of the standard. */
function pointOf(m: MeasurementView, measure: GrowthMeasure): [number, number, number | null] | null {
  const length = m.lengthCm !== null && m.position ? lengthForStandard(m.lengthCm, m.position, m.ageDays) : null;
  const months = m.ageDays / DAYS_PER_MONTH;
  switch (measure) {
    case 'weight-for-age':
      return m.weightKg === null ? null : [months, m.weightKg, m.z.weightForAge];
    case 'length-for-age':
      return length === null ? null : [months, Math.round(length * 10) / 10, m.z.lengthForAge];
    case 'head-for-age':
      return m.headCm === null ? null : [months, m.headCm, m.z.headForAge];
    case 'bmi-for-age':
      return m.bmi === null ? null : [months, m.bmi, m.z.bmiForAge];
    case 'weight-for-length':
      return length === null || m.weightKg === null ? null : [Math.round(length * 10) / 10, m.weightKg, m.z.weightForLength];
  }
}

/**
 * A growth chart on the WHO Child Growth Standards: the −3, −2, 0, +2 and +3 SD curves of
 * the child's sex and the child's own measurements, by age in months (or by length).
 */
export function GrowthChart({ sex, ageDays, measurements, height = 340, compact = false }: { sex: 'male' | 'female'; ageDays: number; measurements: MeasurementView[]; height?: number; compact?: boolean }) {
  const { t } = useTranslation('health');
  const [measure, setMeasure] = useState<GrowthMeasure>('weight-for-age');
  const option = useMemo(() => {
    const byLength = measure === 'weight-for-length';
    const standing = ageDays >= STANDING_FROM_DAYS;
    const toDays = Math.min(1826, ageDays < 335 ? 365 : ageDays < 700 ? 730 : 1095);
    const curves = byLength ? referenceCurves(sex, measure, ZS, standing ? 65 : 45, standing ? 120 : 110, standing) : referenceCurves(sex, measure, ZS, 0, toDays);
    const own = measurements.map((m) => pointOf(m, measure)).filter((x): x is [number, number, number | null] => x !== null);
    const xOf = (x: number) => (byLength ? x : x / DAYS_PER_MONTH);
    return {
      animation: false,
      grid: { left: 48, right: compact ? 16 : 56, top: 28, bottom: 44 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; value: [number, number, number | null] }) =>
          p.seriesName === 'child'
            ? `${byLength ? `${p.value[0]} cm` : t('chart.monthsAt', { months: p.value[0].toFixed(1) })}<br/>${p.value[1]} ${t(`chart.unit.${measure}`)}${p.value[2] === null ? '' : `<br/>Z = ${p.value[2]}`}`
            : `${p.seriesName} SD`,
      },
      xAxis: {
        type: 'value',
        name: byLength ? t('chart.lengthAxis') : t('chart.ageAxis'),
        nameLocation: 'middle',
        nameGap: 26,
        min: byLength ? (standing ? 65 : 45) : 0,
        max: byLength ? (standing ? 120 : 110) : Math.round(toDays / DAYS_PER_MONTH),
        interval: byLength ? 5 : 3,
      },
      yAxis: { type: 'value', name: t(`chart.unit.${measure}`), scale: true },
      series: [
        ...ZS.map((z, i) => ({
          name: z > 0 ? `+${z}` : String(z),
          type: 'line',
          showSymbol: false,
          silent: false,
          lineStyle: { width: z === 0 ? 2 : 1, type: Math.abs(z) === 3 ? 'dashed' : 'solid', color: LINE_COLORS[i] },
          itemStyle: { color: LINE_COLORS[i] },
          endLabel: compact ? undefined : { show: true, formatter: z > 0 ? `+${z}` : String(z), color: LINE_COLORS[i] },
          data: curves.map((pt) => [xOf(pt.x), Math.round(pt.values[i] * 100) / 100]),
        })),
        {
          name: 'child',
          type: 'line',
          data: own,
          symbolSize: 8,
          lineStyle: { color: '#1f6fd6', width: 2 },
          itemStyle: { color: '#1f6fd6' },
          z: 10,
        },
      ],
    };
  }, [measure, sex, ageDays, measurements, compact, t]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      {compact ? (
        <Select
          value={measure}
          onChange={(v) => setMeasure(v)}
          options={CHART_MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))}
          style={{ width: '100%' }}
          data-testid="growth-measure"
        />
      ) : (
        <Segmented
          value={measure}
          onChange={(v) => setMeasure(v as GrowthMeasure)}
          options={CHART_MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))}
          data-testid="growth-measure"
        />
      )}
      <div data-testid="growth-chart" data-points={measurements.map((m) => pointOf(m, measure)).filter(Boolean).length}>
        <Chart option={option} height={height} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('chart.source')}
      </Typography.Text>
    </Space>
  );
}
