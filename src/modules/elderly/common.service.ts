/** What the elderly services share: the caller's name, a person in scope, the elderly rule versions. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { users } from '../access/index.ts';
import { ageOn, persons } from '../people/index.ts';
import { subsidyRules } from '../subsidies/index.ts';
import type { SubsidyRule } from '../subsidies/index.ts';

export async function actorName(ex: Executor, actor: Actor): Promise<string> {
  if (!actor.id) return actor.username;
  const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).limit(1);
  return u?.name ?? actor.username;
}

export type PersonRow = Pick<typeof persons.$inferSelect, 'id' | 'name' | 'sex' | 'birthDate' | 'unitCode' | 'idMasked' | 'phone' | 'address'>;

/** A person 60+ (on `on`) inside the caller's scope; anyone else is "not found". */
export async function elderlyPersonInScope(ex: Executor, actor: Actor, personId: string, on: string): Promise<PersonRow> {
  const [p] = await ex
    .select({ id: persons.id, name: persons.name, sex: persons.sex, birthDate: persons.birthDate, unitCode: persons.unitCode, idMasked: persons.idMasked, phone: persons.phone, address: persons.address })
    .from(persons)
    .where(and(eq(persons.id, personId), inScope(persons.unitCode, actor)))
    .limit(1);
  if (!p || ageOn(p.birthDate, on) < 60) throw AppError.notFound();
  return p;
}

/** The elderly programme's rule versions (dated data in subsidy_rules). */
export async function elderlyRules(ex: Executor): Promise<SubsidyRule[]> {
  const rows = await ex.select().from(subsidyRules).where(eq(subsidyRules.programme, 'elderly')).orderBy(asc(subsidyRules.code), asc(subsidyRules.effectiveFrom));
  return rows.map((r) => ({ code: r.code, programme: r.programme, kind: r.kind, unit: r.unit, amountFen: r.amountFen, basis: r.basis, conditions: r.conditions, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo }));
}

/** The latest ability assessment's level of each person (by assessment date, then record time). */
export function latestLevelJoin(personColumn: string) {
  return sql.raw(`LEFT JOIN LATERAL (
    SELECT a.level, a.assessed_on FROM elderly_assessments a WHERE a.person_id = ${personColumn}
    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) la ON true`);
}

/** The month before the current one: the last ended month. */
export function currentMonth(today: string): string {
  return today.slice(0, 7);
}
