import { eq } from 'drizzle-orm';
import type { Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { users } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';

/** The display name of the acting user (the username for the platform itself). */
export async function actorName(ex: Executor, actor: Pick<Actor, 'id' | 'username'>): Promise<string> {
  if (!actor.id) return actor.username;
  const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).limit(1);
  return u?.name ?? actor.username;
}

/** Unit code → "township / village" (or the township's name alone). */
export async function unitLabels(ex: Executor, codes: string[]): Promise<Map<string, string>> {
  const all = codes.flatMap((c) => (c.length > 9 ? [c.slice(0, 9), c] : [c]));
  const names = await unitNameMap(ex, all);
  return new Map(codes.map((c) => [c, c.length > 9 ? `${names.get(c.slice(0, 9)) ?? ''} / ${names.get(c) ?? c}` : (names.get(c) ?? c)]));
}
