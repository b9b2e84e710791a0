import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { toCsvRow } from '../../app/csv.ts';
import { countyPolygon } from './boundaries.ts';
import { placeCounty } from './placement.ts';

/** Places every township and village of the tree inside its county (approximate points). */
export async function seedUnitLocations(p: Platform, random: () => number): Promise<number> {
  const units = await p.db.rows<{ code: string; level: number; parent_code: string | null }>(sql`SELECT code, level, parent_code FROM org_units WHERE level >= 2 ORDER BY code`);
  const rows: string[] = [];
  for (const county of units.filter((u) => u.level === 2)) {
    const poly = countyPolygon(county.code);
    if (!poly) continue;
    const towns = units
      .filter((u) => u.level === 3 && u.parent_code === county.code)
      .map((t) => ({ code: t.code, villages: units.filter((v) => v.level === 4 && v.parent_code === t.code).map((v) => v.code) }));
    for (const pt of placeCounty(poly, towns, random)) rows.push(toCsvRow([pt.code, pt.lon.toFixed(6), pt.lat.toFixed(6), 'approximate']));
  }
  if (rows.length) await p.db.copyCsv('unit_locations', ['unit_code', 'lon', 'lat', 'method'], rows.join('\n') + '\n');
  return rows.length;
}
