/**
 * Children's homes (儿童之家): the register of basic and demonstration homes, the "1+N" link,
 * activities, and the targets of the plan. Scoped by the home's unit code; changes audited.
 */
import { and, asc, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { addMonths } from '../../app/dates.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { findUnit, orgUnits, unitNameMap } from '../org/index.ts';
import { welfareHomeActivities, welfareHomes } from './schema.ts';
import { homeTargets } from './homes.ts';
import type { HomeInput, HomeView } from './contract.ts';

async function selectHomes(ex: Executor, actor: Actor, conds: SQL[], today: string): Promise<HomeView[]> {
  const since = addMonths(today, -12);
  const rows = await ex
    .select({
      id: welfareHomes.id,
      unitCode: welfareHomes.unitCode,
      name: welfareHomes.name,
      kind: welfareHomes.kind,
      hubId: welfareHomes.hubId,
      address: welfareHomes.address,
      openedOn: welfareHomes.openedOn,
      hubName: sql<string | null>`(SELECT h.name FROM welfare_homes h WHERE h.id = welfare_homes.hub_id AND ${inScope(sql`h.unit_code`, actor)})`,
      linked: sql<number>`(SELECT count(*)::int FROM welfare_homes b WHERE b.hub_id = welfare_homes.id AND ${inScope(sql`b.unit_code`, actor)})`,
      activities: sql<number>`(SELECT count(*)::int FROM welfare_home_activities a WHERE a.home_id = welfare_homes.id AND a.held_on >= ${since}::date)`,
    })
    .from(welfareHomes)
    .where(and(inScope(welfareHomes.unitCode, actor), ...conds))
    .orderBy(asc(welfareHomes.unitCode), desc(welfareHomes.kind), asc(welfareHomes.name))
    .limit(5000);
  const names = await unitNameMap(ex, [...rows.map((r) => r.unitCode), ...rows.map((r) => r.unitCode.slice(0, 9))]);
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode, townshipName: names.get(r.unitCode.slice(0, 9)) ?? '' }));
}

export async function listHomes(p: Platform, actor: Actor, q: { unitCode?: string; kind?: 'basic' | 'demonstration' }): Promise<HomeView[]> {
  requirePermission(actor, 'welfare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [];
  if (q.unitCode) conds.push(like(welfareHomes.unitCode, `${q.unitCode}%`));
  if (q.kind) conds.push(eq(welfareHomes.kind, q.kind));
  return selectHomes(p.db.orm, actor, conds, p.today());
}

export async function getHome(p: Platform, actor: Actor, id: string) {
  requirePermission(actor, 'welfare.read');
  const [home] = await selectHomes(p.db.orm, actor, [eq(welfareHomes.id, id)], p.today());
  if (!home) throw AppError.notFound();
  const activityList = await p.db.orm
    .select({ id: welfareHomeActivities.id, heldOn: welfareHomeActivities.heldOn, title: welfareHomeActivities.title, participants: welfareHomeActivities.participants, createdByName: welfareHomeActivities.createdByName })
    .from(welfareHomeActivities)
    .where(and(eq(welfareHomeActivities.homeId, id), inScope(welfareHomeActivities.unitCode, actor)))
    .orderBy(desc(welfareHomeActivities.heldOn))
    .limit(200);
  const linked = await p.db.orm
    .select({ id: welfareHomes.id, name: welfareHomes.name, unitCode: welfareHomes.unitCode })
    .from(welfareHomes)
    .where(and(eq(welfareHomes.hubId, id), inScope(welfareHomes.unitCode, actor)))
    .orderBy(asc(welfareHomes.name));
  const names = await unitNameMap(p.db.orm, linked.map((l) => l.unitCode));
  return { ...home, activityList, linkedHomes: linked.map((l) => ({ id: l.id, name: l.name, unitName: names.get(l.unitCode) ?? l.unitCode })) };
}

/** A basic home's hub: a demonstration home of the same county-level unit, in the caller's scope. */
async function checkHub(ex: Executor, actor: Actor, hubId: string | null | undefined, unitCode: string): Promise<void> {
  if (!hubId) return;
  const [hub] = await ex.select({ kind: welfareHomes.kind, unitCode: welfareHomes.unitCode }).from(welfareHomes).where(and(eq(welfareHomes.id, hubId), inScope(welfareHomes.unitCode, actor))).limit(1);
  if (!hub || hub.kind !== 'demonstration' || hub.unitCode.slice(0, 6) !== unitCode.slice(0, 6)) throw AppError.field('hubId', 'welfare.hubNotDemonstration');
}

export async function addHome(p: Platform, actor: Actor, input: HomeInput) {
  requirePermission(actor, 'welfare.write');
  if (!input.unitCode.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  if (input.openedOn > p.today()) throw AppError.field('openedOn', 'welfare.inFuture');
  const id = await p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    if (!unit || unit.level < 3) throw AppError.field('unitCode', 'welfare.homeUnitLevel');
    if (input.kind === 'demonstration' && input.hubId) throw AppError.field('hubId', 'welfare.hubOnlyForBasic');
    await checkHub(tx, actor, input.hubId, input.unitCode);
    const [row] = await tx
      .insert(welfareHomes)
      .values({ unitCode: input.unitCode, name: input.name, kind: input.kind, hubId: input.hubId ?? null, address: input.address ?? null, openedOn: input.openedOn, createdByName: await actorDisplayName(tx, actor) })
      .onConflictDoNothing()
      .returning({ id: welfareHomes.id });
    if (!row) throw AppError.conflict('name', 'welfare.homeExists');
    await appendAudit(tx, actor, { action: 'welfare.home.create', entityType: 'welfare_home', entityId: row.id, unitCode: input.unitCode, detail: { kind: input.kind, hubId: input.hubId ?? null } });
    return row.id;
  });
  return getHome(p, actor, id);
}

/** Links a basic home to a demonstration home ("1+N"), or unlinks it. */
export async function linkHome(p: Platform, actor: Actor, id: string, hubId: string | null) {
  requirePermission(actor, 'welfare.write');
  await p.db.transaction(async (tx) => {
    const [home] = await tx.select().from(welfareHomes).where(and(eq(welfareHomes.id, id), inScope(welfareHomes.unitCode, actor))).limit(1);
    assertWithinScope(home?.unitCode, actor);
    if (home.kind !== 'basic') throw AppError.field('hubId', 'welfare.hubOnlyForBasic');
    await checkHub(tx, actor, hubId, home.unitCode);
    await tx.update(welfareHomes).set({ hubId }).where(eq(welfareHomes.id, id));
    await appendAudit(tx, actor, { action: 'welfare.home.link', entityType: 'welfare_home', entityId: id, unitCode: home.unitCode, detail: { hubId } });
  });
  return getHome(p, actor, id);
}

/** Records an activity; the same home, day and title twice is one activity. */
export async function addActivity(p: Platform, actor: Actor, homeId: string, input: { heldOn: string; title: string; participants: number }) {
  requirePermission(actor, 'welfare.write');
  if (input.heldOn > p.today()) throw AppError.field('heldOn', 'welfare.inFuture');
  await p.db.transaction(async (tx) => {
    const [home] = await tx.select({ unitCode: welfareHomes.unitCode }).from(welfareHomes).where(and(eq(welfareHomes.id, homeId), inScope(welfareHomes.unitCode, actor))).limit(1);
    assertWithinScope(home?.unitCode, actor);
    const [row] = await tx.insert(welfareHomeActivities).values({ unitCode: home.unitCode, homeId, ...input, createdByName: await actorDisplayName(tx, actor) }).onConflictDoNothing().returning({ id: welfareHomeActivities.id });
    if (row) await appendAudit(tx, actor, { action: 'welfare.home.activity', entityType: 'welfare_home', entityId: homeId, unitCode: home.unitCode, detail: { heldOn: input.heldOn } });
  });
  return getHome(p, actor, homeId);
}

/** The plan's targets over the homes in scope (or under a unit): share, townships, "1+N". */
export async function homeTargetsIn(p: Platform, actor: Actor, q: { unitCode?: string }) {
  requirePermission(actor, 'welfare.read');
  const under = q.unitCode ?? actor.scope;
  assertWithinScope(under, actor);
  const counts = await p.db.rows<{ township: string; basic: number; demonstration: number; unlinked: number }>(sql`
    SELECT substr(unit_code, 1, 9) AS township,
           count(*) FILTER (WHERE kind = 'basic')::int AS basic,
           count(*) FILTER (WHERE kind = 'demonstration')::int AS demonstration,
           count(*) FILTER (WHERE kind = 'basic' AND hub_id IS NULL)::int AS unlinked
    FROM welfare_homes WHERE ${inScope(sql`unit_code`, actor)} AND unit_code LIKE ${`${under}%`}
    GROUP BY 1`);
  const townships = under.length >= 9
    ? [under.slice(0, 9)]
    : (await p.db.orm.select({ code: orgUnits.code }).from(orgUnits).where(and(eq(orgUnits.level, 3), like(orgUnits.code, `${under}%`))).orderBy(asc(orgUnits.code))).map((u) => u.code);
  const r = homeTargets(counts.map((c) => ({ ...c, basic: Number(c.basic), demonstration: Number(c.demonstration), unlinked: Number(c.unlinked) })), townships);
  const names = await unitNameMap(p.db.orm, r.townshipsMissing);
  return { ...r, townshipsMissing: r.townshipsMissing.map((c) => ({ unitCode: c, unitName: names.get(c) ?? c })) };
}
