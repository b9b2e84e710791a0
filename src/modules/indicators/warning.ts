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

/** The target a unit is held to in a year: its own, else its nearest ancestor's. */
export function targetFor(targets: Map<string, Target>, unitCode: string, year: number): Target | null {
  for (const code of ancestorsAndSelf(unitCode).reverse()) {
    const t = targets.get(`${code}|${year}`);
    if (t) return t;
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
