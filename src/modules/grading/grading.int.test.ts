import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { createCenterFixture } from '../../../test/support/childcare-fixtures.ts';
import { CURRENT_STANDARD, itemsOf } from './standard.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const admin = await signIn(app, 'yuecheng-admin');
const made = await admin.post('/api/users', { username: 'yc-operator', displayName: '阳光托育 张园长', password: 'a-long-password', role: 'childcare_operator', unitCode: '330602001' });
if (made.statusCode !== 201) throw new Error(made.body);
const operator = await signIn(app, 'yc-operator', 'a-long-password');
const county = await signIn(app, 'yuecheng-health');
const city = await signIn(app, 'city-health');

const full = Object.fromEntries(itemsOf(CURRENT_STANDARD).map((i) => [i.code, i.max]));
/** 1,000 less the care and parenting dimensions' points given: 720 with care at 0 and parenting at 0. */
const scores720 = Object.fromEntries(Object.entries(full).map(([k, v]) => [k, /^(care|parenting)\./.test(k) ? 0 : v]));

async function draft(centerId: string, level = 'grade2') {
  const res = await operator.post('/api/grading/applications', { centerId, level });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('eligibility (004: registered, filed, operating six months, health evaluation passed)', () => {
  it('refuses to submit the application of a center operating under six months, and says why and from when', async () => {
    const c = await createCenterFixture(p, { ownerUsername: 'yc-operator', openedOn: '2026-07-01' });
    const check = (await operator.get(`/api/grading/centers/${c.id}/eligibility`)).json();
    expect(check).toEqual({ eligible: false, checkedOn: '2026-11-20', failures: [{ condition: 'operatingSixMonths', params: { months: 6, openedOn: '2026-07-01', eligibleFrom: '2027-01-01' } }] });
    const id = await draft(c.id);
    expect((await operator.put(`/api/grading/applications/${id}/self-assessment`, { scores: full })).statusCode).toBe(200);
    const res = await operator.post(`/api/grading/applications/${id}/submit`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation',
      message: '暂不符合等级评定的申报条件，请查看原因。',
      fields: [{ field: 'eligibility.operatingSixMonths', code: 'grading.eligibility.operatingSixMonths', message: '办托未满 6 个月（2026-07-01 开始办托，2027-01-01 起可申报）' }],
    });
    expect((await operator.get(`/api/grading/applications/${id}`)).json().status).toBe('draft');
  });

  it('lists every failed condition: not filed, no health evaluation', async () => {
    const c = await createCenterFixture(p, { ownerUsername: 'yc-operator', status: 'draft', healthEvaluation: false });
    const check = (await county.get(`/api/grading/centers/${c.id}/eligibility`)).json();
    expect(check.failures.map((f: { condition: string }) => f.condition)).toEqual(['filed', 'healthEvaluation']);
  });
});

describe('the closed loop: self-assessment, on-site assessment, publication, re-evaluation, downgrade', () => {
  it('grades a center two from a county assessment of 720, publishes it for three years, then downgrades it', async () => {
    const c = await createCenterFixture(p, { ownerUsername: 'yc-operator', name: '阳光托育园' });
    const id = await draft(c.id, 'grade2');
    const bad = await operator.put(`/api/grading/applications/${id}/self-assessment`, { scores: { 'staff.ratio': 41, 'no.such': 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([['scores.staff.ratio', 'grading.scoreRange'], ['scores.no.such', 'grading.unknownItem']]);
    await operator.put(`/api/grading/applications/${id}/self-assessment`, { scores: { 'staff.ratio': 40 } });
    const incomplete = await operator.post(`/api/grading/applications/${id}/submit`, {});
    expect(incomplete.json().error.fields[0].code).toBe('grading.scoreMissing');
    expect((await operator.put(`/api/grading/applications/${id}/self-assessment`, { scores: full })).json().selfTotal).toBe(1000);
    const submitted = await operator.post(`/api/grading/applications/${id}/submit`, {});
    expect(submitted.json()).toMatchObject({ status: 'submitted', eligibility: { eligible: true } });
    expect((await operator.post(`/api/grading/applications/${id}/assessment`, { onsiteOn: '2026-11-18', assessors: '自评', scores: full })).statusCode).toBe(403);
    const assessed = await county.post(`/api/grading/applications/${id}/assessment`, { onsiteOn: '2026-11-18', assessors: '陈科员、外聘专家', scores: scores720 });
    expect(assessed.json()).toMatchObject({ status: 'assessed', onsiteTotal: 720, resultLevel: 'grade2', resultReasons: [{ key: 'grading.reason.met', params: { total: 720, min: 700 } }] });
    expect((await operator.get('/api/grading/grades')).json()).toEqual([]);
    const published = await county.post(`/api/grading/applications/${id}/publish`, {});
    expect(published.json().status).toBe('published');
    const grades = (await operator.get(`/api/grading/grades?centerId=${c.id}`)).json();
    expect(grades).toEqual([expect.objectContaining({ level: 'grade2', validFrom: '2026-11-20', validTo: '2029-11-19', current: true })]);

    expect((await county.post(`/api/grading/centers/${c.id}/downgrade`, { level: 'grade1', on: '2026-11-20', reason: 'x' })).json().error.fields[0].code).toBe('grading.beforeGrade');
    p.today = () => '2027-03-02';
    const down = await county.post(`/api/grading/centers/${c.id}/downgrade`, { level: 'grade3', on: '2027-03-01', reason: '监督检查发现保育人员配比不足，整改逾期' });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json().map((g: { level: string; endReason: string | null; current: boolean }) => [g.level, g.endReason, g.current])).toEqual([
      ['grade2', 'downgraded', false],
      ['grade3', null, true],
    ]);
    const wrongWay = await county.post(`/api/grading/centers/${c.id}/downgrade`, { level: 'grade2', on: '2027-03-02', reason: 'x' });
    expect(wrongWay.json().error.fields[0].code).toBe('grading.notLower');

    const again = await draft(c.id, 'grade1');
    await operator.put(`/api/grading/applications/${again}/self-assessment`, { scores: full });
    await operator.post(`/api/grading/applications/${again}/submit`, {});
    await county.post(`/api/grading/applications/${again}/assessment`, { onsiteOn: '2027-03-02', assessors: '复评组', scores: full });
    await county.post(`/api/grading/applications/${again}/publish`, {});
    const history = (await county.get(`/api/grading/grades?centerId=${c.id}&history=true`)).json();
    expect(history.map((g: { level: string; endReason: string | null }) => [g.level, g.endReason])).toEqual([['grade2', 'downgraded'], ['grade3', 'superseded'], ['grade1', null]]);
    const audits = await p.db.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE action LIKE 'grading.%' ORDER BY seq`);
    expect(audits.map((a) => a.action)).toContain('grading.grade.downgrade');
    expect(audits.filter((a) => a.action === 'grading.application.publish')).toHaveLength(2);
    p.today = () => '2026-11-20';
  });

  it('leaves 市级示范 to the city: the county may not assess it, the city may', async () => {
    const c = await createCenterFixture(p, { ownerUsername: 'yc-operator' });
    const id = await draft(c.id, 'cityModel');
    await operator.put(`/api/grading/applications/${id}/self-assessment`, { scores: full });
    await operator.post(`/api/grading/applications/${id}/submit`, {});
    const byCounty = await county.post(`/api/grading/applications/${id}/assessment`, { onsiteOn: '2026-11-19', assessors: '县', scores: full });
    expect(byCounty.json().error.fields[0].code).toBe('grading.cityAssesses');
    const byCity = await city.post(`/api/grading/applications/${id}/assessment`, { onsiteOn: '2026-11-19', assessors: '市卫健委评估组', scores: { ...full, 'safety.surveillance': 0 } });
    expect(byCity.json()).toMatchObject({ resultLevel: null, resultReasons: [{ key: 'grading.reason.veto', params: { item: 'safety.surveillance' } }] });
  });

  it('lists and exports applications and grades with filters, only the operator’s own centers for an operator', async () => {
    const list = (await county.get('/api/grading/applications?status=published&sort=onsiteTotal&order=desc')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const xlsx = await xlsxRows((await county.get('/api/grading/grades/export.xlsx?history=true')).rawPayload);
    expect(xlsx[0]).toContain('等级');
    expect(xlsx.some((r) => r.includes('降级'))).toBe(true);
    const other = await createCenterFixture(p, { name: '别家托育园' });
    expect((await operator.get(`/api/grading/centers/${other.id}/eligibility`)).statusCode).toBe(404);
    expect((await operator.post('/api/grading/applications', { centerId: other.id, level: 'grade3' })).statusCode).toBe(404);
  });
});
