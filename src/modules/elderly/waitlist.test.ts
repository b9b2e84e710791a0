import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderWaitingList, reapplyBarredUntil, type Applicant } from './waitlist.ts';

const a = (id: string, over: Partial<Applicant> = {}): Applicant => ({ id, appliedOn: '2026-01-10', age: 70, economicStatus: 'ordinary', flags: [], abilityLevel: 'mild', ...over });

describe('the waiting list of a public home', () => {
  it('admits the destitute outside the queue, then priority groups, then disabled or 80+, then the rest', () => {
    const placed = orderWaitingList([
      a('general-early', { appliedOn: '2025-01-01' }),
      a('old', { age: 81 }),
      a('lowIncomeDisabled', { economicStatus: 'lowIncome', abilityLevel: 'moderate' }),
      a('lowIncomeAble', { economicStatus: 'lowIncome', abilityLevel: 'intact', appliedOn: '2024-01-01' }),
      a('destitute', { economicStatus: 'destitute', appliedOn: '2026-05-01' }),
      a('merit', { flags: ['meritService'], appliedOn: '2026-02-01' }),
    ]);
    expect(placed.map((p) => [p.applicant.id, p.group, p.position])).toEqual([
      ['destitute', 'destitute', null],
      ['lowIncomeDisabled', 'priority', 1],
      ['merit', 'priority', 2],
      ['old', 'disabledOrVeryOld', 3],
      ['general-early', 'general', 4],
      ['lowIncomeAble', 'general', 5],
    ]);
    expect(placed[0].why.map((w) => w.key)).toEqual(['group.destitute', 'clause.economicStatus']);
    expect(placed[3].why).toEqual([{ key: 'group.disabledOrVeryOld' }, { key: 'clause.ageAtLeast', params: { value: '80' } }, { key: 'ability', params: { level: 'mild' } }, { key: 'appliedOn', params: { date: '2026-01-10' } }]);
  });
  it('within a group puts the more impaired first, then the earlier application', () => {
    const placed = orderWaitingList([
      a('moderate-late', { abilityLevel: 'moderate', appliedOn: '2026-03-01' }),
      a('severe-late', { abilityLevel: 'severe', appliedOn: '2026-04-01' }),
      a('moderate-early', { abilityLevel: 'moderate', appliedOn: '2026-01-01' }),
      a('complete', { abilityLevel: 'complete', appliedOn: '2026-05-01' }),
    ]);
    expect(placed.map((p) => p.applicant.id)).toEqual(['complete', 'severe-late', 'moderate-early', 'moderate-late']);
  });
  it('gives consecutive positions whatever the input order (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        appliedOn: fc.constantFrom('2025-01-01', '2025-06-01', '2026-01-01'),
        age: fc.integer({ min: 60, max: 100 }),
        economicStatus: fc.constantFrom('ordinary', 'lowIncome', 'destitute', null),
        flags: fc.constantFrom([], ['disabled'], ['meritService']),
        abilityLevel: fc.constantFrom('intact', 'mild', 'moderate', 'severe', 'complete', null),
      }) as fc.Arbitrary<Applicant>,
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const one = orderWaitingList(xs).map((p) => p.applicant.id);
        const two = orderWaitingList([...xs].reverse()).map((p) => p.applicant.id);
        expect(two).toEqual(one);
        const positions = orderWaitingList(xs).filter((p) => !p.outsideQueue).map((p) => p.position);
        expect(positions).toEqual(positions.map((_, i) => i + 1));
      }),
    );
  });
});

describe('the bar on reapplying after withdrawals', () => {
  it('bars a year from the second withdrawal within a year, and only then', () => {
    expect(reapplyBarredUntil(['2026-01-10'], '2026-03-01')).toBeNull();
    expect(reapplyBarredUntil(['2026-01-10', '2026-06-01'], '2026-07-01')).toBe('2027-06-01');
    expect(reapplyBarredUntil(['2026-01-10', '2026-06-01'], '2027-06-01')).toBeNull();
    expect(reapplyBarredUntil(['2024-01-10', '2025-02-01'], '2025-03-01')).toBeNull();
    expect(reapplyBarredUntil(['2025-01-10', '2025-02-01', '2025-12-01'], '2026-03-01')).toBe('2026-12-01');
  });
});
