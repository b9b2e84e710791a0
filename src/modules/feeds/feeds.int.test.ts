import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp } from '../../../test/support/platform.ts';
import { signIn, type Session } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { composeIdNumber } from '../people/idNumber.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const civil = await signIn(app, 'city-data');
const health = await signIn(app, 'city-data-health');
const police = await signIn(app, 'city-data-police');
const education = await signIn(app, 'city-data-education');
const insurance = await signIn(app, 'city-data-insurance');
const yuecheng = await signIn(app, 'yuecheng-admin');
const tashan = await signIn(app, 'tashan-staff');

const VILLAGE = '330602001004';

/** A multipart upload of one file. */
function upload(s: Session, url: string, name: string, content: string | Buffer, headers: Record<string, string> = {}) {
  const boundary = '----kangyu-feed';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.request({ method: 'POST', url, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers } });
}
const csv = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';

async function register(name: string, birthDate: string, seq: number, unitCode = VILLAGE): Promise<{ id: string; idNumber: string }> {
  const idNumber = composeIdNumber('330602', birthDate, seq);
  const res = await yuecheng.post('/api/people', { name, idNumber, unitCode });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { id: res.json().id, idNumber };
}
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [r] = await p.db.rows<{ n: number }>(query);
  return r.n;
}

const kid1 = await register('低保童一', '2016-03-01', 11);
const kid2 = await register('低保童二', '2018-05-06', 13);

describe('a department’s feed file', () => {
  const lines = [
    '身份证号,姓名,救助类别,认定日期,终止日期',
    `${kid1.idNumber},低保童一,低保,2025/3/1,`,
    `${kid2.idNumber},低保童二,特困,20240101,2027-12-31`,
    `110105194912310021,坏校验位,低保,2025-01-01,`,
    `${composeIdNumber('330602', '2017-01-01', 15)},未登记,低保,2025-01-01,`,
    `${kid1.idNumber},重复,低保,2025-03-01,`,
    `${composeIdNumber('330602', '2015-01-01', 17)},错代码,低收入,2025-01-01,`,
    `${composeIdNumber('330602', '2015-01-01', 19)},错日期,低保,2025-02-30,`,
    `${composeIdNumber('330602', '2015-01-01', 21)},倒置,低保,2025-02-01,2024-01-01`,
  ];
  let runId = '';

  it('keeps the good rows and reports each bad one by line and column, in the caller’s language', async () => {
    const res = await upload(civil, '/api/feeds/upload?department=civilAffairs&kind=lowIncome', '低保对象.csv', csv(lines));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', rowsTotal: 8, rowsInserted: 2, rowsUpdated: 0, rowsUnchanged: 0, rowsFailed: 6, department: 'civilAffairs', feedType: 'lowIncome' });
    runId = res.json().id;
    const errors = await p.db.rows<{ line: number; field: string; code: string }>(sql`SELECT line, field, code FROM import_row_errors WHERE run_id = ${runId} ORDER BY line, field`);
    expect(errors).toEqual([
      { line: 4, field: 'idNumber', code: 'idNumber.checkDigit' },
      { line: 5, field: 'idNumber', code: 'feeds.personNotFound' },
      { line: 6, field: 'idNumber', code: 'duplicateInFile' },
      { line: 7, field: 'status', code: 'feeds.unknownCode' },
      { line: 8, field: 'validFrom', code: 'invalidDate' },
      { line: 9, field: 'validTo', code: 'feeds.periodOrder' },
    ]);
    const report = await civil.get(`/api/feeds/runs/${runId}/errors.csv`);
    expect(report.body.split('\r\n')[0]).toBe('\uFEFF行号,列,错误说明');
    expect(report.body).toContain('7,救助类别,代码或名称不在规定的取值范围内');
    const en = await civil.get(`/api/feeds/runs/${runId}/errors.csv`, { 'accept-language': 'en-US' });
    expect(en.body).toContain('5,ID number,No person with this ID number');
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM person_facts`);
    const res = await upload(civil, '/api/feeds/upload?department=civilAffairs&kind=lowIncome', '低保对象.csv', csv(lines));
    expect(res.json()).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 2, rowsFailed: 6 });
    expect(await count(sql`SELECT count(*)::int AS n FROM person_facts`)).toBe(before);
  });

  it('supersedes a changed fact and keeps the old one in the history, with where each came from (audited)', async () => {
    const res = await upload(civil, '/api/feeds/upload?department=civilAffairs&kind=lowIncome', '低保变更.csv', csv(['身份证号,救助类别,认定日期,终止日期', `${kid1.idNumber},低边,2026-06-01,`]));
    expect(res.json()).toMatchObject({ rowsInserted: 0, rowsUpdated: 1 });
    const facts = await tashan.get(`/api/feeds/people/${kid1.id}/facts`);
    expect(facts.statusCode, facts.body).toBe(200);
    const low = facts.json().facts.filter((f: { kind: string }) => f.kind === 'lowIncome');
    expect(low.map((f: { current: boolean; value: { status: string }; fileName: string; department: string }) => [f.current, f.value.status, f.fileName, f.department])).toEqual([
      [true, 'marginal', '低保变更.csv', 'civilAffairs'],
      [false, 'minimumLiving', '低保对象.csv', 'civilAffairs'],
    ]);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'feeds.facts.read' AND entity_id = ${kid1.id}`)).toBe(1);
  });

  it('refuses another department’s kind of data, and another department’s name, writing nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM person_facts`);
    const births = csv(['身份证号,姓名,村社区代码,出生医学证明编号,出生日期', `${composeIdNumber('330602', '2026-10-01', 31)},新生,${VILLAGE},Q260000001,2026-10-01`]);
    const kind = await upload(civil, '/api/feeds/upload?department=civilAffairs&kind=birth', 'births.csv', births);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields[0]).toMatchObject({ field: 'kind', code: 'feeds.kindNotOfDepartment' });
    const other = await upload(civil, '/api/feeds/upload?department=health&kind=birth', 'births.csv', births);
    expect(other.json().error.fields[0]).toMatchObject({ field: 'department', code: 'feeds.notYourDepartment', message: '只能报送本部门的数据' });
    expect(await count(sql`SELECT count(*)::int AS n FROM person_facts`)).toBe(before);
    // Two departments may both state a death; neither supersedes the other's.
    const death = (s: Session, dep: string) => upload(s, `/api/feeds/upload?department=${dep}&kind=death`, 'death.csv', csv(['身份证号,死亡日期', `${kid2.idNumber},2026-11-01`]));
    expect((await death(police, 'publicSecurity')).json()).toMatchObject({ rowsInserted: 1 });
    expect((await death(health, 'health')).json()).toMatchObject({ rowsInserted: 1, rowsUpdated: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM person_facts WHERE person_id = ${kid2.id} AND kind = 'death' AND superseded_at IS NULL`)).toBe(2);
  });

  it('registers newborns from an .xlsx birth feed (authoritative) and links the mother without keeping her ID number', async () => {
    const mother = await register('产妇甲', '1995-04-04', 41);
    const babyId = composeIdNumber('330602', '2026-10-12', 43);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('出生');
    ws.addRow(['身份证号', '姓名', '村社区代码', '出生医学证明编号', '出生日期', '出生机构', '母亲身份证号']);
    ws.addRow([babyId, '新生宝宝', VILLAGE, 'Q260001234', new Date(Date.UTC(2026, 9, 12)), '绍兴市妇幼保健院', mother.idNumber]);
    ws.addRow([composeIdNumber('330602', '2026-10-13', 45), '出生日期不符', VILLAGE, 'Q260001235', '2026-10-14', '', '']);
    ws.addRow([composeIdNumber('330602', '2026-10-13', 47), '区外', '330683001002', 'Q260001236', '2026-10-13', '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(health, '/api/feeds/upload?department=health&kind=birth', '出生.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rowsTotal: 3, rowsInserted: 2, rowsFailed: 1 });
    const [baby] = await p.db.rows<{ id: string; source: string }>(sql`SELECT id, source FROM persons WHERE name = '新生宝宝'`);
    expect(baby.source).toBe(`feed:${res.json().id}`);
    const [fact] = await p.db.rows<{ value: Record<string, string> }>(sql`SELECT value FROM person_facts WHERE person_id = ${baby.id} AND kind = 'birth'`);
    expect(fact.value).toMatchObject({ certificateNo: 'Q260001234', motherPersonId: mother.id });
    expect(JSON.stringify(fact.value)).not.toContain(mother.idNumber);
    const errors = await p.db.rows<{ line: number; field: string; code: string }>(sql`SELECT line, field, code FROM import_row_errors WHERE run_id = ${res.json().id} ORDER BY line`);
    expect(errors).toEqual([{ line: 3, field: 'birthDate', code: 'idNumber.birthDateMismatch' }]);
    // A city officer may register in any county, so the 嵊州市 row was kept too.
    expect(await count(sql`SELECT count(*)::int AS n FROM persons WHERE name = '区外'`)).toBe(1);
  });
});

describe('pushing with an API key', () => {
  it('accepts a push with a live key, refuses a revoked one, and never another department’s kind', async () => {
    const created = await insurance.post('/api/feeds/keys', { department: 'medicalInsurance', name: '医保核心系统' });
    expect(created.statusCode, created.body).toBe(201);
    const { token, key } = created.json();
    const [stored] = await p.db.rows<{ key_hash: string }>(sql`SELECT encode(key_hash, 'hex') AS key_hash FROM feed_api_keys WHERE id = ${key.id}`);
    expect(stored.key_hash).not.toContain(token);
    const push = (body: unknown, t = token) => app.inject({ method: 'POST', url: '/api/feeds/push', headers: { authorization: `Bearer ${t}` }, payload: body as object });
    const ok = await push({ kind: 'insurance', rows: [{ idNumber: kid1.idNumber, year: 2026, place: '330602', enrolledOn: '2025-11-20' }, { idNumber: kid1.idNumber.slice(0, 17) + '0', year: 2026, place: '330602', enrolledOn: '2025-11-20' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ channel: 'api', rowsInserted: 1, rowsFailed: 1 });
    expect((await push({ kind: 'lowIncome', rows: [{ idNumber: kid1.idNumber, status: '低保', validFrom: '2026-01-01' }] })).json().error.fields[0]).toMatchObject({ field: 'kind', code: 'feeds.kindNotOfDepartment' });
    expect((await civil.post(`/api/feeds/keys/${key.id}/revoke`, {})).statusCode).toBe(400);
    expect((await insurance.post(`/api/feeds/keys/${key.id}/revoke`, {})).json().revokedAt).not.toBeNull();
    const refused = await push({ kind: 'insurance', rows: [{ idNumber: kid2.idNumber, year: 2026, place: '330602', enrolledOn: '2025-11-20' }] });
    expect(refused.statusCode).toBe(401);
    expect((await push({ kind: 'insurance', rows: [{ idNumber: kid2.idNumber, year: 2026, place: '330602', enrolledOn: '2025-11-20' }] }, 'kyf_guessed')).statusCode).toBe(401);
    expect(await count(sql`SELECT count(*)::int AS n FROM person_facts WHERE person_id = ${kid2.id} AND kind = 'insurance'`)).toBe(0);
  });
});

describe('change alerts', () => {
  it('raises a guardian’s death, a minor leaving school and a new disability certificate once each, to the child’s township', async () => {
    const mother = await register('母亲乙', '1990-02-02', 51);
    const childId = composeIdNumber('330602', '2020-02-02', 53);
    await upload(health, '/api/feeds/upload?department=health&kind=birth', 'b.csv', csv(['身份证号,姓名,村社区代码,出生医学证明编号,出生日期,母亲身份证号', `${childId},孩子乙,${VILLAGE},Q200000053,2020-02-02,${mother.idNumber}`]));
    const death = csv(['身份证号,死亡日期', `${mother.idNumber},2026-11-10`]);
    await upload(police, '/api/feeds/upload?department=publicSecurity&kind=death', 'd.csv', death);
    await upload(police, '/api/feeds/upload?department=publicSecurity&kind=death', 'd.csv', death);
    const school = csv(['身份证号,学校名称,学籍状态,变动日期', `${kid1.idNumber},塔山小学,辍学,2026-09-20`]);
    await upload(education, '/api/feeds/upload?department=education&kind=school', 's.csv', school);
    await upload(education, '/api/feeds/upload?department=education&kind=school', 's.csv', school);
    const disabled = await signIn(app, 'city-data-disabled');
    const cert = csv(['身份证号,残疾人证号,残疾类别,残疾等级,发证日期', `${childId},${childId}42,智力,二级,2026-08-01`, `${childId},${childId.slice(0, 17)}042,智力,二级,2026-08-01`]);
    const first = await upload(disabled, '/api/feeds/upload?department=disabledPersons&kind=disability', 'c.csv', cert);
    expect(first.json()).toMatchObject({ rowsInserted: 1, rowsFailed: 1 });
    await upload(disabled, '/api/feeds/upload?department=disabledPersons&kind=disability', 'c.csv', cert);
    const alerts = (await tashan.get('/api/feeds/alerts?pageSize=100')).json();
    const mine = alerts.items.filter((a: { personName: string; kind: string }) => ['孩子乙', '低保童一'].includes(a.personName) && a.kind !== 'insuranceLapse');
    expect(mine.map((a: { kind: string; personName: string; unitCode: string }) => [a.kind, a.personName, a.unitCode]).sort()).toEqual([
      ['guardianDeath', '孩子乙', '330602001'],
      ['leftSchool', '低保童一', '330602001'],
      ['newDisability', '孩子乙', '330602001'],
    ]);
    const alert = mine.find((a: { kind: string }) => a.kind === 'guardianDeath');
    const noNote = await tashan.post(`/api/feeds/alerts/${alert.id}`, { status: 'handled' });
    expect(noNote.json().error.fields[0]).toMatchObject({ field: 'note', code: 'required' });
    const handled = await tashan.post(`/api/feeds/alerts/${alert.id}`, { status: 'handled', note: '已上门核实，由祖母照料，纳入困境儿童评估' });
    expect(handled.json()).toMatchObject({ status: 'handled', handledByName: 'tashan-staff' });
    expect((await tashan.post(`/api/feeds/alerts/${alert.id}`, { status: 'inProgress' })).statusCode).toBe(409);
  });

  it('raises a low-income child’s insurance gap once per child and year', async () => {
    // 低保童二 is low-income and not enrolled for 2026; the check after the insurance push raised it already.
    const check = await tashan.post('/api/insurance/check', { year: 2026 });
    expect(check.statusCode, check.body).toBe(200);
    const again = await tashan.post('/api/insurance/check', { year: 2026 });
    expect(again.json().raised).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM feed_alerts WHERE kind = 'insuranceLapse' AND person_id = ${kid2.id}`)).toBe(1);
    // 低保童一's gap was raised by the assistance feed, and closed itself when 医保 reported the enrolment.
    const [closed] = await p.db.rows<{ status: string; detail: Record<string, unknown> }>(sql`SELECT status, detail FROM feed_alerts WHERE kind = 'insuranceLapse' AND person_id = ${kid1.id}`);
    expect(closed).toMatchObject({ status: 'handled', detail: { year: 2026, gap: 'missing', closedBy: 'enrolment' } });
  });
});

describe('the key-group database', () => {
  it('lists people by group with their groups, and exports them', async () => {
    const low = (await tashan.get('/api/feeds/key-groups?group=lowIncome&pageSize=200')).json();
    expect(low.items.map((r: { name: string }) => r.name)).toContain('低保童一');
    const row = low.items.find((r: { name: string }) => r.name === '低保童一');
    expect(row.groups).toEqual(expect.arrayContaining(['minor', 'lowIncome', 'outOfSchool']));
    expect(row.idMasked).not.toBe(kid1.idNumber);
    const deceased = (await tashan.get('/api/feeds/key-groups?group=deceased')).json();
    expect(deceased.items.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['低保童二', '母亲乙']));
    const rows = await xlsxRows((await tashan.get('/api/feeds/key-groups/export.xlsx?group=lowIncome')).rawPayload);
    expect(rows[0]).toContain('所属群体');
    expect(rows.some((r) => r.includes('低保童一'))).toBe(true);
  });
});
