import { describe, expect, it } from 'vitest';
import { checkPlanningNorms, normsInForce, PLANNING_NORMS } from './norms.ts';

const norms = normsInForce(PLANNING_NORMS.norms, 2025);

describe('planning norms (004)', () => {
  it('hold new communities to 10 places per 1,000 residents and existing ones to 8', () => {
    const { checked, findings } = checkPlanningNorms(
      [
        { code: 'a', name: '新区甲', residentialArea: 'new', residents: 5000, places: 50 }, // exactly 10 ‰: meets
        { code: 'b', name: '新区乙', residentialArea: 'new', residents: 5000, places: 45 }, // 9 per 1,000
        { code: 'c', name: '老区丙', residentialArea: 'existing', residents: 5000, places: 40 }, // 8: meets
        { code: 'd', name: '老区丁', residentialArea: 'existing', residents: 2500, places: 0 },
      ],
      [],
      norms,
    );
    expect(checked).toBe(4);
    expect(findings).toEqual([
      { unitCode: 'b', unitName: '新区乙', norm: 'placesNewCommunity', actual: 9, required: 10, shortfall: 5 },
      { unitCode: 'd', unitName: '老区丁', norm: 'placesExistingCommunity', actual: 0, required: 8, shortfall: 20 },
    ]);
  });

  it('hold each township’s new places to 60% affordable, and skip townships with no new places', () => {
    const { checked, findings } = checkPlanningNorms(
      [],
      [
        { code: 't1', name: '甲镇', newPlaces: 100, newAffordablePlaces: 60 },
        { code: 't2', name: '乙镇', newPlaces: 45, newAffordablePlaces: 20 },
        { code: 't3', name: '丙镇', newPlaces: 0, newAffordablePlaces: 0 },
      ],
      norms,
    );
    expect(checked).toBe(2);
    expect(findings).toEqual([{ unitCode: 't2', unitName: '乙镇', norm: 'affordableShareOfNewPlaces', actual: 44.44, required: 60, shortfall: 7 }]);
  });

  it('apply only the norms in force in the year', () => {
    expect(normsInForce(PLANNING_NORMS.norms, 2021).size).toBe(0);
    expect(normsInForce(PLANNING_NORMS.norms, 2026).get('placesNewCommunity')?.min).toBe(10);
  });
});
