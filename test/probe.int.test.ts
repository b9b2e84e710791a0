/**
 * The black-box probe's classes over every route of the OpenAPI document (see
 * test/support/probe.ts): a route added later is probed without being listed here.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import {
  apiOperations,
  FORGED_ADDRESS,
  probeCacheHeaders,
  probeContentTypes,
  probeControlCharacters,
  probeForgedForwarding,
  probeLongUrls,
} from './support/probe.ts';

const { p, app } = await testApp();
const admin = await signIn(app, 'city-admin');
// Logging out would end the probing session; everything else is probed.
const ops = (await apiOperations(app, admin)).filter((o) => o.path !== '/api/auth/logout');

describe('every route of the API', () => {
  it('is listed in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(100);
  });

  it('believes no forwarding header from a client that is not a configured proxy', async () => {
    const forged = { 'x-forwarded-for': FORGED_ADDRESS, 'x-forwarded-proto': 'https' };
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', headers: forged, payload: { username: 'city-admin', password: 'wrong' } })).statusCode).toBe(401);
    const s = await signIn(app, 'tashan-staff');
    const before = (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    const probes = await probeForgedForwarding(admin, ops);
    await probeForgedForwarding(s, ops.filter((o) => o.method === 'GET'));
    const after = (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`))[0].n;
    expect(after, 'the probe wrote audit rows to look at').toBeGreaterThan(before);
    const [leaks] = await p.db.rows<{ audit: number; sessions: number }>(sql`
      SELECT (SELECT count(*)::int FROM audit_log WHERE ip = ${FORGED_ADDRESS}) AS audit,
             (SELECT count(*)::int FROM sessions WHERE ip = ${FORGED_ADDRESS}) AS sessions`);
    expect(leaks).toEqual({ audit: 0, sessions: 0 });
    expect(probes).toBe(ops.length);
  });

  it('refuses control characters in every text field, query parameter and path parameter', async () => {
    const inputs = await probeControlCharacters(admin, ops);
    expect(inputs).toBeGreaterThan(300);
  });

  it('answers a wrong content type, broken JSON and a form where JSON belongs in the error shape', async () => {
    const requests = await probeContentTypes(admin, ops);
    expect(requests).toBeGreaterThan(100);
  });

  it('answers an over-long URL and an over-long path parameter in the error shape', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const requests = await probeLongUrls(port, ops);
    expect(requests).toBeGreaterThan(ops.length);
  });

  it('sends Cache-Control: no-store with every answer', async () => {
    expect(await probeCacheHeaders(admin, ops)).toBeGreaterThan(50);
  });
});
