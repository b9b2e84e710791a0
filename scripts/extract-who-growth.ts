/**
 * Extracts the WHO Child Growth Standards (2006) LMS parameters the platform ships from the
 * `jsgrowup` package (npm, BSD-3-Clause, © UNICEF and individual contributors; a port of
 * pygrowup), which carries WHO's published tables as JSON in `tables/`:
 *
 *  - weekly tables for 0–13 weeks (`*_0_13_zscores.json`) and monthly tables for 0–60 months
 *    (`*_0_5`, `*_0_2`, `*_2_5`) of weight-for-age, length/height-for-age, head
 *    circumference-for-age and BMI-for-age, merged into one series per indicator and sex,
 *    indexed by age in days: week w at 7·w days, month m at m × 30.4375 days (WHO's month);
 *    monthly rows are used from the first month past week 13 (month 3 = 91.3 days);
 *  - weight-for-length (45–110 cm) and weight-for-height (65–120 cm) at 0.5 cm steps.
 *
 * Length-for-age (recumbent) and BMI-for-age on length cover 0–24 months; height-for-age
 * (standing) and BMI-for-age on height cover 24–60 months. The data are © WHO.
 *
 * Run with `node scripts/extract-who-growth.ts`; `test/data/who-growth.test.ts` checks the
 * committed file against a fresh extraction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const tablesDir = path.join(path.dirname(require.resolve('jsgrowup/package.json')), 'tables');

/** One row of a table: [index (age in days, or length/height in cm), L, M, S]. */
export type LmsRow = [number, number, number, number];

export type WhoTable =
  | 'weight-for-age'
  | 'length-for-age'
  | 'height-for-age'
  | 'head-for-age'
  | 'bmi-for-age-length'
  | 'bmi-for-age-height'
  | 'weight-for-length'
  | 'weight-for-height';

export interface WhoGrowthFile {
  standard: string;
  source: string;
  licence: string;
  index: Record<WhoTable, string>;
  files: Record<WhoTable, string[]>;
  tables: Record<WhoTable, { male: LmsRow[]; female: LmsRow[] }>;
}

/** WHO's month: 365.25 / 12 days (WHO Anthro, igrowup). */
export const DAYS_PER_MONTH = 30.4375;
const LAST_WEEK_DAY = 13 * 7;

type RawRow = Record<string, string>;

function read(name: string): RawRow[] {
  return JSON.parse(fs.readFileSync(path.join(tablesDir, `${name}_zscores.json`), 'utf8')) as RawRow[];
}

function lms(r: RawRow, index: number): LmsRow {
  return [index, Number(r.L), Number(r.M), Number(r.S)];
}

/** Weekly rows for 0–13 weeks, then monthly rows past week 13, by age in days. */
function byAge(weekly: string | null, monthly: string, fromMonth = 0, toMonth = 60): LmsRow[] {
  const rows: LmsRow[] = [];
  if (weekly) for (const r of read(weekly)) rows.push(lms(r, Number(r.Week) * 7));
  for (const r of read(monthly)) {
    const m = Number(r.Month);
    const days = m * DAYS_PER_MONTH;
    if (m < fromMonth || m > toMonth || (weekly && days <= LAST_WEEK_DAY)) continue;
    rows.push(lms(r, days));
  }
  return rows.sort((a, b) => a[0] - b[0]);
}

function byLength(name: string, key: 'Length' | 'Height'): LmsRow[] {
  return read(name)
    .map((r) => lms(r, Number(r[key])))
    .sort((a, b) => a[0] - b[0]);
}

const SEXES = { male: 'boys', female: 'girls' } as const;

const PLAN: Record<WhoTable, { index: string; build: (sex: 'boys' | 'girls') => [LmsRow[], string[]] }> = {
  'weight-for-age': {
    index: 'age in days, 0–1826.25 (60 months)',
    build: (s) => [byAge(`wfa_${s}_0_13`, `wfa_${s}_0_5`), [`wfa_${s}_0_13`, `wfa_${s}_0_5`]],
  },
  'length-for-age': {
    index: 'age in days, 0–730.5 (recumbent length)',
    build: (s) => [byAge(`lhfa_${s}_0_13`, `lhfa_${s}_0_2`, 0, 24), [`lhfa_${s}_0_13`, `lhfa_${s}_0_2`]],
  },
  'height-for-age': {
    index: 'age in days, 730.5–1826.25 (standing height)',
    build: (s) => [byAge(null, `lhfa_${s}_2_5`, 24, 60), [`lhfa_${s}_2_5`]],
  },
  'head-for-age': {
    index: 'age in days, 0–1826.25 (60 months)',
    build: (s) => [byAge(`hcfa_${s}_0_13`, `hcfa_${s}_0_5`), [`hcfa_${s}_0_13`, `hcfa_${s}_0_5`]],
  },
  'bmi-for-age-length': {
    index: 'age in days, 0–730.5 (BMI on recumbent length)',
    build: (s) => [byAge(`bmifa_${s}_0_13`, `bmifa_${s}_0_2`, 0, 24), [`bmifa_${s}_0_13`, `bmifa_${s}_0_2`]],
  },
  'bmi-for-age-height': {
    index: 'age in days, 730.5–1826.25 (BMI on standing height)',
    build: (s) => [byAge(null, `bmifa_${s}_2_5`, 24, 60), [`bmifa_${s}_2_5`]],
  },
  'weight-for-length': {
    index: 'recumbent length in cm, 45–110 at 0.5 cm',
    build: (s) => [byLength(`wfl_${s}_0_2`, 'Length'), [`wfl_${s}_0_2`]],
  },
  'weight-for-height': {
    index: 'standing height in cm, 65–120 at 0.5 cm',
    build: (s) => [byLength(`wfh_${s}_2_5`, 'Height'), [`wfh_${s}_2_5`]],
  },
};

export function extractWhoGrowth(): WhoGrowthFile {
  const version = (JSON.parse(fs.readFileSync(path.join(tablesDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const index = {} as WhoGrowthFile['index'];
  const files = {} as WhoGrowthFile['files'];
  const tables = {} as WhoGrowthFile['tables'];
  for (const [name, plan] of Object.entries(PLAN) as [WhoTable, (typeof PLAN)[WhoTable]][]) {
    const [male, maleFiles] = plan.build(SEXES.male);
    const [female, femaleFiles] = plan.build(SEXES.female);
    index[name] = plan.index;
    files[name] = [...maleFiles, ...femaleFiles].map((f) => `tables/${f}_zscores.json`);
    tables[name] = { male, female };
  }
  return {
    standard: 'WHO Child Growth Standards (2006): L, M and S by age, length or height, 0–5 years',
    source:
      `jsgrowup ${version} (npm; github.com/GlobalStrategies/jsgrowup), tables/*.json, which carry WHO's published ` +
      'tables (who.int/tools/child-growth-standards). Weekly rows for 0–13 weeks at 7·w days, monthly rows at ' +
      `m × ${DAYS_PER_MONTH} days; weight-for-length/height at 0.5 cm.`,
    licence: 'jsgrowup: BSD-3-Clause, © UNICEF and individual contributors. The growth standards: © World Health Organization.',
    index,
    files,
    tables,
  };
}

export const WHO_GROWTH_FILE = path.join(root, 'src/modules/health/data/who-growth-standards.json');

/** The file's text: one table row per line, so changes read well in a diff. */
export function formatWhoGrowth(data: WhoGrowthFile): string {
  return JSON.stringify(data, null, 1).replace(/\[\n\s+(-?[\d.]+),\n\s+(-?[\d.]+),\n\s+(-?[\d.]+),\n\s+(-?[\d.]+)\n\s+\]/g, '[$1, $2, $3, $4]') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(path.dirname(WHO_GROWTH_FILE), { recursive: true });
  const data = extractWhoGrowth();
  fs.writeFileSync(WHO_GROWTH_FILE, formatWhoGrowth(data));
  const rows = Object.values(data.tables).reduce((n, t) => n + t.male.length + t.female.length, 0);
  console.log(`WHO growth standards: ${Object.keys(data.tables).length} tables, ${rows} rows → ${path.relative(root, WHO_GROWTH_FILE)}`);
}
