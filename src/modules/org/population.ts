/**
 * The synthetic population base: per unit and year, residents, children 0–2 and 0–17, and
 * people 60+ and 65+. Generated, not official; the assumptions (docs/population-base.md):
 *
 *  - City totals for 2024, near SPEC §5: 5.371 M residents, 1.40 M aged 60+, 0.99 M aged
 *    65+, 100 k children 0–2, 0.82 M children 0–17.
 *  - Year trends from 2024: residents +0.4 %/yr, 0–2 −4 %/yr (falling births), 0–17 −1 %/yr,
 *    60+ +3 %/yr, 65+ +4 %/yr.
 *  - County shares of residents from the 2020 census (approximate, scaled to the city total).
 *  - Within a county, townships weigh street 1.6 : town 1.0 : township 0.4, times a random
 *    factor; within a township, communities weigh 2.5 : village 1.0, times a random factor.
 *  - Age mix: villages are older (60+ ×1.2, children ×0.9), communities younger (60+ ×0.9,
 *    children ×1.05).
 * Every total is split with the largest-remainder method, so villages sum exactly to their
 * township, townships to their county and counties to the city.
 */
import { apportion, type Rng } from '../../app/random.ts';

export interface PopulationUnit {
  code: string;
  level: number;
  parent: string | null;
  kind: string;
}

export interface PopulationRow {
  unitCode: string;
  year: number;
  residents: number;
  children0to2: number;
  children0to17: number;
  elderly60: number;
  elderly65: number;
}

type Measure = 'residents' | 'children0to2' | 'children0to17' | 'elderly60' | 'elderly65';
const MEASURES: Measure[] = ['residents', 'children0to2', 'children0to17', 'elderly60', 'elderly65'];

export const BASE_YEAR = 2024;
const CITY_2024: Record<Measure, number> = {
  residents: 5_371_000,
  children0to2: 100_000,
  children0to17: 820_000,
  elderly60: 1_400_000,
  elderly65: 990_000,
};
const TREND: Record<Measure, number> = {
  residents: 0.004,
  children0to2: -0.04,
  children0to17: -0.01,
  elderly60: 0.03,
  elderly65: 0.04,
};
/** 2020 census residents (thousands), used only as shares. */
const COUNTY_SHARE: Record<string, number> = {
  '330602': 1054,
  '330603': 1096,
  '330604': 830,
  '330624': 442,
  '330681': 1218,
  '330683': 675,
};
const TOWNSHIP_WEIGHT: Record<string, number> = { street: 1.6, town: 1.0, township: 0.4 };
const AGE_FACTOR: Record<string, Partial<Record<Measure, number>>> = {
  village: { elderly60: 1.2, elderly65: 1.2, children0to2: 0.9, children0to17: 0.9 },
  community: { elderly60: 0.9, elderly65: 0.9, children0to2: 1.05, children0to17: 1.05 },
};

/** The city's totals of a year, times `share` for a miniature of the city (the demo). */
export function cityTotals(year: number, share = 1): Record<Measure, number> {
  const out = {} as Record<Measure, number>;
  for (const m of MEASURES) out[m] = Math.round(CITY_2024[m] * (1 + TREND[m]) ** (year - BASE_YEAR) * share);
  return out;
}

/**
 * Population rows for every unit (all four levels) and year. With a `share` below 1 the base
 * is a miniature of the city: every unit keeps its relative size and age mix, at that share
 * of its people, so that a sample of records stands on matching denominators.
 */
export function generatePopulationBase(units: PopulationUnit[], years: number[], rng: Rng, share = 1): PopulationRow[] {
  const children = new Map<string, PopulationUnit[]>();
  for (const u of units) {
    if (!u.parent) continue;
    const list = children.get(u.parent) ?? [];
    list.push(u);
    children.set(u.parent, list);
  }
  const city = units.find((u) => u.level === 1);
  if (!city) throw new Error('the tree has no city');

  // Fixed per-unit weights, so a unit keeps its relative size from year to year.
  const sizeWeight = new Map<string, number>();
  for (const u of units) {
    if (u.level === 2) sizeWeight.set(u.code, COUNTY_SHARE[u.code] ?? 500);
    if (u.level === 3) sizeWeight.set(u.code, (TOWNSHIP_WEIGHT[u.kind] ?? 1) * rng.weight(0.35));
    if (u.level === 4) sizeWeight.set(u.code, (u.kind === 'community' ? 2.5 : 1) * rng.weight(0.5));
  }

  const rows: PopulationRow[] = [];
  for (const year of years) {
    const totals = new Map<string, Record<Measure, number>>([[city.code, cityTotals(year, share)]]);
    const queue = [city];
    while (queue.length) {
      const parent = queue.shift()!;
      const kids = children.get(parent.code) ?? [];
      if (kids.length === 0) continue;
      const parentTotals = totals.get(parent.code)!;
      const split = {} as Record<Measure, number[]>;
      for (const m of MEASURES) {
        const weights = kids.map((k) => sizeWeight.get(k.code)! * ageFactorOf(k, children, m));
        split[m] = apportion(parentTotals[m], weights);
      }
      kids.forEach((k, i) => {
        const t = {} as Record<Measure, number>;
        for (const m of MEASURES) t[m] = split[m][i];
        totals.set(k.code, t);
        queue.push(k);
      });
    }
    for (const u of units) {
      const t = totals.get(u.code)!;
      rows.push({ unitCode: u.code, year, ...t });
    }
  }
  return rows;
}

/** The age factor of a unit: its own kind for a village, the mix of its villages above that. */
function ageFactorOf(unit: PopulationUnit, children: Map<string, PopulationUnit[]>, m: Measure): number {
  if (m === 'residents') return 1;
  if (unit.level === 4) return AGE_FACTOR[unit.kind]?.[m] ?? 1;
  const kids = children.get(unit.code) ?? [];
  if (kids.length === 0) return 1;
  const factors = kids.map((k) => ageFactorOf(k, children, m));
  return factors.reduce((s, f) => s + f, 0) / factors.length;
}
