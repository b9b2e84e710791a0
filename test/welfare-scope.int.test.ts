/**
 * A 越城区 user never sees a 嵊州市 key child: not in the ledger's list, not by id, not by
 * search, not in an export or a count, not in the overdue list, the workforce or the living
 * support; acting on a foreign record answers 404 like an absent one.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import { xlsxRows } from './support/xlsx.ts';
import { shanghaiToday } from '../src/app/context.ts';
import { createWelfareFixture } from './support/scope-welfare.ts';
import { composeIdNumber } from '../src/modules/people/idNumber.ts';

const { p, app } = await testApp();
const today = shanghaiToday();
const shengzhou = await signIn(app, 'shengzhou-admin');
const foreign = await createWelfareFixture(shengzhou, today);
const yuecheng = await signIn(app, 'yuecheng-admin');
const official = await signIn(app, 'yuecheng-health');
const director = await signIn(app, 'tashan-director');

function expectNoMark(body: string, where: string) {
  for (const mark of foreign.marks) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

describe('a 越城区 user and a 嵊州市 key child', () => {
  it('the foreign county sees its own child (the fixture exists)', async () => {
    expect((await shengzhou.get(`/api/welfare/children/${foreign.childId}`)).json().name).toBe('嵊州福利专测童');
    expect((await shengzhou.get('/api/welfare/counts')).json().total).toBe(1);
    expect((await shengzhou.get(`/api/welfare/support/runs/${foreign.runId}`)).json().lines).toHaveLength(1);
  });

  it('finds nothing by list, search, filter, count, export, overdue list, workers or support runs', async () => {
    for (const s of [yuecheng, official, director]) {
      for (const url of ['/api/welfare/children', '/api/welfare/children?status=all', '/api/welfare/children?q=嵊州', '/api/welfare/children?q=专测&status=all&pageSize=200', '/api/welfare/children?category=orphan&status=all', '/api/welfare/counts', '/api/welfare/visits/overdue', '/api/welfare/workers', '/api/welfare/workers?role=director', '/api/welfare/homes', '/api/welfare/homes?kind=demonstration', '/api/welfare/homes/targets']) {
        const res = await s.get(url);
        expect(res.statusCode, `${s.username} ${url}`).toBe(200);
        expectNoMark(res.body, `${s.username} ${url}`);
      }
      expect((await s.get('/api/welfare/children?q=嵊州福利&status=all')).json().total).toBe(0);
      expect((await s.get('/api/welfare/counts')).json().total).toBe(0);
      const xlsx = await s.get('/api/welfare/children/export.xlsx?status=all');
      expect(xlsx.statusCode).toBe(200);
      expectNoMark(JSON.stringify(await xlsxRows(xlsx.rawPayload)), `${s.username} export`);
    }
    for (const url of ['/api/welfare/support/runs', `/api/welfare/support/runs?month=${today.slice(0, 7)}`]) {
      const res = await official.get(url);
      expect(res.statusCode).toBe(200);
      expectNoMark(res.body, url);
      expect(res.json()).toEqual([]);
    }
  });

  it('filtering by the foreign county answers 404, the same as an absent unit', async () => {
    for (const url of ['/api/welfare/children?unitCode=330683', '/api/welfare/children/export.xlsx?unitCode=330683001', '/api/welfare/counts?unitCode=330683', '/api/welfare/visits/overdue?unitCode=330683001002', '/api/welfare/workers?unitCode=330683', '/api/welfare/support/runs?unitCode=330683', '/api/welfare/homes?unitCode=330683', '/api/welfare/homes/targets?unitCode=330683001']) {
      const res = await official.get(url);
      expect(res.statusCode, url).toBe(404);
      expectNoMark(res.body, url);
    }
  });

  it('reaches nothing by id, reading or writing, and leaves no trace in the foreign record', async () => {
    const [{ n: before }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'welfare.%'`);
    const gets = [...foreign.homeIds.map((id) => `/api/welfare/homes/${id}`), `/api/welfare/children/${foreign.childId}`, `/api/welfare/children/${foreign.childId}/contact-card`, `/api/welfare/support/runs/${foreign.runId}`, `/api/welfare/support/runs/${foreign.runId}/lines.xlsx`];
    const writes: [string, string, unknown][] = [
      ['PUT', `/api/welfare/children/${foreign.childId}/contact`, { guardianPhone: '13900001111' }],
      ['POST', `/api/welfare/children/${foreign.childId}/memberships`, { category: 'leftBehind', basis: '越城', startDate: today }],
      ['POST', `/api/welfare/memberships/${foreign.membershipId}/end`, { endDate: today, reason: '越城' }],
      ['POST', `/api/welfare/children/${foreign.childId}/visits`, { visitedOn: today, visitorName: '越城', findings: '越城' }],
      ['POST', `/api/welfare/support/runs/${foreign.runId}/approve`, {}],
      ['PUT', `/api/welfare/homes/${foreign.homeIds[1]}/hub`, { hubId: null }],
      ['POST', `/api/welfare/homes/${foreign.homeIds[0]}/activities`, { heldOn: today, title: '越城', participants: 1 }],
      ['POST', '/api/welfare/support/compute', { month: today.slice(0, 7), unitCode: '330683' }],
    ];
    for (const s of [yuecheng, official]) {
      for (const url of gets) {
        const res = await s.get(url);
        expect(res.statusCode, `${s.username} ${url}`).toBe(404);
        expectNoMark(res.body, url);
      }
      for (const [method, url, payload] of writes) {
        const res = await s.request({ method: method as 'POST', url, payload: payload as object });
        expect(res.statusCode, `${s.username} ${method} ${url} ${res.body}`).toBe(404);
        expectNoMark(res.body, url);
      }
    }
    const [{ n: after }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'welfare.%'`);
    expect(after - before).toBe(0);
    const file = (await shengzhou.get(`/api/welfare/children/${foreign.childId}`)).json();
    expect(file.visits).toHaveLength(1);
    expect(file.memberships).toHaveLength(1);
    expect(file.contact.guardianPhone).toBe('13700007777');
    expect((await shengzhou.get(`/api/welfare/support/runs/${foreign.runId}`)).json().status).toBe('computed');
    expect((await shengzhou.get(`/api/welfare/homes/${foreign.homeIds[1]}`)).json().hubId).toBe(foreign.homeIds[0]);
    expect((await shengzhou.get(`/api/welfare/homes/${foreign.homeIds[0]}`)).json().activityList).toHaveLength(1);
  });

  it('cannot open a file for a foreign person nor name a foreign worker', async () => {
    const [{ id: personId }] = await p.db.rows<{ id: string }>(sql`SELECT person_id AS id FROM welfare_children WHERE id = ${foreign.childId}`);
    const res = await official.post('/api/welfare/children', { personId, category: 'leftBehind', basis: '越城', startDate: today });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'personId' });
    expectNoMark(res.body, 'register');
    // Linking one's own basic home to a foreign demonstration home is refused like an unknown one.
    const ownHome = await official.post('/api/welfare/homes', { unitCode: '330602001004', name: '越城测试之家', kind: 'basic', openedOn: '2024-01-01', hubId: foreign.homeIds[0] });
    expect(ownHome.statusCode).toBe(400);
    expect(ownHome.json().error.fields[0]).toMatchObject({ field: 'hubId' });
    expectNoMark(ownHome.body, 'home hub');
    // Naming a foreign worker on one's own child's card is refused like an unknown one.
    const own = await official.post('/api/people', { name: '越城福利测', idNumber: composeIdNumber('330602', '2015-09-09', 71), unitCode: '330602001004' });
    expect(own.statusCode).toBe(201);
    for (const [field, id] of [['directorId', foreign.workerIds[0]], ['supervisorId', foreign.workerIds[1]]] as const) {
      const named = await official.post('/api/welfare/children', { personId: own.json().id, category: 'leftBehind', basis: '越城', startDate: today, [field]: id });
      expect(named.statusCode).toBe(400);
      expect(named.json().error.fields[0]).toMatchObject({ field });
      expectNoMark(named.body, field);
    }
  });
});
