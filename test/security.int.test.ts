/**
 * What an attacker holding a 越城区 account tried against the demo server, one test per hole:
 * forged forwarding headers against the login limits and the audit trail, ID-number lookups,
 * control characters and what the log keeps, the answers of every kind of refusal, the cache
 * and transport headers, and the API documentation in production.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app/app.ts';
import type { Config } from '../src/config.ts';
import { composeIdNumber } from '../src/modules/people/idNumber.ts';
import { LOGIN_LIMITS } from '../src/modules/access/loginLimiter.ts';
import { LOOKUP_LIMIT } from '../src/modules/people/lookupLimit.ts';
import { DEMO_PASSWORD } from '../src/seed/index.ts';
import { testApp } from './support/platform.ts';
import { signIn } from './support/http.ts';
import { captureLog } from './support/logs.ts';
import { expectErrorShape, rawHttp } from './support/probe.ts';

const { p, app } = await testApp();

/** Another server on the same database, with other settings. */
async function appWith(config: Partial<Config>, opts: Parameters<typeof buildApp>[1] = {}): Promise<FastifyInstance> {
  const other = await buildApp({ ...p, config: { ...p.config, ...config } }, { webDir: null, ...opts });
  return other;
}
const behindProxy = await appWith({ trustedProxies: ['127.0.0.1'] });

// One person of 塔山街道 whose records are read below.
const registered = await (await signIn(app, 'tashan-staff')).post('/api/people', {
  name: '安全测试',
  idNumber: composeIdNumber('330602', '2021-03-03', 61),
  unitCode: '330602001004',
});
const personId = (registered.json() as { id: string }).id;

const login = (a: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) =>
  a.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username, password } });

describe('the login limits', () => {
  it('give a forged X-Forwarded-For no fresh tries', async () => {
    const direct = await appWith({});
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect((await login(direct, `nobody-${i}`, 'guess', { 'x-forwarded-for': `10.0.0.${i}` })).statusCode).toBe(401);
    }
    const forged = await login(direct, 'shengzhou-health', DEMO_PASSWORD, { 'x-forwarded-for': '10.9.9.9' });
    expect(forged.statusCode).toBe(429);
    expect(forged.json().error.code).toBe('rate_limited');
  });

  it('slow a guess spread over many addresses: the account counts its failures from all of them', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await login(behindProxy, 'yuecheng-jyj', `guess-${i}`, { 'x-forwarded-for': `198.51.100.${i}` })).statusCode).toBe(401);
    }
    const right = await login(behindProxy, 'yuecheng-jyj', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.200' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toBe(`尝试次数过多，请 ${LOGIN_LIMITS.windowMinutes} 分钟后再试。`);
    // Another account is not locked by it.
    expect((await login(behindProxy, 'yuecheng-gaj', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.201' })).statusCode).toBe(200);
  });

  it('slow one address trying many accounts', async () => {
    const from = { 'x-forwarded-for': '192.0.2.50' };
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect((await login(behindProxy, `nobody-${i}`, 'guess', from)).statusCode).toBe(401);
    }
    expect((await login(behindProxy, 'yuecheng-mzj', DEMO_PASSWORD, from)).statusCode).toBe(429);
    expect((await login(behindProxy, 'yuecheng-mzj', DEMO_PASSWORD, { 'x-forwarded-for': '192.0.2.51' })).statusCode).toBe(200);
  });
});

describe('the audit address', () => {
  const revealOwnPerson = async (a: FastifyInstance, headers: Record<string, string>) => {
    const s = await signIn(app, 'tashan-staff');
    const res = await a.inject({ method: 'POST', url: `/api/people/${personId}/id-number`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...headers } });
    expect(res.statusCode).toBe(200);
    const [row] = await p.db.rows<{ ip: string }>(sql`SELECT ip FROM audit_log WHERE action = 'people.reveal_id_number' ORDER BY seq DESC LIMIT 1`);
    return row.ip;
  };

  it('is the socket’s, whatever the client writes in X-Forwarded-For', async () => {
    expect(await revealOwnPerson(app, { 'x-forwarded-for': '8.8.8.8' })).toBe('127.0.0.1');
  });

  it('is the one a configured proxy forwarded', async () => {
    expect(await revealOwnPerson(behindProxy, { 'x-forwarded-for': '8.8.8.8' })).toBe('8.8.8.8');
  });
});

describe('ID-number lookups', () => {
  it('audit a lookup that finds nothing', async () => {
    const s = await signIn(app, 'yuecheng-admin');
    const unknown = composeIdNumber('330602', '1990-04-04', 77);
    const res = await s.post('/api/people/lookup', { idNumber: unknown });
    expect(res.statusCode).toBe(404);
    const [row] = await p.db.rows<{ detail: { idNumber: string; found: boolean }; actor: string }>(
      sql`SELECT detail, actor_username AS actor FROM audit_log WHERE action = 'people.lookup' ORDER BY seq DESC LIMIT 1`,
    );
    expect(row).toEqual({ actor: 'yuecheng-admin', detail: { idNumber: `330602********${unknown.slice(14)}`, found: false } });
  });

  it('are limited per user', async () => {
    const s = await signIn(app, 'city-data');
    const statuses: number[] = [];
    for (let i = 0; i <= LOOKUP_LIMIT.perUser; i++) {
      statuses.push((await s.post('/api/people/lookup', { idNumber: composeIdNumber('330602', '1991-05-05', 100 + i) })).statusCode);
    }
    expect(statuses.slice(0, LOOKUP_LIMIT.perUser).every((st) => st === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Per user: another one still looks up.
    const other = await signIn(app, 'tashan-staff');
    expect((await other.post('/api/people/lookup', { idNumber: composeIdNumber('330602', '1991-05-05', 99) })).statusCode).toBe(404);
  });
});

describe('control characters and the log', () => {
  it('refuses a NUL byte in a name, a search and a login with a field error, in the caller’s language', async () => {
    const s = await signIn(app, 'tashan-staff');
    const person = await s.post('/api/people', { name: '张\u0000三', idNumber: composeIdNumber('330602', '2020-01-01', 55), unitCode: '330602001004' });
    expect(expectErrorShape(person, 'register').error.fields).toContainEqual({ field: 'name', code: 'controlCharacter', message: '不能包含控制字符' });
    const search = await s.get('/api/people?q=a%00b', { 'accept-language': 'en-US' });
    expect(expectErrorShape(search, 'search', 'en-US').error.fields).toContainEqual({ field: 'q', code: 'controlCharacter', message: 'Must not contain control characters' });
    const signInWithNul = await login(app, 'city\u0000admin', 'x');
    expect(signInWithNul.statusCode).toBe(400);
    expect(signInWithNul.json().error.fields[0]).toMatchObject({ field: 'username', code: 'controlCharacter' });
    const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons WHERE name LIKE '张%三'`);
    expect(n).toBe(0);
  });

  it('keeps neither query strings nor the values of a failed statement', async () => {
    const log = captureLog();
    const logged = await appWith({ logLevel: 'info' }, { logger: true, logStream: log.stream });
    const marker = composeIdNumber('330602', '1985-08-08', 31);
    // A statement that fails with the value in its parameters and in the database's message.
    logged.get('/api/failing-statement', { schema: { hide: true } }, async () => p.db.rows(sql`SELECT ${marker}::uuid AS id`));
    const s = await signIn(logged, 'tashan-staff');
    expect((await s.get(`/api/people?q=${marker}`)).statusCode).toBe(200);
    expect((await s.get(`/api/people/export.xlsx?q=${marker}`)).statusCode).toBe(200);
    expect((await s.post('/api/people/lookup', { idNumber: marker })).statusCode).toBe(404);
    expect((await s.get(`/api/no-such-route?q=${marker}`)).statusCode).toBe(404);
    const failed = await s.get('/api/failing-statement');
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain(marker);
    await logged.close();
    const text = log.text();
    expect(text).toContain('/api/people');
    expect(text).toContain('unhandled error');
    expect(text).toContain('22P02'); // the SQLSTATE, so the failure can still be found
    expect(text).not.toContain(marker);
    expect(text).not.toContain(marker.slice(0, 17));
  });
});

describe('every refusal in the error shape', () => {
  it('an upload route sent JSON answers 415', async () => {
    const s = await signIn(app, 'city-data');
    const res = await s.post('/api/imports/people', { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(expectErrorShape(res, 'import as JSON').error.code).toBe('unsupported_media_type');
  });

  it('an upload that is not a well-formed form answers 400', async () => {
    const s = await signIn(app, 'city-data');
    const res = await s.request({
      method: 'POST',
      url: '/api/imports/people',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n身份证号',
    });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res, 'truncated form');
  });

  it('an unknown route answers 404, a body too large 413, a wrong content type 415, broken JSON 400', async () => {
    const s = await signIn(app, 'tashan-staff');
    const unknown = await app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en-US' } });
    expect(unknown.statusCode).toBe(404);
    expect(expectErrorShape(unknown, '404', 'en-US').error.message).toBe('Record not found.');
    const large = await s.post('/api/people', { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(large.statusCode).toBe(413);
    expect(expectErrorShape(large, '413').error.code).toBe('too_large');
    const xml = await s.request({ method: 'POST', url: '/api/people', headers: { 'content-type': 'application/xml' }, payload: '<person/>' });
    expect(xml.statusCode).toBe(415);
    expectErrorShape(xml, '415');
    const broken = await s.request({ method: 'POST', url: '/api/people', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(expectErrorShape(broken, 'broken JSON').error.fields[0]).toMatchObject({ field: '_', code: 'malformedBody' });
  });

  it('a URL or a header past the server’s limit answers 431, a malformed request 400, in the caller’s language', async () => {
    const server = await appWith({});
    await server.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.server.address() as { port: number }).port;
    try {
      const longUrl = await rawHttp(port, `GET /api/people?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nAccept-Language: en-US\r\n\r\n`);
      expect(longUrl.status).toBe(431);
      expect(expectErrorShape({ statusCode: longUrl.status, headers: longUrl.headers, body: longUrl.body }, '431 URL', 'en-US').error.code).toBe('headers_too_large');
      const longHeader = await rawHttp(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'b'.repeat(20_000)}\r\n\r\n`);
      expect(longHeader.status).toBe(431);
      expectErrorShape({ statusCode: longHeader.status, headers: longHeader.headers, body: longHeader.body }, '431 header');
      const malformed = await rawHttp(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n`);
      expect(malformed.status).toBe(400);
      expectErrorShape({ statusCode: malformed.status, headers: malformed.headers, body: malformed.body }, 'malformed header');
      const longParam = await rawHttp(port, `GET /api/people/${'c'.repeat(150)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(longParam.status).toBe(414);
      expectErrorShape({ statusCode: longParam.status, headers: longParam.headers, body: longParam.body }, '414');
      const badUrl = await rawHttp(port, `GET /api/people/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expectErrorShape({ statusCode: badUrl.status, headers: badUrl.headers, body: badUrl.body }, 'bad percent-encoding');
    } finally {
      await server.close();
    }
  });
});

describe('caching and transport headers', () => {
  it('personal data is sent with Cache-Control: no-store', async () => {
    const s = await signIn(app, 'tashan-staff');
    for (const res of [await s.post(`/api/people/${personId}/id-number`), await s.get(`/api/people/${personId}`), await s.get('/api/people'), await s.get('/api/people/export.xlsx')]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('HSTS and upgrade-insecure-requests only over TLS', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(String(plain.headers['content-security-policy'])).toContain("default-src 'self'");
    const tls = await behindProxy.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(tls.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    const proxiedPlain = await behindProxy.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(proxiedPlain.headers['strict-transport-security']).toBeUndefined();
  });

  it('a session cookie issued over TLS is Secure', async () => {
    const res = await login(behindProxy, 'city-admin', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });
});

describe('the configuration a deployment runs in', () => {
  it('production: the API documentation needs a login', async () => {
    const production = await appWith({ mode: 'production' });
    for (const url of ['/api/docs', '/api/docs/json', '/api/openapi.json']) {
      const res = await production.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expectErrorShape(res, url);
    }
    const s = await signIn(production, 'city-admin');
    expect((await s.get('/api/openapi.json')).statusCode).toBe(200);
    expect((await s.get('/api/docs/json')).statusCode).toBe(200);
    expect((await production.inject({ method: 'GET', url: '/api/auth/config' })).json()).toEqual({ mode: 'production' });
  });

  it('demo: the documentation is open, and the mode is public', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    const config = await app.inject({ method: 'GET', url: '/api/auth/config' });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toEqual({ mode: 'demo' });
  });
});
