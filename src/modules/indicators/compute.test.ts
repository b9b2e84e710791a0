import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rollUp, amountKey } from './rollup.ts';
import { computeIndicatorValues, type IndicatorDefinition } from './compute.ts';
import { assess, attainmentOf, bandsForYear, colorFor, targetFor, targetsByUnit, type Target, type WarningBand } from './warning.ts';

// The platform's default bands (migrations/0301_indicator_registry.sql).
const BANDS: WarningBand[] = [
  { color: 'blue', minAttainment: 1.1, effectiveFrom: '2022-01-01', effectiveTo: null },
  { color: 'green', minAttainment: 1.0, effectiveFrom: '2022-01-01', effectiveTo: null },
  { color: 'yellow', minAttainment: 0.95, effectiveFrom: '2022-01-01', effectiveTo: null },
  { color: 'orange', minAttainment: 0.85, effectiveFrom: '2022-01-01', effectiveTo: null },
  { color: 'red', minAttainment: null, effectiveFrom: '2022-01-01', effectiveTo: null },
];

const UNITS = [
  { code: '3306', level: 1 },
  { code: '330683', level: 2 },
  { code: '330683001', level: 3 },
  { code: '330683001001', level: 4 },
  { code: '330683001002', level: 4 },
  { code: '330683002', level: 3 },
  { code: '330683002001', level: 4 },
];

const RATE: IndicatorDefinition = { code: 'rate', numerator: 'n', denominator: 'd', unit: 'percent', direction: 'higher', minLevel: 4 };

describe('roll-up', () => {
  it('sums a village into its township, county and city', () => {
    const m = rollUp([
      { unitCode: '330683001001', year: 2025, amount: 3 },
      { unitCode: '330683001002', year: 2025, amount: 4 },
      { unitCode: '330683002', year: 2025, amount: 10 },
    ]);
    expect(m.get(amountKey('330683001', 2025))).toBe(7);
    expect(m.get(amountKey('330683002', 2025))).toBe(10);
    expect(m.get(amountKey('330683', 2025))).toBe(17);
    expect(m.get(amountKey('3306', 2025))).toBe(17);
    expect(m.get(amountKey('3306', 2024))).toBeUndefined();
  });

  it('recomputes a county ratio from summed numerators and denominators, never from an average of ratios', () => {
    // Village A: 9 of 10 screened (90%); village B: 1 of 90 (1.1%). Mean of ratios: 45.6%;
    // the county's rate is (9 + 1) ÷ (10 + 90) = 10%.
    const num = rollUp([
      { unitCode: '330683001001', year: 2025, amount: 9 },
      { unitCode: '330683001002', year: 2025, amount: 1 },
    ]);
    const den = rollUp([
      { unitCode: '330683001001', year: 2025, amount: 10 },
      { unitCode: '330683001002', year: 2025, amount: 90 },
    ]);
    const rows = computeIndicatorValues(RATE, UNITS, [2025], num, den, new Map(), BANDS);
    const at = (code: string) => rows.find((r) => r.unitCode === code)!;
    expect(at('330683001001').value).toBe(90);
    expect(at('330683001002').value).toBeCloseTo(1.111111, 5);
    expect(at('330683001')).toMatchObject({ numerator: 10, denominator: 100, value: 10 });
    expect(at('330683').value).toBe(10);
    expect(at('330683002').value).toBeNull(); // no children there: no rate, not 0%
  });

  it('holds for any data: every unit’s value is its summed numerator over its summed denominator', () => {
    const leaf = fc.constantFrom('330683001001', '330683001002', '330683002001');
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitCode: leaf, year: fc.constantFrom(2024, 2025), amount: fc.integer({ min: 0, max: 50 }) })),
        fc.array(fc.record({ unitCode: leaf, year: fc.constantFrom(2024, 2025), amount: fc.integer({ min: 1, max: 500 }) })),
        (nums, dens) => {
          const rows = computeIndicatorValues(RATE, UNITS, [2024, 2025], rollUp(nums), rollUp(dens), new Map(), BANDS);
          for (const r of rows) {
            const inUnit = (x: { unitCode: string; year: number }) => x.year === r.year && x.unitCode.startsWith(r.unitCode);
            const n = nums.filter(inUnit).reduce((s, x) => s + x.amount, 0);
            const d = dens.filter(inUnit).reduce((s, x) => s + x.amount, 0);
            expect(r.numerator).toBe(n);
            expect(r.denominator).toBe(d);
            if (d === 0) expect(r.value).toBeNull();
            else expect(r.value).toBeCloseTo((n / d) * 100, 5);
          }
        },
      ),
    );
  });

  it('only computes down to the indicator’s level', () => {
    const rows = computeIndicatorValues({ ...RATE, minLevel: 2 }, UNITS, [2025], new Map(), new Map(), new Map(), BANDS);
    expect(rows.map((r) => r.unitCode)).toEqual(['3306', '330683']);
  });
});

describe('five-colour warning', () => {
  it.each([
    [1.2, 'blue'],
    [1.1, 'blue'],
    [1.0999, 'green'],
    [1.0, 'green'],
    [0.97, 'yellow'],
    [0.95, 'yellow'],
    [0.9, 'orange'],
    [0.85, 'orange'],
    [0.8499, 'red'],
    [0, 'red'],
  ])('attainment %s is %s', (attainment, color) => {
    expect(colorFor(attainment, bandsForYear(BANDS, 2025))).toBe(color);
  });

  it('measures attainment the right way round for lower-is-better targets', () => {
    expect(attainmentOf(93, 93, 'higher')).toBe(1);
    expect(attainmentOf(2.0, 2.2, 'lower')).toBeCloseTo(1.1);
    expect(attainmentOf(0, 2.2, 'lower')).toBe(Infinity);
  });

  it('uses the bands in force in the year, so a new dated set replaces the old one', () => {
    const stricter: WarningBand[] = [
      ...BANDS.map((b) => ({ ...b, effectiveTo: '2026-01-01' })),
      { color: 'blue', minAttainment: 1.2, effectiveFrom: '2026-01-01', effectiveTo: null },
      { color: 'green', minAttainment: 1.0, effectiveFrom: '2026-01-01', effectiveTo: null },
      { color: 'yellow', minAttainment: 0.98, effectiveFrom: '2026-01-01', effectiveTo: null },
      { color: 'orange', minAttainment: 0.9, effectiveFrom: '2026-01-01', effectiveTo: null },
      { color: 'red', minAttainment: null, effectiveFrom: '2026-01-01', effectiveTo: null },
    ];
    expect(colorFor(0.96, bandsForYear(stricter, 2025))).toBe('yellow');
    expect(colorFor(0.96, bandsForYear(stricter, 2026))).toBe('orange');
    expect(colorFor(1.15, bandsForYear(stricter, 2026))).toBe('green');
  });

  it('holds a unit to its nearest ancestor’s target when it has none of its own', () => {
    const targets = targetsByUnit([
      { unitCode: '3306', year: 2025, kind: 'atLeast', value: 4.6 },
      { unitCode: '330683', year: 2025, kind: 'atLeast', value: 4.6 },
      { unitCode: '330683', year: 2026, kind: 'atLeast', value: 5.0 },
    ]);
    expect(targetFor(targets, '330683001001', 2026)).toMatchObject({ value: 5.0, unitCode: '330683', basis: 'set' });
    expect(targetFor(targets, '330602001', 2025)).toMatchObject({ value: 4.6, unitCode: '3306', basis: 'set' });
  });

  it('holds a target "by 2025" for the years after it, until a newer one replaces it', () => {
    const targets = targetsByUnit([
      { unitCode: '3306', year: 2025, kind: 'atLeast', value: 4.6 },
      { unitCode: '3306', year: 2028, kind: 'atLeast', value: 5.5 },
    ]);
    expect(targetFor(targetsByUnit([{ unitCode: '3306', year: 2025, kind: 'atLeast', value: 4.6 }]), '330602001', 2026)).toMatchObject({ value: 4.6, unitCode: '3306', basis: 'held', setYear: 2025, year: 2026 });
    expect(targetFor(targets, '3306', 2029)).toMatchObject({ value: 5.5, basis: 'held', setYear: 2028 });
    // Once a newer target is set, the years up to it are on the path from the older one.
    expect(targetFor(targets, '3306', 2026)).toMatchObject({ basis: 'path', setYear: 2028 });
    expect(targetFor(targets, '3306', 2026)!.value).toBeCloseTo(4.9, 9);
  });

  it('puts the years before a target on the path towards it', () => {
    const targets = targetsByUnit([
      { unitCode: '3306', year: 2023, kind: 'atLeast', value: 4.0 },
      { unitCode: '3306', year: 2025, kind: 'atLeast', value: 4.6 },
    ]);
    // Between two targets: linear from the earlier to the later.
    expect(targetFor(targets, '3306', 2024)).toMatchObject({ basis: 'path', setYear: 2025, kind: 'atLeast' });
    expect(targetFor(targets, '3306', 2024)!.value).toBeCloseTo(4.3, 9);
    // Before the first: linear from the unit's own value in the first year of data.
    expect(targetFor(targets, '330602', 2022, { year: 2021, value: 3.0 })!.value).toBeCloseTo(3.5, 9);
    // Without a baseline there is no path, and nothing is held before the first target.
    expect(targetFor(targets, '330602', 2022)).toBeNull();
    // A unit's own target list wins over its ancestor's, even when the ancestor's is set for the year.
    const own = targetsByUnit([
      { unitCode: '3306', year: 2024, kind: 'atLeast', value: 9 },
      { unitCode: '330683', year: 2023, kind: 'atLeast', value: 4.0 },
    ]);
    expect(targetFor(own, '330683001', 2024)).toMatchObject({ unitCode: '330683', value: 4.0, basis: 'held' });
  });

  it('gives the years of a stored series their basis, and red only behind target', () => {
    const units = [{ code: '3306', level: 1 }];
    const num = new Map([2022, 2023, 2024, 2025, 2026].map((y) => [`3306|${y}`, 10] as [string, number]));
    const rows = computeIndicatorValues(
      { code: 'x', numerator: 'n', denominator: null, unit: 'count', direction: 'higher', minLevel: 1 },
      units,
      [2022, 2023, 2024, 2025, 2026],
      num,
      null,
      targetsByUnit([{ unitCode: '3306', year: 2025, kind: 'atLeast', value: 20 }]),
      BANDS,
    );
    expect(rows.map((r) => r.targetBasis)).toEqual([null, 'path', 'path', 'set', 'held']);
    expect(rows.map((r) => r.target)).toEqual([null, 13.333333, 16.666667, 20, 20]); // from 10 in 2022 to 20 in 2025
    expect(rows.at(-1)!.color).toBe('red'); // 10 of 20
    expect(rows.every((r) => r.color !== 'red' || (r.attainment ?? 1) < 1)).toBe(true);
  });

  it('compares "keep at historical low" with the unit’s own earlier values (001 indicators 1–2)', () => {
    const low: Target = { unitCode: '330683', year: 2025, kind: 'historicalLow', value: null };
    const history = [
      { year: 2022, value: 1.46 },
      { year: 2023, value: 1.6 },
      { year: 2024, value: 1.5 },
    ];
    const bands = bandsForYear(BANDS, 2025);
    expect(assess(1.46, low, 'lower', history, bands)).toMatchObject({ target: 1.46, attainment: 1, color: 'green' });
    expect(assess(1.2, low, 'lower', history, bands).color).toBe('blue');
    expect(assess(1.7, low, 'lower', history, bands).color).toBe('orange'); // 1.46 ÷ 1.7 = 0.859
    expect(assess(1.2, low, 'lower', [], bands).color).toBeNull(); // no history yet
  });
});
