/** What the ledger's use cases share: the conditions of a key child in scope, its categories, its visits due. */
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { persons } from '../people/index.ts';
import { welfareChildren, welfareMemberships, welfareVisits, welfareWorkers } from './schema.ts';
import { categoryOf, isOverdue, nextVisitDue } from './rules.ts';
import type { ChildrenQuery } from './contract.ts';

// ---- categories ----------------------------------------------------------------------------

/** A child under 18 today holding a category today (optionally the given one). */
export function activeCondition(today: string, category?: string): SQL {
  return sql`(${persons.birthDate} + interval '18 years')::date > ${today}::date AND EXISTS (
    SELECT 1 FROM welfare_memberships m WHERE m.child_id = ${welfareChildren.id} AND m.start_date <= ${today}::date
      AND (m.end_date IS NULL OR m.end_date >= ${today}::date) ${category ? sql`AND m.category = ${category}` : sql``})`;
}

export function childConditions(actor: Actor, q: ChildrenQuery, today: string): SQL[] {
  const conds: SQL[] = [inScope(welfareChildren.unitCode, actor)];
  if (q.unitCode) conds.push(like(welfareChildren.unitCode, `${q.unitCode}%`));
  if (q.q) conds.push(like(persons.name, containsPattern(q.q)));
  if (q.status === 'active') conds.push(activeCondition(today, q.category));
  else if (q.category) conds.push(sql`EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = ${welfareChildren.id} AND m.category = ${q.category})`);
  return conds;
}

export function checkQuery(actor: Actor, q: { unitCode?: string; category?: string }): void {
  requirePermission(actor, 'welfare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  if (q.category && !categoryOf(q.category)) throw AppError.field('category', 'welfare.unknownCategory');
}

export type MembershipRow = typeof welfareMemberships.$inferSelect;

export async function membershipsOf(ex: Executor, actor: Actor, childIds: string[]): Promise<Map<string, MembershipRow[]>> {
  const out = new Map<string, MembershipRow[]>();
  if (childIds.length === 0) return out;
  const rows = await ex
    .select()
    .from(welfareMemberships)
    .where(and(inArray(welfareMemberships.childId, childIds), inScope(welfareMemberships.unitCode, actor)))
    .orderBy(asc(welfareMemberships.startDate), asc(welfareMemberships.id));
  for (const r of rows) out.set(r.childId, [...(out.get(r.childId) ?? []), r]);
  return out;
}

export async function lastVisitsOf(ex: Executor, actor: Actor, childIds: string[]): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const rows = await ex
    .select({ childId: welfareVisits.childId, last: sql<string>`max(${welfareVisits.visitedOn})::text` })
    .from(welfareVisits)
    .where(and(inArray(welfareVisits.childId, childIds), inScope(welfareVisits.unitCode, actor)))
    .groupBy(welfareVisits.childId);
  return new Map(rows.map((r) => [r.childId, r.last]));
}

export interface DueRow {
  childId: string;
  name: string;
  unitCode: string;
  category: string;
  lastVisitOn: string | null;
  dueOn: string;
  overdue: boolean;
  directorName: string | null;
}

/** Every active child in scope (or under a unit) with the next visit's due day. */
export async function overdueChildren(ex: Executor, actor: Actor, unitCode: string | undefined, today: string): Promise<DueRow[]> {
  const conds = childConditions(actor, { unitCode, status: 'active' }, today);
  const rows = await ex
    .select({ id: welfareChildren.id, name: persons.name, birthDate: persons.birthDate, unitCode: welfareChildren.unitCode, directorName: welfareWorkers.name })
    .from(welfareChildren)
    .innerJoin(persons, eq(persons.id, welfareChildren.personId))
    .leftJoin(welfareWorkers, eq(welfareWorkers.id, welfareChildren.directorId))
    .where(and(...conds))
    .orderBy(asc(welfareChildren.unitCode), asc(persons.name));
  const out: DueRow[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const ids = chunk.map((r) => r.id);
    const [ms, visits] = [await membershipsOf(ex, actor, ids), await lastVisitsOf(ex, actor, ids)];
    for (const r of chunk) {
      const due = nextVisitDue({ memberships: ms.get(r.id) ?? [], birthDate: r.birthDate, lastVisitOn: visits.get(r.id) ?? null, today });
      if (!due) continue;
      out.push({ childId: r.id, name: r.name, unitCode: r.unitCode, category: due.category, lastVisitOn: visits.get(r.id) ?? null, dueOn: due.dueOn, overdue: isOverdue(due, today), directorName: r.directorName });
    }
  }
  return out;
}
