import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn, type Session } from '../../../test/support/http.ts';
import { centerBody, STANDARD_EVIDENCE, uploadEvidence } from '../../../test/support/childcare.ts';
import { DEMO_REVIEWERS } from '../childcare/demoUsers.ts';

const { app } = await testApp({ today: () => '2026-11-23' });
const operator = await signIn(app, 'tashan-center');
const county = await signIn(app, 'yuecheng-health');
const city = await signIn(app, 'city-health');
const reviewers: Session[] = [];
for (const r of DEMO_REVIEWERS) reviewers.push(await signIn(app, r.username));

/** Registers a center and takes it through the ten reviews to filed, as the users would. */
async function fileCenter(overrides: Record<string, unknown>) {
  const res = await operator.post('/api/childcare/centers', centerBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const { id, filingId } = res.json() as { id: string; filingId: string };
  for (const kind of STANDARD_EVIDENCE) expect((await uploadEvidence(operator, id, kind)).statusCode).toBe(201);
  expect((await operator.post(`/api/childcare/filings/${filingId}/submit`)).statusCode).toBe(200);
  for (const r of reviewers) expect((await r.post(`/api/childcare/filings/${filingId}/reviews`, { decision: 'approved' })).statusCode).toBe(200);
  expect((await county.post(`/api/childcare/filings/${filingId}/decision`, { decision: 'file' })).statusCode).toBe(200);
  return id;
}

describe('childcare indicators, loaded as registry data', () => {
  it('count filed centers’ places per 1,000 residents and the affordable share, rolled up', async () => {
    await fileCenter({ name: '普惠甲托育园', affordable: true, openedOn: '2025-09-01' }); // 45 places
    await fileCenter({
      name: '市场乙托育园',
      creditCode: '91330100799655058B',
      affordable: false,
      openedOn: '2026-02-01',
      lon: 120.58,
      lat: 30.0,
      classes: [{ classType: 'toddler', name: '一班', capacity: 15 }],
    });
    expect((await city.post('/api/indicators/refresh')).statusCode).toBe(200);

    const v2026 = (await county.get('/api/indicators/cockpit?indicator=childcare.placesPer1000&unit=330602001&year=2026')).json();
    expect(v2026.current.numerator).toBe(60);
    expect(v2026.current.value).toBeCloseTo((60 / v2026.current.denominator) * 1000, 5);
    const v2025 = (await county.get('/api/indicators/cockpit?indicator=childcare.placesPer1000&unit=330602001&year=2025')).json();
    expect(v2025.current.numerator).toBe(45); // the second center opened in 2026
    // 004 holds 越城区 (and its townships) to 4.6 in 2025.
    expect(v2025.current.target).toBe(4.6);

    const share = (await county.get('/api/indicators/cockpit?indicator=childcare.affordableShare&unit=330602&year=2026')).json();
    expect(share.current).toMatchObject({ numerator: 45, denominator: 60, value: 75 });
    const coverage = (await county.get('/api/indicators/cockpit?indicator=childcare.townshipCoverage&unit=330602&year=2026')).json();
    expect(coverage.current.numerator).toBe(1);
    expect(coverage.current.denominator).toBe(coverage.children.length);

    const why = (await county.get('/api/indicators/why?indicator=childcare.placesPer1000&unit=330602001&year=2026')).json();
    expect(why.records.map((r: { label: string }) => r.label).sort()).toEqual(['市场乙托育园', '普惠甲托育园 · 普惠']);
  });

  it('puts the centers on the one map with places and use, and into the 15-minute analysis', async () => {
    const f = (await county.get('/api/geo/facilities?kind=childcareCenter')).json();
    expect(f.kinds.find((k: { code: string }) => k.code === 'childcareCenter')).toMatchObject({ available: true, count: 2, capacity: 60, inUse: 0 });
    expect(f.facilities.every((x: { located: string }) => x.located === 'own')).toBe(true);
    const c = (await county.get('/api/geo/service-circle?kind=childcareCenter&unit=330602001')).json();
    expect(c.facilities).toBe(2);
    for (const v of c.villages) expect([0, 15, 45, 60]).toContain(v.placesWithin);
  });

  it('lists planning-norm findings: the affordable share of a township’s new places and communities short of places', async () => {
    const y2026 = (await county.get('/api/geo/planning-findings?unit=330602001&year=2026')).json();
    expect(y2026.findings.find((f: { norm: string }) => f.norm === 'affordableShareOfNewPlaces')).toMatchObject({ unitCode: '330602001', actual: 0, required: 60, shortfall: 9 });
    const y2025 = (await county.get('/api/geo/planning-findings?unit=330602001&year=2025')).json();
    expect(y2025.findings.some((f: { norm: string }) => f.norm === 'affordableShareOfNewPlaces')).toBe(false);
    const communityFindings = y2026.findings.filter((f: { norm: string }) => f.norm !== 'affordableShareOfNewPlaces');
    expect(communityFindings.length).toBeGreaterThan(0);
    expect(communityFindings.length).toBeLessThan(y2026.checked);
    expect(y2026.notCheckable[0].code).toBe('homeCareRooms');
    expect((await county.get('/api/geo/planning-findings?unit=330683')).statusCode).toBe(404);
  });
});
