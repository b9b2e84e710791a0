import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitValue } from '../../../src/modules/indicators/contract.ts';

/** The five colours of 资源预警五色图, as shown on maps, charts and tags. */
export const WARNING_HEX: Record<string, string> = { blue: '#1677ff', green: '#52c41a', yellow: '#fadb14', orange: '#fa8c16', red: '#f5222d' };
const TAG_COLOR: Record<string, string> = { blue: 'blue', green: 'green', yellow: 'gold', orange: 'orange', red: 'red' };

export function WarningTag({ color }: { color: UnitValue['color'] }) {
  const { t } = useTranslation('indicators');
  if (!color) return <Tag>{t('cockpit.noTarget')}</Tag>;
  return (
    <Tag color={TAG_COLOR[color]} data-testid={`warning-${color}`}>
      {t(`colors.${color}`)}
    </Tag>
  );
}

export function formatValue(v: number | null, unit: string, t: (k: string) => string): string {
  if (v === null) return t('cockpit.noValue');
  const n = Number.isInteger(v) ? String(v) : v.toFixed(2);
  const u = t(`units.${unit}`);
  return unit === 'percent' || unit === 'permille' ? `${n}${u}` : u ? `${n} ${u}` : n;
}

/**
 * Where a unit's target comes from, when it is not simply its own for the year: an
 * ancestor's, one held from an earlier year, or a year on the path towards a later one.
 */
export function TargetNote({ value: v }: { value: UnitValue | null | undefined }) {
  const { t, i18n } = useTranslation('indicators');
  if (!v || v.target === null || !v.targetBasis) return null;
  const unit = v.targetUnitCode && v.targetUnitCode !== v.unitCode ? (v.targetUnitName ?? '') : '';
  const note =
    v.targetBasis === 'held'
      ? t('cockpit.targetHeld', { unit, year: v.targetYear })
      : v.targetBasis === 'path'
        ? t('cockpit.targetPath', { unit, year: v.targetYear })
        : unit
          ? t('cockpit.targetAncestor', { unit })
          : null;
  if (!note) return null;
  return (
    <Typography.Text type="secondary" style={{ marginLeft: 8 }} data-testid="target-note">
      {i18n.language === 'zh-CN' ? `（${note}）` : `(${note})`}
    </Typography.Text>
  );
}
