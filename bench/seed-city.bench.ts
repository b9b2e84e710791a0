/**
 * `seed --scale city` on the local PostgreSQL: the whole admin tree and population base,
 * the demo users and every child 0–17 and person 60+ (about 2.2 million people). The
 * baseline is a raw COPY of the same number of rows of the same width into a bare table.
 * Target: under 5 minutes.
 */
import postgres from 'postgres';
import { seedPlatform } from '../src/seed/index.ts';
import { freshDatabase, platformOn, report, timed } from './support.ts';

const db = await freshDatabase('city');
const p = await platformOn(db.url);
// When each step of the seed began, from its progress reports.
const started = Date.now();
const stepStart = new Map<string, number>();
const seed = await timed(() =>
  seedPlatform(p, {
    scale: 'city',
    seed: 1,
    onProgress: (step) => {
      if (!stepStart.has(step)) stepStart.set(step, (Date.now() - started) / 1000);
    },
  }),
);
const healthSeconds = stepStart.has('health') ? seed.seconds - stepStart.get('health')! : 0;
console.log(`seed --scale city: ${seed.seconds.toFixed(1)} s`, seed.result);
const [{ bytes }] = await p.db.rows<{ bytes: number }>(
  (await import('drizzle-orm')).sql`SELECT (avg(pg_column_size(p.*)))::int AS bytes FROM (SELECT * FROM persons LIMIT 10000) p`,
);
await p.db.close();

const sql = postgres(db.url, { max: 1, onnotice: () => {} });
await sql`CREATE TABLE raw_rows (payload text)`;
const rows = seed.result.people;
const copy = await timed(async () => {
  const stream = await sql`COPY raw_rows FROM STDIN`.writable();
  const line = 'x'.repeat(Math.max(bytes - 24, 10)) + '\n';
  const chunk = line.repeat(10_000);
  for (let i = 0; i < rows; i += 10_000) {
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  }
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end();
  });
});
await sql.end();
await db.drop();

const h = seed.result.health;
const healthLine = h
  ? `, infant-health records of ${h.children.toLocaleString('en')} children under 3 (${h.measurements.toLocaleString('en')} measurements, ${h.screenings.toLocaleString('en')} screenings, ${h.referrals.toLocaleString('en')} referrals, ${h.vaccinations.toLocaleString('en')} vaccinations, ${h.visits.toLocaleString('en')} newborn visits)`
  : '';
await report('City-scale seed', [
  '| step | seconds |',
  '| --- | ---: |',
  `| \`seed --scale city\`: ${seed.result.units.toLocaleString('en')} units, population base, ${seed.result.users} users, ${seed.result.people.toLocaleString('en')} people (generated, encrypted, COPY)${healthLine} | ${seed.seconds.toFixed(1)} |`,
  `| raw COPY of ${rows.toLocaleString('en')} rows of the same average width (${bytes} bytes) into a bare table (floor) | ${copy.seconds.toFixed(1)} |`,
  '',
  `Of which the infant-health records (from the first health progress report to the end): ${healthSeconds.toFixed(1)} s.`,
  '',
  `Target: under 5 minutes — ${seed.seconds < 300 ? 'met' : 'not met'}.`,
]);
