import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { createCenterFixture, gradeFixture } from '../../../test/support/childcare-fixtures.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const county = await signIn(app, 'yuecheng-health');
const city = await signIn(app, 'city-health');

async function auditCount(action: string): Promise<number> {
  const [r] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);
  return r.n;
}

describe('the monthly subsidy of an affordable grade-two center (004: 700 yuan per enrolled child per month)', () => {
  it('pays 37 children enrolled for the whole month 25,900 yuan, one line per child, and explains each line', async () => {
    const c = await createCenterFixture(p, { name: '越城二级普惠园', children: 37, enrolledFrom: '2026-03-01' });
    await gradeFixture(p, c.id, 'grade2');
    const run = await county.post('/api/subsidies/months/compute', { month: '2026-10', centerId: c.id });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ computed: 1, children: 37, totalFen: 25_900_00 });
    const list = (await county.get(`/api/subsidies/months?month=2026-10&centerId=${c.id}`)).json();
    expect(list.items).toHaveLength(1);
    const detail = (await county.get(`/api/subsidies/months/${list.items[0].id}`)).json();
    expect(detail).toMatchObject({ totalFen: 25_900_00, children: 37, status: 'computed', grade: 'grade2', affordable: true });
    expect(detail.lines).toHaveLength(37);
    expect(new Set(detail.lines.map((l: { personId: string }) => l.personId))).toEqual(new Set(c.personIds));
    for (const l of detail.lines) expect(l).toMatchObject({ ruleCode: 'childcare.graded.grade2', rateFen: 700_00, days: 31, daysInMonth: 31, amountFen: 700_00, spans: [['2026-10-01', '2026-10-31']] });
    expect(await auditCount('subsidies.month.read')).toBeGreaterThan(0);
  });

  it('prorates part months, leaves out hourly care, and explains why an ungraded center gets nothing', async () => {
    const c = await createCenterFixture(p, { children: 2, enrolledFrom: '2026-10-16' });
    await gradeFixture(p, c.id, 'grade1');
    const hourly = await createCenterFixture(p, { children: 3, careType: 'hourly' });
    await gradeFixture(p, hourly.id, 'grade1');
    const ungraded = await createCenterFixture(p, { children: 4 });
    for (const id of [c.id, hourly.id, ungraded.id]) expect((await county.post('/api/subsidies/months/compute', { month: '2026-10', centerId: id })).statusCode).toBe(200);
    const months = (await county.get('/api/subsidies/months?month=2026-10&pageSize=200')).json().items as { id: string; centerId: string; totalFen: number }[];
    expect(months.find((m) => m.centerId === c.id)!.totalFen).toBe(2 * Math.round((900_00 * 16) / 31));
    expect(months.find((m) => m.centerId === hourly.id)!.totalFen).toBe(0);
    const none = (await county.get(`/api/subsidies/months/${months.find((m) => m.centerId === ungraded.id)!.id}`)).json();
    expect(none.totalFen).toBe(0);
    expect(none.unmet.map((u: { ruleCode: string }) => u.ruleCode)).toEqual(['childcare.graded.grade1', 'childcare.graded.grade2', 'childcare.graded.grade3']);
  });

  it('refuses a month that has not ended, with a field error in the caller’s language', async () => {
    const res = await county.post('/api/subsidies/months/compute', { month: '2026-11' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'month', code: 'subsidies.monthNotEnded', message: '只能核算已结束的月份' });
    const en = await county.post('/api/subsidies/months/compute', { month: '2026-13' }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0].field).toBe('month');
  });
});

describe('approval, payment and the city overview', () => {
  it('moves a month computed → approved → paid, each step audited; a recompute keeps approved months', async () => {
    const c = await createCenterFixture(p, { children: 5, enrolledFrom: '2026-01-01' });
    await gradeFixture(p, c.id, 'grade3');
    await county.post('/api/subsidies/months/compute', { month: '2026-09', centerId: c.id });
    const [m] = (await county.get(`/api/subsidies/months?month=2026-09&centerId=${c.id}`)).json().items;
    expect(m.totalFen).toBe(5 * 500_00);
    expect((await county.post(`/api/subsidies/months/${m.id}/pay`, { paidOn: '2026-11-01' })).statusCode).toBe(409);
    const approved = await county.post(`/api/subsidies/months/${m.id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: '越城区卫健局 陈科员' });
    const again = (await county.post('/api/subsidies/months/compute', { month: '2026-09', centerId: c.id })).json();
    expect(again).toMatchObject({ computed: 0, kept: 1 });
    expect((await county.post(`/api/subsidies/months/${m.id}/pay`, { paidOn: '2026-12-01' })).json().error.fields[0].code).toBe('subsidies.inFuture');
    expect((await county.post(`/api/subsidies/months/${m.id}/pay`, { paidOn: '2026-11-05' })).json()).toMatchObject({ status: 'paid', paidOn: '2026-11-05' });
    expect(await auditCount('subsidies.month.approve')).toBe(1);
    expect(await auditCount('subsidies.month.pay')).toBe(1);
    const overview = (await city.get('/api/subsidies/overview?month=2026-09')).json();
    expect(overview.rows).toEqual([expect.objectContaining({ unitCode: '330602', unitName: '越城区', centers: 1, children: 5, paidFen: 5 * 500_00, totalFen: 5 * 500_00 })]);
    expect((await city.post(`/api/subsidies/months/${m.id}/approve`, {})).statusCode).toBe(403);
  });

  it('exports the months and a month’s lines as spreadsheets', async () => {
    const res = await county.get('/api/subsidies/months/export.xlsx?month=2026-10');
    expect(res.statusCode).toBe(200);
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toContain('补助金额（元）');
    expect(rows.some((r) => r.includes(25_900))).toBe(true);
    const [m] = (await county.get('/api/subsidies/months?month=2026-10&sort=totalFen&order=desc')).json().items;
    const lines = await xlsxRows((await county.get(`/api/subsidies/months/${m.id}/lines.xlsx`)).rawPayload);
    expect(lines).toHaveLength(38);
    expect(lines[1]).toContain('二级普惠托育机构生均补助');
  });
});

describe('rules as dated data', () => {
  it('lists the seed rules and lets the city add a new version that closes the old one', async () => {
    const rules = (await city.get('/api/subsidies/rules')).json();
    expect(rules.filter((r: { inEffect: boolean; programme: string }) => r.inEffect && r.programme === 'childcare')).toHaveLength(5);
    const grade2 = rules.find((r: { code: string }) => r.code === 'childcare.graded.grade2');
    const body = { ...grade2, effectiveFrom: '2027-01-01', effectiveTo: null, amountFen: 800_00 };
    delete body.id;
    delete body.inEffect;
    expect((await county.post('/api/subsidies/rules', body)).statusCode).toBe(403);
    const admin = await signIn(app, 'city-admin');
    const created = await admin.post('/api/subsidies/rules', body);
    expect(created.statusCode, created.body).toBe(201);
    const after = (await city.get('/api/subsidies/rules')).json().filter((r: { code: string }) => r.code === 'childcare.graded.grade2');
    expect(after.map((r: { effectiveFrom: string; effectiveTo: string | null; amountFen: number }) => [r.effectiveFrom, r.effectiveTo, r.amountFen])).toEqual([
      ['2022-01-01', '2026-12-31', 700_00],
      ['2027-01-01', null, 800_00],
    ]);
    const overlap = await admin.post('/api/subsidies/rules', { ...body, effectiveFrom: '2026-06-01', effectiveTo: '2027-02-01' });
    expect(overlap.json().error.fields[0]).toMatchObject({ field: 'effectiveFrom', code: 'subsidies.periodOverlap' });
  });
});

describe('one-time claims', () => {
  it('pays a filed center’s premises costs up to 200,000 yuan once, on the county’s approval', async () => {
    const c = await createCenterFixture(p, { unitCode: '330602001', ownerUsername: 'tashan-staff' });
    await p.db.rows(sql`UPDATE users SET role = 'childcare_operator' WHERE username = 'tashan-staff'`);
    const operator = await signIn(app, 'tashan-staff');
    const claim = await operator.post('/api/subsidies/claims', { centerId: c.id, ruleCode: 'childcare.premises', costFen: 260_000_00, description: '新增用房改造和设备' });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json()).toMatchObject({ status: 'submitted', capFen: 200_000_00 });
    expect((await operator.post('/api/subsidies/claims', { centerId: c.id, ruleCode: 'childcare.premises', costFen: 1_00, description: '再次' })).statusCode).toBe(409);
    const converted = await operator.post('/api/subsidies/claims', { centerId: c.id, ruleCode: 'childcare.convertedPlace', costFen: 10_000_00, places: 12, description: '学位转托位' });
    expect(converted.json().error.fields[0]).toMatchObject({ field: 'ruleCode', code: 'subsidies.conditionUnmet' });
    const decided = await county.post(`/api/subsidies/claims/${claim.json().id}/decision`, { decision: 'approve' });
    expect(decided.json()).toMatchObject({ status: 'approved', amountFen: 200_000_00 });
    expect((await county.post(`/api/subsidies/claims/${claim.json().id}/decision`, { decision: 'reject', comment: 'x' })).statusCode).toBe(409);
    const mine = (await operator.get('/api/subsidies/claims')).json();
    expect(mine.map((x: { id: string }) => x.id)).toEqual([claim.json().id]);
  });
});
