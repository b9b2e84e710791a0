import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.ts';
import { CURRENT_STANDARD, LEVEL_SETTINGS, checkScores, itemsOf, resultLevel, scoreSheet } from './standard.ts';
import { gradeOn } from './history.ts';

const ok = { registered: true, filed: true, openedOn: '2025-01-10', healthEvaluation: true };

describe('eligibility to apply (004: registered, filed, operating six months, health evaluation passed)', () => {
  it('admits a registered, filed center operating for six months with a health evaluation', () => {
    expect(checkEligibility(ok, '2025-07-10', 6)).toEqual({ eligible: true, checkedOn: '2025-07-10', failures: [] });
  });
  it('refuses a center operating under six months, saying from when it may apply', () => {
    const r = checkEligibility(ok, '2025-07-09', 6);
    expect(r.eligible).toBe(false);
    expect(r.failures).toEqual([{ condition: 'operatingSixMonths', params: { months: 6, openedOn: '2025-01-10', eligibleFrom: '2025-07-10' } }]);
  });
  it('lists every failed condition in order', () => {
    const r = checkEligibility({ registered: false, filed: false, openedOn: null, healthEvaluation: false }, '2026-01-01', 6);
    expect(r.failures.map((f) => f.condition)).toEqual(['registered', 'filed', 'operatingSixMonths', 'healthEvaluation']);
  });
});

const full = Object.fromEntries(itemsOf(CURRENT_STANDARD).map((i) => [i.code, i.max]));

describe('the standard (WS/T 821—2023: seven dimensions, 1,000 points)', () => {
  it('has the dimension maxima of the standard and items that sum to them', () => {
    expect(CURRENT_STANDARD.dimensions.map((d) => [d.code, d.max])).toEqual([
      ['conditions', 100], ['staff', 140], ['care', 200], ['health', 210], ['parenting', 80], ['safety', 200], ['management', 70],
    ]);
    for (const d of CURRENT_STANDARD.dimensions) expect(d.items.reduce((s, i) => s + i.max, 0)).toBe(d.max);
    expect(scoreSheet(CURRENT_STANDARD, full).total).toBe(1000);
  });
  it('checks a score sheet: unknown items, out-of-range or fractional scores, missing items', () => {
    expect(checkScores(CURRENT_STANDARD, full, true)).toEqual([]);
    expect(checkScores(CURRENT_STANDARD, { 'staff.ratio': 41, nope: 1, 'care.responsive': 2.5 }, false).map((i) => [i.field, i.key])).toEqual([
      ['scores.staff.ratio', 'grading.scoreRange'], ['scores.nope', 'grading.unknownItem'], ['scores.care.responsive', 'grading.scoreRange'],
    ]);
    expect(checkScores(CURRENT_STANDARD, { 'staff.ratio': 40 }, true)).toHaveLength(itemsOf(CURRENT_STANDARD).length - 1);
  });
});

describe('the result of an on-site assessment', () => {
  const zero = (re: RegExp) => Object.fromEntries(Object.entries(full).map(([k, v]) => [k, re.test(k) ? 0 : v]));
  const minus = (points: number, from = 'care.earlyDevelopment') => ({ ...full, [from]: full[from] - points });
  it('grants the level applied for when its pass mark is reached', () => {
    expect(resultLevel(LEVEL_SETTINGS, 'grade2', scoreSheet(CURRENT_STANDARD, minus(60))).level).toBe('grade2');
  });
  it('grants a lower level when the total falls short of the level applied for, and never a higher one', () => {
    const r = resultLevel(LEVEL_SETTINGS, 'grade1', scoreSheet(CURRENT_STANDARD, zero(/^(care|parenting|management)\./)));
    expect(scoreSheet(CURRENT_STANDARD, zero(/^(care|parenting|management)\./)).total).toBe(650);
    expect(r.level).toBe('grade3');
    expect(r.reasons[0].key).toBe('grading.reason.belowApplied');
    expect(resultLevel(LEVEL_SETTINGS, 'grade3', scoreSheet(CURRENT_STANDARD, full)).level).toBe('grade3');
  });
  it('grants nothing below the lowest pass mark', () => {
    const scores = Object.fromEntries(Object.entries(full).map(([k, v]) => [k, itemsOf(CURRENT_STANDARD).find((i) => i.code === k)!.veto ? v : 0]));
    expect(resultLevel(LEVEL_SETTINGS, 'grade3', scoreSheet(CURRENT_STANDARD, scores)).level).toBeNull();
  });
  it('grants nothing when a basic item fails, whatever the total (one-vote veto)', () => {
    const r = resultLevel(LEVEL_SETTINGS, 'grade3', scoreSheet(CURRENT_STANDARD, { ...full, 'safety.surveillance': 49 }));
    expect(r).toEqual({ level: null, reasons: [{ key: 'grading.reason.veto', params: { item: 'safety.surveillance' } }] });
  });
});

describe('grade history', () => {
  const records = [
    { level: 'grade3' as const, validFrom: '2023-06-01', validTo: '2026-05-31', endedOn: '2025-03-01' },
    { level: 'grade2' as const, validFrom: '2025-03-01', validTo: '2028-02-29', endedOn: '2026-10-10' },
    { level: 'grade3' as const, validFrom: '2026-10-10', validTo: '2028-02-29', endedOn: null },
  ];
  it('gives the level of each day: superseded by re-evaluation, then downgraded', () => {
    expect(gradeOn(records, '2023-05-31')).toBeNull();
    expect(gradeOn(records, '2025-02-28')).toBe('grade3');
    expect(gradeOn(records, '2025-03-01')).toBe('grade2');
    expect(gradeOn(records, '2026-10-09')).toBe('grade2');
    expect(gradeOn(records, '2026-10-10')).toBe('grade3');
    expect(gradeOn(records, '2028-03-01')).toBeNull();
  });
});
