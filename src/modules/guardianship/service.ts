import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { can, users } from '../access/index.ts';
import { completedMonths } from '../../app/dates.ts';
import { persons } from '../people/index.ts';
import { unitNameMap } from '../org/index.ts';
import { guardianships } from './schema.ts';
import type { GuardianshipView, NewGuardianship, OwnChild } from './contract.ts';


const viewColumns = {
  id: guardianships.id,
  personId: guardianships.personId,
  childName: persons.name,
  userId: guardianships.userId,
  username: users.username,
  parentName: users.displayName,
  relation: guardianships.relation,
  createdAt: guardianships.createdAt,
  endedAt: guardianships.endedAt,
};

function toView(r: { createdAt: string; endedAt: string | null } & Omit<GuardianshipView, 'createdAt' | 'endedAt'>): GuardianshipView {
  return { ...r, createdAt: new Date(r.createdAt).toISOString(), endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null };
}

/** The guardians of a child in scope (current and ended links). */
export async function listGuardians(p: Platform, actor: Actor, personId: string): Promise<GuardianshipView[]> {
  if (!can(actor.role, 'guardianship.manage') && !can(actor.role, 'health.read')) throw AppError.forbidden();
  const [child] = await p.db.orm
    .select({ unitCode: persons.unitCode })
    .from(persons)
    .where(and(eq(persons.id, personId), inScope(persons.unitCode, actor)))
    .limit(1);
  assertWithinScope(child?.unitCode, actor);
  const rows = await p.db.orm
    .select(viewColumns)
    .from(guardianships)
    .innerJoin(persons, eq(persons.id, guardianships.personId))
    .innerJoin(users, eq(users.id, guardianships.userId))
    .where(and(eq(guardianships.personId, personId), inScope(guardianships.unitCode, actor)))
    .orderBy(asc(guardianships.createdAt));
  return rows.map(toView);
}

/**
 * Links a parent account to a child in scope. The account must be an active parent's, and
 * the child must live inside the parent's own admin scope (a parent sees children only there).
 */
export async function linkGuardian(p: Platform, actor: Actor, input: NewGuardianship): Promise<GuardianshipView> {
  requirePermission(actor, 'guardianship.manage');
  return p.db.transaction(async (tx) => {
    const [child] = await tx
      .select({ id: persons.id, unitCode: persons.unitCode, name: persons.name })
      .from(persons)
      .where(and(eq(persons.id, input.personId), inScope(persons.unitCode, actor)))
      .limit(1);
    if (!child) throw AppError.field('personId', 'guardianship.childNotFound');
    const [parent] = await tx.select().from(users).where(eq(users.username, input.username)).limit(1);
    if (!parent || parent.role !== 'parent' || !parent.active) throw AppError.field('username', 'guardianship.notAParent');
    if (!isWithinScope(child.unitCode, { scope: parent.unitCode })) throw AppError.field('username', 'guardianship.childOutsideParentScope');
    const [existing] = await tx
      .select({ id: guardianships.id })
      .from(guardianships)
      .where(and(eq(guardianships.personId, child.id), eq(guardianships.userId, parent.id), isNull(guardianships.endedAt), inScope(guardianships.unitCode, actor)))
      .limit(1);
    if (existing) throw AppError.conflict('username', 'guardianship.alreadyLinked');
    const [row] = await tx
      .insert(guardianships)
      .values({ unitCode: child.unitCode, personId: child.id, userId: parent.id, relation: input.relation, createdBy: actor.id })
      .returning();
    await appendAudit(tx, actor, {
      action: 'guardianship.create',
      entityType: 'person',
      entityId: child.id,
      unitCode: child.unitCode,
      detail: { guardianship: row.id, parent: parent.username, relation: input.relation },
    });
    return toView({ ...row, childName: child.name, username: parent.username, parentName: parent.displayName });
  });
}

/** Ends a link (the record of it stays). */
export async function endGuardianship(p: Platform, actor: Actor, id: string): Promise<GuardianshipView> {
  requirePermission(actor, 'guardianship.manage');
  return p.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ...viewColumns, unitCode: guardianships.unitCode })
      .from(guardianships)
      .innerJoin(persons, eq(persons.id, guardianships.personId))
      .innerJoin(users, eq(users.id, guardianships.userId))
      .where(and(eq(guardianships.id, id), inScope(guardianships.unitCode, actor)))
      .limit(1);
    assertWithinScope(row?.unitCode, actor);
    if (row.endedAt) throw AppError.conflict('id', 'guardianship.alreadyEnded');
    const [ended] = await tx
      .update(guardianships)
      .set({ endedAt: sql`now()`, endedBy: actor.id })
      .where(eq(guardianships.id, id))
      .returning({ endedAt: guardianships.endedAt });
    await appendAudit(tx, actor, { action: 'guardianship.end', entityType: 'person', entityId: row.personId, unitCode: row.unitCode, detail: { guardianship: id } });
    const { unitCode: _unit, ...view } = row;
    return toView({ ...view, endedAt: ended.endedAt });
  });
}

/** The children a parent is guardian of, inside the parent's scope. */
export async function ownChildren(p: Platform, actor: Actor): Promise<OwnChild[]> {
  requirePermission(actor, 'guardian.read');
  const rows = await p.db.orm
    .select({ id: persons.id, name: persons.name, sex: persons.sex, birthDate: persons.birthDate, unitCode: persons.unitCode, relation: guardianships.relation })
    .from(guardianships)
    .innerJoin(persons, eq(persons.id, guardianships.personId))
    .where(and(eq(guardianships.userId, actor.id ?? ''), isNull(guardianships.endedAt), inScope(guardianships.unitCode, actor), inScope(persons.unitCode, actor)))
    .orderBy(asc(persons.birthDate));
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  const today = p.today();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    ageMonths: completedMonths(r.birthDate, today),
    unitName: names.get(r.unitCode) ?? r.unitCode,
    relation: r.relation,
  }));
}

/**
 * The one gate of every parent read: the actor is a parent with an active link to this
 * child, and the child lies inside the parent's scope. Anything else is "not found".
 */
export async function assertGuardianOf(ex: Executor, actor: Actor, personId: string): Promise<{ unitCode: string }> {
  requirePermission(actor, 'guardian.read');
  const [link] = await ex
    .select({ unitCode: guardianships.unitCode })
    .from(guardianships)
    .where(and(eq(guardianships.personId, personId), eq(guardianships.userId, actor.id ?? ''), isNull(guardianships.endedAt), inScope(guardianships.unitCode, actor)))
    .limit(1);
  assertWithinScope(link?.unitCode, actor);
  return link;
}
