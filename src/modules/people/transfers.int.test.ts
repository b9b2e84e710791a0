import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { systemActor } from '../../app/scope.ts';
import { errorReportCsv, importPeopleFile } from '../imports/index.ts';
import { composeIdNumber } from './idNumber.ts';

const { p, app } = await testApp();
const shengzhou = await signIn(app, 'shengzhou-admin');
const yuecheng = await signIn(app, 'yuecheng-admin');
const tashan = await signIn(app, 'tashan-staff');
const city = await signIn(app, 'city-admin');

const SHENGZHOU_VILLAGE = '330683001002';
const TASHAN_VILLAGE = '330602001004';
/**
 * What only the person's registration in 嵊州市 says: the asking side must see none of it (the
 * masked ID number it typed keeps the issuing region code, which the asker knows already).
 */
const WHERE = ['330683001', '嵊州', '剡湖', '新北'];

async function registerIn嵊州(name: string, seq: number) {
  const idNumber = composeIdNumber('330683', '1988-08-08', seq);
  const res = await shengzhou.post('/api/people', { name, idNumber, unitCode: SHENGZHOU_VILLAGE, phone: '13900000000' });
  expect(res.statusCode).toBe(201);
  return { idNumber, id: res.json().id as string };
}

const transfersOf = async (s: typeof city, status = 'all') => (await s.get(`/api/people/transfers?status=${status}`)).json().items as Record<string, unknown>[];

describe('registering an ID number registered in another county', () => {
  const moved = registerIn嵊州('迁移测试甲', 11);

  it('is refused without saying where, audited, and asks for a transfer once', async () => {
    const { idNumber, id } = await moved;
    const body = { name: '迁移测试甲', idNumber, unitCode: TASHAN_VILLAGE, phone: '13700000000', address: '塔山街道新居' };
    const refused = await tashan.post('/api/people', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([
      { field: 'idNumber', code: 'transferRequested', message: '该身份证号已有登记，不能重复登记；已提交人员迁入申请，由上级管理员审核' },
    ]);
    for (const mark of [...WHERE, id]) expect(refused.body).not.toContain(mark);
    const again = await tashan.post('/api/people', body);
    expect(again.statusCode).toBe(409);

    const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM person_transfers WHERE person_id = ${id}`);
    expect(n).toBe(1);
    const audits = await p.db.rows<{ unit: string; detail: Record<string, unknown> }>(
      sql`SELECT unit_code AS unit, detail FROM audit_log WHERE action = 'people.transfer_request' AND actor_username = 'tashan-staff' ORDER BY seq`,
    );
    expect(audits).toEqual([
      { unit: TASHAN_VILLAGE, detail: { source: 'register', opened: true } },
      { unit: TASHAN_VILLAGE, detail: { source: 'register', opened: false } },
    ]);
  });

  it('shows each side only its own part: the asking side never learns where the person is', async () => {
    const { id } = await moved;
    const [asking] = await transfersOf(tashan, 'pending');
    expect(asking).toMatchObject({ side: 'to', status: 'pending', name: '迁移测试甲', toUnitCode: TASHAN_VILLAGE, fromUnitCode: null, fromUnitName: null, deciderUnitName: null, personId: null, canDecide: false });
    const askingBody = (await tashan.get('/api/people/transfers')).body;
    for (const mark of [...WHERE, id, '13900000000']) expect(askingBody).not.toContain(mark);

    const [leaving] = await transfersOf(shengzhou);
    expect(leaving).toMatchObject({ side: 'from', name: '迁移测试甲', fromUnitCode: SHENGZHOU_VILLAGE, toUnitCode: TASHAN_VILLAGE, personId: id, phone: null, address: null, requestedBy: null, canDecide: false });

    const [deciding] = await transfersOf(city);
    expect(deciding).toMatchObject({ side: 'decider', submittedName: '迁移测试甲', deciderUnitName: '绍兴市', fromUnitCode: SHENGZHOU_VILLAGE, phone: '13700000000', requestedBy: 'tashan-staff', canDecide: true });
    // 越城区's admin is on the asking side of a move between counties, and no other county sees it.
    expect((await transfersOf(yuecheng))[0]).toMatchObject({ side: 'to', canDecide: false });
    expect(await transfersOf(await signIn(app, 'city-health'))).toHaveLength(1);
  });

  it('is decided only by the administrator covering both counties; approval moves the person, both sides see it', async () => {
    const { id } = await moved;
    const [t] = await transfersOf(city, 'pending');
    for (const s of [shengzhou, yuecheng]) {
      const res = await s.post(`/api/people/transfers/${t.id}/decision`, { decision: 'approve' });
      expect(res.statusCode).toBe(403);
    }
    expect((await (await signIn(app, 'city-health')).post(`/api/people/transfers/${t.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);

    const approved = await city.post(`/api/people/transfers/${t.id}/decision`, { decision: 'approve', note: '已核实迁居' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'city-admin', canDecide: false });
    const person = (await tashan.get(`/api/people/${id}`)).json();
    expect(person).toMatchObject({ unitCode: TASHAN_VILLAGE, phone: '13700000000', address: '塔山街道新居', name: '迁移测试甲' });
    expect((await shengzhou.get(`/api/people/${id}`)).statusCode).toBe(404);

    expect((await transfersOf(tashan))[0]).toMatchObject({ status: 'approved', personId: id, note: '已核实迁居', fromUnitCode: null });
    expect((await transfersOf(shengzhou))[0]).toMatchObject({ status: 'approved', note: '已核实迁居' });
    const [audit] = await p.db.rows<{ unit: string }>(sql`SELECT unit_code AS unit FROM audit_log WHERE action = 'people.transfer_approve' AND entity_id = ${t.id as string}`);
    expect(audit.unit).toBe('3306');

    const twice = await city.post(`/api/people/transfers/${t.id}/decision`, { decision: 'reject', note: 'x' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields[0].code).toBe('transferDecided');
  });

  it('a rejection needs a reason, leaves the person where they are, and both sides see it', async () => {
    const { idNumber, id } = await registerIn嵊州('迁移测试乙', 13);
    expect((await yuecheng.post('/api/people', { name: '迁移测试乙', idNumber, unitCode: '330602002001' })).statusCode).toBe(409);
    const t = (await transfersOf(city, 'pending')).find((x) => x.submittedName === '迁移测试乙')!;
    const noReason = await city.post(`/api/people/transfers/${t.id}/decision`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ field: 'note', code: 'transferRejectReason' });
    expect((await city.post(`/api/people/transfers/${t.id}/decision`, { decision: 'reject', note: '身份证号录入有误' })).json().status).toBe('rejected');
    expect((await shengzhou.get(`/api/people/${id}`)).json().unitCode).toBe(SHENGZHOU_VILLAGE);
    expect((await transfersOf(yuecheng, 'decided')).find((x) => x.id === t.id)).toMatchObject({ status: 'rejected', note: '身份证号录入有误', personId: null });
    expect((await transfersOf(shengzhou, 'decided')).find((x) => x.id === t.id)).toMatchObject({ status: 'rejected' });
  });

  it('a move no longer possible (the person moved meanwhile) is refused', async () => {
    const { idNumber } = await registerIn嵊州('迁移测试丙', 15);
    await tashan.post('/api/people', { name: '迁移测试丙', idNumber, unitCode: TASHAN_VILLAGE });
    await yuecheng.post('/api/people', { name: '迁移测试丙', idNumber, unitCode: '330602002001' });
    const [first, second] = (await transfersOf(city, 'pending')).filter((x) => x.submittedName === '迁移测试丙');
    expect((await city.post(`/api/people/transfers/${first.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const stale = await city.post(`/api/people/transfers/${second.id}/decision`, { decision: 'approve' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields[0].code).toBe('transferOutdated');
  });
});

describe('a move between two townships of one county', () => {
  it('is decided by the county’s administrator, and other counties do not see it', async () => {
    const idNumber = composeIdNumber('330602', '1979-09-09', 17);
    expect((await yuecheng.post('/api/people', { name: '区内迁移', idNumber, unitCode: '330602002001' })).statusCode).toBe(201);
    expect((await tashan.post('/api/people', { name: '区内迁移', idNumber, unitCode: TASHAN_VILLAGE })).statusCode).toBe(409);
    const t = (await transfersOf(yuecheng, 'pending')).find((x) => x.submittedName === '区内迁移')!;
    expect(t).toMatchObject({ side: 'decider', deciderUnitName: '越城区', canDecide: true });
    expect((await transfersOf(shengzhou)).find((x) => x.id === t.id)).toBeUndefined();
    // Out of scope is not found, never "forbidden".
    const foreign = await shengzhou.post(`/api/people/transfers/${t.id}/decision`, { decision: 'reject', note: 'x' });
    expect(foreign.statusCode).toBe(404);
    expect((await yuecheng.post(`/api/people/transfers/${t.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  });
});

describe('importing an ID number registered in another county', () => {
  it('refuses the row without saying where, asks for a transfer once however often the file runs', async () => {
    const idNumber = composeIdNumber('330683', '1977-07-07', 19);
    expect((await shengzhou.post('/api/people', { name: '导入迁移', idNumber, unitCode: SHENGZHOU_VILLAGE })).statusCode).toBe(201);
    const csv = path.join(os.tmpdir(), `transfer-${process.pid}.csv`);
    fs.writeFileSync(csv, `身份证号,姓名,所属村社区代码\n${idNumber},导入迁移,${TASHAN_VILLAGE}\n${composeIdNumber('330602', '1977-07-07', 21)},导入本地,${TASHAN_VILLAGE}\n`);
    const importer = { ...systemActor('yuecheng-data'), scope: '330602' };
    const run = await importPeopleFile(p, importer, csv);
    expect(run).toMatchObject({ rowsInserted: 1, rowsFailed: 1 });
    await importPeopleFile(p, importer, csv);
    const report = await errorReportCsv(p, importer, run.id, 'zh-CN');
    expect(report).toContain('已提交人员迁入申请');
    for (const mark of WHERE) expect(report).not.toContain(mark);
    const pending = (await transfersOf(city, 'pending')).filter((x) => x.submittedName === '导入迁移');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ source: 'import', requestedBy: 'yuecheng-data' });
  });
});
