import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { composeIdNumber } from '../people/idNumber.ts';

const TODAY = '2026-11-20';
const { p, app } = await testApp({ today: () => TODAY });
const staff = await signIn(app, 'tashan-staff');
const director = await signIn(app, 'tashan-director');
const county = await signIn(app, 'yuecheng-health');
const VILLAGE = '330602001004';

let seq = 40;
async function person(name: string, birth: string, unitCode = VILLAGE): Promise<string> {
  const res = await staff.post('/api/people', { name, idNumber: composeIdNumber('330602', birth, seq++), unitCode });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  return res.json().id;
}
async function auditCount(action: string): Promise<number> {
  const [r] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);
  return r.n;
}

const directorWorker = (await staff.post('/api/welfare/workers', { unitCode: VILLAGE, role: 'director', name: '周主任', phone: '13800001111' })).json();
const supervisorWorker = (await staff.post('/api/welfare/workers', { unitCode: '330602001', role: 'supervisor', name: '李督导', phone: '13800002222' })).json();

describe('the key-children ledger', () => {
  let childId = '';
  it('opens a file for a person of the registry with a category, its basis and the contact card', async () => {
    const personId = await person('台账测甲', '2015-04-04');
    const res = await staff.post('/api/welfare/children', {
      personId, category: 'orphan', subclass: 'scattered', basis: '父母双亡，经县民政局认定', startDate: '2026-10-16',
      directorId: directorWorker.id, supervisorId: supervisorWorker.id, guardianName: '台账测祖母', guardianRelation: 'grandparent', guardianPhone: '13900003333',
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    childId = file.id;
    expect(file).toMatchObject({ name: '台账测甲', unitCode: VILLAGE, lastDayAsMinor: '2033-04-03', overdue: true });
    expect(file.idMasked).not.toMatch(/^\d{18}$/);
    expect(file.memberships[0]).toMatchObject({ category: 'orphan', subclass: 'scattered', active: true, confirmedByName: '塔山街道 李干事' });
    expect(file.contact).toMatchObject({ director: { name: '周主任', phone: '13800001111' }, supervisor: { name: '李督导' }, guardianPhone: '13900003333' });
    expect(file.nextDue).toMatchObject({ dueOn: '2026-11-15', intervalDays: 30, category: 'orphan' });
    // The same person twice is refused.
    const again = await staff.post('/api/welfare/children', { personId, category: 'leftBehind', basis: '外出务工', startDate: '2026-10-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ field: 'personId' });
  });

  it('refuses bad input field by field, in the caller’s language, and changes nothing', async () => {
    const personId = await person('台账测乙', '2016-05-05');
    const noClass = await staff.post('/api/welfare/children', { personId, category: 'difficulty', basis: '家庭贫困', startDate: '2026-10-01' });
    expect(noClass.statusCode).toBe(400);
    expect(noClass.json().error.fields[0]).toMatchObject({ field: 'subclass', message: '该类别需选择分类' });
    const future = await staff.post('/api/welfare/children', { personId, category: 'leftBehind', basis: '外出务工', startDate: '2026-12-01' }, { 'accept-language': 'en-US' });
    expect(future.json().error.fields[0]).toMatchObject({ field: 'startDate', message: 'The date cannot be after today' });
    const adult = await staff.post('/api/welfare/children', { personId: await person('台账测成年', '2008-01-01'), category: 'leftBehind', basis: '外出务工', startDate: '2025-01-01' });
    expect(adult.json().error.fields[0]).toMatchObject({ field: 'personId', message: '已年满18周岁，不再纳入儿童福利台账' });
    expect((await staff.get('/api/welfare/children?q=台账测乙&status=all')).json().total).toBe(0);
  });

  it('reads the file as an audited read, and the contact card too', async () => {
    const before = await auditCount('welfare.child.read');
    const res = await director.get(`/api/welfare/children/${childId}`);
    expect(res.statusCode).toBe(200);
    expect(await auditCount('welfare.child.read')).toBe(before + 1);
    const [row] = await p.db.rows<{ actor_username: string; entity_id: string; unit_code: string }>(sql`SELECT actor_username, entity_id, unit_code FROM audit_log WHERE action = 'welfare.child.read' ORDER BY seq DESC LIMIT 1`);
    expect(row).toEqual({ actor_username: 'tashan-director', entity_id: childId, unit_code: VILLAGE });
    expect((await director.get(`/api/welfare/children/${childId}/contact-card`)).statusCode).toBe(200);
    expect(await auditCount('welfare.child.contactCard')).toBe(1);
  });

  it('records a visit once, however often it is sent, and moves the due date by the interval', async () => {
    const visit = { visitedOn: '2026-11-18', visitorName: '周主任', findings: '生活照料正常', needs: '课业辅导' };
    const first = await director.post(`/api/welfare/children/${childId}/visits`, visit);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ overdue: false, nextDue: { dueOn: '2026-12-18', from: '2026-11-18' } });
    const second = await director.post(`/api/welfare/children/${childId}/visits`, visit);
    expect(second.statusCode).toBe(200);
    expect(second.json().visits).toHaveLength(1);
    const future = await director.post(`/api/welfare/children/${childId}/visits`, { ...visit, visitedOn: '2026-11-21' });
    expect(future.json().error.fields[0].field).toBe('visitedOn');
  });

  it('adds and ends categories, lists by category and name, and counts', async () => {
    const added = await director.post(`/api/welfare/children/${childId}/memberships`, { category: 'disabled', basis: '持残疾人证', startDate: '2026-01-01' });
    expect(added.statusCode, added.body).toBe(201);
    const twice = await director.post(`/api/welfare/children/${childId}/memberships`, { category: 'disabled', basis: '持残疾人证', startDate: '2026-02-01' });
    expect(twice.statusCode).toBe(409);
    const disabled = added.json().memberships.find((m: { category: string }) => m.category === 'disabled');
    const ended = await director.post(`/api/welfare/memberships/${disabled.id}/end`, { endDate: '2026-11-01', reason: '复查后不再符合' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().memberships.find((m: { id: string }) => m.id === disabled.id)).toMatchObject({ active: false, endDate: '2026-11-01', endReason: '复查后不再符合' });
    const list = (await director.get('/api/welfare/children?category=orphan&q=台账测')).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['台账测甲']);
    expect(list.items[0].categories).toEqual([{ category: 'orphan', subclass: 'scattered' }]);
    expect((await director.get('/api/welfare/children?category=disabled')).json().total).toBe(0);
    expect((await director.get('/api/welfare/children?category=disabled&status=all')).json().total).toBe(1);
    const counts = (await staff.get('/api/welfare/counts')).json();
    expect(counts.byCategory).toContainEqual({ category: 'orphan', children: 1 });
    expect((await staff.get('/api/welfare/children?category=nobody')).statusCode).toBe(400);
  });

  it('lists the children overdue for a visit per village and township', async () => {
    const personId = await person('台账测丙', '2014-02-02', '330602001008');
    await staff.post('/api/welfare/children', { personId, category: 'leftBehind', basis: '父母外出务工', startDate: '2026-01-10' });
    const res = (await staff.get('/api/welfare/visits/overdue')).json();
    expect(res.items).toContainEqual(expect.objectContaining({ name: '台账测丙', dueOn: '2026-04-10', daysOverdue: 224, category: 'leftBehind' }));
    expect(res.items.find((i: { name: string }) => i.name === '台账测甲')).toBeUndefined();
    expect(res.byTownship).toEqual([expect.objectContaining({ unitCode: '330602001', unitName: '塔山街道', overdue: 1, children: 2 })]);
    expect(res.byVillage).toContainEqual(expect.objectContaining({ unitName: '沈园社区', overdue: 1 }));
  });

  it('edits the contact card and shows each worker’s caseload', async () => {
    const res = await director.put(`/api/welfare/children/${childId}/contact`, { guardianPhone: '0575-88001234', note: '祖母腿脚不便' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().contact).toMatchObject({ guardianPhone: '0575-88001234', guardianName: '台账测祖母', director: { name: '周主任' } });
    expect((await director.put(`/api/welfare/children/${childId}/contact`, { guardianPhone: '123' })).json().error.fields[0].field).toBe('guardianPhone');
    expect((await director.put(`/api/welfare/children/${childId}/contact`, { directorId: supervisorWorker.id })).json().error.fields[0].field).toBe('directorId');
    const wres = await staff.get('/api/welfare/workers');
    expect(wres.statusCode, wres.body).toBe(200);
    const workers = wres.json();
    expect(workers.find((w: { id: string }) => w.id === directorWorker.id)).toMatchObject({ caseload: 1, unitName: '花园社区' });
  });

  it('computes the county’s basic living support from the ledger, prorated, explains it, and approves it once', async () => {
    expect((await director.post('/api/welfare/support/compute', { month: '2026-10' })).statusCode).toBe(403);
    const run = await county.post('/api/welfare/support/compute', { month: '2026-10' });
    expect(run.statusCode, run.body).toBe(200);
    // Scattered orphan from 16 October: 2,120 yuan × 16/31 days, rounded half up to the fen.
    expect(run.json()).toMatchObject({ unitCode: '330602', month: '2026-10', status: 'computed', children: 1, totalFen: 109419 });
    const detail = (await county.get(`/api/welfare/support/runs/${run.json().id}`)).json();
    expect(detail.lines).toEqual([expect.objectContaining({ childName: '台账测甲', ruleCode: 'welfare.orphanScattered', rateFen: 212000, days: 16, daysInMonth: 31, spans: [['2026-10-16', '2026-10-31']], amountFen: 109419 })]);
    expect(await auditCount('welfare.support.read')).toBe(1);
    const again = await county.post('/api/welfare/support/compute', { month: '2026-10' });
    expect(again.json().totalFen).toBe(109419);
    expect((await county.get('/api/welfare/support/runs?month=2026-10')).json()).toHaveLength(1);
    const approved = await county.post(`/api/welfare/support/runs/${again.json().id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: '越城区卫健局 陈科员' });
    expect((await county.post('/api/welfare/support/compute', { month: '2026-10' })).statusCode).toBe(409);
    expect((await county.post(`/api/welfare/support/runs/${again.json().id}/approve`)).statusCode).toBe(409);
    expect((await county.post('/api/welfare/support/compute', { month: '2026-12' })).json().error.fields[0].field).toBe('month');
    const xlsx = await county.get(`/api/welfare/support/runs/${again.json().id}/lines.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(xlsx.rawPayload);
    expect(JSON.stringify(rows)).toContain('孤儿（社会散居）');
    expect(JSON.stringify(rows)).toContain('1094.19');
    const file = (await director.get(`/api/welfare/children/${childId}`)).json();
    expect(file.support).toEqual([expect.objectContaining({ month: '2026-10', status: 'approved', amountFen: 109419 })]);
  });

  it('exports the ledger as a spreadsheet, audited', async () => {
    const res = await staff.get('/api/welfare/children/export.xlsx?q=台账测');
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(await xlsxRows(res.rawPayload));
    expect(text).toContain('台账测甲');
    expect(text).toContain('孤儿（社会散居）');
    expect(await auditCount('welfare.child.export')).toBe(1);
  });
});
