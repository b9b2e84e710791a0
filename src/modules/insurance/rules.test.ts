import { describe, expect, it } from 'vitest';
import { coversFromBirth, enrolmentCounts, gapOf, rateAgainstTarget, targetFor, windowEnds, type EnrolmentCase } from './rules.ts';

describe('targets as dated data (《关于开展儿童参加基本医疗保险专项行动的通知》)', () => {
  it('asks 80% of newborns in their birth year from 2024 and 95% overall', () => {
    expect(targetFor('newbornInBirthYear', 2023)).toBeNull();
    expect(targetFor('newbornInBirthYear', 2024)).toBe(0.8);
    expect(targetFor('overall', 2026)).toBe(0.95);
  });
  it('marks a rate against its target', () => {
    expect(rateAgainstTarget(19, 20, 'overall', 2026)).toEqual({ rate: 0.95, target: 0.95, status: 'met' });
    expect(rateAgainstTarget(18, 20, 'overall', 2026)).toMatchObject({ status: 'below' });
    expect(rateAgainstTarget(0, 0, 'overall', 2026)).toEqual({ rate: null, target: 0.95, status: null });
  });
});

describe('a unit’s enrolment counted by hand', () => {
  // Ten people of one village in 2026, counted by hand:
  const cases: EnrolmentCase[] = [
    { birthDate: '2026-02-01', enrolledYears: [2026] }, // newborn, enrolled
    { birthDate: '2026-05-10', enrolledYears: [2026] }, // newborn, enrolled
    { birthDate: '2026-11-30', enrolledYears: [] }, // newborn, not yet
    { birthDate: '2020-03-03', enrolledYears: [2025, 2026] }, // child, enrolled
    { birthDate: '2015-07-07', enrolledYears: [2025] }, // child, a break
    { birthDate: '2009-01-01', enrolledYears: [2026] }, // 17 at the end of 2026: a child, enrolled
    { birthDate: '2008-12-31', enrolledYears: [2026] }, // 18 at the end of 2026: not a child
    { birthDate: '2012-04-04', deathDate: '2025-06-01', enrolledYears: [2025] }, // died before the year
    { birthDate: '2012-04-05', deathDate: '2026-06-01', enrolledYears: [2026] }, // died during the year: counted
    { birthDate: '1950-01-01', enrolledYears: [2026] }, // elderly: not a child
  ];
  it('counts 7 children of whom 5 enrolled, 3 newborns of whom 2 enrolled', () => {
    expect(enrolmentCounts(cases, 2026)).toEqual({ children: 7, enrolled: 5, newborns: 3, newbornsEnrolled: 2 });
    const c = enrolmentCounts(cases, 2026);
    expect(rateAgainstTarget(c.enrolled, c.children, 'overall', 2026)).toMatchObject({ status: 'below' });
    expect(rateAgainstTarget(c.newbornsEnrolled, c.newborns, 'newbornInBirthYear', 2026)).toMatchObject({ status: 'below' });
  });
});

describe('newborns and gaps', () => {
  it('covers from birth within 90 days (a dated setting): day 90 yes, day 91 no, a December birth into January', () => {
    expect(coversFromBirth('2026-03-01', '2026-05-30')).toBe(true); // day 90
    expect(coversFromBirth('2026-03-01', '2026-05-31')).toBe(false); // day 91
    expect(windowEnds('2026-12-20')).toBe('2027-03-20');
    expect(coversFromBirth('2026-12-20', '2027-02-01')).toBe(true);
  });
  it('tells a break (断保) from a gap (漏保)', () => {
    expect(gapOf([2025], 2026)).toBe('break');
    expect(gapOf([2023], 2026)).toBe('missing');
    expect(gapOf([2026], 2026)).toBeNull();
  });
});
