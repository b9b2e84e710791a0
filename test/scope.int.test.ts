/**
 * A county official never sees another county's records: not in lists, not by id, not
 * through search, exports or counts. Records of 嵊州市 are created through the services;
 * then a 越城区 user calls every route the API publishes (read from the OpenAPI document,
 * so routes added later are covered too) with every foreign identifier, and no answer may
 * succeed on a foreign record or contain any of its marks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testApp } from './support/platform.ts';
import { signIn, type Session } from './support/http.ts';
import { xlsxRows } from './support/xlsx.ts';
import { composeIdNumber } from '../src/modules/people/idNumber.ts';
import { importPeopleFile } from '../src/modules/imports/index.ts';
import { systemActor } from '../src/app/scope.ts';
import { shanghaiToday } from '../src/app/context.ts';
import { addDays, addMonths } from '../src/app/dates.ts';
import { insertCenter } from './support/admission.ts';
import { centerBody, STANDARD_EVIDENCE, uploadEvidence } from './support/childcare.ts';
import { createCenterFixture, gradeFixture } from './support/childcare-fixtures.ts';
import { CURRENT_STANDARD, itemsOf } from '../src/modules/grading/standard.ts';
import { checklistOf } from '../src/modules/supervision/checklist.ts';
import { refreshIndicators } from '../src/modules/indicators/index.ts';
import { createTransferFixture } from './support/scope-transfers.ts';

const { p, app } = await testApp();

const FOREIGN_NAME = '嵊州专测甲';
const FOREIGN_ID = composeIdNumber('330683', '2024-06-01', 17);
const shengzhou = await signIn(app, 'shengzhou-admin');
const FOREIGN_VILLAGE = '330683001002';
async function created(res: Promise<{ statusCode: number; json(): { id: string } }>) {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`setup failed: ${r.statusCode} ${JSON.stringify(r.json())}`);
  return r.json();
}
const foreignPerson = await created(
  shengzhou.post('/api/people', { name: FOREIGN_NAME, idNumber: FOREIGN_ID, unitCode: FOREIGN_VILLAGE, address: '嵊州专测地址' }),
);
const foreignUser = await created(
  shengzhou.post('/api/users', {
    username: 'shengzhou-secret',
    displayName: '嵊州专测用户',
    password: 'a-long-password',
    role: 'township_staff',
    unitCode: '330683001',
  }),
);
const csv = path.join(os.tmpdir(), `shengzhou-${process.pid}.csv`);
fs.writeFileSync(csv, `身份证号,姓名,所属村社区代码\n${composeIdNumber('330683', '2023-03-03', 23)},嵊州专测乙,${FOREIGN_VILLAGE}\n`);
const foreignRun = await importPeopleFile(p, { ...systemActor('shengzhou-data'), scope: '330683' }, csv, { fileName: 'shengzhou-secret.csv' });

// Infant health: a 嵊州市 child of 20 months and a newborn with records of every kind, a
// parent linked to the child, and a "医、防、护" center.
const today = shanghaiToday();
const toddlerBirth = addMonths(today, -20);
const foreignChild = await created(
  shengzhou.post('/api/people', { name: '嵊州专测童', idNumber: composeIdNumber('330683', toddlerBirth, 27), unitCode: FOREIGN_VILLAGE }),
);
const newbornBirth = addDays(today, -10);
const foreignNewborn = await created(
  shengzhou.post('/api/people', { name: '嵊州专测婴', idNumber: composeIdNumber('330683', newbornBirth, 28), unitCode: FOREIGN_VILLAGE }),
);
const foreignMeasurement = await created(
  shengzhou.post(`/api/health/children/${foreignChild.id}/measurements`, { measuredOn: addDays(today, -3), weightKg: 10.8, lengthCm: 81, position: 'recumbent' }),
);
const typical = Array.from({ length: 20 }, (_, i) => ![2, 5, 12].includes(i + 1));
const foreignMchat = (await created(
  shengzhou.post(`/api/health/children/${foreignChild.id}/screenings/mchat`, { screenedOn: addDays(today, -3), answers: typical.map((a, i) => (i < 4 ? !a : a)) }),
)) as unknown as { screening: { id: string } };
const foreignScreen = (await created(
  shengzhou.post(`/api/health/children/${foreignChild.id}/screenings/warning-signs`, { screenedOn: addDays(today, -3), signsPresent: [2], regression: false }),
)) as unknown as { screening: { id: string }; referral: { id: string } };
await created(shengzhou.post(`/api/health/children/${foreignChild.id}/vaccinations`, { vaccine: 'HepB', dose: 1, givenOn: toddlerBirth, place: '嵊州专测接种点' }));
await created(shengzhou.post(`/api/health/children/${foreignNewborn.id}/visits`, { visitedOn: addDays(today, -4), kind: 'postDischarge', findings: '嵊州专测访视' }));
const foreignCenter = await created(
  shengzhou.post('/api/health/centers', { unitCode: '330683001', name: '嵊州专测中心', hostInstitution: '嵊州专测卫生院', status: 'operating', openedOn: '2024-01-01' }),
);
await created(
  shengzhou.post('/api/users', { username: 'shengzhou-parent', displayName: '嵊州专测家长', password: 'a-long-password', role: 'parent', unitCode: '330683001' }),
);
const foreignLink = await created(shengzhou.post('/api/guardianships', { personId: foreignChild.id, username: 'shengzhou-parent', relation: 'father' }));

// Childcare: a 嵊州市 center with its filing submitted, evidence, staff with a certificate and an enrolled child.
const foreignCcCenter = await created(shengzhou.post('/api/childcare/centers', centerBody({ unitCode: '330683001', name: '嵊州专测托育园', address: '嵊州专测托育地址' })));
const foreignCcFiling = (foreignCcCenter as unknown as { filingId: string }).filingId;
const foreignCcDocs: string[] = [];
for (const kind of STANDARD_EVIDENCE) foreignCcDocs.push((await created(uploadEvidence(shengzhou, foreignCcCenter.id, kind) as never)).id);
await shengzhou.post(`/api/childcare/filings/${foreignCcFiling}/submit`);
const foreignCcClasses = (await shengzhou.get(`/api/childcare/centers/${foreignCcCenter.id}`)).json().classes as { id: string; classType: string }[];
const foreignCcStaff = await created(shengzhou.post(`/api/childcare/centers/${foreignCcCenter.id}/staff`, { name: '嵊州专测保育员', role: 'caregiver', hiredOn: '2025-01-01' }));
await created(shengzhou.post(`/api/childcare/staff/${foreignCcStaff.id}/certificates`, { certType: 'caregiver', number: 'SZ-SECRET-1', issuer: '嵊州专测发证', validFrom: '2025-01-01', validTo: addDays(today, 10) }));
const foreignCcEnrolment = await created(
  shengzhou.post(`/api/childcare/centers/${foreignCcCenter.id}/enrolments`, { personId: foreignChild.id, classId: foreignCcClasses.find((c) => c.classType === 'toddler')!.id, careType: 'fullDay', startDate: today }),
);
const FOREIGN_CHILDCARE_IDS = [foreignCcCenter.id, foreignCcFiling, foreignCcStaff.id, foreignCcEnrolment.id, ...foreignCcDocs];

// Grading, supervision, subsidies: a filed 嵊州市 center with enrolled children, a published
// grading, a drawn plan, an inspection with a finding and its order, an incident, a parent's
// complaint, a computed subsidy month and a one-time claim.
const qCenter = await createCenterFixture(p, { unitCode: '330683001', name: '嵊州专测质量园', children: 2, enrolledFrom: '2025-01-01' });
await gradeFixture(p, qCenter.id, 'grade2', '2024-06-01', addDays(today, 400));
const fullScores = Object.fromEntries(itemsOf(CURRENT_STANDARD).map((i) => [i.code, i.max]));
const qApp = await created(shengzhou.post('/api/grading/applications', { centerId: qCenter.id, level: 'grade1' }));
await shengzhou.put(`/api/grading/applications/${qApp.id}/self-assessment`, { scores: fullScores });
await shengzhou.post(`/api/grading/applications/${qApp.id}/submit`, {});
await shengzhou.post(`/api/grading/applications/${qApp.id}/assessment`, { onsiteOn: today, assessors: '嵊州专测评估组', scores: fullScores });
const qPlan = await created(shengzhou.post('/api/supervision/plans', { name: '嵊州专测抽查计划', inspectionType: 'routine', periodFrom: today, periodTo: addDays(today, 30), sampleSize: 1, inspectorsPerCenter: 1 }));
await shengzhou.post(`/api/supervision/plans/${qPlan.id}/draw`, { seed: 'shengzhou' });
const qInspection = await created(shengzhou.post('/api/supervision/inspections', { centerId: qCenter.id, inspectionType: 'routine', scheduledOn: today }));
const qAnswers = Object.fromEntries(checklistOf('routine').map((i) => [i.code, i.code === 'routine.cctv' ? 'fail' : 'pass']));
await shengzhou.post(`/api/supervision/inspections/${qInspection.id}/result`, { inspectedOn: today, results: qAnswers, findings: { 'routine.cctv': '嵊州专测发现问题' }, rectificationDeadline: addDays(today, 10) });
const [qOrder] = (await shengzhou.get(`/api/supervision/rectifications?centerId=${qCenter.id}`)).json() as { id: string }[];
const qIncident = await created(shengzhou.post('/api/supervision/incidents', { centerId: qCenter.id, occurredAt: `${today}T08:00:00+08:00`, kind: 'injury', severity: 'general', description: '嵊州专测事件经过', childrenAffected: 1, actionsTaken: '嵊州专测处置' }));
const shengzhouParent = await signIn(app, 'shengzhou-parent', 'a-long-password');
const qComplaint = await created(shengzhouParent.post('/api/supervision/complaints', { centerId: foreignCcCenter.id, category: 'food', content: '嵊州专测投诉内容' }));
const previousMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
await shengzhou.post('/api/subsidies/months/compute', { month: previousMonth, centerId: qCenter.id });
const [qMonth] = (await shengzhou.get(`/api/subsidies/months?centerId=${qCenter.id}`)).json().items as { id: string }[];
const qClaim = await created(shengzhou.post('/api/subsidies/claims', { centerId: qCenter.id, ruleCode: 'childcare.premises', costFen: 100_000_00, description: '嵊州专测补助申请' }));
const FOREIGN_QUALITY_IDS = [qCenter.id, qApp.id, qPlan.id, qInspection.id, qOrder.id, qIncident.id, qComplaint.id, qMonth.id, qClaim.id, ...qCenter.personIds];


// Admission and home–center interaction: a 嵊州市 round with a center's places, the foreign
// child's application allocated and accepted, and the center's records of the child's day.
const foreignCare = await insertCenter(p, { unitCode: '330683001', name: '嵊州专测入托园', lon: 120.82, lat: 29.59 });
const foreignRound = await created(
  shengzhou.post('/api/admission/rounds', { unitCode: '330683', name: '嵊州专测批次', applyFrom: addDays(today, -10), applyTo: addDays(today, 10), earliestStart: addDays(today, -5) }),
);
const foreignProgram = (await shengzhou.put(`/api/admission/rounds/${foreignRound.id}/programs`, { centerId: foreignCare.centerId, classId: foreignCare.classId, places: 3, rules: [{ id: 'near', kind: 'distance' }] })).json() as { id: string };
await shengzhou.post(`/api/admission/rounds/${foreignRound.id}/open`);
const foreignApplication = await created(
  shengzhouParent.post('/api/admission/applications', { roundId: foreignRound.id, personId: foreignChild.id, classType: 'toddler', careType: 'fullDay', startDate: addDays(today, -5), choices: [foreignProgram.id], homeLon: 120.83, homeLat: 29.6 }),
);
await shengzhou.post(`/api/admission/rounds/${foreignRound.id}/allocate`);
const foreignEnrolment = ((await shengzhouParent.post(`/api/admission/applications/${foreignApplication.id}/accept`)).json() as { enrolmentId: string }).enrolmentId;
const careBase = `/api/family/centers/${foreignCare.centerId}`;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
await shengzhou.post(`${careBase}/attendance/absent`, { enrolmentId: foreignEnrolment, day: addDays(today, -1), absence: 'leave', note: '嵊州专测请假' });
await shengzhou.post(`${careBase}/attendance/check-in`, { enrolmentId: foreignEnrolment, droppedOffBy: '嵊州专测家长' });
const foreignReport = (await shengzhou.put(`${careBase}/reports`, { enrolmentId: foreignEnrolment, day: today, meals: [], mood: 'happy', activities: '嵊州专测活动', photos: [{ mimeType: 'image/png', dataBase64: PNG, caption: '嵊州专测照片' }] })).json() as { id: string; photos: { id: string }[] };
await created(shengzhou.post(`${careBase}/messages`, { personId: foreignChild.id, body: '嵊州专测留言' }));
await created(shengzhou.post(`${careBase}/notices`, { title: '嵊州专测通知', body: '嵊州专测通知正文' }));
await shengzhou.put(`${careBase}/meal-plan`, { weekStart: addDays(today, 1 - (((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1)), dishes: [{ weekday: 1, meal: 'lunch', name: '嵊州专测菜', ingredients: [{ food: 'rice-cooked', grams: 80 }] }] });
const foreignActivity = await created(shengzhou.post(`${careBase}/activities`, { title: '嵊州专测讲座', startsAt: `${addDays(today, 20)}T09:00:00+08:00`, places: 5 }));
const foreignVisit = await created(shengzhou.post(`${careBase}/home-visits`, { personId: foreignChild.id, visitedOn: today, visitorName: '嵊州专测老师', summary: '嵊州专测家访' }));
const FOREIGN_FAMILY_IDS = [foreignCare.centerId, foreignCare.classId, foreignRound.id, foreignProgram.id, foreignApplication.id, foreignEnrolment, foreignReport.id, foreignReport.photos[0].id, foreignActivity.id, foreignVisit.id];

const foreignTransfer = await createTransferFixture(app, shengzhou);

const FOREIGN_HEALTH_IDS = [foreignChild.id, foreignNewborn.id, foreignMeasurement.id, foreignMchat.screening.id, foreignScreen.screening.id, foreignScreen.referral.id, foreignCenter.id, foreignLink.id];
const FOREIGN_IDS = [foreignPerson.id, foreignUser.id, foreignRun.id, '330683', '330683001', FOREIGN_VILLAGE, ...FOREIGN_HEALTH_IDS, ...FOREIGN_CHILDCARE_IDS, ...FOREIGN_QUALITY_IDS, ...FOREIGN_FAMILY_IDS, ...foreignTransfer.ids];
// What only the foreign records contain. (The caller's own filters, such as unitCode=330683,
// are echoed back in the caller's own audit rows, so they are not marks of a leak.)
const FOREIGN_MARKS = [
  FOREIGN_NAME, '嵊州专测乙', '嵊州专测地址', '嵊州专测用户', 'shengzhou-secret', foreignPerson.id, foreignUser.id, foreignRun.id, '新北社区', '剡湖街道',
  '嵊州专测童', '嵊州专测婴', '嵊州专测接种点', '嵊州专测访视', '嵊州专测中心', '嵊州专测卫生院', '嵊州专测家长', 'shengzhou-parent', ...FOREIGN_HEALTH_IDS,
  '嵊州专测托育园', '嵊州专测托育地址', '嵊州专测保育员', 'SZ-SECRET-1', '嵊州专测发证', ...FOREIGN_CHILDCARE_IDS,
  '嵊州专测质量园', '嵊州专测评估组', '嵊州专测抽查计划', '嵊州专测发现问题', '嵊州专测事件经过', '嵊州专测处置', '嵊州专测投诉内容', '嵊州专测补助申请', ...FOREIGN_QUALITY_IDS,
  '嵊州专测入托园', '嵊州专测批次', '嵊州专测请假', '嵊州专测活动', '嵊州专测照片', '嵊州专测留言', '嵊州专测通知', '嵊州专测菜', '嵊州专测讲座', '嵊州专测家访', ...FOREIGN_FAMILY_IDS,
  ...foreignTransfer.marks,
];

const yuecheng = await signIn(app, 'yuecheng-admin');
// Indicator values computed over the foreign records above, so the cockpit routes have 嵊州市 values to withhold.
await refreshIndicators(p, systemActor(), 'manual');

interface Operation {
  method: string;
  path: string;
  params: string[];
}

async function operations(): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const ops: Operation[] = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) {
      if (route.startsWith('/api/auth/')) continue;
      ops.push({ method: method.toUpperCase(), path: route, params: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) });
    }
  }
  return ops;
}

function expectNoForeignMark(body: string, where: string) {
  for (const mark of FOREIGN_MARKS) expect(body, `${where} leaks "${mark}"`).not.toContain(mark);
}

describe('a 越城区 user and 嵊州市 records', () => {
  it('sees the foreign records neither by id nor by any route that takes an identifier', async () => {
    const ops = (await operations()).filter((o) => o.params.length > 0);
    expect(ops.length).toBeGreaterThanOrEqual(6);
    for (const op of ops) {
      for (const id of FOREIGN_IDS) {
        const url = op.params.reduce((u, name) => u.replace(`{${name}}`, id), op.path);
        const res = await yuecheng.request({ method: op.method as 'GET', url, payload: op.method === 'GET' ? undefined : {} });
        expect(res.statusCode, `${op.method} ${url} answered ${res.statusCode}`).toBeGreaterThanOrEqual(400);
        expectNoForeignMark(res.body, `${op.method} ${url}`);
      }
    }
  }, 300_000);

  it('finds nothing foreign in any list, search, count or export, whatever the filters', async () => {
    const lists = (await operations()).filter((o) => o.params.length === 0 && o.method === 'GET');
    expect(lists.length).toBeGreaterThanOrEqual(5);
    const queries = ['', '?unitCode=330683', '?unitCode=3306', '?q=嵊州专', '?q=嵊州', '?q=新北', '?q=shengzhou', '?pageSize=200', '?entityType=person'];
    for (const op of lists) {
      for (const q of queries) {
        const res = await yuecheng.get(op.path + q);
        if (res.statusCode === 200 && res.headers['content-type']?.includes('spreadsheetml')) {
          expectNoForeignMark(JSON.stringify(await xlsxRows(res.rawPayload)), `${op.path}${q}`);
        } else {
          expectNoForeignMark(res.body, `${op.path}${q}`);
        }
      }
    }
  }, 300_000);

  it('a 越城区 child-health doctor reaches no 嵊州市 child, record, referral or center', async () => {
    const doctor = await signIn(app, 'tashan-doctor');
    for (const url of [
      `/api/health/children/${foreignChild.id}`,
      `/api/parent/children/${foreignChild.id}/health`,
      `/api/guardianships?personId=${foreignChild.id}`,
      '/api/health/children?unitCode=330683001',
      '/api/health/immunisation/due?unitCode=330683001',
      '/api/health/referrals?unitCode=330683&status=all',
      '/api/health/centers?unitCode=330683',
    ]) {
      const res = await doctor.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expectNoForeignMark(res.body, url);
    }
    for (const [url, body] of [
      [`/api/health/children/${foreignChild.id}/measurements`, { measuredOn: today, weightKg: 11 }],
      [`/api/health/children/${foreignChild.id}/vaccinations`, { vaccine: 'BCG', dose: 1, givenOn: toddlerBirth }],
      [`/api/health/screenings/${foreignMchat.screening.id}/follow-up`, { on: today, stillAtRisk: [] }],
      [`/api/health/referrals/${foreignScreen.referral.id}/actions`, { action: 'refer', on: today, institution: '越城区妇幼保健院' }],
      ['/api/guardianships', { personId: foreignChild.id, username: 'tashan-parent', relation: 'mother' }],
    ] as const) {
      const res = await doctor.post(url, body);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expectNoForeignMark(res.body, url);
    }
    const lists = [(await doctor.get('/api/health/children?pageSize=200')).body, (await doctor.get('/api/health/referrals?status=all')).body, (await doctor.get('/api/health/centers')).body];
    for (const body of lists) expectNoForeignMark(body, 'doctor lists');
  });

  it('cannot find a foreign person by ID number', async () => {
    const res = await yuecheng.post('/api/people/lookup', { idNumber: FOREIGN_ID });
    expect(res.statusCode).toBe(404);
    expectNoForeignMark(res.body, 'lookup');
  });

  it('counts only its own people', async () => {
    await yuecheng.post('/api/people', { name: '越城计数', idNumber: composeIdNumber('330602', '2022-07-07', 19), unitCode: '330602001004' });
    const own = (await yuecheng.get('/api/people/counts?unitCode=330602')).json();
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r: { unitCode: string }) => r.unitCode.startsWith('330602'))).toBe(true);
    expect((await yuecheng.get('/api/people/counts?unitCode=3306')).statusCode).toBe(404);
    expect((await yuecheng.get('/api/org-units/3306/children')).statusCode).toBe(404);
  });

  it('cannot change or move a foreign person, nor move its own into another county', async () => {
    expect((await yuecheng.patch(`/api/people/${foreignPerson.id}`, { name: '改名' })).statusCode).toBe(404);
    const own = await created(
      yuecheng.post('/api/people', { name: '越城本地', idNumber: composeIdNumber('330602', '2023-01-09', 15), unitCode: '330602001004' }),
    );
    const moved = await yuecheng.patch(`/api/people/${own.id}`, { unitCode: FOREIGN_VILLAGE });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'unitOutOfScope' });
  });

  it('keeps every listed person inside the scope, for any page and filter (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          page: fc.integer({ min: 1, max: 3 }),
          pageSize: fc.integer({ min: 1, max: 50 }),
          group: fc.constantFrom(undefined, 'infant', 'child', 'elderly'),
          unitCode: fc.constantFrom(undefined, '3306', '330602', '330683', '330602001', '330683001'),
        }),
        async (q) => {
          const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
          const res = await yuecheng.get(`/api/people?${params}`);
          expect(res.statusCode).toBe(200);
          for (const person of res.json().items) expect(person.unitCode.startsWith('330602')).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the foreign county’s own admin', () => {
  it('does see its records (the test data exists)', async () => {
    const s: Session = shengzhou;
    expect((await s.get(`/api/people/${foreignPerson.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/imports/${foreignRun.id}`)).statusCode).toBe(200);
    const record = (await s.get(`/api/health/children/${foreignChild.id}`)).json();
    expect(record.measurements).toHaveLength(1);
    expect(record.referrals).toHaveLength(1);
    expect((await s.get(`/api/health/children/${foreignNewborn.id}`)).json().visits).toHaveLength(1);
    const parent = await signIn(app, 'shengzhou-parent', 'a-long-password');
    expect((await parent.get(`/api/parent/children/${foreignChild.id}/health`)).statusCode).toBe(200);
  });

  it('sees its grading, supervision and subsidy records, which a 越城区 official can neither read nor act on', async () => {
    expect((await shengzhou.get(`/api/grading/applications/${qApp.id}`)).json().status).toBe('assessed');
    expect((await shengzhou.get(`/api/supervision/inspections/${qInspection.id}`)).json().findings).toHaveLength(1);
    expect((await shengzhou.get(`/api/supervision/plans/${qPlan.id}/verify`)).json().reproducible).toBe(true);
    expect((await shengzhou.get(`/api/subsidies/months/${qMonth.id}`)).json().lines).toHaveLength(2);
    const official = await signIn(app, 'yuecheng-health');
    for (const [url, body] of [
      [`/api/grading/applications/${qApp.id}/publish`, {}],
      [`/api/grading/centers/${qCenter.id}/downgrade`, { level: 'grade3', on: today, reason: '越城' }],
      [`/api/supervision/rectifications/${qOrder.id}/review`, { decision: 'accept' }],
      [`/api/supervision/incidents/${qIncident.id}/handle`, { action: 'acknowledge' }],
      [`/api/supervision/complaints/${qComplaint.id}/handle`, { action: 'handle' }],
      [`/api/supervision/centers/${qCenter.id}/cloud`, { connected: true }],
      [`/api/subsidies/months/${qMonth.id}/approve`, {}],
      [`/api/subsidies/claims/${qClaim.id}/decision`, { decision: 'approve' }],
      ['/api/subsidies/months/compute', { month: previousMonth, unitCode: '330683' }],
      ['/api/subsidies/months/compute', { month: previousMonth, centerId: qCenter.id }],
    ] as const) {
      const res = await official.post(url, body);
      expect(res.statusCode, url).toBe(404);
      expectNoForeignMark(res.body, url);
    }
    expect((await shengzhou.get(`/api/subsidies/months/${qMonth.id}`)).json().status).toBe('computed');
  });
  it('sees no 嵊州市 indicator value, explanation, report, facility, circle or finding', async () => {
    for (const url of [
      '/api/indicators/cockpit?indicator=health.centerCoverage&unit=330683',
      '/api/indicators/cockpit?indicator=health.centerCoverage&unit=330683001&year=2026',
      '/api/indicators/why?indicator=health.centerCoverage&unit=330683001&year=2026',
      '/api/indicators/why?indicator=health.screeningRate&unit=330683&year=2026',
      '/api/indicators/report.xlsx?indicators=health.centerCoverage&units=330683&years=2026',
      '/api/indicators/report.pdf?indicators=health.centerCoverage&units=330683001&years=2026',
      '/api/geo/facilities?unit=330683',
      '/api/geo/service-circle?kind=childHealthCenter&unit=330683001',
      '/api/geo/planning-findings?unit=330683',
    ]) {
      const res = await yuecheng.get(url);
      expect(res.statusCode, url).toBe(404);
      expectNoForeignMark(res.body, url);
    }
    const own = await yuecheng.get('/api/indicators/cockpit?indicator=health.centerCoverage');
    expect(own.statusCode).toBe(200);
    expectNoForeignMark(own.body, 'own cockpit');
    for (const url of ['/api/geo/facilities', '/api/geo/map', '/api/geo/service-circle?kind=childHealthCenter', '/api/geo/planning-findings']) {
      const res = await yuecheng.get(url);
      expect(res.statusCode, url).toBe(200);
      expectNoForeignMark(res.body, url);
    }
    expect((await yuecheng.get('/api/indicators/red?year=2026')).json().every((r: { unitCode: string }) => r.unitCode.startsWith('330602'))).toBe(true);
  });
});
