import { describe, expect, it } from 'vitest';
import { ELDERLY_RULES, ageForMonth, directedTrainingAmount, graduateInstalments, monthlyEntitlements, workerFacts } from './allowances.ts';
import { checkRuleVersion } from '../subsidies/rules.ts';

const award = (edu: string) => ELDERLY_RULES.find((r) => r.code === `elderly.graduateAward.${edu}`)!.amountFen;

describe('graduates’ entry award (004: 50,000 / 40,000 / 30,000 yuan; 30 % / 30 % / 40 % after 3 / 4 / 5 years)', () => {
  it('pays a bachelor 15,000, 15,000 and 20,000 yuan on the 3rd, 4th and 5th anniversaries', () => {
    expect(award('bachelorOrAbove')).toBe(50_000_00);
    expect(graduateInstalments(award('bachelorOrAbove'), '2023-07-01')).toEqual([
      { dueOn: '2026-07-01', afterYears: 3, sharePct: 30, amountFen: 15_000_00 },
      { dueOn: '2027-07-01', afterYears: 4, sharePct: 30, amountFen: 15_000_00 },
      { dueOn: '2028-07-01', afterYears: 5, sharePct: 40, amountFen: 20_000_00 },
    ]);
  });
  it('pays college 12,000 / 12,000 / 16,000 and secondary vocational 9,000 / 9,000 / 12,000', () => {
    expect(graduateInstalments(award('college'), '2024-02-29').map((i) => [i.dueOn, i.amountFen])).toEqual([
      ['2027-02-28', 12_000_00],
      ['2028-02-29', 12_000_00],
      ['2029-02-28', 16_000_00],
    ]);
    expect(graduateInstalments(award('secondaryVocational'), '2024-09-01').map((i) => i.amountFen)).toEqual([9_000_00, 9_000_00, 12_000_00]);
  });
  it('adds up to the award exactly when shares do not divide evenly', () => {
    const xs = graduateInstalments(1001, '2024-01-01');
    expect(xs.map((i) => i.amountFen)).toEqual([300, 300, 401]);
    expect(xs.reduce((a, i) => a + i.amountFen, 0)).toBe(1001);
  });
});

describe('front-line workers’ monthly allowance (004: 500 … 200 yuan from the second year; an upgrade from the next month)', () => {
  const lines = (startedOn: string, certs: Parameters<typeof workerFacts>[1], month: string) => monthlyEntitlements(ELDERLY_RULES, workerFacts(startedOn, certs, month), month, 'elderly.workerAllowance');
  it('pays nothing in the first year and the level rate from the 13th month', () => {
    const certs = [{ level: 3 as const, certifiedOn: '2024-01-10' }];
    expect(lines('2025-03-15', certs, '2026-03')).toEqual([]);
    expect(lines('2025-03-15', certs, '2026-04')).toMatchObject([{ ruleCode: 'elderly.workerAllowance.level3', amountFen: 300_00 }]);
    expect(lines('2025-03-01', certs, '2026-03')).toMatchObject([{ amountFen: 300_00 }]);
  });
  it('pays an upgrade certified in May from June', () => {
    const certs = [
      { level: 4 as const, certifiedOn: '2023-01-01' },
      { level: 2 as const, certifiedOn: '2026-05-20' },
    ];
    expect(lines('2023-01-01', certs, '2026-05')).toMatchObject([{ amountFen: 250_00 }]);
    expect(lines('2023-01-01', certs, '2026-06')).toMatchObject([{ ruleCode: 'elderly.workerAllowance.level2', amountFen: 400_00 }]);
  });
  it('has the five rates 500 / 400 / 300 / 250 / 200 yuan and pays nobody without a certificate', () => {
    expect([1, 2, 3, 4, 5].map((l) => ELDERLY_RULES.find((r) => r.code === `elderly.workerAllowance.level${l}`)!.amountFen)).toEqual([500_00, 400_00, 300_00, 250_00, 200_00]);
    expect(lines('2020-01-01', [], '2026-06')).toEqual([]);
  });
});

describe('directed-training students (004: at most 500 yuan a month for 10 months a school year)', () => {
  it('prorates by months in school and stops at 10', () => {
    expect(directedTrainingAmount(500_00, 4)).toEqual({ months: 4, amountFen: 2_000_00 });
    expect(directedTrainingAmount(500_00, 10)).toEqual({ months: 10, amountFen: 5_000_00 });
    expect(directedTrainingAmount(500_00, 12)).toEqual({ months: 10, amountFen: 5_000_00 });
    expect(directedTrainingAmount(500_00, 0)).toEqual({ months: 0, amountFen: 0 });
  });
});

describe('basic-pension increments (004: +10 / +15 / +20 yuan a month at 65 / 70 / 75) and the nursing subsidy', () => {
  const pension = (birth: string, month: string) => monthlyEntitlements(ELDERLY_RULES, { 'person.age': ageForMonth(birth, month) }, month, 'elderly.pension').map((e) => e.amountFen);
  it('starts each band the month after the birthday month', () => {
    expect(pension('1961-05-10', '2026-05')).toEqual([]);
    expect(pension('1961-05-10', '2026-06')).toEqual([10_00]);
    expect(pension('1956-06-01', '2026-06')).toEqual([10_00]);
    expect(pension('1956-06-01', '2026-07')).toEqual([15_00]);
    expect(pension('1951-01-31', '2026-02')).toEqual([20_00]);
    expect(pension('1946-01-31', '2026-02')).toEqual([]);
  });
  it('pays the nursing subsidy only to economically disadvantaged elderly at least moderately disabled', () => {
    const nursing = (status: string, level: string) => monthlyEntitlements(ELDERLY_RULES, { 'person.economicStatus': status, 'person.abilityLevel': level }, '2026-06', 'elderly.nursingSubsidy');
    expect(nursing('lowIncome', 'severe')).toMatchObject([{ ruleCode: 'elderly.nursingSubsidy.severe' }]);
    expect(nursing('ordinary', 'severe')).toEqual([]);
    expect(nursing('destitute', 'mild')).toEqual([]);
  });
  it('is well-formed dated data for the rules engine', () => {
    for (const r of ELDERLY_RULES) expect(checkRuleVersion(r, []), r.code).toBeNull();
  });
});
