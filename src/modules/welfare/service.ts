/**
 * Child-welfare ledger use cases: the key children's files (独立档案) with their categories
 * and contact cards (联系卡), visits and the overdue list, the workforce with caseloads, and
 * the monthly basic living support with its county approval. Every query of a scoped table
 * passes through `inScope`; a record outside the scope is "not found". Every change and every
 * read of a child's file is audited in its transaction.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { users } from '../access/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { ageOn, persons } from '../people/index.ts';
import { welfareChildren, welfareMemberships, welfareSupportLines, welfareSupportRuns, welfareVisits, welfareWorkers } from './schema.ts';
import {
  CATEGORIES,
  CATEGORIES_SOURCE,
  SUPPORT_ORDER,
  SUPPORT_RULES,
  SUPPORT_SOURCE,
  activeOn,
  categoryOf,
  checkSubclass,
  computeChildSupport,
  effectiveEnd,
  isOverdue,
  lastDayAsMinor,
  nextVisitDue,
  supportClassOf,
  visitIntervalOn,
  type MembershipDates,
} from './rules.ts';
import type { ChildFile, ChildInput, ChildListItem, ChildrenQuery, ContactInput, MembershipInput, RunDetail, RunView, VisitInput } from './contract.ts';

async function actorName(ex: Executor, actor: Actor): Promise<string> {
  if (!actor.id) return actor.username;
  const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).limit(1);
  return u?.name ?? actor.username;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => `\\${m}`);

// ---- categories ----------------------------------------------------------------------------

export function listCategories(actor: Actor, today: string) {
  requirePermission(actor, 'welfare.read');
  return {
    categories: CATEGORIES.map((c) => ({
      code: c.code,
      zh: c.zh,
      en: c.en,
      basis: c.basis,
      subclasses: c.subclasses,
      visitIntervalDays: visitIntervalOn(c.code, today),
      supportClasses: SUPPORT_ORDER.filter((s) => s === c.code || s.startsWith(`${c.code}.`)),
    })),
    source: CATEGORIES_SOURCE,
    supportSource: SUPPORT_SOURCE,
  };
}

// ---- children: conditions shared by list, count and export ---------------------------------

/** A child under 18 today holding a category today (optionally the given one). */
function activeCondition(today: string, category?: string): SQL {
  return sql`(${persons.birthDate} + interval '18 years')::date > ${today}::date AND EXISTS (
    SELECT 1 FROM welfare_memberships m WHERE m.child_id = ${welfareChildren.id} AND m.start_date <= ${today}::date
      AND (m.end_date IS NULL OR m.end_date >= ${today}::date) ${category ? sql`AND m.category = ${category}` : sql``})`;
}

function childConditions(actor: Actor, q: ChildrenQuery, today: string): SQL[] {
  const conds: SQL[] = [inScope(welfareChildren.unitCode, actor)];
  if (q.unitCode) conds.push(like(welfareChildren.unitCode, `${q.unitCode}%`));
  if (q.q) conds.push(like(persons.name, `%${escapeLike(q.q)}%`));
  if (q.status === 'active') conds.push(activeCondition(today, q.category));
  else if (q.category) conds.push(sql`EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = ${welfareChildren.id} AND m.category = ${q.category})`);
  return conds;
}

function checkQuery(actor: Actor, q: { unitCode?: string; category?: string }): void {
  requirePermission(actor, 'welfare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  if (q.category && !categoryOf(q.category)) throw AppError.field('category', 'welfare.unknownCategory');
}

type MembershipRow = typeof welfareMemberships.$inferSelect;

async function membershipsOf(ex: Executor, actor: Actor, childIds: string[]): Promise<Map<string, MembershipRow[]>> {
  const out = new Map<string, MembershipRow[]>();
  if (childIds.length === 0) return out;
  const rows = await ex
    .select()
    .from(welfareMemberships)
    .where(and(inArray(welfareMemberships.childId, childIds), inScope(welfareMemberships.unitCode, actor)))
    .orderBy(asc(welfareMemberships.startDate), asc(welfareMemberships.id));
  for (const r of rows) out.set(r.childId, [...(out.get(r.childId) ?? []), r]);
  return out;
}

async function lastVisitsOf(ex: Executor, actor: Actor, childIds: string[]): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const rows = await ex
    .select({ childId: welfareVisits.childId, last: sql<string>`max(${welfareVisits.visitedOn})::text` })
    .from(welfareVisits)
    .where(and(inArray(welfareVisits.childId, childIds), inScope(welfareVisits.unitCode, actor)))
    .groupBy(welfareVisits.childId);
  return new Map(rows.map((r) => [r.childId, r.last]));
}

async function selectChildren(ex: Executor, actor: Actor, q: ChildrenQuery, today: string, limit: number, offset: number): Promise<ChildListItem[]> {
  const rows = await ex
    .select({
      id: welfareChildren.id,
      personId: welfareChildren.personId,
      name: persons.name,
      sex: persons.sex,
      birthDate: persons.birthDate,
      unitCode: welfareChildren.unitCode,
      directorName: welfareWorkers.name,
    })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .leftJoin(welfareWorkers, eq(welfareWorkers.id, welfareChildren.directorId))
    .where(and(...childConditions(actor, q, today)))
    .orderBy(asc(welfareChildren.unitCode), asc(persons.name), asc(welfareChildren.id))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.id);
  const [ms, visits, names] = [await membershipsOf(ex, actor, ids), await lastVisitsOf(ex, actor, ids), await unitNameMap(ex, rows.map((r) => r.unitCode))];
  return rows.map((r) => {
    const mine = ms.get(r.id) ?? [];
    const due = nextVisitDue({ memberships: mine, birthDate: r.birthDate, lastVisitOn: visits.get(r.id) ?? null, today });
    return {
      ...r,
      age: ageOn(r.birthDate, today),
      unitName: names.get(r.unitCode) ?? r.unitCode,
      categories: mine.filter((m) => activeOn(m, r.birthDate, today)).map((m) => ({ category: m.category, subclass: m.subclass })),
      lastVisitOn: visits.get(r.id) ?? null,
      nextDueOn: due?.dueOn ?? null,
      overdue: isOverdue(due, today),
    };
  });
}

export async function listChildren(p: Platform, actor: Actor, q: ChildrenQuery & { page: number; pageSize: number }) {
  checkQuery(actor, q);
  const today = p.today();
  const [{ total }] = await p.db.orm
    .select({ total: sql<number>`count(*)::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(and(...childConditions(actor, q, today)));
  const items = await selectChildren(p.db.orm, actor, q, today, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every child matching the filters, for the spreadsheet (at most 20,000 rows); audited. */
export async function exportChildren(p: Platform, actor: Actor, q: ChildrenQuery): Promise<ChildListItem[]> {
  checkQuery(actor, q);
  return p.db.transaction(async (tx) => {
    const rows = await selectChildren(tx, actor, q, p.today(), 20_000, 0);
    await appendAudit(tx, actor, { action: 'welfare.child.export', unitCode: q.unitCode ?? actor.scope, detail: { filters: { ...q }, rows: rows.length } });
    return rows;
  });
}

/** Active key children in scope by category, and how many are overdue for a visit. */
export async function countChildren(p: Platform, actor: Actor, q: { unitCode?: string }) {
  checkQuery(actor, q);
  const today = p.today();
  const conds = childConditions(actor, { ...q, status: 'active' }, today);
  const byCategory = await p.db.orm
    .select({ category: welfareMemberships.category, children: sql<number>`count(DISTINCT ${welfareChildren.id})::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .innerJoin(welfareMemberships, eq(welfareMemberships.childId, welfareChildren.id))
    .where(and(...conds, inScope(welfareMemberships.unitCode, actor), sql`${welfareMemberships.startDate} <= ${today}::date AND (${welfareMemberships.endDate} IS NULL OR ${welfareMemberships.endDate} >= ${today}::date)`))
    .groupBy(welfareMemberships.category);
  const [{ total }] = await p.db.orm
    .select({ total: sql<number>`count(*)::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(and(...conds));
  const overdue = (await overdueChildren(p.db.orm, actor, q.unitCode, today)).filter((c) => c.overdue).length;
  const order = CATEGORIES.map((c) => c.code);
  return { total, overdue, byCategory: byCategory.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)) };
}

// ---- one child's file ----------------------------------------------------------------------

async function childRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex
    .select({ child: welfareChildren, person: { name: persons.name, sex: persons.sex, birthDate: persons.birthDate, idMasked: persons.idMasked, address: persons.address } })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(and(eq(welfareChildren.id, id), inScope(welfareChildren.unitCode, actor)))
    .limit(1);
  assertWithinScope(row?.child.unitCode, actor);
  return row;
}

async function workerRef(ex: Executor, actor: Actor, id: string | null) {
  if (!id) return null;
  const [w] = await ex.select({ id: welfareWorkers.id, name: welfareWorkers.name, phone: welfareWorkers.phone }).from(welfareWorkers).where(and(eq(welfareWorkers.id, id), inScope(welfareWorkers.unitCode, actor))).limit(1);
  return w ?? null;
}

function membershipToView(m: MembershipRow, birthDate: string, today: string) {
  return {
    id: m.id,
    category: m.category,
    subclass: m.subclass,
    basis: m.basis,
    startDate: m.startDate,
    endDate: m.endDate,
    effectiveEnd: effectiveEnd(m, birthDate),
    active: activeOn(m, birthDate, today),
    endReason: m.endReason,
    confirmedByName: m.confirmedByName,
    confirmedAt: m.confirmedAt,
    endedByName: m.endedByName,
  };
}

async function buildFile(ex: Executor, actor: Actor, id: string, today: string): Promise<ChildFile> {
  const row = await childRow(ex, actor, id);
  const { child, person } = row;
  const memberships = (await membershipsOf(ex, actor, [id])).get(id) ?? [];
  const visits = await ex
    .select({ id: welfareVisits.id, visitedOn: welfareVisits.visitedOn, visitorName: welfareVisits.visitorName, findings: welfareVisits.findings, needs: welfareVisits.needs, createdByName: welfareVisits.createdByName })
    .from(welfareVisits)
    .where(and(eq(welfareVisits.childId, id), inScope(welfareVisits.unitCode, actor)))
    .orderBy(desc(welfareVisits.visitedOn), desc(welfareVisits.createdAt));
  const support = await ex
    .select({
      id: welfareSupportLines.id,
      month: welfareSupportRuns.month,
      status: welfareSupportRuns.status,
      ruleCode: welfareSupportLines.ruleCode,
      rateFen: welfareSupportLines.rateFen,
      days: welfareSupportLines.days,
      daysInMonth: welfareSupportLines.daysInMonth,
      spans: welfareSupportLines.spans,
      amountFen: welfareSupportLines.amountFen,
    })
    .from(welfareSupportLines)
    .innerJoin(welfareSupportRuns, eq(welfareSupportRuns.id, welfareSupportLines.runId))
    .where(and(eq(welfareSupportLines.childId, id), inScope(welfareSupportLines.unitCode, actor)))
    .orderBy(desc(welfareSupportRuns.month))
    .limit(24);
  const due = nextVisitDue({ memberships, birthDate: person.birthDate, lastVisitOn: visits[0]?.visitedOn ?? null, today });
  const names = await unitNameMap(ex, [child.unitCode]);
  return {
    id: child.id,
    personId: child.personId,
    name: person.name,
    sex: person.sex,
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, today),
    idMasked: person.idMasked,
    address: person.address,
    unitCode: child.unitCode,
    unitName: names.get(child.unitCode) ?? child.unitCode,
    lastDayAsMinor: lastDayAsMinor(person.birthDate),
    memberships: memberships.map((m) => membershipToView(m, person.birthDate, today)),
    visits,
    contact: {
      director: await workerRef(ex, actor, child.directorId),
      supervisor: await workerRef(ex, actor, child.supervisorId),
      guardianName: child.guardianName,
      guardianRelation: child.guardianRelation,
      guardianPhone: child.guardianPhone,
      note: child.note,
    },
    nextDue: due,
    overdue: isOverdue(due, today),
    support,
    createdByName: child.createdByName,
    createdAt: child.createdAt,
  };
}

/** A child's independent file: a sensitive read, audited. */
export async function getChild(p: Platform, actor: Actor, id: string, purpose: 'file' | 'contactCard' = 'file'): Promise<ChildFile> {
  requirePermission(actor, 'welfare.read');
  return p.db.transaction(async (tx) => {
    const file = await buildFile(tx, actor, id, p.today());
    await appendAudit(tx, actor, { action: purpose === 'file' ? 'welfare.child.read' : 'welfare.child.contactCard', entityType: 'welfare_child', entityId: id, unitCode: file.unitCode });
    return file;
  });
}

function checkMembership(input: MembershipInput, birthDate: string, today: string): void {
  const issue = checkSubclass(input.category, input.subclass);
  if (issue) throw AppError.field(issue === 'unknownCategory' ? 'category' : 'subclass', `welfare.${issue}`);
  if (input.startDate > today) throw AppError.field('startDate', 'welfare.inFuture');
  if (input.startDate < birthDate) throw AppError.field('startDate', 'welfare.beforeBirth');
  if (input.startDate > lastDayAsMinor(birthDate)) throw AppError.field('startDate', 'welfare.adult');
}

/** A worker named on a contact card: in the caller's scope, of the right role, and covering the child's unit. */
async function checkWorker(ex: Executor, actor: Actor, id: string | null | undefined, role: 'director' | 'supervisor', childUnit: string, field: string): Promise<void> {
  if (!id) return;
  const [w] = await ex.select({ unitCode: welfareWorkers.unitCode, role: welfareWorkers.role }).from(welfareWorkers).where(and(eq(welfareWorkers.id, id), inScope(welfareWorkers.unitCode, actor))).limit(1);
  if (!w || w.role !== role || !childUnit.startsWith(w.unitCode)) throw AppError.field(field, 'welfare.workerNotForUnit');
}

function contactValues(input: ContactInput) {
  const out: Partial<typeof welfareChildren.$inferInsert> = {};
  if (input.directorId !== undefined) out.directorId = input.directorId;
  if (input.supervisorId !== undefined) out.supervisorId = input.supervisorId;
  if (input.guardianName !== undefined) out.guardianName = input.guardianName;
  if (input.guardianRelation !== undefined) out.guardianRelation = input.guardianRelation;
  if (input.guardianPhone !== undefined) out.guardianPhone = input.guardianPhone;
  if (input.note !== undefined) out.note = input.note;
  return out;
}

/** Opens a key child's file for a person of the registry, with the first category. */
export async function registerChild(p: Platform, actor: Actor, input: ChildInput): Promise<ChildFile> {
  requirePermission(actor, 'welfare.write');
  const today = p.today();
  const id = await p.db.transaction(async (tx) => {
    const [person] = await tx.select({ id: persons.id, unitCode: persons.unitCode, birthDate: persons.birthDate }).from(persons).where(and(eq(persons.id, input.personId), inScope(persons.unitCode, actor))).limit(1);
    if (!person) throw AppError.field('personId', 'welfare.personNotFound');
    if (lastDayAsMinor(person.birthDate) < today) throw AppError.field('personId', 'welfare.adult');
    checkMembership(input, person.birthDate, today);
    const [existing] = await tx.select({ id: welfareChildren.id }).from(welfareChildren).where(eq(welfareChildren.personId, person.id)).limit(1);
    if (existing) throw AppError.conflict('personId', 'welfare.alreadyInLedger');
    await checkWorker(tx, actor, input.directorId, 'director', person.unitCode, 'directorId');
    await checkWorker(tx, actor, input.supervisorId, 'supervisor', person.unitCode, 'supervisorId');
    const name = await actorName(tx, actor);
    const [child] = await tx.insert(welfareChildren).values({ unitCode: person.unitCode, personId: person.id, createdByName: name, ...contactValues(input) }).returning({ id: welfareChildren.id });
    await tx.insert(welfareMemberships).values({ unitCode: person.unitCode, childId: child.id, category: input.category, subclass: input.subclass, basis: input.basis, startDate: input.startDate, confirmedBy: actor.id, confirmedByName: name });
    await appendAudit(tx, actor, { action: 'welfare.child.create', entityType: 'welfare_child', entityId: child.id, unitCode: person.unitCode, detail: { category: input.category, subclass: input.subclass, startDate: input.startDate } });
    return child.id;
  });
  return p.db.transaction((tx) => buildFile(tx, actor, id, today));
}

export async function updateContact(p: Platform, actor: Actor, id: string, input: ContactInput): Promise<ChildFile> {
  requirePermission(actor, 'welfare.write');
  return p.db.transaction(async (tx) => {
    const { child } = await childRow(tx, actor, id);
    await checkWorker(tx, actor, input.directorId, 'director', child.unitCode, 'directorId');
    await checkWorker(tx, actor, input.supervisorId, 'supervisor', child.unitCode, 'supervisorId');
    await tx.update(welfareChildren).set({ ...contactValues(input), updatedAt: sql`now()` }).where(eq(welfareChildren.id, id));
    await appendAudit(tx, actor, { action: 'welfare.child.contact', entityType: 'welfare_child', entityId: id, unitCode: child.unitCode, detail: { fields: Object.keys(contactValues(input)) } });
    return buildFile(tx, actor, id, p.today());
  });
}

export async function addMembership(p: Platform, actor: Actor, childId: string, input: MembershipInput): Promise<ChildFile> {
  requirePermission(actor, 'welfare.write');
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const { child, person } = await childRow(tx, actor, childId);
    checkMembership(input, person.birthDate, today);
    const [open] = await tx
      .select({ id: welfareMemberships.id })
      .from(welfareMemberships)
      .where(and(eq(welfareMemberships.childId, childId), eq(welfareMemberships.category, input.category), sql`${welfareMemberships.endDate} IS NULL`))
      .limit(1);
    if (open) throw AppError.conflict('category', 'welfare.categoryOpen');
    const [m] = await tx
      .insert(welfareMemberships)
      .values({ unitCode: child.unitCode, childId, category: input.category, subclass: input.subclass, basis: input.basis, startDate: input.startDate, confirmedBy: actor.id, confirmedByName: await actorName(tx, actor) })
      .returning({ id: welfareMemberships.id });
    await appendAudit(tx, actor, { action: 'welfare.membership.create', entityType: 'welfare_membership', entityId: m.id, unitCode: child.unitCode, detail: { childId, category: input.category, subclass: input.subclass, startDate: input.startDate } });
    return buildFile(tx, actor, childId, today);
  });
}

export async function endMembership(p: Platform, actor: Actor, id: string, input: { endDate: string; reason: string }): Promise<ChildFile> {
  requirePermission(actor, 'welfare.write');
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const [m] = await tx.select().from(welfareMemberships).where(and(eq(welfareMemberships.id, id), inScope(welfareMemberships.unitCode, actor))).limit(1);
    assertWithinScope(m?.unitCode, actor);
    if (m.endDate !== null) throw AppError.conflict('endDate', 'welfare.alreadyEnded');
    if (input.endDate < m.startDate) throw AppError.field('endDate', 'welfare.endBeforeStart');
    if (input.endDate > today) throw AppError.field('endDate', 'welfare.inFuture');
    await tx.update(welfareMemberships).set({ endDate: input.endDate, endReason: input.reason, endedByName: await actorName(tx, actor), endedAt: sql`now()` }).where(eq(welfareMemberships.id, id));
    await appendAudit(tx, actor, { action: 'welfare.membership.end', entityType: 'welfare_membership', entityId: id, unitCode: m.unitCode, detail: { childId: m.childId, category: m.category, endDate: input.endDate } });
    return buildFile(tx, actor, m.childId, today);
  });
}

// ---- visits --------------------------------------------------------------------------------

/** Records a visit; the same visit (child, day, visitor) sent twice is recorded once. */
export async function recordVisit(p: Platform, actor: Actor, childId: string, input: VisitInput): Promise<{ created: boolean; file: ChildFile }> {
  requirePermission(actor, 'welfare.write');
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const { child, person } = await childRow(tx, actor, childId);
    if (input.visitedOn > today) throw AppError.field('visitedOn', 'welfare.inFuture');
    if (input.visitedOn < person.birthDate) throw AppError.field('visitedOn', 'welfare.beforeBirth');
    const inserted = await tx
      .insert(welfareVisits)
      .values({ unitCode: child.unitCode, childId, visitedOn: input.visitedOn, visitorName: input.visitorName, findings: input.findings, needs: input.needs, createdBy: actor.id, createdByName: await actorName(tx, actor) })
      .onConflictDoNothing()
      .returning({ id: welfareVisits.id });
    if (inserted.length) await appendAudit(tx, actor, { action: 'welfare.visit.create', entityType: 'welfare_visit', entityId: inserted[0].id, unitCode: child.unitCode, detail: { childId, visitedOn: input.visitedOn } });
    return { created: inserted.length > 0, file: await buildFile(tx, actor, childId, today) };
  });
}

interface DueRow {
  childId: string;
  name: string;
  unitCode: string;
  category: string;
  lastVisitOn: string | null;
  dueOn: string;
  overdue: boolean;
  directorName: string | null;
}

/** Every active child in scope (or under a unit) with the next visit's due day. */
async function overdueChildren(ex: Executor, actor: Actor, unitCode: string | undefined, today: string): Promise<DueRow[]> {
  const conds = childConditions(actor, { unitCode, status: 'active' }, today);
  const rows = await ex
    .select({ id: welfareChildren.id, name: persons.name, birthDate: persons.birthDate, unitCode: welfareChildren.unitCode, directorName: welfareWorkers.name })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .leftJoin(welfareWorkers, eq(welfareWorkers.id, welfareChildren.directorId))
    .where(and(...conds))
    .orderBy(asc(welfareChildren.unitCode), asc(persons.name));
  const out: DueRow[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const ids = chunk.map((r) => r.id);
    const [ms, visits] = [await membershipsOf(ex, actor, ids), await lastVisitsOf(ex, actor, ids)];
    for (const r of chunk) {
      const due = nextVisitDue({ memberships: ms.get(r.id) ?? [], birthDate: r.birthDate, lastVisitOn: visits.get(r.id) ?? null, today });
      if (!due) continue;
      out.push({ childId: r.id, name: r.name, unitCode: r.unitCode, category: due.category, lastVisitOn: visits.get(r.id) ?? null, dueOn: due.dueOn, overdue: isOverdue(due, today), directorName: r.directorName });
    }
  }
  return out;
}

/** The children overdue for a visit, with the counts per village and per township. */
export async function overdueVisits(p: Platform, actor: Actor, q: { unitCode?: string }) {
  checkQuery(actor, q);
  const today = p.today();
  const rows = await overdueChildren(p.db.orm, actor, q.unitCode, today);
  const village = new Map<string, { children: number; overdue: number }>();
  const township = new Map<string, { children: number; overdue: number }>();
  for (const r of rows) {
    for (const [map, code] of [[village, r.unitCode], [township, r.unitCode.slice(0, 9)]] as const) {
      const s = map.get(code) ?? { children: 0, overdue: 0 };
      s.children++;
      if (r.overdue) s.overdue++;
      map.set(code, s);
    }
  }
  const names = await unitNameMap(p.db.orm, [...village.keys(), ...township.keys()]);
  const summary = (m: Map<string, { children: number; overdue: number }>) =>
    [...m.entries()].map(([unitCode, s]) => ({ unitCode, unitName: names.get(unitCode) ?? unitCode, ...s })).sort((a, b) => b.overdue - a.overdue || a.unitCode.localeCompare(b.unitCode));
  const items = rows
    .filter((r) => r.overdue)
    .map((r) => ({ childId: r.childId, name: r.name, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, category: r.category, lastVisitOn: r.lastVisitOn, dueOn: r.dueOn, daysOverdue: Math.round((Date.parse(today) - Date.parse(r.dueOn)) / 86_400_000), directorName: r.directorName }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.unitCode.localeCompare(b.unitCode))
    .slice(0, 2000);
  return { items, byVillage: summary(village), byTownship: summary(township) };
}

// ---- workforce -----------------------------------------------------------------------------

export async function listWorkers(p: Platform, actor: Actor, q: { unitCode?: string; role?: 'director' | 'supervisor' }) {
  checkQuery(actor, q);
  const today = p.today();
  const conds: SQL[] = [inScope(welfareWorkers.unitCode, actor), eq(welfareWorkers.active, true)];
  if (q.unitCode) conds.push(like(welfareWorkers.unitCode, `${q.unitCode}%`));
  if (q.role) conds.push(eq(welfareWorkers.role, q.role));
  const rows = await p.db.orm
    .select({
      id: welfareWorkers.id,
      unitCode: welfareWorkers.unitCode,
      role: welfareWorkers.role,
      name: welfareWorkers.name,
      phone: welfareWorkers.phone,
      caseload: sql<number>`(SELECT count(*)::int FROM welfare_children c JOIN persons pp ON pp.id = c.person_id
        WHERE (c.director_id = welfare_workers.id OR c.supervisor_id = welfare_workers.id) AND ${inScope(sql`c.unit_code`, actor)}
          AND (pp.birth_date + interval '18 years')::date > ${today}::date
          AND EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = c.id AND m.start_date <= ${today}::date AND (m.end_date IS NULL OR m.end_date >= ${today}::date)))`,
    })
    .from(welfareWorkers)
    .where(and(...conds))
    .orderBy(asc(welfareWorkers.unitCode), asc(welfareWorkers.role), asc(welfareWorkers.name))
    .limit(2000);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}

/** Adds a supervisor (township) or director (village); the same person twice is one worker. */
export async function addWorker(p: Platform, actor: Actor, input: { unitCode: string; role: 'director' | 'supervisor'; name: string; phone: string }) {
  requirePermission(actor, 'welfare.write');
  if (!input.unitCode.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  return p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    if (!unit) throw AppError.field('unitCode', 'unitOutOfScope');
    if ((input.role === 'supervisor' && unit.level !== 3) || (input.role === 'director' && unit.level !== 4)) throw AppError.field('unitCode', 'welfare.workerUnitLevel');
    const inserted = await tx.insert(welfareWorkers).values({ ...input, createdByName: await actorName(tx, actor) }).onConflictDoNothing().returning();
    const [row] = inserted.length
      ? inserted
      : await tx.select().from(welfareWorkers).where(and(eq(welfareWorkers.unitCode, input.unitCode), eq(welfareWorkers.role, input.role), eq(welfareWorkers.name, input.name), eq(welfareWorkers.phone, input.phone))).limit(1);
    if (inserted.length) await appendAudit(tx, actor, { action: 'welfare.worker.create', entityType: 'welfare_worker', entityId: row.id, unitCode: row.unitCode, detail: { role: row.role } });
    return { id: row.id, unitCode: row.unitCode, unitName: unit.name, role: row.role, name: row.name, phone: row.phone, caseload: 0 };
  });
}

// ---- basic living support ------------------------------------------------------------------

function countyOf(actor: Actor, unitCode: string | undefined): string {
  const code = unitCode ?? actor.scope;
  assertWithinScope(code, actor);
  if (code.length !== 6) throw AppError.field('unitCode', 'welfare.countyRequired');
  return code;
}

/** The children of a county holding a supported class at some day of the month, with their memberships. */
async function supportInputs(ex: Executor, actor: Actor, county: string, month: string) {
  const first = `${month}-01`;
  const rows = await ex
    .select({ membership: welfareMemberships, personId: welfareChildren.personId, birthDate: persons.birthDate, unitCode: welfareChildren.unitCode })
    .from(welfareMemberships)
    .innerJoin(welfareChildren, eq(welfareChildren.id, welfareMemberships.childId))
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(
      and(
        inScope(welfareMemberships.unitCode, actor),
        like(welfareMemberships.unitCode, `${county}%`),
        inArray(welfareMemberships.category, [...new Set(SUPPORT_ORDER.map((s) => s.split('.')[0]))]),
        sql`${welfareMemberships.startDate} <= (${first}::date + interval '1 month' - interval '1 day')::date`,
        sql`(${welfareMemberships.endDate} IS NULL OR ${welfareMemberships.endDate} >= ${first}::date)`,
      ),
    )
    .orderBy(asc(welfareMemberships.childId));
  const byChild = new Map<string, { personId: string; birthDate: string; unitCode: string; memberships: MembershipDates[] }>();
  for (const r of rows) {
    if (!supportClassOf(r.membership)) continue;
    const c = byChild.get(r.membership.childId) ?? { personId: r.personId, birthDate: r.birthDate, unitCode: r.unitCode, memberships: [] };
    c.memberships.push(r.membership);
    byChild.set(r.membership.childId, c);
  }
  return byChild;
}

/**
 * Computes (or recomputes) a county's month from the ledger (免申即享: no application): each
 * child holding a supported class gets the standard in force, prorated by days. An approved
 * month is kept as it is.
 */
export async function computeSupport(p: Platform, actor: Actor, input: { month: string; unitCode?: string }): Promise<RunView> {
  requirePermission(actor, 'welfare.support');
  const county = countyOf(actor, input.unitCode);
  if (input.month > p.today().slice(0, 7)) throw AppError.field('month', 'welfare.monthInFuture');
  const id = await p.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(welfareSupportRuns).where(and(eq(welfareSupportRuns.unitCode, county), eq(welfareSupportRuns.month, input.month), inScope(welfareSupportRuns.unitCode, actor))).limit(1);
    if (existing?.status === 'approved') throw AppError.conflict('month', 'welfare.runApproved');
    if (existing) await tx.delete(welfareSupportRuns).where(eq(welfareSupportRuns.id, existing.id));
    const children = await supportInputs(tx, actor, county, input.month);
    const lines: (typeof welfareSupportLines.$inferInsert)[] = [];
    const runId = uuidv7();
    for (const [childId, c] of children) {
      const r = computeChildSupport({ month: input.month, childId, personId: c.personId, birthDate: c.birthDate, memberships: c.memberships, rules: SUPPORT_RULES });
      for (const l of r.lines) lines.push({ unitCode: c.unitCode, runId, childId, personId: c.personId, ruleCode: l.ruleCode, rateFen: l.rateFen, days: l.days, daysInMonth: l.daysInMonth, spans: l.spans, amountFen: l.amountFen });
    }
    const totalFen = lines.reduce((s, l) => s + l.amountFen, 0);
    const paid = new Set(lines.map((l) => l.childId)).size;
    await tx.insert(welfareSupportRuns).values({ id: runId, unitCode: county, month: input.month, status: 'computed', children: paid, totalFen, computedByName: await actorName(tx, actor) });
    for (let i = 0; i < lines.length; i += 500) await tx.insert(welfareSupportLines).values(lines.slice(i, i + 500));
    await appendAudit(tx, actor, { action: 'welfare.support.compute', entityType: 'welfare_support_run', entityId: runId, unitCode: county, detail: { month: input.month, children: paid, totalFen, replaced: existing?.id ?? null } });
    return runId;
  });
  return runToView(p.db.orm, actor, id);
}

async function runRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex.select().from(welfareSupportRuns).where(and(eq(welfareSupportRuns.id, id), inScope(welfareSupportRuns.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  return row;
}

async function runToView(ex: Executor, actor: Actor, id: string): Promise<RunView> {
  const r = await runRow(ex, actor, id);
  const names = await unitNameMap(ex, [r.unitCode]);
  return { id: r.id, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, month: r.month, status: r.status, children: r.children, totalFen: r.totalFen, computedByName: r.computedByName, computedAt: r.computedAt, approvedByName: r.approvedByName, approvedAt: r.approvedAt };
}

export async function listRuns(p: Platform, actor: Actor, q: { month?: string; unitCode?: string }): Promise<RunView[]> {
  requirePermission(actor, 'welfare.support');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(welfareSupportRuns.unitCode, actor)];
  if (q.month) conds.push(eq(welfareSupportRuns.month, q.month));
  if (q.unitCode) conds.push(like(welfareSupportRuns.unitCode, `${q.unitCode}%`));
  const rows = await p.db.orm.select().from(welfareSupportRuns).where(and(...conds)).orderBy(desc(welfareSupportRuns.month), asc(welfareSupportRuns.unitCode)).limit(500);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ id: r.id, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, month: r.month, status: r.status, children: r.children, totalFen: r.totalFen, computedByName: r.computedByName, computedAt: r.computedAt, approvedByName: r.approvedByName, approvedAt: r.approvedAt }));
}

/** A county's month with one line per child and standard (names make it a sensitive read, audited). */
export async function getRun(p: Platform, actor: Actor, id: string): Promise<RunDetail> {
  requirePermission(actor, 'welfare.support');
  return p.db.transaction(async (tx) => {
    const view = await runToView(tx, actor, id);
    const rows = await tx
      .select({
        id: welfareSupportLines.id,
        childId: welfareSupportLines.childId,
        childName: persons.name,
        unitCode: welfareSupportLines.unitCode,
        ruleCode: welfareSupportLines.ruleCode,
        rateFen: welfareSupportLines.rateFen,
        days: welfareSupportLines.days,
        daysInMonth: welfareSupportLines.daysInMonth,
        spans: welfareSupportLines.spans,
        amountFen: welfareSupportLines.amountFen,
      })
      .from(welfareSupportLines)
      .innerJoin(persons, eq(persons.id, welfareSupportLines.personId))
      .where(and(eq(welfareSupportLines.runId, id), inScope(welfareSupportLines.unitCode, actor)))
      .orderBy(asc(welfareSupportLines.unitCode), asc(persons.name), asc(welfareSupportLines.id));
    const names = await unitNameMap(tx, rows.map((r) => r.unitCode));
    await appendAudit(tx, actor, { action: 'welfare.support.read', entityType: 'welfare_support_run', entityId: id, unitCode: view.unitCode });
    return { ...view, source: SUPPORT_SOURCE, lines: rows.map(({ unitCode, ...l }) => ({ ...l, unitName: names.get(unitCode) ?? unitCode })) };
  });
}

export async function approveRun(p: Platform, actor: Actor, id: string): Promise<RunView> {
  requirePermission(actor, 'welfare.approve');
  await p.db.transaction(async (tx) => {
    const row = await runRow(tx, actor, id);
    if (row.status !== 'computed') throw AppError.conflict('status', 'welfare.runApproved');
    await tx.update(welfareSupportRuns).set({ status: 'approved', approvedBy: actor.id, approvedByName: await actorName(tx, actor), approvedAt: sql`now()` }).where(eq(welfareSupportRuns.id, id));
    await appendAudit(tx, actor, { action: 'welfare.support.approve', entityType: 'welfare_support_run', entityId: id, unitCode: row.unitCode, detail: { month: row.month, totalFen: row.totalFen, children: row.children } });
  });
  return runToView(p.db.orm, actor, id);
}
