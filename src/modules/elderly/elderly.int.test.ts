import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { PROFILE, abilityScores, elderlyPerson } from '../../../test/support/elderly.ts';
import { refreshIndicators } from '../indicators/index.ts';
import { systemActor } from '../../app/scope.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const county = await signIn(app, 'yuecheng-health');
const VILLAGE = '330602001004';

async function auditCount(action: string, entityId?: string): Promise<number> {
  const [r] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND (${entityId ?? null}::text IS NULL OR entity_id = ${entityId ?? null})`);
  return r.n;
}

describe('profiles, ability assessments and needs', () => {
  it('profiles a person 60+, scores an assessment by GB/T 42195-2022 and explains the needs; every read is audited', async () => {
    const id = await elderlyPerson(county, { name: '越城测老甲', birthDate: '1944-02-02', unitCode: VILLAGE });
    expect((await county.put(`/api/elderly/profiles/${id}`, PROFILE)).statusCode).toBe(200);
    const a = await county.post(`/api/elderly/profiles/${id}/assessments`, { assessedOn: '2026-11-01', reason: 'first', scores: abilityScores(50), riskEvents: 2 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ total: 50, baseLevel: 'moderate', level: 'severe', changes: ['riskEvents'], standardVersion: 'GB/T 42195-2022' });
    const before = await auditCount('elderly.profile.read', id);
    const d = (await county.get(`/api/elderly/profiles/${id}`)).json();
    expect(await auditCount('elderly.profile.read', id)).toBe(before + 1);
    expect(d).toMatchObject({ age: 82, abilityLevel: 'severe', specialDifficulty: true, healthDue: true, careEligibility: { nursingBed: true, nursingSubsidy: true } });
    expect(d.idNumberMasked).toMatch(/\*/);
    const needs = Object.fromEntries(d.needs.map((n: { dimension: string }) => [n.dimension, n]));
    expect(needs.visiting).toMatchObject({ level: 'high', reasons: ['visitWeekly'] });
    expect(needs.disabilityCare.reasons).toEqual(['abilitySevere']);
    expect(needs.health.reasons).toContain('healthAssessmentDue');
    // 免申即享: the nursing subsidy of a low-income, severely disabled person and nothing at 82 for the pension (80+ keep the old allowance).
    expect(d.entitlements.map((e: { ruleCode: string }) => e.ruleCode)).toEqual(['elderly.nursingSubsidy.severe']);
    const list = (await county.get('/api/elderly/profiles?q=越城测老甲')).json();
    expect(list.items).toEqual([expect.objectContaining({ personId: id, profiled: true, abilityLevel: 'severe', livingArrangement: 'alone' })]);
    expect((await county.get('/api/elderly/profiles?q=越城测老甲&abilityLevel=mild')).json().total).toBe(0);
  });

  it('refuses bad scores field by field in the caller’s language, and changes nothing', async () => {
    const id = await elderlyPerson(county, { name: '越城测老乙', birthDate: '1950-05-05', unitCode: VILLAGE });
    const scores: Record<string, number> = abilityScores(90);
    scores.stairs = 4;
    delete scores.eating;
    const res = await county.post(`/api/elderly/profiles/${id}/assessments`, { assessedOn: '2026-11-01', reason: 'first', scores });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'scores.eating', message: '请为这一项打分' }), expect.objectContaining({ field: 'scores.stairs', message: '分值应为 0 到 3 的整数' })]));
    const en = await county.post(`/api/elderly/profiles/${id}/assessments`, { assessedOn: '2026-12-01', reason: 'first', scores: abilityScores(90) }, { 'accept-language': 'en-US' });
    expect(en.json().error.fields[0]).toMatchObject({ field: 'assessedOn', message: 'The date cannot be later than today' });
    const d = (await county.get(`/api/elderly/profiles/${id}`)).json();
    expect(d.assessments).toEqual([]);
  });

  it('does not profile a person under 60', async () => {
    const id = await elderlyPerson(county, { name: '越城测中年', birthDate: '1970-01-01', unitCode: VILLAGE });
    expect((await county.get(`/api/elderly/profiles/${id}`)).statusCode).toBe(404);
    expect((await county.put(`/api/elderly/profiles/${id}`, PROFILE)).statusCode).toBe(404);
  });
});

describe('health and the dementia loop', () => {
  it('records one health assessment a year for 65+, refuses a second and anyone younger', async () => {
    const id = await elderlyPerson(county, { name: '越城测老丙', birthDate: '1955-03-03', unitCode: VILLAGE });
    const body = { assessedOn: '2026-10-10', smoking: false, drinking: false, exercise: 'daily', systolic: 135, diastolic: 85, heightCm: 165, weightKg: 62, tcmConstitution: 'qiDeficiency', selfCare: 'independent' };
    const ok = await county.post(`/api/elderly/profiles/${id}/health-assessments`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2026, bmi: 22.8 });
    expect((await county.post(`/api/elderly/profiles/${id}/health-assessments`, body)).json().error.fields[0]).toMatchObject({ field: 'assessedOn', code: 'elderly.healthYearDone' });
    const young = await elderlyPerson(county, { name: '越城测六十', birthDate: '1963-01-01', unitCode: VILLAGE });
    expect((await county.post(`/api/elderly/profiles/${young}/health-assessments`, body)).json().error.fields[0]).toMatchObject({ field: 'assessedOn', code: 'elderly.under65' });
  });

  it('walks a positive screen through intervention, referral and care to closure, refusing illegal steps', async () => {
    const id = await elderlyPerson(county, { name: '越城测老丁', birthDate: '1948-08-08', unitCode: VILLAGE });
    const neg = await county.post(`/api/elderly/profiles/${id}/dementia-screens`, { screenedOn: '2026-08-01', tool: 'ad8', score: 1 });
    expect(neg.json()).toMatchObject({ positive: false, status: 'closed', outcome: 'negative' });
    const c = (await county.post(`/api/elderly/profiles/${id}/dementia-screens`, { screenedOn: '2026-09-01', tool: 'mmse', score: 19, education: 'primary' })).json();
    expect(c).toMatchObject({ positive: true, status: 'screened', dueOn: '2026-09-15', allowedActions: ['intervene', 'refer', 'close'] });
    expect((await county.post(`/api/elderly/profiles/${id}/dementia-screens`, { screenedOn: '2026-09-02', tool: 'ad8', score: 3 })).json().error.fields[0].code).toBe('elderly.dementiaCaseOpen');
    const illegal = await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'startCare', on: '2026-09-05' });
    expect(illegal.statusCode).toBe(400);
    expect(illegal.json().error.fields[0]).toMatchObject({ field: 'action', message: '当前环节不能进行这一步' });
    expect((await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'intervene', on: '2026-09-05' })).json().status).toBe('intervening');
    expect((await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'refer', on: '2026-09-20' })).json().error.fields[0].field).toBe('referralLevel');
    expect((await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'refer', on: '2026-09-20', referralLevel: 'county', institution: '越城区人民医院记忆门诊' })).json()).toMatchObject({ status: 'referred', dueOn: '2026-10-20' });
    expect((await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'startCare', on: '2026-10-01' })).json().status).toBe('inCare');
    const closed = (await county.post(`/api/elderly/dementia-cases/${c.id}/steps`, { action: 'close', on: '2026-11-01', outcome: 'stable' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-01', allowedActions: [] });
    expect(closed.steps.map((s: { action: string }) => s.action)).toEqual(['screen', 'intervene', 'refer', 'startCare', 'close']);
    expect((await county.get('/api/elderly/dementia-cases?status=closed')).json().map((x: { id: string }) => x.id)).toContain(c.id);
  });
});

describe('institutions, beds and the waiting list', () => {
  it('registers a public home, orders its waiting list by the published rules and admits into a free bed', async () => {
    const bad = await county.post('/api/elderly/institutions', { unitCode: '330602001', name: '塔山测试敬老院', publicHome: true, beds: 60, nursingBeds: 70, dementiaBeds: 5, socialWorkers: 1 });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'nursingBeds', code: 'elderly.moreThanBeds' });
    const home = await county.post('/api/elderly/institutions', { unitCode: '330602001', name: '塔山测试敬老院', publicHome: true, beds: 61, nursingBeds: 40, dementiaBeds: 5, socialWorkers: 1, occupiedBeds: 60 });
    expect(home.statusCode, home.body).toBe(201);
    expect(home.json().indicators).toEqual([{ code: 'nursingShare', value: 65.6, target: 60, met: true }, { code: 'socialWorkers', value: 1, target: 2, met: false }]);
    const hid = home.json().id;
    const early = await elderlyPerson(county, { name: '越城测轮候甲', birthDate: '1950-01-01', unitCode: VILLAGE });
    const destitute = await elderlyPerson(county, { name: '越城测轮候乙', birthDate: '1952-01-01', unitCode: VILLAGE });
    const disabled = await elderlyPerson(county, { name: '越城测轮候丙', birthDate: '1951-01-01', unitCode: VILLAGE });
    await county.put(`/api/elderly/profiles/${early}`, { ...PROFILE, economicStatus: 'ordinary' });
    await county.put(`/api/elderly/profiles/${destitute}`, { ...PROFILE, economicStatus: 'destitute' });
    await county.put(`/api/elderly/profiles/${disabled}`, { ...PROFILE, economicStatus: 'ordinary' });
    await county.post(`/api/elderly/profiles/${disabled}/assessments`, { assessedOn: '2026-10-01', reason: 'first', scores: abilityScores(50) });
    for (const [pid, on] of [[early, '2025-01-01'], [destitute, '2026-11-01'], [disabled, '2026-06-01']]) expect((await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: pid, appliedOn: on })).statusCode).toBe(201);
    expect((await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: early, appliedOn: '2025-01-01' })).json().error.fields[0].code).toBe('elderly.alreadyWaiting');
    const list = (await county.get(`/api/elderly/institutions/${hid}/waiting-list`)).json();
    expect(list.entries.map((e: { personName: string; position: number | null; group: string }) => [e.personName, e.group, e.position])).toEqual([
      ['越城测轮候乙', 'destitute', null],
      ['越城测轮候丙', 'disabledOrVeryOld', 1],
      ['越城测轮候甲', 'general', 2],
    ]);
    const first = list.entries[1];
    const admitted = await county.post(`/api/elderly/waiting-list/${first.id}/decision`, { action: 'admit', on: '2026-11-10' });
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json().entries.map((e: { personName: string }) => e.personName)).toEqual(['越城测轮候乙', '越城测轮候甲']);
    const full = await county.post(`/api/elderly/waiting-list/${list.entries[0].id}/decision`, { action: 'admit', on: '2026-11-10' });
    expect(full.json().error.fields[0].code).toBe('elderly.noFreeBed');
    // Two withdrawals within a year bar a new application for a year.
    const again = await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: disabled, appliedOn: '2026-11-11' });
    const w1 = again.json().entries.find((e: { personId: string }) => e.personId === disabled).id;
    await county.post(`/api/elderly/waiting-list/${w1}/decision`, { action: 'withdraw', on: '2026-11-12' });
    const third = await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: early, appliedOn: '2026-11-12' });
    expect(third.json().error.fields[0].code).toBe('elderly.alreadyWaiting');
    const early1 = (await county.get(`/api/elderly/institutions/${hid}/waiting-list`)).json().entries.find((e: { personId: string }) => e.personId === early).id;
    await county.post(`/api/elderly/waiting-list/${early1}/decision`, { action: 'withdraw', on: '2026-11-12' });
    await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: early, appliedOn: '2026-11-13' });
    const early2 = (await county.get(`/api/elderly/institutions/${hid}/waiting-list`)).json().entries.find((e: { personId: string }) => e.personId === early).id;
    await county.post(`/api/elderly/waiting-list/${early2}/decision`, { action: 'withdraw', on: '2026-11-14' });
    const barred = await county.post(`/api/elderly/institutions/${hid}/waiting-list`, { personId: early, appliedOn: '2026-11-15' });
    expect(barred.json().error.fields[0]).toMatchObject({ field: 'personId', code: 'elderly.reapplyBarred', message: '一年内两次撤回轮候申请，2027-11-14 前不能再次申请' });
    const beds = (await county.get('/api/elderly/beds?unitCode=330602001')).json();
    expect(beds).toMatchObject({ beds: 61, nursingBeds: 40, dementiaBeds: 5 });
    expect(beds.elderly60).toBeGreaterThan(0);
  });
});

describe('elderly rules (SPEC §3.8)', () => {
  it('lists who is entitled in a month with each amount and why, and a worker’s allowance and award instalments', async () => {
    const id = await elderlyPerson(county, { name: '越城测养老金', birthDate: '1960-06-15', unitCode: VILLAGE });
    const june = (await county.get('/api/elderly/entitlements?month=2025-07&pageSize=200')).json();
    const row = june.items.find((x: { personId: string }) => x.personId === id);
    expect(row).toMatchObject({ totalFen: 10_00, lines: [{ ruleCode: 'elderly.pension.age65', amountFen: 10_00 }] });
    expect((await county.get('/api/elderly/entitlements?month=2025-06&pageSize=200')).json().items.find((x: { personId: string }) => x.personId === id)).toBeUndefined();
    const [inst] = (await county.get('/api/elderly/institutions?q=塔山测试')).json();
    const w = await county.post('/api/elderly/workers', { institutionId: inst.id, name: '测试护理员', startedOn: '2023-07-01', graduateEducation: 'college', graduatedOn: '2023-06-30', certificates: [{ level: 4, certifiedOn: '2024-01-01' }, { level: 3, certifiedOn: '2026-10-15' }] });
    expect(w.statusCode, w.body).toBe(201);
    const [worker] = (await county.get('/api/elderly/workers?month=2026-11')).json().filter((x: { name: string }) => x.name === '测试护理员');
    expect(worker.allowance).toMatchObject({ ruleCode: 'elderly.workerAllowance.level3', amountFen: 300_00 });
    expect(worker.instalments).toEqual([
      { dueOn: '2026-07-01', afterYears: 3, sharePct: 30, amountFen: 12_000_00, due: true },
      { dueOn: '2027-07-01', afterYears: 4, sharePct: 30, amountFen: 12_000_00, due: false },
      { dueOn: '2028-07-01', afterYears: 5, sharePct: 40, amountFen: 16_000_00, due: false },
    ]);
    const oct = (await county.get('/api/elderly/workers?month=2026-10')).json().find((x: { name: string }) => x.name === '测试护理员');
    expect(oct.allowance.amountFen).toBe(250_00);
  });
});

describe('bed indicators in the registry (004)', () => {
  it('computes the nursing-type share and dementia beds per 10,000 elderly for the township, rolled up, against the 2025 targets', async () => {
    await county.post('/api/elderly/institutions', { unitCode: '330602002', name: '指标测试护理院', publicHome: false, beds: 100, nursingBeds: 55, dementiaBeds: 10, socialWorkers: 1 });
    await refreshIndicators(p, systemActor(), 'manual');
    const rows = await p.db.rows<{ indicator_code: string; unit_code: string; numerator: string; denominator: string; value: string }>(
      sql`SELECT indicator_code, unit_code, numerator::text, denominator::text, value::text FROM indicator_values WHERE unit_code = '330602002' AND year = 2026 AND indicator_code LIKE 'elderly.%' ORDER BY indicator_code`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.indicator_code, r]));
    expect(Number(by['elderly.nursingBedShare'].value)).toBeCloseTo(55, 5);
    expect(Number(by['elderly.dementiaBedsPer10k'].numerator)).toBe(10);
    expect(Number(by['elderly.socialWorkersPer1000Beds'].value)).toBeCloseTo(10, 5);
    const [county2025] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_targets WHERE indicator_code LIKE 'elderly.%' AND year = 2025`);
    expect(county2025.n).toBe(21);
  });
});
