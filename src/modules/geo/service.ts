/**
 * The one map (一张图) and the 15-minute analysis over it, within the caller's scope: units'
 * points, facilities of every registered kind with capacity and use, and per village and
 * per 250 m population cell the walk to the nearest facility and the places within reach.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { COUNTY_BOUNDARIES } from './boundaries.ts';
import { gini, theil } from './balance.ts';
import { coverageShare, DEFAULT_CIRCLE, populationGrid, reachMetres, serviceCircle, type CircleParams, type DemandPoint } from './serviceCircle.ts';
import type { CircleView, FacilitiesView, FindingsView } from './contract.ts';
import { checkPlanningNorms, normsInForce, PLANNING_NORMS, type CommunitySupply, type TownshipAdditions } from './norms.ts';
import { distanceMetres } from './placement.ts';

export const GRID_CELL_METRES = 250;
export const GRID_SPREAD_METRES = 500;

interface KindRow {
  code: string;
  name_zh: string;
  name_en: string;
  list_sql: string | null;
  capacity_zh: string;
  capacity_en: string;
  source: string;
}

async function kinds(p: Platform): Promise<KindRow[]> {
  return p.db.rows<KindRow>(sql`SELECT code, name_zh, name_en, list_sql, capacity_zh, capacity_en, source FROM geo_facility_kinds ORDER BY sort_order, code`);
}

interface FacilityRow {
  id: string;
  unit_code: string;
  unit_name: string;
  name: string;
  lon: number | null;
  lat: number | null;
  own: boolean;
  capacity: number | null;
  in_use: number | null;
  affordable: boolean | null;
  opened_on: string | null;
}

/** A kind's facilities inside `prefix` and the caller's scope, placed at their unit's point when they have none. */
async function facilitiesOf(p: Platform, actor: Actor, k: KindRow, prefix: string): Promise<FacilityRow[]> {
  if (!k.list_sql) return [];
  return p.db.rows<FacilityRow>(sql`
    SELECT f.id::text AS id, f.unit_code::text AS unit_code, u.name AS unit_name, f.name::text AS name,
           coalesce(f.lon, l.lon)::float8 AS lon, coalesce(f.lat, l.lat)::float8 AS lat, (f.lon IS NOT NULL) AS own,
           f.capacity::float8 AS capacity, f.in_use::float8 AS in_use, f.affordable::boolean AS affordable, f.opened_on::text AS opened_on
    FROM (${sql.raw(k.list_sql)}) f JOIN org_units u ON u.code = f.unit_code LEFT JOIN unit_locations l ON l.unit_code = f.unit_code
    WHERE f.unit_code LIKE ${`${prefix}%`} AND ${inScope(sql`f.unit_code`, actor)}
    ORDER BY f.unit_code, f.name`);
}

export async function listFacilities(p: Platform, actor: Actor, q: { kind?: string; unit?: string }): Promise<FacilitiesView> {
  requirePermission(actor, 'indicators.read');
  const unit = q.unit ?? actor.scope;
  assertWithinScope(unit, actor);
  const all = await kinds(p);
  if (q.kind && !all.some((k) => k.code === q.kind)) throw AppError.field('kind', 'indicators.unknownKind');
  const out: FacilitiesView = { kinds: [], facilities: [] };
  for (const k of all) {
    const rows = await facilitiesOf(p, actor, k, unit);
    out.kinds.push({
      code: k.code,
      nameZh: k.name_zh,
      nameEn: k.name_en,
      capacityZh: k.capacity_zh,
      capacityEn: k.capacity_en,
      available: k.list_sql !== null,
      source: k.source,
      count: rows.length,
      capacity: rows.reduce((s, r) => s + (r.capacity ?? 0), 0),
      inUse: rows.some((r) => r.in_use !== null) ? rows.reduce((s, r) => s + (r.in_use ?? 0), 0) : null,
    });
    if (q.kind && q.kind !== k.code) continue;
    for (const r of rows)
      out.facilities.push({
        id: r.id,
        kind: k.code,
        unitCode: r.unit_code,
        unitName: r.unit_name,
        name: r.name,
        lon: r.lon,
        lat: r.lat,
        located: r.own ? 'own' : 'unitPoint',
        capacity: r.capacity,
        inUse: r.in_use,
        affordable: r.affordable,
      });
  }
  return out;
}

export async function mapOf(p: Platform, actor: Actor) {
  requirePermission(actor, 'indicators.read');
  const points = await p.db.rows<{ code: string; name: string; level: number; lon: number; lat: number; method: string }>(
    sql`SELECT l.unit_code AS code, u.name, u.level, l.lon, l.lat, l.method FROM unit_locations l JOIN org_units u ON u.code = l.unit_code
        WHERE u.level = 3 AND ${inScope(sql`l.unit_code`, actor)} ORDER BY l.unit_code`,
  );
  return { source: COUNTY_BOUNDARIES.source, counties: COUNTY_BOUNDARIES, points };
}

export const CIRCLE_METHOD =
  'Walking time = straight-line distance × detour factor ÷ walking speed (no road network loaded). Villages and townships are approximate points ' +
  'inside the published county boundary; facilities without their own coordinates sit at their unit’s point. The population grid spreads each ' +
  'village’s residents evenly over the 250 m cells whose centres lie within 500 m of it. Only facilities inside the caller’s scope are counted.';

export async function serviceCircleOf(p: Platform, actor: Actor, q: { unit?: string; kind: string; year?: number; walkMetresPerMinute?: number; detourFactor?: number; minutes?: number }): Promise<CircleView> {
  requirePermission(actor, 'indicators.read');
  const unit = q.unit ?? actor.scope;
  assertWithinScope(unit, actor);
  const k = (await kinds(p)).find((x) => x.code === q.kind);
  if (!k || !k.list_sql) throw AppError.field('kind', 'indicators.unknownKind');
  const params: CircleParams = {
    walkMetresPerMinute: q.walkMetresPerMinute ?? DEFAULT_CIRCLE.walkMetresPerMinute,
    detourFactor: q.detourFactor ?? DEFAULT_CIRCLE.detourFactor,
    minutes: q.minutes ?? DEFAULT_CIRCLE.minutes,
  };
  const year = q.year ?? (await p.db.rows<{ y: number }>(sql`SELECT max(year)::int AS y FROM org_unit_population`))[0].y;
  const villages = await p.db.rows<{ code: string; name: string; lon: number; lat: number; residents: number }>(sql`
    SELECT u.code, u.name, l.lon, l.lat, pop.residents
    FROM org_units u JOIN unit_locations l ON l.unit_code = u.code JOIN org_unit_population pop ON pop.unit_code = u.code AND pop.year = ${year}
    WHERE u.level = 4 AND u.code LIKE ${`${unit}%`} AND ${inScope(sql`u.code`, actor)} ORDER BY u.code`);
  const facilities = (await facilitiesOf(p, actor, k, actor.scope)).filter((f) => f.lon !== null && f.lat !== null);
  const fs = facilities.map((f) => ({ id: f.id, lon: f.lon!, lat: f.lat!, capacity: f.capacity ?? 0 }));
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  const points: DemandPoint[] = villages.map((v) => ({ code: v.code, lon: v.lon, lat: v.lat, population: v.residents }));
  const results = serviceCircle(points, fs, params);
  const grid = populationGrid(points, GRID_CELL_METRES, GRID_SPREAD_METRES);
  const gridResults = serviceCircle(grid, fs, params);

  // Balance across townships: the kind's capacity per 1,000 residents of each township.
  const townRows = await p.db.rows<{ code: string; name: string; residents: number }>(sql`
    SELECT u.code, u.name, pop.residents FROM org_units u JOIN org_unit_population pop ON pop.unit_code = u.code AND pop.year = ${year}
    WHERE u.level = 3 AND u.code LIKE ${`${unit.slice(0, Math.min(unit.length, 9))}%`} AND ${inScope(sql`u.code`, actor)} ORDER BY u.code`);
  const townships = townRows.map((t) => {
    const capacity = facilities.filter((f) => f.unit_code.startsWith(t.code)).reduce((s, f) => s + (f.capacity ?? 0), 0);
    const mine = results.filter((r) => r.code.startsWith(t.code));
    return { code: t.code, name: t.name, residents: t.residents, capacity, perThousand: t.residents > 0 ? Math.round((capacity / t.residents) * 1e6) / 1e3 : 0, coverage: coverageShare(mine) };
  });
  const shares = townships.map((t) => ({ value: t.perThousand, weight: t.residents }));
  const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    unitCode: unit,
    kind: k.code,
    year,
    params: { ...params, reachMetres: Math.round(reachMetres(params)), gridCellMetres: GRID_CELL_METRES, gridSpreadMetres: GRID_SPREAD_METRES },
    method: CIRCLE_METHOD,
    facilities: fs.length,
    villages: results.map((r, i) => ({
      code: r.code,
      name: villages[i].name,
      townshipCode: r.code.slice(0, 9),
      lon: villages[i].lon,
      lat: villages[i].lat,
      population: r.population,
      nearestMinutes: r.nearestMinutes,
      nearestName: r.nearestId ? (names.get(r.nearestId) ?? null) : null,
      placesWithin: r.placesWithin,
      facilitiesWithin: r.facilitiesWithin,
      covered: r.covered,
    })),
    villageCoverage: round(coverageShare(results)),
    grid: { cells: grid.length, coverage: round(coverageShare(gridResults)) },
    // Only the facilities that can reach the unit's villages are drawn with it.
    facilityPoints: facilities
      .filter((f) => f.unit_code.startsWith(unit.slice(0, 6)) || villages.some((v) => distanceMetres(v, { lon: f.lon!, lat: f.lat! }) <= reachMetres(params)))
      .map((f) => ({ name: f.name, lon: f.lon!, lat: f.lat!, capacity: f.capacity ?? 0 })),
    cells: grid.map((g, i) => ({ lon: round(g.lon, 5)!, lat: round(g.lat, 5)!, population: round(g.population, 1)!, covered: gridResults[i].covered })),
    townships,
    balance: { gini: round(gini(shares)), theil: round(theil(shares)) },
  };
}

/** The facility kinds whose capacity is childcare places, which the planning norms count. */
const CHILDCARE_PLACE_KINDS = ['childcareCenter', 'childcareStation'];

/**
 * Planning-norm findings (SPEC §3.13) for the communities and townships of a unit in a year.
 * A center's places count for the community it stands in: the community of its township
 * whose point is nearest to the center's coordinates (centers without coordinates count for
 * their township's additions only).
 */
export async function planningFindings(p: Platform, actor: Actor, q: { unit?: string; year?: number }): Promise<FindingsView> {
  requirePermission(actor, 'indicators.read');
  const unit = q.unit ?? actor.scope;
  assertWithinScope(unit, actor);
  const year = q.year ?? (await p.db.rows<{ y: number }>(sql`SELECT max(year)::int AS y FROM org_unit_population`))[0].y;
  const end = `${year}-12-31`;
  const facilities: FacilityRow[] = [];
  for (const k of (await kinds(p)).filter((x) => CHILDCARE_PLACE_KINDS.includes(x.code))) facilities.push(...(await facilitiesOf(p, actor, k, unit.slice(0, Math.min(unit.length, 9)))));
  const open = facilities.filter((f) => f.opened_on !== null && f.opened_on <= end);
  const communities = await p.db.rows<{ code: string; name: string; residential_area: 'new' | 'existing'; residents: number; lon: number | null; lat: number | null }>(sql`
    SELECT u.code, u.name, u.residential_area, pop.residents, l.lon, l.lat
    FROM org_units u JOIN org_unit_population pop ON pop.unit_code = u.code AND pop.year = ${year} LEFT JOIN unit_locations l ON l.unit_code = u.code
    WHERE u.level = 4 AND u.kind = 'community' AND u.residential_area IS NOT NULL AND u.code LIKE ${`${unit}%`} AND ${inScope(sql`u.code`, actor)}`);
  const places = new Map<string, number>();
  for (const f of open) {
    if (f.lon === null || f.lat === null || f.capacity === null) continue;
    let best: string | null = null;
    let bestD = Infinity;
    for (const c of communities) {
      if (!c.code.startsWith(f.unit_code) || c.lon === null || c.lat === null) continue;
      const d = distanceMetres({ lon: f.lon, lat: f.lat }, { lon: c.lon, lat: c.lat });
      if (d < bestD) [best, bestD] = [c.code, d];
    }
    if (best) places.set(best, (places.get(best) ?? 0) + f.capacity);
  }
  const supply: CommunitySupply[] = communities.map((c) => ({ code: c.code, name: c.name, residentialArea: c.residential_area, residents: c.residents, places: places.get(c.code) ?? 0 }));
  const towns = await p.db.rows<{ code: string; name: string }>(
    sql`SELECT code, name FROM org_units WHERE level = 3 AND code LIKE ${`${unit.slice(0, Math.min(unit.length, 9))}%`} AND ${inScope(sql`code`, actor)} ORDER BY code`,
  );
  const additions: TownshipAdditions[] = towns.map((t) => {
    const added = open.filter((f) => f.unit_code.startsWith(t.code) && f.opened_on!.startsWith(String(year)));
    return { code: t.code, name: t.name, newPlaces: added.reduce((s, f) => s + (f.capacity ?? 0), 0), newAffordablePlaces: added.filter((f) => f.affordable).reduce((s, f) => s + (f.capacity ?? 0), 0) };
  });
  const { checked, findings } = checkPlanningNorms(supply, additions, normsInForce(PLANNING_NORMS.norms, year));
  return { unitCode: unit, year, source: PLANNING_NORMS.source, checked, findings, notCheckable: PLANNING_NORMS.notCheckable };
}
