import { describe, expect, it } from 'vitest';
import { WARNING_SIGN_BANDS, bandFor, evaluateWarningSigns } from './warningSigns.ts';

describe('the warning-signs checklist', () => {
  it('has four signs at each check age from 3 months to 6 years', () => {
    expect(WARNING_SIGN_BANDS.map((b) => b.ageMonths)).toEqual([3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72]);
    expect(WARNING_SIGN_BANDS.every((b) => b.signs.length === 4)).toBe(true);
    expect(bandFor(18)!.signs[0].zh).toBe('不会有意识叫“爸爸”或“妈妈”');
    expect(bandFor(24)!.signs.map((s) => s.zh)).toEqual(['不会说3个物品的名称', '不会按吩咐做简单事情', '不会用勺吃饭', '不会扶栏上楼梯/台阶']);
  });

  it.each([
    [2, null],
    [3, 3],
    [5, 3],
    [10, 8],
    [12, 12],
    [23, 18],
    [35, 30],
    [36, 36],
    [47, 36],
    [80, 72],
  ])('at %s months uses the %s-month band', (age, band) => {
    expect(bandFor(age)?.ageMonths ?? null).toBe(band);
  });
});

describe('the screening rule', () => {
  it.each([
    ['no sign, no regression', { ageMonths: 12, signsPresent: [], regression: false }, 'negative', []],
    ['one sign of the band', { ageMonths: 12, signsPresent: [3], regression: false }, 'positive', ['sign']],
    ['all four signs', { ageMonths: 30, signsPresent: [1, 2, 3, 4], regression: false }, 'positive', ['sign']],
    ['a loss of skills and no sign', { ageMonths: 20, signsPresent: [], regression: true }, 'positive', ['regression']],
    ['a loss of skills and a sign', { ageMonths: 8, signsPresent: [1], regression: true }, 'positive', ['sign', 'regression']],
  ])('%s → %s', (_name, input, result, reasons) => {
    expect(evaluateWarningSigns(input)).toMatchObject({ ok: true, result, reasons });
  });

  it('refuses a child younger than the first check age and a sign the band does not have', () => {
    expect(evaluateWarningSigns({ ageMonths: 2, signsPresent: [], regression: true })).toEqual({ ok: false, issue: 'tooYoung' });
    expect(evaluateWarningSigns({ ageMonths: 6, signsPresent: [5], regression: false })).toEqual({ ok: false, issue: 'noSuchSign' });
    expect(evaluateWarningSigns({ ageMonths: 6, signsPresent: [0], regression: false })).toEqual({ ok: false, issue: 'noSuchSign' });
  });
});
