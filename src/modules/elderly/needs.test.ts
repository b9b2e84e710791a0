import { describe, expect, it } from 'vitest';
import { deriveNeeds, isSpecialDifficulty, type NeedFacts } from './needs.ts';

const base: NeedFacts = { age: 66, livingArrangement: 'withFamily', economicStatus: 'ordinary', healthStatus: 'good', flags: [], abilityLevel: 'intact', healthAssessedThisYear: true, dementiaOpen: false };
const byDim = (f: NeedFacts) => Object.fromEntries(deriveNeeds(f).map((n) => [n.dimension, n]));

describe('the needs profile', () => {
  it('finds no need for an able 66-year-old living with family, assessed this year', () => {
    expect(deriveNeeds(base).every((n) => n.level === 'none' && n.reasons.length === 0)).toBe(true);
    expect(isSpecialDifficulty(base)).toBe(false);
  });
  it('asks a 65+ person without this year’s health assessment for one, not a 64-year-old', () => {
    expect(byDim({ ...base, healthAssessedThisYear: false }).health).toMatchObject({ level: 'key', reasons: ['healthAssessmentDue'] });
    expect(byDim({ ...base, age: 64, healthAssessedThisYear: false }).health.level).toBe('none');
  });
  it('puts a destitute person living alone and moderately disabled on weekly visits, with every reason', () => {
    const n = byDim({ ...base, age: 82, livingArrangement: 'alone', economicStatus: 'destitute', abilityLevel: 'moderate' });
    expect(n.livingSecurity).toMatchObject({ level: 'high', reasons: ['destitute'] });
    expect(n.disabilityCare).toMatchObject({ level: 'key', reasons: ['abilityModerate'] });
    expect(n.emergency).toMatchObject({ level: 'key', reasons: ['livesAlone', 'age80'] });
    expect(n.visiting).toMatchObject({ level: 'high', reasons: ['visitWeekly'] });
  });
  it('visits an empty-nest elder monthly and a 72-year-old otherwise quarterly', () => {
    expect(byDim({ ...base, livingArrangement: 'emptyNest' }).visiting.reasons).toEqual(['visitMonthly']);
    expect(byDim({ ...base, age: 72 }).visiting.reasons).toEqual(['visitQuarterly']);
  });
  it('flags a missing assessment, severe disability and an open dementia case', () => {
    expect(byDim({ ...base, abilityLevel: null }).disabilityCare.reasons).toEqual(['notAssessed']);
    const n = byDim({ ...base, abilityLevel: 'severe', dementiaOpen: true });
    expect(n.disabilityCare).toMatchObject({ level: 'high', reasons: ['abilitySevere'] });
    expect(n.emergency.reasons).toEqual(['abilitySevereOrWorse']);
    expect(n.health).toMatchObject({ level: 'high', reasons: ['dementiaLoopOpen'] });
  });
});
