/**
 * Which centers an actor reaches: the scope (the one scoping helper) and, for a center's
 * operator, only the centers that operator registered.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, type Actor } from '../../app/scope.ts';
import { childcareCenters } from './schema.ts';

export type CenterRow = typeof childcareCenters.$inferSelect;

export function isOperator(actor: Actor): boolean {
  return actor.role === 'childcare_operator';
}

/** The condition on childcare_centers that limits it to what the actor may see. */
export function visibleCenters(actor: Actor): SQL {
  const scoped = inScope(childcareCenters.unitCode, actor);
  return isOperator(actor) ? and(scoped, eq(childcareCenters.ownerUserId, actor.id ?? sql`NULL`))! : scoped;
}

/** The same condition on a raw alias (`c`) of childcare_centers. */
export function visibleCentersAs(alias: string, actor: Actor): SQL {
  const scoped = inScope(sql.raw(`${alias}.unit_code`), actor);
  return isOperator(actor) ? sql`${scoped} AND ${sql.raw(`${alias}.owner_user_id`)} = ${actor.id}` : scoped;
}

/** A center the actor may see, locked for update when asked; any other id is "not found". */
export async function loadCenter(ex: Executor, actor: Actor, id: string, forUpdate = false): Promise<CenterRow> {
  const q = ex.select().from(childcareCenters).where(and(eq(childcareCenters.id, id), visibleCenters(actor))).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  assertWithinScope(row?.unitCode, actor);
  if (!row) throw AppError.notFound();
  return row;
}
