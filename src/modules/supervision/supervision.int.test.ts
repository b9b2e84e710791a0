import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { createCenterFixture, gradeFixture } from '../../../test/support/childcare-fixtures.ts';
import { checklistOf } from './checklist.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const admin = await signIn(app, 'yuecheng-admin');
for (const [username, displayName, role, unitCode] of [
  ['yc-inspector-1', '越城区卫健局 检查员甲', 'county_official', '330602'],
  ['yc-inspector-2', '越城区卫健局 检查员乙', 'county_official', '330602'],
  ['yc-operator', '阳光托育 张园长', 'childcare_operator', '330602001'],
]) {
  const r = await admin.post('/api/users', { username, displayName, password: 'a-long-password', role, unitCode });
  if (r.statusCode !== 201) throw new Error(r.body);
}
const county = await signIn(app, 'yuecheng-health');
const operator = await signIn(app, 'yc-operator', 'a-long-password');

const centers: Awaited<ReturnType<typeof createCenterFixture>>[] = [];
for (let i = 0; i < 6; i++) centers.push(await createCenterFixture(p, { ownerUsername: 'yc-operator', name: `越城抽检园${i + 1}`, children: i === 0 ? 2 : 0 }));
const passAll = (type: 'routine' | 'fireSafety') => Object.fromEntries(checklistOf(type).map((i) => [i.code, 'pass']));

async function points(centerId: string): Promise<number[]> {
  return (await p.db.rows<{ points: number }>(sql`SELECT points FROM credit_events WHERE center_id = ${centerId} ORDER BY created_at`)).map((r) => r.points);
}

describe('the double-random draw (双随机)', () => {
  it('draws centers and inspectors from a seed, records the draw, schedules the inspections, and verifies', async () => {
    const plan = (await county.post('/api/supervision/plans', { name: '2026年第四季度消防安全双随机抽查', inspectionType: 'fireSafety', periodFrom: '2026-11-01', periodTo: '2026-12-31', sampleSize: 3, inspectorsPerCenter: 2 })).json();
    expect(plan).toMatchObject({ status: 'draft', unitCode: '330602', unitName: '越城区' });
    const tooMany = await county.post('/api/supervision/plans', { name: '过多', inspectionType: 'routine', periodFrom: '2026-11-01', periodTo: '2026-12-31', sampleSize: 7, inspectorsPerCenter: 2 });
    const big = await county.post(`/api/supervision/plans/${tooMany.json().id}/draw`, {});
    expect(big.json().error.fields[0]).toMatchObject({ field: 'sampleSize', code: 'supervision.sampleTooLarge', message: '抽取数量超过可抽取的机构数（6）' });
    const drawn = (await county.post(`/api/supervision/plans/${plan.id}/draw`, { seed: '越城-2026Q4' })).json();
    expect(drawn.status).toBe('drawn');
    expect(drawn.draw).toMatchObject({ seed: '越城-2026Q4', sampleSize: 3 });
    expect(drawn.draw.candidates).toHaveLength(6);
    expect(drawn.draw.roster).toHaveLength(3);
    expect((await county.post(`/api/supervision/plans/${plan.id}/draw`, {})).statusCode).toBe(409);
    expect((await county.get(`/api/supervision/plans/${plan.id}/verify`)).json()).toMatchObject({ reproducible: true, seed: '越城-2026Q4' });
    const scheduled = (await county.get(`/api/supervision/inspections?planId=${plan.id}`)).json();
    expect(scheduled.total).toBe(3);
    expect(scheduled.items.map((i: { centerId: string }) => i.centerId).sort()).toEqual(drawn.draw.assignments.map((a: { centerId: string }) => a.centerId).sort());
    for (const i of scheduled.items) expect(i.inspectorNames).toHaveLength(2);
  });

  it('lets only the inspection\'s own inspectors record it; the one who drew it may record on their behalf, with a reason, audited', async () => {
    const plan = (await county.post('/api/supervision/plans', { name: '2026年第四季度日常检查', inspectionType: 'routine', periodFrom: '2026-11-01', periodTo: '2026-12-31', sampleSize: 6, inspectorsPerCenter: 1 })).json();
    await county.post(`/api/supervision/plans/${plan.id}/draw`, { seed: '越城-日常' });
    const inspector = await signIn(app, 'yc-inspector-1', 'a-long-password');
    const items = (await inspector.get(`/api/supervision/inspections?planId=${plan.id}`)).json().items as { id: string; inspectorNames: string[]; mayRecord: string }[];
    const mine = items.find((i) => i.inspectorNames.includes('越城区卫健局 检查员甲'))!;
    const other = items.find((i) => !i.inspectorNames.includes('越城区卫健局 检查员甲'))!;
    expect(mine.mayRecord).toBe('inspector');
    expect(other.mayRecord).toBe('no');
    const result = { inspectedOn: '2026-11-12', results: passAll('routine') };
    const refused = await inspector.post(`/api/supervision/inspections/${other.id}/result`, result);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'inspectors', code: 'supervision.inspectorsOnly', message: `只有本次检查的检查人员（${other.inspectorNames.join('、')}）可以登记结果` });
    expect((await inspector.get(`/api/supervision/inspections/${other.id}`)).json().status).toBe('scheduled');
    expect((await inspector.post(`/api/supervision/inspections/${mine.id}/result`, result)).statusCode).toBe(200);

    const me = (await county.get('/api/auth/me')).json().user.displayName as string;
    expect(me).toBe('越城区卫健局 陈科员');
    const onBehalf = items.find((i) => i.id !== mine.id && !i.inspectorNames.includes(me))!;
    const scheduled = (await county.get(`/api/supervision/inspections/${onBehalf.id}`)).json();
    expect(scheduled.mayRecord).toBe('onBehalf');
    const noReason = await county.post(`/api/supervision/inspections/${onBehalf.id}/result`, result);
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'onBehalfReason', code: 'supervision.onBehalfReason' });
    const done = await county.post(`/api/supervision/inspections/${onBehalf.id}/result`, { ...result, onBehalfReason: '检查员现场记录为纸质表，由科室代为录入' });
    expect(done.statusCode, done.body).toBe(200);
    const [audit] = await p.db.rows<{ action: string; detail: { reason: string; inspectors: string[] } }>(sql`SELECT action, detail FROM audit_log WHERE entity_id = ${onBehalf.id} AND action LIKE 'supervision.inspection.result%'`);
    expect(audit).toMatchObject({ action: 'supervision.inspection.resultOnBehalf', detail: { reason: '检查员现场记录为纸质表，由科室代为录入', inspectors: scheduled.inspectorNames } });
  });
});

describe('inspection → findings → rectification → credit', () => {
  it('turns a failed item into a finding, an order with a deadline and a credit deduction; follows the order to closure', async () => {
    const c = centers[0];
    const ins = (await county.post('/api/supervision/inspections', { centerId: c.id, inspectionType: 'fireSafety', scheduledOn: '2026-11-10' })).json();
    const missing = await county.post(`/api/supervision/inspections/${ins.id}/result`, { inspectedOn: '2026-11-10', results: { ...passAll('fireSafety'), 'fire.exits': 'fail' }, rectificationDeadline: '2026-11-17' });
    expect(missing.json().error.fields[0]).toMatchObject({ field: 'findings.fire.exits', code: 'supervision.findingRequired' });
    const done = await county.post(`/api/supervision/inspections/${ins.id}/result`, {
      inspectedOn: '2026-11-10',
      results: { ...passAll('fireSafety'), 'fire.exits': 'fail' },
      findings: { 'fire.exits': '二楼疏散通道堆放床垫' },
      rectificationDeadline: '2026-11-17',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().findings).toEqual([expect.objectContaining({ itemCode: 'fire.exits', severity: 'critical' })]);
    expect(await points(c.id)).toEqual([-10]);
    expect(done.json().credit).toEqual({ score: 90, level: 'A', change: -10 });
    const [order] = (await operator.get('/api/supervision/rectifications')).json();
    expect(order).toMatchObject({ status: 'open', deadline: '2026-11-17', overdue: true, requirement: '二楼疏散通道堆放床垫' });
    const responded = await operator.post(`/api/supervision/rectifications/${order.id}/response`, { response: '床垫已清出，通道已畅通' });
    expect(responded.json().status).toBe('submitted');
    expect(await points(c.id)).toEqual([-10, -5]);
    const returned = await county.post(`/api/supervision/rectifications/${order.id}/review`, { decision: 'reject', comment: '照片不清晰', newDeadline: '2026-11-25' });
    expect(returned.json()).toMatchObject({ status: 'open', deadline: '2026-11-25', overdue: false });
    await operator.post(`/api/supervision/rectifications/${order.id}/response`, { response: '补充现场照片' });
    const closed = await county.post(`/api/supervision/rectifications/${order.id}/review`, { decision: 'accept' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-11-20' });
    expect(closed.json().history.map((h: { action: string }) => h.action)).toEqual(['issued', 'overdue', 'respond', 'reject', 'respond', 'accept']);
    expect(await points(c.id)).toEqual([-10, -5]);
    const credit = (await county.get(`/api/supervision/centers/${c.id}/credit`)).json();
    expect(credit).toMatchObject({ score: 85, level: 'B', jointPunishment: false });
    const rows = await xlsxRows((await county.get('/api/supervision/inspections/export.xlsx?status=done')).rawPayload);
    expect(rows.some((r) => r.includes('二楼疏散通道堆放床垫'))).toBe(true);
  });

  it('records overdue orders in scope once, through the daily run', async () => {
    const c = centers[1];
    const ins = (await county.post('/api/supervision/inspections', { centerId: c.id, inspectionType: 'routine', scheduledOn: '2026-11-01' })).json();
    await county.post(`/api/supervision/inspections/${ins.id}/result`, { inspectedOn: '2026-11-01', results: { ...passAll('routine'), 'routine.outdoor': 'fail' }, findings: { 'routine.outdoor': '户外活动不足' }, rectificationDeadline: '2026-11-08' });
    expect((await county.post('/api/supervision/rectifications/overdue', {})).json().recorded).toBe(1);
    expect((await county.post('/api/supervision/rectifications/overdue', {})).json().recorded).toBe(0);
    expect(await points(c.id)).toEqual([-1, -5]);
    expect((await county.get('/api/supervision/rectifications?overdue=true')).json().map((o: { centerId: string }) => o.centerId)).toEqual([c.id]);
  });
});

describe('incidents, complaints, cloud supervision', () => {
  it('takes an incident report from the center and closes it with the center at fault on its credit', async () => {
    const c = centers[2];
    const bad = await operator.post('/api/supervision/incidents', { centerId: c.id, occurredAt: '2026-12-01T09:00:00+08:00', kind: 'injury', severity: 'serious', description: 'x', childrenAffected: 1, actionsTaken: 'y' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'occurredAt', code: 'supervision.inFuture' });
    const rep = await operator.post('/api/supervision/incidents', { centerId: c.id, occurredAt: '2026-11-19T10:30:00+08:00', kind: 'injury', severity: 'serious', description: '午睡起床时一名幼儿从床上跌落，额头擦伤', childrenAffected: 1, actionsTaken: '保健员现场处置后送医，已通知家长' });
    expect(rep.statusCode, rep.body).toBe(201);
    expect((await county.post(`/api/supervision/incidents/${rep.json().id}/handle`, { action: 'close', note: '床栏高度不足' })).statusCode).toBe(400);
    await county.post(`/api/supervision/incidents/${rep.json().id}/handle`, { action: 'acknowledge' });
    const closed = await county.post(`/api/supervision/incidents/${rep.json().id}/handle`, { action: 'close', note: '床栏高度不足，已责令更换', centerAtFault: true });
    expect(closed.json()).toMatchObject({ status: 'closed', centerAtFault: true });
    expect(await points(c.id)).toEqual([-5]);
  });

  it('takes a complaint only from a parent whose child attends the center, and an upheld one goes on the credit', async () => {
    const c = centers[0];
    const staff = await signIn(app, 'tashan-staff');
    const link = await staff.post('/api/guardianships', { personId: c.personIds[0], username: 'tashan-parent', relation: 'mother' });
    expect(link.statusCode, link.body).toBe(201);
    const parent = await signIn(app, 'tashan-parent');
    const elsewhere = await parent.post('/api/supervision/complaints', { centerId: centers[3].id, category: 'food', content: '午餐分量不足' });
    expect(elsewhere.json().error.fields[0]).toMatchObject({ field: 'centerId', code: 'supervision.notYourChild' });
    const filed = await parent.post('/api/supervision/complaints', { centerId: c.id, category: 'food', content: '连续一周午餐没有蔬菜' });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await parent.get('/api/supervision/complaints')).json()).toHaveLength(1);
    const upheld = await county.post(`/api/supervision/complaints/${filed.json().id}/handle`, { action: 'uphold', reply: '经核实属实，已责令机构整改食谱' });
    expect(upheld.json().status).toBe('upheld');
    expect(await points(c.id)).toEqual([-10, -5, -2]);
    expect((await parent.get('/api/supervision/complaints')).json()[0]).toMatchObject({ status: 'upheld', reply: '经核实属实，已责令机构整改食谱' });
  });

  it('reports the cloud supervision coverage of centers graded three or better', async () => {
    await gradeFixture(p, centers[0].id, 'grade3');
    await gradeFixture(p, centers[1].id, 'grade2');
    const before = (await county.get('/api/supervision/cloud')).json();
    expect(before).toMatchObject({ graded: 2, gradedConnected: 0, gradedCoverage: 0 });
    const after = (await county.post(`/api/supervision/centers/${centers[0].id}/cloud`, { connected: true })).json();
    expect(after).toMatchObject({ graded: 2, gradedConnected: 1, gradedCoverage: 0.5 });
    expect(after.gradedNotConnected.map((n: { centerId: string }) => n.centerId)).toEqual([centers[1].id]);
    expect(after.rows).toEqual([expect.objectContaining({ unitCode: '330602001', centers: 6, connected: 1 })]);
  });
});
