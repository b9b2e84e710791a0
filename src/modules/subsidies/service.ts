/**
 * Subsidy use cases: the rule versions, the monthly run over the filed centers in scope
 * (免申即享: computed from enrolment records, no application), its county approval and
 * payment, the city overview, and one-time claims. Every change is audited in its
 * transaction; every read of the children's lines is audited.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addDays } from '../../app/dates.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName, can } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { centerForActor, centersVisibleTo, gradeOn, gradeRecordsOf } from '../grading/index.ts';
import { subsidyClaims, subsidyLines, subsidyMonths, subsidyRules } from './schema.ts';
import { checkRuleVersion, inEffect, unmetConditions, type Facts, type SubsidyRule } from './rules.ts';
import { computeMonthlySubsidy, computeOneTimeSubsidy, monthDays, type CenterFactsSpan } from './monthly.ts';
import { CHILDCARE_RULES, CHILDCARE_RULES_SOURCE } from './catalogue.ts';
import type { ClaimDecision, ClaimInput, ClaimView, MonthDetail, MonthListItem, MonthsQuery, OverviewView, RuleInput, RuleView } from './contract.ts';

/** Care types counted as enrolled children (生均): hourly and temporary care (计时托、临时托) are not enrolments for the monthly rate. */
export const COUNTED_CARE_TYPES = ['fullDay', 'halfDay'] as const;

// ---- rules -------------------------------------------------------------------------------

function ruleToView(r: typeof subsidyRules.$inferSelect, today: string): RuleView {
  return { ...r, inEffect: inEffect(r, today) };
}

function toRule(r: typeof subsidyRules.$inferSelect): SubsidyRule {
  return { code: r.code, programme: r.programme, kind: r.kind, unit: r.unit, amountFen: r.amountFen, basis: r.basis, conditions: r.conditions, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo };
}

/** Loads the seed rules of SPEC §3.8 into an empty rule table. */
export async function seedSubsidyRules(ex: Executor): Promise<number> {
  const [{ n }] = await ex.select({ n: sql<number>`count(*)::int` }).from(subsidyRules);
  if (n > 0) return 0;
  await ex.insert(subsidyRules).values(CHILDCARE_RULES.map((r) => ({ ...r, source: CHILDCARE_RULES_SOURCE, createdByName: 'seed' })));
  return CHILDCARE_RULES.length;
}

async function loadRules(ex: Executor, programme: 'childcare' | 'elderly'): Promise<SubsidyRule[]> {
  const rows = await ex.select().from(subsidyRules).where(eq(subsidyRules.programme, programme)).orderBy(asc(subsidyRules.code), asc(subsidyRules.effectiveFrom));
  return rows.map(toRule);
}

export async function listRules(p: Platform, actor: Actor): Promise<RuleView[]> {
  if (!can(actor.role, 'subsidies.read') && !can(actor.role, 'subsidies.claim')) throw AppError.forbidden();
  const rows = await p.db.orm.select().from(subsidyRules).orderBy(asc(subsidyRules.programme), asc(subsidyRules.code), asc(subsidyRules.effectiveFrom));
  return rows.map((r) => ruleToView(r, p.today()));
}

/**
 * Adds a rule version. An open-ended version of the same code that starts earlier is closed
 * the day before the new one starts (a new policy year replaces the old rate); any other
 * overlap is refused.
 */
export async function addRuleVersion(p: Platform, actor: Actor, input: RuleInput): Promise<RuleView> {
  requirePermission(actor, 'subsidies.rules');
  return p.db.transaction(async (tx) => {
    const versions = await tx.select().from(subsidyRules).where(eq(subsidyRules.code, input.code));
    const previous = versions.find((v) => v.effectiveTo === null && v.effectiveFrom < input.effectiveFrom);
    const others = versions.map((v) => (v === previous ? { ...v, effectiveTo: addDays(input.effectiveFrom, -1) } : v));
    const issue = checkRuleVersion({ ...input }, others);
    if (issue) throw AppError.field(issue.field, issue.key);
    if (previous) {
      await tx.update(subsidyRules).set({ effectiveTo: addDays(input.effectiveFrom, -1) }).where(eq(subsidyRules.id, previous.id));
    }
    const [row] = await tx.insert(subsidyRules).values({ ...input, createdByName: await actorDisplayName(tx, actor) }).returning();
    await appendAudit(tx, actor, {
      action: 'subsidies.rule.create',
      entityType: 'subsidy_rule',
      entityId: row.id,
      unitCode: '3306',
      detail: { code: row.code, amountFen: row.amountFen, effectiveFrom: row.effectiveFrom, closed: previous?.id ?? null },
    });
    return ruleToView(row, p.today());
  });
}

// ---- the monthly run ---------------------------------------------------------------------

type CenterForRun = Pick<typeof childcareCenters.$inferSelect, 'id' | 'unitCode' | 'status' | 'affordable' | 'operatorKind'> & { filedOn: string | null };

/** The center's facts of each day of the month, joined into spans of equal facts. */
export function centerFactSpans(c: CenterForRun, grades: Parameters<typeof gradeOn>[0], month: string): CenterFactsSpan[] {
  const spans: CenterFactsSpan[] = [];
  let key = '';
  for (const day of monthDays(month)) {
    const facts: Facts = {
      'center.filed': c.status === 'filed' && c.filedOn !== null && c.filedOn <= day,
      'center.affordable': c.affordable,
      'center.grade': gradeOn(grades, day),
      'center.operatorKind': c.operatorKind,
    };
    const k = JSON.stringify(facts);
    if (k === key) spans[spans.length - 1].to = day;
    else spans.push({ from: day, to: day, facts });
    key = k;
  }
  return spans;
}

export interface RunResult {
  month: string;
  centers: number;
  computed: number;
  kept: number;
  children: number;
  totalFen: number;
}

/**
 * Computes (or recomputes) the month for every filed center in scope, or under a unit, or
 * one center. Months already approved or paid are kept as they are. A month is computed
 * once it has ended.
 */
export async function computeMonth(p: Platform, actor: Actor, input: { month: string; unitCode?: string; centerId?: string }): Promise<RunResult> {
  requirePermission(actor, 'subsidies.compute');
  if (input.unitCode) assertWithinScope(input.unitCode, actor);
  if (`${input.month}-01` > addDays(p.today().slice(0, 7) + '-01', -1)) throw AppError.field('month', 'subsidies.monthNotEnded');
  const days = monthDays(input.month);
  const first = days[0];
  const last = days[days.length - 1];
  return p.db.transaction(async (tx) => {
    const conds: SQL[] = [inScope(childcareCenters.unitCode, actor), eq(childcareCenters.status, 'filed')];
    if (input.unitCode) conds.push(like(childcareCenters.unitCode, `${input.unitCode}%`));
    if (input.centerId) conds.push(eq(childcareCenters.id, input.centerId));
    const centers: CenterForRun[] = await tx
      .select({
        id: childcareCenters.id,
        unitCode: childcareCenters.unitCode,
        status: childcareCenters.status,
        affordable: childcareCenters.affordable,
        operatorKind: childcareCenters.operatorKind,
        filedOn: sql<string | null>`to_char(${childcareCenters.filedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      })
      .from(childcareCenters)
      .where(and(...conds));
    if (input.centerId && centers.length === 0) throw AppError.notFound();
    const ids = centers.map((c) => c.id);
    const existing = ids.length
      ? await tx.select({ id: subsidyMonths.id, centerId: subsidyMonths.centerId, status: subsidyMonths.status }).from(subsidyMonths).where(and(inArray(subsidyMonths.centerId, ids), eq(subsidyMonths.month, input.month)))
      : [];
    const kept = new Set(existing.filter((e) => e.status !== 'computed').map((e) => e.centerId));
    const toCompute = centers.filter((c) => !kept.has(c.id));
    const computeIds = toCompute.map((c) => c.id);
    const grades = await gradeRecordsOf(tx, computeIds, first, last);
    const rules = await loadRules(tx, 'childcare');
    const enrolments = computeIds.length
      ? await tx
          .select({ enrolmentId: childcareEnrolments.id, centerId: childcareEnrolments.centerId, personId: childcareEnrolments.personId, from: childcareEnrolments.startDate, to: childcareEnrolments.endDate })
          .from(childcareEnrolments)
          .where(
            and(
              inArray(childcareEnrolments.centerId, computeIds),
              inArray(childcareEnrolments.careType, [...COUNTED_CARE_TYPES]),
              sql`${childcareEnrolments.startDate} <= ${last}`,
              sql`(${childcareEnrolments.endDate} IS NULL OR ${childcareEnrolments.endDate} >= ${first})`,
            ),
          )
          .orderBy(asc(childcareEnrolments.startDate), asc(childcareEnrolments.id))
      : [];
    const byCenter = new Map<string, typeof enrolments>();
    for (const e of enrolments) byCenter.set(e.centerId, [...(byCenter.get(e.centerId) ?? []), e]);
    const stale = existing.filter((e) => e.status === 'computed').map((e) => e.id);
    if (stale.length) await tx.delete(subsidyMonths).where(inArray(subsidyMonths.id, stale));
    const name = await actorDisplayName(tx, actor);
    let children = 0;
    let totalFen = 0;
    for (const c of toCompute) {
      const r = computeMonthlySubsidy({ month: input.month, rules, centerFacts: centerFactSpans(c, grades.get(c.id) ?? [], input.month), enrolments: byCenter.get(c.id) ?? [] });
      const monthId = uuidv7();
      await tx.insert(subsidyMonths).values({ id: monthId, unitCode: c.unitCode, centerId: c.id, month: input.month, status: 'computed', children: r.children, totalFen: r.totalFen, unmet: r.unmet, computedByName: name });
      for (let i = 0; i < r.lines.length; i += 500) {
        await tx.insert(subsidyLines).values(
          r.lines.slice(i, i + 500).map((l) => ({ unitCode: c.unitCode, monthId, centerId: c.id, enrolmentId: l.enrolmentId, personId: l.personId, ruleCode: l.ruleCode, rateFen: l.rateFen, days: l.days, daysInMonth: l.daysInMonth, spans: l.spans, amountFen: l.amountFen })),
        );
      }
      await appendAudit(tx, actor, { action: 'subsidies.month.compute', entityType: 'subsidy_month', entityId: monthId, unitCode: c.unitCode, detail: { centerId: c.id, month: input.month, children: r.children, totalFen: r.totalFen } });
      children += r.children;
      totalFen += r.totalFen;
    }
    return { month: input.month, centers: centers.length, computed: toCompute.length, kept: kept.size, children, totalFen };
  });
}

// ---- months: lists, detail, approval -----------------------------------------------------

function canRead(actor: Actor): void {
  if (actor.role === 'childcare_operator') requirePermission(actor, 'subsidies.claim');
  else requirePermission(actor, 'subsidies.read');
}

const SORTS = {
  month: subsidyMonths.month,
  centerName: childcareCenters.name,
  unitCode: subsidyMonths.unitCode,
  children: subsidyMonths.children,
  totalFen: subsidyMonths.totalFen,
  status: subsidyMonths.status,
} as const;

function monthConditions(actor: Actor, q: MonthsQuery): SQL[] {
  const conds: SQL[] = [inScope(subsidyMonths.unitCode, actor), centersVisibleTo(actor, sql`${subsidyMonths.centerId}`)];
  if (q.unitCode) conds.push(like(subsidyMonths.unitCode, `${q.unitCode}%`));
  if (q.month) conds.push(eq(subsidyMonths.month, q.month));
  if (q.status) conds.push(eq(subsidyMonths.status, q.status));
  if (q.centerId) conds.push(eq(subsidyMonths.centerId, q.centerId));
  if (q.q) conds.push(like(childcareCenters.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  return conds;
}

async function selectMonths(ex: Executor, actor: Actor, q: MonthsQuery, limit?: number, offset?: number): Promise<MonthListItem[]> {
  const sortCol = SORTS[q.sort];
  const base = ex
    .select({
      id: subsidyMonths.id,
      centerId: subsidyMonths.centerId,
      centerName: childcareCenters.name,
      unitCode: subsidyMonths.unitCode,
      month: subsidyMonths.month,
      status: subsidyMonths.status,
      children: subsidyMonths.children,
      totalFen: subsidyMonths.totalFen,
      computedAt: subsidyMonths.computedAt,
      approvedAt: subsidyMonths.approvedAt,
      approvedByName: subsidyMonths.approvedByName,
      paidOn: subsidyMonths.paidOn,
    })
    .from(subsidyMonths)
    .innerJoin(childcareCenters, eq(childcareCenters.id, subsidyMonths.centerId))
    .where(and(...monthConditions(actor, q)))
    .orderBy(q.order === 'asc' ? asc(sortCol) : desc(sortCol), asc(subsidyMonths.id));
  const rows = limit === undefined ? await base : await base.limit(limit).offset(offset ?? 0);
  const names = await unitNameMap(ex, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}

export async function listMonths(p: Platform, actor: Actor, q: MonthsQuery & { page: number; pageSize: number }) {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const [{ total }] = await p.db.orm
    .select({ total: sql<number>`count(*)::int` })
    .from(subsidyMonths)
    .innerJoin(childcareCenters, eq(childcareCenters.id, subsidyMonths.centerId))
    .where(and(...monthConditions(actor, q)));
  const items = await selectMonths(p.db.orm, actor, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every month matching the filters, for the spreadsheet (at most 20,000 rows). */
export async function exportMonths(p: Platform, actor: Actor, q: MonthsQuery): Promise<MonthListItem[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  return p.db.transaction(async (tx) => {
    const rows = await selectMonths(tx, actor, q, 20_000, 0);
    await appendAudit(tx, actor, { action: 'subsidies.month.export', unitCode: q.unitCode ?? actor.scope, detail: { filters: { ...q }, rows: rows.length } });
    return rows;
  });
}

async function monthRow(ex: Executor, actor: Actor, id: string) {
  const [row] = await ex.select().from(subsidyMonths).where(and(eq(subsidyMonths.id, id), inScope(subsidyMonths.unitCode, actor))).limit(1);
  assertWithinScope(row?.unitCode, actor);
  await centerForActor(ex, actor, row.centerId);
  return row;
}

/** A month with its lines (which rule, which child, which days): the children's names make it a sensitive read. */
export async function getMonth(p: Platform, actor: Actor, id: string): Promise<MonthDetail> {
  canRead(actor);
  return p.db.transaction(async (tx) => {
    const row = await monthRow(tx, actor, id);
    const center = await centerForActor(tx, actor, row.centerId);
    const lines = await tx
      .select({
        id: subsidyLines.id,
        personId: subsidyLines.personId,
        childName: persons.name,
        ruleCode: subsidyLines.ruleCode,
        rateFen: subsidyLines.rateFen,
        days: subsidyLines.days,
        daysInMonth: subsidyLines.daysInMonth,
        spans: subsidyLines.spans,
        amountFen: subsidyLines.amountFen,
      })
      .from(subsidyLines)
      .innerJoin(persons, eq(persons.id, subsidyLines.personId))
      .where(and(eq(subsidyLines.monthId, id), inScope(subsidyLines.unitCode, actor)))
      .orderBy(asc(persons.name), asc(subsidyLines.id));
    const names = await unitNameMap(tx, [row.unitCode]);
    const monthEnd = monthDays(row.month).at(-1)!;
    const grades = await gradeRecordsOf(tx, [row.centerId], monthEnd, monthEnd);
    await appendAudit(tx, actor, { action: 'subsidies.month.read', entityType: 'subsidy_month', entityId: id, unitCode: row.unitCode });
    return {
      id: row.id,
      centerId: row.centerId,
      centerName: center.name,
      unitCode: row.unitCode,
      unitName: names.get(row.unitCode) ?? row.unitCode,
      month: row.month,
      status: row.status,
      children: row.children,
      totalFen: row.totalFen,
      computedAt: row.computedAt,
      approvedAt: row.approvedAt,
      approvedByName: row.approvedByName,
      paidOn: row.paidOn,
      lines,
      unmet: row.unmet,
      affordable: center.affordable,
      grade: gradeOn(grades.get(row.centerId) ?? [], monthEnd),
    };
  });
}

export async function approveMonth(p: Platform, actor: Actor, id: string): Promise<MonthDetail> {
  requirePermission(actor, 'subsidies.approve');
  await p.db.transaction(async (tx) => {
    const row = await monthRow(tx, actor, id);
    if (row.status !== 'computed') throw AppError.conflict('status', 'subsidies.notComputed');
    await tx.update(subsidyMonths).set({ status: 'approved', approvedAt: sql`now()`, approvedBy: actor.id, approvedByName: await actorDisplayName(tx, actor) }).where(eq(subsidyMonths.id, id));
    await appendAudit(tx, actor, { action: 'subsidies.month.approve', entityType: 'subsidy_month', entityId: id, unitCode: row.unitCode, detail: { month: row.month, totalFen: row.totalFen } });
  });
  return getMonth(p, actor, id);
}

export async function payMonth(p: Platform, actor: Actor, id: string, input: { paidOn: string }): Promise<MonthDetail> {
  requirePermission(actor, 'subsidies.approve');
  await p.db.transaction(async (tx) => {
    const row = await monthRow(tx, actor, id);
    if (row.status !== 'approved') throw AppError.conflict('status', 'subsidies.notApproved');
    if (input.paidOn > p.today()) throw AppError.field('paidOn', 'subsidies.inFuture');
    if (input.paidOn < `${row.month}-01`) throw AppError.field('paidOn', 'subsidies.paidBeforeMonth');
    await tx.update(subsidyMonths).set({ status: 'paid', paidOn: input.paidOn }).where(eq(subsidyMonths.id, id));
    await appendAudit(tx, actor, { action: 'subsidies.month.pay', entityType: 'subsidy_month', entityId: id, unitCode: row.unitCode, detail: { month: row.month, totalFen: row.totalFen, paidOn: input.paidOn } });
  });
  return getMonth(p, actor, id);
}

/** The city overview of a month: by county unit, what was computed, approved and paid. */
export async function subsidyOverview(p: Platform, actor: Actor, q: { month: string }): Promise<OverviewView> {
  requirePermission(actor, 'subsidies.read');
  const rows = await p.db.rows<{ unit_code: string; centers: number; children: number; total: number; computed: number; approved: number; paid: number }>(sql`
    SELECT substr(m.unit_code, 1, 6) AS unit_code,
           count(*)::int AS centers,
           coalesce(sum(m.children), 0)::int AS children,
           coalesce(sum(m.total_fen), 0)::bigint AS total,
           coalesce(sum(m.total_fen) FILTER (WHERE m.status = 'computed'), 0)::bigint AS computed,
           coalesce(sum(m.total_fen) FILTER (WHERE m.status = 'approved'), 0)::bigint AS approved,
           coalesce(sum(m.total_fen) FILTER (WHERE m.status = 'paid'), 0)::bigint AS paid
    FROM subsidy_months m
    WHERE m.month = ${q.month} AND ${inScope(sql`m.unit_code`, actor)}
    GROUP BY 1 ORDER BY 1`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unit_code));
  const out = rows.map((r) => ({
    unitCode: r.unit_code,
    unitName: names.get(r.unit_code) ?? r.unit_code,
    centers: Number(r.centers),
    children: Number(r.children),
    totalFen: Number(r.total),
    computedFen: Number(r.computed),
    approvedFen: Number(r.approved),
    paidFen: Number(r.paid),
  }));
  return { month: q.month, rows: out, totalFen: out.reduce((s, r) => s + r.totalFen, 0), children: out.reduce((s, r) => s + r.children, 0) };
}

// ---- one-time claims ---------------------------------------------------------------------

function claimToView(r: typeof subsidyClaims.$inferSelect, centerName: string): ClaimView {
  return {
    id: r.id,
    centerId: r.centerId,
    centerName,
    unitCode: r.unitCode,
    ruleCode: r.ruleCode,
    costFen: r.costFen,
    places: r.places,
    description: r.description,
    status: r.status,
    capFen: r.capFen,
    amountFen: r.amountFen,
    submittedByName: r.submittedByName,
    submittedAt: r.submittedAt,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
  };
}

/** The one-time rule in force today for a code, and whether the center meets its conditions. */
async function oneTimeRule(ex: Executor, code: string, today: string): Promise<SubsidyRule> {
  const rules = (await loadRules(ex, 'childcare')).filter((r) => r.code === code && r.kind === 'oneTime' && inEffect(r, today));
  if (rules.length === 0) throw AppError.field('ruleCode', 'subsidies.noSuchOneTimeRule');
  return rules[0];
}

export async function submitClaim(p: Platform, actor: Actor, input: ClaimInput): Promise<ClaimView> {
  requirePermission(actor, 'subsidies.claim');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId);
    const rule = await oneTimeRule(tx, input.ruleCode, p.today());
    if (rule.unit === 'place' && !input.places) throw AppError.field('places', 'required');
    const facts: Facts = { 'center.filed': center.status === 'filed', 'center.affordable': center.affordable, 'center.operatorKind': center.operatorKind };
    const unmet = unmetConditions(rule, facts);
    if (unmet.length) throw AppError.field('ruleCode', 'subsidies.conditionUnmet', { fact: unmet[0].fact });
    const [live] = await tx.select({ id: subsidyClaims.id }).from(subsidyClaims).where(and(eq(subsidyClaims.centerId, center.id), eq(subsidyClaims.ruleCode, rule.code), inArray(subsidyClaims.status, ['submitted', 'approved']))).limit(1);
    if (live) throw AppError.conflict('ruleCode', 'subsidies.alreadyClaimed');
    const { capFen } = computeOneTimeSubsidy(rule, { costFen: input.costFen, places: input.places });
    const [row] = await tx
      .insert(subsidyClaims)
      .values({ unitCode: center.unitCode, centerId: center.id, ruleCode: rule.code, costFen: input.costFen, places: rule.unit === 'place' ? input.places! : null, description: input.description, status: 'submitted', capFen, submittedBy: actor.id, submittedByName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'subsidies.claim.submit', entityType: 'subsidy_claim', entityId: row.id, unitCode: row.unitCode, detail: { ruleCode: row.ruleCode, costFen: row.costFen } });
    return claimToView(row, center.name);
  });
}

export async function decideClaim(p: Platform, actor: Actor, id: string, d: ClaimDecision): Promise<ClaimView> {
  requirePermission(actor, 'subsidies.approve');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(subsidyClaims).where(and(eq(subsidyClaims.id, id), inScope(subsidyClaims.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    if (row.status !== 'submitted') throw AppError.conflict('status', 'subsidies.claimDecided');
    const center = await centerForActor(tx, actor, row.centerId);
    const rule = await oneTimeRule(tx, row.ruleCode, p.today());
    const amountFen = d.decision === 'approve' ? computeOneTimeSubsidy(rule, { costFen: row.costFen, places: row.places ?? undefined }).amountFen : null;
    const [updated] = await tx
      .update(subsidyClaims)
      .set({ status: d.decision === 'approve' ? 'approved' : 'rejected', amountFen, decidedBy: actor.id, decidedByName: await actorDisplayName(tx, actor), decidedAt: sql`now()`, decisionComment: d.comment || null })
      .where(eq(subsidyClaims.id, id))
      .returning();
    await appendAudit(tx, actor, { action: `subsidies.claim.${d.decision}`, entityType: 'subsidy_claim', entityId: id, unitCode: row.unitCode, detail: { amountFen } });
    return claimToView(updated, center.name);
  });
}

export async function listClaims(p: Platform, actor: Actor, q: { status?: string; unitCode?: string; centerId?: string }): Promise<ClaimView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(subsidyClaims.unitCode, actor), centersVisibleTo(actor, sql`${subsidyClaims.centerId}`)];
  if (q.status) conds.push(eq(subsidyClaims.status, q.status as 'submitted'));
  if (q.unitCode) conds.push(like(subsidyClaims.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(subsidyClaims.centerId, q.centerId));
  const rows = await p.db.orm
    .select({ claim: subsidyClaims, centerName: childcareCenters.name })
    .from(subsidyClaims)
    .innerJoin(childcareCenters, eq(childcareCenters.id, subsidyClaims.centerId))
    .where(and(...conds))
    .orderBy(desc(subsidyClaims.submittedAt))
    .limit(500);
  return rows.map((r) => claimToView(r.claim, r.centerName));
}
