/**
 * The children's-home indicators of 《绍兴市儿童与福利发展“十四五”规划》 in the registry:
 * computed from the homes a township registers, rolled up, against the 2025 targets.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { refreshIndicators } from '../indicators/index.ts';
import { systemActor } from '../../app/scope.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const staff = await signIn(app, 'tashan-staff');
const city = await signIn(app, 'city-health');

describe('children’s-home indicators', () => {
  it('count demonstration homes over all homes, and townships with one, from the registered homes', async () => {
    for (const [unitCode, name, kind] of [
      ['330602001011', '塔山社区示范型儿童之家', 'demonstration'],
      ['330602001004', '花园社区儿童之家', 'basic'],
      ['330602001008', '沈园社区儿童之家', 'basic'],
      ['330602001010', '罗北社区儿童之家', 'basic'],
    ])
      expect((await staff.post('/api/welfare/homes', { unitCode, name, kind, openedOn: '2024-05-01' })).statusCode).toBe(201);
    await refreshIndicators(p, systemActor(), 'manual');

    const share = (await city.get('/api/indicators/cockpit?indicator=welfare.demoHomeShare&unit=330602001&year=2026')).json();
    expect(share.current).toMatchObject({ numerator: 1, denominator: 4, value: 25, target: 15, targetBasis: 'held', targetYear: 2025 });
    expect(share.current.color).not.toBe('red');
    // Before the homes opened there are none.
    expect((await city.get('/api/indicators/cockpit?indicator=welfare.demoHomeShare&unit=330602001&year=2023')).json().current.denominator).toBe(0);

    const coverage = (await city.get('/api/indicators/cockpit?indicator=welfare.demoHomeTownshipCoverage&unit=330602&year=2026')).json();
    expect(coverage.current.numerator).toBe(1);
    expect(coverage.current.denominator).toBe(17); // 越城区's townships and streets
    expect(coverage.current.color).toBe('red');

    // Children's homes are on the one map.
    const kinds = (await city.get('/api/geo/facilities?kind=childrenHome')).json().kinds;
    expect(kinds.find((k: { code: string }) => k.code === 'childrenHome')).toMatchObject({ available: true, count: 4 });
  });
});
