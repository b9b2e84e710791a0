import { and, asc, eq, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { decryptIdNumber, encryptIdNumber, hashIdNumber } from './idCipher.ts';
import { maskIdNumber, parseIdNumber } from './idNumber.ts';
import { ageOn, groupsOf, type CheckedPerson } from './person.ts';
import { persons } from './schema.ts';
import { requestTransfer } from './transfers.service.ts';
import type { PeopleCount, PersonView } from './contract.ts';

type PersonRow = typeof persons.$inferSelect;

const listColumns = {
  id: persons.id,
  name: persons.name,
  sex: persons.sex,
  birthDate: persons.birthDate,
  idMasked: persons.idMasked,
  unitCode: persons.unitCode,
  phone: persons.phone,
  address: persons.address,
  source: persons.source,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
};
type PersonListRow = Pick<PersonRow, keyof typeof listColumns>;

function toView(r: PersonListRow, names: Map<string, string>, today: string): PersonView {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, today),
    groups: groupsOf(r.birthDate, today),
    idNumberMasked: r.idMasked,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? r.unitCode,
    phone: r.phone,
    address: r.address,
    source: r.source,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** The unit a person is registered to: a township or village inside the caller's scope. */
async function checkPersonUnit(ex: Executor, actor: Actor, code: string): Promise<void> {
  const unit = await findUnit(ex, code);
  if (!unit || unit.level < 3) throw AppError.field('unitCode', 'unitNotVillage');
  if (!isWithinScope(code, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
}

/**
 * Registers a checked person (personSchema); the ID number is encrypted, hashed and masked.
 * An ID number registered in the caller's scope is refused as such. One registered outside it
 * is refused without saying where, and a transfer request goes to the administrator of the
 * lowest unit covering both (committed before the refusal is thrown).
 */
export async function registerPerson(p: Platform, actor: Actor, person: CheckedPerson): Promise<PersonView> {
  requirePermission(actor, 'people.write');
  const registered = await p.db.transaction(async (tx) => {
    await checkPersonUnit(tx, actor, person.unitCode);
    const idHash = hashIdNumber(p.keys, person.idNumber);
    const [exists] = await tx.select({ id: persons.id, unitCode: persons.unitCode }).from(persons).where(eq(persons.idHash, idHash)).limit(1);
    if (exists && isWithinScope(exists.unitCode, actor)) throw AppError.conflict('idNumber', 'idNumberRegistered');
    if (exists) {
      await requestTransfer(tx, actor, { person: exists, toUnitCode: person.unitCode, name: person.name, phone: person.phone, address: person.address, source: 'register' });
      return null;
    }
    const [row] = await tx
      .insert(persons)
      .values({
        unitCode: person.unitCode,
        name: person.name,
        sex: person.sex,
        birthDate: person.birthDate,
        idCipher: encryptIdNumber(p.keys, person.idNumber),
        idHash,
        idMasked: maskIdNumber(person.idNumber),
        phone: person.phone,
        address: person.address,
        source: 'manual',
      })
      .returning();
    await appendAudit(tx, actor, { action: 'people.create', entityType: 'person', entityId: row.id, unitCode: row.unitCode });
    return toView(row, await unitNameMap(tx, [row.unitCode]), p.today());
  });
  if (!registered) throw AppError.conflict('idNumber', 'transferRequested');
  return registered;
}

export interface PersonUpdate {
  name?: string;
  phone?: string | null;
  address?: string | null;
  unitCode?: string;
}

export async function updatePerson(p: Platform, actor: Actor, id: string, change: PersonUpdate): Promise<PersonView> {
  requirePermission(actor, 'people.write');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(persons).where(and(eq(persons.id, id), inScope(persons.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    if (change.unitCode && change.unitCode !== row.unitCode) await checkPersonUnit(tx, actor, change.unitCode);
    const changed = Object.keys(change).filter(
      (k) => change[k as keyof PersonUpdate] !== undefined && change[k as keyof PersonUpdate] !== row[k as keyof PersonRow],
    );
    if (changed.length === 0) return toView(row, await unitNameMap(tx, [row.unitCode]), p.today());
    const [updated] = await tx
      .update(persons)
      .set({ ...change, updatedAt: sql`now()` })
      .where(eq(persons.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'people.update',
      entityType: 'person',
      entityId: id,
      unitCode: updated.unitCode,
      detail: { fields: changed, ...(change.unitCode ? { fromUnit: row.unitCode } : {}) },
    });
    return toView(updated, await unitNameMap(tx, [updated.unitCode]), p.today());
  });
}

/** One person, masked. Viewing a person's record is a sensitive read and is audited. */
export async function getPerson(p: Platform, actor: Actor, id: string): Promise<PersonView> {
  requirePermission(actor, 'people.read');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select(listColumns).from(persons).where(and(eq(persons.id, id), inScope(persons.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    await appendAudit(tx, actor, { action: 'people.view', entityType: 'person', entityId: id, unitCode: row.unitCode });
    return toView(row, await unitNameMap(tx, [row.unitCode]), p.today());
  });
}

/** The full ID number, for roles allowed to see it; every reveal is audited with the read. */
export async function revealIdNumber(p: Platform, actor: Actor, id: string): Promise<{ idNumber: string }> {
  requirePermission(actor, 'people.readIdNumber');
  return p.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ unitCode: persons.unitCode, idCipher: persons.idCipher })
      .from(persons)
      .where(and(eq(persons.id, id), inScope(persons.unitCode, actor)))
      .limit(1);
    assertWithinScope(row?.unitCode, actor);
    await appendAudit(tx, actor, { action: 'people.reveal_id_number', entityType: 'person', entityId: id, unitCode: row.unitCode });
    return { idNumber: decryptIdNumber(p.keys, row.idCipher) };
  });
}

/**
 * Exact lookup by ID number through its keyed hash; audited whether found or not. The audit
 * row commits before the "not found" is thrown, so a miss is on the record too.
 */
export async function findByIdNumber(p: Platform, actor: Actor, idNumber: string): Promise<PersonView> {
  requirePermission(actor, 'people.read');
  const parsed = parseIdNumber(idNumber, p.today());
  if (!parsed.ok) throw AppError.field('idNumber', `idNumber.${parsed.issue}`);
  const found = await p.db.transaction(async (tx) => {
    const [row] = await tx
      .select(listColumns)
      .from(persons)
      .where(and(eq(persons.idHash, hashIdNumber(p.keys, parsed.id.value)), inScope(persons.unitCode, actor)))
      .limit(1);
    await appendAudit(tx, actor, {
      action: 'people.lookup',
      entityType: 'person',
      entityId: row?.id,
      unitCode: row?.unitCode ?? actor.scope,
      detail: { idNumber: maskIdNumber(parsed.id.value), found: Boolean(row) },
    });
    return row ? toView(row, await unitNameMap(tx, [row.unitCode]), p.today()) : null;
  });
  if (!found) throw AppError.notFound();
  return found;
}

export interface PeopleQuery {
  unitCode?: string;
  q?: string;
  sex?: 'male' | 'female';
  group?: 'infant' | 'child' | 'elderly';
  page: number;
  pageSize: number;
}

/** Conditions of a people query: always the caller's scope, then the filters. */
function peopleWhere(actor: Actor, q: Omit<PeopleQuery, 'page' | 'pageSize'>, today: string): SQL {
  const conds: SQL[] = [inScope(persons.unitCode, actor)];
  if (q.unitCode) conds.push(like(persons.unitCode, `${q.unitCode}%`));
  if (q.q) conds.push(like(persons.name, `${q.q}%`));
  if (q.sex) conds.push(eq(persons.sex, q.sex));
  const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;
  if (q.group === 'infant') conds.push(sql`${persons.birthDate} > ${yearsAgo(3)}`);
  if (q.group === 'child') conds.push(sql`${persons.birthDate} > ${yearsAgo(18)}`);
  if (q.group === 'elderly') conds.push(lte(persons.birthDate, yearsAgo(60)));
  return and(...conds)!;
}

export async function listPeople(p: Platform, actor: Actor, q: PeopleQuery) {
  requirePermission(actor, 'people.read');
  const where = peopleWhere(actor, q, p.today());
  const rows = await p.db.orm
    .select(listColumns)
    .from(persons)
    .where(where)
    .orderBy(asc(persons.unitCode), asc(persons.name), asc(persons.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM persons WHERE ${where}`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return { items: rows.map((r) => toView(r, names, p.today())), total, page: q.page, pageSize: q.pageSize };
}

/** Every person matching a query, masked, for a spreadsheet export (audited with its size). */
export async function exportPeople(p: Platform, actor: Actor, q: Omit<PeopleQuery, 'page' | 'pageSize'>, limit = 100_000) {
  requirePermission(actor, 'people.export');
  const where = peopleWhere(actor, q, p.today());
  const rows = await p.db.orm.select(listColumns).from(persons).where(where).orderBy(asc(persons.unitCode), asc(persons.name)).limit(limit);
  await p.db.transaction((tx) =>
    appendAudit(tx, actor, { action: 'people.export', entityType: 'person', unitCode: q.unitCode ?? actor.scope, detail: { rows: rows.length, filters: q } }),
  );
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => toView(r, names, p.today()));
}

/** Registered people by child unit of a unit in scope. */
export async function countPeople(p: Platform, actor: Actor, unitCode: string): Promise<PeopleCount[]> {
  requirePermission(actor, 'people.read');
  assertWithinScope(unitCode, actor);
  const today = p.today();
  const y = Number(today.slice(0, 4));
  const childLen = unitCode.length === 4 ? 6 : unitCode.length + 3;
  const rows = await p.db.rows<Omit<PeopleCount, 'unitName'>>(sql`
    SELECT left(unit_code, ${childLen}) AS "unitCode", count(*)::int AS total,
      count(*) FILTER (WHERE birth_date > ${`${y - 3}${today.slice(4)}`})::int AS infants,
      count(*) FILTER (WHERE birth_date > ${`${y - 18}${today.slice(4)}`})::int AS children,
      count(*) FILTER (WHERE birth_date <= ${`${y - 60}${today.slice(4)}`})::int AS elderly
    FROM persons
    WHERE ${inScope(persons.unitCode, actor)} AND unit_code LIKE ${`${unitCode}%`}
    GROUP BY 1 ORDER BY 1`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}

