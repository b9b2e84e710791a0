import { describe, expect, it } from 'vitest';
import { checkRuleVersion, holds, rulesInEffect, unmetConditions, type SubsidyRule } from './rules.ts';
import { CHILDCARE_RULES } from './catalogue.ts';

const grade2 = CHILDCARE_RULES.find((r) => r.code === 'childcare.graded.grade2')!;

describe('conditions over facts', () => {
  it('evaluates eq, in, gte and lte, a missing fact as null', () => {
    expect(holds({ fact: 'a', op: 'eq', value: true }, { a: true })).toBe(true);
    expect(holds({ fact: 'a', op: 'eq', value: true }, {})).toBe(false);
    expect(holds({ fact: 'g', op: 'in', value: ['grade1', 'cityModel'] }, { g: 'cityModel' })).toBe(true);
    expect(holds({ fact: 'n', op: 'gte', value: 3 }, { n: 3 })).toBe(true);
    expect(holds({ fact: 'n', op: 'lte', value: 3 }, { n: 4 })).toBe(false);
    expect(holds({ fact: 'n', op: 'gte', value: 3 }, { n: '9' })).toBe(false);
  });
  it('lists the unmet conditions of the seed grade-two rule', () => {
    expect(unmetConditions(grade2, { 'center.filed': true, 'center.affordable': true, 'center.grade': 'grade3' })).toEqual([{ fact: 'center.grade', op: 'in', value: ['grade2'] }]);
  });
});

describe('dated rule versions', () => {
  it('holds the five seed rules of SPEC §3.8 for childcare, in force today', () => {
    expect(rulesInEffect(CHILDCARE_RULES, '2026-11-01').map((r) => [r.code, r.amountFen])).toEqual([
      ['childcare.premises', 200_000_00],
      ['childcare.convertedPlace', 1_000_00],
      ['childcare.graded.grade3', 500_00],
      ['childcare.graded.grade2', 700_00],
      ['childcare.graded.grade1', 900_00],
    ]);
    expect(rulesInEffect(CHILDCARE_RULES, '2021-12-31')).toEqual([]);
  });
  it('refuses a version that overlaps another of the same code, a reversed period, a wrong unit', () => {
    const open: SubsidyRule = { ...grade2, effectiveFrom: '2027-01-01', effectiveTo: null, amountFen: 800_00 };
    expect(checkRuleVersion(open, CHILDCARE_RULES)).toEqual({ field: 'effectiveFrom', key: 'subsidies.periodOverlap' });
    expect(checkRuleVersion(open, [{ ...grade2, effectiveTo: '2026-12-31' }])).toBeNull();
    expect(checkRuleVersion({ ...open, effectiveTo: '2026-01-01' }, [])).toEqual({ field: 'effectiveTo', key: 'subsidies.periodOrder' });
    expect(checkRuleVersion({ ...open, unit: 'place' }, [])).toEqual({ field: 'unit', key: 'subsidies.unitForKind' });
    expect(checkRuleVersion({ ...open, amountFen: 0 }, [])).toEqual({ field: 'amountFen', key: 'subsidies.amountPositive' });
  });
});
