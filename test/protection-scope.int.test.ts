/**
 * A 越城区 user never sees a 嵊州市 protection case: not in the list, not by id, not by
 * search (name or receipt number), not in the counts or the overdue list, and no step,
 * assignment, referral or note on it succeeds. Every /api/protection route the API publishes
 * is called with every foreign identifier.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import { createProtectionFixture } from './support/scope-protection.ts';

const { app } = await testApp();
const shengzhou = await signIn(app, 'shengzhou-admin');
const foreign = await createProtectionFixture(app, shengzhou);
const yuecheng = {
  admin: await signIn(app, 'yuecheng-admin'),
  county: await signIn(app, 'yuecheng-health'),
  township: await signIn(app, 'tashan-staff'),
  director: await signIn(app, 'tashan-director'),
};
// A 越城区 case of its own, so the lists are not empty.
await yuecheng.county.post('/api/protection/reports', { unitCode: '330602001004', childName: '越城保护丙', category: 'other', situation: '越城保护经过' });

function expectNoMark(body: string, where: string) {
  for (const mark of foreign.marks) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

async function protectionOperations() {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/protection/'))
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path, params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]) })));
}

describe('a 越城区 user and 嵊州市 protection cases', () => {
  it('the foreign county sees its own cases (the fixture exists)', async () => {
    const list = (await shengzhou.get('/api/protection/cases')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(foreign.ids.slice(0, 2)));
    expect((await shengzhou.get(`/api/protection/cases/${foreign.ids[0]}`)).json().childName).toBe('嵊州保护甲');
    expect((await shengzhou.get('/api/protection/counts')).json().byStage.emergency).toBe(2);
  });

  it('finds no foreign case by id on any protection route', async () => {
    const ops = (await protectionOperations()).filter((o) => o.params.length > 0);
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const session of Object.values(yuecheng)) {
      for (const op of ops) {
        for (const id of foreign.ids) {
          const url = op.params.reduce((u, name) => u.replace(`{${name}}`, id), op.path);
          const body = op.path.endsWith('/transitions') ? { action: 'startAssessment' } : op.path.endsWith('/notes') ? { note: '越城记录' } : op.path.endsWith('/status') ? { status: 'accepted' } : op.path.endsWith('/referrals') ? { department: 'police', request: 'x' } : {};
          const res = await session.request({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : body });
          expect(res.statusCode, `${session.username} ${op.method} ${url}`).toBeGreaterThanOrEqual(400);
          if (op.path === '/api/protection/cases/{id}' || op.path.endsWith('/transitions') || op.path.endsWith('/notes')) expect(res.statusCode, `${session.username} ${op.method} ${url}`).toBe(404);
          expectNoMark(res.body, `${session.username} ${op.method} ${url}`);
        }
      }
    }
  });

  it('finds nothing foreign in the list, search, counts or overdue list, whatever the filters', async () => {
    const queries = ['', '?pageSize=200', '?unitCode=330683', '?unitCode=3306', '?unitCode=330683001', '?q=嵊州保护', '?q=嵊州', ...foreign.receipts.map((r) => `?q=${r}`), '?stage=emergency', '?overdue=false'];
    for (const session of Object.values(yuecheng)) {
      for (const path of ['/api/protection/cases', '/api/protection/counts', '/api/protection/overdue']) {
        for (const q of queries) {
          const res = await session.get(path + q);
          expectNoMark(res.body, `${session.username} ${path}${q}`);
          if (q.startsWith('?unitCode=3306') && session.username !== 'tashan-director') expect(res.statusCode, `${path}${q}`).toBe(404);
        }
      }
      const counts = await session.get('/api/protection/counts');
      expect(counts.statusCode).toBe(200);
      expect(counts.json().byStage.emergency, session.username).toBe(0);
    }
    const own = (await yuecheng.county.get(`/api/protection/cases?q=${encodeURIComponent('越城保护丙')}`)).json();
    expect(own.total).toBe(1);
  });

  it('cannot assign its workers to a foreign case, nor a foreign worker to its own', async () => {
    const foreignWorker = foreign.ids.at(-1)!;
    const tashanDirector = (await yuecheng.admin.get('/api/users?q=tashan-director')).json().items[0].id as string;
    expect((await yuecheng.admin.post(`/api/protection/cases/${foreign.ids[0]}/assignees`, { userId: tashanDirector })).statusCode).toBe(404);
    const own = (await yuecheng.county.get(`/api/protection/cases?q=${encodeURIComponent('越城保护丙')}`)).json().items[0].id as string;
    const res = await yuecheng.county.post(`/api/protection/cases/${own}/assignees`, { userId: foreignWorker });
    expect(res.statusCode).toBe(400);
    expectNoMark(res.body, 'assign foreign worker');
    expect((await yuecheng.county.get(`/api/protection/cases/${own}/candidates`)).body).not.toContain('嵊州保护督导');
  });
});
