/**
 * A 越城区 user never sees a 嵊州市 elderly record: not in lists, not by id, not through the
 * waiting list, beds, entitlements or workers, whatever the filters; nor can act on one.
 * Every elderly route of the OpenAPI document is called, so routes added later are covered.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import { createElderlyFixture } from './support/scope-elderly.ts';
import { shanghaiToday } from '../src/app/context.ts';

const { app } = await testApp();
const today = shanghaiToday();
const shengzhou = await signIn(app, 'shengzhou-admin');
const foreign = await createElderlyFixture(shengzhou, today);
const yuecheng = await signIn(app, 'yuecheng-admin');
const official = await signIn(app, 'yuecheng-health');
const FOREIGN_IDS = [...foreign.ids, '330683', '330683001', '330683001002'];

function expectNoForeignMark(body: string, where: string) {
  for (const mark of foreign.marks) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

async function elderlyOperations() {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([route]) => route.startsWith('/api/elderly/'))
    .flatMap(([route, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: route, params: [...route.matchAll(/\{(\w+)\}/g)].map((x) => x[1]) })));
}

describe('a 越城区 user and 嵊州市 elderly records', () => {
  it('the foreign county sees its own records (the test data exists)', async () => {
    expect((await shengzhou.get(`/api/elderly/profiles/${foreign.personId}`)).json().assessments).toHaveLength(1);
    expect((await shengzhou.get('/api/elderly/profiles?q=嵊州专测')).json().total).toBe(1);
  });

  it('reaches no foreign record by any elderly route that takes an identifier', async () => {
    const ops = (await elderlyOperations()).filter((o) => o.params.length > 0);
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const session of [yuecheng, official]) {
      for (const op of ops) {
        for (const id of FOREIGN_IDS) {
          const url = op.params.reduce((u, name) => u.replace(`{${name}}`, id), op.path);
          const res = await session.request({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : {} });
          expect(res.statusCode, `${op.method} ${url}`).toBeGreaterThanOrEqual(400);
          expectNoForeignMark(res.body, `${op.method} ${url}`);
        }
      }
    }
  });

  it('refuses to act on a foreign record with a valid body, answering 404 or a field error that names nothing', async () => {
    const [c] = (await shengzhou.get('/api/elderly/dementia-cases')).json();
    const waitId = foreign.ids[5];
    const homeId = foreign.ids[4];
    for (const [url, body] of [
      [`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'intervene', on: today }],
      [`/api/elderly/waiting-list/${waitId}/decision`, { action: 'admit', on: today }],
      [`/api/elderly/institutions/${homeId}/waiting-list`, { personId: foreign.personId, appliedOn: today }],
      [`/api/elderly/profiles/${foreign.personId}/assessments`, { assessedOn: today, reason: 'review', scores: {} }],
      [`/api/elderly/profiles/${foreign.personId}/dementia-screens`, { screenedOn: today, tool: 'ad8', score: 0 }],
      ['/api/elderly/workers', { institutionId: homeId, name: '越城', startedOn: today }],
      ['/api/elderly/institutions', { unitCode: '330683001', name: '越城越界', publicHome: false, beds: 1, nursingBeds: 1, dementiaBeds: 0, socialWorkers: 0 }],
    ] as const) {
      const res = await official.post(url, body);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expectNoForeignMark(res.body, url);
    }
    const own = await official.put(`/api/elderly/profiles/${foreign.personId}`, { household: 'localUrban', livingArrangement: 'alone', economicStatus: 'ordinary', healthStatus: 'good', careMode: 'home' });
    expect(own.statusCode).toBe(404);
    expect((await shengzhou.get('/api/elderly/dementia-cases')).json()[0].status).toBe('screened');
    expect((await shengzhou.get(`/api/elderly/institutions/${homeId}/waiting-list`)).json().entries).toHaveLength(1);
  });

  it('finds nothing foreign in any elderly list, count or summary, whatever the filters', async () => {
    const lists = (await elderlyOperations()).filter((o) => o.params.length === 0 && o.method === 'GET');
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const month = today.slice(0, 7);
    const queries = ['', '?unitCode=330683', '?unitCode=3306', '?q=嵊州专', '?q=嵊州', '?pageSize=200', '?status=all', '?abilityLevel=severe', '?livingArrangement=alone'];
    for (const op of lists) {
      for (const q of queries) {
        const url = op.path + q + (op.path.endsWith('entitlements') || op.path.endsWith('workers') ? `${q ? '&' : '?'}month=${month}` : '');
        const res = await yuecheng.get(url);
        expectNoForeignMark(res.body, url);
        if (q === '?unitCode=330683' && res.statusCode === 200 && url.includes('profiles')) expect(res.json().total).toBe(0);
      }
    }
    expect((await yuecheng.get('/api/elderly/beds?unitCode=330683')).statusCode).toBe(404);
    const beds = (await yuecheng.get('/api/elderly/beds')).json();
    expect(beds.unitCode).toBe('330602');
  });
});
