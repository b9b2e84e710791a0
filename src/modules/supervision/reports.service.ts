/**
 * Reports into supervision: incident and emergency reports from centers (突发事件报告), and
 * complaints from parents about a center their child attends. The county acknowledges and
 * closes incidents (an incident the center is at fault for goes on its credit by severity)
 * and handles complaints (an upheld one goes on its credit).
 */
import { and, desc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { guardianships } from '../guardianship/index.ts';
import { centerForActor, centersVisibleTo } from '../grading/index.ts';
import { centerComplaints, centerIncidents } from './schema.ts';
import { canRead } from './access.ts';
import { actorDisplayName } from '../access/index.ts';
import { recordCredit } from './credit.service.ts';
import type { ComplaintView, IncidentInput, IncidentView } from './contract.ts';
import type { ComplaintCategory } from './vocabulary.ts';

function incidentToView(r: typeof centerIncidents.$inferSelect, centerName: string): IncidentView {
  return { ...r, centerName };
}

export async function reportIncident(p: Platform, actor: Actor, input: IncidentInput): Promise<IncidentView> {
  requirePermission(actor, 'supervision.report');
  if (input.occurredAt.slice(0, 10) > p.today()) throw AppError.field('occurredAt', 'supervision.inFuture');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId);
    const [row] = await tx
      .insert(centerIncidents)
      .values({ ...input, unitCode: center.unitCode, status: 'reported', reportedBy: actor.id, reportedByName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'supervision.incident.report', entityType: 'center_incident', entityId: row.id, unitCode: row.unitCode, detail: { kind: row.kind, severity: row.severity } });
    return incidentToView(row, center.name);
  });
}

export async function handleIncident(p: Platform, actor: Actor, id: string, h: { action: 'acknowledge'; note?: string } | { action: 'close'; note: string; centerAtFault: boolean }): Promise<IncidentView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(centerIncidents).where(and(eq(centerIncidents.id, id), inScope(centerIncidents.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    const center = await centerForActor(tx, actor, row.centerId);
    const allowed = h.action === 'acknowledge' ? row.status === 'reported' : row.status !== 'closed';
    if (!allowed) throw AppError.conflict('status', 'supervision.incidentTransition');
    const [updated] = await tx
      .update(centerIncidents)
      .set({ status: h.action === 'acknowledge' ? 'acknowledged' : 'closed', handlingNote: h.note || row.handlingNote, handledByName: await actorDisplayName(tx, actor), centerAtFault: h.action === 'close' ? h.centerAtFault : null, updatedAt: sql`now()` })
      .where(eq(centerIncidents.id, id))
      .returning();
    if (h.action === 'close' && h.centerAtFault && row.severity !== 'general') {
      await recordCredit(tx, { unitCode: row.unitCode, centerId: row.centerId, ruleCode: `incident.${row.severity}`, sourceType: 'incident', sourceId: row.id, occurredOn: p.today() });
    }
    await appendAudit(tx, actor, { action: `supervision.incident.${h.action}`, entityType: 'center_incident', entityId: id, unitCode: row.unitCode });
    return incidentToView(updated, center.name);
  });
}

export async function listIncidents(p: Platform, actor: Actor, q: { status?: string; unitCode?: string; centerId?: string }): Promise<IncidentView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(centerIncidents.unitCode, actor), centersVisibleTo(actor, sql`${centerIncidents.centerId}`)];
  if (q.status) conds.push(eq(centerIncidents.status, q.status as 'reported'));
  if (q.unitCode) conds.push(like(centerIncidents.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(centerIncidents.centerId, q.centerId));
  const rows = await p.db.orm.select({ r: centerIncidents, centerName: childcareCenters.name }).from(centerIncidents).innerJoin(childcareCenters, eq(childcareCenters.id, centerIncidents.centerId)).where(and(...conds)).orderBy(desc(centerIncidents.occurredAt)).limit(2000);
  return rows.map((r) => incidentToView(r.r, r.centerName));
}

// ---- complaints --------------------------------------------------------------------------

function complaintToView(r: typeof centerComplaints.$inferSelect, centerName: string): ComplaintView {
  return { id: r.id, unitCode: r.unitCode, centerId: r.centerId, centerName, complainantName: r.complainantName, category: r.category, content: r.content, status: r.status, reply: r.reply, handledByName: r.handledByName, handledAt: r.handledAt, createdAt: r.createdAt };
}

/** A parent complains about a center one of their children is or was enrolled at. */
export async function fileComplaint(p: Platform, actor: Actor, input: { centerId: string; category: ComplaintCategory; content: string }): Promise<ComplaintView> {
  requirePermission(actor, 'supervision.complain');
  return p.db.transaction(async (tx) => {
    const [link] = await tx
      .select({ unitCode: childcareCenters.unitCode, name: childcareCenters.name })
      .from(guardianships)
      .innerJoin(childcareEnrolments, eq(childcareEnrolments.personId, guardianships.personId))
      .innerJoin(childcareCenters, eq(childcareCenters.id, childcareEnrolments.centerId))
      .where(and(eq(guardianships.userId, actor.id ?? ''), isNull(guardianships.endedAt), eq(childcareEnrolments.centerId, input.centerId)))
      .limit(1);
    if (!link) throw AppError.field('centerId', 'supervision.notYourChild');
    const [row] = await tx
      .insert(centerComplaints)
      .values({ unitCode: link.unitCode, centerId: input.centerId, complainantId: actor.id, complainantName: await actorDisplayName(tx, actor), category: input.category, content: input.content, status: 'received' })
      .returning();
    await appendAudit(tx, actor, { action: 'supervision.complaint.file', entityType: 'center_complaint', entityId: row.id, unitCode: row.unitCode });
    return complaintToView(row, link.name);
  });
}

async function complaintRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex.select().from(centerComplaints).where(and(eq(centerComplaints.id, id), inScope(centerComplaints.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  return row;
}

export async function handleComplaint(p: Platform, actor: Actor, id: string, h: { action: 'handle' | 'uphold' | 'dismiss'; reply?: string }): Promise<ComplaintView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const row = await complaintRow(tx, actor, id);
    const center = await centerForActor(tx, actor, row.centerId);
    const allowed = h.action === 'handle' ? row.status === 'received' : ['received', 'handling'].includes(row.status);
    if (!allowed) throw AppError.conflict('status', 'supervision.complaintTransition');
    const status = h.action === 'handle' ? 'handling' : h.action === 'uphold' ? 'upheld' : 'dismissed';
    const [updated] = await tx.update(centerComplaints).set({ status, reply: h.reply || row.reply, handledByName: await actorDisplayName(tx, actor), handledAt: sql`now()` }).where(eq(centerComplaints.id, id)).returning();
    if (status === 'upheld') await recordCredit(tx, { unitCode: row.unitCode, centerId: row.centerId, ruleCode: 'complaint.upheld', sourceType: 'complaint', sourceId: row.id, occurredOn: p.today() });
    await appendAudit(tx, actor, { action: `supervision.complaint.${h.action}`, entityType: 'center_complaint', entityId: id, unitCode: row.unitCode });
    return complaintToView(updated, center.name);
  });
}

/** Officials see the complaints in scope; a parent sees their own. */
export async function listComplaints(p: Platform, actor: Actor, q: { status?: string; unitCode?: string; centerId?: string }): Promise<ComplaintView[]> {
  const conds: SQL[] = [];
  if (actor.role === 'parent') {
    requirePermission(actor, 'supervision.complain');
    conds.push(eq(centerComplaints.complainantId, actor.id ?? ''));
  } else {
    canRead(actor);
    if (q.unitCode) assertWithinScope(q.unitCode, actor);
    conds.push(inScope(centerComplaints.unitCode, actor), centersVisibleTo(actor, sql`${centerComplaints.centerId}`));
    if (q.unitCode) conds.push(like(centerComplaints.unitCode, `${q.unitCode}%`));
  }
  if (q.status) conds.push(eq(centerComplaints.status, q.status as 'received'));
  if (q.centerId) conds.push(eq(centerComplaints.centerId, q.centerId));
  const rows = await p.db.orm.select({ r: centerComplaints, centerName: childcareCenters.name }).from(centerComplaints).innerJoin(childcareCenters, eq(childcareCenters.id, centerComplaints.centerId)).where(and(...conds)).orderBy(desc(centerComplaints.createdAt)).limit(2000);
  return rows.map((r) => complaintToView(r.r, r.centerName));
}
