/**
 * Reading protection cases and moving them through the workflow. Every read of a case or a
 * list of cases is audited; a case the caller may not open does not exist for them.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { appendAudit, auditLog } from '../audit/index.ts';
import { users, ROLES } from '../access/index.ts';
import { persons } from '../people/index.ts';
import { protectionCaseAssignees, protectionCaseEvents, protectionCases, protectionReferrals } from './schema.ts';
import { casesVisibleTo, isSupervisor, isWorker } from './access.ts';
import { legalActions, nextStage, OPEN_STAGES, STAGES, type Stage } from './stages.ts';
import { deadlineVersionOn, isOverdue, stageDueAt } from './deadlines.ts';
import { nextReferralStatuses } from './referrals.ts';
import { actorName, unitLabels } from './names.ts';
import type { CaseSummary, CasesQuery, CaseView } from './contract.ts';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

type CaseRow = typeof protectionCases.$inferSelect;

/** Refuses a caller who holds no protection permission at all (lists, counts). */
export function requireCaseAccess(actor: Actor): void {
  if (!isSupervisor(actor) && !isWorker(actor)) throw AppError.forbidden();
}

function overdueSql(now: Date): SQL {
  return sql`(${protectionCases.stage} <> 'closed' AND ${protectionCases.stageDueAt} < ${now.toISOString()}::timestamptz)`;
}

function listConditions(actor: Actor, q: Omit<CasesQuery, 'page' | 'pageSize'>, now: Date): SQL[] {
  const conds: SQL[] = [casesVisibleTo(actor)];
  if (q.unitCode) {
    assertWithinScope(q.unitCode, actor);
    conds.push(sql`${protectionCases.unitCode} LIKE ${`${q.unitCode}%`}`);
  }
  if (q.stage) conds.push(eq(protectionCases.stage, q.stage));
  if (q.overdue === 'true') conds.push(overdueSql(now));
  if (q.overdue === 'false') conds.push(sql`NOT ${overdueSql(now)}`);
  if (q.q) {
    const pattern = containsPattern(q.q);
    conds.push(sql`(${protectionCases.receiptNo} = ${q.q} OR coalesce(${persons.name}, ${protectionCases.reportedChildName}, '') LIKE ${pattern})`);
  }
  return conds;
}

async function summaries(ex: Executor, rows: { c: CaseRow; personName: string | null }[], now: Date): Promise<CaseSummary[]> {
  const ids = rows.map((r) => r.c.id);
  const assigned = ids.length
    ? await ex
        .select({ caseId: protectionCaseAssignees.caseId, name: users.displayName })
        .from(protectionCaseAssignees)
        .innerJoin(users, eq(users.id, protectionCaseAssignees.userId))
        .where(and(inArray(protectionCaseAssignees.caseId, ids), isNull(protectionCaseAssignees.removedAt)))
        .orderBy(asc(protectionCaseAssignees.assignedAt))
    : [];
  const labels = await unitLabels(ex, rows.map((r) => r.c.unitCode));
  return rows.map(({ c, personName }) => ({
    id: c.id,
    receiptNo: c.receiptNo,
    unitCode: c.unitCode,
    unitName: labels.get(c.unitCode) ?? c.unitCode,
    childName: personName ?? c.reportedChildName,
    childRegistered: c.personId !== null,
    category: c.category,
    riskLevel: c.riskLevel,
    stage: c.stage,
    stageEnteredAt: c.stageEnteredAt,
    stageDueAt: c.stageDueAt,
    overdue: isOverdue({ stage: c.stage, dueAt: c.stageDueAt }, now),
    reportedAt: c.reportedAt,
    assigneeNames: assigned.filter((a) => a.caseId === c.id).map((a) => a.name),
  }));
}

export async function listCases(p: Platform, actor: Actor, q: CasesQuery, opts: { now?: Date } = {}) {
  requireCaseAccess(actor);
  const now = opts.now ?? new Date();
  const where = and(...listConditions(actor, q, now));
  return p.db.transaction(async (tx) => {
    const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(protectionCases).leftJoin(persons, eq(persons.id, protectionCases.personId)).where(where);
    const rows = await tx
      .select({ c: protectionCases, personName: persons.name })
      .from(protectionCases)
      .leftJoin(persons, eq(persons.id, protectionCases.personId))
      .where(where)
      .orderBy(sql`${overdueSql(now)} DESC`, asc(protectionCases.stageDueAt), desc(protectionCases.reportedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const items = await summaries(tx, rows, now);
    await appendAudit(tx, actor, { action: 'protection.case.list', entityType: 'protection_case', unitCode: q.unitCode ?? actor.scope, detail: { shown: items.map((i) => i.id), filters: { stage: q.stage, overdue: q.overdue, q: q.q, unitCode: q.unitCode } } });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}

/** Open cases by stage and the overdue count, over the cases the caller may open. */
export async function caseCounts(p: Platform, actor: Actor, q: { unitCode?: string }, opts: { now?: Date } = {}) {
  requireCaseAccess(actor);
  const now = opts.now ?? new Date();
  const where = and(...listConditions(actor, { unitCode: q.unitCode }, now));
  const rows = await p.db.orm
    .select({ stage: protectionCases.stage, n: sql<number>`count(*)::int`, overdue: sql<number>`count(*) FILTER (WHERE ${overdueSql(now)})::int` })
    .from(protectionCases)
    .where(where)
    .groupBy(protectionCases.stage);
  const byStage = Object.fromEntries(STAGES.map((s) => [s, rows.find((r) => r.stage === s)?.n ?? 0])) as Record<Stage, number>;
  return { byStage, open: OPEN_STAGES.reduce((n, s) => n + byStage[s], 0), overdue: rows.reduce((n, r) => n + r.overdue, 0) };
}

/** Cases past their stage deadline, most overdue first, with the count per township. */
export async function overdueCases(p: Platform, actor: Actor, q: { unitCode?: string }, opts: { now?: Date } = {}) {
  requireCaseAccess(actor);
  const now = opts.now ?? new Date();
  const where = and(...listConditions(actor, { unitCode: q.unitCode, overdue: 'true' }, now));
  return p.db.transaction(async (tx) => {
    const rows = await tx.select({ c: protectionCases, personName: persons.name }).from(protectionCases).leftJoin(persons, eq(persons.id, protectionCases.personId)).where(where).orderBy(asc(protectionCases.stageDueAt)).limit(500);
    const items = await summaries(tx, rows, now);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.c.unitCode.slice(0, 9), (counts.get(r.c.unitCode.slice(0, 9)) ?? 0) + 1);
    const labels = await unitLabels(tx, [...counts.keys()]);
    await appendAudit(tx, actor, { action: 'protection.case.list', entityType: 'protection_case', unitCode: q.unitCode ?? actor.scope, detail: { shown: items.map((i) => i.id), filters: { overdue: 'true', unitCode: q.unitCode } } });
    return {
      units: [...counts].map(([unitCode, count]) => ({ unitCode, unitName: labels.get(unitCode) ?? unitCode, count })).sort((a, b) => b.count - a.count || a.unitCode.localeCompare(b.unitCode)),
      items,
    };
  });
}

/** The case row if the caller may open it, locked for update inside a transaction; else 404. */
export async function caseRow(ex: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const query = ex.select().from(protectionCases).where(and(eq(protectionCases.id, id), casesVisibleTo(actor))).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw AppError.notFound();
  return row;
}

async function caseView(ex: Executor, actor: Actor, c: CaseRow, now: Date): Promise<CaseView> {
  const [person] = c.personId ? await ex.select().from(persons).where(eq(persons.id, c.personId)).limit(1) : [];
  const [summary] = await summaries(ex, [{ c, personName: person?.name ?? null }], now);
  const assignees = await ex
    .select({ userId: users.id, displayName: users.displayName, unitCode: users.unitCode, assignedAt: protectionCaseAssignees.assignedAt, assignedByName: protectionCaseAssignees.assignedByName })
    .from(protectionCaseAssignees)
    .innerJoin(users, eq(users.id, protectionCaseAssignees.userId))
    .where(and(eq(protectionCaseAssignees.caseId, c.id), isNull(protectionCaseAssignees.removedAt)))
    .orderBy(asc(protectionCaseAssignees.assignedAt));
  const referrals = await ex.select().from(protectionReferrals).where(eq(protectionReferrals.caseId, c.id)).orderBy(asc(protectionReferrals.createdAt));
  const events = await ex.select().from(protectionCaseEvents).where(eq(protectionCaseEvents.caseId, c.id)).orderBy(asc(protectionCaseEvents.at), asc(protectionCaseEvents.id));
  const labels = await unitLabels(ex, [...assignees.map((a) => a.unitCode), ...(person ? [person.unitCode] : [])]);
  const permissions = ROLES[actor.role].permissions as readonly string[];
  const version = c.stage === 'closed' ? null : deadlineVersionOn(SHANGHAI_DATE.format(new Date(c.stageEnteredAt)));
  return {
    ...summary,
    situation: c.situation,
    location: c.location,
    reportedChildName: c.reportedChildName,
    reportedChildDescription: c.reportedChildDescription,
    child: person ? { id: person.id, name: person.name, sex: person.sex, birthDate: person.birthDate, idMasked: person.idMasked, unitName: labels.get(person.unitCode) ?? person.unitCode } : null,
    reporterKind: c.reporterKind,
    reporterName: c.reporterName,
    reporterContact: c.reporterContact,
    closedReason: c.closedReason,
    closedAt: c.closedAt,
    deadlineBasis: version && c.stage !== 'closed' ? version.basis[c.stage] : null,
    assignees: assignees.map((a) => ({ userId: a.userId, displayName: a.displayName, unitName: labels.get(a.unitCode) ?? a.unitCode, assignedAt: a.assignedAt, assignedByName: a.assignedByName })),
    referrals: referrals.map((r) => ({ id: r.id, department: r.department as CaseView['referrals'][number]['department'], request: r.request, status: r.status, response: r.response, createdByName: r.createdByName, createdAt: r.createdAt, updatedAt: r.updatedAt, nextStatuses: c.stage === 'closed' ? [] : [...nextReferralStatuses(r.status)] })),
    events: events.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName, kind: e.kind, stage: e.stage, action: (e.action as CaseView['events'][number]['action']) ?? null, fromStage: e.fromStage, toStage: e.toStage, note: e.note, detail: e.detail })),
    actions: legalActions(c.stage, permissions).map((t) => ({ action: t.action, to: t.to, noteRequired: t.noteRequired })),
    canAssign: isSupervisor(actor) && c.stage !== 'closed',
  };
}

/** A case file; the read is audited in the same transaction. */
export async function getCase(p: Platform, actor: Actor, id: string, opts: { now?: Date } = {}): Promise<CaseView> {
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id);
    await appendAudit(tx, actor, { action: 'protection.case.read', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode });
    return caseView(tx, actor, c, opts.now ?? new Date());
  });
}

/** The view after a change, without a second read audit (the change itself is audited). */
export async function viewAfterChange(tx: Executor, actor: Actor, id: string): Promise<CaseView> {
  return caseView(tx, actor, await caseRow(tx, actor, id), new Date());
}

/** Moves a case to its next stage, if the machine allows it for the caller; the deadline restarts. */
export async function transitionCase(p: Platform, actor: Actor, id: string, input: { action: CaseView['actions'][number]['action']; note?: string }, opts: { at?: Date } = {}): Promise<CaseView> {
  const at = opts.at ?? new Date();
  return p.db.transaction(async (tx) => {
    const c = await caseRow(tx, actor, id, { forUpdate: true });
    const result = nextStage(c.stage, input.action, { permissions: ROLES[actor.role].permissions as readonly string[], note: input.note });
    if (!result.ok) {
      if (result.reason === 'illegal') throw new AppError('conflict', { fields: [{ field: 'action', key: 'protection.illegalTransition', params: { stage: c.stage, action: input.action } }] });
      if (result.reason === 'forbidden') throw new AppError('forbidden', { fields: [{ field: 'action', key: 'protection.supervisorOnly', params: { action: input.action } }] });
      throw AppError.field('note', 'protection.noteRequired');
    }
    const to = result.to;
    const version = deadlineVersionOn(SHANGHAI_DATE.format(at));
    await tx
      .update(protectionCases)
      .set({
        stage: to,
        stageEnteredAt: at.toISOString(),
        stageDueAt: stageDueAt(to, c.riskLevel, at)?.toISOString() ?? null,
        deadlineVersion: version.version,
        closedReason: to === 'closed' ? result.transition.closedReason! : null,
        closedAt: to === 'closed' ? at.toISOString() : null,
        updatedAt: at.toISOString(),
      })
      .where(eq(protectionCases.id, c.id));
    await tx.insert(protectionCaseEvents).values({ caseId: c.id, unitCode: c.unitCode, at: at.toISOString(), actorId: actor.id, actorName: await actorName(tx, actor), kind: 'transition', stage: to, action: input.action, fromStage: c.stage, toStage: to, note: input.note || null });
    await appendAudit(tx, actor, { action: 'protection.case.transition', entityType: 'protection_case', entityId: c.id, unitCode: c.unitCode, detail: { action: input.action, from: c.stage, to } });
    return viewAfterChange(tx, actor, c.id);
  });
}

/** Who opened or changed the case file, newest first (a supervisor's view of its access log). */
export async function caseAccessLog(p: Platform, actor: Actor, id: string) {
  const c = await caseRow(p.db.orm, actor, id);
  requirePermission(actor, 'protection.supervise');
  const rows = await p.db.orm
    .select({ at: auditLog.at, action: auditLog.action, username: auditLog.actorUsername, displayName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'protection_case'), eq(auditLog.entityId, c.id)))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return rows.map((r) => ({ at: r.at, action: r.action.replace(/^protection\.(case\.)?/, ''), who: r.displayName ?? r.username ?? '' }));
}
