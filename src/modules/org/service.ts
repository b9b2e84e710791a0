import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { orgUnits, orgUnitPopulation } from './schema.ts';
import type { Population, UnitDetail, UnitSummary } from './contract.ts';

export type OrgUnit = typeof orgUnits.$inferSelect;

export async function findUnit(ex: Executor, code: string): Promise<OrgUnit | undefined> {
  const [u] = await ex.select().from(orgUnits).where(eq(orgUnits.code, code)).limit(1);
  return u;
}

/** The latest year that has a population base (the default year of every view). */
export async function latestPopulationYear(p: Platform): Promise<number> {
  const [row] = await p.db.rows<{ year: number | null }>(sql`SELECT max(year)::int AS year FROM org_unit_population`);
  return row?.year ?? new Date().getFullYear();
}

/**
 * The share of the real population the base stands for (1 for official figures, below 1 for
 * the demo's miniature city): absolute population thresholds are scaled by it.
 */
export async function populationShare(p: Platform): Promise<number> {
  const [row] = await p.db.rows<{ share: number }>(sql`SELECT share::float8 AS share FROM org_population_share`);
  return row?.share ?? 1;
}

/** The direct children of a unit in the caller's scope, with their population base for a year. */
export async function listChildren(p: Platform, actor: Actor, code: string, year?: number): Promise<UnitSummary[]> {
  requirePermission(actor, 'org.read');
  assertWithinScope(code, actor);
  const y = year ?? (await latestPopulationYear(p));
  const rows = await p.db.rows<UnitSummary & { pop: Population | null }>(sql`
    SELECT u.code, u.name, u.level, u.kind, u.urban, u.future_community AS "futureCommunity",
           u.residential_area AS "residentialArea",
           (SELECT count(*)::int FROM org_units c WHERE c.parent_code = u.code) AS "childCount",
           CASE WHEN p.unit_code IS NULL THEN NULL ELSE json_build_object(
             'year', p.year, 'residents', p.residents, 'children0to2', p.children_0_2,
             'children0to17', p.children_0_17, 'elderly60', p.elderly_60, 'elderly65', p.elderly_65) END AS pop
    FROM org_units u
    LEFT JOIN org_unit_population p ON p.unit_code = u.code AND p.year = ${y}
    WHERE u.parent_code = ${code} AND ${inScope(sql`u.code`, actor)}
    ORDER BY u.code`);
  return rows.map(({ pop, ...u }) => ({ ...u, population: pop }));
}

export async function getUnit(p: Platform, actor: Actor, code: string): Promise<UnitDetail> {
  requirePermission(actor, 'org.read');
  assertWithinScope(code, actor);
  const unit = await findUnit(p.db.orm, code);
  if (!unit) throw AppError.notFound();
  const ancestors = [4, 6, 9].filter((n) => n < code.length).map((n) => code.slice(0, n));
  const pathRows = ancestors.length
    ? await p.db.orm
        .select({ code: orgUnits.code, name: orgUnits.name, level: orgUnits.level })
        .from(orgUnits)
        .where(sql`${orgUnits.code} IN (${sql.join(ancestors.map((a) => sql`${a}`), sql`, `)})`)
        .orderBy(asc(orgUnits.code))
    : [];
  const population = await p.db.orm
    .select()
    .from(orgUnitPopulation)
    .where(eq(orgUnitPopulation.unitCode, code))
    .orderBy(asc(orgUnitPopulation.year));
  const [{ childCount }] = await p.db.rows<{ childCount: number }>(
    sql`SELECT count(*)::int AS "childCount" FROM org_units WHERE parent_code = ${code}`,
  );
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    kind: unit.kind,
    urban: unit.urban,
    futureCommunity: unit.futureCommunity,
    residentialArea: unit.residentialArea,
    parentCode: unit.parentCode,
    divisionYear: unit.divisionYear,
    childCount,
    path: [...pathRows, { code: unit.code, name: unit.name, level: unit.level }].map((r) => ({
      ...r,
      inScope: isWithinScope(r.code, actor),
    })),
    population: population.map(({ unitCode: _u, ...rest }) => rest),
  };
}

/** Units in scope whose name contains the text, for pickers and search. */
export async function searchUnits(p: Platform, actor: Actor, q: string, level?: number) {
  requirePermission(actor, 'org.read');
  const conds = [inScope(orgUnits.code, actor), like(orgUnits.name, `%${q}%`)];
  if (level) conds.push(eq(orgUnits.level, level));
  return p.db.orm
    .select({ code: orgUnits.code, name: orgUnits.name, level: orgUnits.level, parentCode: orgUnits.parentCode })
    .from(orgUnits)
    .where(and(...conds))
    .orderBy(asc(orgUnits.level), asc(orgUnits.code))
    .limit(50);
}

/** Code → name for a set of units (labels in lists and exports). */
export async function unitNameMap(ex: Executor, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await ex
    .select({ code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(sql`${orgUnits.code} IN (${sql.join(unique.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}
