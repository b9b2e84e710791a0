import { eq } from 'drizzle-orm';
import type { Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { users } from './schema.ts';

/**
 * The name a record keeps of who acted: the user's display name at the time, or the
 * username for the system and unknown actors. Records store it so that a later rename or
 * deactivation does not rewrite history.
 */
export async function actorDisplayName(ex: Executor, actor: Actor): Promise<string> {
  if (!actor.id) return actor.username;
  const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).limit(1);
  return u?.name ?? actor.username;
}
