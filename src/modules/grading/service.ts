/**
 * Grading use cases (评级全闭环): eligibility, the application with its self-assessment,
 * submission (refused with the reasons when the center is not eligible), the on-site
 * assessment by the county (by the city for 市级示范), publication of the result as a grade
 * with its validity, re-evaluation (a new grade supersedes the old), and downgrade.
 */
import { and, asc, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addDays, addMonths } from '../../app/dates.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName, can } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { childcareCenters, childcareDocuments } from '../childcare/index.ts';
import { centerGrades, gradingApplications } from './schema.ts';
import { centerForActor, centersVisibleTo, type CenterRow } from './centers.ts';
import { checkEligibility } from './eligibility.ts';
import { CURRENT_STANDARD, LEVEL_SETTINGS, checkScores, resultLevel, scoreSheet, standardOf } from './standard.ts';
import { levelRank, type EligibilityCheck, type GradeLevel } from './vocabulary.ts';
import type { ApplicationsQuery, ApplicationView, GradesQuery, GradeView } from './contract.ts';

function canRead(actor: Actor): void {
  if (!can(actor.role, 'grading.read') && !can(actor.role, 'grading.apply')) throw AppError.forbidden();
}

// ---- eligibility -------------------------------------------------------------------------

export async function eligibilityOf(ex: Executor, center: CenterRow, today: string): Promise<EligibilityCheck> {
  const docs = await ex
    .select({ kind: childcareDocuments.kind })
    .from(childcareDocuments)
    .where(and(eq(childcareDocuments.centerId, center.id), inArray(childcareDocuments.kind, ['registration', 'healthEvaluation'])));
  const kinds = new Set(docs.map((d) => d.kind));
  return checkEligibility(
    {
      registered: center.creditCode !== null || kinds.has('registration'),
      filed: center.status === 'filed',
      openedOn: center.openedOn,
      healthEvaluation: kinds.has('healthEvaluation'),
    },
    today,
    LEVEL_SETTINGS.minOperatingMonths,
  );
}

export async function centerEligibility(p: Platform, actor: Actor, centerId: string): Promise<EligibilityCheck> {
  canRead(actor);
  const center = await centerForActor(p.db.orm, actor, centerId);
  return eligibilityOf(p.db.orm, center, p.today());
}

// ---- applications ------------------------------------------------------------------------

type AppRow = typeof gradingApplications.$inferSelect;

async function toView(ex: Executor, r: AppRow, centerName?: string): Promise<ApplicationView> {
  const names = await unitNameMap(ex, [r.unitCode]);
  const name = centerName ?? (await ex.select({ name: childcareCenters.name }).from(childcareCenters).where(eq(childcareCenters.id, r.centerId)))[0]?.name ?? '';
  return {
    id: r.id,
    centerId: r.centerId,
    centerName: name,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? r.unitCode,
    level: r.level,
    standardVersion: r.standardVersion,
    status: r.status,
    selfScores: r.selfScores,
    selfTotal: r.selfTotal,
    eligibility: r.eligibility,
    submittedAt: r.submittedAt,
    onsiteScores: r.onsiteScores,
    onsiteTotal: r.onsiteTotal,
    onsiteOn: r.onsiteOn,
    assessors: r.assessors,
    resultLevel: r.resultLevel,
    resultReasons: r.resultReasons,
    assessedByName: r.assessedByName,
    assessedAt: r.assessedAt,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
  };
}

async function applicationRow(ex: Executor, actor: Actor, id: string): Promise<AppRow> {
  const [row] = await ex.select().from(gradingApplications).where(and(eq(gradingApplications.id, id), inScope(gradingApplications.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  await centerForActor(ex, actor, row.centerId);
  return row;
}

export async function createApplication(p: Platform, actor: Actor, input: { centerId: string; level: GradeLevel }): Promise<ApplicationView> {
  requirePermission(actor, 'grading.apply');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId);
    const [open] = await tx.select({ id: gradingApplications.id }).from(gradingApplications).where(and(eq(gradingApplications.centerId, center.id), inArray(gradingApplications.status, ['draft', 'submitted', 'assessed']))).limit(1);
    if (open) throw AppError.conflict('centerId', 'grading.applicationOpen');
    const [row] = await tx
      .insert(gradingApplications)
      .values({ unitCode: center.unitCode, centerId: center.id, level: input.level, standardVersion: CURRENT_STANDARD.version, status: 'draft', createdBy: actor.id })
      .returning();
    await appendAudit(tx, actor, { action: 'grading.application.create', entityType: 'grading_application', entityId: row.id, unitCode: row.unitCode, detail: { level: row.level } });
    return toView(tx, row, center.name);
  });
}

export async function saveSelfAssessment(p: Platform, actor: Actor, id: string, input: { scores: Record<string, number> }): Promise<ApplicationView> {
  requirePermission(actor, 'grading.apply');
  return p.db.transaction(async (tx) => {
    const row = await applicationRow(tx, actor, id);
    if (row.status !== 'draft') throw AppError.conflict('status', 'grading.transition');
    const standard = standardOf(row.standardVersion)!;
    const issues = checkScores(standard, input.scores, false);
    if (issues.length) throw AppError.validation(issues);
    const merged = { ...row.selfScores, ...input.scores };
    const [updated] = await tx
      .update(gradingApplications)
      .set({ selfScores: merged, selfTotal: scoreSheet(standard, merged).total, updatedAt: sql`now()` })
      .where(eq(gradingApplications.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'grading.application.selfAssess', entityType: 'grading_application', entityId: id, unitCode: row.unitCode, detail: { items: Object.keys(input.scores).length } });
    return toView(tx, updated);
  });
}

/** Submits a complete self-assessment; refused, with every failed condition, when the center is not eligible (004). */
export async function submitApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  requirePermission(actor, 'grading.apply');
  return p.db.transaction(async (tx) => {
    const row = await applicationRow(tx, actor, id);
    if (row.status !== 'draft') throw AppError.conflict('status', 'grading.transition');
    const center = await centerForActor(tx, actor, row.centerId);
    const check = await eligibilityOf(tx, center, p.today());
    if (!check.eligible) {
      throw new AppError('validation', {
        messageKey: 'grading.notEligible',
        fields: check.failures.map((f) => ({ field: `eligibility.${f.condition}`, key: f.condition === 'operatingSixMonths' && !f.params?.openedOn ? 'grading.eligibility.notOpened' : `grading.eligibility.${f.condition}`, params: f.params })),
      });
    }
    const standard = standardOf(row.standardVersion)!;
    const issues = checkScores(standard, row.selfScores, true);
    if (issues.length) throw AppError.validation(issues);
    const [updated] = await tx
      .update(gradingApplications)
      .set({ status: 'submitted', eligibility: check, submittedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(gradingApplications.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'grading.application.submit', entityType: 'grading_application', entityId: id, unitCode: row.unitCode, detail: { level: row.level, selfTotal: row.selfTotal } });
    return toView(tx, updated, center.name);
  });
}

export async function withdrawApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  requirePermission(actor, 'grading.apply');
  return p.db.transaction(async (tx) => {
    const row = await applicationRow(tx, actor, id);
    if (!['draft', 'submitted'].includes(row.status)) throw AppError.conflict('status', 'grading.transition');
    const [updated] = await tx.update(gradingApplications).set({ status: 'withdrawn', updatedAt: sql`now()` }).where(eq(gradingApplications.id, id)).returning();
    await appendAudit(tx, actor, { action: 'grading.application.withdraw', entityType: 'grading_application', entityId: id, unitCode: row.unitCode });
    return toView(tx, updated);
  });
}

/** The county assesses 一级–三级; the city (a user scoped to the whole city) assesses 市级示范. */
function assertAssessor(actor: Actor, level: GradeLevel): void {
  requirePermission(actor, 'grading.assess');
  if (LEVEL_SETTINGS.assessedBy[level] === 'city' && actor.scope.length !== 4) throw AppError.field('level', 'grading.cityAssesses');
}

export async function recordAssessment(p: Platform, actor: Actor, id: string, input: { onsiteOn: string; assessors: string; scores: Record<string, number> }): Promise<ApplicationView> {
  requirePermission(actor, 'grading.assess');
  return p.db.transaction(async (tx) => {
    const row = await applicationRow(tx, actor, id);
    assertAssessor(actor, row.level);
    if (row.status !== 'submitted') throw AppError.conflict('status', 'grading.transition');
    if (input.onsiteOn > p.today()) throw AppError.field('onsiteOn', 'grading.onsiteInFuture');
    const standard = standardOf(row.standardVersion)!;
    const issues = checkScores(standard, input.scores, true);
    if (issues.length) throw AppError.validation(issues);
    const sheet = scoreSheet(standard, input.scores);
    const result = resultLevel(LEVEL_SETTINGS, row.level, sheet);
    const [updated] = await tx
      .update(gradingApplications)
      .set({
        status: 'assessed',
        onsiteScores: input.scores,
        onsiteTotal: sheet.total,
        onsiteOn: input.onsiteOn,
        assessors: input.assessors,
        resultLevel: result.level,
        resultReasons: result.reasons,
        assessedBy: actor.id,
        assessedByName: await actorDisplayName(tx, actor),
        assessedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(gradingApplications.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'grading.application.assess', entityType: 'grading_application', entityId: id, unitCode: row.unitCode, detail: { total: sheet.total, result: result.level } });
    return toView(tx, updated);
  });
}

/** The grade a center holds today, if any. */
async function currentGradeRow(ex: Executor, centerId: string, today: string) {
  const [g] = await ex
    .select()
    .from(centerGrades)
    .where(and(eq(centerGrades.centerId, centerId), lte(centerGrades.validFrom, today), gte(centerGrades.validTo, today), or(isNull(centerGrades.endedOn), sql`${centerGrades.endedOn} > ${today}`)))
    .orderBy(desc(centerGrades.validFrom))
    .limit(1);
  return g;
}

/** Publishes (公示) the result: a grade from today for the validity period, superseding the grade held before. */
export async function publishResult(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  requirePermission(actor, 'grading.assess');
  return p.db.transaction(async (tx) => {
    const row = await applicationRow(tx, actor, id);
    assertAssessor(actor, row.level);
    if (row.status !== 'assessed') throw AppError.conflict('status', 'grading.transition');
    const today = p.today();
    if (row.resultLevel) {
      const previous = await currentGradeRow(tx, row.centerId, today);
      if (previous) await tx.update(centerGrades).set({ endedOn: today, endReason: 'superseded', endComment: null, endedByName: await actorDisplayName(tx, actor) }).where(eq(centerGrades.id, previous.id));
      await tx.insert(centerGrades).values({
        unitCode: row.unitCode,
        centerId: row.centerId,
        applicationId: row.id,
        level: row.resultLevel,
        validFrom: today,
        validTo: addDays(addMonths(today, 12 * LEVEL_SETTINGS.validityYears), -1),
      });
    }
    const [updated] = await tx.update(gradingApplications).set({ status: 'published', publishedAt: sql`now()`, publishedByName: await actorDisplayName(tx, actor), updatedAt: sql`now()` }).where(eq(gradingApplications.id, id)).returning();
    await appendAudit(tx, actor, { action: 'grading.application.publish', entityType: 'grading_application', entityId: id, unitCode: row.unitCode, detail: { result: row.resultLevel } });
    return toView(tx, updated);
  });
}

/**
 * Downgrades (降级) a center's current grade from a day, for the rest of its validity, or
 * revokes it (level null). The old record ends that day.
 */
export async function downgradeCenter(p: Platform, actor: Actor, centerId: string, input: { level: GradeLevel | null; on: string; reason: string }): Promise<GradeView[]> {
  requirePermission(actor, 'grading.assess');
  await p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId);
    const current = await currentGradeRow(tx, center.id, input.on);
    if (!current) throw AppError.field('on', 'grading.noCurrentGrade');
    if (input.on > p.today()) throw AppError.field('on', 'grading.onsiteInFuture');
    if (input.on <= current.validFrom) throw AppError.field('on', 'grading.beforeGrade');
    if (input.level && levelRank(input.level) <= levelRank(current.level)) throw AppError.field('level', 'grading.notLower');
    if (LEVEL_SETTINGS.assessedBy[current.level] === 'city' && actor.scope.length !== 4) throw AppError.field('level', 'grading.cityAssesses');
    const name = await actorDisplayName(tx, actor);
    await tx.update(centerGrades).set({ endedOn: input.on, endReason: input.level ? 'downgraded' : 'revoked', endComment: input.reason, endedByName: name }).where(eq(centerGrades.id, current.id));
    if (input.level) await tx.insert(centerGrades).values({ unitCode: center.unitCode, centerId: center.id, level: input.level, validFrom: input.on, validTo: current.validTo });
    await appendAudit(tx, actor, { action: input.level ? 'grading.grade.downgrade' : 'grading.grade.revoke', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { from: current.level, to: input.level, on: input.on } });
  });
  return listGrades(p, actor, { centerId, history: 'true' });
}

// ---- lists -------------------------------------------------------------------------------

const APP_SORTS = {
  createdAt: gradingApplications.createdAt,
  centerName: childcareCenters.name,
  level: gradingApplications.level,
  status: gradingApplications.status,
  onsiteTotal: gradingApplications.onsiteTotal,
} as const;

export async function listApplications(p: Platform, actor: Actor, q: ApplicationsQuery & { page: number; pageSize: number }) {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(gradingApplications.unitCode, actor), centersVisibleTo(actor, sql`${gradingApplications.centerId}`)];
  if (q.status) conds.push(eq(gradingApplications.status, q.status));
  if (q.level) conds.push(eq(gradingApplications.level, q.level));
  if (q.unitCode) conds.push(like(gradingApplications.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(gradingApplications.centerId, q.centerId));
  if (q.q) conds.push(like(childcareCenters.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  const where = and(...conds);
  const [{ total }] = await p.db.orm.select({ total: sql<number>`count(*)::int` }).from(gradingApplications).innerJoin(childcareCenters, eq(childcareCenters.id, gradingApplications.centerId)).where(where);
  const col = APP_SORTS[q.sort];
  const rows = await p.db.orm
    .select({ a: gradingApplications, centerName: childcareCenters.name })
    .from(gradingApplications)
    .innerJoin(childcareCenters, eq(childcareCenters.id, gradingApplications.centerId))
    .where(where)
    .orderBy(q.order === 'asc' ? sql`${col} ASC NULLS LAST` : sql`${col} DESC NULLS LAST`, asc(gradingApplications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = await Promise.all(rows.map((r) => toView(p.db.orm, r.a, r.centerName)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  canRead(actor);
  const row = await applicationRow(p.db.orm, actor, id);
  return toView(p.db.orm, row);
}

export async function listGrades(p: Platform, actor: Actor, q: Partial<GradesQuery>): Promise<GradeView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const today = p.today();
  const current = sql`(${centerGrades.validFrom} <= ${today} AND ${centerGrades.validTo} >= ${today} AND (${centerGrades.endedOn} IS NULL OR ${centerGrades.endedOn} > ${today}))`;
  const conds: SQL[] = [inScope(centerGrades.unitCode, actor), centersVisibleTo(actor, sql`${centerGrades.centerId}`)];
  if (q.history !== 'true') conds.push(current);
  if (q.level) conds.push(eq(centerGrades.level, q.level));
  if (q.unitCode) conds.push(like(centerGrades.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(centerGrades.centerId, q.centerId));
  if (q.expiringWithin) conds.push(current, lte(centerGrades.validTo, addDays(today, q.expiringWithin)));
  const rows = await p.db.orm
    .select({ g: centerGrades, centerName: childcareCenters.name, cloud: childcareCenters.cloudSupervision, current: sql<boolean>`${current}` })
    .from(centerGrades)
    .innerJoin(childcareCenters, eq(childcareCenters.id, centerGrades.centerId))
    .where(and(...conds))
    .orderBy(asc(centerGrades.unitCode), asc(childcareCenters.name), asc(centerGrades.validFrom))
    .limit(5000);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.g.unitCode));
  return rows.map((r) => ({
    id: r.g.id,
    centerId: r.g.centerId,
    centerName: r.centerName,
    unitCode: r.g.unitCode,
    unitName: names.get(r.g.unitCode) ?? r.g.unitCode,
    level: r.g.level,
    validFrom: r.g.validFrom,
    validTo: r.g.validTo,
    endedOn: r.g.endedOn,
    endReason: r.g.endReason,
    endComment: r.g.endComment,
    current: r.current,
    cloudSupervision: r.cloud,
  }));
}
