/**
 * Route-wide probes of what an attacker with an account tries against every route: forged
 * forwarding headers, control characters in every text field, query parameter and path
 * parameter, wrong content types and broken bodies, over-long URLs and parameters, and the
 * cache headers of every answer. The routes come from the OpenAPI document, so a route
 * added later is probed without anyone listing it.
 */
import net from 'node:net';
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Session } from './http.ts';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, with `{name}` parameters. */
  path: string;
  params: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, when the route takes one. */
  body?: JsonSchema;
  /** Whether the route takes a file upload (a multipart form). */
  upload: boolean;
}

/** Every operation of the API as its OpenAPI document lists it. */
export async function apiOperations(app: FastifyInstance, session?: Session): Promise<Operation[]> {
  const res = session ? await session.get('/api/openapi.json') : await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema,
        upload: Boolean(op.requestBody?.content['multipart/form-data']),
      });
    }
  }
  return ops;
}

/** The operation's URL with every path parameter set to `value` (already URL-encoded). */
export function urlOf(op: Operation, value: (param: string) => string = () => crypto.randomUUID()): string {
  return op.params.reduce((u, name) => u.replace(`{${name}}`, value(name)), op.path);
}

/** A query string with a plausible value for each required parameter (its first option, or an id). */
export function requiredQuery(op: Operation): string {
  const pairs = op.query
    .filter((q) => q.required)
    .map((q) => [q.name, String(q.schema.enum?.[0] ?? (q.schema.format === 'uuid' ? crypto.randomUUID() : 'x'))]);
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}

/** A multipart form holding one file. */
export function uploadForm(fileName: string, content = 'x'): { headers: Record<string, string>; payload: string } {
  const boundary = 'probe-boundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  };
}

/** Paths to every text leaf of a JSON schema: object properties, record values, array items, union members. */
export function textFieldPaths(schema: JsonSchema | undefined, at: (string | number)[] = [], out = new Map<string, (string | number)[]>()) {
  if (!schema) return [...out.values()];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('string')) out.set(at.join('.'), at);
  for (const [key, sub] of Object.entries(schema.properties ?? {})) textFieldPaths(sub, [...at, key], out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') textFieldPaths(schema.additionalProperties, [...at, 'k'], out);
  if (schema.items) for (const item of [schema.items].flat()) textFieldPaths(item, [...at, 0], out);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) textFieldPaths(sub, at, out);
  return [...out.values()];
}

/** The smallest value holding `leaf` at `path` (arrays for numeric steps, objects otherwise). */
export function valueAt(path: (string | number)[], leaf: unknown): unknown {
  return path.reduceRight<unknown>((inner, step) => (typeof step === 'number' ? [inner] : { [step]: inner }), leaf);
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * An answer of the error shape: a 4xx with `{error: {code, message, fields}}`, in the language
 * asked for, and never cached.
 */
export function expectErrorShape(res: { statusCode: number; headers: Record<string, unknown>; body: string }, where: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  expect(res.statusCode, `${where}: status ${res.statusCode} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${where}: status ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
  let body: { error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new Error(`${where}: not JSON: ${res.body.slice(0, 200)}`);
  }
  expect(Object.keys(body), `${where}: ${res.body.slice(0, 200)}`).toEqual(['error']);
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
  expect(Array.isArray(body.error?.fields), where).toBe(true);
  const message = String(body.error!.message);
  if (locale === 'zh-CN') expect(message, `${where}: message not in Chinese`).toMatch(CJK);
  else expect(message, `${where}: message not in English`).not.toMatch(CJK);
  expectNoStore(res, where);
  return body as { error: { code: string; message: string; fields: { field: string; code: string; message: string }[] } };
}

export function expectNoStore(res: { headers: Record<string, unknown> }, where: string) {
  expect(String(res.headers['cache-control'] ?? ''), `${where}: Cache-Control`).toContain('no-store');
}

const language = (i: number): 'zh-CN' | 'en-US' => (i % 2 ? 'en-US' : 'zh-CN');

/** Sends the request as the operation's method with a body the route cannot act on. */
function send(session: Session, op: Operation, url: string, headers: Record<string, string>, payload?: unknown) {
  return session.request({ method: op.method, url, headers, payload: op.method === 'GET' ? undefined : ((payload ?? {}) as object) });
}

/** The address forged in the forwarding headers of `probeForgedForwarding`. */
export const FORGED_ADDRESS = '203.0.113.77';

/**
 * Every route with X-Forwarded-For, X-Real-IP, Forwarded, X-Forwarded-Proto and
 * X-Forwarded-Host forged: no answer is a server error or claims TLS (no HSTS, no
 * upgrade-insecure-requests), and every answer is uncached. The caller checks afterwards that
 * the forged address reached neither the audit trail nor a session.
 */
export async function probeForgedForwarding(session: Session, ops: Operation[]): Promise<number> {
  const forged = {
    'x-forwarded-for': FORGED_ADDRESS,
    'x-real-ip': FORGED_ADDRESS,
    forwarded: `for=${FORGED_ADDRESS};proto=https;host=evil.example`,
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'evil.example',
  };
  let n = 0;
  for (const op of ops) {
    const res = await send(session, op, urlOf(op), forged);
    const where = `${op.method} ${op.path}`;
    expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    expect(res.headers['strict-transport-security'], `${where}: HSTS over plain HTTP`).toBeUndefined();
    expect(String(res.headers['content-security-policy'] ?? ''), where).not.toContain('upgrade-insecure-requests');
    expectNoStore(res, where);
    n++;
  }
  return n;
}

const CONTROL = 'a\u0000b';
const CONTROL_IN_URL = 'a%00b';

function expectControlCharacterRefused(res: LightMyRequestResponse, field: string, where: string, locale: 'zh-CN' | 'en-US') {
  const body = expectErrorShape(res, where, locale);
  expect(res.statusCode, where).toBe(400);
  expect(body.error.fields, `${where}: ${res.body}`).toContainEqual(expect.objectContaining({ field, code: 'controlCharacter' }));
}

/**
 * A NUL byte in every text field of every JSON body, in every query parameter, in every path
 * parameter and in the file name of every upload: each is refused with 400 and a field error
 * on that field, in the caller's language. Returns the number of inputs tried.
 */
export async function probeControlCharacters(session: Session, ops: Operation[]): Promise<number> {
  let n = 0;
  for (const op of ops) {
    for (const path of textFieldPaths(op.body)) {
      const locale = language(n++);
      const field = path.length ? path.join('.') : '_';
      const res = await send(session, op, urlOf(op), { 'accept-language': locale }, valueAt(path, CONTROL));
      expectControlCharacterRefused(res, field, `${op.method} ${op.path} body ${field}`, locale);
    }
    for (const { name } of op.query) {
      const locale = language(n++);
      const res = await send(session, op, `${urlOf(op)}?${name}=${CONTROL_IN_URL}`, { 'accept-language': locale });
      expectControlCharacterRefused(res, name, `${op.method} ${op.path} ?${name}`, locale);
    }
    for (const name of op.params) {
      const locale = language(n++);
      const res = await send(session, op, urlOf(op, (p) => (p === name ? CONTROL_IN_URL : crypto.randomUUID())), { 'accept-language': locale });
      expectControlCharacterRefused(res, name, `${op.method} ${op.path} {${name}}`, locale);
    }
    if (op.upload) {
      const locale = language(n++);
      const form = uploadForm(`people${CONTROL}.csv`);
      const res = await session.request({ method: op.method, url: urlOf(op) + requiredQuery(op), headers: { ...form.headers, 'accept-language': locale }, payload: form.payload });
      expectControlCharacterRefused(res, 'file', `${op.method} ${op.path} file name`, locale);
    }
  }
  return n;
}

/**
 * Every route that takes a request body, sent an unsupported content type (415), broken JSON
 * (400), and — for JSON routes — a multipart form, for the multipart route JSON: each a 4xx
 * of the error shape in the caller's language. Returns the number of requests.
 */
export async function probeContentTypes(session: Session, ops: Operation[]): Promise<number> {
  let n = 0;
  for (const op of ops.filter((o) => o.method !== 'GET')) {
    const where = `${op.method} ${op.path}`;
    const url = urlOf(op);
    let locale = language(n++);
    const xml = await session.request({ method: op.method, url, headers: { 'content-type': 'application/xml', 'accept-language': locale }, payload: '<person/>' });
    expect(expectErrorShape(xml, `${where} as XML`, locale).error.code).toBe('unsupported_media_type');
    expect(xml.statusCode).toBe(415);

    locale = language(n++);
    const broken = await session.request({ method: op.method, url, headers: { 'content-type': 'application/json', 'accept-language': locale }, payload: '{"name": "unfinished' });
    expect(broken.statusCode, `${where} broken JSON`).toBe(400);
    expectErrorShape(broken, `${where} broken JSON`, locale);

    locale = language(n++);
    if (op.body) {
      const form = uploadForm('people.csv');
      const res = await session.request({ method: op.method, url, headers: { ...form.headers, 'accept-language': locale }, payload: form.payload });
      expectErrorShape(res, `${where} as a multipart form`, locale);
    } else if (op.upload) {
      const res = await session.request({ method: op.method, url: url + requiredQuery(op), headers: { 'accept-language': locale }, payload: { file: 'x' } });
      expect(res.statusCode, `${where} as JSON`).toBe(415);
      expectErrorShape(res, `${where} as JSON`, locale);
    }
  }
  return n;
}

/** One raw HTTP/1.1 exchange over a socket, for what an HTTP client library would not send. */
export function rawHttp(port: number, request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => (chunks.length ? undefined : reject(err)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(request);
  });
}

function rawRequest(op: Operation, url: string, locale: string): string {
  const body = op.method === 'GET' ? '' : '{}';
  return (
    `${op.method} ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: ${locale}\r\nConnection: close\r\n` +
    (body ? `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` : '') +
    `\r\n${body}`
  );
}

/**
 * Every route over a real socket with a URL past the server's header limit (431) and every path
 * parameter past the router's limit (414): each answered in the error shape and the caller's
 * language. Returns the number of requests.
 */
export async function probeLongUrls(port: number, ops: Operation[]): Promise<number> {
  let n = 0;
  const padding = 'a'.repeat(20_000);
  for (const op of ops) {
    let locale = language(n++);
    const long = await rawHttp(port, rawRequest(op, `${urlOf(op)}?pad=${padding}`, locale));
    expect(long.status, `${op.method} ${op.path} with a long URL`).toBe(431);
    expectErrorShape({ statusCode: long.status, headers: long.headers, body: long.body }, `${op.method} ${op.path} with a long URL`, locale);
    if (op.params.length) {
      locale = language(n++);
      const res = await rawHttp(port, rawRequest(op, urlOf(op, () => 'b'.repeat(150)), locale));
      expect(res.status, `${op.method} ${op.path} with a long parameter`).toBe(414);
      expectErrorShape({ statusCode: res.status, headers: res.headers, body: res.body }, `${op.method} ${op.path} with a long parameter`, locale);
    }
  }
  return n;
}

/**
 * Every GET route answered with `Cache-Control: no-store`, whatever it answers (lists of people,
 * records, exports and refusals alike). Returns the number of requests.
 */
export async function probeCacheHeaders(session: Session, ops: Operation[]): Promise<number> {
  let n = 0;
  for (const op of ops.filter((o) => o.method === 'GET')) {
    const res = await session.get(urlOf(op));
    expectNoStore(res, `GET ${op.path} (${res.statusCode})`);
    n++;
  }
  return n;
}
