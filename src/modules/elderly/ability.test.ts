import { describe, expect, it } from 'vitest';
import { ABILITY_STANDARD, checkScores, itemCodes, levelOfTotal, maxTotal, raiseLevel, scoreAssessment } from './ability.ts';

/** Full marks, then points taken off items in form order until the total is reached. */
function scoresFor(total: number): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const d of ABILITY_STANDARD.dimensions) for (const i of d.items) scores[i.code] = i.max;
  let off = 90 - total;
  for (const d of ABILITY_STANDARD.dimensions)
    for (const i of d.items) {
      const take = Math.min(off, i.max);
      scores[i.code] -= take;
      off -= take;
    }
  return scores;
}
const none = { coma: false, dementiaOrPsychiatric: false, riskEvents: 0 };

describe('GB/T 42195-2022 items and maxima', () => {
  it('has 26 items split 8-4-9-5 with maxima 32, 15, 28, 15 and a total of 90', () => {
    expect(itemCodes()).toHaveLength(26);
    expect(ABILITY_STANDARD.dimensions.map((d) => d.items.length)).toEqual([8, 4, 9, 5]);
    expect(ABILITY_STANDARD.dimensions.map((d) => d.items.reduce((a, i) => a + i.max, 0))).toEqual([32, 15, 28, 15]);
    expect(maxTotal()).toBe(90);
    expect(ABILITY_STANDARD.dimensions[1].items.find((i) => i.code === 'stairs')!.max).toBe(3);
    expect(ABILITY_STANDARD.dimensions[3].items.find((i) => i.code === 'transport')!.max).toBe(3);
  });
  it('refuses a missing item, a score past its maximum and an unknown item', () => {
    const s: Record<string, unknown> = scoresFor(90);
    delete s.eating;
    s.stairs = 4;
    s.extra = 1;
    expect(checkScores(s).map((i) => i.field)).toEqual(['scores.eating', 'scores.stairs', 'scores.extra']);
    expect(checkScores({ ...scoresFor(90), aggression: 0.5 })[0]).toMatchObject({ field: 'scores.aggression', key: 'elderly.scoreRange', params: { max: 1 } });
  });
});

describe('levels at every cut-off (appendix C)', () => {
  it.each([
    [90, 'intact'],
    [89, 'mild'],
    [66, 'mild'],
    [65, 'moderate'],
    [46, 'moderate'],
    [45, 'severe'],
    [30, 'severe'],
    [29, 'complete'],
    [0, 'complete'],
  ] as const)('a total of %i is %s', (total, level) => {
    expect(levelOfTotal(total)).toBe(level);
    const r = scoreAssessment({ scores: scoresFor(total), ...none });
    expect(r.total).toBe(total);
    expect(r.level).toBe(level);
    expect(Object.values(r.dimensionTotals).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('level changes (appendix C.4)', () => {
  it('rates coma 能力完全丧失 directly, whatever the score', () => {
    expect(scoreAssessment({ scores: scoresFor(90), ...none, coma: true })).toMatchObject({ baseLevel: 'intact', level: 'complete', changes: ['coma'] });
  });
  it('does not treat 意识水平 = 0 as coma', () => {
    const s = scoresFor(90);
    s.consciousness = 0;
    expect(scoreAssessment({ scores: s, ...none }).level).toBe('mild');
  });
  it('raises one grade for dementia, one for 2 care-risk events, and one in all for both', () => {
    expect(scoreAssessment({ scores: scoresFor(70), ...none, dementiaOrPsychiatric: true }).level).toBe('moderate');
    expect(scoreAssessment({ scores: scoresFor(70), ...none, riskEvents: 1 }).level).toBe('mild');
    expect(scoreAssessment({ scores: scoresFor(70), ...none, riskEvents: 2 }).level).toBe('moderate');
    expect(scoreAssessment({ scores: scoresFor(70), coma: false, dementiaOrPsychiatric: true, riskEvents: 3 })).toMatchObject({ level: 'moderate', changes: ['dementia', 'riskEvents'] });
    expect(scoreAssessment({ scores: scoresFor(70), coma: false, dementiaOrPsychiatric: true, riskEvents: 3 }, { ...ABILITY_STANDARD, combineRaises: true }).level).toBe('severe');
  });
  it('turns 重度失能 with a raise into 完全失能 and stops there', () => {
    expect(scoreAssessment({ scores: scoresFor(40), ...none, dementiaOrPsychiatric: true }).level).toBe('complete');
    expect(raiseLevel('complete')).toBe('complete');
  });
});
