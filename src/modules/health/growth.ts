/**
 * Growth against the WHO Child Growth Standards (2006), from the LMS parameters in
 * data/who-growth-standards.json (extracted from jsgrowup by scripts/extract-who-growth.ts).
 *
 * - z = ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L = 0 (WHO technical report, ch. 7).
 * - Weight-based indicators (weight-for-age, weight-for-length/height, BMI-for-age) use WHO's
 *   restricted application of the LMS method beyond ±3 SD: the distance past SD3 is measured
 *   in units of the SD2–SD3 distance. Length/height-for-age and head circumference-for-age
 *   are not adjusted.
 * - The shipped tables are weekly (0–13 weeks) and monthly, not WHO's daily tables: L, M and S
 *   are interpolated linearly between the two nearest table ages (or lengths, which are at
 *   0.5 cm steps), as WHO Anthro does between its 0.1 cm rows.
 * - Length-for-age is recumbent length under 731 days and standing height from 731 days;
 *   weight-for-length uses the length table under 731 days and the height table from 731.
 */
import who from './data/who-growth-standards.json' with { type: 'json' };

export type Sex = 'male' | 'female';
export type GrowthMeasure = 'weight-for-age' | 'length-for-age' | 'weight-for-length' | 'bmi-for-age' | 'head-for-age';
export const GROWTH_MEASURES: readonly GrowthMeasure[] = ['weight-for-age', 'length-for-age', 'weight-for-length', 'bmi-for-age', 'head-for-age'];
export type LengthPosition = 'recumbent' | 'standing';

type TableName = keyof typeof who.tables;
type Row = readonly number[];

export interface Lms {
  L: number;
  M: number;
  S: number;
}

/** From this age in days the standard uses standing height instead of recumbent length. */
export const STANDING_FROM_DAYS = 731;
/** The last age the shipped age tables reach: 60 months of 30.4375 days. */
export const MAX_AGE_DAYS = 1826;
/**
 * Weight-for-length/height is indexed by length, not age; the age only picks the table. WHO's
 * software takes it up to 1856 days (the end of the 0–5 year standards), and so does this.
 */
export const MAX_AGE_DAYS_BY_LENGTH = 1856;
/** WHO: a child under 2 measured standing is about 0.7 cm shorter than lying down. */
export const POSITION_DIFFERENCE_CM = 0.7;

const WEIGHT_BASED = new Set<GrowthMeasure>(['weight-for-age', 'weight-for-length', 'bmi-for-age']);

function rowsOf(table: TableName, sex: Sex): Row[] {
  return who.tables[table][sex] as Row[];
}

/** L, M and S at x, interpolated linearly between the nearest rows; null outside the table. */
export function lmsAt(rows: readonly Row[], x: number): Lms | null {
  if (rows.length === 0 || !Number.isFinite(x) || x < rows[0][0] || x > rows[rows.length - 1][0]) return null;
  let lo = 0;
  let hi = rows.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (rows[mid][0] <= x) lo = mid;
    else hi = mid;
  }
  const a = rows[lo];
  const b = rows[hi];
  const t = b[0] === a[0] ? 0 : (x - a[0]) / (b[0] - a[0]);
  return { L: a[1] + t * (b[1] - a[1]), M: a[2] + t * (b[2] - a[2]), S: a[3] + t * (b[3] - a[3]) };
}

/** The Box-Cox (LMS) z-score of a value. */
export function lmsZ(value: number, { L, M, S }: Lms): number {
  return L === 0 ? Math.log(value / M) / S : ((value / M) ** L - 1) / (L * S);
}

/** The value at a z-score: M·(1 + L·S·z)^(1/L), or M·exp(S·z) when L = 0. */
export function valueAtZ({ L, M, S }: Lms, z: number): number {
  return L === 0 ? M * Math.exp(S * z) : M * (1 + L * S * z) ** (1 / L);
}

/**
 * WHO's restricted application of the LMS method for weight-based indicators: beyond +3 SD,
 * z* = 3 + (X − SD3)/(SD3 − SD2); below −3 SD, z* = −3 + (X − SD−3)/(SD−2 − SD−3).
 */
export function restrictedZ(value: number, lms: Lms): number {
  const z = lmsZ(value, lms);
  if (z > 3) {
    const sd3 = valueAtZ(lms, 3);
    return 3 + (value - sd3) / (sd3 - valueAtZ(lms, 2));
  }
  if (z < -3) {
    const sd3neg = valueAtZ(lms, -3);
    return -3 + (value - sd3neg) / (valueAtZ(lms, -2) - sd3neg);
  }
  return z;
}

/**
 * Φ(z), the standard normal distribution function, through the complementary error function
 * in its Chebyshev-fitted form (Press et al., Numerical Recipes, 2nd ed., §6.2, erfcc):
 * fractional error below 1.2e-7 everywhere.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** BMI in kg/m² from weight and length or height. */
export function bmiOf(weightKg: number, lengthCm: number): number {
  const m = lengthCm / 100;
  return weightKg / (m * m);
}

/**
 * The length or height the standard expects at an age, from a measurement taken lying or
 * standing: +0.7 cm for a child under 731 days measured standing, −0.7 cm for a child of
 * 731 days or more measured lying (WHO Child Growth Standards, methods §, as in WHO Anthro).
 */
export function lengthForStandard(valueCm: number, position: LengthPosition, ageDays: number): number {
  if (ageDays < STANDING_FROM_DAYS && position === 'standing') return valueCm + POSITION_DIFFERENCE_CM;
  if (ageDays >= STANDING_FROM_DAYS && position === 'recumbent') return valueCm - POSITION_DIFFERENCE_CM;
  return valueCm;
}

/** Which table an indicator uses at an age, and what indexes it (age in days, or cm). */
export function tableFor(measure: GrowthMeasure, ageDays: number): { table: TableName; by: 'age' | 'length' } {
  const standing = ageDays >= STANDING_FROM_DAYS;
  switch (measure) {
    case 'weight-for-age':
      return { table: 'weight-for-age', by: 'age' };
    case 'length-for-age':
      return { table: standing ? 'height-for-age' : 'length-for-age', by: 'age' };
    case 'head-for-age':
      return { table: 'head-for-age', by: 'age' };
    case 'bmi-for-age':
      return { table: standing ? 'bmi-for-age-height' : 'bmi-for-age-length', by: 'age' };
    case 'weight-for-length':
      return { table: standing ? 'weight-for-height' : 'weight-for-length', by: 'length' };
  }
}

/** The range of the index a table covers (days or cm), for error messages and charts. */
export function tableRange(table: TableName, sex: Sex): [number, number] {
  const rows = rowsOf(table, sex);
  return [rows[0][0], rows[rows.length - 1][0]];
}

export interface ZScoreInput {
  sex: Sex;
  ageDays: number;
  measure: GrowthMeasure;
  /** kg, cm, or kg/m² for BMI; length and BMI already in the position of the age. */
  value: number;
  /** For weight-for-length: the length (under 731 days) or height (from 731 days) in cm. */
  lengthCm?: number;
}

export type ZScoreIssue = { field: 'ageDays' | 'lengthCm' | 'value'; key: string; params?: Record<string, number> };
export type ZScoreResult = { ok: true; z: number; percentile: number; lms: Lms } | { ok: false; issue: ZScoreIssue };

/** The z-score (adjusted beyond ±3 SD for weight-based indicators) and percentile of a measurement. */
export function zScore(input: ZScoreInput): ZScoreResult {
  if (!Number.isFinite(input.ageDays)) return { ok: false, issue: { field: 'ageDays', key: 'required' } };
  const { table, by } = tableFor(input.measure, input.ageDays);
  const maxAge = by === 'length' ? MAX_AGE_DAYS_BY_LENGTH : MAX_AGE_DAYS;
  if (input.ageDays < 0 || input.ageDays > maxAge) {
    return { ok: false, issue: { field: 'ageDays', key: 'health.ageOutOfStandard', params: { max: maxAge } } };
  }
  if (!(input.value > 0)) return { ok: false, issue: { field: 'value', key: 'tooSmall', params: { min: 0 } } };
  let x = input.ageDays;
  if (by === 'length') {
    if (input.lengthCm === undefined || !Number.isFinite(input.lengthCm)) return { ok: false, issue: { field: 'lengthCm', key: 'required' } };
    x = input.lengthCm;
  }
  const lms = lmsAt(rowsOf(table, input.sex), x);
  if (!lms) {
    const [min, max] = tableRange(table, input.sex);
    return by === 'length'
      ? { ok: false, issue: { field: 'lengthCm', key: 'health.lengthOutOfStandard', params: { min, max } } }
      : { ok: false, issue: { field: 'ageDays', key: 'health.ageOutOfStandard', params: { max: MAX_AGE_DAYS } } };
  }
  const z = WEIGHT_BASED.has(input.measure) ? restrictedZ(input.value, lms) : lmsZ(input.value, lms);
  return { ok: true, z, percentile: normalCdf(z) * 100, lms };
}

/** The measurement at a z-score of an indicator (age in days; lengthCm for weight-for-length), or null outside the tables. */
export function valueForZ(sex: Sex, measure: GrowthMeasure, ageDays: number, z: number, lengthCm?: number): number | null {
  const { table, by } = tableFor(measure, ageDays);
  const lms = lmsAt(rowsOf(table, sex), by === 'length' ? (lengthCm ?? Number.NaN) : ageDays);
  return lms ? valueAtZ(lms, z) : null;
}

/** z rounded to two decimals, as WHO's software reports it; percentile to one. */
export function roundZ(z: number): number {
  return Math.round(z * 100) / 100;
}

export interface CurvePoint {
  /** Age in days, or length/height in cm for weight-for-length. */
  x: number;
  /** The value at each requested z. */
  values: number[];
}

/**
 * Reference curves of an indicator for charts: the values at the given z-scores at every
 * table row from `fromX` to `toX` (age in days; length or height in cm for
 * weight-for-length). Age-based indicators join the length and height tables at 731 days;
 * weight-for-length uses the length table, or the height table when `standing`.
 */
export function referenceCurves(sex: Sex, measure: GrowthMeasure, zs: readonly number[], fromX: number, toX: number, standing = false): CurvePoint[] {
  const { table } = tableFor(measure, standing ? STANDING_FROM_DAYS : 0);
  const tables: TableName[] =
    measure === 'length-for-age' ? ['length-for-age', 'height-for-age'] : measure === 'bmi-for-age' ? ['bmi-for-age-length', 'bmi-for-age-height'] : [table];
  const points: CurvePoint[] = [];
  for (const t of tables) {
    for (const row of rowsOf(t, sex)) {
      if (row[0] < fromX || row[0] > toX) continue;
      const lms = { L: row[1], M: row[2], S: row[3] };
      points.push({ x: row[0], values: zs.map((z) => valueAtZ(lms, z)) });
    }
  }
  return points;
}

/** Where the standard comes from, for the API and the docs. */
export const GROWTH_STANDARD_SOURCE = { standard: who.standard, source: who.source, licence: who.licence };
