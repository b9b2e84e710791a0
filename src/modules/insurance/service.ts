import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { insertAlerts, lapseAlert } from '../feeds/index.ts';
import { childBirthRange, rateAgainstTarget, windowEnds, type RateView } from './rules.ts';
import { insuranceFollowups, type FollowupStatus } from './schema.ts';

/** The children of a year in the actor's scope and the given unit (see rules.ts for who counts). */
function childrenOf(actor: Actor, year: number, unitCode: string): SQL {
  const { from, to } = childBirthRange(year);
  // One pass over the current facts of the unit's people, then one join with persons.
  return sql`
    SELECT p.id, p.name, p.id_masked, p.unit_code, p.birth_date,
      coalesce(f.enrolled, false) AS enrolled, coalesce(f.enrolled_before, false) AS enrolled_before,
      coalesce(f.low_income, false) AS low_income, coalesce(f.disabled, false) AS disabled
    FROM persons p
    LEFT JOIN (
      SELECT person_id,
        bool_or(kind = 'insurance' AND fact_key = ${String(year)}) AS enrolled,
        bool_or(kind = 'insurance' AND fact_key = ${String(year - 1)}) AS enrolled_before,
        bool_or(kind = 'lowIncome' AND (valid_from IS NULL OR valid_from <= ${`${year}-12-31`}::date) AND (valid_to IS NULL OR valid_to >= ${`${year}-01-01`}::date)) AS low_income,
        bool_or(kind = 'disability') AS disabled,
        bool_or(kind = 'death' AND valid_from < ${`${year}-01-01`}::date) AS died_before
      FROM person_facts
      WHERE superseded_at IS NULL AND kind IN ('insurance', 'lowIncome', 'disability', 'death') AND ${inScope(sql`unit_code`, actor)} AND unit_code LIKE ${`${unitCode}%`}
      GROUP BY person_id
    ) f ON f.person_id = p.id
    WHERE ${inScope(sql`p.unit_code`, actor)} AND p.unit_code LIKE ${`${unitCode}%`}
      AND p.birth_date BETWEEN ${from}::date AND ${to}::date
      AND NOT coalesce(f.died_before, false)`;
}

function checkUnit(actor: Actor, unitCode: string | undefined): string {
  const unit = unitCode ?? actor.scope;
  if (!unit.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  return unit;
}

export interface RateRow {
  unitCode: string;
  unitName: string;
  children: number;
  enrolled: number;
  newborns: number;
  newbornsEnrolled: number;
  overall: RateView;
  newborn: RateView;
}

/** Enrolment rates of a year for each unit one level below the given one, and their total. */
export async function enrolmentRates(p: Platform, actor: Actor, q: { year: number; unitCode?: string }): Promise<{ year: number; unitCode: string; total: RateRow; rows: RateRow[] }> {
  requirePermission(actor, 'insurance.read');
  const unit = checkUnit(actor, q.unitCode);
  const childLength = unit.length === 4 ? 6 : unit.length === 6 ? 9 : 12;
  const rows = await p.db.rows<{ unit: string; children: number; enrolled: number; newborns: number; newbornsEnrolled: number }>(sql`
    SELECT left(k.unit_code, ${childLength}) AS unit, count(*)::int AS children, count(*) FILTER (WHERE k.enrolled)::int AS enrolled,
      count(*) FILTER (WHERE k.birth_date >= ${`${q.year}-01-01`}::date)::int AS newborns,
      count(*) FILTER (WHERE k.birth_date >= ${`${q.year}-01-01`}::date AND k.enrolled)::int AS "newbornsEnrolled"
    FROM (${childrenOf(actor, q.year, unit)}) k GROUP BY 1 ORDER BY 1`);
  const names = await unitNameMap(p.db.orm, [unit, ...rows.map((r) => r.unit)]);
  const toRow = (code: string, c: { children: number; enrolled: number; newborns: number; newbornsEnrolled: number }): RateRow => ({
    unitCode: code,
    unitName: names.get(code) ?? '',
    children: c.children,
    enrolled: c.enrolled,
    newborns: c.newborns,
    newbornsEnrolled: c.newbornsEnrolled,
    overall: rateAgainstTarget(c.enrolled, c.children, 'overall', q.year),
    newborn: rateAgainstTarget(c.newbornsEnrolled, c.newborns, 'newbornInBirthYear', q.year),
  });
  const sum = rows.reduce((s, r) => ({ children: s.children + r.children, enrolled: s.enrolled + r.enrolled, newborns: s.newborns + r.newborns, newbornsEnrolled: s.newbornsEnrolled + r.newbornsEnrolled }), { children: 0, enrolled: 0, newborns: 0, newbornsEnrolled: 0 });
  return { year: q.year, unitCode: unit, total: toRow(unit, sum), rows: rows.map((r) => toRow(r.unit, r)) };
}

export interface ChildQuery {
  year: number;
  unitCode?: string;
  /** unenrolled: every child not enrolled; newborns: newborns not enrolled; gaps: low-income or disabled children not enrolled. */
  list: 'unenrolled' | 'newborns' | 'gaps';
  status?: FollowupStatus;
  page: number;
  pageSize: number;
}

/** Children not enrolled for a year, with their follow-up; the read is audited. */
export async function unenrolledChildren(p: Platform, actor: Actor, q: ChildQuery) {
  requirePermission(actor, 'insurance.read');
  const unit = checkUnit(actor, q.unitCode);
  const filter = sql.join(
    [
      sql`NOT k.enrolled`,
      q.list === 'newborns' ? sql`k.birth_date >= ${`${q.year}-01-01`}::date` : sql`TRUE`,
      q.list === 'gaps' ? sql`(k.low_income OR k.disabled)` : sql`TRUE`,
      q.status ? (q.status === 'pending' ? sql`(fu.status IS NULL OR fu.status = 'pending')` : sql`fu.status = ${q.status}`) : sql`TRUE`,
    ],
    sql` AND `,
  );
  const base = sql`FROM (${childrenOf(actor, q.year, unit)}) k LEFT JOIN insurance_followups fu ON fu.person_id = k.id AND fu.year = ${q.year} WHERE ${filter}`;
  const rows = await p.db.rows<{ id: string; name: string; id_masked: string; unit_code: string; birth_date: string; enrolled_before: boolean; low_income: boolean; disabled: boolean; status: FollowupStatus | null; note: string | null; updated_by_name: string | null; updated_at: string | null }>(sql`
    SELECT k.id, k.name, k.id_masked, k.unit_code, k.birth_date::text AS birth_date, k.enrolled_before, k.low_income, k.disabled, fu.status, fu.note, fu.updated_by_name, fu.updated_at
    ${base} ORDER BY k.unit_code, k.birth_date DESC, k.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total ${base}`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unit_code));
  await p.db.transaction((tx) => appendAudit(tx, actor, { action: 'insurance.children.read', unitCode: unit, detail: { year: q.year, list: q.list, rows: rows.length } }));
  return {
    items: rows.map((r) => ({
      personId: r.id,
      name: r.name,
      idMasked: r.id_masked,
      unitCode: r.unit_code,
      unitName: names.get(r.unit_code) ?? '',
      birthDate: r.birth_date,
      newborn: r.birth_date >= `${q.year}-01-01`,
      windowEnds: r.birth_date >= `${q.year}-01-01` ? windowEnds(r.birth_date) : null,
      gap: (r.enrolled_before ? 'break' : 'missing') as 'break' | 'missing',
      lowIncome: r.low_income,
      disabled: r.disabled,
      followup: { status: r.status ?? 'pending', note: r.note, updatedByName: r.updated_by_name, updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null },
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Records the follow-up of an unenrolled child for a year. */
export async function recordFollowup(p: Platform, actor: Actor, input: { personId: string; year: number; status: FollowupStatus; note?: string }) {
  requirePermission(actor, 'insurance.followup');
  const [person] = await p.db.orm.select({ id: persons.id, unitCode: persons.unitCode, name: persons.name }).from(persons).where(and(eq(persons.id, input.personId), inScope(persons.unitCode, actor))).limit(1);
  assertWithinScope(person?.unitCode, actor);
  return p.db.transaction(async (tx) => {
    const values = { personId: person.id, year: input.year, unitCode: person.unitCode, status: input.status, note: input.note?.trim() || null, updatedByName: actor.username, updatedAt: new Date().toISOString() };
    const [row] = await tx
      .insert(insuranceFollowups)
      .values(values)
      .onConflictDoUpdate({ target: [insuranceFollowups.personId, insuranceFollowups.year], set: { status: values.status, note: values.note, updatedByName: values.updatedByName, updatedAt: values.updatedAt, unitCode: values.unitCode } })
      .returning();
    await appendAudit(tx, actor, { action: 'insurance.followup', entityType: 'person', entityId: person.id, unitCode: person.unitCode, detail: { year: input.year, status: input.status } });
    return { personId: row.personId, year: row.year, status: row.status, note: row.note, updatedByName: row.updatedByName, updatedAt: new Date(row.updatedAt).toISOString() };
  });
}

/**
 * Raises an alert, once per child and year, for each low-income family's child (低保、低边、
 * 特困、孤儿、事实无人抚养) with a break or gap in enrolment for the year (000 §3: 断保、漏保).
 * Run after every enrolment or assistance feed and by the township on demand.
 */
export async function raiseLapseAlerts(p: Platform, actor: Actor, year: number): Promise<number> {
  const rows = await p.db.rows<{ id: string; unit_code: string; birth_date: string; enrolled_before: boolean }>(
    sql`SELECT k.id, k.unit_code, k.birth_date::text AS birth_date, k.enrolled_before FROM (${childrenOf(actor, year, actor.scope)}) k WHERE NOT k.enrolled AND k.low_income`,
  );
  // A newborn still inside the window to enrol from birth is not lapsed yet.
  const today = p.today();
  const lapsed = rows.filter((r) => !(r.birth_date >= `${year}-01-01` && windowEnds(r.birth_date) >= today));
  return p.db.transaction(async (tx) => {
    // A lapse closes itself once the child is enrolled for the year.
    await tx.execute(sql`UPDATE feed_alerts a SET status = 'handled', handled_at = now(), detail = a.detail || '{"closedBy": "enrolment"}'::jsonb
      WHERE a.kind = 'insuranceLapse' AND a.status <> 'handled' AND a.detail->>'year' = ${String(year)} AND ${inScope(sql`a.unit_code`, actor)}
        AND EXISTS (SELECT 1 FROM person_facts f WHERE f.person_id = a.person_id AND f.kind = 'insurance' AND f.fact_key = ${String(year)} AND f.superseded_at IS NULL)`);
    return insertAlerts(tx, lapsed.map((r) => lapseAlert({ id: r.id, unitCode: r.unit_code, birthDate: r.birth_date }, year, r.enrolled_before ? 'break' : 'missing')));
  });
}
