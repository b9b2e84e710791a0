import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lowestCommonUnit, transferSide } from './transfers.ts';

describe('the unit that decides a move', () => {
  it.each([
    ['330602001004', '330683001002', '3306'], // two counties: the city
    ['330602001004', '330602002001', '330602'], // two townships of 越城区: the county
    ['330602001004', '330602001002', '330602001'], // two villages of 塔山街道: the township
    ['330602001004', '330602001', '330602001'], // a village and its own township
    ['330603001001', '330602001001', '3306'], // codes sharing five digits still meet at the city
  ])('%s and %s: %s', (a, b, unit) => {
    expect(lowestCommonUnit(a, b)).toBe(unit);
    expect(lowestCommonUnit(b, a)).toBe(unit);
  });

  it('covers both and is the lowest unit that does (property)', () => {
    const code = fc.tuple(fc.constantFrom('330602', '330603', '330683'), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(
      ([county, town, village]) => `${county}${String(town).padStart(3, '0')}${String(village).padStart(3, '0')}`,
    );
    fc.assert(
      fc.property(code, code, (a, b) => {
        const unit = lowestCommonUnit(a, b);
        expect(a.startsWith(unit) && b.startsWith(unit)).toBe(true);
        const lower = [12, 9, 6].find((l) => l > unit.length && l <= a.length);
        if (lower) expect(a.slice(0, lower)).not.toBe(b.slice(0, lower));
      }),
    );
  });
});

describe('who sees which side of a move', () => {
  const t = { unitCode: '3306', fromUnitCode: '330683001002', toUnitCode: '330602001004' };
  it.each([
    ['3306', 'decider'],
    ['330683', 'from'],
    ['330683001', 'from'],
    ['330602', 'to'],
    ['330602001', 'to'],
    ['330603', null],
    ['330602002', null],
  ])('scope %s: %s', (scope, side) => {
    expect(transferSide(scope, t)).toBe(side);
  });
});
