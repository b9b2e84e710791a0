import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { insertCenter } from '../../../test/support/admission.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { composeIdNumber } from '../people/idNumber.ts';

const TODAY = '2026-11-24'; // a Tuesday
const { p, app } = await testApp({ today: () => TODAY });

const staff = await signIn(app, 'tashan-staff');
const carer = await signIn(app, 'tashan-center');
const yuecheng = await signIn(app, 'yuecheng-admin');
await yuecheng.post('/api/users', { username: 'fushan-center', displayName: '府山托育园 园长', password: 'a-long-password', role: 'childcare_operator', unitCode: '330602001' });
// An operator of another center in the same township.
const otherCarer = await signIn(app, 'fushan-center', 'a-long-password');
const parent = await signIn(app, 'tashan-parent');

const count = async (q: ReturnType<typeof sql>) => (await p.db.rows<{ n: number }>(q))[0].n;
const audits = (action: string) => count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);

const A = await insertCenter(p, { unitCode: '330602001', name: '小禾苗托育园', owner: 'tashan-center' });
const reg = await staff.post('/api/people', { name: '戊小宝', idNumber: composeIdNumber('330602', '2025-01-10', 300), unitCode: '330602001004' });
const kid = reg.json().id as string;
await staff.post('/api/guardianships', { personId: kid, username: 'tashan-parent', relation: 'father' });
const enrolmentId = uuidv7();
await p.db.rows(sql`INSERT INTO childcare_enrolments (id, unit_code, center_id, class_id, person_id, care_type, start_date, status)
  VALUES (${enrolmentId}, '330602001', ${A.centerId}, ${A.classId}, ${kid}, 'fullDay', '2026-09-01', 'active')`);
const base = `/api/family/centers/${A.centerId}`;
// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('attendance', () => {
  it('lists the day’s children for the center’s own staff only', async () => {
    const res = await carer.get(`${base}/roster`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([expect.objectContaining({ enrolmentId, childName: '戊小宝', attendance: null, reportWritten: false })]);
    expect((await otherCarer.get(`${base}/roster`)).statusCode).toBe(404);
    expect((await parent.get(`${base}/roster`)).statusCode).toBe(403);
    expect((await carer.get('/api/family/centers')).json()).toEqual([expect.objectContaining({ id: A.centerId })]);
  });

  it('checks in and out with the time and who brought and picked up the child', async () => {
    const inRes = await carer.post(`${base}/attendance/check-in`, { enrolmentId, time: '08:05', droppedOffBy: '爸爸' });
    expect(inRes.statusCode).toBe(200);
    expect(inRes.json()).toMatchObject({ day: TODAY, checkInAt: '2026-11-24T00:05:00.000Z', droppedOffBy: '爸爸', checkInByName: '塔山街道 小树苗托育园 钱园长' });
    expect((await carer.post(`${base}/attendance/check-in`, { enrolmentId, droppedOffBy: '爸爸' })).statusCode).toBe(409);
    const early = await carer.post(`${base}/attendance/check-out`, { enrolmentId, time: '07:00', pickedUpBy: '奶奶', pickedUpRelation: 'grandparent' });
    expect(early.json().error.fields[0]).toMatchObject({ field: 'time', code: 'family.checkOutBeforeIn' });
    const noWho = await carer.post(`${base}/attendance/check-out`, { enrolmentId, time: '17:00', pickedUpRelation: 'grandparent' });
    expect(noWho.json().error.fields[0]).toMatchObject({ field: 'pickedUpBy', code: 'required' });
    const out = await carer.post(`${base}/attendance/check-out`, { enrolmentId, time: '17:00', pickedUpBy: '奶奶', pickedUpRelation: 'grandparent' });
    expect(out.json()).toMatchObject({ checkOutAt: '2026-11-24T09:00:00.000Z', pickedUpBy: '奶奶', pickedUpRelation: 'grandparent' });
    expect((await carer.post(`${base}/attendance/absent`, { enrolmentId, absence: 'sick' })).statusCode).toBe(409);
    const unknown = await carer.post(`${base}/attendance/check-in`, { enrolmentId: uuidv7(), droppedOffBy: '爸爸' });
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'enrolmentId', code: 'family.notEnrolledOnDay' });
    expect(await audits('family.attendance.checkIn')).toBe(1);
    expect(await audits('family.attendance.checkOut')).toBe(1);
  });

  it('records an absence on another day, and refuses a day before the enrolment', async () => {
    const res = await carer.post(`${base}/attendance/absent`, { enrolmentId, day: '2026-11-23', absence: 'sick', note: '发烧' });
    expect(res.json()).toMatchObject({ absence: 'sick', note: '发烧', checkInAt: null });
    const before = await carer.post(`${base}/attendance/absent`, { enrolmentId, day: '2026-08-31', absence: 'leave' });
    expect(before.json().error.fields[0]).toMatchObject({ code: 'family.notEnrolledOnDay' });
  });
});

describe('daily reports', () => {
  const report = { enrolmentId, meals: [{ meal: 'breakfast', amount: 'all' }, { meal: 'lunch', amount: 'most' }], napFrom: '12:10', napTo: '14:30', mood: 'happy', activities: '搭积木，户外散步', notes: '今天很开心' };

  it.each([
    [{ napTo: undefined }, 'napTo', 'family.napBothTimes'],
    [{ napTo: '11:00' }, 'napTo', 'family.napEndsBeforeStart'],
    [{ day: '2026-11-25' }, 'day', 'family.futureDay'],
    [{ meals: [{ meal: 'lunch', amount: 'all' }, { meal: 'lunch', amount: 'half' }] }, 'meals', 'family.duplicateMeal'],
    [{ mood: 'grumpy' }, 'mood', 'invalidOption'],
    [{ photos: [{ mimeType: 'image/gif', dataBase64: PNG }] }, 'photos.0.mimeType', 'invalidOption'],
  ])('refuses %j and changes nothing', async (change, field, code) => {
    const res = await carer.put(`${base}/reports`, { ...report, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.find((f: { field: string }) => f.field === field)).toMatchObject({ code });
    expect(await count(sql`SELECT count(*)::int AS n FROM family_daily_reports`)).toBe(0);
  });

  it('writes the day’s report with a photo, rewrites it, and the parent sees it in the child’s day', async () => {
    const res = await carer.put(`${base}/reports`, { ...report, photos: [{ mimeType: 'image/png', dataBase64: PNG, caption: '搭积木' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ childName: '戊小宝', mood: 'happy', photos: [{ caption: '搭积木' }] });
    const again = await carer.put(`${base}/reports`, { ...report, mood: 'calm' });
    expect(again.json()).toMatchObject({ id: res.json().id, mood: 'calm', photos: [{ caption: '搭积木' }] });
    expect((await carer.get(`${base}/roster`)).json()[0].reportWritten).toBe(true);
    const day = await parent.get(`/api/parent/children/${kid}/day`);
    expect(day.statusCode).toBe(200);
    expect(day.json()).toMatchObject({
      childName: '戊小宝',
      enrolment: { centerName: '小禾苗托育园', careType: 'fullDay' },
      attendance: { droppedOffBy: '爸爸', pickedUpBy: '奶奶' },
      report: { mood: 'calm', activities: '搭积木，户外散步', napFrom: '12:10', napTo: '14:30' },
    });
    expect(await audits('family.day.parent_view')).toBe(1);
    const photoId = day.json().report.photos[0].id;
    const img = await parent.get(`/api/family/photos/${photoId}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect((await otherCarer.get(`/api/family/photos/${photoId}`)).statusCode).toBe(404);
    expect((await carer.get(`/api/family/photos/${photoId}`)).statusCode).toBe(200);
  });

  it('refuses a report for a day the child was absent or not checked in', async () => {
    // 2026-11-23 was recorded absent above; nothing was recorded on 2026-11-20.
    const absent = await carer.put(`${base}/reports`, { ...report, day: '2026-11-23' });
    expect(absent.statusCode).toBe(400);
    expect(absent.json().error.fields).toMatchObject([{ field: '_', code: 'family.reportAbsent' }]);
    const notIn = await carer.put(`${base}/reports`, { ...report, day: '2026-11-20' });
    expect(notIn.json().error.fields).toMatchObject([{ field: '_', code: 'family.reportNotCheckedIn' }]);
    expect(await count(sql`SELECT count(*)::int AS n FROM family_daily_reports WHERE day IN ('2026-11-20', '2026-11-23')`)).toBe(0);
  });

  it('shows a parent nothing of a child who is not theirs', async () => {
    const other = await staff.post('/api/people', { name: '己小宝', idNumber: composeIdNumber('330602', '2025-02-10', 301), unitCode: '330602001004' });
    expect((await parent.get(`/api/parent/children/${other.json().id}/day`)).statusCode).toBe(404);
    expect((await parent.get(`/api/parent/children/${other.json().id}/messages`)).statusCode).toBe(404);
  });
});

describe('messages and notices', () => {
  it('carries messages both ways and counts the unread', async () => {
    const m1 = await parent.post(`/api/parent/children/${kid}/messages`, { body: '孩子今天有点咳嗽，请多喝水' });
    expect(m1.statusCode).toBe(201);
    expect(m1.json()).toMatchObject({ senderSide: 'parent', senderName: '家长 沈女士' });
    expect((await parent.post(`/api/parent/children/${kid}/messages`, { body: '   ' })).json().error.fields[0]).toMatchObject({ field: 'body', code: 'required' });
    const threads = (await carer.get(`${base}/threads`)).json();
    expect(threads).toEqual([expect.objectContaining({ personId: kid, unread: 1 })]);
    const conv = await carer.get(`${base}/messages?personId=${kid}`);
    expect(conv.json()).toHaveLength(1);
    expect((await carer.get(`${base}/threads`)).json()[0].unread).toBe(0);
    await carer.post(`${base}/messages`, { personId: kid, body: '好的，会注意的' });
    const mine = (await parent.get(`/api/parent/children/${kid}/messages`)).json();
    expect(mine.map((m: { senderSide: string }) => m.senderSide)).toEqual(['parent', 'staff']);
    expect(await audits('family.message.send')).toBe(2);
  });

  it('publishes notices that reach the families', async () => {
    const n = await carer.post(`${base}/notices`, { title: '元旦放假通知', body: '1月1日放假一天。' });
    expect(n.statusCode).toBe(201);
    expect((await carer.get(`${base}/notices`)).json()).toHaveLength(1);
    const day = (await parent.get(`/api/parent/children/${kid}/day`)).json();
    expect(day.notices[0]).toMatchObject({ title: '元旦放假通知', centerName: '小禾苗托育园' });
  });
});

describe('meal plans', () => {
  const dishes = [
    { weekday: 2, meal: 'breakfast', name: '牛奶', ingredients: [{ food: 'milk', grams: 150 }] },
    { weekday: 2, meal: 'lunch', name: '番茄鱼片饭', ingredients: [{ food: 'rice-cooked', grams: 80 }, { food: 'seabass', grams: 40 }, { food: 'tomato', grams: 50 }] },
    { weekday: 3, meal: 'lunch', name: '米饭', ingredients: [{ food: 'rice-cooked', grams: 80 }] },
  ];

  it('refuses a week not starting on Monday and foods not in the table', async () => {
    const tue = await carer.put(`${base}/meal-plan`, { weekStart: '2026-11-24', dishes });
    expect(tue.json().error.fields[0]).toMatchObject({ field: 'weekStart', code: 'family.weekStartMonday' });
    const odd = await carer.put(`${base}/meal-plan`, { weekStart: '2026-11-23', dishes: [{ weekday: 1, meal: 'lunch', name: '龙肉', ingredients: [{ food: 'dragon', grams: 10 }] }] });
    expect(odd.json().error.fields[0]).toMatchObject({ field: 'dishes', code: 'family.unknownFood' });
    expect(odd.json().error.fields[0].message).toContain('dragon');
  });

  it('saves the week and totals its nutrition from the food-composition table', async () => {
    const res = await carer.put(`${base}/meal-plan`, { weekStart: '2026-11-23', dishes });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.source).toContain('中国食物成分表');
    const tue = plan.days.find((d: { weekday: number }) => d.weekday === 2);
    // 150 g milk (97.5 kcal) + 80 g rice (92.8) + 40 g sea bass (42) + 50 g tomato (7.5) = 239.8 kcal.
    expect(tue.totals.energyKcal).toBe(240);
    expect(tue.byMeal.breakfast.energyKcal).toBe(98);
    expect((await carer.get(`${base}/meal-plan?weekStart=2026-11-25`)).json().weekStart).toBe('2026-11-23');
    const day = (await parent.get(`/api/parent/children/${kid}/day`)).json();
    expect(day.menu.map((d: { name: string }) => d.name)).toEqual(['牛奶', '番茄鱼片饭']);
    expect(day.menuTotals.energyKcal).toBe(240);
    expect((await app.inject({ method: 'GET', url: '/api/family/foods' })).json().foods.length).toBeGreaterThan(20);
  });
});

// Whether an activity has started is a question for the wall clock, not the test's calendar.
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('parenting-guidance activities and home visits', () => {
  it('lets a parent book an activity of the child’s center once, while places last', async () => {
    const a = await carer.post(`${base}/activities`, { title: '婴幼儿辅食添加讲座', startsAt: daysFromNow(10), places: 1 });
    expect(a.statusCode).toBe(201);
    const list = (await parent.get(`/api/parent/children/${kid}/activities`)).json();
    expect(list).toEqual([expect.objectContaining({ title: '婴幼儿辅食添加讲座', booked: 0, mine: false })]);
    const b = await parent.post(`/api/parent/children/${kid}/activities/${a.json().id}/book`);
    expect(b.json()).toMatchObject({ booked: 1, mine: true });
    expect((await parent.post(`/api/parent/children/${kid}/activities/${a.json().id}/book`)).statusCode).toBe(409);
    expect(await audits('family.activity.book')).toBe(1);
  });

  it('lets the parent cancel a booking before the activity, freeing the place, and only once', async () => {
    const a = await carer.post(`${base}/activities`, { title: '亲子阅读分享会', startsAt: daysFromNow(11), places: 1 });
    const path = `/api/parent/children/${kid}/activities/${a.json().id}`;
    expect((await parent.post(`${path}/book`)).statusCode).toBe(201);
    const c = await parent.post(`${path}/cancel`);
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({ booked: 0, mine: false });
    const again = await parent.post(`${path}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ field: 'activityId', code: 'family.notBooked' });
    expect(await audits('family.activity.cancel')).toBe(1);
    // The freed place can be booked again.
    expect((await parent.post(`${path}/book`)).json()).toMatchObject({ booked: 1, mine: true });
  });

  it('records home visits for children of the center', async () => {
    const v = await carer.post(`${base}/home-visits`, { personId: kid, visitedOn: '2026-11-20', visitorName: '王园长', summary: '了解在家作息，建议固定午睡时间' });
    expect(v.statusCode).toBe(201);
    expect((await carer.get(`${base}/home-visits`)).json()).toEqual([expect.objectContaining({ childName: '戊小宝' })]);
    const stranger = await carer.post(`${base}/home-visits`, { personId: uuidv7(), visitedOn: '2026-11-20', visitorName: '王园长', summary: 'x' });
    expect(stranger.json().error.fields[0]).toMatchObject({ field: 'personId', code: 'family.notAtCenter' });
  });
});

describe('infant health at the center', () => {
  it('lists the vaccinations due or overdue for the enrolled children, for the staff and the township doctor', async () => {
    const doctor = await signIn(app, 'tashan-doctor');
    // 戊小宝 (born 2025-01-10, 22 months) has no vaccination on record: every dose so far is overdue.
    const res = await carer.get(`${base}/immunisation`);
    expect(res.statusCode).toBe(200);
    const items = res.json() as { childName: string; vaccine: string; dose: number; status: string }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((i) => i.childName === '戊小宝')).toBe(true);
    expect(items).toContainEqual(expect.objectContaining({ vaccine: 'HepB', dose: 1, status: 'overdue' }));
    await doctor.post(`/api/health/children/${kid}/vaccinations`, { vaccine: 'HepB', dose: 1, givenOn: '2025-01-10' });
    const after = (await doctor.get(`${base}/immunisation`)).json() as { vaccine: string; dose: number }[];
    expect(after.find((i) => i.vaccine === 'HepB' && i.dose === 1)).toBeUndefined();
    expect(after.length).toBe(items.length - 1);
    expect((await otherCarer.get(`${base}/immunisation`)).statusCode).toBe(404);
    expect((await parent.get(`${base}/immunisation`)).statusCode).toBe(403);
    expect(await audits('health.center_due.list')).toBe(2);
  });

  it('records doctors’ guidance tours and shows when each center is next due', async () => {
    const doctor = await signIn(app, 'tashan-doctor');
    const before = (await doctor.get('/api/family/tour-schedule')).json() as { centerId: string; status: string }[];
    expect(before.find((r) => r.centerId === A.centerId)?.status).toBe('never');
    const bad = await doctor.post(`${base}/tours`, { touredOn: '2026-11-20', topics: [], findings: 'x', advice: 'y' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'topics', code: 'tooFewItems' });
    const early = await doctor.post(`${base}/tours`, { touredOn: '2026-11-20', topics: ['feeding'], findings: 'x', advice: 'y', followUpOn: '2026-11-01' });
    expect(early.json().error.fields[0]).toMatchObject({ field: 'followUpOn', code: 'family.followUpBeforeTour' });
    const res = await doctor.post(`${base}/tours`, { touredOn: '2026-11-20', topics: ['feeding', 'injuryPrevention'], findings: '午餐蔬菜偏少；插座无保护盖', advice: '增加深色蔬菜；加装插座保护盖', followUpOn: '2026-12-20' });
    expect(res.statusCode).toBe(201);
    expect((await carer.post(`${base}/tours`, { touredOn: '2026-11-20', topics: ['feeding'], findings: 'x', advice: 'y' })).statusCode).toBe(403);
    expect((await carer.get(`${base}/tours`)).json()).toEqual([expect.objectContaining({ doctorName: '塔山街道社区卫生服务中心 儿保医生 孙医生', advice: '增加深色蔬菜；加装插座保护盖' })]);
    const after = (await doctor.get('/api/family/tour-schedule')).json() as { centerId: string; status: string; nextDue: string }[];
    expect(after.find((r) => r.centerId === A.centerId)).toMatchObject({ status: 'done', nextDue: '2027-02-18' });
    expect(await audits('health.tour.record')).toBe(1);
  });
});
