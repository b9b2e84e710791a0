/**
 * Who may open a protection case. Case files are the platform's most sensitive records: a
 * supervisor (protection.supervise) opens every case in their scope; a worker
 * (protection.handle) only the cases they are assigned to, inside their scope; anyone else
 * finds nothing (404, the same as a case that does not exist).
 */
import { sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../app/scope.ts';
import { can } from '../access/index.ts';
import { protectionCases } from './schema.ts';

export function isSupervisor(actor: Actor): boolean {
  return can(actor.role, 'protection.supervise');
}

export function isWorker(actor: Actor): boolean {
  return can(actor.role, 'protection.handle');
}

/** The condition on protection_cases of the cases the actor may open. */
export function casesVisibleTo(actor: Actor): SQL {
  const scoped = inScope(protectionCases.unitCode, actor);
  if (isSupervisor(actor)) return scoped;
  if (isWorker(actor) && actor.id)
    return sql`${scoped} AND EXISTS (SELECT 1 FROM protection_case_assignees a WHERE a.case_id = ${protectionCases.id} AND a.user_id = ${actor.id} AND a.removed_at IS NULL)`;
  return sql`false`;
}
