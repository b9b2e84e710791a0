/**
 * The cockpit (驾驶舱) and the registry, read from the stored results of the last refresh:
 * a unit's value with its children (map and ranking), its trend against the targets, the
 * units in red, and the "why" of a value. Everything is limited to the caller's scope.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { refreshState } from './refresh.service.ts';
import type { CockpitView, IndicatorView, UnitValue, WhyView, RedItem } from './contract.ts';

interface DefRow {
  code: string;
  name_zh: string;
  name_en: string;
  numerator: string;
  denominator: string | null;
  unit: IndicatorView['unit'];
  direction: IndicatorView['direction'];
  min_level: number;
  theme: IndicatorView['theme'];
  source: string;
  num_zh: string;
  num_en: string;
  den_zh: string | null;
  den_en: string | null;
}

const DEF_SELECT = sql`
  SELECT i.code, i.name_zh, i.name_en, i.numerator, i.denominator, i.unit, i.direction, i.min_level, i.theme, i.source,
         n.name_zh AS num_zh, n.name_en AS num_en, d.name_zh AS den_zh, d.name_en AS den_en
  FROM indicators i JOIN indicator_measures n ON n.code = i.numerator LEFT JOIN indicator_measures d ON d.code = i.denominator
  WHERE i.active`;

function toDef(r: DefRow): Omit<IndicatorView, 'targets'> {
  return {
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    unit: r.unit,
    direction: r.direction,
    minLevel: r.min_level,
    theme: r.theme,
    source: r.source,
    numerator: { code: r.numerator, nameZh: r.num_zh, nameEn: r.num_en },
    denominator: r.denominator ? { code: r.denominator, nameZh: r.den_zh!, nameEn: r.den_en! } : null,
  };
}

/** Targets visible to a scope: those of its own unit, its ancestors and its descendants. */
function targetScope(actor: Actor) {
  return sql`(${inScope(sql`t.unit_code`, actor)} OR ${actor.scope} LIKE t.unit_code || '%')`;
}

export async function listIndicators(p: Platform, actor: Actor): Promise<IndicatorView[]> {
  requirePermission(actor, 'indicators.read');
  const defs = await p.db.rows<DefRow>(sql`${DEF_SELECT} ORDER BY i.sort_order, i.code`);
  const targets = await p.db.rows<{ indicator_code: string; unit_code: string; unit_name: string; year: number; kind: 'atLeast' | 'atMost' | 'historicalLow'; value: string | null; source: string }>(
    sql`SELECT t.indicator_code, t.unit_code, coalesce(u.name, t.unit_code) AS unit_name, t.year, t.kind, t.value, t.source
        FROM indicator_targets t LEFT JOIN org_units u ON u.code = t.unit_code
        WHERE ${targetScope(actor)} ORDER BY t.indicator_code, t.unit_code, t.year`,
  );
  return defs.map((d) => ({
    ...toDef(d),
    targets: targets
      .filter((t) => t.indicator_code === d.code)
      .map((t) => ({ unitCode: t.unit_code, unitName: t.unit_name, year: t.year, kind: t.kind, value: t.value === null ? null : Number(t.value), source: t.source })),
  }));
}

async function findDef(p: Platform, code: string) {
  const [d] = await p.db.rows<DefRow>(sql`${DEF_SELECT} AND i.code = ${code}`);
  if (!d) throw AppError.field('indicator', 'indicators.unknownIndicator');
  return d;
}

interface ValueRowDb {
  unit_code: string;
  unit_name: string;
  level: number;
  year: number;
  numerator: string;
  denominator: string | null;
  value: string | null;
  target_kind: string | null;
  target: string | null;
  target_unit_code: string | null;
  target_unit_name: string | null;
  target_basis: UnitValue['targetBasis'];
  target_year: number | null;
  attainment: string | null;
  color: UnitValue['color'];
}

const num = (x: string | null) => (x === null ? null : Number(x));

function toValue(r: ValueRowDb): UnitValue {
  return {
    unitCode: r.unit_code,
    unitName: r.unit_name,
    level: r.level,
    year: r.year,
    numerator: Number(r.numerator),
    denominator: num(r.denominator),
    value: num(r.value),
    targetKind: r.target_kind as UnitValue['targetKind'],
    target: num(r.target),
    targetUnitCode: r.target_unit_code,
    targetUnitName: r.target_unit_name,
    targetBasis: r.target_basis,
    targetYear: r.target_year,
    attainment: num(r.attainment),
    color: r.color,
  };
}

const VALUE_SELECT = sql`
  SELECT v.unit_code, u.name AS unit_name, u.level, v.year, v.numerator, v.denominator, v.value, v.target_kind, v.target,
         v.target_unit_code, tu.name AS target_unit_name, v.target_basis, v.target_year, v.attainment, v.color
  FROM indicator_values v JOIN org_units u ON u.code = v.unit_code LEFT JOIN org_units tu ON tu.code = v.target_unit_code`;

/** Years with stored values, newest last (every indicator has the city's row for each year). */
async function yearsOf(p: Platform, code: string): Promise<number[]> {
  return (await p.db.rows<{ year: number }>(sql`SELECT year FROM indicator_values WHERE indicator_code = ${code} AND unit_code = '3306' ORDER BY year`)).map((r) => r.year);
}

export async function cockpit(p: Platform, actor: Actor, q: { indicator: string; year?: number; unit?: string }): Promise<CockpitView> {
  requirePermission(actor, 'indicators.read');
  const d = await findDef(p, q.indicator);
  const unit = q.unit ?? actor.scope;
  assertWithinScope(unit, actor);
  const years = await yearsOf(p, d.code);
  const year = q.year ?? years.at(-1) ?? new Date().getFullYear();
  const scoped = inScope(sql`v.unit_code`, actor);
  // Independent reads of the stored values, run side by side.
  const [[current], children, townships, trend, red, path, refresh] = await Promise.all([
    p.db.rows<ValueRowDb>(sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.unit_code = ${unit} AND v.year = ${year} AND ${scoped}`),
    p.db.rows<ValueRowDb>(sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.year = ${year} AND u.parent_code = ${unit} AND ${scoped} ORDER BY v.unit_code`),
    unit.length <= 6
      ? p.db.rows<ValueRowDb>(
          sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.year = ${year} AND u.level = 3 AND v.unit_code LIKE ${`${unit}%`} AND ${scoped} ORDER BY v.unit_code`,
        )
      : Promise.resolve([]),
    p.db.rows<ValueRowDb>(sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.unit_code = ${unit} AND ${scoped} ORDER BY v.year`),
    p.db.rows<ValueRowDb>(
      sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.year = ${year} AND v.color = 'red' AND v.unit_code LIKE ${`${unit}%`} AND ${scoped}
          ORDER BY u.level, v.attainment NULLS LAST, v.unit_code LIMIT 500`,
    ),
    p.db.rows<{ code: string; name: string; level: number }>(
      sql`SELECT code, name, level FROM org_units WHERE code IN (${sql.join(
        [4, 6, 9, 12].filter((n) => n <= unit.length).map((n) => sql`${unit.slice(0, n)}`),
        sql`, `,
      )}) AND ${inScope(sql`code`, actor)} ORDER BY level`,
    ),
    refreshState(p.db),
  ]);
  if (!current && path.at(-1)?.code !== unit) throw AppError.notFound();
  const ranking = children
    .map(toValue)
    .filter((c) => c.value !== null)
    .sort((a, b) => (d.direction === 'higher' ? b.value! - a.value! : a.value! - b.value!));
  return {
    indicator: toDef(d),
    unitCode: unit,
    year,
    years,
    path,
    current: current ? toValue(current) : null,
    children: children.map(toValue),
    townships: townships.map(toValue),
    ranking,
    trend: trend.map(toValue),
    red: red.map(toValue),
    refresh,
  };
}

/** Units in red across all indicators for a year, within the caller's scope. */
export async function redUnits(p: Platform, actor: Actor, q: { year?: number }): Promise<RedItem[]> {
  requirePermission(actor, 'indicators.read');
  const year = q.year ?? (await p.db.rows<{ y: number | null }>(sql`SELECT max(year) AS y FROM indicator_values`))[0].y ?? 0;
  const rows = await p.db.rows<ValueRowDb & { indicator_code: string; name_zh: string; name_en: string }>(
    sql`SELECT v.indicator_code, i.name_zh, i.name_en, v.unit_code, u.name AS unit_name, u.level, v.year, v.numerator, v.denominator, v.value,
               v.target_kind, v.target, v.target_unit_code, tu.name AS target_unit_name, v.target_basis, v.target_year, v.attainment, v.color
        FROM indicator_values v JOIN org_units u ON u.code = v.unit_code JOIN indicators i ON i.code = v.indicator_code
        LEFT JOIN org_units tu ON tu.code = v.target_unit_code
        WHERE v.year = ${year} AND v.color = 'red' AND ${inScope(sql`v.unit_code`, actor)} AND u.level <= 3
        ORDER BY u.level, i.sort_order, v.unit_code LIMIT 1000`,
  );
  return rows.map((r) => ({ ...toValue(r), indicatorCode: r.indicator_code, indicatorNameZh: r.name_zh, indicatorNameEn: r.name_en }));
}

/**
 * Why a value is what it is: the numerator and denominator, the same for each child unit,
 * and the records behind the numerator (up to 200), all within the caller's scope. Audited,
 * since the records may be a child's screening or visit.
 */
export async function whyValue(p: Platform, actor: Actor, q: { indicator: string; unit: string; year: number }): Promise<WhyView> {
  requirePermission(actor, 'indicators.read');
  const d = await findDef(p, q.indicator);
  assertWithinScope(q.unit, actor);
  const scoped = inScope(sql`v.unit_code`, actor);
  const [current] = await p.db.rows<ValueRowDb>(sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.unit_code = ${q.unit} AND v.year = ${q.year} AND ${scoped}`);
  if (!current) throw AppError.notFound();
  const children = await p.db.rows<ValueRowDb>(
    sql`${VALUE_SELECT} WHERE v.indicator_code = ${d.code} AND v.year = ${q.year} AND u.parent_code = ${q.unit} AND ${scoped} ORDER BY v.unit_code`,
  );
  const [m] = await p.db.rows<{ detail_sql: string | null }>(sql`SELECT detail_sql FROM indicator_measures WHERE code = ${d.numerator}`);
  let records: WhyView['records'] = [];
  let recordsTotal = 0;
  if (m?.detail_sql) {
    const detail = sql.raw(`(WITH indicator_years(year) AS (SELECT DISTINCT year::int FROM org_unit_population) ${m.detail_sql})`);
    const where = sql`d.year = ${q.year} AND d.unit_code LIKE ${`${q.unit}%`} AND ${inScope(sql`d.unit_code`, actor)}`;
    const rows = await p.db.rows<{ unit_code: string; unit_name: string; record_id: string; label: string; amount: number }>(
      sql`SELECT d.unit_code::text, u.name AS unit_name, d.record_id::text, d.label::text, d.amount::float8 AS amount
          FROM ${detail} d JOIN org_units u ON u.code = d.unit_code WHERE ${where} ORDER BY d.unit_code, d.record_id LIMIT 200`,
    );
    records = rows.map((r) => ({ unitCode: r.unit_code, unitName: r.unit_name, recordId: r.record_id, label: r.label, amount: r.amount }));
    recordsTotal = (await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${detail} d WHERE ${where}`))[0].n;
  }
  await p.db.transaction((tx) =>
    appendAudit(tx, actor, { action: 'indicators.why.read', entityType: 'indicator_value', entityId: `${d.code}/${q.unit}/${q.year}`, unitCode: q.unit, detail: { records: records.length } }),
  );
  return { indicator: toDef(d), current: toValue(current), children: children.map(toValue), records, recordsTotal };
}
