import { describe, expect, it } from 'vitest';
import { gini, theil, weightedMean } from './balance.ts';

describe('balance indices', () => {
  it('are 0 when every township has the same supply per capita', () => {
    const xs = [{ value: 4, weight: 10 }, { value: 4, weight: 30 }];
    expect(gini(xs)).toBe(0);
    expect(theil(xs)).toBe(0);
  });

  it('match a hand-computed example with equal weights', () => {
    // Values 1, 2, 3 (equal weights): μ = 2; Σ|xi − xj| over ordered pairs = 2·(1 + 2 + 1) = 8;
    // G = 8 / (2 · 3² · 2) = 0.2222…;
    // T = (1/3)[(1/2)ln(1/2) + 1·ln 1 + (3/2)ln(3/2)] = (1/3)(−0.346574 + 0.608198) = 0.087208.
    const xs = [1, 2, 3].map((value) => ({ value, weight: 1 }));
    expect(weightedMean(xs)).toBe(2);
    expect(gini(xs)).toBeCloseTo(2 / 9, 10);
    expect(theil(xs)).toBeCloseTo(0.087208, 6);
  });

  it('match a hand-computed example weighted by population', () => {
    // Township A: 0 places per 1,000, 1,000 residents; B: 10 per 1,000, 3,000 residents.
    // μ = (0·1 + 10·3) / 4 = 7.5; G = 2·1·3·10 / (2 · 4² · 7.5) = 60 / 240 = 0.25;
    // T = (3/4)(10/7.5)ln(10/7.5) = 1 · ln(4/3) = 0.287682.
    const xs = [{ value: 0, weight: 1000 }, { value: 10, weight: 3000 }];
    expect(weightedMean(xs)).toBe(7.5);
    expect(gini(xs)).toBeCloseTo(0.25, 10);
    expect(theil(xs)).toBeCloseTo(Math.log(4 / 3), 10);
  });

  it('have no value when there is no supply at all', () => {
    expect(gini([{ value: 0, weight: 5 }])).toBeNull();
    expect(theil([])).toBeNull();
  });
});
