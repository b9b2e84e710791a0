/**
 * The center a grading, supervision or subsidy action is about, as the actor may see it:
 * within the actor's scope, and for a center's operator only the centers they run.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { assertWithinScope, inScope, type Actor } from '../../app/scope.ts';
import { childcareCenters } from '../childcare/index.ts';

export type CenterRow = typeof childcareCenters.$inferSelect;

/** Restricts childcare_centers (or a table with its center_id) to what the actor may see. */
export function centersVisibleTo(actor: Actor, centerId: SQL | typeof childcareCenters.id = childcareCenters.id): SQL {
  if (actor.role === 'childcare_operator') {
    return sql`${centerId} IN (SELECT c.id FROM childcare_centers c WHERE c.owner_user_id = ${actor.id} AND ${inScope(sql`c.unit_code`, actor)})`;
  }
  return sql`true`;
}

export async function centerForActor(ex: Executor, actor: Actor, centerId: string): Promise<CenterRow> {
  const [row] = await ex
    .select()
    .from(childcareCenters)
    .where(and(eq(childcareCenters.id, centerId), inScope(childcareCenters.unitCode, actor)))
    .limit(1);
  assertWithinScope(row?.unitCode, actor);
  if (actor.role === 'childcare_operator' && row.ownerUserId !== actor.id) assertWithinScope(null, actor);
  return row;
}
