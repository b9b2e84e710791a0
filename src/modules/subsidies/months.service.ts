/** Computed months: lists, the spreadsheet, the detail (a sensitive read, audited), county approval, payment and the city overview. */
import { and, asc, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { centerForActor, centersVisibleTo, gradeOn, gradeRecordsOf } from '../grading/index.ts';
import { subsidyLines, subsidyMonths } from './schema.ts';
import { monthDays } from './monthly.ts';
import type { MonthDetail, MonthListItem, MonthsQuery, OverviewView } from './contract.ts';

export function canRead(actor: Actor): void {
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
