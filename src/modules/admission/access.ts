import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import type { Permission } from '../access/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { admissionRounds } from './schema.ts';

export interface CenterRef {
  id: string;
  unitCode: string;
  name: string;
  ownerUserId: string | null;
}

/**
 * A center the actor may act for: inside the actor's scope and, for a center's own operator
 * account, one the account runs (owner). Anything else is "not found".
 */
export async function centerForActor(ex: Executor, actor: Actor, centerId: string, permission: Permission): Promise<CenterRef> {
  requirePermission(actor, permission);
  const [c] = await ex
    .select({ id: childcareCenters.id, unitCode: childcareCenters.unitCode, name: childcareCenters.name, ownerUserId: childcareCenters.ownerUserId })
    .from(childcareCenters)
    .where(and(eq(childcareCenters.id, centerId), inScope(childcareCenters.unitCode, actor)))
    .limit(1);
  assertWithinScope(c?.unitCode, actor);
  if (actor.role === 'childcare_operator' && c.ownerUserId !== actor.id) throw AppError.notFound();
  return c;
}

/** The centers an actor acts for (an operator: the ones it runs; others: all in scope). */
export async function centersOfActor(ex: Executor, actor: Actor, permission: Permission): Promise<CenterRef[]> {
  requirePermission(actor, permission);
  const conds = [inScope(childcareCenters.unitCode, actor)];
  if (actor.role === 'childcare_operator') conds.push(eq(childcareCenters.ownerUserId, actor.id ?? '00000000-0000-0000-0000-000000000000'));
  return ex
    .select({ id: childcareCenters.id, unitCode: childcareCenters.unitCode, name: childcareCenters.name, ownerUserId: childcareCenters.ownerUserId })
    .from(childcareCenters)
    .where(and(...conds))
    .orderBy(childcareCenters.name);
}

/** Rounds the actor may see: those in scope, and the round of the county the actor lives in. */
export function roundVisible(actor: Actor): SQL {
  return or(inScope(admissionRounds.unitCode, actor), sql`${actor.scope} LIKE ${admissionRounds.unitCode} || '%'`)!;
}

export async function loadRound(ex: Executor, actor: Actor, id: string) {
  const [r] = await ex.select().from(admissionRounds).where(and(eq(admissionRounds.id, id), roundVisible(actor))).limit(1);
  if (!r) throw AppError.notFound();
  return r;
}

/** A round the actor manages: inside the actor's own scope. */
export async function managedRound(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'admission.manage');
  const [r] = await ex.select().from(admissionRounds).where(and(eq(admissionRounds.id, id), inScope(admissionRounds.unitCode, actor))).limit(1);
  assertWithinScope(r?.unitCode, actor);
  return r;
}
