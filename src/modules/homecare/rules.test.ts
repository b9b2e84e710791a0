import { describe, expect, it } from 'vitest';
import { CARE_CARD_RULES, SIX_SERVICES, TIME_BANK_RULES, VISIT_INTERVAL_DAYS, ageOn, cardPaysFor, earnedMinutes, inverseRelation, mayHoldCard, mayRedeem, mayTransfer, ruleOn } from './rules.ts';

const time = ruleOn(TIME_BANK_RULES, '2026-11-20');
const card = ruleOn(CARE_CARD_RULES, '2026-11-20');

describe('home-care rules (《绍兴市“一老一小”整体解决方案》, 《上海市“沪助养老时光汇”项目管理办法》)', () => {
  it('earns one hour per hour of service whatever the service, up to the longest record', () => {
    expect(earnedMinutes(time, 'dailyCare', 90)).toEqual({ minutes: 90 });
    expect(earnedMinutes(time, 'talks', 60)).toEqual({ minutes: 60 });
    expect(earnedMinutes(time, 'cash', 60)).toEqual({ error: 'homecare.serviceTypeUnknown' });
    expect(earnedMinutes(time, 'dailyCare', 0)).toEqual({ error: 'homecare.amountPositive' });
    expect(earnedMinutes(time, 'dailyCare', 481)).toEqual({ error: 'homecare.amountTooLarge' });
  });

  it('redeems from 60, gives hours to a spouse or direct relative only, and keeps hours without expiry', () => {
    expect(mayRedeem(time, '1966-11-20', '2026-11-20')).toBe(true);
    expect(mayRedeem(time, '1966-11-21', '2026-11-20')).toBe(false);
    expect(mayTransfer(time, 'spouse')).toBe(true);
    expect(mayTransfer(time, 'grandchild')).toBe(true);
    expect(mayTransfer(time, 'sibling')).toBe(false);
    expect(mayTransfer(time, null)).toBe(false);
    expect(time.validityMonths).toBeNull();
    expect(inverseRelation('parent')).toBe('child');
    expect(inverseRelation('grandchild')).toBe('grandparent');
  });

  it('holds a card from 60 and pays only for the six services, respite care and family care beds', () => {
    expect(mayHoldCard(card, '1966-11-20', '2026-11-20')).toBe(true);
    expect(mayHoldCard(card, '1970-01-01', '2026-11-20')).toBe(false);
    expect(SIX_SERVICES).toEqual(['meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning']);
    for (const c of [...SIX_SERVICES, 'respite', 'careBed'] as const) expect(cardPaysFor(card, c)).toBe(true);
    expect(card.source).toContain('一老一小');
  });

  it('visits high-risk people weekly and everyone at least monthly; finds the rule in force on a day', () => {
    expect(VISIT_INTERVAL_DAYS).toEqual({ high: 7, key: 30, general: 30 });
    expect(() => ruleOn(TIME_BANK_RULES, '2020-01-01')).toThrow();
    expect(ageOn('1948-02-29', '2026-02-28')).toBe(77);
    expect(ageOn('1948-02-29', '2026-03-01')).toBe(78);
  });
});
