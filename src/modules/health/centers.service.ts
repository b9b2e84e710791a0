/**
 * The registry of "医、防、护" child-health management centers (001 §7, 004): one or more per
 * township health center, with status, grade and services, and the coverage indicator of
 * 001 (indicator 9): the share of townships with 20,000 residents or more that run one.
 */
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit, latestPopulationYear, populationShare, orgUnitPopulation, orgUnits, unitNameMap } from '../org/index.ts';
import { childHealthCenters } from './schema.ts';
import type { CenterInput, CenterUpdate, CenterView, CoverageView } from './contract.ts';

/** 001, indicator 9: coverage counts townships (streets) of 20,000 residents or more. */
export const COVERAGE_MIN_RESIDENTS = 20_000;

function toView(r: typeof childHealthCenters.$inferSelect, names: Map<string, string>): CenterView {
  return {
    id: r.id,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? r.unitCode,
    name: r.name,
    hostInstitution: r.hostInstitution,
    address: r.address,
    phone: r.phone,
    status: r.status,
    grade: r.grade,
    services: r.services,
    childHealthStaff: r.childHealthStaff,
    openedOn: r.openedOn,
  };
}

export async function listCenters(p: Platform, actor: Actor, q: { unitCode?: string }): Promise<CenterView[]> {
  requirePermission(actor, 'health.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(childHealthCenters.unitCode, actor)];
  if (q.unitCode) conds.push(like(childHealthCenters.unitCode, `${q.unitCode}%`));
  const rows = await p.db.orm.select().from(childHealthCenters).where(and(...conds)).orderBy(asc(childHealthCenters.unitCode), asc(childHealthCenters.name));
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => toView(r, names));
}

export async function createCenter(p: Platform, actor: Actor, input: CenterInput): Promise<CenterView> {
  requirePermission(actor, 'health.centers');
  return p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    if (!unit || unit.level !== 3) throw AppError.field('unitCode', 'health.centerUnitTownship');
    if (!isWithinScope(unit.code, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
    const [row] = await tx
      .insert(childHealthCenters)
      .values({
        unitCode: unit.code,
        name: input.name,
        hostInstitution: input.hostInstitution,
        address: input.address || null,
        phone: input.phone ?? null,
        status: input.status,
        grade: input.grade,
        services: [...new Set(input.services)],
        childHealthStaff: input.childHealthStaff,
        openedOn: input.openedOn ?? null,
      })
      .returning();
    await appendAudit(tx, actor, { action: 'health.center.create', entityType: 'child_health_center', entityId: row.id, unitCode: row.unitCode });
    return toView(row, new Map([[unit.code, unit.name]]));
  });
}

export async function updateCenter(p: Platform, actor: Actor, id: string, change: CenterUpdate): Promise<CenterView> {
  requirePermission(actor, 'health.centers');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(childHealthCenters).where(and(eq(childHealthCenters.id, id), inScope(childHealthCenters.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    const next = { ...row, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as typeof row;
    if (next.status === 'operating' && !next.openedOn) throw AppError.field('openedOn', 'required');
    const fields = Object.keys(change).filter((k) => change[k as keyof CenterUpdate] !== undefined);
    const [updated] = await tx
      .update(childHealthCenters)
      .set({ ...change, services: change.services ? [...new Set(change.services)] : undefined, updatedAt: sql`now()` })
      .where(eq(childHealthCenters.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'health.center.update', entityType: 'child_health_center', entityId: id, unitCode: row.unitCode, detail: { fields } });
    return toView(updated, await unitNameMap(tx, [updated.unitCode]));
  });
}

/** Townships in scope (under a unit) with their residents and whether a center operates there. */
export async function centerCoverage(p: Platform, actor: Actor, q: { unitCode?: string }): Promise<CoverageView> {
  requirePermission(actor, 'health.read');
  const under = q.unitCode ?? actor.scope;
  assertWithinScope(under, actor);
  const year = await latestPopulationYear(p);
  const rows = await p.db.orm
    .select({
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      residents: orgUnitPopulation.residents,
      centers: sql<number>`(SELECT count(*)::int FROM child_health_centers c WHERE c.unit_code = ${orgUnits.code} AND ${inScope(sql`c.unit_code`, actor)})`,
      operating: sql<boolean>`EXISTS (SELECT 1 FROM child_health_centers c WHERE c.unit_code = ${orgUnits.code} AND c.status = 'operating' AND ${inScope(sql`c.unit_code`, actor)})`,
    })
    .from(orgUnits)
    .leftJoin(orgUnitPopulation, and(eq(orgUnitPopulation.unitCode, orgUnits.code), eq(orgUnitPopulation.year, year)))
    .where(and(eq(orgUnits.level, 3), inScope(orgUnits.code, actor), like(orgUnits.code, `${under}%`)))
    .orderBy(asc(orgUnits.code));
  const threshold = COVERAGE_MIN_RESIDENTS * (await populationShare(p));
  const out = rows.map((r) => ({ ...r, counted: (r.residents ?? 0) >= threshold }));
  return {
    year,
    townshipsCounted: out.filter((r) => r.counted).length,
    townshipsCovered: out.filter((r) => r.counted && r.operating).length,
    rows: out,
  };
}
