/**
 * A 越城区 user never sees 嵊州市 facts, alerts, gaps, feed runs or API keys: by id, in any
 * list, filter, count or export of the feeds and insurance routes (read from the OpenAPI
 * document, so routes added later are covered too), nor acts on them.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import { xlsxRows } from './support/xlsx.ts';
import { createFeedsFixture } from './support/scope-feeds.ts';

const { app } = await testApp();
const shengzhou = await signIn(app, 'shengzhou-admin');
const foreign = await createFeedsFixture(app, shengzhou);
const FOREIGN_MARKS = [...foreign.marks, '新北社区', '剡湖街道'];
const year = new Date().getFullYear();

function expectNoForeignMark(body: string, where: string) {
  for (const mark of FOREIGN_MARKS) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

async function operations() {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([route]) => route.startsWith('/api/feeds') || route.startsWith('/api/insurance'))
    .flatMap(([route, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: route, params: [...route.matchAll(/\{(\w+)\}/g)].map((x) => x[1]) })));
}

describe('a 越城区 user and 嵊州市 feeds', () => {
  const users = ['yuecheng-admin', 'yuecheng-health', 'tashan-staff', 'tashan-director'];

  it('reaches no foreign fact, alert, follow-up, run or key by any route that takes an identifier', async () => {
    const ops = (await operations()).filter((o) => o.params.length > 0);
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const username of users) {
      const s = await signIn(app, username);
      for (const op of ops) {
        for (const id of foreign.ids) {
          const url = op.params.reduce((u, name) => u.replace(`{${name}}`, id), op.path);
          const body = op.path.endsWith('/followup') ? { year, status: 'enrolled' } : op.path.includes('/alerts/') ? { status: 'handled', note: '越城' } : op.path.includes('/officers/') ? { department: 'health' } : {};
          const res = await s.request({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : body });
          expect(res.statusCode, `${username} ${op.method} ${url} answered ${res.statusCode}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${username} ${op.method} ${url}`).not.toBe(409);
          expectNoForeignMark(res.body, `${username} ${op.method} ${url}`);
        }
      }
    }
  });

  it('finds nothing foreign in any list, count or export, whatever the filters', async () => {
    const lists = (await operations()).filter((o) => o.params.length === 0 && o.method === 'GET');
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const queries = ['', '?unitCode=330683', '?unitCode=3306', '?unitCode=330683001002', `?year=${year}`, `?year=${year}&unitCode=330683`, `?year=${year}&list=gaps`, `?year=${year}&list=newborns`, `?year=${year}&list=unenrolled&pageSize=200`, '?group=lowIncome', '?group=deceased', '?status=open', '?kind=guardianDeath', '?pageSize=200', '?kind=lowIncome'];
    for (const username of [...users, 'city-data']) {
      const s = await signIn(app, username);
      if (username === 'city-data') continue;
      for (const op of lists) {
        for (const q of queries) {
          const res = await s.get(op.path + q);
          if (res.statusCode === 200 && res.headers['content-type']?.includes('spreadsheetml')) expectNoForeignMark(JSON.stringify(await xlsxRows(res.rawPayload)), `${username} ${op.path}${q}`);
          else expectNoForeignMark(res.body, `${username} ${op.path}${q}`);
        }
      }
    }
  });

  it('counts no foreign child in its rates', async () => {
    const s = await signIn(app, 'yuecheng-admin');
    const rates = (await s.get(`/api/insurance/rates?year=${year}`)).json();
    expect(rates.rows.every((r: { unitCode: string }) => r.unitCode.startsWith('330602'))).toBe(true);
    expect((await s.get(`/api/insurance/rates?year=${year}&unitCode=330683`)).statusCode).toBe(400);
  });

  it('cannot push into the foreign county with its own key, nor state facts there', async () => {
    // A 越城区 key registers no one in 嵊州市 and links no 嵊州市 person.
    const admin = await signIn(app, 'yuecheng-admin');
    const created = await admin.post('/api/feeds/keys', { department: 'education', name: '越城测试' });
    const token = created.json().token as string;
    const res = await app.inject({ method: 'POST', url: '/api/feeds/push', headers: { authorization: `Bearer ${token}` }, payload: { kind: 'school', rows: foreign.idNumbers.map((idNumber) => ({ idNumber, schoolName: '越城测试', status: '辍学', statusDate: '2026-09-01' })) } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rowsInserted: 0, rowsFailed: 3 });
    const report = await admin.get(`/api/feeds/runs/${res.json().id}/errors.csv`);
    expect(report.body.match(/未找到该身份证号对应的人员/g)).toHaveLength(3);
    const facts = (await shengzhou.get(`/api/feeds/people/${foreign.ids[0]}/facts`)).json();
    expect(facts.facts.some((f: { value: { schoolName?: string } }) => f.value.schoolName === '越城测试')).toBe(false);
    expectNoForeignMark(res.body, 'push');
  });
});

describe('the foreign county’s own admin', () => {
  it('does see its facts, alerts, gaps and runs (the test data exists)', async () => {
    const alerts = (await shengzhou.get('/api/feeds/alerts?pageSize=50')).json();
    expect(alerts.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['guardianDeath', 'insuranceLapse', 'leftSchool']);
    const gaps = (await shengzhou.get(`/api/insurance/children?year=${year}&list=gaps`)).json();
    expect(gaps.items.map((r: { name: string }) => r.name)).toContain('嵊州专测低保童');
    const facts = (await shengzhou.get(`/api/feeds/people/${foreign.ids[0]}/facts`)).json();
    expect(facts.facts.map((f: { kind: string }) => f.kind).sort()).toEqual(['lowIncome', 'school']);
    const groups = (await shengzhou.get('/api/feeds/key-groups?group=lowIncome')).json();
    expect(groups.items.map((r: { name: string }) => r.name)).toContain('嵊州专测低保童');
  });
});
