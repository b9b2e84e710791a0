/**
 * One key child's independent file (独立档案) with its categories and contact card (联系卡): a
 * sensitive read, audited; registration, contact changes, categories added and ended.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { ageOn, persons } from '../people/index.ts';
import { welfareChildren, welfareMemberships, welfareSupportLines, welfareSupportRuns, welfareVisits, welfareWorkers } from './schema.ts';
import { activeOn, checkSubclass, effectiveEnd, isOverdue, lastDayAsMinor, nextVisitDue } from './rules.ts';
import type { ChildFile, ChildInput, ContactInput, MembershipInput } from './contract.ts';
import { membershipsOf, type MembershipRow } from './ledger.ts';

// ---- one child's file ----------------------------------------------------------------------

export async function childRow(ex: Executor, actor: Actor, id: string) {
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

export async function buildFile(ex: Executor, actor: Actor, id: string, today: string): Promise<ChildFile> {
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
    const name = await actorDisplayName(tx, actor);
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
      .values({ unitCode: child.unitCode, childId, category: input.category, subclass: input.subclass, basis: input.basis, startDate: input.startDate, confirmedBy: actor.id, confirmedByName: await actorDisplayName(tx, actor) })
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
    await tx.update(welfareMemberships).set({ endDate: input.endDate, endReason: input.reason, endedByName: await actorDisplayName(tx, actor), endedAt: sql`now()` }).where(eq(welfareMemberships.id, id));
    await appendAudit(tx, actor, { action: 'welfare.membership.end', entityType: 'welfare_membership', entityId: id, unitCode: m.unitCode, detail: { childId: m.childId, category: m.category, endDate: input.endDate } });
    return buildFile(tx, actor, m.childId, today);
  });
}
