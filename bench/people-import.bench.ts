/**
 * Importing 1,000,000 people from CSV through the platform's import path (validation,
 * encryption, existence check, COPY, row-level errors, audit) against a raw COPY of the
 * same file into a bare table: the floor. Target: within 3× of the raw COPY.
 *
 * A second floor shows what the required storage costs by itself: COPY of the same people,
 * already validated and encrypted outside the timing, into a table of the persons table's
 * shape (time-ordered key, unique lookup hash, unit/birth and name indexes, foreign key to
 * the admin tree). Also measured: re-importing the same file (every row unchanged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import postgres from 'postgres';
import { createRng } from '../src/app/random.ts';
import { generateVillagePeople } from '../src/seed/people.ts';
import { seedPlatform } from '../src/seed/index.ts';
import { importPeopleFile } from '../src/modules/imports/index.ts';
import { systemActor } from '../src/app/scope.ts';
import { readCsv, toCsvRow } from '../src/app/csv.ts';
import { uuidv7 } from '../src/db/uuid.ts';
import { encryptIdNumber, hashIdNumber, maskIdNumber, personSchema, checkPerson } from '../src/modules/people/index.ts';
import { mapHeader, rowToPersonInput } from '../src/modules/imports/peopleCsv.ts';
import type { Platform } from '../src/app/context.ts';
import divisions from '../src/modules/org/data/shaoxing-divisions.json' with { type: 'json' };
import { WORK_DIR, freshDatabase, platformOn, report, timed } from './support.ts';

const ROWS = Number(process.env.BENCH_ROWS || 1_000_000);

/** A deterministic CSV of ROWS valid people spread over every village of the city. */
function writeCsv(file: string): void {
  if (fs.existsSync(file)) return;
  const units = (divisions as { units: { code: string; name: string; level: number }[] }).units;
  const names = new Map(units.map((u) => [u.code, u.name]));
  const villages = units.filter((u) => u.level === 4);
  const perVillage = Math.ceil(ROWS / villages.length);
  const rng = createRng(42);
  const sequences = new Map<string, number>();
  const out: string[] = ['身份证号,姓名,性别,出生日期,所属村社区代码,联系电话,地址'];
  let n = 0;
  for (const v of villages) {
    const quota = { code: v.code, name: v.name, townshipName: names.get(v.code.slice(0, 9))!, children: Math.floor(perVillage / 2), infants: Math.floor(perVillage / 12), elderly: perVillage - Math.floor(perVillage / 2) };
    for (const p of generateVillagePeople(rng, quota, '2026-11-23', sequences)) {
      if (n++ >= ROWS) break;
      out.push([p.idNumber, p.name, p.sex === 'male' ? '男' : '女', p.birthDate, p.unitCode, p.phone ?? '', p.address].join(','));
    }
  }
  fs.writeFileSync(file, out.join('\n') + '\n');
}

async function rawCopy(url: string, file: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`CREATE TABLE raw_people (id_number text, name text, sex text, birth_date text, unit_code text, phone text, address text)`;
  const { seconds } = await timed(async () => {
    const stream = await sql`COPY raw_people FROM STDIN WITH (FORMAT csv, HEADER true)`.writable();
    await pipeline(fs.createReadStream(file), stream);
  });
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM raw_people`;
  await sql.end();
  if (n < ROWS * 0.99) throw new Error(`raw COPY loaded ${n} rows`);
  return seconds;
}

/** COPY of pre-encrypted rows into a copy of the persons table's shape; returns seconds. */
async function sameShapeCopy(p: Platform, url: string, file: string): Promise<number> {
  const schema = personSchema(() => '2026-11-23');
  const ready: string[] = [];
  let columns: ReturnType<typeof mapHeader>['columns'] | undefined;
  for await (const batch of readCsv(fs.createReadStream(file))) {
    for (const { fields } of batch) {
      if (!columns) {
        columns = mapHeader(fields).columns;
        continue;
      }
      const c = checkPerson(schema, rowToPersonInput(columns, fields));
      if (!c.ok) continue;
      const x = c.person;
      ready.push(
        toCsvRow([uuidv7(), x.unitCode, x.name, x.sex, x.birthDate, `\\x${encryptIdNumber(p.keys, x.idNumber).toString('hex')}`,
          `\\x${hashIdNumber(p.keys, x.idNumber).toString('hex')}`, maskIdNumber(x.idNumber), x.phone, x.address, 'bench']),
      );
    }
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`CREATE TABLE persons_shape (LIKE persons INCLUDING ALL)`;
  await sql`ALTER TABLE persons_shape ADD FOREIGN KEY (unit_code) REFERENCES org_units (code)`;
  const { seconds } = await timed(async () => {
    const stream = await sql`COPY persons_shape (id, unit_code, name, sex, birth_date, id_cipher, id_hash, id_masked, phone, address, source) FROM STDIN WITH (FORMAT csv)`.writable();
    await pipeline(Readable.from(chunks(ready)), stream);
  });
  await sql`DROP TABLE persons_shape`;
  await sql.end();
  return seconds;
}

function* chunks(rows: string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += 10_000) yield rows.slice(i, i + 10_000).join('\n') + '\n';
}

fs.mkdirSync(WORK_DIR, { recursive: true });
const file = path.join(WORK_DIR, `people-${ROWS}.csv`);
writeCsv(file);
const lines = fs.readFileSync(file, 'utf8').split('\n').length - 2;
console.log(`CSV: ${lines} rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`);

const base = await freshDatabase('raw');
const copySeconds = await rawCopy(base.url, file);
await base.drop();
console.log(`raw COPY: ${copySeconds.toFixed(2)} s`);

const db = await freshDatabase('import');
const p = await platformOn(db.url);
await seedPlatform(p, { scale: 'base', seed: 1 });
const shapeSeconds = await sameShapeCopy(p, db.url, file);
console.log(`same-shape COPY: ${shapeSeconds.toFixed(2)} s`);
const actor = systemActor('bench');
const first = await timed(() => importPeopleFile(p, actor, file));
console.log(`import: ${first.seconds.toFixed(2)} s`, first.result);
const again = await timed(() => importPeopleFile(p, actor, file));
console.log(`re-import: ${again.seconds.toFixed(2)} s`, again.result);
await p.db.close();
await db.drop();

const ratio = first.seconds / copySeconds;
await report('People import, 1,000,000 rows', [
  '| path | seconds | rows/s | vs raw COPY |',
  '| --- | ---: | ---: | ---: |',
  `| raw \`COPY\` of the file into a bare text table (floor) | ${copySeconds.toFixed(2)} | ${Math.round(lines / copySeconds).toLocaleString('en')} | 1.00× |`,
  `| \`COPY\` of the same people, pre-validated and pre-encrypted, into a table of the persons shape (storage floor) | ${shapeSeconds.toFixed(2)} | ${Math.round(lines / shapeSeconds).toLocaleString('en')} | ${(shapeSeconds / copySeconds).toFixed(2)}× |`,
  `| platform import (read, validate, hash, check existing, encrypt, COPY, errors, audit) | ${first.seconds.toFixed(2)} | ${Math.round(lines / first.seconds).toLocaleString('en')} | ${ratio.toFixed(2)}× |`,
  `| platform re-import of the same file (all unchanged) | ${again.seconds.toFixed(2)} | ${Math.round(lines / again.seconds).toLocaleString('en')} | ${(again.seconds / copySeconds).toFixed(2)}× |`,
  '',
  `Imported ${first.result.rowsInserted.toLocaleString('en')} new, ${first.result.rowsFailed} failed; re-import: ${again.result.rowsUnchanged.toLocaleString('en')} unchanged. ` +
    `Target: within 3× of raw COPY — ${ratio <= 3 ? 'met' : `not met (${ratio.toFixed(1)}×; ${(first.seconds / shapeSeconds).toFixed(1)}× the storage floor)`}.`,
]);
