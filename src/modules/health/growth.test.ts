import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bmiOf,
  lengthForStandard,
  lmsAt,
  lmsZ,
  normalCdf,
  referenceCurves,
  restrictedZ,
  tableFor,
  valueAtZ,
  zScore,
  type Lms,
} from './growth.ts';

const require = createRequire(import.meta.url);
const jsgrowupTables = path.join(path.dirname(require.resolve('jsgrowup/package.json')), 'tables');
const published = (name: string) => JSON.parse(fs.readFileSync(path.join(jsgrowupTables, `${name}_zscores.json`), 'utf8')) as Record<string, string>[];

// WHO weight-for-age, boys, birth (WHO Child Growth Standards, wfa_boys_0_5_zscores).
const WFA_BOYS_BIRTH: Lms = { L: 0.3487, M: 3.3464, S: 0.14602 };

describe('the LMS formula', () => {
  it('gives 0 at the median and the percentile of the normal distribution', () => {
    expect(lmsZ(3.3464, WFA_BOYS_BIRTH)).toBeCloseTo(0, 12);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('is the inverse of the value at a z-score, also for L = 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(WFA_BOYS_BIRTH, { L: 0, M: 10, S: 0.1 }, { L: 1, M: 50, S: 0.035 }), (z, lms) => {
        expect(lmsZ(valueAtZ(lms, z), lms)).toBeCloseTo(z, 9);
      }),
    );
  });

  // The published tables list the values at −3…+3 SD (rounded to 0.1): the LMS values
  // must reproduce every one of them.
  it.each([
    ['wfa_boys_0_5'],
    ['wfa_girls_0_5'],
    ['lhfa_boys_0_2'],
    ['lhfa_girls_2_5'],
    ['hcfa_girls_0_5'],
    ['bmifa_boys_0_2'],
    ['wfl_girls_0_2'],
    ['wfh_boys_2_5'],
  ])('reproduces the SD columns of WHO table %s', (name) => {
    const cols = { SD3neg: -3, SD2neg: -2, SD1neg: -1, SD0: 0, SD1: 1, SD2: 2, SD3: 3 } as const;
    for (const row of published(name)) {
      const lms = { L: Number(row.L), M: Number(row.M), S: Number(row.S) };
      for (const [col, z] of Object.entries(cols)) expect(Math.abs(valueAtZ(lms, z) - Number(row[col]))).toBeLessThanOrEqual(0.0501);
    }
  });
});

describe('WHO restricted adjustment beyond ±3 SD', () => {
  const sd = (z: number) => valueAtZ(WFA_BOYS_BIRTH, z);

  it('measures the distance past SD3 in SD2–SD3 units', () => {
    const x = sd(3) + (sd(3) - sd(2));
    expect(restrictedZ(x, WFA_BOYS_BIRTH)).toBeCloseTo(4, 10);
    expect(lmsZ(x, WFA_BOYS_BIRTH)).not.toBeCloseTo(4, 2);
    const y = sd(-3) - 0.5 * (sd(-2) - sd(-3));
    expect(restrictedZ(y, WFA_BOYS_BIRTH)).toBeCloseTo(-3.5, 10);
  });

  it('leaves z within ±3 unchanged', () => {
    for (const z of [-3, -2.5, 0, 1.7, 3]) expect(restrictedZ(sd(z), WFA_BOYS_BIRTH)).toBeCloseTo(z, 10);
  });

  it('applies to weight-based indicators only', () => {
    // Length-for-age and head circumference (L = 1): 4 SD from the median scores exactly ±4.
    const lhfa = zScore({ sex: 'male', ageDays: 0, measure: 'length-for-age', value: 49.8842 * (1 + 4 * 0.03795) });
    expect(lhfa.ok && lhfa.z).toBeCloseTo(4, 3);
    const hc = zScore({ sex: 'male', ageDays: 0, measure: 'head-for-age', value: 34.4618 * (1 - 4 * 0.03686) });
    expect(hc.ok && hc.z).toBeCloseTo(-4, 3);
    // Weight-for-age at birth: the value at LMS z = 4 scores less than 4 once adjusted.
    const heavy = zScore({ sex: 'male', ageDays: 0, measure: 'weight-for-age', value: valueAtZ(WFA_BOYS_BIRTH, 4) });
    expect(heavy.ok && heavy.z).not.toBeCloseTo(4, 1);
    expect(heavy.ok && heavy.z).toBeCloseTo(restrictedZ(valueAtZ(WFA_BOYS_BIRTH, 4), WFA_BOYS_BIRTH), 6);
  });
});

describe('tables by age and position', () => {
  it('uses recumbent length under 731 days and standing height from 731 days', () => {
    expect(tableFor('length-for-age', 730).table).toBe('length-for-age');
    expect(tableFor('length-for-age', 731).table).toBe('height-for-age');
    expect(tableFor('weight-for-length', 730).table).toBe('weight-for-length');
    expect(tableFor('weight-for-length', 731).table).toBe('weight-for-height');
    expect(tableFor('bmi-for-age', 730).table).toBe('bmi-for-age-length');
    expect(tableFor('bmi-for-age', 731).table).toBe('bmi-for-age-height');
  });

  it.each([
    [80, 'standing', 730, 80.7],
    [80, 'recumbent', 730, 80],
    [85, 'recumbent', 731, 84.3],
    [85, 'standing', 731, 85],
  ] as const)('%s cm measured %s at %s days counts as %s cm', (value, position, age, expected) => {
    expect(lengthForStandard(value, position, age)).toBeCloseTo(expected, 10);
  });

  it('interpolates L, M and S linearly between table ages', () => {
    const rows = [
      [0, 0.3, 3, 0.1],
      [10, 0.1, 5, 0.2],
    ];
    expect(lmsAt(rows, 0)).toEqual({ L: 0.3, M: 3, S: 0.1 });
    const mid = lmsAt(rows, 5)!;
    expect([mid.L, mid.M, mid.S].map((v) => Number(v.toFixed(10)))).toEqual([0.2, 4, 0.15]);
    expect(lmsAt(rows, 10.01)).toBeNull();
    expect(lmsAt(rows, -1)).toBeNull();
  });

  it('meets the WHO monthly median past week 13 (month 4 = 121.75 days) exactly', () => {
    const month4 = published('wfa_girls_0_5')[4];
    const r = zScore({ sex: 'female', ageDays: 121.75, measure: 'weight-for-age', value: Number(month4.M) });
    expect(r.ok && r.z).toBeCloseTo(0, 10);
  });
});

describe('z-score input checks', () => {
  it.each([
    [{ sex: 'male', ageDays: 1827, measure: 'weight-for-age', value: 18 }, 'ageDays', 'health.ageOutOfStandard'],
    [{ sex: 'male', ageDays: -1, measure: 'head-for-age', value: 40 }, 'ageDays', 'health.ageOutOfStandard'],
    [{ sex: 'female', ageDays: 300, measure: 'weight-for-length', value: 8 }, 'lengthCm', 'required'],
    [{ sex: 'female', ageDays: 300, measure: 'weight-for-length', value: 8, lengthCm: 44.5 }, 'lengthCm', 'health.lengthOutOfStandard'],
    [{ sex: 'female', ageDays: 700, measure: 'weight-for-length', value: 15, lengthCm: 110.5 }, 'lengthCm', 'health.lengthOutOfStandard'],
    [{ sex: 'male', ageDays: 731, measure: 'weight-for-length', value: 7, lengthCm: 64.5 }, 'lengthCm', 'health.lengthOutOfStandard'],
    [{ sex: 'male', ageDays: 100, measure: 'weight-for-age', value: 0 }, 'value', 'tooSmall'],
    [{ sex: 'male', ageDays: Number.NaN, measure: 'weight-for-age', value: 6 }, 'ageDays', 'required'],
    [{ sex: 'male', ageDays: 800, measure: 'weight-for-length', value: 12, lengthCm: Number.NaN }, 'lengthCm', 'required'],
  ] as const)('%j → %s %s', (input, field, key) => {
    const r = zScore(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ field, key });
  });
});

describe('percentiles', () => {
  it.each([
    [0, 50],
    [1.96, 97.5],
    [-1.6449, 5],
    [2, 97.725],
    [-3, 0.135],
    [1, 84.134],
  ])('Φ(%s) = %s %%', (z, pct) => {
    expect(normalCdf(z) * 100).toBeCloseTo(pct, 2);
  });
});

describe('BMI and reference curves', () => {
  it('computes BMI in kg/m²', () => {
    expect(bmiOf(10.4, 84.8)).toBeCloseTo(14.4624, 3);
  });

  it('gives the WHO median curve at its table points', () => {
    const curve = referenceCurves('male', 'weight-for-age', [0], 0, 0);
    expect(curve).toEqual([{ x: 0, values: [3.3464] }]);
    const both = referenceCurves('female', 'length-for-age', [-2, 0, 2], 700, 800);
    expect(both.map((p) => p.x)).toEqual([700.0625, 730.5, 730.5, 760.9375, 791.375]);
  });
});
