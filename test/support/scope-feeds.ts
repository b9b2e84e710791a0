import type { FastifyInstance } from 'fastify';
import { signIn, type Session } from './http.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';

function upload(s: Session, url: string, lines: string[]) {
  const boundary = '----kangyu-scope';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="嵊州专测报送.csv"\r\nContent-Type: text/csv\r\n\r\n${lines.join('\r\n')}\r\n--${boundary}--\r\n`;
  return s.request({ method: 'POST', url, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/**
 * Feeds inside 嵊州市: a 嵊州市 data officer of 民政 with an API key and a run, a low-income
 * child not enrolled (a gap, its follow-up and its alert), a child who left school, a mother's
 * death raising an alert for her child — nothing of it for 越城区 to see.
 */
export async function createFeedsFixture(app: FastifyInstance, shengzhou: Session): Promise<{ ids: string[]; marks: string[]; idNumbers: string[] }> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const child = { name: '嵊州专测低保童', idNumber: composeIdNumber('330683', '2016-06-06', 61) };
  const mother = { name: '嵊州专测母亲', idNumber: composeIdNumber('330683', '1988-08-08', 62) };
  const baby = { name: '嵊州专测遗孤', idNumber: composeIdNumber('330683', '2021-01-01', 63) };
  const kid = await ok(shengzhou.post('/api/people', { ...child, unitCode: '330683001002' }), 201);
  const mum = await ok(shengzhou.post('/api/people', { ...mother, unitCode: '330683001002' }), 201);
  const officer = await ok(shengzhou.post('/api/users', { username: 'shengzhou-data', displayName: '嵊州专测数据专员', password: 'a-long-password', role: 'data_officer', unitCode: '330683' }), 201);
  await ok(shengzhou.put(`/api/feeds/officers/${officer.id}`, { department: 'civilAffairs' }));
  const data = await signIn(app, 'shengzhou-data', 'a-long-password');
  const run = await ok(upload(data, '/api/feeds/upload?department=civilAffairs&kind=lowIncome', ['身份证号,救助类别,认定日期', `${child.idNumber},低保,2024-01-01`, `${composeIdNumber('330683', '2015-01-01', 64)},低保,2024-01-01`]));
  const key = await ok(data.post('/api/feeds/keys', { department: 'civilAffairs', name: '嵊州专测密钥' }), 201);
  const health = await signIn(app, 'city-data-health');
  await ok(upload(health, '/api/feeds/upload?department=health&kind=birth', ['身份证号,姓名,村社区代码,出生医学证明编号,出生日期,母亲身份证号', `${baby.idNumber},${baby.name},330683001002,Q210000063,2021-01-01,${mother.idNumber}`]));
  const police = await signIn(app, 'city-data-police');
  await ok(upload(police, '/api/feeds/upload?department=publicSecurity&kind=death', ['身份证号,死亡日期', `${mother.idNumber},2026-01-05`]));
  const education = await signIn(app, 'city-data-education');
  await ok(upload(education, '/api/feeds/upload?department=education&kind=school', ['身份证号,学校名称,学籍状态,变动日期', `${child.idNumber},嵊州专测小学,辍学,2025-09-01`]));
  const year = new Date().getFullYear();
  await ok(shengzhou.post('/api/insurance/check', { year }));
  await ok(shengzhou.post(`/api/insurance/children/${kid.id}/followup`, { year, status: 'contacted', note: '嵊州专测跟进' }));
  const alerts = (await ok(shengzhou.get('/api/feeds/alerts?pageSize=50'))).items as { id: string; personId: string }[];
  const babyAlert = alerts.find((a) => a.personId !== kid.id);
  if (alerts.length < 3 || !babyAlert) throw new Error(`setup failed: ${alerts.length} alerts`);
  return {
    idNumbers: [child.idNumber, mother.idNumber, baby.idNumber],
    ids: [kid.id, mum.id, babyAlert.personId, run.id, key.key.id, officer.id, ...alerts.map((a) => a.id)],
    marks: [child.name, mother.name, baby.name, '嵊州专测小学', '嵊州专测密钥', '嵊州专测跟进', '嵊州专测数据专员', '嵊州专测报送', kid.id, mum.id, run.id, key.key.id, key.token, ...alerts.map((a) => a.id)],
  };
}
