/**
 * Indicators at city scale, on the local PostgreSQL, in one run against their baselines:
 * 1. full recomputation of every indicator for every unit and year vs. a bare sequential scan
 *    of the same source tables (the floor; target: within 5× of it);
 * 2. cockpit API latency (p50/p95) under concurrent load, answered from stored results, vs. a
 *    bare Node HTTP server answering a fixed body of the same size;
 * 3. the 15-minute analysis for every village and a 250 m population grid of the city vs. a
 *    brute-force nearest-facility scan of the same input.
 * The city-scale database is built once (`seed --scale city` into BENCH_IND_DB, default
 * kangyu_bench_ind) and reused.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { dbUrl, platformOn, report, timed } from './support.ts';
import { buildApp } from '../src/app/app.ts';
import { systemActor } from '../src/app/scope.ts';
import { refreshIndicators } from '../src/modules/indicators/index.ts';
import { populationGrid, serviceCircle, serviceCircleBruteForce } from '../src/modules/geo/index.ts';
import { DEMO_PASSWORD } from '../src/seed/index.ts';

const DB = process.env.BENCH_IND_DB || 'kangyu_bench_ind';
const REQUESTS = 3000;
const CONCURRENCY = 32;

const loadBefore = os.loadavg()[0];
const p = await platformOn(dbUrl(DB));
const [{ persons }] = await p.db.rows<{ persons: number }>(sql`SELECT count(*)::int AS persons FROM persons`);
if (persons < 500_000) throw new Error(`${DB} does not hold a city-scale seed (${persons} people); run: KANGYU_MASTER_KEY=${Buffer.alloc(32, 9).toString('base64')} DATABASE_URL=${dbUrl(DB)} kangyu seed --scale city (the benchmarks' key)`);

// ---- 1. recomputation vs. the floor ----
const tables = (
  await p.db.rows<{ t: string }>(sql`SELECT DISTINCT unnest(m.source_tables) AS t FROM indicator_measures m
    JOIN indicators i ON i.active AND (i.numerator = m.code OR i.denominator = m.code) ORDER BY 1`)
).map((r) => r.t);
const rowCounts: Record<string, number> = {};
async function floorScan(): Promise<number> {
  const { seconds } = await timed(() =>
    p.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexonlyscan = off`);
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
      for (const t of tables) {
        const [r] = await p.db.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${t}`), tx);
        rowCounts[t] = r.n;
      }
    }),
  );
  return seconds;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await floorScan(); // warm the cache for both sides alike
const floors: number[] = [];
const refreshes: number[] = [];
let values = 0;
for (let i = 0; i < 3; i++) {
  floors.push(await floorScan());
  const r = await timed(() => refreshIndicators(p, systemActor('bench'), 'manual'));
  refreshes.push(r.seconds);
  values = r.result.values;
}
const floor = median(floors);
const refresh = median(refreshes);

// ---- 2. cockpit API under load vs. a bare Node server ----
const app = await buildApp(p, { webDir: null });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-health', password: DEMO_PASSWORD }) });
const cookie = String(login.headers.get('set-cookie')).split(';')[0];
const counties = ['3306', '330602', '330603', '330604', '330624', '330681', '330683'];
const codes = (await p.db.rows<{ code: string }>(sql`SELECT code FROM indicators WHERE active ORDER BY code`)).map((r) => r.code);
const cockpitUrl = (i: number) => `${base}/api/indicators/cockpit?indicator=${codes[i % codes.length]}&unit=${counties[i % counties.length]}`;
const sample = await (await fetch(cockpitUrl(0), { headers: { cookie } })).text();

async function load(url: (i: number) => string, headers: Record<string, string>): Promise<{ p50: number; p95: number; rps: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= REQUESTS) return;
        const t0 = performance.now();
        const res = await fetch(url(i), { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url(i)}: ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)], rps: REQUESTS / total };
}
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(sample);
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
await load(() => bareUrl, {}); // warm up both
await load(cockpitUrl, { cookie });
const bareLoad = await load(() => bareUrl, {});
const cockpitLoad = await load(cockpitUrl, { cookie });
bare.close();
await app.close();

// ---- 3. 15-minute analysis vs. brute force ----
const villages = await p.db.rows<{ code: string; lon: number; lat: number; population: number }>(sql`
  SELECT u.code, l.lon, l.lat, pop.residents AS population FROM org_units u JOIN unit_locations l ON l.unit_code = u.code
  JOIN org_unit_population pop ON pop.unit_code = u.code AND pop.year = (SELECT max(year) FROM org_unit_population) WHERE u.level = 4`);
const facilities = await p.db.rows<{ id: string; lon: number; lat: number; capacity: number }>(sql`
  SELECT c.id::text AS id, l.lon, l.lat, c.child_health_staff::float8 AS capacity FROM child_health_centers c JOIN unit_locations l ON l.unit_code = c.unit_code
  UNION ALL
  SELECT c.id::text, coalesce(c.lon, l.lon), coalesce(c.lat, l.lat), (SELECT coalesce(sum(k.capacity), 0) FROM childcare_classes k WHERE k.center_id = c.id)::float8
  FROM childcare_centers c JOIN unit_locations l ON l.unit_code = c.unit_code`);
const grid = populationGrid(villages, 250, 500);
const points = [...villages, ...grid];
const indexed = await timed(async () => serviceCircle(points, facilities));
const brute = await timed(async () => serviceCircleBruteForce(points, facilities));
const same = JSON.stringify(indexed.result) === JSON.stringify(brute.result);
await p.db.close();

const fmt = (s: number) => `${(s * 1000).toFixed(0)} ms`;
await report('Indicators: recomputation, cockpit API, 15-minute circle (city scale)', [
  `Load average of the machine (shared with other work) at the start: ${loadBefore.toFixed(1)} on ${os.cpus().length} cores.`,
  '',
  `Database: ${DB}, a \`seed --scale city\` (${persons.toLocaleString('en')} people). Source tables of the active indicators: ${tables.map((t) => `${t} ${rowCounts[t].toLocaleString('en')}`).join(', ')}.`,
  '',
  '| measurement | platform | baseline | ratio |',
  '| --- | --- | --- | --- |',
  `| full recomputation of ${codes.length} indicators × every unit × every year (${values.toLocaleString('en')} values), median of 3 | ${fmt(refresh)} | bare sequential scan of the same tables: ${fmt(floor)} | ${(refresh / floor).toFixed(1)}× (target ≤ 5×) |`,
  `| cockpit API p50 / p95, ${REQUESTS} requests, ${CONCURRENCY} concurrent, stored results | ${cockpitLoad.p50.toFixed(1)} / ${cockpitLoad.p95.toFixed(1)} ms (${cockpitLoad.rps.toFixed(0)} req/s) | bare Node HTTP server, same body (${(sample.length / 1024).toFixed(1)} KiB): ${bareLoad.p50.toFixed(1)} / ${bareLoad.p95.toFixed(1)} ms (${bareLoad.rps.toFixed(0)} req/s) | p95 ${(cockpitLoad.p95 / bareLoad.p95).toFixed(1)}× |`,
  `| 15-minute circle: ${villages.length.toLocaleString('en')} villages + ${grid.length.toLocaleString('en')} cells of 250 m, ${facilities.length} facilities | ${fmt(indexed.seconds)} (grid index) | brute-force scan: ${fmt(brute.seconds)} | ${(brute.seconds / indexed.seconds).toFixed(1)}× faster; same answer: ${same ? 'yes' : 'NO'} |`,
]);
if (!same) process.exit(1);
