import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, classTypesForAge, eligibilityProblem, isOfferExpired, nextRoundStatus, nextStatus, offerDeadline } from './workflow.ts';

describe('class types by age (托育机构设置标准（试行）, 2019)', () => {
  it.each([
    [5, []],
    [6, ['infant']],
    [11, ['infant']],
    [12, ['toddler']],
    [17, ['toddler']],
    [18, ['toddler', 'mixed']],
    [23, ['toddler', 'mixed']],
    [24, ['older', 'mixed']],
    [35, ['older', 'mixed']],
    [36, []],
  ])('%i months → %j', (age, types) => {
    expect(classTypesForAge(age)).toEqual(types);
  });
});

describe('eligibility on the start date', () => {
  it('takes the age on the start date, not today', () => {
    // Born 2024-03-01: 32 months on 2026-11-01, 36 months on 2027-03-01.
    expect(eligibilityProblem('2024-03-01', 'older', '2026-11-01', '2026-09-01')).toBeNull();
    expect(eligibilityProblem('2024-03-01', 'older', '2027-03-01', '2026-09-01')).toBe('tooOld');
    expect(eligibilityProblem('2024-03-01', 'older', '2027-02-28', '2026-09-01')).toBeNull();
  });
  it('refuses a child under 6 months, a class of the wrong age and a start before the round', () => {
    expect(eligibilityProblem('2026-06-01', 'infant', '2026-11-30', '2026-09-01')).toBe('tooYoung');
    expect(eligibilityProblem('2026-06-01', 'infant', '2026-12-01', '2026-09-01')).toBeNull();
    expect(eligibilityProblem('2025-06-01', 'infant', '2026-09-01', '2026-09-01')).toBe('classTypeAge');
    expect(eligibilityProblem('2025-01-01', 'mixed', '2026-09-01', '2026-09-01')).toBeNull();
    expect(eligibilityProblem('2025-06-01', 'toddler', '2026-08-31', '2026-09-01')).toBe('startBeforeRound');
  });
});

describe('application states', () => {
  it('follows submitted → offered → accepted → ended', () => {
    expect(nextStatus('submitted', 'allocateOffer')).toBe('offered');
    expect(nextStatus('offered', 'accept')).toBe('accepted');
    expect(nextStatus('accepted', 'exit')).toBe('ended');
  });
  it('moves a waitlisted application to an offer when a place frees', () => {
    expect(nextStatus('submitted', 'allocateWaitlist')).toBe('waitlisted');
    expect(nextStatus('waitlisted', 'offerFromWaitlist')).toBe('offered');
  });
  it('lets a family withdraw only while the application is open', () => {
    for (const s of ['submitted', 'waitlisted', 'offered'] as const) expect(nextStatus(s, 'withdraw')).toBe('withdrawn');
    for (const s of ['accepted', 'declined', 'expired', 'withdrawn', 'ended'] as const) expect(nextStatus(s, 'withdraw')).toBeNull();
  });
  it('refuses to accept anything but an offer, and ends nothing twice', () => {
    for (const s of APPLICATION_STATUSES) if (s !== 'offered') expect(nextStatus(s, 'accept')).toBeNull();
    expect(nextStatus('ended', 'exit')).toBeNull();
    expect(nextStatus('declined', 'offerFromWaitlist')).toBeNull();
  });
});

describe('offer deadline', () => {
  it('counts calendar days from the offer and still accepts on the deadline day', () => {
    expect(offerDeadline('2026-11-23', 7)).toBe('2026-11-30');
    expect(offerDeadline('2026-12-28', 7)).toBe('2027-01-04');
    expect(isOfferExpired('2026-11-30', '2026-11-30')).toBe(false);
    expect(isOfferExpired('2026-11-30', '2026-12-01')).toBe(true);
  });
  it('refuses a period that is not a positive whole number of days', () => {
    expect(() => offerDeadline('2026-11-23', 0)).toThrow(RangeError);
    expect(() => offerDeadline('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('round states', () => {
  it('runs draft → open → allocated → closed', () => {
    expect(nextRoundStatus('draft')).toBe('open');
    expect(nextRoundStatus('open')).toBe('allocated');
    expect(nextRoundStatus('allocated')).toBe('closed');
    expect(nextRoundStatus('closed')).toBeNull();
  });
});
