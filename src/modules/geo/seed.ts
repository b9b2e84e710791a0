import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { toCsvRow } from '../../app/csv.ts';
import { COUNTY_BOUNDARIES, countyPolygon } from './boundaries.ts';
import { placeCounty } from './placement.ts';

/** Places every township and village of the tree inside its county by hierarchy (approximate points). */
export async function seedUnitLocations(p: Platform, random: () => number): Promise<number> {
  const units = await p.db.rows<{ code: string; level: number; parent_code: string | null; kind: string }>(sql`SELECT code, level, parent_code, kind FROM org_units WHERE level >= 2 ORDER BY code`);
  const rows: string[] = [];
  for (const county of units.filter((u) => u.level === 2)) {
    const poly = countyPolygon(county.code);
    const cp = COUNTY_BOUNDARIES.features.find((f) => f.properties.code === county.code)?.properties.cp;
    if (!poly || !cp) continue;
    const towns = units
      .filter((u) => u.level === 3 && u.parent_code === county.code)
      .map((t) => ({ code: t.code, kind: t.kind, villages: units.filter((v) => v.level === 4 && v.parent_code === t.code).map((v) => v.code) }));
    for (const pt of placeCounty(poly, { lon: cp[0], lat: cp[1] }, towns, random)) rows.push(toCsvRow([pt.code, pt.lon.toFixed(6), pt.lat.toFixed(6), 'approximate']));
  }
  if (rows.length) await p.db.copyCsv('unit_locations', ['unit_code', 'lon', 'lat', 'method'], rows.join('\n') + '\n');
  return rows.length;
}
