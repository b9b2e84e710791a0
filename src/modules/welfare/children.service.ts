/** The key-children ledger: the categories in force, the children in scope (list, count, spreadsheet). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { ageOn, persons } from '../people/index.ts';
import { welfareChildren, welfareMemberships, welfareWorkers } from './schema.ts';
import { CATEGORIES, CATEGORIES_SOURCE, SUPPORT_ORDER, SUPPORT_SOURCE, activeOn, isOverdue, nextVisitDue, visitIntervalOn } from './rules.ts';
import type { ChildListItem, ChildrenQuery } from './contract.ts';
import { checkQuery, childConditions, lastVisitsOf, membershipsOf, overdueChildren } from './ledger.ts';

// ---- categories ----------------------------------------------------------------------------

export function listCategories(actor: Actor, today: string) {
  requirePermission(actor, 'welfare.read');
  return {
    categories: CATEGORIES.map((c) => ({
      code: c.code,
      zh: c.zh,
      en: c.en,
      basis: c.basis,
      subclasses: c.subclasses,
      visitIntervalDays: visitIntervalOn(c.code, today),
      supportClasses: SUPPORT_ORDER.filter((s) => s === c.code || s.startsWith(`${c.code}.`)),
    })),
    source: CATEGORIES_SOURCE,
    supportSource: SUPPORT_SOURCE,
  };
}

// ---- children: conditions shared by list, count and export ---------------------------------

async function selectChildren(ex: Executor, actor: Actor, q: ChildrenQuery, today: string, limit: number, offset: number): Promise<ChildListItem[]> {
  const rows = await ex
    .select({
      id: welfareChildren.id,
      personId: welfareChildren.personId,
      name: persons.name,
      sex: persons.sex,
      birthDate: persons.birthDate,
      unitCode: welfareChildren.unitCode,
      directorName: welfareWorkers.name,
    })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .leftJoin(welfareWorkers, eq(welfareWorkers.id, welfareChildren.directorId))
    .where(and(...childConditions(actor, q, today)))
    .orderBy(asc(welfareChildren.unitCode), asc(persons.name), asc(welfareChildren.id))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.id);
  const [ms, visits, names] = [await membershipsOf(ex, actor, ids), await lastVisitsOf(ex, actor, ids), await unitNameMap(ex, rows.map((r) => r.unitCode))];
  return rows.map((r) => {
    const mine = ms.get(r.id) ?? [];
    const due = nextVisitDue({ memberships: mine, birthDate: r.birthDate, lastVisitOn: visits.get(r.id) ?? null, today });
    return {
      ...r,
      age: ageOn(r.birthDate, today),
      unitName: names.get(r.unitCode) ?? r.unitCode,
      categories: mine.filter((m) => activeOn(m, r.birthDate, today)).map((m) => ({ category: m.category, subclass: m.subclass })),
      lastVisitOn: visits.get(r.id) ?? null,
      nextDueOn: due?.dueOn ?? null,
      overdue: isOverdue(due, today),
    };
  });
}

export async function listChildren(p: Platform, actor: Actor, q: ChildrenQuery & { page: number; pageSize: number }) {
  checkQuery(actor, q);
  const today = p.today();
  const [{ total }] = await p.db.orm
    .select({ total: sql<number>`count(*)::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(and(...childConditions(actor, q, today)));
  const items = await selectChildren(p.db.orm, actor, q, today, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every child matching the filters, for the spreadsheet (at most 20,000 rows); audited. */
export async function exportChildren(p: Platform, actor: Actor, q: ChildrenQuery): Promise<ChildListItem[]> {
  checkQuery(actor, q);
  return p.db.transaction(async (tx) => {
    const rows = await selectChildren(tx, actor, q, p.today(), 20_000, 0);
    await appendAudit(tx, actor, { action: 'welfare.child.export', unitCode: q.unitCode ?? actor.scope, detail: { filters: { ...q }, rows: rows.length } });
    return rows;
  });
}

/** Active key children in scope by category, and how many are overdue for a visit. */
export async function countChildren(p: Platform, actor: Actor, q: { unitCode?: string }) {
  checkQuery(actor, q);
  const today = p.today();
  const conds = childConditions(actor, { ...q, status: 'active' }, today);
  const byCategory = await p.db.orm
    .select({ category: welfareMemberships.category, children: sql<number>`count(DISTINCT ${welfareChildren.id})::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .innerJoin(welfareMemberships, eq(welfareMemberships.childId, welfareChildren.id))
    .where(and(...conds, inScope(welfareMemberships.unitCode, actor), sql`${welfareMemberships.startDate} <= ${today}::date AND (${welfareMemberships.endDate} IS NULL OR ${welfareMemberships.endDate} >= ${today}::date)`))
    .groupBy(welfareMemberships.category);
  const [{ total }] = await p.db.orm
    .select({ total: sql<number>`count(*)::int` })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .where(and(...conds));
  const overdue = (await overdueChildren(p.db.orm, actor, q.unitCode, today)).filter((c) => c.overdue).length;
  const order = CATEGORIES.map((c) => c.code);
  return { total, overdue, byCategory: byCategory.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category)) };
}
