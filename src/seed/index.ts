import { sql } from 'drizzle-orm';
import type { Platform } from '../app/context.ts';
import { systemActor, type Actor } from '../app/scope.ts';
import { appendAudit } from '../modules/audit/index.ts';
import { generatePopulationBase } from '../modules/org/index.ts';
import { createUser, type Role } from '../modules/access/index.ts';
import { personCopyRow, PERSON_COPY_COLUMNS } from '../modules/people/index.ts';
import divisions from '../modules/org/data/shaoxing-divisions.json' with { type: 'json' };
import { toCsvRow } from '../app/csv.ts';
import { createRng } from '../app/random.ts';
import { generateVillagePeople, type VillageQuota } from './people.ts';
import { seedHealth, type HealthSeedResult } from '../modules/health/index.ts';
import { seedSubsidyRules, seedSubsidies } from '../modules/subsidies/index.ts';
import { seedGrading } from '../modules/grading/index.ts';
import { seedSupervision } from '../modules/supervision/index.ts';
import { CHILDCARE_DEMO_USERS, assignDemoReviewers, seedChildcare } from '../modules/childcare/index.ts';
import { seedAdmission } from '../modules/admission/index.ts';
import { refreshIndicators } from '../modules/indicators/index.ts';
import { seedUnitLocations } from '../modules/geo/index.ts';
import { seedProtection } from '../modules/protection/index.ts';
import { seedElderly } from '../modules/elderly/index.ts';
import { HOMECARE_DEMO_USERS, seedHomecare } from '../modules/homecare/index.ts';
import { seedFeeds } from '../modules/feeds/index.ts';
import { seedWelfare } from '../modules/welfare/index.ts';

export type Scale = 'base' | 'demo' | 'city';

export interface SeedOptions {
  scale: Scale;
  seed: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

/** Years with a population base: the indicator years of SPEC §4 up to the current one. */
export const POPULATION_YEARS = [2022, 2023, 2024, 2025, 2026];

/**
 * The demo is a miniature of the city: its population base is 6 % of the city's in every unit,
 * and it holds 60 of the city scale's 1,000 childcare centers, so that the cockpit's ratios
 * (places per 1,000 residents, screening rates …) come out as a real city's would
 * (docs/population-base.md). The base scale has the full base and no records.
 */
export const BASE_SHARE: Record<Scale, number> = { base: 1, demo: 0.06, city: 1 };

/** Share of each village's children and elderly (of its base) loaded as people records, by scale. */
const PEOPLE_SHARE: Record<Scale, number> = { base: 0, demo: 1, city: 1 };

export const DEMO_PASSWORD = 'kangyu-demo';

/** The demo accounts listed in README.md. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; unitCode: string }[] = [
  { username: 'city-admin', displayName: '市平台管理员', role: 'admin', unitCode: '3306' },
  { username: 'yuecheng-admin', displayName: '越城区管理员', role: 'admin', unitCode: '330602' },
  { username: 'shengzhou-admin', displayName: '嵊州市管理员', role: 'admin', unitCode: '330683' },
  { username: 'city-health', displayName: '市卫健委 王科长', role: 'city_official', unitCode: '3306' },
  { username: 'yuecheng-health', displayName: '越城区卫健局 陈科员', role: 'county_official', unitCode: '330602' },
  { username: 'shengzhou-health', displayName: '嵊州市卫健局 俞科员', role: 'county_official', unitCode: '330683' },
  { username: 'tashan-staff', displayName: '塔山街道 李干事', role: 'township_staff', unitCode: '330602001' },
  { username: 'tashan-director', displayName: '塔山街道 儿童督导员 周老师', role: 'child_director', unitCode: '330602001' },
  { username: 'city-data', displayName: '市民政局 数据专员', role: 'data_officer', unitCode: '3306' },
  { username: 'tashan-doctor', displayName: '塔山街道社区卫生服务中心 儿保医生 孙医生', role: 'health_doctor', unitCode: '330602001' },
  { username: 'tashan-parent', displayName: '家长 沈女士', role: 'parent', unitCode: '330602001' },
  ...CHILDCARE_DEMO_USERS,
  ...HOMECARE_DEMO_USERS,
];

interface DivisionUnit {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
  kind: string;
}

export async function isSeeded(p: Platform): Promise<boolean> {
  const [row] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM org_units`);
  return row.n > 0;
}

/**
 * Loads the Shaoxing admin tree with its population base, the demo users and, by scale,
 * synthetic people. Deterministic for a seed. Refuses a database that already has data.
 */
export async function seedPlatform(p: Platform, opts: SeedOptions): Promise<{ units: number; people: number; users: number; health: HealthSeedResult | null }> {
  if (await isSeeded(p)) throw new Error('The database already holds data; seed a new, empty database.');
  const rng = createRng(opts.seed);
  const progress = opts.onProgress ?? (() => {});
  const units = (divisions as { units: DivisionUnit[]; year: number }).units;
  const year = (divisions as { year: number }).year;

  // Flags of the tree that planning rules use: future communities/villages and new residential areas.
  const flags = createRng(opts.seed).fork('flags');
  progress('units', 0, units.length);
  await p.db.copyCsv(
    'org_units',
    ['code', 'name', 'level', 'parent_code', 'kind', 'urban', 'future_community', 'residential_area', 'division_year'],
    units
      .map((u) => {
        const urban = u.kind === 'community' || u.kind === 'street';
        const future = u.level === 4 && flags.chance(u.kind === 'community' ? 0.08 : 0.04);
        const residential = u.level === 4 ? (u.kind === 'community' && flags.chance(0.15) ? 'new' : 'existing') : null;
        return toCsvRow([u.code, u.name, u.level, u.parent, u.kind, urban, future, residential, year]);
      })
      .join('\n') + '\n',
  );
  progress('units', units.length, units.length);

  const population = generatePopulationBase(units, POPULATION_YEARS, rng.fork('population'), BASE_SHARE[opts.scale]);
  progress('population', 0, population.length);
  await p.db.copyCsv(
    'org_unit_population',
    ['unit_code', 'year', 'residents', 'children_0_2', 'children_0_17', 'elderly_60', 'elderly_65'],
    population.map((r) => toCsvRow([r.unitCode, r.year, r.residents, r.children0to2, r.children0to17, r.elderly60, r.elderly65])).join('\n') + '\n',
  );
  await p.db.orm.execute(sql`UPDATE org_population_share SET share = ${BASE_SHARE[opts.scale]}`);
  progress('population', population.length, population.length);

  const actor: Actor = systemActor('seed');
  progress('users', 0, DEMO_USERS.length);
  for (const [i, u] of DEMO_USERS.entries()) {
    await createUser(p, actor, { ...u, password: DEMO_PASSWORD });
    progress('users', i + 1, DEMO_USERS.length);
  }
  await assignDemoReviewers(p);

  await seedSubsidyRules(p.db.orm);
  const people = await seedPeople(p, PEOPLE_SHARE[opts.scale], population, units, rng.fork('people'), progress);
  const health =
    opts.scale === 'base' ? null : await seedHealth(p, rng.fork('health'), { parentUsername: 'tashan-parent', onProgress: (done, total) => progress('health', done, total) });
  // Units get their map points first, so that the facilities seeded next stand in their own township.
  const geoRng = createRng(opts.seed).fork('geo');
  await seedUnitLocations(p, () => geoRng.next());
  const points = new Map(
    (await p.db.rows<{ unit_code: string; lon: number; lat: number }>(sql`SELECT unit_code, lon::float8 AS lon, lat::float8 AS lat FROM unit_locations`)).map((r) => [r.unit_code, { lon: r.lon, lat: r.lat }]),
  );
  if (opts.scale !== 'base')
    await seedChildcare(p, rng.fork('childcare'), opts.scale, (done, total) => progress('childcare', done, total), (code) => points.get(code) ?? null);
  if (opts.scale !== 'base') {
    progress('quality', 0, 3);
    await seedGrading(p, rng.fork('grading'));
    progress('quality', 1, 3);
    await seedSupervision(p, rng.fork('supervision'));
    progress('quality', 2, 3);
    await seedSubsidies(p, rng.fork('subsidies'));
    progress('quality', 3, 3);
  }
  if (opts.scale !== 'base') {
    progress('admission', 0, 1);
    await seedAdmission(p, rng.fork('admission'), { scale: opts.scale, parentUsername: 'tashan-parent' });
    progress('admission', 1, 1);
  }
  if (opts.scale !== 'base') {
    progress('protection', 0, 1);
    await seedProtection(p, rng.fork('protection'), { password: DEMO_PASSWORD });
    progress('protection', 1, 1);
    progress('welfare', 0, 1);
    await seedWelfare(p, rng.fork('welfare'), opts.scale === 'city' ? { count: 20_000, tashan: 200 } : { count: 400, tashan: 40 });
    progress('welfare', 1, 1);
  }

  progress('elderly', 0, 1);
  await seedElderly(p, rng.fork('elderly'), opts.scale);
  progress('elderly', 1, 1);
  if (opts.scale !== 'base') {
    progress('homecare', 0, 1);
    await seedHomecare(p, rng.fork('homecare'));
    progress('homecare', 1, 1);
  }
  // Planner statistics for everything loaded so far (the embedded database has no autovacuum),
  // so the feeds' joins of people with facts are planned as joins, not row-by-row lookups.
  await p.db.exec('ANALYZE');
  await seedFeeds(p, rng.fork('feeds'), { scale: opts.scale, password: DEMO_PASSWORD, onProgress: (done, total) => progress('feeds', done, total) });
  progress('indicators', 0, 1);
  await refreshIndicators(p, actor, 'seed');
  progress('indicators', 1, 1);

  await p.db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO kangyu_meta (key, value) VALUES ('seed', ${JSON.stringify({ scale: opts.scale, seed: opts.seed })}::jsonb)
          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    );
    await appendAudit(tx, actor, {
      action: 'seed',
      unitCode: '3306',
      detail: { scale: opts.scale, seed: opts.seed, units: units.length, people, users: DEMO_USERS.length },
    });
  });
  return { units: units.length, people, users: DEMO_USERS.length, health };
}

async function seedPeople(
  p: Platform,
  share: number,
  population: ReturnType<typeof generatePopulationBase>,
  units: DivisionUnit[],
  rng: ReturnType<typeof createRng>,
  progress: NonNullable<SeedOptions['onProgress']>,
): Promise<number> {
  if (share === 0) return 0;
  const latest = Math.max(...POPULATION_YEARS);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const quotas: VillageQuota[] = population
    .filter((r) => r.year === latest && r.unitCode.length === 12)
    .map((r) => ({
      code: r.unitCode,
      name: names.get(r.unitCode)!,
      townshipName: names.get(r.unitCode.slice(0, 9))!,
      children: Math.round(r.children0to17 * share),
      infants: Math.min(Math.round(r.children0to2 * share), Math.round(r.children0to17 * share)),
      elderly: Math.round(r.elderly60 * share),
    }));
  const total = quotas.reduce((s, q) => s + q.children + q.elderly, 0);
  const today = p.today();
  const sequences = new Map<string, number>();
  let batch: string[] = [];
  let done = 0;
  // One COPY in flight while the next batch is generated: the database and the generator
  // (encryption included) work at the same time.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (rows: string[]): Promise<void> => {
    await inFlight;
    inFlight = p.db.copyCsv('persons', PERSON_COPY_COLUMNS, rows.join('\n') + '\n').then(() => {
      done += rows.length;
      progress('people', done, total);
    });
  };
  progress('people', 0, total);
  for (const q of quotas) {
    for (const person of generateVillagePeople(rng, q, today, sequences)) {
      batch.push(toCsvRow(personCopyRow(p.keys, person, 'seed')));
      if (batch.length >= 20_000) {
        await flush(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await flush(batch);
  await inFlight;
  return done;
}
