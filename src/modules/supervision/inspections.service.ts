/**
 * Inspection use cases: plans with the double-random draw (recorded and verifiable),
 * inspections against the checklist of their type, findings, and the rectification order a
 * failed inspection issues, with the center's response and the county's follow-up. Findings
 * and overdue orders feed the center's credit record.
 */
import crypto from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { pointsFor } from './credit.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName, users } from '../access/index.ts';
import { canRead, recordingRight } from './access.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { centerForActor, centersVisibleTo } from '../grading/index.ts';
import { inspectionFindings, inspectionPlans, inspections, rectificationOrders, type OrderHistoryEntry } from './schema.ts';
import { checkDraw, drawInspections } from './draw.ts';
import { CHECKLIST_VERSION, checkAnswers, findingsOf } from './checklist.ts';
import { isOverdue, nextOrderStatus } from './rectification.ts';
import { creditNow, recordCredit } from './credit.service.ts';
import type { InspectionsQuery, InspectionView, OrderReview, OrderView, PlanInput, PlanView, ResultInput } from './contract.ts';


// ---- plans and the draw ------------------------------------------------------------------

async function planToView(ex: Executor, r: typeof inspectionPlans.$inferSelect): Promise<PlanView> {
  const names = await unitNameMap(ex, [r.unitCode]);
  return { ...r, unitName: names.get(r.unitCode) ?? r.unitCode };
}

export async function createPlan(p: Platform, actor: Actor, input: PlanInput): Promise<PlanView> {
  requirePermission(actor, 'supervision.manage');
  const unitCode = input.unitCode ?? actor.scope;
  const unit = await findUnit(p.db.orm, unitCode);
  if (!unit || unit.level !== 2) throw AppError.field('unitCode', 'invalid');
  if (!isWithinScope(unitCode, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
  if (input.periodTo < input.periodFrom) throw AppError.field('periodTo', 'supervision.periodOrder');
  return p.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPlans)
      .values({ ...input, unitCode, status: 'draft', createdByName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'supervision.plan.create', entityType: 'inspection_plan', entityId: row.id, unitCode });
    return planToView(tx, row);
  });
}

async function planRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex.select().from(inspectionPlans).where(and(eq(inspectionPlans.id, id), inScope(inspectionPlans.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  return row;
}

/** The inspectors of a county: its active county officials. */
async function roster(ex: Executor, county: string) {
  return ex.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.unitCode, county), eq(users.role, 'county_official'), eq(users.active, true)));
}

/**
 * Draws the plan's centers (filed centers of the county) and inspectors with a seed (given,
 * or a fresh random one), records the draw and schedules one inspection per drawn center.
 */
export async function drawPlan(p: Platform, actor: Actor, id: string, input: { seed?: string }): Promise<PlanView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const plan = await planRow(tx, actor, id);
    if (plan.status !== 'draft') throw AppError.conflict('status', 'supervision.alreadyDrawn');
    const centers = await tx.select({ id: childcareCenters.id, unitCode: childcareCenters.unitCode }).from(childcareCenters).where(and(like(childcareCenters.unitCode, `${plan.unitCode}%`), inScope(childcareCenters.unitCode, actor), eq(childcareCenters.status, 'filed')));
    const inspectors = await roster(tx, plan.unitCode);
    const issue = checkDraw({ centers: centers.map((c) => c.id), inspectors: inspectors.map((i) => i.id), sampleSize: plan.sampleSize, inspectorsPerCenter: plan.inspectorsPerCenter });
    if (issue) throw AppError.field(issue.field, issue.key, issue.params);
    const seed = input.seed ?? crypto.randomBytes(8).toString('hex');
    const draw = drawInspections({ seed, centers: centers.map((c) => c.id), inspectors: inspectors.map((i) => i.id), sampleSize: plan.sampleSize, inspectorsPerCenter: plan.inspectorsPerCenter });
    const unitOf = new Map(centers.map((c) => [c.id, c.unitCode]));
    const nameOf = new Map(inspectors.map((i) => [i.id, i.name]));
    if (draw.assignments.length) {
      await tx.insert(inspections).values(
        draw.assignments.map((a) => ({
          unitCode: unitOf.get(a.centerId)!,
          centerId: a.centerId,
          planId: plan.id,
          inspectionType: plan.inspectionType,
          checklistVersion: CHECKLIST_VERSION,
          scheduledOn: plan.periodFrom,
          inspectorIds: a.inspectorIds,
          inspectorNames: a.inspectorIds.map((i) => nameOf.get(i)!),
          scheduledBy: actor.id,
          status: 'scheduled' as const,
        })),
      );
    }
    const [row] = await tx.update(inspectionPlans).set({ status: 'drawn', draw, drawnAt: sql`now()`, drawnByName: await actorDisplayName(tx, actor) }).where(eq(inspectionPlans.id, id)).returning();
    await appendAudit(tx, actor, { action: 'supervision.plan.draw', entityType: 'inspection_plan', entityId: id, unitCode: plan.unitCode, detail: { seed, algorithm: draw.algorithm, candidates: draw.candidates.length, picked: draw.assignments.length } });
    return planToView(tx, row);
  });
}

/** Redoes a recorded draw from its recorded inputs and says whether it gives the same result. */
export async function verifyDraw(p: Platform, actor: Actor, id: string) {
  canRead(actor);
  const plan = await planRow(p.db.orm, actor, id);
  if (!plan.draw) throw AppError.conflict('status', 'supervision.notDrawn');
  const d = plan.draw;
  const again = drawInspections({ seed: d.seed, centers: d.candidates, inspectors: d.roster, sampleSize: d.sampleSize, inspectorsPerCenter: d.inspectorsPerCenter });
  return { reproducible: d.algorithm === again.algorithm && isDeepStrictEqual(again.assignments, d.assignments), algorithm: d.algorithm, seed: d.seed };
}

export async function listPlans(p: Platform, actor: Actor, q: { unitCode?: string }): Promise<PlanView[]> {
  requirePermission(actor, 'supervision.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(inspectionPlans.unitCode, actor)];
  if (q.unitCode) conds.push(like(inspectionPlans.unitCode, `${q.unitCode}%`));
  const rows = await p.db.orm.select().from(inspectionPlans).where(and(...conds)).orderBy(desc(inspectionPlans.periodFrom), desc(inspectionPlans.createdAt)).limit(500);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}

// ---- inspections -------------------------------------------------------------------------

async function inspectionViews(ex: Executor, actor: Actor, rows: { i: typeof inspections.$inferSelect; centerName: string }[]): Promise<InspectionView[]> {
  const ids = rows.map((r) => r.i.id);
  const findings = ids.length ? await ex.select().from(inspectionFindings).where(inArray(inspectionFindings.inspectionId, ids)).orderBy(asc(inspectionFindings.createdAt)) : [];
  const names = await unitNameMap(ex, rows.map((r) => r.i.unitCode));
  return rows.map(({ i, centerName }) => ({
    id: i.id,
    unitCode: i.unitCode,
    unitName: names.get(i.unitCode) ?? i.unitCode,
    centerId: i.centerId,
    centerName,
    planId: i.planId,
    inspectionType: i.inspectionType,
    checklistVersion: i.checklistVersion,
    scheduledOn: i.scheduledOn,
    inspectedOn: i.inspectedOn,
    inspectorNames: i.inspectorNames,
    status: i.status,
    results: i.results,
    summary: i.summary,
    findings: findings.filter((f) => f.inspectionId === i.id).map((f) => ({ id: f.id, itemCode: f.itemCode, severity: f.severity, description: f.description })),
    mayRecord: recordingRight(actor, i),
  }));
}

export async function scheduleInspection(p: Platform, actor: Actor, input: { centerId: string; inspectionType: InspectionView['inspectionType']; scheduledOn: string; inspectorIds: string[] }): Promise<InspectionView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId);
    const team = input.inspectorIds.length ? await tx.select({ id: users.id, name: users.displayName, unitCode: users.unitCode }).from(users).where(inArray(users.id, input.inspectorIds)) : [];
    if (team.length !== input.inspectorIds.length || team.some((u) => !center.unitCode.startsWith(u.unitCode) || !isWithinScope(u.unitCode, actor))) throw AppError.field('inspectorIds', 'invalid');
    const [row] = await tx
      .insert(inspections)
      .values({ unitCode: center.unitCode, centerId: center.id, inspectionType: input.inspectionType, checklistVersion: CHECKLIST_VERSION, scheduledOn: input.scheduledOn, inspectorIds: team.map((u) => u.id), inspectorNames: team.map((u) => u.name), scheduledBy: actor.id, status: 'scheduled' })
      .returning();
    await appendAudit(tx, actor, { action: 'supervision.inspection.schedule', entityType: 'inspection', entityId: row.id, unitCode: row.unitCode });
    return (await inspectionViews(tx, actor, [{ i: row, centerName: center.name }]))[0];
  });
}

/**
 * Records the answered checklist: each failed item becomes a finding (on the credit record
 * by its severity), and any failure issues one rectification order with its deadline.
 */
export async function recordResult(p: Platform, actor: Actor, id: string, input: ResultInput): Promise<InspectionView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(inspections).where(and(eq(inspections.id, id), inScope(inspections.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    const center = await centerForActor(tx, actor, row.centerId);
    if (row.status !== 'scheduled') throw AppError.conflict('status', 'supervision.inspectionDone');
    const right = recordingRight(actor, row);
    if (right === 'no') throw AppError.field('inspectors', 'supervision.inspectorsOnly', { names: row.inspectorNames.join('、') });
    if (right === 'onBehalf' && !input.onBehalfReason) throw AppError.field('onBehalfReason', 'supervision.onBehalfReason');
    if (input.inspectedOn > p.today()) throw AppError.field('inspectedOn', 'supervision.inFuture');
    const issues = checkAnswers(row.inspectionType, input.results, input.findings);
    if (issues.length) throw AppError.validation(issues);
    const found = findingsOf(row.inspectionType, input.results, input.findings);
    if (found.length && !input.rectificationDeadline) throw AppError.field('rectificationDeadline', 'required');
    if (found.length && input.rectificationDeadline! <= input.inspectedOn) throw AppError.field('rectificationDeadline', 'supervision.deadlineBeforeIssue');
    const [updated] = await tx.update(inspections).set({ status: 'done', inspectedOn: input.inspectedOn, results: input.results, summary: input.summary || null }).where(eq(inspections.id, id)).returning();
    for (const f of found) {
      const [finding] = await tx.insert(inspectionFindings).values({ unitCode: row.unitCode, inspectionId: id, centerId: row.centerId, ...f }).returning();
      await recordCredit(tx, { unitCode: row.unitCode, centerId: row.centerId, ruleCode: `finding.${f.severity}`, sourceType: 'finding', sourceId: finding.id, occurredOn: input.inspectedOn });
    }
    if (found.length) {
      const by = await actorDisplayName(tx, actor);
      const [order] = await tx
        .insert(rectificationOrders)
        .values({
          unitCode: row.unitCode,
          centerId: row.centerId,
          inspectionId: id,
          requirement: input.requirement || found.map((f) => f.description).join('；'),
          issuedOn: input.inspectedOn,
          deadline: input.rectificationDeadline!,
          status: 'open',
          history: [{ at: new Date().toISOString(), by, action: 'issued', deadline: input.rectificationDeadline! }],
        })
        .returning();
      await appendAudit(tx, actor, { action: 'supervision.rectification.issue', entityType: 'rectification_order', entityId: order.id, unitCode: row.unitCode, detail: { deadline: order.deadline } });
    }
    await appendAudit(tx, actor, {
      action: right === 'onBehalf' ? 'supervision.inspection.resultOnBehalf' : 'supervision.inspection.result',
      entityType: 'inspection',
      entityId: id,
      unitCode: row.unitCode,
      detail: right === 'onBehalf' ? { findings: found.length, inspectors: row.inspectorNames, reason: input.onBehalfReason } : { findings: found.length },
    });
    const [view] = await inspectionViews(tx, actor, [{ i: updated, centerName: center.name }]);
    if (!found.length) return view;
    const credit = await creditNow(tx, row.centerId, p.today());
    return { ...view, credit: { score: credit.score, level: credit.level, change: found.reduce((n, f) => n + pointsFor(`finding.${f.severity}`), 0) } };
  });
}

const INSPECTION_SORTS = { scheduledOn: inspections.scheduledOn, centerName: childcareCenters.name, status: inspections.status } as const;

function inspectionConditions(actor: Actor, q: Partial<InspectionsQuery>): SQL[] {
  const conds: SQL[] = [inScope(inspections.unitCode, actor), centersVisibleTo(actor, sql`${inspections.centerId}`)];
  if (q.status) conds.push(eq(inspections.status, q.status));
  if (q.inspectionType) conds.push(eq(inspections.inspectionType, q.inspectionType));
  if (q.unitCode) conds.push(like(inspections.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(inspections.centerId, q.centerId));
  if (q.planId) conds.push(eq(inspections.planId, q.planId));
  if (q.q) conds.push(like(childcareCenters.name, containsPattern(q.q)));
  return conds;
}

export async function listInspections(p: Platform, actor: Actor, q: InspectionsQuery & { page: number; pageSize: number }) {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const where = and(...inspectionConditions(actor, q));
  const [{ total }] = await p.db.orm.select({ total: sql<number>`count(*)::int` }).from(inspections).innerJoin(childcareCenters, eq(childcareCenters.id, inspections.centerId)).where(where);
  const col = INSPECTION_SORTS[q.sort];
  const rows = await p.db.orm
    .select({ i: inspections, centerName: childcareCenters.name })
    .from(inspections)
    .innerJoin(childcareCenters, eq(childcareCenters.id, inspections.centerId))
    .where(where)
    .orderBy(q.order === 'asc' ? asc(col) : desc(col), asc(inspections.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await inspectionViews(p.db.orm, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function exportInspections(p: Platform, actor: Actor, q: InspectionsQuery): Promise<InspectionView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const rows = await p.db.orm
    .select({ i: inspections, centerName: childcareCenters.name })
    .from(inspections)
    .innerJoin(childcareCenters, eq(childcareCenters.id, inspections.centerId))
    .where(and(...inspectionConditions(actor, q)))
    .orderBy(desc(inspections.scheduledOn))
    .limit(20_000);
  return inspectionViews(p.db.orm, actor, rows);
}

export async function getInspection(p: Platform, actor: Actor, id: string): Promise<InspectionView> {
  canRead(actor);
  const [row] = await p.db.orm.select({ i: inspections, centerName: childcareCenters.name }).from(inspections).innerJoin(childcareCenters, eq(childcareCenters.id, inspections.centerId)).where(and(eq(inspections.id, id), ...inspectionConditions(actor, {}))).limit(1);
  assertWithinScope(row?.i.unitCode, actor);
  return (await inspectionViews(p.db.orm, actor, [row]))[0];
}

// ---- rectification orders ----------------------------------------------------------------

function orderToView(r: typeof rectificationOrders.$inferSelect, centerName: string, today: string): OrderView {
  return {
    id: r.id,
    unitCode: r.unitCode,
    centerId: r.centerId,
    centerName,
    inspectionId: r.inspectionId,
    requirement: r.requirement,
    issuedOn: r.issuedOn,
    deadline: r.deadline,
    status: r.status,
    overdue: isOverdue(r, today),
    response: r.response,
    closedOn: r.closedOn,
    history: r.history,
  };
}

export async function listOrders(p: Platform, actor: Actor, q: { status?: string; overdue?: string; unitCode?: string; centerId?: string }): Promise<OrderView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const today = p.today();
  const conds: SQL[] = [inScope(rectificationOrders.unitCode, actor), centersVisibleTo(actor, sql`${rectificationOrders.centerId}`)];
  if (q.status) conds.push(eq(rectificationOrders.status, q.status as 'open'));
  if (q.overdue === 'true') conds.push(eq(rectificationOrders.status, 'open'), sql`${rectificationOrders.deadline} < ${today}`);
  if (q.unitCode) conds.push(like(rectificationOrders.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(rectificationOrders.centerId, q.centerId));
  const rows = await p.db.orm
    .select({ o: rectificationOrders, centerName: childcareCenters.name })
    .from(rectificationOrders)
    .innerJoin(childcareCenters, eq(childcareCenters.id, rectificationOrders.centerId))
    .where(and(...conds))
    .orderBy(asc(rectificationOrders.deadline))
    .limit(2000);
  return rows.map((r) => orderToView(r.o, r.centerName, today));
}

async function orderRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex.select().from(rectificationOrders).where(and(eq(rectificationOrders.id, id), inScope(rectificationOrders.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  const center = await centerForActor(ex, actor, row.centerId);
  return { row, center };
}

/** Records the overdue of an open order past its deadline on the center's credit, once. */
async function noteOverdue(tx: Executor, row: typeof rectificationOrders.$inferSelect, today: string, by: string): Promise<typeof rectificationOrders.$inferSelect> {
  if (row.overdueRecorded || !isOverdue(row, today)) return row;
  await recordCredit(tx, { unitCode: row.unitCode, centerId: row.centerId, ruleCode: 'rectification.overdue', sourceType: 'rectification', sourceId: row.id, occurredOn: today });
  const history = [...row.history, { at: new Date().toISOString(), by, action: 'overdue' as const, deadline: row.deadline }];
  const [updated] = await tx.update(rectificationOrders).set({ overdueRecorded: true, history }).where(eq(rectificationOrders.id, row.id)).returning();
  return updated;
}

export async function respondToOrder(p: Platform, actor: Actor, id: string, input: { response: string }): Promise<OrderView> {
  requirePermission(actor, 'supervision.report');
  return p.db.transaction(async (tx) => {
    const { row: found, center } = await orderRow(tx, actor, id);
    const by = await actorDisplayName(tx, actor);
    const row = await noteOverdue(tx, found, p.today(), 'system');
    if (!nextOrderStatus(row.status, { action: 'respond' })) throw AppError.conflict('status', 'supervision.orderTransition');
    const history: OrderHistoryEntry[] = [...row.history, { at: new Date().toISOString(), by, action: 'respond', comment: input.response }];
    const [updated] = await tx.update(rectificationOrders).set({ status: 'submitted', response: input.response, respondedAt: sql`now()`, history }).where(eq(rectificationOrders.id, id)).returning();
    await appendAudit(tx, actor, { action: 'supervision.rectification.respond', entityType: 'rectification_order', entityId: id, unitCode: row.unitCode });
    return orderToView(updated, center.name, p.today());
  });
}

export async function reviewOrder(p: Platform, actor: Actor, id: string, input: OrderReview): Promise<OrderView> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const { row, center } = await orderRow(tx, actor, id);
    const today = p.today();
    const next = nextOrderStatus(row.status, input.decision === 'accept' ? { action: 'accept' } : { action: 'reject', newDeadline: input.newDeadline });
    if (!next) throw AppError.conflict('status', 'supervision.orderTransition');
    if (input.decision === 'reject' && input.newDeadline <= today) throw AppError.field('newDeadline', 'supervision.deadlineBeforeIssue');
    const by = await actorDisplayName(tx, actor);
    const history: OrderHistoryEntry[] = [...row.history, { at: new Date().toISOString(), by, action: input.decision, comment: input.comment, ...(input.decision === 'reject' ? { deadline: input.newDeadline } : {}) }];
    const [updated] = await tx
      .update(rectificationOrders)
      .set(input.decision === 'accept' ? { status: 'closed', closedOn: today, history } : { status: 'open', deadline: input.newDeadline, history })
      .where(eq(rectificationOrders.id, id))
      .returning();
    await appendAudit(tx, actor, { action: `supervision.rectification.${input.decision}`, entityType: 'rectification_order', entityId: id, unitCode: row.unitCode });
    return orderToView(updated, center.name, today);
  });
}

/** Puts every open order in scope that is past its deadline on its center's credit record (run daily, or by the county). */
export async function recordOverdueOrders(p: Platform, actor: Actor): Promise<{ recorded: number }> {
  requirePermission(actor, 'supervision.manage');
  return p.db.transaction(async (tx) => {
    const today = p.today();
    const due = await tx.select().from(rectificationOrders).where(and(inScope(rectificationOrders.unitCode, actor), eq(rectificationOrders.status, 'open'), eq(rectificationOrders.overdueRecorded, false), sql`${rectificationOrders.deadline} < ${today}`));
    for (const row of due) {
      await noteOverdue(tx, row, today, await actorDisplayName(tx, actor));
      await appendAudit(tx, actor, { action: 'supervision.rectification.overdue', entityType: 'rectification_order', entityId: row.id, unitCode: row.unitCode });
    }
    return { recorded: due.length };
  });
}
