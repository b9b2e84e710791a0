/**
 * An indicator's value for every unit and year from its rolled-up numerator and denominator,
 * with its target and colour. Pure; the refresh service feeds it and stores the rows.
 */
import { amountKey } from './rollup.ts';
import { assess, bandsForYear, targetFor, type Direction, type Target, type TargetBasis, type WarningBand, type WarningColor } from './warning.ts';

export type IndicatorUnit = 'percent' | 'permille' | 'per1000' | 'per10000' | 'count';

/** The factor a ratio is multiplied by for its unit. */
export const UNIT_SCALE: Record<IndicatorUnit, number> = { percent: 100, permille: 1000, per1000: 1000, per10000: 10000, count: 1 };

export interface IndicatorDefinition {
  code: string;
  numerator: string;
  denominator: string | null;
  unit: IndicatorUnit;
  direction: Direction;
  minLevel: number;
}

export interface ValueRow {
  indicatorCode: string;
  unitCode: string;
  year: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
  targetKind: Target['kind'] | null;
  target: number | null;
  targetUnitCode: string | null;
  /** How the year's target came about (set, held from an earlier year, on the path to a later one). */
  targetBasis: TargetBasis | null;
  /** The year of the target it derives from. */
  targetYear: number | null;
  attainment: number | null;
  color: WarningColor | null;
}

/** Rounds away binary noise without losing a displayed digit. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

export function computeIndicatorValues(
  def: IndicatorDefinition,
  units: { code: string; level: number }[],
  years: number[],
  numerator: Map<string, number>,
  denominator: Map<string, number> | null,
  targets: Map<string, Target[]>,
  bands: WarningBand[],
): ValueRow[] {
  const scale = UNIT_SCALE[def.unit];
  const out: ValueRow[] = [];
  const sortedYears = [...years].sort((a, b) => a - b);
  for (const u of units) {
    if (u.level > def.minLevel) continue;
    const history: { year: number; value: number | null }[] = [];
    for (const year of sortedYears) {
      const num = numerator.get(amountKey(u.code, year)) ?? 0;
      const den = denominator ? (denominator.get(amountKey(u.code, year)) ?? 0) : null;
      const value = den === null ? num : den > 0 ? tidy((num / den) * scale) : null;
      const first = history[0] ?? { year, value };
      const target = targetFor(targets, u.code, year, first);
      const a = assess(value, target, def.direction, history, bandsForYear(bands, year));
      out.push({
        indicatorCode: def.code,
        unitCode: u.code,
        year,
        numerator: num,
        denominator: den,
        value,
        targetKind: target?.kind ?? null,
        target: a.target === null ? null : tidy(a.target),
        targetUnitCode: target?.unitCode ?? null,
        targetBasis: target?.basis ?? null,
        targetYear: target?.setYear ?? null,
        attainment: a.attainment === null ? null : tidy(a.attainment),
        color: a.color,
      });
      history.push({ year, value });
    }
  }
  return out;
}
