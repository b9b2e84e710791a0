import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMonthlySubsidy, computeOneTimeSubsidy, monthDays, prorate, toSpans, type Enrolment } from './monthly.ts';
import { CHILDCARE_RULES } from './catalogue.ts';
import type { Facts } from './rules.ts';

const affordable = (grade: string | null): Facts => ({ 'center.filed': true, 'center.affordable': true, 'center.grade': grade, 'center.operatorKind': 'forProfit' });
const children = (n: number, from = '2025-01-01', to: string | null = null): Enrolment[] =>
  Array.from({ length: n }, (_, i) => ({ enrolmentId: `e${i}`, personId: `p${i}`, from, to }));

function run(month: string, facts: Facts | { from: string; to: string; facts: Facts }[], enrolments: Enrolment[]) {
  const days = monthDays(month);
  const centerFacts = Array.isArray(facts) ? facts : [{ from: days[0], to: days[days.length - 1], facts }];
  return computeMonthlySubsidy({ month, rules: CHILDCARE_RULES, centerFacts, enrolments });
}

describe('the graded affordable-center subsidy (004: 500 / 700 / 900 yuan per enrolled child per month)', () => {
  it('pays an affordable grade-two center with 37 children enrolled all month 25,900 yuan, one line per child', () => {
    const r = run('2026-09', affordable('grade2'), children(37));
    expect(r.totalFen).toBe(25_900_00);
    expect(r.lines).toHaveLength(37);
    expect(new Set(r.lines.map((l) => l.personId)).size).toBe(37);
    for (const l of r.lines) expect(l).toMatchObject({ ruleCode: 'childcare.graded.grade2', rateFen: 700_00, days: 30, daysInMonth: 30, amountFen: 700_00, spans: [['2026-09-01', '2026-09-30']] });
  });

  it.each([
    ['grade3', 500_00],
    ['grade2', 700_00],
    ['grade1', 900_00],
    ['cityModel', 900_00],
  ])('pays %s at %i fen per child and month', (grade, rate) => {
    const r = run('2026-10', affordable(grade), children(2));
    expect(r.totalFen).toBe(2 * rate);
  });

  it('pays nothing to an ungraded, a non-affordable or an unfiled center, and says which condition failed', () => {
    expect(run('2026-10', affordable(null), children(5)).totalFen).toBe(0);
    const notAffordable = run('2026-10', { ...affordable('grade1'), 'center.affordable': false }, children(5));
    expect(notAffordable.totalFen).toBe(0);
    expect(notAffordable.unmet.find((u) => u.ruleCode === 'childcare.graded.grade1')?.conditions).toEqual([{ fact: 'center.affordable', op: 'eq', value: true }]);
    expect(run('2026-10', { ...affordable('grade1'), 'center.filed': false }, children(5)).totalFen).toBe(0);
  });

  it('prorates a child who starts or leaves mid-month by calendar days', () => {
    const r = run('2026-09', affordable('grade2'), [
      { enrolmentId: 'a', personId: 'a', from: '2026-09-16', to: null },
      { enrolmentId: 'b', personId: 'b', from: '2025-03-01', to: '2026-09-10' },
      { enrolmentId: 'c', personId: 'c', from: '2026-10-01', to: null },
      { enrolmentId: 'd', personId: 'd', from: '2025-03-01', to: '2026-08-31' },
    ]);
    expect(r.lines.map((l) => [l.personId, l.days, l.amountFen])).toEqual([
      ['a', 15, 350_00],
      ['b', 10, 233_33],
    ]);
    expect(r.children).toBe(2);
  });

  it('splits the month at a grade change into one line per rate', () => {
    const r = run('2026-10', [
      { from: '2026-10-01', to: '2026-10-09', facts: affordable('grade3') },
      { from: '2026-10-10', to: '2026-10-31', facts: affordable('grade2') },
    ], children(1));
    expect(r.lines.map((l) => [l.ruleCode, l.days, l.amountFen])).toEqual([
      ['childcare.graded.grade3', 9, prorate(500_00, 9, 31)],
      ['childcare.graded.grade2', 22, prorate(700_00, 22, 31)],
    ]);
  });

  it('applies a rule version only on the days it is in force', () => {
    const rules = CHILDCARE_RULES.map((r) => (r.code === 'childcare.graded.grade2' ? { ...r, effectiveTo: '2026-10-15' } : r));
    const next = { ...rules.find((r) => r.code === 'childcare.graded.grade2')!, effectiveFrom: '2026-10-16', effectiveTo: null, amountFen: 800_00 };
    const r = computeMonthlySubsidy({ month: '2026-10', rules: [...rules, next], centerFacts: [{ from: '2026-10-01', to: '2026-10-31', facts: affordable('grade2') }], enrolments: children(1) });
    expect(r.lines.map((l) => [l.rateFen, l.days])).toEqual([[700_00, 15], [800_00, 16]]);
    expect(r.totalFen).toBe(prorate(700_00, 15, 31) + prorate(800_00, 16, 31));
  });

  it('never pays more than the monthly rate per child, and the whole month pays it exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 27 }), fc.constantFrom('2026-02', '2026-04', '2026-07'), (start, len, month) => {
        const dim = monthDays(month).length;
        const from = `${month}-${String(start).padStart(2, '0')}`;
        const toDay = Math.min(dim, start + len);
        const to = `${month}-${String(toDay).padStart(2, '0')}`;
        const r = run(month, affordable('grade1'), [{ enrolmentId: 'x', personId: 'x', from, to }]);
        expect(r.lines[0].days).toBe(toDay - start + 1);
        expect(r.totalFen).toBeLessThanOrEqual(900_00);
        expect(r.totalFen === 900_00).toBe(toDay - start + 1 === dim);
      }),
    );
  });
});

describe('proration and spans', () => {
  it('rounds half up to the fen', () => {
    expect(prorate(700_00, 10, 30)).toBe(233_33);
    expect(prorate(500_00, 1, 31)).toBe(16_13);
    expect(prorate(1, 1, 2)).toBe(1);
  });
  it('joins consecutive days', () => {
    expect(toSpans(['2026-10-01', '2026-10-02', '2026-10-05'])).toEqual([['2026-10-01', '2026-10-02'], ['2026-10-05', '2026-10-05']]);
  });
});

describe('one-time subsidies (004)', () => {
  const premises = CHILDCARE_RULES.find((r) => r.code === 'childcare.premises')!;
  const converted = CHILDCARE_RULES.find((r) => r.code === 'childcare.convertedPlace')!;
  it('pays premises, equipment and rent costs up to 200,000 yuan', () => {
    expect(computeOneTimeSubsidy(premises, { costFen: 150_000_00 }).amountFen).toBe(150_000_00);
    expect(computeOneTimeSubsidy(premises, { costFen: 350_000_00 }).amountFen).toBe(200_000_00);
  });
  it('pays converted places at their actual cost, at most 1,000 yuan a place', () => {
    expect(computeOneTimeSubsidy(converted, { costFen: 12_000_00, places: 15 })).toEqual({ capFen: 15_000_00, amountFen: 12_000_00 });
    expect(computeOneTimeSubsidy(converted, { costFen: 30_000_00, places: 15 })).toEqual({ capFen: 15_000_00, amountFen: 15_000_00 });
  });
});
