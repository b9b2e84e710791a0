import { Tag } from 'antd';
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
