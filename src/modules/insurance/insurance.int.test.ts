import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn, type Session } from '../../../test/support/http.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { enrolmentCounts, type EnrolmentCase } from './rules.ts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../app/scope.ts';
import { refreshIndicators } from '../indicators/index.ts';

const { p, app } = await testApp({ today: () => '2026-12-05' });
const yuecheng = await signIn(app, 'yuecheng-admin');
const medical = await signIn(app, 'city-data-insurance');
const police = await signIn(app, 'city-data-police');
const civil = await signIn(app, 'city-data');
const tashan = await signIn(app, 'tashan-staff');
const VILLAGE = '330602001008';

function upload(s: Session, url: string, lines: string[]) {
  const boundary = '----kangyu-ins';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join('\r\n')}\r\n--${boundary}--\r\n`;
  return s.request({ method: 'POST', url, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

// The ten people of one village counted by hand in rules.test.ts, now through the feeds.
const cases: (EnrolmentCase & { name: string })[] = [
  { name: '新生一', birthDate: '2026-02-01', enrolledYears: [2026] },
  { name: '新生二', birthDate: '2026-05-10', enrolledYears: [2026] },
  { name: '新生三', birthDate: '2026-11-30', enrolledYears: [] },
  { name: '幼童', birthDate: '2020-03-03', enrolledYears: [2025, 2026] },
  { name: '断保童', birthDate: '2015-07-07', enrolledYears: [2025] },
  { name: '十七岁', birthDate: '2009-01-01', enrolledYears: [2026] },
  { name: '十八岁', birthDate: '2008-12-31', enrolledYears: [2026] },
  { name: '去年亡故', birthDate: '2012-04-04', deathDate: '2025-06-01', enrolledYears: [2025] },
  { name: '今年亡故', birthDate: '2012-04-05', deathDate: '2026-06-01', enrolledYears: [2026] },
  { name: '老人', birthDate: '1950-01-01', enrolledYears: [2026] },
];
const ids = new Map<string, { id: string; idNumber: string }>();
for (const [i, c] of cases.entries()) {
  const idNumber = composeIdNumber('330602', c.birthDate, 100 + i * 2);
  const res = await yuecheng.post('/api/people', { name: c.name, idNumber, unitCode: VILLAGE });
  if (res.statusCode !== 201) throw new Error(res.body);
  ids.set(c.name, { id: res.json().id, idNumber });
}
const enrolment = ['身份证号,参保年度,参保地代码,参保日期', ...cases.flatMap((c) => c.enrolledYears.map((y) => `${ids.get(c.name)!.idNumber},${y},330602,${y === 2026 && c.birthDate.startsWith('2026') ? c.birthDate : `${y - 1}-11-15`}`))];
const deaths = ['身份证号,死亡日期', ...cases.filter((c) => c.deathDate).map((c) => `${ids.get(c.name)!.idNumber},${c.deathDate}`)];

describe('a unit’s enrolment rate from hand-counted cases', () => {
  it('counts 7 children, 5 enrolled; 3 newborns, 2 enrolled in their birth year — as the pure rule does', async () => {
    expect((await upload(medical, '/api/feeds/upload?department=medicalInsurance&kind=insurance', enrolment)).json()).toMatchObject({ rowsFailed: 0 });
    expect((await upload(police, '/api/feeds/upload?department=publicSecurity&kind=death', deaths)).json()).toMatchObject({ rowsFailed: 0 });
    const res = await tashan.get('/api/insurance/rates?year=2026&unitCode=330602001');
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: { unitCode: string }) => r.unitCode === VILLAGE);
    expect(row).toMatchObject({ unitName: '沈园社区', children: 7, enrolled: 5, newborns: 3, newbornsEnrolled: 2 });
    expect(row).toMatchObject(enrolmentCounts(cases, 2026));
    expect(row.overall).toEqual({ rate: 5 / 7, target: 0.95, status: 'below' });
    expect(row.newborn).toEqual({ rate: 2 / 3, target: 0.8, status: 'below' });
    const y2025 = (await tashan.get(`/api/insurance/rates?year=2025&unitCode=${VILLAGE}`)).json();
    expect(y2025.total).toMatchObject(enrolmentCounts(cases, 2025));
  });

  it('computes the same rates as registered indicators, against the 002 targets', async () => {
    await refreshIndicators(p, systemActor(), 'manual');
    const values = await p.db.rows<{ indicator_code: string; numerator: string; denominator: string; target: string; color: string }>(
      sql`SELECT indicator_code, numerator, denominator, target, color FROM indicator_values WHERE unit_code = '330602001' AND year = 2026 AND indicator_code LIKE 'insurance.%' ORDER BY indicator_code`,
    );
    expect(values.map((v) => [v.indicator_code, Number(v.numerator), Number(v.denominator), Number(v.target)])).toEqual([
      ['insurance.enrolmentRate', 5, 7, 95],
      ['insurance.newbornEnrolmentRate', 2, 3, 80],
    ]);
  });

  it('lists the unenrolled children with their follow-up, and the newborns', async () => {
    const list = (await tashan.get(`/api/insurance/children?year=2026&unitCode=${VILLAGE}`)).json();
    expect(list.items.map((r: { name: string }) => r.name).sort()).toEqual(['断保童', '新生三']);
    const broken = list.items.find((r: { name: string }) => r.name === '断保童');
    expect(broken).toMatchObject({ gap: 'break', newborn: false, followup: { status: 'pending' } });
    const saved = await tashan.post(`/api/insurance/children/${broken.personId}/followup`, { year: 2026, status: 'contacted', note: '已电话联系家长' });
    expect(saved.json()).toMatchObject({ status: 'contacted', updatedByName: 'tashan-staff' });
    expect((await tashan.get(`/api/insurance/children?year=2026&unitCode=${VILLAGE}&status=contacted`)).json().items).toHaveLength(1);
    const newborns = (await tashan.get(`/api/insurance/children?year=2026&unitCode=${VILLAGE}&list=newborns`)).json();
    expect(newborns.items).toEqual([expect.objectContaining({ name: '新生三', windowEnds: '2027-02-28' })]);
    const bad = await tashan.post(`/api/insurance/children/${broken.personId}/followup`, { year: 2026, status: 'lost' });
    expect(bad.json().error.fields[0].field).toBe('status');
  });

  it('flags the breaks and gaps of low-income children and raises one alert each', async () => {
    expect((await tashan.get(`/api/insurance/children?year=2026&unitCode=${VILLAGE}&list=gaps`)).json().items).toEqual([]);
    await upload(civil, '/api/feeds/upload?department=civilAffairs&kind=lowIncome', ['身份证号,救助类别,认定日期', `${ids.get('断保童')!.idNumber},低保,2024-01-01`]);
    const gaps = (await tashan.get(`/api/insurance/children?year=2026&unitCode=${VILLAGE}&list=gaps`)).json();
    expect(gaps.items).toEqual([expect.objectContaining({ name: '断保童', gap: 'break', lowIncome: true })]);
    const alerts = (await tashan.get('/api/feeds/alerts?kind=insuranceLapse')).json().items;
    expect(alerts.filter((a: { personName: string }) => a.personName === '断保童')).toHaveLength(1);
    expect((await tashan.post('/api/insurance/check', { year: 2026 })).json()).toEqual({ raised: 0 });
  });

  it('keeps the rates and lists to the caller’s scope', async () => {
    const other = await signIn(app, 'shengzhou-admin');
    expect((await other.get(`/api/insurance/rates?year=2026&unitCode=${VILLAGE}`)).statusCode).toBe(400);
    const theirs = (await other.get('/api/insurance/rates?year=2026')).json();
    expect(theirs.total.children).toBe(0);
  });
});
