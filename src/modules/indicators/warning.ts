/**
 * Targets and the five-colour warning (资源预警五色图, SPEC §3.12). Pure: the bands and the
 * targets are data (indicator_warning_bands, indicator_targets).
 */
import { ancestorsAndSelf } from './rollup.ts';

export type Direction = 'higher' | 'lower';
export type TargetKind = 'atLeast' | 'atMost' | 'historicalLow';
export type WarningColor = 'blue' | 'green' | 'yellow' | 'orange' | 'red';
export const WARNING_COLORS: WarningColor[] = ['blue', 'green', 'yellow', 'orange', 'red'];

export interface WarningBand {
  color: WarningColor;
  /** Attainment from which the colour starts; null for the lowest band. */
  minAttainment: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface Target {
  unitCode: string;
  year: number;
  kind: TargetKind;
  value: number | null;
}

/** The bands in force on 31 December of the year, best colour first. */
export function bandsForYear(bands: WarningBand[], year: number): WarningBand[] {
  const day = `${year}-12-31`;
  return bands
    .filter((b) => b.effectiveFrom <= day && (b.effectiveTo === null || b.effectiveTo > day))
    .sort((a, b) => (b.minAttainment ?? -Infinity) - (a.minAttainment ?? -Infinity));
}

/**
 * How far a value is towards its target: value ÷ target where higher is better, target ÷
 * value where lower is better (a lower value than the target is then above 1). A value of
 * 0 against an upper bound meets it fully; a target of 0 to reach from above is met only at 0.
 */
export function attainmentOf(value: number, target: number, direction: Direction): number {
  if (direction === 'higher') return target === 0 ? (value >= 0 ? Infinity : 0) : value / target;
  if (value === 0) return Infinity;
  return target / value;
}

export function colorFor(attainment: number, bands: WarningBand[]): WarningColor | null {
  for (const b of bands) if (b.minAttainment === null || attainment >= b.minAttainment) return b.color;
  return null;
}

/**
 * How a year's target came about: set for that year; held from an earlier year's target ("by
 * 2025" holds for the years after until a newer one replaces it); or on the path towards a
 * later target, interpolated from the previous target (or, before the first one, from the
 * unit's own value in the first year of data).
 */
export type TargetBasis = 'set' | 'held' | 'path';

export interface ResolvedTarget extends Target {
  basis: TargetBasis;
  /** The year of the target the value derives from (the later one for a path). */
  setYear: number;
}

/** The targets of one indicator, by unit, each unit's in year order. */
export function targetsByUnit(targets: Target[]): Map<string, Target[]> {
  const out = new Map<string, Target[]>();
  for (const t of targets) out.set(t.unitCode, [...(out.get(t.unitCode) ?? []), t]);
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}

/** A unit's own target for a year from its list (year order), or null. */
function fromOwn(list: Target[], year: number, baseline: { year: number; value: number | null } | null): Omit<ResolvedTarget, 'unitCode'> | null {
  const exact = list.find((t) => t.year === year);
  if (exact) return { ...exact, basis: 'set', setYear: year };
  const before = list.filter((t) => t.year < year).at(-1);
  const after = list.find((t) => t.year > year);
  if (after && after.kind !== 'historicalLow' && after.value !== null) {
    const from = before && before.kind === after.kind && before.value !== null ? { year: before.year, value: before.value } : before ? null : baseline;
    if (from && from.value !== null && from.year < year) {
      const value = from.value + ((after.value - from.value) * (year - from.year)) / (after.year - from.year);
      return { year, kind: after.kind, value, basis: 'path', setYear: after.year };
    }
  }
  if (before) return { ...before, year, basis: 'held', setYear: before.year };
  return null;
}

/**
 * The target a unit is held to in a year: from its own targets if it has one for the year
 * (set, held or on the path), else from its nearest ancestor's, which then says so by its
 * unit code. `baseline` is the unit's own value in the first year of data.
 */
export function targetFor(
  targets: Map<string, Target[]>,
  unitCode: string,
  year: number,
  baseline: { year: number; value: number | null } | null = null,
): ResolvedTarget | null {
  for (const code of ancestorsAndSelf(unitCode).reverse()) {
    const list = targets.get(code);
    if (!list) continue;
    const t = fromOwn(list, year, baseline);
    if (t) return { ...t, unitCode: code };
  }
  return null;
}

export interface Assessment {
  target: number | null;
  attainment: number | null;
  color: WarningColor | null;
}

/**
 * A value against its target. "Keep at historical low" (001 indicators 1–2) compares the
 * value with the lowest of the unit's own values in the years before.
 */
export function assess(
  value: number | null,
  target: Target | null,
  direction: Direction,
  history: { year: number; value: number | null }[],
  bands: WarningBand[],
): Assessment {
  if (value === null || !target) return { target: null, attainment: null, color: null };
  let goal: number | null = target.value;
  let dir: Direction = target.kind === 'atLeast' ? 'higher' : target.kind === 'atMost' ? 'lower' : direction;
  if (target.kind === 'historicalLow') {
    const earlier = history.filter((h) => h.year < target.year && h.value !== null).map((h) => h.value!);
    if (earlier.length === 0) return { target: null, attainment: null, color: null };
    goal = Math.min(...earlier);
    dir = 'lower';
  }
  if (goal === null) return { target: null, attainment: null, color: null };
  const attainment = attainmentOf(value, goal, dir);
  return { target: goal, attainment: Number.isFinite(attainment) ? attainment : null, color: colorFor(attainment, bands) };
}
