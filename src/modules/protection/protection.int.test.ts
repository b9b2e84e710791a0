import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { systemActor } from '../../app/scope.ts';
import { fileReport } from './reports.service.ts';
import { PUBLIC_REPORT_LIMIT } from './publicLimit.ts';

const { p, app } = await testApp();
const doctor = await signIn(app, 'tashan-doctor');
const staff = await signIn(app, 'tashan-staff');
const director = await signIn(app, 'tashan-director');
const county = await signIn(app, 'yuecheng-health');

const REPORT = { unitCode: '330602001004', category: 'violence', situation: '孩子手臂有多处淤青，称是父亲酒后殴打', childName: '测试童甲', location: '小区门口' };

async function caseIdOf(receiptNo: string): Promise<string> {
  const [row] = await p.db.rows<{ id: string }>(sql`SELECT id FROM protection_cases WHERE receipt_no = ${receiptNo}`);
  return row.id;
}
async function auditRows(action: string, entityId: string, username: string): Promise<number> {
  const [row] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId} AND actor_username = ${username}`);
  return row.n;
}
const directorId = (await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'tashan-director'`))[0].id;

describe('a mandatory report', () => {
  it('is filed by any signed-in role and answers with the receipt number only', async () => {
    const res = await doctor.post('/api/protection/reports', REPORT);
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['receiptNo']);
    expect(res.json().receiptNo).toMatch(/^\d{8}-\d{6}$/);
    const id = await caseIdOf(res.json().receiptNo);
    // The reporter cannot open what they reported, nor list cases.
    expect((await doctor.get(`/api/protection/cases/${id}`)).statusCode).toBe(404);
    expect((await doctor.get('/api/protection/cases')).statusCode).toBe(403);
  });

  it('refuses a report without a township, with the field named in the user’s language', async () => {
    const res = await doctor.post('/api/protection/reports', { ...REPORT, unitCode: '330602' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'unitCode', message: '请选择乡镇（街道）或村（社区）' });
    const empty = await doctor.post('/api/protection/reports', { ...REPORT, situation: ' ' }, { 'accept-language': 'en-US' });
    expect(empty.json().error.fields[0].field).toBe('situation');
  });
});

describe('opening a case', () => {
  it('is for its assigned workers and the supervisors in scope; every read is audited', async () => {
    const { receiptNo } = (await doctor.post('/api/protection/reports', REPORT)).json();
    const id = await caseIdOf(receiptNo);
    // The child supervisor is not assigned yet: the case does not exist for them.
    expect((await director.get(`/api/protection/cases/${id}`)).statusCode).toBe(404);
    expect((await director.get('/api/protection/cases')).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    // The township's supervisor sees it, and the county's.
    const list = (await staff.get(`/api/protection/cases?q=${encodeURIComponent('测试童甲')}`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(id);
    const read = await county.get(`/api/protection/cases/${id}`);
    expect(read.statusCode).toBe(200);
    expect(await auditRows('protection.case.read', id, 'yuecheng-health')).toBe(1);
    const [{ n: lists }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'protection.case.list' AND actor_username = 'tashan-staff'`);
    expect(lists).toBeGreaterThan(0);

    const assigned = await staff.post(`/api/protection/cases/${id}/assignees`, { userId: directorId });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignees.map((a: { displayName: string }) => a.displayName)).toEqual(['塔山街道 儿童督导员 周老师']);
    const opened = await director.get(`/api/protection/cases/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ stage: 'report', childName: '测试童甲', situation: REPORT.situation, reporterName: expect.stringContaining('孙医生') });
    expect(await auditRows('protection.case.read', id, 'tashan-director')).toBe(1);
    expect((await director.get('/api/protection/cases')).json().items.map((c: { id: string }) => c.id)).toContain(id);

    // Taken off the case, the worker loses it again.
    await staff.post(`/api/protection/cases/${id}/assignees/${directorId}/remove`);
    expect((await director.get(`/api/protection/cases/${id}`)).statusCode).toBe(404);
  });

  it('assigns only workers and supervisors of the case’s area', async () => {
    const { receiptNo } = (await doctor.post('/api/protection/reports', REPORT)).json();
    const id = await caseIdOf(receiptNo);
    const doctorId = (await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'tashan-doctor'`))[0].id;
    const res = await staff.post(`/api/protection/cases/${id}/assignees`, { userId: doctorId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'userId', code: 'protection.notAssignable' });
    const candidates = (await staff.get(`/api/protection/cases/${id}/candidates`)).json();
    expect(candidates.map((c: { displayName: string }) => c.displayName)).toContain('塔山街道 儿童督导员 周老师');
    expect(candidates.map((c: { displayName: string }) => c.displayName)).not.toContain(expect.stringContaining('孙医生'));
    // A worker cannot assign.
    await staff.post(`/api/protection/cases/${id}/assignees`, { userId: directorId });
    expect((await director.post(`/api/protection/cases/${id}/assignees`, { userId: directorId })).statusCode).toBe(403);
  });
});

describe('the workflow over the API', () => {
  it('moves a case from the report to closure, refusing illegal steps in the user’s language', async () => {
    const { receiptNo } = (await doctor.post('/api/protection/reports', REPORT)).json();
    const id = await caseIdOf(receiptNo);
    await staff.post(`/api/protection/cases/${id}/assignees`, { userId: directorId });

    const illegal = await director.post(`/api/protection/cases/${id}/transitions`, { action: 'close', note: '想直接结案' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.fields[0]).toMatchObject({ field: 'action', message: '案件当前处于“强制报告”阶段，不能“结案”' });
    const en = await director.post(`/api/protection/cases/${id}/transitions`, { action: 'reopen', note: 'x' }, { 'accept-language': 'en-US' });
    expect(en.json().error.fields[0].message).toBe('The case is at “Mandatory report”: “Reopen the case” is not possible now');
    const workerCloses = await director.post(`/api/protection/cases/${id}/transitions`, { action: 'closeUnfounded', note: '不实' });
    expect(workerCloses.statusCode).toBe(403);
    expect(workerCloses.json().error.fields[0].message).toContain('须由督导人员');

    const start = (await director.post(`/api/protection/cases/${id}/transitions`, { action: 'startEmergency' })).json();
    expect(start.stage).toBe('emergency');
    expect(start.actions.map((a: { action: string }) => a.action)).toEqual(['startAssessment']);
    const due = new Date(start.stageDueAt).getTime() - new Date(start.stageEnteredAt).getTime();
    expect(due).toBe(72 * 3_600_000);

    const referred = (await director.post(`/api/protection/cases/${id}/referrals`, { department: 'police', request: '请依法调查' })).json();
    const ref = referred.referrals[0];
    expect(ref).toMatchObject({ department: 'police', status: 'pending', nextStatuses: ['accepted', 'rejected'] });
    expect((await director.post(`/api/protection/referrals/${ref.id}/status`, { status: 'done' })).statusCode).toBe(409);
    expect((await director.post(`/api/protection/referrals/${ref.id}/status`, { status: 'accepted' })).json().referrals[0].status).toBe('accepted');

    await director.post(`/api/protection/cases/${id}/transitions`, { action: 'startAssessment' });
    await director.post(`/api/protection/cases/${id}/transitions`, { action: 'startMonitoring' });
    const noReason = await staff.post(`/api/protection/cases/${id}/transitions`, { action: 'close' });
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'note', message: '请写明理由' });
    const closed = (await staff.post(`/api/protection/cases/${id}/transitions`, { action: 'close', note: '监护到位，持续三个月无反复' })).json();
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'resolved', stageDueAt: null, overdue: false });
    expect(closed.events.map((e: { kind: string; toStage: string | null }) => `${e.kind}:${e.toStage ?? ''}`)).toEqual([
      'reported:report',
      'assigned:',
      'transition:emergency',
      'referred:',
      'referralUpdated:',
      'transition:assessment',
      'transition:monitoring',
      'transition:closed',
    ]);
    expect((await director.post(`/api/protection/cases/${id}/referrals`, { department: 'education', request: 'x' })).statusCode).toBe(409);
    // A new incident: the supervisor reopens it for assessment.
    expect((await staff.post(`/api/protection/cases/${id}/transitions`, { action: 'reopen', note: '再次接到报告' })).json()).toMatchObject({ stage: 'assessment', closedAt: null });
  });
});

describe('deadlines', () => {
  it('lists a case past its stage deadline as overdue, per township, and counts it', async () => {
    const at = new Date(Date.now() - 30 * 3_600_000);
    const { receiptNo } = await fileReport(p, systemActor(), { unitCode: '330602002001', category: 'neglect', riskLevel: 'normal', situation: '独自在家多日', childName: '测试童超期' }, { at });
    const id = await caseIdOf(receiptNo);
    const overdue = (await county.get('/api/protection/overdue')).json();
    expect(overdue.items.find((c: { id: string }) => c.id === id)).toMatchObject({ overdue: true, stage: 'report' });
    expect(overdue.units.find((u: { unitCode: string }) => u.unitCode === '330602002')?.count).toBe(1);
    const counts = (await county.get('/api/protection/counts')).json();
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.byStage.report).toBeGreaterThanOrEqual(1);
    expect((await county.get('/api/protection/cases?overdue=true')).json().items.map((c: { id: string }) => c.id)).toContain(id);
    // The township supervisor of 塔山 does not see a case of another township.
    expect((await staff.get(`/api/protection/cases/${id}`)).statusCode).toBe(404);
  });
});

describe('the public report form', () => {
  it('takes a report without an account, tells nothing back but a receipt, and limits an address', async () => {
    const units = await app.inject({ method: 'GET', url: '/api/protection/public/units?parent=330602' });
    expect(units.json().map((u: { name: string }) => u.name)).toContain('塔山街道');
    expect((await app.inject({ method: 'GET', url: '/api/protection/public/units?parent=330602001' })).statusCode).toBe(404);
    const body = { unitCode: '330602001', situation: '看到有孩子被反锁在家里哭了很久', reporterContact: '13800000000' };
    const bad = await app.inject({ method: 'POST', url: '/api/protection/public/reports', payload: { ...body, unitCode: '330602' }, remoteAddress: '10.9.9.8' });
    expect(bad.json().error.fields[0].field).toBe('unitCode');
    for (let i = 1; i < PUBLIC_REPORT_LIMIT.perAddress; i++) {
      const ok = await app.inject({ method: 'POST', url: '/api/protection/public/reports', payload: body, remoteAddress: '10.9.9.9' });
      expect(ok.statusCode).toBe(201);
      expect(Object.keys(ok.json())).toEqual(['receiptNo']);
    }
    const last = await app.inject({ method: 'POST', url: '/api/protection/public/reports', payload: body, remoteAddress: '10.9.9.9' });
    expect(last.statusCode).toBe(201);
    const id = await caseIdOf(last.json().receiptNo);
    const limited = await app.inject({ method: 'POST', url: '/api/protection/public/reports', payload: body, remoteAddress: '10.9.9.9' });
    expect(limited.statusCode).toBe(429);
    const seen = (await staff.get(`/api/protection/cases/${id}`)).json();
    expect(seen).toMatchObject({ reporterKind: 'public', reporterContact: '13800000000', stage: 'report', childName: null });
  });
});

describe('the access log of a case', () => {
  it('shows a supervisor every read and change, and is refused to the worker', async () => {
    const { receiptNo } = (await doctor.post('/api/protection/reports', REPORT)).json();
    const id = await caseIdOf(receiptNo);
    await staff.post(`/api/protection/cases/${id}/assignees`, { userId: directorId });
    await director.get(`/api/protection/cases/${id}`);
    await director.post(`/api/protection/cases/${id}/transitions`, { action: 'startAssessment' });
    const log = (await staff.get(`/api/protection/cases/${id}/access-log`)).json();
    expect(log.map((r: { action: string; who: string }) => `${r.action}:${r.who}`)).toEqual([
      'transition:塔山街道 儿童督导员 周老师',
      'read:塔山街道 儿童督导员 周老师',
      'assign:塔山街道 李干事',
      'report:塔山街道社区卫生服务中心 儿保医生 孙医生',
    ]);
    expect((await director.get(`/api/protection/cases/${id}/access-log`)).statusCode).toBe(403);
    expect((await doctor.get(`/api/protection/cases/${id}/access-log`)).statusCode).toBe(404);
  });
});
