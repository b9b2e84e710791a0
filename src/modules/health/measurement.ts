/**
 * One growth measurement assessed against the WHO standards: the length or height taken
 * to the position of the age, BMI, and the z-score of every indicator the measurement
 * allows. A z-score beyond WHO's limits of plausibility (the flags of WHO Anthro and
 * igrowup: length/height-for-age below −6 or above +6, weight-for-age below −6 or above +5,
 * weight-for-length/height, BMI-for-age and head circumference-for-age below −5 or above +5)
 * is almost always a measuring or typing error, so the measurement is refused.
 */
import { bmiOf, lengthForStandard, zScore, type GrowthMeasure, type LengthPosition, type Sex } from './growth.ts';

export const PLAUSIBLE_Z: Record<GrowthMeasure, [number, number]> = {
  'length-for-age': [-6, 6],
  'weight-for-age': [-6, 5],
  'weight-for-length': [-5, 5],
  'bmi-for-age': [-5, 5],
  'head-for-age': [-5, 5],
};

export interface Measured {
  weightKg?: number;
  lengthCm?: number;
  position?: LengthPosition;
  headCm?: number;
}

export interface MeasurementZ {
  weightForAge: number | null;
  lengthForAge: number | null;
  weightForLength: number | null;
  bmiForAge: number | null;
  headForAge: number | null;
}

export type Assessment =
  | { ok: true; bmi: number | null; z: MeasurementZ }
  | { ok: false; field: 'weightKg' | 'lengthCm' | 'headCm'; key: string; params?: Record<string, number> };

const round2 = (x: number) => Math.round(x * 100) / 100;

export function assessMeasurement(sex: Sex, ageDays: number, m: Measured): Assessment {
  const length = m.lengthCm !== undefined && m.position ? lengthForStandard(m.lengthCm, m.position, ageDays) : undefined;
  const bmi = m.weightKg !== undefined && length !== undefined ? bmiOf(m.weightKg, length) : null;
  const z: MeasurementZ = { weightForAge: null, lengthForAge: null, weightForLength: null, bmiForAge: null, headForAge: null };
  const checks: [keyof MeasurementZ, GrowthMeasure, number | null | undefined, 'weightKg' | 'lengthCm' | 'headCm', number | undefined][] = [
    ['weightForAge', 'weight-for-age', m.weightKg, 'weightKg', undefined],
    ['lengthForAge', 'length-for-age', length, 'lengthCm', undefined],
    ['weightForLength', 'weight-for-length', length !== undefined ? m.weightKg : undefined, 'weightKg', length],
    ['bmiForAge', 'bmi-for-age', bmi, 'weightKg', undefined],
    ['headForAge', 'head-for-age', m.headCm, 'headCm', undefined],
  ];
  for (const [key, measure, value, field, lengthCm] of checks) {
    if (value === undefined || value === null) continue;
    const r = zScore({ sex, ageDays, measure, value, lengthCm });
    // Outside the standard's ages or lengths there is simply no z-score for this indicator.
    if (!r.ok) continue;
    const [lo, hi] = PLAUSIBLE_Z[measure];
    if (r.z < lo || r.z > hi) return { ok: false, field, key: 'health.implausible', params: { z: round2(r.z) } };
    z[key] = round2(r.z);
  }
  return { ok: true, bmi: bmi === null ? null : round2(bmi), z };
}
