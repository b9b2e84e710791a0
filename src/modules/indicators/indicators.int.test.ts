import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { systemActor } from '../../app/scope.ts';
import { registerIndicators } from './registry.service.ts';
import { refreshIndicators } from './refresh.service.ts';

const TODAY = '2026-11-23';
const { p, app } = await testApp({ today: () => TODAY });
const city = await signIn(app, 'city-health');
const yuecheng = await signIn(app, 'yuecheng-health');
const staff = await signIn(app, 'tashan-staff');
const doctor = await signIn(app, 'tashan-doctor');

const rows = <T>(q: ReturnType<typeof sql>) => p.db.rows<T>(q);

describe('refresh and roll-up', () => {
  it('refreshes on request, audited, and shows when', async () => {
    const res = await city.post('/api/indicators/refresh');
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toBeGreaterThan(0);
    const state = (await city.get('/api/indicators/refresh')).json();
    expect(state.lastRefreshAt).not.toBeNull();
    expect(state.changedAt).toBeNull();
    const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicators.refresh'`);
    expect(n).toBe(1);
  });

  it('refuses a refresh to a role without the permission', async () => {
    expect((await yuecheng.post('/api/indicators/refresh')).statusCode).toBe(403);
  });

  it('stores every county’s ratio as its summed numerator over its summed denominator', async () => {
    const counties = await rows<{ unit_code: string; numerator: string; denominator: string; value: string | null; sn: string; sd: string }>(sql`
      SELECT c.unit_code, c.numerator, c.denominator, c.value, sum(t.numerator) AS sn, sum(t.denominator) AS sd
      FROM indicator_values c JOIN indicator_values t ON t.indicator_code = c.indicator_code AND t.year = c.year AND t.unit_code LIKE c.unit_code || '___'
      WHERE c.indicator_code = 'health.centerCoverage' AND length(c.unit_code) = 6 AND c.year = 2025
      GROUP BY c.unit_code, c.numerator, c.denominator, c.value`);
    expect(counties).toHaveLength(6);
    for (const c of counties) {
      expect(Number(c.numerator)).toBe(Number(c.sn));
      expect(Number(c.denominator)).toBe(Number(c.sd));
      expect(Number(c.denominator)).toBeGreaterThan(0);
      expect(Number(c.value)).toBeCloseTo((Number(c.sn) / Number(c.sd)) * 100, 4);
    }
  });

  it('marks the values stale when a source table changes, and a refresh picks the change up', async () => {
    const child = await staff.post('/api/people', { name: '筛查甲', idNumber: composeIdNumber('330602', '2025-01-15', 21), unitCode: '330602001004' });
    expect(child.statusCode).toBe(201);
    const before = (await city.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=330602001004&year=2026')).json();
    expect(before.current.numerator).toBe(0);
    const screen = await doctor.post(`/api/health/children/${child.json().id}/screenings/warning-signs`, { screenedOn: '2026-10-12', signsPresent: [], regression: false });
    expect(screen.statusCode).toBe(201);
    expect((await city.get('/api/indicators/refresh')).json().changedAt).not.toBeNull();
    await city.post('/api/indicators/refresh');
    expect((await city.get('/api/indicators/refresh')).json().changedAt).toBeNull();
    const after = (await city.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=330602001004&year=2026')).json();
    expect(after.current.numerator).toBe(1);
    expect(after.current.value).toBeCloseTo(100 / after.current.denominator, 6);
    const county = (await city.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=330602&year=2026')).json();
    expect(county.current.numerator).toBe(1);
  });

  it('counts a screened child only if still under 3 at the end of the year, as the denominator does', async () => {
    // Born 2023-12-20: 34 months old when screened in October 2026, 3 on 2026-12-20, so not one
    // of the unit's children aged 0–2 at the end of 2026.
    const child = await staff.post('/api/people', { name: '筛查乙', idNumber: composeIdNumber('330602', '2023-12-20', 23), unitCode: '330602001008' });
    expect(child.statusCode).toBe(201);
    const screen = await doctor.post(`/api/health/children/${child.json().id}/screenings/warning-signs`, { screenedOn: '2026-10-20', signsPresent: [], regression: false });
    expect(screen.statusCode).toBe(201);
    await city.post('/api/indicators/refresh');
    const value = (await city.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=330602001008&year=2026')).json();
    expect(value.current.numerator).toBe(0);
    const why = (await city.get('/api/indicators/why?indicator=health.screeningRate&unit=330602001008&year=2026')).json();
    expect(JSON.stringify(why)).not.toContain('2026-10-20');
  });
});

describe('an indicator registered from data only', () => {
  it('computes, rolls up and colours a new indicator with no change to the engine', async () => {
    const res = await registerIndicators(p, systemActor(), {
      measures: [
        {
          code: 'test.peopleRegistered',
          nameZh: '登记人数',
          nameEn: 'People registered',
          leafSql: 'SELECT unit_code, y.year, count(*) AS amount FROM persons JOIN indicator_years y ON true GROUP BY 1, 2',
          detailSql: "SELECT unit_code, y.year, id::text AS record_id, 'person' AS label, 1 AS amount FROM persons JOIN indicator_years y ON true",
          sourceTables: ['persons'],
          source: 'test',
        },
      ],
      indicators: [
        { code: 'test.peoplePer1000', nameZh: '每千人登记人数', nameEn: 'People registered per 1,000 residents', numerator: 'test.peopleRegistered', denominator: 'pop.residents', unit: 'per1000', direction: 'higher', minLevel: 4, theme: 'welfare', source: 'test' },
      ],
      targets: [{ indicatorCode: 'test.peoplePer1000', unitCode: '330602', year: 2026, kind: 'atLeast', value: 5, source: 'test' }],
    });
    expect(res).toEqual({ measures: 1, indicators: 1, targets: 1 });
    await refreshIndicators(p, systemActor(), 'registry');
    const v = (await city.get('/api/indicators/cockpit?indicator=test.peoplePer1000&unit=330602001004&year=2026')).json();
    expect(v.current.numerator).toBe(1);
    expect(v.current.value).toBeCloseTo((1 / v.current.denominator) * 1000, 6);
    expect(v.current.target).toBe(5);
    expect(v.current.color).toBe('red');
    const list = (await city.get('/api/indicators')).json();
    expect(list.map((i: { code: string }) => i.code)).toContain('test.peoplePer1000');
  });

  it('refuses a definition whose SQL does not run, and stores nothing', async () => {
    await expect(
      registerIndicators(p, systemActor(), {
        measures: [{ code: 'test.broken', nameZh: '坏', nameEn: 'Broken', leafSql: 'SELECT unit_code, year, amount FROM no_such_table', sourceTables: [], source: 'test' }],
      }),
    ).rejects.toThrow();
    expect(await rows(sql`SELECT 1 FROM indicator_measures WHERE code = 'test.broken'`)).toHaveLength(0);
  });

  it('refuses a ratio without a denominator', async () => {
    await expect(
      registerIndicators(p, systemActor(), {
        indicators: [{ code: 'test.bad', nameZh: '坏', nameEn: 'Bad', numerator: 'pop.residents', unit: 'percent', direction: 'higher', minLevel: 2, theme: 'health', source: 'x' }],
      }),
    ).rejects.toThrow(/denominator/);
  });
});

describe('cockpit, why and scope', () => {
  it('gives the city view with counties, townships, ranking and trend', async () => {
    const res = await city.get('/api/indicators/cockpit?indicator=health.centerCoverage&year=2025');
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.unitCode).toBe('3306');
    expect(v.children).toHaveLength(6);
    expect(v.townships.length).toBeGreaterThan(90);
    expect(v.trend.map((t: { year: number }) => t.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(v.refresh.lastRefreshAt).not.toBeNull();
  });

  it('holds 嵊州市 to the 001 target and colours its townships against it', async () => {
    const v = (await city.get('/api/indicators/cockpit?indicator=health.centerCoverage&year=2025&unit=330683')).json();
    expect(v.current.target).toBe(100);
    expect(v.current.targetKind).toBe('atLeast');
    for (const t of v.children) if (t.value !== null) expect(t.color).toBe(t.value >= 100 ? 'green' : 'red');
  });

  it('keeps a county official inside the county', async () => {
    const own = await yuecheng.get('/api/indicators/cockpit?indicator=health.screeningRate');
    expect(own.statusCode).toBe(200);
    expect(own.json().unitCode).toBe('330602');
    expect(own.json().path.map((u: { code: string }) => u.code)).toEqual(['330602']);
    expect((await yuecheng.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=330683')).statusCode).toBe(404);
    expect((await yuecheng.get('/api/indicators/cockpit?indicator=health.screeningRate&unit=3306')).statusCode).toBe(404);
    expect((await yuecheng.get('/api/indicators/why?indicator=health.screeningRate&unit=330683&year=2026')).statusCode).toBe(404);
    const red = (await yuecheng.get('/api/indicators/red')).json();
    for (const r of red) expect(r.unitCode.startsWith('330602')).toBe(true);
  });

  it('explains a value with its records, within scope, audited', async () => {
    const res = await yuecheng.get('/api/indicators/why?indicator=health.screeningRate&unit=330602001&year=2026');
    expect(res.statusCode).toBe(200);
    const w = res.json();
    expect(w.current.numerator).toBe(1);
    expect(w.records).toHaveLength(1);
    expect(w.records[0].label).toContain('warningSigns');
    expect(w.children.find((c: { unitCode: string }) => c.unitCode === '330602001004').numerator).toBe(1);
    const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicators.why.read' AND actor_username = 'yuecheng-health'`);
    expect(n).toBe(1);
  });

  it('answers an unknown indicator with a field error in the caller’s language', async () => {
    const res = await city.get('/api/indicators/cockpit?indicator=no.such', { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'indicator', code: 'indicators.unknownIndicator', message: '没有这个指标' });
  });
});

describe('reports', () => {
  it('exports a spreadsheet and a PDF of chosen indicators, units and years', async () => {
    const q = 'indicators=health.centerCoverage,health.screeningRate&units=330602,330602001&years=2025,2026';
    const x = await yuecheng.get(`/api/indicators/report.xlsx?${q}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const pdf = await yuecheng.get(`/api/indicators/report.pdf?${q}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await yuecheng.get('/api/indicators/report.pdf?indicators=health.screeningRate&units=330683&years=2025')).statusCode).toBe(404);
  });
});
