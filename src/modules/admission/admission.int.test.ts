import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { insertCenter } from '../../../test/support/admission.ts';
import { composeIdNumber } from '../people/idNumber.ts';

let today = '2026-11-23';
const { p, app } = await testApp({ today: () => today });

const staff = await signIn(app, 'tashan-staff');
const county = await signIn(app, 'yuecheng-health');
const carer = await signIn(app, 'tashan-center');
const parent = await signIn(app, 'tashan-parent');

const count = async (q: ReturnType<typeof sql>) => (await p.db.rows<{ n: number }>(q))[0].n;
const audits = (action: string) => count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);

let seq = 100;
async function child(name: string, birthDate: string, link = true) {
  const res = await staff.post('/api/people', { name, idNumber: composeIdNumber('330602', birthDate, seq++), unitCode: '330602001004' });
  if (res.statusCode !== 201) throw new Error(`setup: ${res.body}`);
  const id = (res.json() as { id: string }).id;
  if (link) {
    const g = await staff.post('/api/guardianships', { personId: id, username: 'tashan-parent', relation: 'mother' });
    if (g.statusCode !== 201) throw new Error(`setup: ${g.body}`);
  }
  return id;
}

// Centers: A (the operator's own, rules: affordable families first), B (another operator's), C (infant class).
const A = await insertCenter(p, { unitCode: '330602001', name: '小禾苗托育园', owner: 'tashan-center', lon: 120.58, lat: 30.0 });
const B = await insertCenter(p, { unitCode: '330602002', name: '府山托育园', lon: 120.57, lat: 30.01 });
const C = await insertCenter(p, { unitCode: '330602001', name: '小禾苗托育园二部', owner: 'tashan-center', classType: 'infant' });
const anna = await child('甲小宝', '2025-03-01');
const bo = await child('乙小宝', '2025-02-01');
const cai = await child('丙小宝', '2025-01-15');
const stranger = await child('丁小宝', '2025-01-15', false);

let roundId = '';
let progA = '';
let progB = '';
let progC = '';

describe('rounds and places', () => {
  it('lets the county create and the centers fill a round; others may not', async () => {
    const bad = await county.post('/api/admission/rounds', { unitCode: '330602', name: '2026年冬季入托', applyFrom: '2026-11-30', applyTo: '2026-11-01', earliestStart: '2026-12-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'applyTo', code: 'admission.applyToBeforeFrom' });
    expect((await parent.post('/api/admission/rounds', { unitCode: '330602', name: 'x', applyFrom: '2026-11-01', applyTo: '2026-11-30', earliestStart: '2026-12-01' })).statusCode).toBe(403);
    const notCounty = await county.post('/api/admission/rounds', { unitCode: '330602001', name: 'x', applyFrom: '2026-11-01', applyTo: '2026-11-30', earliestStart: '2026-12-01' });
    expect(notCounty.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'admission.roundCounty' });
    const res = await county.post('/api/admission/rounds', { unitCode: '330602', name: '2026年冬季入托', applyFrom: '2026-11-01', applyTo: '2026-11-30', earliestStart: '2026-12-01', answerDays: 7 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', unitName: '越城区', answerDays: 7 });
    roundId = res.json().id;

    const a = await carer.put(`/api/admission/rounds/${roundId}/programs`, { centerId: A.centerId, classId: A.classId, places: 1, rules: [{ id: 'affordable', kind: 'affordableEligible' }] });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ classType: 'toddler', places: 1, centerName: '小禾苗托育园' });
    progA = a.json().id;
    // The operator does not run B: it does not exist for them.
    expect((await carer.put(`/api/admission/rounds/${roundId}/programs`, { centerId: B.centerId, classId: B.classId, places: 1, rules: [] })).statusCode).toBe(404);
    const b = await county.put(`/api/admission/rounds/${roundId}/programs`, { centerId: B.centerId, classId: B.classId, places: 1, rules: [{ id: 'near', kind: 'distance' }] });
    progB = b.json().id;
    progC = (await carer.put(`/api/admission/rounds/${roundId}/programs`, { centerId: C.centerId, classId: C.classId, places: 2, rules: [] })).json().id;
    const dup = await carer.put(`/api/admission/rounds/${roundId}/programs`, { centerId: A.centerId, classId: A.classId, places: 1, rules: [{ id: 'x', kind: 'sibling' }, { id: 'x', kind: 'distance' }] });
    expect(dup.json().error.fields[0]).toMatchObject({ field: 'rules', code: 'admission.duplicateRule' });
    const wrongClass = await carer.put(`/api/admission/rounds/${roundId}/programs`, { centerId: A.centerId, classId: B.classId, places: 1 });
    expect(wrongClass.json().error.fields[0]).toMatchObject({ field: 'classId', code: 'admission.classNotFound' });
    expect(await audits('admission.program.set')).toBe(3);
  });

  it('refuses applications before the round opens, then opens it', async () => {
    const early = await parent.post('/api/admission/applications', { roundId, personId: anna, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progA] });
    expect(early.json().error.fields[0]).toMatchObject({ field: 'roundId', code: 'admission.roundClosedForApplications' });
    const opened = await county.post(`/api/admission/rounds/${roundId}/open`);
    expect(opened.json()).toMatchObject({ status: 'open', programs: 3, places: 4 });
    expect((await county.post(`/api/admission/rounds/${roundId}/open`)).statusCode).toBe(409);
    const rounds = await parent.get('/api/admission/rounds');
    expect(rounds.json().map((r: { id: string }) => r.id)).toContain(roundId);
    const programs = await parent.get(`/api/admission/rounds/${roundId}/programs`);
    expect(programs.json()).toHaveLength(3);
  });
});

describe('applying', () => {
  it.each([
    [{ classType: 'infant', choices: ['C'] }, 'classType', 'admission.classTypeAge'],
    [{ startDate: '2026-11-25' }, 'startDate', 'admission.startBeforeRound'],
    [{ choices: ['A', 'A'] }, 'choices', 'admission.duplicateChoice'],
    [{ choices: ['C'] }, 'choices', 'admission.programOtherClassType'],
    [{ careType: 'weekly' }, 'careType', 'invalidOption'],
    [{ startDate: '2027-03-01' }, 'classType', 'admission.classTypeAge'],
  ])('refuses %j with a field error and changes nothing', async (change, field, code) => {
    const ids: Record<string, string> = { A: progA, B: progB, C: progC };
    const body = { roundId, personId: anna, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progA], ...change };
    if ('choices' in change) body.choices = (change.choices as string[]).map((c) => ids[c]);
    const res = await parent.post('/api/admission/applications', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.find((f: { field: string }) => f.field === field)).toMatchObject({ code });
    expect(await count(sql`SELECT count(*)::int AS n FROM admission_applications`)).toBe(0);
  });

  it('takes ranked choices for the parent’s own children only', async () => {
    const a = await parent.post('/api/admission/applications', { roundId, personId: anna, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progA, progB], affordableEligible: true });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ status: 'submitted', childName: '甲小宝', choices: [{ rank: 1, centerName: '小禾苗托育园' }, { rank: 2, centerName: '府山托育园' }] });
    const b = await parent.post('/api/admission/applications', { roundId, personId: bo, classType: 'toddler', careType: 'halfDay', startDate: '2026-12-01', choices: [progA, progB], homeLon: 120.571, homeLat: 30.011 });
    expect(b.json().choices[1].distanceM).toBeGreaterThan(0);
    expect(b.json().choices[1].distanceM).toBeLessThan(300);
    const c = await parent.post('/api/admission/applications', { roundId, personId: cai, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progB], homeLon: 120.6, homeLat: 30.05 });
    expect(c.statusCode).toBe(201);
    const again = await parent.post('/api/admission/applications', { roundId, personId: cai, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progA] });
    expect(again.statusCode).toBe(409);
    expect((await parent.post('/api/admission/applications', { roundId, personId: stranger, classType: 'toddler', careType: 'fullDay', startDate: '2026-12-01', choices: [progA] })).statusCode).toBe(404);
    expect(await audits('admission.application.create')).toBe(3);
  });
});

describe('the allocation and its explanation', () => {
  it('makes stable offers by the centers’ rules and explains every choice', async () => {
    expect((await carer.post(`/api/admission/rounds/${roundId}/allocate`)).statusCode).toBe(403);
    const res = await county.post(`/api/admission/rounds/${roundId}/allocate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applications: 3, offered: 2, waitlisted: 1, firstChoice: 1, places: 4 });
    const mine = (await parent.get('/api/admission/my-applications')).json() as {
      childName: string;
      status: string;
      offer: { centerName: string; deadline: string } | null;
      choices: { result: string; priorityRank: number; decidingRule: string; ownValue: number; otherValue: number; waitlistPosition: number }[];
    }[];
    const by = Object.fromEntries(mine.map((a) => [a.childName, a]));
    // Anna is eligible for an affordable place: first at A.
    expect(by['甲小宝']).toMatchObject({ status: 'offered', offer: { centerName: '小禾苗托育园', deadline: '2026-11-30' } });
    expect(by['甲小宝'].choices[0]).toMatchObject({ result: 'offered', priorityRank: 1, decidingRule: 'affordableEligible', ownValue: 1, otherValue: 0 });
    expect(by['甲小宝'].choices[1].result).toBe('notNeeded');
    // Bo missed A on the affordable rule, and got B by distance ahead of Cai.
    expect(by['乙小宝'].choices[0]).toMatchObject({ result: 'notOffered', priorityRank: 2, waitlistPosition: 1, decidingRule: 'affordableEligible', ownValue: 0, otherValue: 1 });
    expect(by['乙小宝']).toMatchObject({ status: 'offered', offer: { centerName: '府山托育园' } });
    expect(by['乙小宝'].choices[1]).toMatchObject({ result: 'offered', decidingRule: 'distance' });
    expect(by['乙小宝'].choices[1].ownValue).toBeLessThan(by['乙小宝'].choices[1].otherValue);
    expect(by['丙小宝'].status).toBe('waitlisted');
    expect(by['丙小宝'].choices[0]).toMatchObject({ result: 'notOffered', waitlistPosition: 1, decidingRule: 'distance' });
    expect(await audits('admission.application.parent_view')).toBe(3);
    expect((await county.post(`/api/admission/rounds/${roundId}/allocate`)).statusCode).toBe(409);
  });

  it('shows a center the applications that chose it, and the county all in scope (audited)', async () => {
    const atA = await carer.get(`/api/admission/applications?centerId=${A.centerId}`);
    expect(atA.statusCode).toBe(200);
    expect(atA.json().map((a: { childName: string }) => a.childName).sort()).toEqual(['乙小宝', '甲小宝']);
    expect((await carer.get(`/api/admission/applications?centerId=${B.centerId}`)).statusCode).toBe(404);
    expect((await carer.get('/api/admission/applications')).statusCode).toBe(403);
    expect((await county.get(`/api/admission/applications?roundId=${roundId}&status=waitlisted`)).json()).toHaveLength(1);
    expect(await audits('admission.application.list')).toBe(2);
  });
});

describe('offers, enrolment, waiting list and exit', () => {
  const appOf = async (name: string) => ((await parent.get('/api/admission/my-applications')).json() as { id: string; childName: string; status: string; enrolmentId: string | null }[]).find((a) => a.childName === name)!;

  it('enrols the child when the parent accepts in time', async () => {
    const a = await appOf('甲小宝');
    const res = await parent.post(`/api/admission/applications/${a.id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('accepted');
    const [e] = await p.db.rows<{ center_id: string; class_id: string; care_type: string; start_date: string; status: string; unit_code: string }>(
      sql`SELECT center_id, class_id, care_type, start_date::text, status, unit_code FROM childcare_enrolments WHERE id = ${res.json().enrolmentId}`,
    );
    expect(e).toMatchObject({ center_id: A.centerId, class_id: A.classId, care_type: 'fullDay', start_date: '2026-12-01', status: 'active', unit_code: '330602001' });
    expect((await parent.post(`/api/admission/applications/${a.id}/accept`)).statusCode).toBe(409);
    expect((await parent.post(`/api/admission/applications/${a.id}/withdraw`)).statusCode).toBe(409);
  });

  it('passes a declined place to the first on the waiting list', async () => {
    const b = await appOf('乙小宝');
    expect((await parent.post(`/api/admission/applications/${b.id}/decline`)).json().status).toBe('declined');
    const c = await appOf('丙小宝');
    expect(c.status).toBe('offered');
    expect(await audits('admission.offer.fromWaitlist')).toBe(1);
  });

  it('refuses an offer past its deadline, and expires it', async () => {
    const c = await appOf('丙小宝');
    today = '2026-12-01';
    const late = await parent.post(`/api/admission/applications/${c.id}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.fields[0]).toMatchObject({ field: 'status', code: 'admission.offerExpired' });
    const swept = await county.post(`/api/admission/rounds/${roundId}/expire-offers`);
    expect(swept.json()).toEqual({ expired: 1, offered: 0 });
    expect((await appOf('丙小宝')).status).toBe('expired');
    today = '2026-11-23';
  });

  it('ends the enrolment when the child leaves (exit), by the center', async () => {
    const a = await appOf('甲小宝');
    expect((await parent.post(`/api/admission/applications/${a.id}/exit`, { endDate: '2027-06-30' })).statusCode).toBe(403);
    const bad = await carer.post(`/api/admission/applications/${a.id}/exit`, { endDate: '2026-11-01' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'endDate', code: 'admission.endBeforeStart' });
    expect((await carer.post(`/api/admission/applications/${a.id}/exit`, { endDate: '2027-06-30' })).statusCode).toBe(200);
    const [e] = await p.db.rows<{ status: string; end_date: string }>(sql`SELECT status, end_date::text FROM childcare_enrolments WHERE id = ${a.enrolmentId}`);
    expect(e).toEqual({ status: 'ended', end_date: '2027-06-30' });
    expect((await appOf('甲小宝')).status).toBe('ended');
  });

  it('closes the round', async () => {
    const res = await county.post(`/api/admission/rounds/${roundId}/close`);
    expect(res.json().status).toBe('closed');
  });
});
