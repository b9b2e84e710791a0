import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';

const { p, app } = await testApp();
const city = await signIn(app, 'city-admin');

const COUNTIES = { '330602': '越城区', '330603': '柯桥区', '330604': '上虞区', '330624': '新昌县', '330681': '诸暨市', '330683': '嵊州市' };

describe('the Shaoxing admin tree', () => {
  it('has the city, 6 county units, 103 townships and 2,168 villages from the official codes', async () => {
    const rows = await p.db.rows<{ level: number; n: number }>(sql`SELECT level, count(*)::int AS n FROM org_units GROUP BY level ORDER BY level`);
    expect(rows).toEqual([
      { level: 1, n: 1 },
      { level: 2, n: 6 },
      { level: 3, n: 103 },
      { level: 4, n: 2168 },
    ]);
  });

  it('lists the six county units under the city with their population base', async () => {
    const res = await city.get('/api/org-units/3306/children?year=2024');
    expect(res.statusCode).toBe(200);
    const units = res.json();
    expect(Object.fromEntries(units.map((u: { code: string; name: string }) => [u.code, u.name]))).toEqual(COUNTIES);
    const sum = units.reduce((s: number, u: { population: { residents: number } }) => s + u.population.residents, 0);
    expect(sum).toBe(5_371_000);
    expect(units.find((u: { code: string }) => u.code === '330683')).toMatchObject({ childCount: 15, kind: 'county_city' });
  });

  it('walks down to a village and shows its path and population by year', async () => {
    const townships = (await city.get('/api/org-units/330602/children')).json();
    expect(townships).toHaveLength(17);
    expect(townships[0]).toMatchObject({ code: '330602001', name: '塔山街道', kind: 'street' });
    const villages = (await city.get('/api/org-units/330602001/children')).json();
    expect(villages.length).toBeGreaterThan(5);
    const detail = (await city.get(`/api/org-units/${villages[0].code}`)).json();
    expect(detail.path.map((u: { name: string }) => u.name)).toEqual(['绍兴市', '越城区', '塔山街道', villages[0].name]);
    expect(detail.population.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('sums exactly at every level for every measure and year (property over random units)', async () => {
    const parents = await p.db.rows<{ code: string }>(sql`SELECT code FROM org_units WHERE level < 4`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parents.map((r) => r.code)), fc.constantFrom(2022, 2024, 2026), async (code, year) => {
        const [row] = await p.db.rows<{ diff: number }>(sql`
          SELECT sum(abs(c.s - p.v))::int AS diff FROM (
            SELECT 'residents' AS m, sum(residents) AS s FROM org_unit_population x JOIN org_units u ON u.code = x.unit_code WHERE u.parent_code = ${code} AND year = ${year}
            UNION ALL SELECT 'elderly_60', sum(elderly_60) FROM org_unit_population x JOIN org_units u ON u.code = x.unit_code WHERE u.parent_code = ${code} AND year = ${year}
            UNION ALL SELECT 'children_0_2', sum(children_0_2) FROM org_unit_population x JOIN org_units u ON u.code = x.unit_code WHERE u.parent_code = ${code} AND year = ${year}
          ) c JOIN (
            SELECT 'residents' AS m, residents AS v FROM org_unit_population WHERE unit_code = ${code} AND year = ${year}
            UNION ALL SELECT 'elderly_60', elderly_60 FROM org_unit_population WHERE unit_code = ${code} AND year = ${year}
            UNION ALL SELECT 'children_0_2', children_0_2 FROM org_unit_population WHERE unit_code = ${code} AND year = ${year}
          ) p USING (m)`);
        expect(row.diff).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('searches unit names within the scope only', async () => {
    const yuecheng = await signIn(app, 'yuecheng-admin');
    const found = (await yuecheng.get(`/api/org-units?q=${encodeURIComponent('社区')}`)).json();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u: { code: string }) => u.code.startsWith('330602'))).toBe(true);
    expect((await yuecheng.get('/api/org-units/330602')).json().path[0]).toMatchObject({ code: '3306', inScope: false });
  });
});
