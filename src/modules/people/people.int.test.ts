import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { xlsxRows } from '../../../test/support/xlsx.ts';
import { composeIdNumber } from './idNumber.ts';

const TODAY = '2026-11-23';
const { p, app } = await testApp({ today: () => TODAY });

const staff = await signIn(app, 'tashan-staff');
const person = (over: Record<string, unknown> = {}) => ({
  name: '测试人',
  idNumber: composeIdNumber('330602', '2024-05-06', 13),
  unitCode: '330602001004',
  phone: '13800000000',
  address: '塔山街道花园社区1号',
  ...over,
});

describe('registering a person', () => {
  it('stores the ID number encrypted and returns it masked', async () => {
    const id = composeIdNumber('330602', '2024-05-06', 13);
    const res = await staff.post('/api/people', person({ idNumber: id, sex: 'male', birthDate: '2024-05-06' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: '测试人', sex: 'male', birthDate: '2024-05-06', age: 2, groups: ['infant', 'child'] });
    expect(body.idNumberMasked).toBe(`330602********${id.slice(14)}`);
    expect(JSON.stringify(body)).not.toContain(id);
    const [row] = await p.db.rows<{ cipher: string }>(sql`SELECT encode(id_cipher, 'escape') AS cipher FROM persons WHERE id = ${body.id}`);
    expect(row.cipher).not.toContain(id);
  });

  it.each([
    ['bad check digit', { idNumber: '110105194912310021' }, 'idNumber', 'idNumber.checkDigit', '身份证号校验位不正确，请核对是否有输错的数字'],
    ['impossible birth date', { idNumber: composeIdNumber('330602', '2023-02-29', 11) }, 'idNumber', 'idNumber.birthDateInvalid', '身份证号中的出生日期不存在'],
    ['future birth date', { idNumber: composeIdNumber('330602', '2026-12-01', 11) }, 'idNumber', 'idNumber.birthDateFuture', '身份证号中的出生日期晚于今天'],
    ['unknown region', { idNumber: composeIdNumber('330699', '2020-01-01', 11) }, 'idNumber', 'idNumber.regionUnknown', '身份证号前 6 位不是有效的行政区划代码'],
    ['sex mismatch', { idNumber: composeIdNumber('330602', '2020-01-01', 11), sex: 'female' }, 'sex', 'idNumber.sexMismatch', '性别与身份证号不符（第 17 位为奇数是男性，偶数是女性）'],
    ['birth date mismatch', { idNumber: composeIdNumber('330602', '2020-01-01', 11), birthDate: '2020-01-02' }, 'birthDate', 'idNumber.birthDateMismatch', '出生日期与身份证号中的出生日期不符'],
  ])('refuses a %s with a field-level error and stores nothing', async (_n, over, field, code, message) => {
    const [before] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons`);
    const res = await staff.post('/api/people', person(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ field, code, message });
    const [after] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons`);
    expect(after.n).toBe(before.n);
  });

  it('accepts an ID issued under the abolished code 330621 (former 绍兴县)', async () => {
    const res = await staff.post('/api/people', person({ idNumber: composeIdNumber('330621', '1960-03-01', 21), name: '老绍兴县人' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().groups).toEqual(['elderly']);
  });

  it('reports every bad field at once, in English on request', async () => {
    const res = await staff.post('/api/people', { name: '', idNumber: '123', unitCode: 'x', phone: '12' }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields).toMatchObject({
      name: 'Required',
      idNumber: 'An ID number has 18 characters: 17 digits, then a digit or X',
      unitCode: 'Not in the expected format',
      phone: 'Enter an 11-digit mobile number or a landline with area code',
    });
  });

  it('refuses a second registration of the same ID number', async () => {
    const id = composeIdNumber('330602', '2022-02-02', 31);
    expect((await staff.post('/api/people', person({ idNumber: id }))).statusCode).toBe(201);
    const again = await staff.post('/api/people', person({ idNumber: id.toLowerCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ field: 'idNumber', code: 'idNumberRegistered' });
  });

  it('refuses a unit outside the staff member’s township', async () => {
    const res = await staff.post('/api/people', person({ idNumber: composeIdNumber('330602', '2021-01-01', 41), unitCode: '330602002001' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'unitOutOfScope' });
  });
});

describe('finding and reading people', () => {
  const id = composeIdNumber('330602', '2025-01-15', 52);
  let personId = '';

  it('finds a person by ID number and audits the lookup', async () => {
    personId = (await staff.post('/api/people', person({ idNumber: id, name: '查找对象' }))).json().id;
    const res = await staff.post('/api/people/lookup', { idNumber: id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: personId, name: '查找对象' });
    const [audit] = await p.db.rows<{ action: string; detail: { idNumber: string; found: boolean } }>(
      sql`SELECT action, detail FROM audit_log WHERE action = 'people.lookup' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.detail).toEqual({ idNumber: `330602********${id.slice(14)}`, found: true });
  });

  it('reveals the full ID number only to roles allowed, and audits each reveal', async () => {
    const res = await staff.post(`/api/people/${personId}/id-number`);
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toBe(id);
    const [audit] = await p.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'people.reveal_id_number' AND entity_id = ${personId} AND actor_username = 'tashan-staff'`,
    );
    expect(audit.n).toBe(1);
    const cityOfficial = await signIn(app, 'city-health');
    expect((await cityOfficial.get(`/api/people/${personId}`)).statusCode).toBe(200);
    expect((await cityOfficial.post(`/api/people/${personId}/id-number`)).statusCode).toBe(403);
  });

  it('audits a view of the record', async () => {
    await staff.get(`/api/people/${personId}`);
    const [audit] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'people.view' AND entity_id = ${personId}`);
    expect(audit.n).toBeGreaterThan(0);
  });

  it('lists, filters by group and exports a spreadsheet with masked numbers', async () => {
    const list = (await staff.get('/api/people?group=infant&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((x: { age: number }) => x.age < 3)).toBe(true);
    const xlsx = await staff.get('/api/people/export.xlsx?q=查找');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await xlsxRows(xlsx.rawPayload);
    expect(rows[0]).toContain('身份证号');
    expect(rows[1]).toContain(`330602********${id.slice(14)}`);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('changes a person’s contact and unit, audited with the changed fields', async () => {
    const res = await staff.patch(`/api/people/${personId}`, { phone: '13900000000', unitCode: '330602001008' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '13900000000', unitCode: '330602001008', unitName: '沈园社区' });
    const [audit] = await p.db.rows<{ detail: { fields: string[] } }>(
      sql`SELECT detail FROM audit_log WHERE action = 'people.update' AND entity_id = ${personId}`,
    );
    expect(audit.detail.fields.sort()).toEqual(['phone', 'unitCode']);
  });
});
