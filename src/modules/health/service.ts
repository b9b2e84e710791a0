/**
 * Reading children's health records: the one gate for staff (health permission, the child
 * in scope and of the service's ages) and for parents (an active guardianship), the whole
 * record of a child, and the township lists. Every read of a health record is audited.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addMonths, completedMonths, daysBetween } from '../../app/dates.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { persons } from '../people/index.ts';
import { unitNameMap } from '../org/index.ts';
import { assertGuardianOf, listGuardians } from '../guardianship/index.ts';
import { devReferrals, devScreenings, growthMeasurements, newbornVisits, vaccinations } from './schema.ts';
import { immunisationStatus, summariseImmunisation, type DoseStatus, type VaccinationRecord } from './immunisation.ts';
import { bandFor } from './warningSigns.ts';
import { isMchatAge } from './mchat.ts';
import { OPEN_STATUSES } from './referral.ts';
import { measurementToView, referralToView, screeningToView, vaccinationToView, visitToView } from './views.ts';
import type { ChildListItem, ChildRecord, ChildSummary, ChildrenQuery, DueItem, ReferralListItem } from './contract.ts';

/** Children's health management covers 0–6 years (national basic public-health service); the lists show the under-3s. */
export const SERVICE_AGE_MONTHS = 84;
export const LIST_AGE_MONTHS = 36;

export interface Child {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  unitCode: string;
}

const childColumns = { id: persons.id, name: persons.name, sex: persons.sex, birthDate: persons.birthDate, unitCode: persons.unitCode };

/** A child in the staff member's scope and of the service's ages, or "not found". */
export async function childForStaff(ex: Executor, actor: Actor, personId: string, today: string): Promise<Child> {
  const [row] = await ex.select(childColumns).from(persons).where(and(eq(persons.id, personId), inScope(persons.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  if (row.birthDate > today || row.birthDate <= addMonths(today, -SERVICE_AGE_MONTHS)) throw AppError.notFound();
  return row;
}

async function summaryOf(ex: Executor, c: Child, today: string): Promise<ChildSummary> {
  const names = await unitNameMap(ex, [c.unitCode]);
  return {
    ...c,
    ageDays: daysBetween(c.birthDate, today),
    ageMonths: completedMonths(c.birthDate, today),
    unitName: names.get(c.unitCode) ?? c.unitCode,
  };
}

export function vaccinationRecords(rows: { vaccine: string; dose: number; givenOn: string }[]): VaccinationRecord[] {
  return rows.map((r) => ({ vaccine: r.vaccine as VaccinationRecord['vaccine'], dose: r.dose, givenOn: r.givenOn }));
}

/** Everything recorded about a child that the actor's scope reaches. */
async function loadRecord(ex: Executor, actor: Actor, c: Child, today: string): Promise<Omit<ChildRecord, 'guardians'>> {
  const [measurements, screenings, referrals, vaccines, visits] = await Promise.all([
    ex.select().from(growthMeasurements).where(and(eq(growthMeasurements.personId, c.id), inScope(growthMeasurements.unitCode, actor))).orderBy(asc(growthMeasurements.measuredOn), asc(growthMeasurements.createdAt)),
    ex.select().from(devScreenings).where(and(eq(devScreenings.personId, c.id), inScope(devScreenings.unitCode, actor))).orderBy(asc(devScreenings.screenedOn), asc(devScreenings.createdAt)),
    ex.select().from(devReferrals).where(and(eq(devReferrals.personId, c.id), inScope(devReferrals.unitCode, actor))).orderBy(asc(devReferrals.suggestedOn)),
    ex.select().from(vaccinations).where(and(eq(vaccinations.personId, c.id), inScope(vaccinations.unitCode, actor))).orderBy(asc(vaccinations.givenOn)),
    ex.select().from(newbornVisits).where(and(eq(newbornVisits.personId, c.id), inScope(newbornVisits.unitCode, actor))).orderBy(asc(newbornVisits.visitedOn)),
  ]);
  const doses = immunisationStatus(c.birthDate, vaccinationRecords(vaccines), today);
  const ageMonths = completedMonths(c.birthDate, today);
  return {
    child: await summaryOf(ex, c, today),
    measurements: measurements.map(measurementToView),
    screenings: screenings.map(screeningToView),
    referrals: referrals.map(referralToView),
    vaccinations: vaccines.map(vaccinationToView),
    immunisation: { doses, ...summariseImmunisation(doses) },
    visits: visits.map((v) => visitToView(v, c.birthDate)),
    surveillance: { warningSignsBand: bandFor(ageMonths)?.ageMonths ?? null, mchatAge: isMchatAge(ageMonths) },
  };
}

/** A child's whole health record for staff; the read is audited. */
export async function getChildRecord(p: Platform, actor: Actor, personId: string): Promise<ChildRecord> {
  requirePermission(actor, 'health.read');
  const today = p.today();
  const record = await p.db.transaction(async (tx) => {
    const c = await childForStaff(tx, actor, personId, today);
    await appendAudit(tx, actor, { action: 'health.record.view', entityType: 'person', entityId: c.id, unitCode: c.unitCode });
    return loadRecord(tx, actor, c, today);
  });
  const guardians = (await listGuardians(p, actor, personId))
    .filter((g) => !g.endedAt)
    .map((g) => ({ id: g.id, username: g.username, parentName: g.parentName, relation: g.relation }));
  return { ...record, guardians };
}

/** The same record for a parent: only their own child; the read is audited. */
export async function getOwnChildRecord(p: Platform, actor: Actor, personId: string): Promise<ChildRecord> {
  const today = p.today();
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const [c] = await tx.select(childColumns).from(persons).where(and(eq(persons.id, personId), inScope(persons.unitCode, actor))).limit(1);
    assertWithinScope(c?.unitCode, actor);
    await appendAudit(tx, actor, { action: 'health.record.parent_view', entityType: 'person', entityId: c.id, unitCode: c.unitCode });
    return { ...(await loadRecord(tx, actor, c, today)), guardians: null };
  });
}

// ---- lists -------------------------------------------------------------------------------

/** The unit a township list runs over: a township or village in scope. */
function townshipOf(actor: Actor, unitCode: string | undefined, field = 'unitCode'): string {
  const unit = unitCode ?? actor.scope;
  if (unit.length < 9) throw AppError.field(field, 'health.chooseTownship');
  assertWithinScope(unit, actor);
  return unit;
}

function underThreeConditions(actor: Actor, today: string, unitCode?: string, q?: string): SQL {
  const conds: SQL[] = [inScope(persons.unitCode, actor), sql`${persons.birthDate} > ${addMonths(today, -LIST_AGE_MONTHS)}`, sql`${persons.birthDate} <= ${today}`];
  if (unitCode) conds.push(like(persons.unitCode, `${unitCode}%`));
  if (q) conds.push(like(persons.name, `${q}%`));
  return and(...conds)!;
}

interface ChildFlags {
  doses: DoseStatus[];
  lastMeasuredOn: string | null;
  latestZ: ChildListItem['latestZ'];
  openReferrals: number;
  lastScreenedOn: string | null;
  followUpPending: boolean;
}

/** The health flags of a set of children, in a handful of queries. */
async function flagsOf(ex: Executor, actor: Actor, children: Child[], today: string): Promise<Map<string, ChildFlags>> {
  const ids = children.map((c) => c.id);
  const out = new Map<string, ChildFlags>();
  if (ids.length === 0) return out;
  const [vax, latest, refs, screens] = await Promise.all([
    ex
      .select({ personId: vaccinations.personId, vaccine: vaccinations.vaccine, dose: vaccinations.dose, givenOn: vaccinations.givenOn })
      .from(vaccinations)
      .where(and(inArray(vaccinations.personId, ids), inScope(vaccinations.unitCode, actor))),
    ex
      .selectDistinctOn([growthMeasurements.personId])
      .from(growthMeasurements)
      .where(and(inArray(growthMeasurements.personId, ids), inScope(growthMeasurements.unitCode, actor)))
      .orderBy(growthMeasurements.personId, desc(growthMeasurements.measuredOn), desc(growthMeasurements.createdAt)),
    ex
      .select({ personId: devReferrals.personId, n: sql<number>`count(*)::int` })
      .from(devReferrals)
      .where(and(inArray(devReferrals.personId, ids), inScope(devReferrals.unitCode, actor), inArray(devReferrals.status, [...OPEN_STATUSES])))
      .groupBy(devReferrals.personId),
    ex
      .select({
        personId: devScreenings.personId,
        last: sql<string>`max(${devScreenings.screenedOn})::text`,
        pending: sql<boolean>`bool_or(${devScreenings.result} = 'followUpNeeded')`,
      })
      .from(devScreenings)
      .where(and(inArray(devScreenings.personId, ids), inScope(devScreenings.unitCode, actor)))
      .groupBy(devScreenings.personId),
  ]);
  const byChild = new Map<string, VaccinationRecord[]>();
  for (const v of vax) byChild.set(v.personId, [...(byChild.get(v.personId) ?? []), ...vaccinationRecords([v])]);
  const latestBy = new Map(latest.map((m) => [m.personId, m]));
  const refsBy = new Map(refs.map((r) => [r.personId, r.n]));
  const screensBy = new Map(screens.map((s) => [s.personId, s]));
  for (const c of children) {
    const m = latestBy.get(c.id);
    const s = screensBy.get(c.id);
    out.set(c.id, {
      doses: immunisationStatus(c.birthDate, byChild.get(c.id) ?? [], today),
      lastMeasuredOn: m?.measuredOn ?? null,
      latestZ: m ? measurementToView(m).z : null,
      openReferrals: refsBy.get(c.id) ?? 0,
      lastScreenedOn: s?.last ?? null,
      followUpPending: s?.pending ?? false,
    });
  }
  return out;
}

function listItem(c: Child, f: ChildFlags, names: Map<string, string>, today: string): ChildListItem {
  const summary = summariseImmunisation(f.doses);
  return {
    ...c,
    ageDays: daysBetween(c.birthDate, today),
    ageMonths: completedMonths(c.birthDate, today),
    unitName: names.get(c.unitCode) ?? c.unitCode,
    lastMeasuredOn: f.lastMeasuredOn,
    latestZ: f.latestZ,
    overdue: summary.overdue,
    due: summary.due,
    nextDose: summary.next,
    openReferrals: f.openReferrals,
    lastScreenedOn: f.lastScreenedOn,
  };
}

function matchesFlag(item: ChildListItem, flags: ChildFlags, flag: NonNullable<ChildrenQuery['flag']>): boolean {
  switch (flag) {
    case 'overdue':
      return item.overdue > 0;
    case 'due':
      return item.due > 0;
    case 'referral':
      return item.openReferrals > 0;
    case 'followUp':
      return flags.followUpPending;
  }
}

/**
 * Children under 3 in scope with their due and overdue vaccinations, open referrals and
 * latest measurement. Filtering by a flag computes every child's schedule, so it runs over
 * one township (or village) at a time. The list read is audited.
 */
export async function listChildren(p: Platform, actor: Actor, q: ChildrenQuery & { page: number; pageSize: number }) {
  requirePermission(actor, 'health.read');
  const today = p.today();
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const unit = q.flag ? townshipOf(actor, q.unitCode) : q.unitCode;
  const where = underThreeConditions(actor, today, unit, q.q);
  return p.db.transaction(async (tx) => {
    let page: Child[];
    let flags: Map<string, ChildFlags>;
    let total: number;
    if (q.flag) {
      const all = await tx.select(childColumns).from(persons).where(where).orderBy(asc(persons.birthDate), asc(persons.id));
      const allFlags = await flagsOf(tx, actor, all, today);
      const empty = new Map<string, string>();
      const matching = all.filter((c) => matchesFlag(listItem(c, allFlags.get(c.id)!, empty, today), allFlags.get(c.id)!, q.flag!));
      total = matching.length;
      page = matching.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      flags = allFlags;
    } else {
      page = await tx
        .select(childColumns)
        .from(persons)
        .where(where)
        .orderBy(asc(persons.unitCode), asc(persons.birthDate), asc(persons.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM persons WHERE ${where}`, tx);
      flags = await flagsOf(tx, actor, page, today);
    }
    const names = await unitNameMap(tx, page.map((c) => c.unitCode));
    await appendAudit(tx, actor, {
      action: 'health.children.list',
      entityType: 'person',
      unitCode: unit ?? actor.scope,
      detail: { flag: q.flag ?? null, q: q.q ?? null, rows: page.length },
    });
    return { items: page.map((c) => listItem(c, flags.get(c.id)!, names, today)), total, page: q.page, pageSize: q.pageSize };
  });
}

/** Due, overdue and upcoming doses of the children under 3 of a township or village (audited). */
export async function listDueVaccinations(p: Platform, actor: Actor, q: { unitCode: string; status?: 'overdue' | 'due' | 'upcoming' }): Promise<DueItem[]> {
  requirePermission(actor, 'health.read');
  const today = p.today();
  const unit = townshipOf(actor, q.unitCode);
  return p.db.transaction(async (tx) => {
    const children = await tx.select(childColumns).from(persons).where(underThreeConditions(actor, today, unit)).orderBy(asc(persons.birthDate), asc(persons.id));
    const flags = await flagsOf(tx, actor, children, today);
    const names = await unitNameMap(tx, children.map((c) => c.unitCode));
    const wanted = q.status ? [q.status] : ['overdue', 'due', 'upcoming'];
    const items: DueItem[] = [];
    for (const c of children) {
      for (const d of flags.get(c.id)!.doses) {
        if (!wanted.includes(d.status)) continue;
        items.push({
          personId: c.id,
          name: c.name,
          birthDate: c.birthDate,
          ageMonths: completedMonths(c.birthDate, today),
          unitName: names.get(c.unitCode) ?? c.unitCode,
          vaccine: d.vaccine,
          series: d.series,
          dose: d.dose,
          dueOn: d.dueOn,
          deadlineOn: d.deadlineOn,
          status: d.status as DueItem['status'],
        });
      }
    }
    const rank = { overdue: 0, due: 1, upcoming: 2 };
    items.sort((a, b) => rank[a.status] - rank[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
    await appendAudit(tx, actor, { action: 'health.due.list', entityType: 'person', unitCode: unit, detail: { status: q.status ?? null, rows: items.length } });
    return items;
  });
}

/** Referrals in scope, open ones by default, oldest first (audited). */
export async function listReferrals(p: Platform, actor: Actor, q: { unitCode?: string; status: 'open' | 'closed' | 'all'; page: number; pageSize: number }) {
  requirePermission(actor, 'health.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(devReferrals.unitCode, actor)];
  if (q.unitCode) conds.push(like(devReferrals.unitCode, `${q.unitCode}%`));
  if (q.status === 'open') conds.push(inArray(devReferrals.status, [...OPEN_STATUSES]));
  if (q.status === 'closed') conds.push(eq(devReferrals.status, 'closed'));
  const where = and(...conds)!;
  return p.db.transaction(async (tx) => {
    const rows = await tx
      .select({ r: devReferrals, childName: persons.name, birthDate: persons.birthDate })
      .from(devReferrals)
      .innerJoin(persons, eq(persons.id, devReferrals.personId))
      .where(where)
      .orderBy(asc(devReferrals.suggestedOn), asc(devReferrals.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM dev_referrals WHERE ${where}`, tx);
    const names = await unitNameMap(tx, rows.map((r) => r.r.unitCode));
    await appendAudit(tx, actor, { action: 'health.referrals.list', entityType: 'person', unitCode: q.unitCode ?? actor.scope, detail: { status: q.status, rows: rows.length } });
    const items: ReferralListItem[] = rows.map(({ r, childName, birthDate }) => ({
      ...referralToView(r),
      childName,
      birthDate,
      unitName: names.get(r.unitCode) ?? r.unitCode,
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
