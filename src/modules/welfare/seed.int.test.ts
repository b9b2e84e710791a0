import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { createRng } from '../../app/random.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { seedWelfare } from './seed.ts';

const TODAY = '2026-11-20';
const { p, app } = await testApp({ today: () => TODAY });

describe('the demo data of the ledger', () => {
  it('draws key children from the registry with categories, visits and the support the service would compute', async () => {
    const admin = await signIn(app, 'city-admin');
    const villages = ['330602001004', '330602001008', '330683001002', '330683001003'];
    for (let i = 0; i < 24; i++) {
      const birth = `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
      const res = await admin.post('/api/people', { name: `种子童${i}`, idNumber: composeIdNumber(villages[i % 4].slice(0, 6), birth, 100 + i), unitCode: villages[i % 4] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const r = await seedWelfare(p, createRng(7), { count: 20, tashan: 4 });
    expect(r.children).toBe(20);
    expect(r.homes).toBeGreaterThan(100);
    const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM welfare_memberships`);
    expect(n).toBeGreaterThanOrEqual(20);
    const [{ tashan }] = await p.db.rows<{ tashan: number }>(sql`SELECT count(*)::int AS tashan FROM welfare_children WHERE unit_code LIKE '330602001%'`);
    expect(tashan).toBeGreaterThanOrEqual(4);
    // Every seeded run matches what the service computes for the same month.
    const county = await signIn(app, 'yuecheng-health');
    const runs = (await county.get('/api/welfare/support/runs')).json() as { id: string; month: string; status: string; totalFen: number }[];
    const computed = runs.find((x) => x.status === 'computed');
    if (computed) {
      const again = (await county.post('/api/welfare/support/compute', { month: computed.month })).json();
      expect(again.totalFen).toBe(computed.totalFen);
    }
    const director = await signIn(app, 'tashan-director');
    const list = (await director.get('/api/welfare/children?status=all')).json();
    expect(list.total).toBe(tashan);
    expect((await director.get(`/api/welfare/children/${list.items[0].id}`)).json().contact.director).not.toBeNull();
  });
});
