/**
 * The filing workflow (备案, 机构办托"一件事"): the operator submits; each department of the
 * joint mechanism approves or returns its part; the county health department (卫健) files or
 * returns with reasons. Every step is an event on the filing's timeline and an audit row.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { actorDisplayName, can } from '../access/index.ts';
import { isOperator, loadCenter, visibleCentersAs, type CenterRow } from './access.ts';
import { DEPARTMENT_PARTS, missingEvidence, nextFilingStatus, pendingDepartments, simplifiedFireAllowed, type FilingAction } from './filing.ts';
import { childcareCenters, childcareDepartmentReviewers, childcareFilingEvents, childcareFilingReviews, childcareFilings } from './schema.ts';
import { DEPARTMENTS, type Department, type DocumentKind } from './vocabulary.ts';
import { documentsOf } from './documents.service.ts';
import { saveClasses } from './classes.service.ts';
import { addEvent } from './timeline.service.ts';
import { refreshWarnings } from './staffing.service.ts';
import type { CenterChangeInput, DocumentView, FilingListItem, FilingView } from './contract.ts';

type FilingRow = typeof childcareFilings.$inferSelect;

/** Filing views of one center, newest first, with reviews and timeline. */
export async function filingViewsOf(p: Platform, center: CenterRow, rows: FilingRow[], documents: DocumentView[]): Promise<FilingView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const reviews = await p.db.orm.select().from(childcareFilingReviews).where(sql`${childcareFilingReviews.filingId} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  const events = await p.db.orm
    .select()
    .from(childcareFilingEvents)
    .where(sql`${childcareFilingEvents.filingId} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`)
    .orderBy(childcareFilingEvents.at, childcareFilingEvents.id);
  const names = await unitNameMap(p.db.orm, [center.unitCode]);
  const present = [...new Set(documents.map((d) => d.kind))] as DocumentKind[];
  return rows.map((f) => ({
    id: f.id,
    centerId: f.centerId,
    centerName: center.name,
    unitCode: f.unitCode,
    unitName: names.get(f.unitCode) ?? f.unitCode,
    kind: f.kind,
    status: f.status,
    fireProcedure: f.fireProcedure,
    changes: f.changes,
    submittedAt: f.submittedAt,
    decidedAt: f.decidedAt,
    decidedByName: f.decidedByName,
    returnReasons: f.returnReasons,
    missingEvidence: f.kind === 'initial' ? missingEvidence(present, f.fireProcedure) : [],
    reviews: DEPARTMENTS.map((d) => {
      const r = reviews.find((x) => x.filingId === f.id && x.department === d);
      return {
        department: d,
        decision: r?.decision ?? 'pending',
        comment: r?.comment ?? null,
        reviewerName: r?.reviewerName ?? null,
        decidedAt: r?.decidedAt ?? null,
        documents: [...DEPARTMENT_PARTS[d]],
      };
    }),
    events: events
      .filter((e) => e.filingId === f.id)
      .map((e) => ({ at: e.at, actorName: e.actorName, action: e.action, department: e.department, comment: e.comment })),
  }));
}

/** A filing the actor may reach (scope, and for an operator only its own centers), locked. */
async function loadFiling(tx: Executor, actor: Actor, id: string): Promise<{ filing: FilingRow; center: CenterRow }> {
  const [filing] = await tx
    .select()
    .from(childcareFilings)
    .where(and(eq(childcareFilings.id, id), inScope(childcareFilings.unitCode, actor)))
    .limit(1)
    .for('update');
  assertWithinScope(filing?.unitCode, actor);
  const center = await loadCenter(tx, actor, filing.centerId, true);
  return { filing, center };
}

function transition(status: FilingRow['status'], action: FilingAction) {
  const next = nextFilingStatus(status, action);
  if (!next) throw AppError.field('status', 'childcare.filingTransition');
  return next;
}

export async function getFiling(p: Platform, actor: Actor, id: string): Promise<FilingView> {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  const [filing] = await p.db.orm.select().from(childcareFilings).where(and(eq(childcareFilings.id, id), inScope(childcareFilings.unitCode, actor))).limit(1);
  assertWithinScope(filing?.unitCode, actor);
  const center = await loadCenter(p.db.orm, actor, filing.centerId);
  const [view] = await filingViewsOf(p, center, [filing], await documentsOf(p, center.id));
  return view;
}

export async function submitFiling(p: Platform, actor: Actor, id: string): Promise<FilingView> {
  requirePermission(actor, 'childcare.operate');
  await p.db.transaction(async (tx) => {
    const { filing, center } = await loadFiling(tx, actor, id);
    const resubmission = filing.status === 'returned';
    const status = transition(filing.status, 'submit');
    if (filing.kind === 'initial') {
      if (filing.fireProcedure === 'simplified' && !simplifiedFireAllowed(center.floorAreaM2, center.investmentFen))
        throw AppError.field('fireProcedure', 'childcare.simplifiedFireNotAllowed');
      const docs = await documentsOf(p, center.id, tx);
      const missing = missingEvidence([...new Set(docs.map((d) => d.kind))], filing.fireProcedure);
      if (missing.length) throw AppError.validation(missing.map((k) => ({ field: `documents.${k}`, key: 'childcare.evidenceMissing' })));
      const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM childcare_classes WHERE center_id = ${center.id} AND active`, tx);
      if (n === 0) throw AppError.field('classes', 'tooFewItems', { min: 1 });
    }
    await tx.update(childcareFilings).set({ status, submittedAt: sql`now()`, returnReasons: null, updatedAt: sql`now()` }).where(eq(childcareFilings.id, id));
    // Every department reviews a new submission; on a resubmission, those that returned it look again.
    if (resubmission) {
      await tx
        .update(childcareFilingReviews)
        .set({ decision: 'pending', comment: null, reviewerId: null, reviewerName: null, decidedAt: null })
        .where(and(eq(childcareFilingReviews.filingId, id), eq(childcareFilingReviews.decision, 'returned')));
    } else {
      await tx.insert(childcareFilingReviews).values(DEPARTMENTS.map((department) => ({ unitCode: filing.unitCode, filingId: id, department })));
    }
    if (filing.kind === 'initial') await tx.update(childcareCenters).set({ status: 'submitted', updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
    await addEvent(tx, actor, filing, resubmission ? 'resubmitted' : 'submitted');
    await appendAudit(tx, actor, { action: 'childcare.filing.submit', entityType: 'childcare_filing', entityId: id, unitCode: filing.unitCode });
  });
  return getFiling(p, actor, id);
}

/** The department the actor reviews for; an account without one cannot review. */
export async function departmentOf(ex: Executor, actor: Actor): Promise<Department | null> {
  if (!actor.id) return null;
  const [r] = await ex.select().from(childcareDepartmentReviewers).where(eq(childcareDepartmentReviewers.userId, actor.id)).limit(1);
  return r?.department ?? null;
}

export async function reviewFiling(p: Platform, actor: Actor, id: string, input: { decision: 'approved' | 'returned'; comment?: string }): Promise<FilingView> {
  requirePermission(actor, 'childcare.review');
  await p.db.transaction(async (tx) => {
    const { filing, center } = await loadFiling(tx, actor, id);
    const department = await departmentOf(tx, actor);
    if (!department) throw AppError.field('department', 'childcare.noDepartment');
    const status = transition(filing.status, 'review');
    await tx
      .update(childcareFilingReviews)
      .set({ decision: input.decision, comment: input.comment ?? null, reviewerId: actor.id, reviewerName: await actorDisplayName(tx, actor), decidedAt: sql`now()` })
      .where(and(eq(childcareFilingReviews.filingId, id), eq(childcareFilingReviews.department, department)));
    await tx.update(childcareFilings).set({ status, updatedAt: sql`now()` }).where(eq(childcareFilings.id, id));
    if (filing.kind === 'initial') await tx.update(childcareCenters).set({ status: 'inReview', updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
    await addEvent(tx, actor, filing, input.decision === 'approved' ? 'approved' : 'returnedByDepartment', { department, comment: input.comment ?? null });
    await appendAudit(tx, actor, { action: 'childcare.filing.review', entityType: 'childcare_filing', entityId: id, unitCode: filing.unitCode, detail: { department, decision: input.decision } });
  });
  return getFiling(p, actor, id);
}

/** The county health department files (once every department approved) or returns with reasons. */
export async function decideFiling(p: Platform, actor: Actor, id: string, input: { decision: 'file' | 'return'; reasons?: string }): Promise<FilingView> {
  requirePermission(actor, 'childcare.file');
  await p.db.transaction(async (tx) => {
    const { filing, center } = await loadFiling(tx, actor, id);
    const name = await actorDisplayName(tx, actor);
    if (input.decision === 'return') {
      const status = transition(filing.status, 'return');
      await tx
        .update(childcareFilings)
        .set({ status, returnReasons: input.reasons!, decidedAt: sql`now()`, decidedBy: actor.id, decidedByName: name, updatedAt: sql`now()` })
        .where(eq(childcareFilings.id, id));
      if (filing.kind === 'initial') await tx.update(childcareCenters).set({ status: 'returned', updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
      await addEvent(tx, actor, filing, 'returned', { comment: input.reasons });
    } else {
      const status = transition(filing.status, 'file');
      const reviews = await tx.select().from(childcareFilingReviews).where(eq(childcareFilingReviews.filingId, id));
      const pending = pendingDepartments(reviews);
      if (pending.length) throw AppError.field('decision', 'childcare.reviewsPending', { count: pending.length });
      await tx
        .update(childcareFilings)
        .set({ status, decidedAt: sql`now()`, decidedBy: actor.id, decidedByName: name, updatedAt: sql`now()` })
        .where(eq(childcareFilings.id, id));
      if (filing.kind === 'initial') {
        const number = await nextFilingNumber(p, tx, center.unitCode.slice(0, 6), p.today().slice(0, 4));
        await tx.update(childcareCenters).set({ status: 'filed', filedAt: sql`now()`, filingNumber: number, updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
      } else {
        await applyChange(tx, center, filing.changes as CenterChangeInput);
        await refreshWarnings(p, tx, center, p.today());
      }
      await addEvent(tx, actor, filing, 'filed');
    }
    await appendAudit(tx, actor, { action: `childcare.filing.${input.decision}`, entityType: 'childcare_filing', entityId: id, unitCode: filing.unitCode });
  });
  return getFiling(p, actor, id);
}

/** 备案号: county code, year and a sequence within the county and year (e.g. 330602-2026-0007). */
async function nextFilingNumber(p: Platform, tx: Executor, county: string, year: string): Promise<string> {
  const prefix = `${county}-${year}-`;
  const [{ n }] = await p.db.rows<{ n: number }>(
    sql`SELECT coalesce(max(substring(filing_number from ${prefix.length + 1})::int), 0)::int AS n FROM childcare_centers
        WHERE unit_code LIKE ${`${county}%`} AND filing_number LIKE ${`${prefix}%`}`,
    tx,
  );
  return `${prefix}${String(n + 1).padStart(4, '0')}`;
}

async function applyChange(tx: Executor, center: CenterRow, change: CenterChangeInput): Promise<void> {
  const set: Partial<typeof childcareCenters.$inferInsert> = {};
  if (change.operatorName !== undefined) set.operatorName = change.operatorName;
  if (change.operatorKind !== undefined) set.operatorKind = change.operatorKind;
  if (change.address !== undefined) set.address = change.address;
  if (change.lon !== undefined) set.lon = change.lon;
  if (change.lat !== undefined) set.lat = change.lat;
  if (Object.keys(set).length) await tx.update(childcareCenters).set({ ...set, updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
  if (change.classes) await saveClasses(tx, center, change.classes);
}

/** The review queue: filings in scope by status; for a reviewer, with its department's decision. */
export async function listFilings(
  p: Platform,
  actor: Actor,
  q: { status: string; unitCode?: string; awaitingMe: 'true' | 'false'; page: number; pageSize: number },
): Promise<{ items: FilingListItem[]; total: number; page: number; pageSize: number }> {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const department = await departmentOf(p.db.orm, actor);
  const conds = [inScope(sql`f.unit_code`, actor), visibleCentersAs('c', actor)];
  if (q.unitCode) conds.push(sql`f.unit_code LIKE ${`${q.unitCode}%`}`);
  if (q.status === 'open') conds.push(sql`f.status IN ('submitted', 'inReview')`);
  else if (q.status !== 'all') conds.push(sql`f.status = ${q.status}`);
  if (q.awaitingMe === 'true') conds.push(sql`EXISTS (SELECT 1 FROM childcare_filing_reviews r WHERE r.filing_id = f.id AND r.department = ${department ?? ''} AND r.decision = 'pending')`);
  const where = sql.join(conds, sql` AND `);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM childcare_filings f JOIN childcare_centers c ON c.id = f.center_id WHERE ${where}`);
  const rows = await p.db.rows<Omit<FilingListItem, 'unitName'>>(sql`
    SELECT f.id, f.center_id AS "centerId", c.name AS "centerName", f.unit_code AS "unitCode", f.kind, f.status, f.submitted_at::text AS "submittedAt",
           (SELECT count(*)::int FROM childcare_filing_reviews r WHERE r.filing_id = f.id AND r.decision = 'approved') AS approvals,
           (SELECT r.decision FROM childcare_filing_reviews r WHERE r.filing_id = f.id AND r.department = ${department ?? ''}) AS "myDecision"
    FROM childcare_filings f JOIN childcare_centers c ON c.id = f.center_id
    WHERE ${where}
    ORDER BY f.submitted_at ASC NULLS LAST, f.created_at, f.id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return { total, page: q.page, pageSize: q.pageSize, items: rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode })) };
}

export async function myReviewer(p: Platform, actor: Actor): Promise<{ department: Department | null; canFile: boolean }> {
  const department = await departmentOf(p.db.orm, actor);
  return { department, canFile: can(actor.role, 'childcare.file') };
}

/** Sets the department a reviewer account signs for (an administrator's act). */
export async function assignReviewer(p: Platform, actor: Actor, userId: string, department: Department): Promise<{ department: Department }> {
  requirePermission(actor, 'childcare.reviewers');
  return p.db.transaction(async (tx) => {
    const rows = await p.db.rows<{ unitCode: string; role: string }>(sql`SELECT unit_code AS "unitCode", role FROM users WHERE id = ${userId} AND ${inScope(sql`unit_code`, actor)}`, tx);
    assertWithinScope(rows[0]?.unitCode, actor);
    if (rows[0].role !== 'filing_reviewer') throw AppError.field('userId', 'childcare.notReviewer');
    await tx.insert(childcareDepartmentReviewers).values({ userId, department }).onConflictDoUpdate({ target: childcareDepartmentReviewers.userId, set: { department } });
    await appendAudit(tx, actor, { action: 'childcare.reviewer.assign', entityType: 'user', entityId: userId, unitCode: rows[0].unitCode, detail: { department } });
    return { department };
  });
}
