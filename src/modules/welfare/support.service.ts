/** Monthly basic living support for orphans and children in difficulty on the subsidy rules engine, with county approval. */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { welfareChildren, welfareMemberships, welfareSupportLines, welfareSupportRuns } from './schema.ts';
import { SUPPORT_ORDER, SUPPORT_RULES, SUPPORT_SOURCE, computeChildSupport, supportClassOf, type MembershipDates } from './rules.ts';
import type { RunDetail, RunView } from './contract.ts';

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
    await tx.insert(welfareSupportRuns).values({ id: runId, unitCode: county, month: input.month, status: 'computed', children: paid, totalFen, computedByName: await actorDisplayName(tx, actor) });
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
    await tx.update(welfareSupportRuns).set({ status: 'approved', approvedBy: actor.id, approvedByName: await actorDisplayName(tx, actor), approvedAt: sql`now()` }).where(eq(welfareSupportRuns.id, id));
    await appendAudit(tx, actor, { action: 'welfare.support.approve', entityType: 'welfare_support_run', entityId: id, unitCode: row.unitCode, detail: { month: row.month, totalFen: row.totalFen, children: row.children } });
  });
  return runToView(p.db.orm, actor, id);
}
