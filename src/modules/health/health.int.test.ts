import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { composeIdNumber } from '../people/idNumber.ts';

const TODAY = '2026-11-23';
const { p, app } = await testApp({ today: () => TODAY });

const staff = await signIn(app, 'tashan-staff');
const doctor = await signIn(app, 'tashan-doctor');
const parent = await signIn(app, 'tashan-parent');

async function registerChild(name: string, birthDate: string, seq: number, unitCode = '330602001004') {
  const res = await staff.post('/api/people', { name, idNumber: composeIdNumber('330602', birthDate, seq), unitCode });
  if (res.statusCode !== 201) throw new Error(`setup: ${res.body}`);
  return res.json() as { id: string };
}

const count = async (table: string) => (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0].n;
const audits = async (action: string, entityId?: string) =>
  (
    await p.db.rows<{ n: number }>(
      entityId
        ? sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`
        : sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`,
    )
  )[0].n;

describe('POST /api/health/growth/zscore', () => {
  it('answers without a session, matching WHO igrowup (demonstration row 1: girl, 683 days)', async () => {
    const post = (body: object) => app.inject({ method: 'POST', url: '/api/health/growth/zscore', payload: body });
    const wfa = await post({ sex: 'female', ageDays: 683, measure: 'weight-for-age', value: 10.4 });
    expect(wfa.statusCode).toBe(200);
    expect(Object.keys(wfa.json()).sort()).toEqual(['percentile', 'z']);
    expect(wfa.json().z).toBeCloseTo(-0.57, 1);
    expect(wfa.json().percentile).toBeCloseTo(28.4, 0);
    const wfl = (await post({ sex: 'female', ageDays: 683, measure: 'weight-for-length', value: 10.4, lengthCm: 84.8 })).json();
    expect(wfl.z).toBeCloseTo(-0.81, 1);
    const bmi = (await post({ sex: 'female', ageDays: 683, measure: 'bmi-for-age', value: 14.4624 })).json();
    expect(bmi.z).toBeCloseTo(-0.79, 1);
    const head = (await post({ sex: 'male', ageDays: 0, measure: 'head-for-age', value: 34.4618 })).json();
    expect(head).toEqual({ z: 0, percentile: 50 });
  });

  it('takes recumbent length under 731 days and standing height from 731 days', async () => {
    const post = (ageDays: number, value: number) =>
      app.inject({ method: 'POST', url: '/api/health/growth/zscore', payload: { sex: 'male', ageDays, measure: 'length-for-age', value } });
    // WHO boys at 24 months: length median 87.8161 cm, height median 87.1161 cm.
    expect((await post(730.5, 87.8161)).json().z).toBe(0);
    expect((await post(731, 87.1161)).json().z).toBeCloseTo(0, 1);
    expect((await post(730, 87.1161)).json().z).toBeLessThan(-0.15);
  });

  it('applies WHO’s adjustment beyond +3 SD to weight and not to length', async () => {
    // Boys at birth, weight-for-age: SD2 = 4.4194 kg and SD3 = 5.0306 kg (from L, M, S), so
    // SD3 + (SD3 − SD2) = 5.6419 kg is +4 after the adjustment (unadjusted LMS: about 3.84).
    const heavy = await app.inject({ method: 'POST', url: '/api/health/growth/zscore', payload: { sex: 'male', ageDays: 0, measure: 'weight-for-age', value: 5.6419 } });
    expect(heavy.json().z).toBe(4);
    const tall = await app.inject({ method: 'POST', url: '/api/health/growth/zscore', payload: { sex: 'male', ageDays: 0, measure: 'length-for-age', value: 49.8842 * (1 + 4 * 0.03795) } });
    expect(tall.json().z).toBe(4);
  });

  it.each([
    [{ sex: 'female', ageDays: 300, measure: 'weight-for-length', value: 8 }, 'lengthCm', 'required', '此项必填'],
    [{ sex: 'female', ageDays: 1827, measure: 'weight-for-age', value: 18 }, 'ageDays', 'health.ageOutOfStandard', null],
    [{ sex: 'female', ageDays: 300, measure: 'weight-for-length', value: 8, lengthCm: 120 }, 'lengthCm', 'health.lengthOutOfStandard', null],
    [{ sex: 'girl', ageDays: 300, measure: 'weight-for-age', value: 8 }, 'sex', 'invalidOption', null],
    [{ sex: 'female', ageDays: 300, measure: 'arm-for-age', value: 8 }, 'measure', 'invalidOption', null],
    [{ sex: 'female', ageDays: 300, measure: 'weight-for-age', value: -1 }, 'value', 'tooSmall', null],
  ])('refuses %j with a field error', async (body, field, code, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/health/growth/zscore', payload: body });
    expect(res.statusCode).toBe(400);
    const f = res.json().error.fields.find((x: { field: string }) => x.field === field);
    expect(f).toMatchObject({ field, code });
    if (message) expect(f.message).toBe(message);
  });

  it('explains itself in English on request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/health/growth/zscore',
      payload: { sex: 'male', ageDays: 1850, measure: 'head-for-age', value: 50 },
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.json().error.fields[0].message).toMatch(/WHO/);
  });
});

describe('POST /api/health/mchat/score', () => {
  const typical = Array.from({ length: 20 }, (_, i) => ![2, 5, 12].includes(i + 1));
  const post = (body: object) => app.inject({ method: 'POST', url: '/api/health/mchat/score', payload: body });

  it.each([
    ['all typical answers', typical, 0, 'low'],
    ['YES on the reverse-scored items 2, 5 and 12', typical.map((a, i) => ([2, 5, 12].includes(i + 1) ? true : a)), 3, 'medium'],
    ['NO on items 1 and 3 only', typical.map((a, i) => (i === 0 || i === 2 ? false : a)), 2, 'low'],
    ['NO on seven items', typical.map((a, i) => ([1, 3, 4, 6, 7, 8, 9].includes(i + 1) ? false : a)), 7, 'medium'],
    ['seven NO and YES on item 5', typical.map((a, i) => ([1, 3, 4, 6, 7, 8, 9].includes(i + 1) ? false : i === 4 ? true : a)), 8, 'high'],
    ['every answer NO', Array(20).fill(false), 17, 'high'],
    ['every answer YES', Array(20).fill(true), 3, 'medium'],
  ])('%s → %s, %s', async (_name, answers, score, risk) => {
    const res = await post({ ageMonths: 20, answers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ score, risk });
  });

  it('refuses an age outside 16–30 months and a checklist without 20 answers', async () => {
    const young = await post({ ageMonths: 15, answers: typical });
    expect(young.statusCode).toBe(400);
    expect(young.json().error.fields[0]).toMatchObject({ field: 'ageMonths', code: 'health.mchatAge' });
    expect((await post({ ageMonths: 31, answers: typical })).statusCode).toBe(400);
    const short = await post({ ageMonths: 20, answers: typical.slice(1) });
    expect(short.json().error.fields[0]).toMatchObject({ field: 'answers' });
  });
});

describe('a child’s record kept by the township’s child-health doctor', () => {
  let childId = '';

  it('records a measurement with its z-scores, audited, and shows it in the record (audited read)', async () => {
    childId = (await registerChild('健康甲', '2025-03-10', 13)).id;
    const res = await doctor.post(`/api/health/children/${childId}/measurements`, {
      measuredOn: '2026-09-12',
      weightKg: 10.9,
      lengthCm: 81.5,
      position: 'recumbent',
      headCm: 46.5,
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m.ageDays).toBe(551);
    expect(m.bmi).toBeCloseTo(16.41, 1);
    expect(m.z.weightForAge).toBeGreaterThan(-1);
    expect(m.z.weightForLength).not.toBeNull();
    expect(m.recordedByName).toContain('孙医生');
    expect(await audits('health.measurement.create', childId)).toBe(1);

    const record = await doctor.get(`/api/health/children/${childId}`);
    expect(record.statusCode).toBe(200);
    expect(record.json().measurements).toHaveLength(1);
    expect(record.json().surveillance).toEqual({ warningSignsBand: 18, mchatAge: true });
    expect(await audits('health.record.view', childId)).toBe(1);
  });

  it.each([
    ['a date before birth', { measuredOn: '2025-03-09', weightKg: 3.2 }, 'measuredOn', 'health.beforeBirth'],
    ['a date after today', { measuredOn: '2026-11-24', weightKg: 11 }, 'measuredOn', 'health.inFuture'],
    ['no measurement at all', { measuredOn: '2026-10-01' }, 'weightKg', 'health.noMeasurement'],
    ['a length without its position', { measuredOn: '2026-10-01', lengthCm: 80 }, 'position', 'required'],
    ['an implausible weight (WHO flag)', { measuredOn: '2026-10-01', weightKg: 30 }, 'weightKg', 'health.implausible'],
  ])('refuses %s and stores nothing', async (_n, body, field, code) => {
    const before = await count('growth_measurements');
    const res = await doctor.post(`/api/health/children/${childId}/measurements`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field, code });
    expect(await count('growth_measurements')).toBe(before);
  });

  it('opens a county referral for a positive warning-signs screen and tracks it to closure', async () => {
    const res = await doctor.post(`/api/health/children/${childId}/screenings/warning-signs`, { screenedOn: '2026-09-12', signsPresent: [4], regression: false });
    expect(res.statusCode).toBe(201);
    const { screening, referral } = res.json();
    expect(screening).toMatchObject({ result: 'positive', warningSigns: { bandMonths: 18, signsPresent: [4], regression: false } });
    expect(referral).toMatchObject({ status: 'suggested', level: 'county', triggers: ['warningSigns'] });
    const act = (body: object) => doctor.post(`/api/health/referrals/${referral.id}/actions`, body);
    expect((await act({ action: 'recordResult', on: '2026-10-01', result: 'normal' })).statusCode).toBe(409);
    expect((await act({ action: 'refer', on: '2026-09-15', institution: '越城区妇幼保健院' })).json()).toMatchObject({ status: 'referred' });
    expect((await act({ action: 'recordResult', on: '2026-10-08', result: 'delay' })).json()).toMatchObject({ status: 'attended', result: 'delay' });
    const wrong = await act({ action: 'close', on: '2026-10-20', outcome: 'normal' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0]).toMatchObject({ field: 'outcome', code: 'health.outcomeForStatus' });
    expect((await act({ action: 'close', on: '2026-10-20', outcome: 'inIntervention' })).json()).toMatchObject({ status: 'closed', outcome: 'inIntervention' });
    const open = (await doctor.get('/api/health/referrals?status=open')).json();
    expect(open.items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    const closed = (await doctor.get('/api/health/referrals?status=closed')).json();
    expect(closed.items.find((r: { id: string }) => r.id === referral.id)).toMatchObject({ childName: '健康甲', unitName: '花园社区' });
  });

  it('counts a loss of skills as positive at any age and sends it to the city level', async () => {
    const res = await doctor.post(`/api/health/children/${childId}/screenings/warning-signs`, { screenedOn: '2026-11-20', signsPresent: [], regression: true });
    expect(res.json().referral).toMatchObject({ level: 'city', triggers: ['regression'] });
  });

  it('scores M-CHAT-R/F, runs the Follow-Up for medium risk and refers a positive one', async () => {
    const typical = Array.from({ length: 20 }, (_, i) => ![2, 5, 12].includes(i + 1));
    const answers = typical.map((a, i) => ([2, 7, 9, 14].includes(i + 1) ? !a : a));
    const res = await doctor.post(`/api/health/children/${childId}/screenings/mchat`, { screenedOn: '2026-11-01', answers });
    expect(res.statusCode).toBe(201);
    const { screening, referral } = res.json();
    expect(screening).toMatchObject({ result: 'followUpNeeded', mchat: { score: 4, risk: 'medium', atRiskItems: [2, 7, 9, 14], rescreenAtMonths: null } });
    expect(referral).toBeNull();
    const stray = await doctor.post(`/api/health/screenings/${screening.id}/follow-up`, { on: '2026-11-10', stillAtRisk: [7, 11] });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.fields[0]).toMatchObject({ field: 'stillAtRisk', code: 'health.notAtRiskItem' });
    const done = await doctor.post(`/api/health/screenings/${screening.id}/follow-up`, { on: '2026-11-10', stillAtRisk: [7, 14] });
    expect(done.json()).toMatchObject({ screening: { result: 'positive', mchat: { followUp: { score: 2, stillAtRisk: [7, 14] } } }, referral: { level: 'city', triggers: ['mchat'] } });
    expect((await doctor.post(`/api/health/screenings/${screening.id}/follow-up`, { on: '2026-11-11', stillAtRisk: [] })).statusCode).toBe(409);
  });

  it('refuses M-CHAT-R/F outside 16–30 months', async () => {
    const res = await doctor.post(`/api/health/children/${childId}/screenings/mchat`, { screenedOn: '2026-06-01', answers: Array(20).fill(true) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'screenedOn', code: 'health.mchatAge' });
  });

  it('records vaccinations against the schedule and lists what is overdue in the township', async () => {
    const v = (body: object) => doctor.post(`/api/health/children/${childId}/vaccinations`, body);
    expect((await v({ vaccine: 'HepB', dose: 1, givenOn: '2025-03-10' })).statusCode).toBe(201);
    expect((await v({ vaccine: 'BCG', dose: 1, givenOn: '2025-03-11', lot: 'B2025031' })).statusCode).toBe(201);
    const again = await v({ vaccine: 'HepB', dose: 1, givenOn: '2025-03-12' });
    expect(again.statusCode).toBe(409);
    expect((await v({ vaccine: 'HepB', dose: 4, givenOn: '2025-09-12' })).json().error.fields[0]).toMatchObject({ field: 'dose', code: 'health.noSuchDose' });

    const record = (await doctor.get(`/api/health/children/${childId}`)).json();
    expect(record.immunisation.doses.find((d: { series: string; dose: number }) => d.series === 'hepb' && d.dose === 1)).toMatchObject({ status: 'given' });
    // Born 2025-03-10: HepB dose 3 (6 months) had to be done before 12 months.
    expect(record.immunisation.doses.find((d: { series: string; dose: number }) => d.series === 'hepb' && d.dose === 3)).toMatchObject({ status: 'overdue', deadlineOn: '2026-03-10' });
    expect(record.immunisation.next).toMatchObject({ status: 'overdue' });

    const due = await doctor.get('/api/health/immunisation/due?unitCode=330602001&status=overdue');
    expect(due.statusCode).toBe(200);
    const mine = due.json().filter((d: { personId: string }) => d.personId === childId);
    expect(mine.map((d: { vaccine: string; dose: number }) => `${d.vaccine}-${d.dose}`)).toContain('HepB-3');
    expect(mine.every((d: { status: string }) => d.status === 'overdue')).toBe(true);
    expect(await audits('health.due.list')).toBeGreaterThan(0);
  });

  it('flags the child in the township list', async () => {
    const list = (await doctor.get('/api/health/children?flag=overdue')).json();
    expect(list.items.find((c: { id: string }) => c.id === childId)).toMatchObject({ name: '健康甲', ageMonths: 20, overdue: expect.any(Number) });
    const referral = (await doctor.get('/api/health/children?flag=referral')).json();
    expect(referral.items.map((c: { id: string }) => c.id)).toContain(childId);
    const county = await signIn(app, 'yuecheng-health');
    const noTownship = await county.get('/api/health/children?flag=overdue');
    expect(noTownship.statusCode).toBe(400);
    expect(noTownship.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'health.chooseTownship' });
    expect((await county.get('/api/health/children?flag=overdue&unitCode=330602001')).json().total).toBeGreaterThan(0);
  });

  it('records a newborn home visit only in the postnatal period', async () => {
    const baby = await registerChild('新生乙', '2026-11-10', 24);
    const ok = await doctor.post(`/api/health/children/${baby.id}/visits`, { visitedOn: '2026-11-16', kind: 'postDischarge', weightKg: 3.4, feeding: 'breast', guidance: ['feeding', 'care'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ ageDays: 6, kind: 'postDischarge', jaundice: false, guidance: ['feeding', 'care'] });
    const late = await doctor.post(`/api/health/children/${childId}/visits`, { visitedOn: '2026-11-16', kind: 'fullMonth' });
    expect(late.json().error.fields[0]).toMatchObject({ field: 'visitedOn', code: 'health.notNewborn' });
  });

  it('does not let the doctor reach a child of another township, nor a grown-up', async () => {
    const county = await signIn(app, 'yuecheng-admin');
    const other = await county.post('/api/people', { name: '府山丙', idNumber: composeIdNumber('330602', '2025-05-05', 35), unitCode: '330602002001' });
    expect((await doctor.get(`/api/health/children/${other.json().id}`)).statusCode).toBe(404);
    expect((await doctor.post(`/api/health/children/${other.json().id}/measurements`, { measuredOn: '2026-10-01', weightKg: 10 })).statusCode).toBe(404);
    const adult = await registerChild('成年丁', '1990-01-01', 47);
    expect((await doctor.get(`/api/health/children/${adult.id}`)).statusCode).toBe(404);
  });

  it('keeps the records with the child when the child moves to another township', async () => {
    const county = await signIn(app, 'yuecheng-admin');
    const mover = await registerChild('迁移戊', '2025-08-08', 55);
    await doctor.post(`/api/health/children/${mover.id}/measurements`, { measuredOn: '2026-08-10', weightKg: 9.6 });
    expect((await county.patch(`/api/people/${mover.id}`, { unitCode: '330602002001' })).statusCode).toBe(200);
    expect((await doctor.get(`/api/health/children/${mover.id}`)).statusCode).toBe(404);
    const countyHealth = await signIn(app, 'yuecheng-health');
    const record = (await countyHealth.get(`/api/health/children/${mover.id}`)).json();
    expect(record.child.unitName).toBe('越都社区');
    expect(record.measurements).toHaveLength(1);
    const [row] = await p.db.rows<{ unit_code: string }>(sql`SELECT unit_code FROM growth_measurements WHERE person_id = ${mover.id}`);
    expect(row.unit_code).toBe('330602002001');
  });

  it('is read-only for the county health official and closed to roles without health permissions', async () => {
    const countyHealth = await signIn(app, 'yuecheng-health');
    expect((await countyHealth.get(`/api/health/children/${childId}`)).statusCode).toBe(200);
    expect((await countyHealth.post(`/api/health/children/${childId}/measurements`, { measuredOn: '2026-10-01', weightKg: 10 })).statusCode).toBe(403);
    const director = await signIn(app, 'tashan-director');
    expect((await director.get(`/api/health/children/${childId}`)).statusCode).toBe(403);
  });
});

describe('parents and their own children', () => {
  let mine = '';
  let neighbour = '';

  it('links a parent account to a child, audited; refuses a non-parent and a child outside the parent’s scope', async () => {
    mine = (await registerChild('家长之子', '2025-01-20', 61)).id;
    neighbour = (await registerChild('邻家之女', '2025-02-02', 62)).id;
    const res = await doctor.post('/api/guardianships', { personId: mine, username: 'tashan-parent', relation: 'mother' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ childName: '家长之子', username: 'tashan-parent', relation: 'mother' });
    expect(await audits('guardianship.create', mine)).toBe(1);
    expect((await doctor.post('/api/guardianships', { personId: mine, username: 'tashan-parent', relation: 'mother' })).statusCode).toBe(409);
    const notParent = await doctor.post('/api/guardianships', { personId: mine, username: 'tashan-staff', relation: 'father' });
    expect(notParent.json().error.fields[0]).toMatchObject({ field: 'username', code: 'guardianship.notAParent' });
    const admin = await signIn(app, 'yuecheng-admin');
    const far = await admin.post('/api/people', { name: '府山之子', idNumber: composeIdNumber('330602', '2025-04-04', 73), unitCode: '330602002001' });
    const outside = await admin.post('/api/guardianships', { personId: far.json().id, username: 'tashan-parent', relation: 'father' });
    expect(outside.json().error.fields[0]).toMatchObject({ field: 'username', code: 'guardianship.childOutsideParentScope' });
  });

  it('shows the parent their own child only, with the doctor’s records, and audits the read', async () => {
    await doctor.post(`/api/health/children/${mine}/measurements`, { measuredOn: '2026-11-02', weightKg: 11.2, lengthCm: 83, position: 'recumbent' });
    const children = await parent.get('/api/parent/children');
    expect(children.statusCode).toBe(200);
    expect(children.json()).toEqual([expect.objectContaining({ id: mine, name: '家长之子', relation: 'mother', ageMonths: 22 })]);
    const record = await parent.get(`/api/parent/children/${mine}/health`);
    expect(record.statusCode).toBe(200);
    expect(record.json().measurements[0]).toMatchObject({ weightKg: 11.2, lengthCm: 83 });
    expect(record.json().guardians).toBeNull();
    expect(await audits('health.record.parent_view', mine)).toBe(1);
  });

  it('answers "not found" for another child, and closes the staff routes to the parent', async () => {
    expect((await parent.get(`/api/parent/children/${neighbour}/health`)).statusCode).toBe(404);
    expect((await parent.get(`/api/health/children/${mine}`)).statusCode).toBe(403);
    expect((await parent.get('/api/health/children')).statusCode).toBe(403);
    expect((await parent.get(`/api/people/${mine}`)).statusCode).toBe(403);
    expect((await parent.post(`/api/health/children/${mine}/measurements`, { measuredOn: '2026-11-02', weightKg: 11 })).statusCode).toBe(403);
  });

  it('does not show one parent’s child to another parent', async () => {
    const admin = await signIn(app, 'yuecheng-admin');
    const created = await admin.post('/api/users', { username: 'other-parent', displayName: '家长 王先生', password: 'a-long-password', role: 'parent', unitCode: '330602001' });
    expect(created.statusCode).toBe(201);
    const other = await signIn(app, 'other-parent', 'a-long-password');
    expect((await other.get('/api/parent/children')).json()).toEqual([]);
    expect((await other.get(`/api/parent/children/${mine}/health`)).statusCode).toBe(404);
  });

  it('ends the link, and the parent loses access', async () => {
    const [link] = (await doctor.get(`/api/guardianships?personId=${mine}`)).json();
    expect((await doctor.post(`/api/guardianships/${link.id}/end`)).json().endedAt).not.toBeNull();
    expect((await parent.get(`/api/parent/children/${mine}/health`)).statusCode).toBe(404);
    expect((await parent.get('/api/parent/children')).json()).toEqual([]);
  });
});

describe('the "医、防、护" center registry', () => {
  it('is kept by the county health department, and shows coverage of the larger townships', async () => {
    const county = await signIn(app, 'yuecheng-health');
    const bad = await county.post('/api/health/centers', { unitCode: '330602001004', name: '花园社区中心', hostInstitution: '塔山街道社区卫生服务中心', status: 'planned' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'health.centerUnitTownship' });
    const noDate = await county.post('/api/health/centers', { unitCode: '330602001', name: '塔山中心', hostInstitution: '塔山街道社区卫生服务中心', status: 'operating' });
    expect(noDate.json().error.fields[0]).toMatchObject({ field: 'openedOn', code: 'required' });
    const res = await county.post('/api/health/centers', {
      unitCode: '330602001',
      name: '塔山街道“医防护”儿童健康管理中心',
      hostInstitution: '塔山街道社区卫生服务中心',
      status: 'operating',
      openedOn: '2024-06-01',
      grade: 'countyModel',
      services: ['medical', 'vaccination', 'centerGuidance'],
      childHealthStaff: 3,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitName: '塔山街道', grade: 'countyModel' });
    expect((await county.patch(`/api/health/centers/${res.json().id}`, { childHealthStaff: 4 })).json().childHealthStaff).toBe(4);
    expect((await doctor.post('/api/health/centers', { unitCode: '330602001', name: 'x', hostInstitution: 'y', status: 'planned' })).statusCode).toBe(403);
    const coverage = (await county.get('/api/health/centers/coverage')).json();
    expect(coverage.rows).toHaveLength(17);
    expect(coverage.rows.find((r: { unitCode: string }) => r.unitCode === '330602001')).toMatchObject({ centers: 1, operating: true });
    expect(coverage.townshipsCovered).toBeLessThanOrEqual(coverage.townshipsCounted);
    expect((await doctor.get('/api/health/centers')).json()).toHaveLength(1);
  });
});

describe('the licensed M-CHAT-R/F wording', () => {
  const items = Array.from({ length: 20 }, (_, i) => `经授权条目 ${i + 1}`);

  it('is absent until the city loads it, and only the city’s administrators may', async () => {
    expect((await doctor.get('/api/health/mchat/wording')).json()).toMatchObject({ licensed: false, items: null });
    const county = await signIn(app, 'yuecheng-admin');
    expect((await county.put('/api/health/mchat/wording', { locale: 'zh-CN', version: 'v1', licence: '许可协议', items })).statusCode).toBe(403);
    const city = await signIn(app, 'city-admin');
    const res = await city.put('/api/health/mchat/wording', { locale: 'zh-CN', version: '2024 授权中文版', licence: '与作者签订的电子使用许可（示例）', items });
    expect(res.statusCode).toBe(200);
    expect((await doctor.get('/api/health/mchat/wording?locale=zh-CN')).json()).toMatchObject({ licensed: true, items });
    expect((await doctor.get('/api/health/mchat/wording?locale=en-US')).json().licensed).toBe(false);
    expect(await audits('health.mchat_wording.load')).toBe(1);
  });
});
