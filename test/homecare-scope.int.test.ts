/**
 * A 越城区 user never sees 嵊州市 home-care records: no account, balance, statement, order,
 * provider, volunteer service or visit, by any home-care route (read from the OpenAPI document),
 * with any foreign identifier, in any list or search, and whatever the caller's role.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/platform.ts';
import { signIn, type Session } from './support/http.ts';
import { createHomecareFixture } from './support/scope-homecare.ts';
import { shanghaiToday } from '../src/app/context.ts';
import { personFixture } from './support/homecare.ts';

const { p, app } = await testApp();
const today = shanghaiToday();
const foreign = await createHomecareFixture(p, app, today);
const callers: Session[] = [];
for (const u of ['yuecheng-admin', 'yuecheng-health', 'tashan-staff', 'yuecheng-provider', 'tashan-elder', 'tashan-volunteer']) callers.push(await signIn(app, u));
// A 越城区 elderly person of the caller's own, so write routes have something valid to pair a foreign id with.
const own = await personFixture(p, { name: '越城自己的老人', birthDate: '1941-01-01' });

function expectNoForeignMark(body: string, where: string) {
  for (const mark of foreign.marks) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

async function homecareOperations() {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([route]) => route.startsWith('/api/homecare/'))
    .flatMap(([route, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: route, params: [...route.matchAll(/\{(\w+)\}/g)].map((x) => x[1]) })));
}

describe('a 越城区 user and 嵊州市 home-care records', () => {
  it('reaches no foreign record by any home-care route that takes an identifier', async () => {
    const ops = (await homecareOperations()).filter((o) => o.params.length > 0);
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const caller of callers) {
      for (const op of ops) {
        for (const id of foreign.ids) {
          const url = op.path.replace('{id}', id).replace('{action}', 'accept');
          const body = { reason: 'x', idempotencyKey: 'yuecheng-probe-1', category: 'meal', name: 'x', chargeUnit: 'service', priceFen: 100 };
          const res = await caller.request({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : body });
          expect(res.statusCode, `${caller.username} ${op.method} ${url} answered ${res.statusCode}`).toBeGreaterThanOrEqual(400);
          if (res.statusCode !== 400) expect([403, 404, 409], `${caller.username} ${op.method} ${url}`).toContain(res.statusCode);
          expectNoForeignMark(res.body, `${caller.username} ${op.method} ${url}`);
        }
      }
    }
  });

  it('finds nothing foreign in any home-care list or search, whatever the filters', async () => {
    const lists = (await homecareOperations()).filter((o) => o.params.length === 0 && o.method === 'GET');
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const queries = ['', '?unitCode=330683', '?unitCode=3306', '?q=嵊州专测', '?currency=time', '?pageSize=200', `?personId=${foreign.ids[0]}`, `?volunteerId=${foreign.ids[1]}`, `?providerId=${foreign.ids[5]}`];
    for (const caller of callers) {
      for (const op of lists) {
        for (const q of queries) {
          const res = await caller.get(op.path + q);
          expectNoForeignMark(res.body, `${caller.username} ${op.path}${q}`);
        }
      }
    }
  });

  it('cannot move foreign money or hours through the body of a write', async () => {
    const [, county, staff] = callers;
    const foreignElder = foreign.ids[0];
    const foreignVolunteer = foreign.ids[1];
    const attempts: [Session, string, unknown][] = [
      [county, '/api/homecare/card/issue', { personId: foreignElder, amountFen: 100, idempotencyKey: 'yuecheng-probe-2' }],
      [county, '/api/homecare/card/refund', { txnId: foreign.ids[9], amountFen: 100, idempotencyKey: 'yuecheng-probe-3', reason: 'x' }],
      [staff, '/api/homecare/orders', { personId: foreignElder, itemId: foreign.ids[6], quantity: 1, scheduledOn: today, payment: 'card' }],
      [staff, '/api/homecare/orders', { personId: own.id, itemId: foreign.ids[6], quantity: 1, scheduledOn: today, payment: 'card' }],
      [staff, '/api/homecare/time/redeem', { personId: foreignVolunteer, minutes: 10, idempotencyKey: 'yuecheng-probe-4', memo: 'x' }],
      [staff, '/api/homecare/time/transfer', { fromPersonId: foreignVolunteer, toPersonId: own.id, minutes: 10, idempotencyKey: 'yuecheng-probe-5' }],
      [staff, '/api/homecare/time/transfer', { fromPersonId: own.id, toPersonId: foreignElder, minutes: 10, idempotencyKey: 'yuecheng-probe-6' }],
      [staff, '/api/homecare/time/services', { volunteerId: foreignVolunteer, serviceType: 'dailyCare', servedOn: today, minutes: 30 }],
      [staff, '/api/homecare/time/relatives', { personId: own.id, relativeId: foreignElder, relation: 'spouse' }],
      [staff, '/api/homecare/visits', { personId: foreignElder, visitedOn: today, mode: 'home', visitorName: 'x' }],
      [staff, '/api/homecare/visits/targets', { personId: foreignElder, category: 'alone', tier: 'high' }],
      [county, '/api/homecare/self-links', { username: 'tashan-elder', personId: foreignElder }],
      [county, '/api/homecare/providers', { unitCode: '330683', name: 'x', categories: ['meal'] }],
    ];
    for (const [caller, url, body] of attempts) {
      const res = await caller.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url} ${res.body}`).not.toBe(500);
      expectNoForeignMark(res.body, url);
    }
    // The foreign card still holds what was issued less the one confirmed order.
    const shengzhou = await signIn(app, 'shengzhou-health');
    const card = (await shengzhou.get('/api/homecare/accounts?currency=card')).json().items[0];
    expect(card).toMatchObject({ personName: '嵊州专测老人', balance: 123_45 - 12_00, held: 0 });
  });
});
