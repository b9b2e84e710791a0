import crypto from 'node:crypto';
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { ROLES, isRole, permissionsOf, type Role } from './roles.ts';
import { sessions, users } from './schema.ts';
import type { UserView } from './contract.ts';

// OWASP password storage cheat sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Verified against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;

const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest();

export interface LoginResult {
  token: string;
  expires: Date;
  csrfToken: string;
  user: UserView;
  permissions: string[];
}

const unitNames = unitNameMap;

function toView(u: typeof users.$inferSelect, names: Map<string, string>): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    unitCode: u.unitCode,
    unitName: names.get(u.unitCode) ?? u.unitCode,
    locale: u.locale as Locale,
    active: u.active,
    createdAt: new Date(u.createdAt).toISOString(),
    deactivatedAt: u.deactivatedAt ? new Date(u.deactivatedAt).toISOString() : null,
  };
}

/** Checks a username and password; on success opens a session. Failures are audited. */
export async function login(
  p: Platform,
  input: { username: string; password: string },
  client: { ip: string; userAgent?: string },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const [user] = await p.db.orm.select().from(users).where(eq(users.username, username)).limit(1);
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const passwordOk = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !passwordOk || !user.active) {
    await p.db.transaction((tx) =>
      appendAudit(tx, { id: user?.id ?? null, username, ip: client.ip }, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        unitCode: user?.unitCode ?? null,
        detail: { reason: !user ? 'unknown_user' : !user.active ? 'inactive' : 'password' },
      }),
    );
    throw new AppError('unauthenticated', { messageKey: 'loginFailed' });
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + p.config.sessionHours * 3600_000);
  await p.db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken,
      expiresAt: expires.toISOString(),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(tx, { id: user.id, username: user.username, ip: client.ip }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitCode: user.unitCode,
    });
  });
  const names = await unitNames(p.db.orm, [user.unitCode]);
  return { token, expires, csrfToken, user: toView(user, names), permissions: permissionsOf(user.role as Role) };
}

/** The actor behind a session token, if the session is live and the user active. */
export async function actorForSession(p: Platform, token: string, ip: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const [row] = await p.db.orm
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!row || !isRole(row.user.role)) return null;
  const u = row.user;
  return {
    actor: { id: u.id, username: u.username, role: u.role as Role, scope: u.unitCode, locale: u.locale as Locale, ip },
    csrfToken: row.csrfToken,
  };
}

export async function logout(p: Platform, actor: Actor, token: string): Promise<void> {
  await p.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
    await appendAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id ?? undefined, unitCode: actor.scope });
  });
}

export async function currentUser(p: Platform, actor: Actor): Promise<{ user: UserView; permissions: string[] }> {
  const [u] = await p.db.orm.select().from(users).where(eq(users.id, actor.id ?? '')).limit(1);
  if (!u) throw new AppError('unauthenticated');
  const names = await unitNames(p.db.orm, [u.unitCode]);
  return { user: toView(u, names), permissions: permissionsOf(u.role as Role) };
}

export async function setLocale(p: Platform, actor: Actor, locale: Locale): Promise<void> {
  await p.db.orm.update(users).set({ locale }).where(eq(users.id, actor.id ?? ''));
}

export interface UserQuery {
  q?: string;
  role?: Role;
  active?: boolean;
  page: number;
  pageSize: number;
}

export async function listUsers(p: Platform, actor: Actor, q: UserQuery) {
  requirePermission(actor, 'users.manage');
  const conds: SQL[] = [inScope(users.unitCode, actor)];
  if (q.q) conds.push(or(ilike(users.username, `%${q.q}%`), ilike(users.displayName, `%${q.q}%`))!);
  if (q.role) conds.push(eq(users.role, q.role));
  if (q.active !== undefined) conds.push(eq(users.active, q.active));
  const where = and(...conds);
  const rows = await p.db.orm
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.unitCode), asc(users.username))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM users WHERE ${where}`);
  const names = await unitNames(p.db.orm, rows.map((r) => r.unitCode));
  return { items: rows.map((r) => toView(r, names)), total, page: q.page, pageSize: q.pageSize };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string;
  locale?: Locale;
}

/**
 * Creates a user inside the creator's scope. The unit's level must suit the role (a county
 * official is scoped to a county unit, a township worker to a township …).
 */
export async function createUser(p: Platform, actor: Actor, input: NewUser, ex?: Executor): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const unit = await findUnit(p.db.orm, input.unitCode);
  if (!unit || !unit.code.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  if (!(ROLES[input.role].levels as readonly number[]).includes(unit.level)) {
    throw AppError.field('unitCode', 'unitLevelForRole');
  }
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const run = async (tx: Executor) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    if (exists) throw AppError.field('username', 'usernameTaken');
    const [created] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        unitCode: unit.code,
        locale: input.locale ?? 'zh-CN',
        active: true,
        createdBy: actor.id,
      })
      .returning();
    await appendAudit(tx, actor, {
      action: 'users.create',
      entityType: 'user',
      entityId: created.id,
      unitCode: unit.code,
      detail: { username, role: input.role },
    });
    return created;
  };
  const created = ex ? await run(ex) : await p.db.transaction(run);
  return toView(created, new Map([[unit.code, unit.name]]));
}

/** Deactivates a user in scope and ends their sessions; one cannot deactivate oneself. */
export async function deactivateUser(p: Platform, actor: Actor, userId: string): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return p.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), inScope(users.unitCode, actor))).limit(1);
    assertWithinScope(u?.unitCode, actor);
    if (u.id === actor.id) throw AppError.field('id', 'cannotDeactivateSelf');
    if (!u.active) throw AppError.conflict('id', 'alreadyInactive');
    const [updated] = await tx
      .update(users)
      .set({ active: false, deactivatedAt: sql`now()`, deactivatedBy: actor.id })
      .where(eq(users.id, u.id))
      .returning();
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await appendAudit(tx, actor, { action: 'users.deactivate', entityType: 'user', entityId: u.id, unitCode: u.unitCode });
    const names = await unitNames(tx, [u.unitCode]);
    return toView(updated, names);
  });
}

/** Changes a user's name, role or scope (inside the caller's scope); a change of role or scope ends their sessions. */
export async function updateUser(p: Platform, actor: Actor, userId: string, input: { displayName?: string; role?: Role; unitCode?: string }): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return p.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), inScope(users.unitCode, actor))).limit(1);
    assertWithinScope(u?.unitCode, actor);
    const role = input.role ?? (u.role as Role);
    const unit = await findUnit(tx, input.unitCode ?? u.unitCode);
    if (!unit || !unit.code.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
    if (!(ROLES[role].levels as readonly number[]).includes(unit.level)) throw AppError.field('unitCode', 'unitLevelForRole');
    if (u.id === actor.id && (role !== u.role || unit.code !== u.unitCode)) throw AppError.field('role', 'cannotChangeOwnRole');
    const [updated] = await tx
      .update(users)
      .set({ displayName: input.displayName ?? u.displayName, role, unitCode: unit.code })
      .where(eq(users.id, u.id))
      .returning();
    if (role !== u.role || unit.code !== u.unitCode) await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await appendAudit(tx, actor, { action: 'users.update', entityType: 'user', entityId: u.id, unitCode: unit.code, detail: { role, unitCode: unit.code } });
    return toView(updated, await unitNames(tx, [unit.code]));
  });
}

/** Sets a new password for a user in scope and ends their sessions. */
export async function resetPassword(p: Platform, actor: Actor, userId: string, password: string): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const passwordHash = await hashPassword(password);
  return p.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), inScope(users.unitCode, actor))).limit(1);
    assertWithinScope(u?.unitCode, actor);
    const [updated] = await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id)).returning();
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await appendAudit(tx, actor, { action: 'users.resetPassword', entityType: 'user', entityId: u.id, unitCode: u.unitCode });
    return toView(updated, await unitNames(tx, [u.unitCode]));
  });
}

/** Lets a deactivated user in scope sign in again. */
export async function reactivateUser(p: Platform, actor: Actor, userId: string): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return p.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), inScope(users.unitCode, actor))).limit(1);
    assertWithinScope(u?.unitCode, actor);
    if (u.active) throw AppError.conflict('id', 'alreadyActive');
    const [updated] = await tx.update(users).set({ active: true, deactivatedAt: null, deactivatedBy: null }).where(eq(users.id, u.id)).returning();
    await appendAudit(tx, actor, { action: 'users.reactivate', entityType: 'user', entityId: u.id, unitCode: u.unitCode });
    return toView(updated, await unitNames(tx, [u.unitCode]));
  });
}
