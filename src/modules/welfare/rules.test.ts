import { describe, expect, it } from 'vitest';
import { CATEGORIES, checkSubclass, computeChildSupport, effectiveEnd, activeOn, isOverdue, lastDayAsMinor, nextVisitDue, supportFactSpans, visitIntervalOn, type MembershipDates } from './rules.ts';

const m = (category: string, startDate: string, endDate: string | null = null, subclass: string | null = null): MembershipDates => ({ category, subclass, startDate, endDate });

describe('the categories (《绍兴市儿童与福利发展“十四五”规划》)', () => {
  it('lists the ten kinds of key children, each with a basis and a visit interval', () => {
    expect(CATEGORIES.map((c) => c.code)).toEqual(['orphan', 'deFacto', 'difficulty', 'leftBehind', 'migrant', 'disabled', 'outOfSchool', 'domesticViolence', 'parentDetained', 'street']);
    for (const c of CATEGORIES) {
      expect(c.basis).toMatch(/^《.+》$/);
      expect(visitIntervalOn(c.code, '2026-01-01')).toBeGreaterThan(0);
    }
  });

  it('classifies children in difficulty three ways (国发〔2016〕36号) and requires the class', () => {
    expect(checkSubclass('difficulty', 'poverty')).toBeNull();
    expect(checkSubclass('difficulty', null)).toBe('subclassRequired');
    expect(checkSubclass('difficulty', 'rich')).toBe('unknownSubclass');
    expect(checkSubclass('leftBehind', null)).toBeNull();
    expect(checkSubclass('leftBehind', 'poverty')).toBe('unknownSubclass');
    expect(checkSubclass('nobody', null)).toBe('unknownCategory');
  });

  it('has no visit interval before the first version', () => {
    expect(visitIntervalOn('orphan', '2020-12-31')).toBeNull();
  });
});

describe('membership ends at 18', () => {
  it('the last day is the day before the 18th birthday', () => {
    expect(lastDayAsMinor('2010-06-15')).toBe('2028-06-14');
    expect(lastDayAsMinor('2008-01-01')).toBe('2025-12-31');
  });

  it('a child born on 29 February turns 18 on 28 February of a common year', () => {
    expect(lastDayAsMinor('2008-02-29')).toBe('2026-02-27');
  });

  it('an earlier recorded end wins; a later one is cut at 18', () => {
    expect(effectiveEnd({ endDate: '2026-03-01' }, '2010-06-15')).toBe('2026-03-01');
    expect(effectiveEnd({ endDate: '2030-01-01' }, '2010-06-15')).toBe('2028-06-14');
    expect(effectiveEnd({ endDate: null }, '2010-06-15')).toBe('2028-06-14');
    expect(activeOn(m('orphan', '2020-01-01'), '2010-06-15', '2028-06-14')).toBe(true);
    expect(activeOn(m('orphan', '2020-01-01'), '2010-06-15', '2028-06-15')).toBe(false);
    expect(activeOn(m('orphan', '2020-01-01'), '2010-06-15', '2019-12-31')).toBe(false);
  });
});

describe('the next visit', () => {
  const birth = '2015-03-03';
  it('is one interval after the last visit, the shortest interval of the categories held', () => {
    const due = nextVisitDue({ memberships: [m('leftBehind', '2025-01-01'), m('orphan', '2025-02-01', null, 'scattered')], birthDate: birth, lastVisitOn: '2026-05-10', today: '2026-05-20' });
    expect(due).toEqual({ dueOn: '2026-06-09', intervalDays: 30, category: 'orphan', from: '2026-05-10' });
  });

  it('without a visit, counts from the start of the earliest active membership', () => {
    const due = nextVisitDue({ memberships: [m('leftBehind', '2026-01-10')], birthDate: birth, lastVisitOn: null, today: '2026-02-01' });
    expect(due?.dueOn).toBe('2026-04-10');
  });

  it('ignores ended memberships and is null without an active one', () => {
    const ms = [m('street', '2025-01-01', '2025-06-30'), m('migrant', '2025-01-01')];
    expect(nextVisitDue({ memberships: ms, birthDate: birth, lastVisitOn: '2026-01-01', today: '2026-02-01' })?.intervalDays).toBe(180);
    expect(nextVisitDue({ memberships: [m('street', '2025-01-01', '2025-06-30')], birthDate: birth, lastVisitOn: null, today: '2026-02-01' })).toBeNull();
    expect(nextVisitDue({ memberships: [m('orphan', '2020-01-01', null, 'scattered')], birthDate: '2008-01-01', lastVisitOn: null, today: '2026-02-01' })).toBeNull();
  });

  it('is overdue only once the due day has passed', () => {
    expect(isOverdue({ dueOn: '2026-06-09' }, '2026-06-09')).toBe(false);
    expect(isOverdue({ dueOn: '2026-06-09' }, '2026-06-10')).toBe(true);
    expect(isOverdue(null, '2026-06-10')).toBe(false);
  });
});

describe('basic living support (dated standards, prorated by calendar days)', () => {
  const child = { childId: 'c1', personId: 'p1', birthDate: '2014-05-05' };
  it('pays a scattered orphan the whole month at the standard in force', () => {
    const r = computeChildSupport({ ...child, month: '2026-04', memberships: [m('orphan', '2024-01-01', null, 'scattered')] });
    expect(r.lines).toEqual([expect.objectContaining({ ruleCode: 'welfare.orphanScattered', rateFen: 212000, days: 30, daysInMonth: 30, amountFen: 212000, spans: [['2026-04-01', '2026-04-30']] })]);
  });

  it('uses the 2024 standard for a 2024 month', () => {
    expect(computeChildSupport({ ...child, month: '2024-07', memberships: [m('orphan', '2024-01-01', null, 'scattered')] }).totalFen).toBe(200000);
  });

  it('prorates a membership that starts mid-month: from the 16th of a 30-day month is 15/30', () => {
    const r = computeChildSupport({ ...child, month: '2026-06', memberships: [m('deFacto', '2026-06-16')] });
    expect(r.lines[0]).toMatchObject({ days: 15, daysInMonth: 30, amountFen: 106000, spans: [['2026-06-16', '2026-06-30']] });
  });

  it('prorates a membership that ends mid-month, rounding half up to the fen', () => {
    // 106000 × 10 / 31 = 34193.548… → 34194
    const r = computeChildSupport({ ...child, month: '2026-07', memberships: [m('difficulty', '2025-01-01', '2026-07-10', 'poverty')] });
    expect(r.lines[0]).toMatchObject({ ruleCode: 'welfare.difficultyPoverty', days: 10, daysInMonth: 31, amountFen: 34194 });
  });

  it('pays one standard per day: the higher class wins, a change mid-month gives two lines', () => {
    const r = computeChildSupport({ ...child, month: '2026-06', memberships: [m('difficulty', '2025-01-01', null, 'guardianship'), m('orphan', '2026-06-11', null, 'scattered')] });
    expect(r.lines.map((l) => [l.ruleCode, l.days])).toEqual([
      ['welfare.difficultyGuardianship', 10],
      ['welfare.orphanScattered', 20],
    ]);
    expect(r.totalFen).toBe(35333 + 141333);
  });

  it('pays nothing for a category without a standard, nor after the 18th birthday', () => {
    expect(computeChildSupport({ ...child, month: '2026-06', memberships: [m('leftBehind', '2025-01-01')] }).totalFen).toBe(0);
    const turning = computeChildSupport({ ...child, birthDate: '2008-06-21', month: '2026-06', memberships: [m('orphan', '2020-01-01', null, 'institutional')] });
    expect(turning.lines[0]).toMatchObject({ days: 20, amountFen: Math.floor((2 * 265000 * 20 + 30) / 60) });
  });

  it('joins the support class into spans', () => {
    expect(supportFactSpans([m('deFacto', '2026-02-10', '2026-02-20')], '2015-01-01', '2026-02').map((s) => [s.from, s.to, s.facts['child.supportClass']])).toEqual([
      ['2026-02-01', '2026-02-09', null],
      ['2026-02-10', '2026-02-20', 'deFacto'],
      ['2026-02-21', '2026-02-28', null],
    ]);
  });
});
