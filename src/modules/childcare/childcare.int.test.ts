import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn, type Session } from '../../../test/support/http.ts';
import { centerBody, STANDARD_EVIDENCE, uploadEvidence } from '../../../test/support/childcare.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { DEMO_REVIEWERS } from './demoUsers.ts';
import { createCenterFixture } from '../../../test/support/childcare-fixtures.ts';

const TODAY = '2026-11-23';
const { p, app } = await testApp({ today: () => TODAY });

const operator = await signIn(app, 'tashan-center');
const county = await signIn(app, 'yuecheng-health');
const reviewers: Session[] = [];
for (const r of DEMO_REVIEWERS) reviewers.push(await signIn(app, r.username));

const audits = async (action: string, entityId: string) =>
  (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`))[0].n;

async function registerReady(overrides: Record<string, unknown> = {}) {
  const res = await operator.post('/api/childcare/centers', centerBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const { id, filingId } = res.json() as { id: string; filingId: string };
  for (const kind of STANDARD_EVIDENCE) expect((await uploadEvidence(operator, id, kind)).statusCode).toBe(201);
  return { id, filingId };
}

describe('registering a center', () => {
  it('keeps a draft with its classes and first filing, audited', async () => {
    const res = await operator.post('/api/childcare/centers', centerBody({ name: '草稿托育园' }));
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await operator.get(`/api/childcare/centers/${res.json().id}`)).json();
    expect(detail).toMatchObject({ status: 'draft', name: '草稿托育园', editable: true, unitName: '塔山街道' });
    expect(detail.classes.map((c: { classType: string; maxSize: number }) => [c.classType, c.maxSize])).toEqual([['infant', 10], ['toddler', 15], ['older', 20]]);
    expect(detail.filings[0]).toMatchObject({ kind: 'initial', status: 'draft', missingEvidence: ['registration', 'fireSafety', 'healthEvaluation', 'staffCertificate'] });
    expect(await audits('childcare.center.create', res.json().id)).toBe(1);
  });

  it.each([
    [{ creditCode: '91330100799655058C' }, 'creditCode', 'childcare.creditCode', '统一社会信用代码不正确（应为 18 位，最后一位是校验码），请核对'],
    [{ classes: [{ classType: 'infant', name: '大乳儿班', capacity: 12 }] }, 'classes.0.capacity', 'childcare.classTooLarge', '超过该班型的班级规模上限（10 人，托育机构设置标准（试行））'],
    [{ fireProcedure: 'simplified' }, 'fireProcedure', 'childcare.simplifiedFireNotAllowed', null],
    [{ unitCode: '330602' }, 'unitCode', 'childcare.unitTownship', null],
    [{ unitCode: '330683001' }, 'unitCode', 'unitOutOfScope', null],
    [{ lon: 116.4, lat: 39.9 }, 'lon', 'childcare.outsideCity', null],
    [{ classes: [] }, 'classes', 'tooFewItems', null],
  ])('refuses %j with a field error and keeps nothing', async (change, field, code, message) => {
    const before = (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM childcare_centers`))[0].n;
    const res = await operator.post('/api/childcare/centers', centerBody(change));
    expect(res.statusCode).toBe(400);
    const f = res.json().error.fields.find((x: { field: string }) => x.field === field);
    expect(f, res.body).toMatchObject({ field, code });
    if (message) expect(f.message).toBe(message);
    expect((await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM childcare_centers`))[0].n).toBe(before);
  });

  it('takes the simplified fire procedure for a small facility', async () => {
    const res = await operator.post('/api/childcare/centers', centerBody({ floorAreaM2: 280, fireProcedure: 'simplified' }));
    expect(res.statusCode, res.body).toBe(201);
    const d = (await operator.get(`/api/childcare/centers/${res.json().id}`)).json();
    expect(d.filings[0].missingEvidence).toContain('fireSimplified');
    expect(d.simplifiedFireAllowed).toBe(true);
  });

  it('stores evidence with its SHA-256 and serves it only within scope', async () => {
    const { id } = await registerReady({ name: '材料托育园' });
    const doc = (await operator.get(`/api/childcare/centers/${id}`)).json().documents[0];
    const body = `%PDF-1.4\nevidence ${doc.kind}\n%%EOF`;
    expect(doc.sha256).toBe(crypto.createHash('sha256').update(body).digest('hex'));
    const dl = await county.get(`/api/childcare/documents/${doc.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.toString()).toBe(body);
    expect(dl.headers['x-content-sha256']).toBe(doc.sha256);
    expect(await audits('childcare.document.view', doc.id)).toBe(1);
    const foreign = await signIn(app, 'shengzhou-health');
    expect((await foreign.get(`/api/childcare/documents/${doc.id}`)).statusCode).toBe(404);
    const bad = await operator.request({
      method: 'POST',
      url: `/api/childcare/centers/${id}/documents?kind=other`,
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.exe"\r\n\r\nMZ\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'file', code: 'childcare.fileType' });
  });
});

describe('the filing workflow', () => {
  it('goes from draft through all ten department reviews to filed, every step on the timeline', async () => {
    const { id, filingId } = await registerReady({ name: '全流程托育园' });
    const submitted = await operator.post(`/api/childcare/filings/${filingId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().status).toBe('submitted');

    // The queue of the fire department shows it awaiting them.
    const queue = (await reviewers[9].get('/api/childcare/filings?awaitingMe=true')).json();
    expect(queue.items.map((f: { id: string }) => f.id)).toContain(filingId);

    // Filing before every department approved is refused.
    const early = await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'file' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ field: 'decision', code: 'childcare.reviewsPending' });

    for (const [i, r] of reviewers.entries()) {
      const res = await r.post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved', comment: i === 9 ? '消防检查合格证明有效' : undefined });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().status).toBe('inReview');
    const filed = await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'file' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().status).toBe('filed');
    expect(filed.json().reviews.every((r: { decision: string; reviewerName: string }) => r.decision === 'approved' && r.reviewerName)).toBe(true);

    const center = (await county.get(`/api/childcare/centers/${id}`)).json();
    expect(center.status).toBe('filed');
    expect(center.filingNumber).toMatch(/^330602-2026-\d{4}$/);
    const events = center.filings[0].events.map((e: { action: string }) => e.action);
    expect(events.filter((a: string) => a === 'documentAdded')).toHaveLength(4);
    expect(events.filter((a: string) => a !== 'documentAdded')).toEqual(['created', 'submitted', ...Array(10).fill('approved'), 'filed']);
    expect(center.filings[0].events.at(-1)).toMatchObject({ actorName: '越城区卫健局 陈科员' });
    expect(center.filings[0].events.find((e: { department: string }) => e.department === 'fireRescue')).toMatchObject({ comment: '消防检查合格证明有效' });
    expect(await audits('childcare.filing.review', filingId)).toBe(10);
    expect(await audits('childcare.filing.file', filingId)).toBe(1);
    // A filed filing cannot be returned or reviewed again.
    expect((await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'return', reasons: '再议' })).statusCode).toBe(400);
    expect((await reviewers[0].post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved' })).statusCode).toBe(400);

    // A later change of capacity goes through the same review and applies when filed.
    const classes = center.classes.map((c: { id: string; classType: string; name: string; capacity: number }) => ({ id: c.id, classType: c.classType, name: c.name, capacity: c.classType === 'older' ? 18 : c.capacity }));
    const change = await operator.post(`/api/childcare/centers/${id}/changes`, { classes, address: '绍兴市越城区塔山街道府山横街 10 号' });
    expect(change.statusCode, change.body).toBe(201);
    const changeId = change.json().filingId;
    expect((await operator.post(`/api/childcare/filings/${changeId}/submit`)).statusCode).toBe(200);
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().address).toBe('绍兴市越城区塔山街道府山横街 8 号');
    for (const r of reviewers) expect((await r.post(`/api/childcare/filings/${changeId}/reviews`, { decision: 'approved' })).statusCode).toBe(200);
    expect((await county.post(`/api/childcare/filings/${changeId}/decision`, { decision: 'file' })).statusCode).toBe(200);
    const after = (await operator.get(`/api/childcare/centers/${id}`)).json();
    expect(after.address).toBe('绍兴市越城区塔山街道府山横街 10 号');
    expect(after.classes.find((c: { classType: string }) => c.classType === 'older').capacity).toBe(18);
    expect(after.filingNumber).toBe(center.filingNumber);
  });

  it('is returned with reasons, shown to the operator, then corrected and resubmitted', async () => {
    const { id, filingId } = await registerReady({ name: '退回托育园' });
    await operator.post(`/api/childcare/filings/${filingId}/submit`);
    const fire = await reviewers[9].post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'returned', comment: '消防合格证明已过期' });
    expect(fire.statusCode).toBe(200);
    const noReason = await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'reasons', code: 'childcare.reasonRequired', message: '退回时请填写理由' });
    const returned = await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'return', reasons: '请补充有效的消防安全检查合格证明' });
    expect(returned.statusCode).toBe(200);
    const seen = (await operator.get(`/api/childcare/centers/${id}`)).json();
    expect(seen).toMatchObject({ status: 'returned', editable: true });
    expect(seen.filings[0]).toMatchObject({ status: 'returned', returnReasons: '请补充有效的消防安全检查合格证明' });
    expect(seen.filings[0].reviews.find((r: { department: string }) => r.department === 'fireRescue')).toMatchObject({ decision: 'returned', comment: '消防合格证明已过期' });
    expect(seen.filings[0].events.map((e: { action: string }) => e.action)).toContain('returnedByDepartment');

    expect((await uploadEvidence(operator, id, 'fireSafety', 'renewed pass')).statusCode).toBe(201);
    const again = await operator.post(`/api/childcare/filings/${filingId}/submit`);
    expect(again.statusCode).toBe(200);
    // Only the department that returned it looks again.
    const reviews = again.json().reviews;
    expect(reviews.find((r: { department: string }) => r.department === 'fireRescue').decision).toBe('pending');
    expect(again.json().events.map((e: { action: string }) => e.action)).toContain('resubmitted');
  });

  it('refuses a submission without the required evidence, naming each missing document', async () => {
    const res = await operator.post('/api/childcare/centers', centerBody({ name: '缺材料托育园' }));
    const { id, filingId } = res.json();
    await uploadEvidence(operator, id, 'registration');
    const sub = await operator.post(`/api/childcare/filings/${filingId}/submit`);
    expect(sub.statusCode).toBe(400);
    expect(sub.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['documents.fireSafety', 'documents.healthEvaluation', 'documents.staffCertificate']);
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().status).toBe('draft');
  });

  it('lets only reviewers review and only the county file', async () => {
    const { filingId } = await registerReady({ name: '权限托育园' });
    await operator.post(`/api/childcare/filings/${filingId}/submit`);
    expect((await operator.post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved' })).statusCode).toBe(403);
    expect((await reviewers[7].post(`/api/childcare/filings/${filingId}/decision`, { decision: 'file' })).statusCode).toBe(403);
    expect((await county.post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved' })).statusCode).toBe(403);
  });
});

describe('ratios', () => {
  it('raises a warning when a class breaks the caregiver ratio, visible to the center and the county, and resolves it', async () => {
    const { id } = await registerReady({ name: '配比托育园' });
    const center = (await operator.get(`/api/childcare/centers/${id}`)).json();
    const infant = center.classes.find((c: { classType: string }) => c.classType === 'infant');
    const staff = await operator.post(`/api/childcare/centers/${id}/staff`, { name: '保育员甲', role: 'caregiver', classId: infant.id, hiredOn: '2026-03-01', backgroundCheck: 'passed', backgroundCheckedOn: '2026-02-20' });
    expect(staff.statusCode, staff.body).toBe(201);
    await operator.post(`/api/childcare/centers/${id}/staff`, { name: '保健员甲', role: 'healthWorker', hiredOn: '2026-03-01' });
    const township = await signIn(app, 'tashan-staff');
    const enrolled: string[] = [];
    for (let i = 0; i < 4; i++) {
      const child = await township.post('/api/people', { name: `乳儿${i}`, idNumber: composeIdNumber('330602', '2026-02-0' + (i + 1), 60 + i), unitCode: '330602001004' });
      expect(child.statusCode, child.body).toBe(201);
      const e = await operator.post(`/api/childcare/centers/${id}/enrolments`, { personId: child.json().id, classId: infant.id, careType: 'fullDay', startDate: '2026-11-01' });
      expect(e.statusCode, e.body).toBe(201);
      enrolled.push(e.json().id);
    }
    // 4 infants with one caregiver: 1:3 needs two.
    const warnings = (await county.get('/api/childcare/warnings?unitCode=330602')).json();
    const w = warnings.find((x: { centerId: string }) => x.centerId === id);
    expect(w).toMatchObject({ kind: 'staffRatio', className: '苗苗班', actual: 1, limit: 2 });
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().warnings).toHaveLength(1);
    const listed = (await county.get('/api/childcare/centers?warnings=true&unitCode=330602')).json();
    expect(listed.items.find((c: { id: string }) => c.id === id)).toMatchObject({ openWarnings: 1, enrolled: 4 });

    // One child leaves: 3 infants, one caregiver is enough again.
    expect((await operator.post(`/api/childcare/enrolments/${enrolled[0]}/end`, { endDate: '2026-11-22' })).statusCode).toBe(200);
    expect((await operator.get(`/api/childcare/centers/${id}`)).json().warnings).toEqual([]);
    expect((await county.post(`/api/childcare/centers/${id}/ratio-check`)).json()).toEqual({ breaches: 0 });
  });

  it('refuses a child older than 36 months', async () => {
    const { id } = await registerReady({ name: '年龄托育园' });
    const older = (await operator.get(`/api/childcare/centers/${id}`)).json().classes.find((c: { classType: string }) => c.classType === 'older');
    const township = await signIn(app, 'tashan-staff');
    const child = await township.post('/api/people', { name: '大童', idNumber: composeIdNumber('330602', '2022-05-05', 71), unitCode: '330602001004' });
    const e = await operator.post(`/api/childcare/centers/${id}/enrolments`, { personId: child.json().id, classId: older.id, careType: 'fullDay', startDate: TODAY });
    expect(e.statusCode).toBe(400);
    expect(e.json().error.fields[0]).toMatchObject({ field: 'personId', code: 'childcare.ageOutOfRange' });
  });
});

describe('staff and certificates', () => {
  it('lists certificates expiring soon', async () => {
    const { id } = await registerReady({ name: '证书托育园' });
    const s = (await operator.post(`/api/childcare/centers/${id}/staff`, { name: '保育员乙', role: 'caregiver', hiredOn: '2026-01-01' })).json();
    const c = await operator.post(`/api/childcare/staff/${s.id}/certificates`, { certType: 'caregiver', number: 'BY-2024-0001', issuer: '浙江省人社厅', validFrom: '2024-01-01', validTo: '2026-12-31' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().certificates).toHaveLength(1);
    const bad = await operator.post(`/api/childcare/staff/${s.id}/certificates`, { certType: 'caregiver', number: 'X', issuer: 'Y', validFrom: '2026-01-01', validTo: '2025-01-01' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'validTo', code: 'childcare.beforeValidFrom' });
    const soon = (await county.get('/api/childcare/certificates/expiring?days=60')).json();
    expect(soon.find((x: { staffId: string }) => x.staffId === s.id)).toMatchObject({ number: 'BY-2024-0001', daysLeft: 38 });
  });
});

describe('suspending, resuming and closing a filed center', () => {
  it('keeps each decision with its reason, takes the center out of the subsidy run while suspended, and closes it only once no child is enrolled', async () => {
    const c = await createCenterFixture(p, { name: '停办托育园', children: 2, enrolledFrom: '2026-09-01', ownerUsername: 'tashan-center' });
    const status = (action: string, reason?: string) => county.post(`/api/childcare/centers/${c.id}/status`, { action, reason });

    const noReason = await status('suspend', '  ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    expect((await county.get(`/api/childcare/centers/${c.id}`)).json().status).toBe('filed');
    expect((await operator.post(`/api/childcare/centers/${c.id}/status`, { action: 'suspend', reason: '自行暂停' })).statusCode).toBe(403);
    expect((await status('resume', '未暂停')).statusCode).toBe(409);

    const suspended = await status('suspend', '消防通道堵塞，责令整改期间暂停收托');
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusEvents: [{ action: 'suspend', fromStatus: 'filed', toStatus: 'suspended', reason: '消防通道堵塞，责令整改期间暂停收托', actorName: '越城区卫健局 陈科员' }] });
    expect(await audits('childcare.center.suspend', c.id)).toBe(1);
    // A suspended center draws no subsidy for the month.
    const run = await county.post('/api/subsidies/months/compute', { month: '2026-10', unitCode: '330602001' });
    expect(run.statusCode, run.body).toBe(200);
    expect((await county.get(`/api/subsidies/months?month=2026-10&centerId=${c.id}`)).json().total).toBe(0);

    expect((await status('resume', '整改完成，复查合格')).json().status).toBe('filed');
    const refused = await status('close', '举办者申请停办');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'action', code: 'childcare.closeWithChildren' });
    expect(refused.json().error.fields[0].message).toContain('2');
    for (const e of c.enrolmentIds) expect((await operator.post(`/api/childcare/enrolments/${e}/end`, { endDate: '2026-11-22' })).statusCode).toBe(200);
    const closed = await status('close', '举办者申请停办');
    expect(closed.json().status).toBe('closed');
    expect(closed.json().statusEvents.map((e: { action: string }) => e.action)).toEqual(['close', 'resume', 'suspend']);
    expect((await status('resume', '重新开办')).statusCode).toBe(409);

    // Another county cannot act on it.
    const shengzhou = await signIn(app, 'shengzhou-health');
    expect((await shengzhou.post(`/api/childcare/centers/${c.id}/status`, { action: 'suspend', reason: 'x' })).statusCode).toBe(404);
  });
});

describe('scope', () => {
  it('a 越城区 official neither sees nor acts on a 嵊州市 center', async () => {
    const shengzhouAdmin = await signIn(app, 'shengzhou-admin');
    const res = await shengzhouAdmin.post('/api/childcare/centers', centerBody({ unitCode: '330683001', name: '嵊州托育园' }));
    expect(res.statusCode, res.body).toBe(201);
    const { id, filingId } = res.json();
    for (const url of [`/api/childcare/centers/${id}`, `/api/childcare/filings/${filingId}`, `/api/childcare/centers/${id}/staff`, '/api/childcare/centers?unitCode=330683']) {
      const r = await county.get(url);
      expect(r.statusCode, url).toBe(404);
    }
    expect((await county.get('/api/childcare/centers?q=嵊州')).json().total).toBe(0);
    expect((await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'return', reasons: 'x' })).statusCode).toBe(404);
    expect((await reviewers[0].post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved' })).statusCode).toBe(404);
    // The operator of another center in 越城区 does not see it either, nor another operator's center.
    expect((await operator.get(`/api/childcare/centers/${id}`)).statusCode).toBe(404);
  });
});
