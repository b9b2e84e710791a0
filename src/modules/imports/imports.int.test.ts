import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { systemActor } from '../../app/scope.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { errorReportCsv, importPeopleFile } from './service.ts';

const { p, app } = await testApp({ today: () => '2026-11-23' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kangyu-import-'));

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return file;
}

const good1 = composeIdNumber('330602', '2024-01-02', 11);
const good2 = composeIdNumber('330621', '1958-07-08', 22);
const good3 = composeIdNumber('330683', '2025-03-04', 32);
const lines = [
  '身份证号,姓名,性别,出生日期,所属村社区代码,联系电话,地址',
  `${good1},王小明,男,2024/1/2,330602001004,13800000001,"塔山街道花园社区1号, 2单元"`,
  `${good2},李阿婆,女,19580708,330603001008,,`,
  `${good3},俞小芳,女,2025-03-04,330683001002,,`,
  `110105194912310021,坏校验位,,,330602001004,,`,
  `${composeIdNumber('330602', '2020-01-01', 11)},性别不符,女,,330602001004,,`,
  `${composeIdNumber('330602', '2021-01-01', 13)},,男,,330602001004,,`,
  `${composeIdNumber('330602', '2021-02-02', 15)},未知区划,,,330699001001,,`,
  `${good1},重复行,男,,330602001004,,`,
];

describe('importing people from CSV', () => {
  const file = writeCsv('people.csv', lines);
  const city = systemActor('test-import');

  it('keeps the good rows and reports each bad one by line and field', async () => {
    const run = await importPeopleFile(p, city, file, { batchSize: 3 });
    expect(run).toMatchObject({ status: 'done', rowsTotal: 8, rowsInserted: 3, rowsUpdated: 0, rowsUnchanged: 0, rowsFailed: 5 });
    const errors = await p.db.rows<{ line: number; field: string; code: string }>(
      sql`SELECT line, field, code FROM import_row_errors WHERE run_id = ${run.id} ORDER BY line, field`,
    );
    expect(errors).toEqual([
      { line: 5, field: 'idNumber', code: 'idNumber.checkDigit' },
      { line: 6, field: 'sex', code: 'idNumber.sexMismatch' },
      { line: 7, field: 'name', code: 'required' },
      { line: 8, field: 'unitCode', code: 'unitNotVillage' },
      { line: 9, field: 'idNumber', code: 'duplicateInFile' },
    ]);
    const [stored] = await p.db.rows<{ address: string; sex: string }>(sql`SELECT address, sex FROM persons WHERE name = '王小明'`);
    expect(stored).toEqual({ address: '塔山街道花园社区1号, 2单元', sex: 'male' });
    const report = await errorReportCsv(p, city, run.id, 'zh-CN');
    expect(report.split('\r\n')[0]).toBe('\uFEFF行号,字段,错误说明');
    expect(report).toContain('5,身份证号,身份证号校验位不正确，请核对是否有输错的数字');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await p.db.rows(sql`SELECT id, name, unit_code, updated_at FROM persons ORDER BY id`);
    const run = await importPeopleFile(p, city, file);
    expect(run).toMatchObject({ status: 'done', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 3, rowsFailed: 5 });
    expect(await p.db.rows(sql`SELECT id, name, unit_code, updated_at FROM persons ORDER BY id`)).toEqual(before);
  });

  it('updates a person whose details changed', async () => {
    const changed = writeCsv('changed.csv', [lines[0], `${good1},王小明,男,2024-01-02,330602001008,13800000009,`]);
    const run = await importPeopleFile(p, city, changed);
    expect(run).toMatchObject({ rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 0 });
    const [row] = await p.db.rows<{ unit_code: string; phone: string }>(sql`SELECT unit_code, phone FROM persons WHERE name = '王小明'`);
    expect(row).toEqual({ unit_code: '330602001008', phone: '13800000009' });
  });

  it('keeps a county importer inside the county, without revealing foreign records', async () => {
    const county = { ...systemActor('yuecheng-data'), scope: '330602' };
    const mixed = writeCsv('mixed.csv', [
      lines[0],
      `${composeIdNumber('330602', '2023-05-05', 17)},越城新人,,,330602001004,,`,
      `${composeIdNumber('330683', '2023-05-05', 19)},嵊州新人,,,330683001002,,`,
      `${good3},俞小芳,,,330602001004,,`,
    ]);
    const run = await importPeopleFile(p, county, mixed);
    expect(run).toMatchObject({ rowsInserted: 1, rowsFailed: 2 });
    const errors = await p.db.rows<{ line: number; code: string }>(sql`SELECT line, code FROM import_row_errors WHERE run_id = ${run.id} ORDER BY line`);
    expect(errors).toEqual([
      { line: 3, code: 'unitOutOfScope' },
      { line: 4, code: 'transferRequested' },
    ]);
    const [still] = await p.db.rows<{ unit_code: string }>(sql`SELECT unit_code FROM persons WHERE name = '俞小芳'`);
    expect(still.unit_code).toBe('330683001002');
  });

  it('fails a file without the required columns, naming them', async () => {
    const bad = writeCsv('bad-header.csv', ['姓名,电话', '张三,13800000000']);
    await expect(importPeopleFile(p, city, bad)).rejects.toMatchObject({
      code: 'validation',
      fields: [
        { field: 'idNumber', key: 'missingColumn' },
        { field: 'unitCode', key: 'missingColumn' },
      ],
    });
    const [run] = await p.db.rows<{ status: string }>(sql`SELECT status FROM import_runs ORDER BY started_at DESC LIMIT 1`);
    expect(run.status).toBe('failed');
  });
});

describe('uploading through the API', () => {
  it('imports a multipart upload and serves the error report', async () => {
    const s = await signIn(app, 'city-data');
    const csv = [
      'idNumber,name,unitCode',
      `${composeIdNumber('330604', '2022-09-09', 41)},上虞上传,330604001001`,
      `12345,坏号码,330604001001`,
    ].join('\n');
    const boundary = '----kangyu-test';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      `${csv}\r\n--${boundary}--\r\n`;
    const res = await s.request({
      method: 'POST',
      url: '/api/imports/people',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ fileName: 'upload.csv', status: 'running' });
    let run = res.json();
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await s.get(`/api/imports/${run.id}`)).json();
    }
    expect(run).toMatchObject({ fileName: 'upload.csv', status: 'done', rowsInserted: 1, rowsFailed: 1 });
    const report = await s.get(`/api/imports/${run.id}/errors.csv`, { 'accept-language': 'en-US' });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('3,ID number,"An ID number has 18 characters: 17 digits, then a digit or X"');
    const list = (await s.get('/api/imports')).json();
    expect(list.items[0].id).toBe(run.id);
  });

  it('is refused to roles without the import permission', async () => {
    const s = await signIn(app, 'tashan-staff');
    expect((await s.get('/api/imports')).statusCode).toBe(403);
  });
});
