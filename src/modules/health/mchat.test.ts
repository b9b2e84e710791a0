import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mchatOutcome, scoreFollowUp, scoreMchat, isMchatAge } from './mchat.ts';

/** Answers where exactly the listed items are at risk: YES is at risk on 2, 5, 12, NO elsewhere. */
function answersAtRisk(items: number[]): boolean[] {
  return Array.from({ length: 20 }, (_, i) => {
    const item = i + 1;
    const reverse = item === 2 || item === 5 || item === 12;
    return items.includes(item) ? reverse : !reverse;
  });
}

describe('M-CHAT-R scoring (mchatscreen.com/mchat-rf/scoring)', () => {
  it('scores 0 when every answer is the typical one: yes except items 2, 5 and 12', () => {
    const typical = Array.from({ length: 20 }, (_, i) => ![2, 5, 12].includes(i + 1));
    expect(scoreMchat(typical)).toEqual({ score: 0, risk: 'low', atRiskItems: [] });
  });

  it('counts YES on the reverse-scored items 2, 5 and 12 as at risk', () => {
    const allYes = Array(20).fill(true);
    expect(scoreMchat(allYes)).toEqual({ score: 3, risk: 'medium', atRiskItems: [2, 5, 12] });
  });

  it('counts NO on every other item as at risk', () => {
    const allNo = Array(20).fill(false);
    const s = scoreMchat(allNo);
    expect(s.score).toBe(17);
    expect(s.risk).toBe('high');
    expect(s.atRiskItems).not.toContain(2);
    expect(s.atRiskItems).not.toContain(5);
    expect(s.atRiskItems).not.toContain(12);
  });

  it.each([
    [[], 0, 'low'],
    [[1], 1, 'low'],
    [[2, 5], 2, 'low'],
    [[2, 5, 12], 3, 'medium'],
    [[1, 2, 3], 3, 'medium'],
    [[1, 3, 4, 6, 7, 8, 9], 7, 'medium'],
    [[1, 3, 4, 6, 7, 8, 9, 10], 8, 'high'],
    [[12, 1, 3, 4, 6, 7, 8, 9], 8, 'high'],
    [Array.from({ length: 20 }, (_, i) => i + 1), 20, 'high'],
  ] as const)('at-risk items %j → score %s, %s risk', (items, score, risk) => {
    expect(scoreMchat(answersAtRisk([...items]))).toMatchObject({ score, risk, atRiskItems: [...items].sort((a, b) => a - b) });
  });

  it('scores the number of at-risk answers, whatever they are (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (answers) => {
        const s = scoreMchat(answers);
        const expected = answers.filter((yes, i) => ([2, 5, 12].includes(i + 1) ? yes : !yes)).length;
        expect(s.score).toBe(expected);
        expect(s.risk).toBe(expected <= 2 ? 'low' : expected <= 7 ? 'medium' : 'high');
      }),
    );
  });

  it('refuses anything but 20 answers', () => {
    expect(() => scoreMchat(Array(19).fill(true))).toThrow(RangeError);
  });
});

describe('what follows a screen', () => {
  it('rescreens a low-risk child under 24 months at 24 months, not an older one', () => {
    expect(mchatOutcome(scoreMchat(answersAtRisk([1])), 18)).toEqual({ result: 'negative', rescreenAtMonths: 24 });
    expect(mchatOutcome(scoreMchat(answersAtRisk([1])), 24)).toEqual({ result: 'negative', rescreenAtMonths: null });
  });

  it('sends medium risk to the Follow-Up for the at-risk items only, and high risk straight to referral', () => {
    expect(mchatOutcome(scoreMchat(answersAtRisk([2, 7, 9])), 20)).toEqual({ result: 'followUpNeeded', items: [2, 7, 9] });
    expect(mchatOutcome(scoreMchat(answersAtRisk([1, 3, 4, 6, 7, 8, 9, 10])), 20)).toEqual({ result: 'positive' });
  });

  it.each([
    [[], 0, 'negative'],
    [[7], 1, 'negative'],
    [[7, 9], 2, 'positive'],
    [[2, 7, 9], 3, 'positive'],
  ] as const)('Follow-Up with items %j still at risk → %s, %s', (still, score, result) => {
    expect(scoreFollowUp([2, 7, 9], still)).toEqual({ ok: true, score, result });
  });

  it('refuses a Follow-Up item that was not at risk on the checklist', () => {
    expect(scoreFollowUp([2, 7, 9], [7, 11])).toEqual({ ok: false, item: 11 });
  });

  it('is validated for 16–30 months', () => {
    expect([15, 16, 30, 31].map(isMchatAge)).toEqual([false, true, true, false]);
  });
});
