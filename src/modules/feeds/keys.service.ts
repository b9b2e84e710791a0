/**
 * API keys for departments' systems to push feeds: one per department and unit, shown once
 * when created and stored only as a SHA-256 hash; revoked keys are refused.
 */
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { departmentOfUser } from './service.ts';
import { feedApiKeys } from './schema.ts';
import type { Department } from './kinds.ts';

export const KEY_PREFIX = 'kyf_';

export function hashKey(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

export type ApiKeyRow = typeof feedApiKeys.$inferSelect;

export function keyView(k: ApiKeyRow) {
  return {
    id: k.id,
    unitCode: k.unitCode,
    department: k.department,
    name: k.name,
    prefix: k.prefix,
    createdByName: k.createdByName,
    createdAt: new Date(k.createdAt).toISOString(),
    lastUsedAt: k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : null,
    revokedAt: k.revokedAt ? new Date(k.revokedAt).toISOString() : null,
  };
}

async function ownDepartment(p: Platform, actor: Actor, department: Department): Promise<void> {
  requirePermission(actor, 'feeds.upload');
  if (actor.role === 'admin') return;
  if ((await departmentOfUser(p.db.orm, actor.id)) !== department) throw AppError.field('department', 'feeds.notYourDepartment');
}

/** Creates a key for the caller's department in the caller's unit; the token is returned once. */
export async function createApiKey(p: Platform, actor: Actor, input: { department: Department; name: string }): Promise<{ key: ReturnType<typeof keyView>; token: string }> {
  await ownDepartment(p, actor, input.department);
  const token = KEY_PREFIX + crypto.randomBytes(24).toString('base64url');
  return p.db.transaction(async (tx) => {
    const [k] = await tx
      .insert(feedApiKeys)
      .values({ unitCode: actor.scope, department: input.department, name: input.name, prefix: token.slice(0, 10), keyHash: hashKey(token), createdBy: actor.id, createdByName: actor.username })
      .returning();
    await appendAudit(tx, actor, { action: 'feeds.key.create', entityType: 'feed_api_key', entityId: k.id, unitCode: k.unitCode, detail: { department: k.department, name: k.name } });
    return { key: keyView(k), token };
  });
}

export async function listApiKeys(p: Platform, actor: Actor) {
  requirePermission(actor, 'feeds.upload');
  const own = actor.role === 'admin' ? null : await departmentOfUser(p.db.orm, actor.id);
  const rows = await p.db.orm
    .select()
    .from(feedApiKeys)
    .where(and(inScope(feedApiKeys.unitCode, actor), own ? eq(feedApiKeys.department, own) : undefined))
    .orderBy(desc(feedApiKeys.createdAt));
  return rows.map(keyView);
}

export async function revokeApiKey(p: Platform, actor: Actor, id: string) {
  requirePermission(actor, 'feeds.upload');
  const [k] = await p.db.orm.select().from(feedApiKeys).where(and(eq(feedApiKeys.id, id), inScope(feedApiKeys.unitCode, actor))).limit(1);
  assertWithinScope(k?.unitCode, actor);
  await ownDepartment(p, actor, k.department);
  if (k.revokedAt) throw AppError.conflict('id', 'feeds.keyRevoked');
  return p.db.transaction(async (tx) => {
    const [done] = await tx.update(feedApiKeys).set({ revokedAt: new Date().toISOString(), revokedByName: actor.username }).where(eq(feedApiKeys.id, id)).returning();
    await appendAudit(tx, actor, { action: 'feeds.key.revoke', entityType: 'feed_api_key', entityId: id, unitCode: k.unitCode });
    return keyView(done);
  });
}

/** The actor a pushed feed acts as: the key's department and unit. Unknown and revoked keys are refused alike. */
export async function actorForKey(p: Platform, token: string | undefined): Promise<{ actor: Actor; key: ApiKeyRow }> {
  if (!token || !token.startsWith(KEY_PREFIX)) throw new AppError('unauthenticated');
  const [k] = await p.db.orm.select().from(feedApiKeys).where(eq(feedApiKeys.keyHash, hashKey(token))).limit(1);
  if (!k || k.revokedAt) throw new AppError('unauthenticated');
  await p.db.orm.update(feedApiKeys).set({ lastUsedAt: new Date().toISOString() }).where(eq(feedApiKeys.id, k.id));
  return { actor: { id: null, username: `api-key:${k.prefix}`, role: 'data_officer', scope: k.unitCode, locale: 'zh-CN' }, key: k };
}
