import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { groupsOf, type KeyGroup } from './groups.ts';
import { feedAlerts } from './schema.ts';
import type { AlertKind, AlertStatus } from './alerts.ts';

/** Per person with current facts: the flags of the key groups, in SQL (one pass over current facts). */
function flagsQuery(actor: Actor, today: string, unitCode?: string): SQL {
  const year = Number(today.slice(0, 4));
  return sql`
    SELECT p.id, p.name, p.id_masked AS "idMasked", p.unit_code AS "unitCode", p.birth_date::text AS "birthDate",
      count(*)::int AS facts,
      bool_or(f.kind = 'lowIncome' AND (f.valid_to IS NULL OR f.valid_to >= ${today}::date)) AS "lowIncome",
      bool_or(f.kind = 'lowIncome' AND f.value->>'status' IN ('destitute', 'orphan', 'deFactoUnsupported') AND (f.valid_to IS NULL OR f.valid_to >= ${today}::date)) AS destitute,
      bool_or(f.kind = 'disability' AND (f.valid_to IS NULL OR f.valid_to >= ${today}::date)) AS disabled,
      bool_or(f.kind = 'school' AND f.value->>'status' IN ('dropped', 'suspended')) AS "outOfSchool",
      bool_or(f.kind = 'leftBehind' AND (f.valid_to IS NULL OR f.valid_to >= ${today}::date)) AS "leftBehind",
      bool_or(f.kind = 'insurance' AND f.fact_key = ${String(year)}) AS "insuredThisYear",
      bool_or(f.kind = 'death') AS deceased,
      max(f.recorded_at) AS "lastRecordedAt"
    FROM person_facts f JOIN persons p ON p.id = f.person_id
    WHERE f.superseded_at IS NULL AND ${inScope(sql`f.unit_code`, actor)} AND ${inScope(sql`p.unit_code`, actor)}
      ${unitCode ? sql`AND p.unit_code LIKE ${`${unitCode}%`}` : sql``}
    GROUP BY p.id`;
}

/** The SQL condition of a group over the flags query's columns (the same rule as groupsOf). */
function groupCondition(group: KeyGroup, today: string): SQL {
  const age = sql`date_part('year', age(${today}::date, g."birthDate"::date))`;
  const alive = sql`NOT g.deceased`;
  switch (group) {
    case 'infant': return sql`${alive} AND ${age} < 3`;
    case 'minor': return sql`${alive} AND ${age} < 18`;
    case 'elderly': return sql`${alive} AND ${age} >= 60`;
    case 'lowIncome': return sql`${alive} AND g."lowIncome"`;
    case 'destitute': return sql`${alive} AND g.destitute`;
    case 'disabled': return sql`${alive} AND g.disabled`;
    case 'outOfSchool': return sql`${alive} AND g."outOfSchool" AND ${age} < 18`;
    case 'leftBehind': return sql`${alive} AND g."leftBehind" AND ${age} < 18`;
    case 'uninsured': return sql`${alive} AND NOT g."insuredThisYear" AND ${age} < 18`;
    case 'deceased': return sql`g.deceased`;
  }
}

interface FlagRow {
  id: string;
  name: string;
  idMasked: string;
  unitCode: string;
  birthDate: string;
  facts: number;
  lowIncome: boolean;
  destitute: boolean;
  disabled: boolean;
  outOfSchool: boolean;
  leftBehind: boolean;
  insuredThisYear: boolean;
  deceased: boolean;
  lastRecordedAt: string;
}

export interface KeyGroupQuery {
  group?: KeyGroup;
  unitCode?: string;
  page: number;
  pageSize: number;
}


/** The key-group database: people with current facts, their groups, filtered by group and unit. */
export async function listKeyGroups(p: Platform, actor: Actor, q: KeyGroupQuery) {
  requirePermission(actor, 'feeds.read');
  if (q.unitCode && !q.unitCode.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  const today = p.today();
  const where = q.group ? groupCondition(q.group, today) : sql`TRUE`;
  const base = flagsQuery(actor, today, q.unitCode);
  const rows = await p.db.rows<FlagRow>(sql`SELECT * FROM (${base}) g WHERE ${where} ORDER BY g."unitCode", g.name, g.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM (${base}) g WHERE ${where}`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  await p.db.transaction((tx) => appendAudit(tx, actor, { action: 'feeds.keyGroups.read', unitCode: q.unitCode ?? actor.scope, detail: { group: q.group ?? null, rows: rows.length } }));
  return { items: rows.map((r) => view(r, names, today)), total, page: q.page, pageSize: q.pageSize };
}

/** Every row of a key-group query (for the export), audited. */
export async function exportKeyGroups(p: Platform, actor: Actor, q: Omit<KeyGroupQuery, 'page' | 'pageSize'>) {
  requirePermission(actor, 'feeds.read');
  requirePermission(actor, 'people.export');
  if (q.unitCode && !q.unitCode.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  const today = p.today();
  const where = q.group ? groupCondition(q.group, today) : sql`TRUE`;
  const rows = await p.db.rows<FlagRow>(sql`SELECT * FROM (${flagsQuery(actor, today, q.unitCode)}) g WHERE ${where} ORDER BY g."unitCode", g.name, g.id LIMIT 100000`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  await p.db.transaction((tx) => appendAudit(tx, actor, { action: 'feeds.keyGroups.export', unitCode: q.unitCode ?? actor.scope, detail: { group: q.group ?? null, rows: rows.length } }));
  return rows.map((r) => view(r, names, today));
}

function view(r: FlagRow, names: Map<string, string>, today: string) {
  return {
    personId: r.id,
    name: r.name,
    idMasked: r.idMasked,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? '',
    birthDate: r.birthDate,
    facts: r.facts,
    groups: groupsOf(r.birthDate, r, today),
    lastRecordedAt: new Date(r.lastRecordedAt).toISOString(),
  };
}

// ---- alerts ----

export interface AlertQuery {
  status?: AlertStatus;
  kind?: AlertKind;
  unitCode?: string;
  page: number;
  pageSize: number;
}

export async function listAlerts(p: Platform, actor: Actor, q: AlertQuery) {
  requirePermission(actor, 'feeds.read');
  const where = and(
    inScope(feedAlerts.unitCode, actor),
    q.unitCode ? sql`${feedAlerts.unitCode} LIKE ${`${q.unitCode}%`}` : undefined,
    q.status ? eq(feedAlerts.status, q.status) : undefined,
    q.kind ? eq(feedAlerts.kind, q.kind) : undefined,
  );
  const rows = await p.db.orm
    .select({ a: feedAlerts, name: persons.name, idMasked: persons.idMasked, personUnit: persons.unitCode })
    .from(feedAlerts)
    .innerJoin(persons, eq(persons.id, feedAlerts.personId))
    .where(where)
    .orderBy(sql`${feedAlerts.status} = 'handled'`, desc(feedAlerts.raisedAt), feedAlerts.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM feed_alerts WHERE ${where}`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.a.unitCode));
  return { items: rows.map((r) => alertView(r.a, r.name, r.idMasked, names)), total, page: q.page, pageSize: q.pageSize };
}

function alertView(a: typeof feedAlerts.$inferSelect, name: string, idMasked: string, names: Map<string, string>) {
  return {
    id: a.id,
    unitCode: a.unitCode,
    unitName: names.get(a.unitCode) ?? '',
    personId: a.personId,
    personName: name,
    idMasked,
    kind: a.kind,
    detail: a.detail,
    status: a.status,
    raisedAt: new Date(a.raisedAt).toISOString(),
    handledAt: a.handledAt ? new Date(a.handledAt).toISOString() : null,
    handledByName: a.handledByName,
    note: a.note,
  };
}

/** Moves an alert on (open → in progress → handled); handling needs a note of what was done. */
export async function updateAlert(p: Platform, actor: Actor, id: string, input: { status: 'inProgress' | 'handled'; note?: string }) {
  requirePermission(actor, 'feeds.alerts');
  const [found] = await p.db.orm.select().from(feedAlerts).where(and(eq(feedAlerts.id, id), inScope(feedAlerts.unitCode, actor))).limit(1);
  assertWithinScope(found?.unitCode, actor);
  if (found.status === 'handled') throw AppError.conflict('status', 'feeds.alertHandled');
  if (input.status === 'handled' && !input.note?.trim()) throw AppError.field('note', 'required');
  return p.db.transaction(async (tx) => {
    const [a] = await tx
      .update(feedAlerts)
      .set({ status: input.status, note: input.note?.trim() || found.note, handledAt: input.status === 'handled' ? new Date().toISOString() : null, handledByName: actor.username })
      .where(eq(feedAlerts.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'feeds.alert.update', entityType: 'feed_alert', entityId: id, unitCode: a.unitCode, detail: { status: a.status } });
    const [pp] = await tx.select({ name: persons.name, idMasked: persons.idMasked }).from(persons).where(eq(persons.id, a.personId));
    return alertView(a, pp.name, pp.idMasked, await unitNameMap(tx, [a.unitCode]));
  });
}
