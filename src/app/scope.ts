import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role, Permission } from '../modules/access/roles.ts';
import { can } from '../modules/access/roles.ts';
import type { Locale } from '../i18n/index.ts';
import { AppError } from './errors.ts';

/**
 * Who is acting. Every service call receives one; the scope is a division-code prefix
 * (3306 → 330683 → 330683001 → 330683001001) and is the only source of "which rows".
 */
export interface Actor {
  /** null for the command line and the seed, which act for the platform itself. */
  id: string | null;
  username: string;
  role: Role;
  /** The admin scope: the code of the user's unit. */
  scope: string;
  locale: Locale;
  ip?: string;
}

/** The one scoping helper: restricts a unit_code column to the actor's scope. */
export function inScope(column: AnyPgColumn | SQL, actor: Pick<Actor, 'scope'>): SQL {
  return sql`${column} LIKE ${`${actor.scope}%`}`;
}

/** Whether a unit code lies inside the actor's scope. */
export function isWithinScope(unitCode: string, actor: Pick<Actor, 'scope'>): boolean {
  return unitCode.startsWith(actor.scope);
}

/** A record outside the scope does not exist for the actor: 404, never 403. */
export function assertWithinScope(unitCode: string | null | undefined, actor: Pick<Actor, 'scope'>): void {
  if (!unitCode || !isWithinScope(unitCode, actor)) throw AppError.notFound();
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw AppError.forbidden();
}

/** The platform itself, with city scope: used by the command line and the seed. */
export function systemActor(username = 'system'): Actor {
  return { id: null, username, role: 'admin', scope: '3306', locale: 'zh-CN' };
}
