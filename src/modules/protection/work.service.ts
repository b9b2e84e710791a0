/**
 * The work on an open case: assigning workers (by a supervisor), referrals to departments
 * with their status, notes, and linking a reported child to the people registry. Each change
 * is an event on the case's timeline and a row of the audit chain.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { can, ROLE_NAMES, users } from '../access/index.ts';
import { persons } from '../people/index.ts';
import { protectionCaseAssignees, protectionCaseEvents, protectionCases, protectionReferrals } from './schema.ts';
import { caseRow, viewAfterChange } from './cases.service.ts';
import { mayMoveReferral, type ReferralStatus } from './referrals.ts';
import { actorName, unitLabels } from './names.ts';
import type { Department } from './vocabulary.ts';
import type { CaseView } from './contract.ts';

type CaseRow = typeof protectionCases.$inferSelect;

/** Roles whose users may be assigned to a case: workers and supervisors. */
const ASSIGNABLE_ROLES = ROLE_NAMES.filter((r) => can(r, 'protection.handle') || can(r, 'protection.supervise'));

async function event(tx: Executor, actor: Actor, c: CaseRow, e: { kind: typeof protectionCaseEvents.$inferInsert.kind; note?: string | null; detail?: Record<string, unknown> }, at = new Date()) {
  await tx.insert(protectionCaseEvents).values({ caseId: c.id, unitCode: c.unitCode, at: at.toISOString(), actorId: actor.id, actorName: await actorName(tx, actor), kind: e.kind, stage: c.stage, note: e.note ?? null, detail: e.detail ?? {} });
}

function assertOpen(c: CaseRow): void {
  if (c.stage === 'closed') throw AppError.conflict('stage', 'protection.caseClosed');
}

/** Users who may take the case: active workers or supervisors whose unit covers the case's, inside the caller's scope. */
async function candidatesFor(ex: Executor, actor: Actor, c: CaseRow) {
  return ex
    .select({ userId: users.id, displayName: users.displayName, unitCode: users.unitCode, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ASSIGNABLE_ROLES), sql`${c.unitCode} LIKE ${users.unitCode} || '%'`, inScope(users.unitCode, actor)))
    .orderBy(sql`length(${users.unitCode}) DESC`, asc(users.displayName));
}

export async function assignmentCandidates(p: Platform, actor: Actor, id: string) {
  const c = await caseRow(p.db.orm, actor, id);
  requirePermission(actor, 'protection.supervise');
  const rows = await candidatesFor(p.db.orm, actor, c);
  const labels = await unitLabels(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ userId: r.userId, displayName: r.displayName, unitName: labels.get(r.unitCode) ?? r.unitCode, role: r.role }));
}

export async function assignWorker(p: Platform, actor: Actor, id: string, userId: string, opts: { at?: Date } = {}): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id, { forUpdate: true });
    requirePermission(actor, 'protection.supervise');
    assertOpen(c);
    const user = (await candidatesFor(tx, actor, c)).find((u) => u.userId === userId);
    if (!user) throw AppError.field('userId', 'protection.notAssignable');
    const [taken] = await tx.select({ userId: protectionCaseAssignees.userId }).from(protectionCaseAssignees).where(and(eq(protectionCaseAssignees.caseId, c.id), eq(protectionCaseAssignees.userId, userId), isNull(protectionCaseAssignees.removedAt)));
    if (taken) throw AppError.conflict('userId', 'protection.alreadyAssigned');
    const at = opts.at ?? new Date();
    await tx.insert(protectionCaseAssignees).values({ caseId: c.id, userId, unitCode: c.unitCode, assignedAt: at.toISOString(), assignedByName: await actorName(tx, actor) });
    await event(tx, actor, c, { kind: 'assigned', detail: { userId, displayName: user.displayName } }, at);
    await appendAudit(tx, actor, { action: 'protection.case.assign', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode, detail: { userId } });
    return viewAfterChange(tx, actor, c.id);
  });
}

export async function removeAssignee(p: Platform, actor: Actor, id: string, userId: string): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id, { forUpdate: true });
    requirePermission(actor, 'protection.supervise');
    const by = await actorName(tx, actor);
    const removed = await tx
      .update(protectionCaseAssignees)
      .set({ removedAt: sql`now()`, removedByName: by })
      .where(and(eq(protectionCaseAssignees.caseId, c.id), eq(protectionCaseAssignees.userId, userId), isNull(protectionCaseAssignees.removedAt)))
      .returning({ userId: protectionCaseAssignees.userId });
    if (!removed.length) throw AppError.field('userId', 'protection.notAssigned');
    const [u] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
    await event(tx, actor, c, { kind: 'unassigned', detail: { userId, displayName: u?.name } });
    await appendAudit(tx, actor, { action: 'protection.case.unassign', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode, detail: { userId } });
    return viewAfterChange(tx, actor, c.id);
  });
}

export async function referCase(p: Platform, actor: Actor, id: string, input: { department: Department; request: string }, opts: { at?: Date } = {}): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id, { forUpdate: true });
    assertOpen(c);
    const [r] = await tx.insert(protectionReferrals).values({ caseId: c.id, unitCode: c.unitCode, department: input.department, request: input.request, status: 'pending', createdByName: await actorName(tx, actor), ...(opts.at ? { createdAt: opts.at.toISOString(), updatedAt: opts.at.toISOString() } : {}) }).returning({ id: protectionReferrals.id });
    await event(tx, actor, c, { kind: 'referred', note: input.request, detail: { referralId: r.id, department: input.department } }, opts.at);
    await appendAudit(tx, actor, { action: 'protection.referral.create', entityType: 'protection_referral', entityId: r.id, unitCode: c.unitCode, detail: { caseId: c.id, department: input.department } });
    return viewAfterChange(tx, actor, c.id);
  });
}

/** Records a department's answer: accepted, done or rejected, in that order only. */
export async function updateReferral(p: Platform, actor: Actor, referralId: string, input: { status: ReferralStatus; response?: string }, opts: { at?: Date } = {}): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const [ref] = await tx.select().from(protectionReferrals).where(eq(protectionReferrals.id, referralId)).limit(1);
    if (!ref) throw AppError.notFound();
    const c = await caseRow(tx, actor, ref.caseId, { forUpdate: true });
    assertOpen(c);
    if (!mayMoveReferral(ref.status, input.status)) throw new AppError('conflict', { fields: [{ field: 'status', key: 'protection.referralTransition', params: { from: ref.status, to: input.status } }] });
    if (input.status === 'rejected' && !input.response) throw AppError.field('response', 'protection.rejectReason');
    await tx.update(protectionReferrals).set({ status: input.status, response: input.response || ref.response, updatedAt: (opts.at ?? new Date()).toISOString() }).where(eq(protectionReferrals.id, ref.id));
    await event(tx, actor, c, { kind: 'referralUpdated', note: input.response || null, detail: { referralId: ref.id, department: ref.department, from: ref.status, to: input.status } }, opts.at);
    await appendAudit(tx, actor, { action: 'protection.referral.update', entityType: 'protection_referral', entityId: ref.id, unitCode: c.unitCode, detail: { caseId: c.id, from: ref.status, to: input.status } });
    return viewAfterChange(tx, actor, c.id);
  });
}

export async function addNote(p: Platform, actor: Actor, id: string, note: string): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id);
    await event(tx, actor, c, { kind: 'note', note });
    await appendAudit(tx, actor, { action: 'protection.case.note', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode });
    return viewAfterChange(tx, actor, c.id);
  });
}

/** Links a case reported by name to the registered child (a person in the caller's scope). */
export async function linkChild(p: Platform, actor: Actor, id: string, personId: string): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id, { forUpdate: true });
    if (c.personId) throw AppError.conflict('personId', 'protection.childLinked');
    const [person] = await tx.select({ id: persons.id, name: persons.name }).from(persons).where(and(eq(persons.id, personId), inScope(persons.unitCode, actor))).limit(1);
    if (!person) throw AppError.field('personId', 'protection.childNotFound');
    await tx.update(protectionCases).set({ personId: person.id, updatedAt: sql`now()` }).where(eq(protectionCases.id, c.id));
    await event(tx, actor, c, { kind: 'childLinked', detail: { personId: person.id, name: person.name } });
    await appendAudit(tx, actor, { action: 'protection.case.linkChild', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode, detail: { personId: person.id } });
    return viewAfterChange(tx, actor, c.id);
  });
}
