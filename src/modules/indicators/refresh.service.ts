/**
 * Refresh: evaluates every measure the active indicators use, rolls each up the admin tree,
 * recomputes every indicator for every unit and year from the summed numerator and
 * denominator, and replaces the stored values in one transaction, so the cockpit never sees
 * half a refresh. Source tables carry statement triggers that mark the values stale; the
 * server refreshes stale values (see startIndicatorRefresher).
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { requirePermission, type Actor } from '../../app/scope.ts';
import type { Database, Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { toCsvRow } from '../../app/csv.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { rollUp, type MeasureRow } from './rollup.ts';
import { computeIndicatorValues, type IndicatorDefinition, type IndicatorUnit, type ValueRow } from './compute.ts';
import { targetsByUnit, type Target, type TargetKind, type WarningBand, type WarningColor, type Direction } from './warning.ts';

export type RefreshTrigger = 'manual' | 'seed' | 'dataChanged' | 'registry';

export interface RefreshResult {
  indicators: number;
  values: number;
  millis: number;
  finishedAt: string;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A measure's leaf query, summed per unit and year over the years of the population base. */
export function measureQuery(leafSql: string) {
  return sql.raw(
    `WITH indicator_years(year) AS (SELECT DISTINCT year::int FROM org_unit_population)
     SELECT s.unit_code::text AS unit_code, s.year::int AS year, sum(s.amount)::float8 AS amount
     FROM (${leafSql}) s
     WHERE s.year IN (SELECT year FROM indicator_years) AND s.amount IS NOT NULL
     GROUP BY 1, 2`,
  );
}

/** Installs the statement trigger that marks the values stale on a change of a source table. */
export async function watchSourceTables(db: Database, ex: Executor, tables: string[]): Promise<void> {
  for (const t of new Set(tables)) {
    if (!TABLE_NAME.test(t)) throw new Error(`not a table name: ${t}`);
    const present = await db.rows(sql`SELECT 1 FROM pg_trigger WHERE tgname = 'indicator_stale' AND tgrelid = to_regclass(${t})`, ex);
    if (present.length > 0) continue;
    await ex.execute(
      sql.raw(`CREATE TRIGGER indicator_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_stale()`),
    );
  }
}

interface IndicatorRow {
  code: string;
  numerator: string;
  denominator: string | null;
  unit: IndicatorUnit;
  direction: Direction;
  min_level: number;
}

export async function refreshIndicators(p: Platform, actor: Actor, trigger: RefreshTrigger): Promise<RefreshResult> {
  if (trigger === 'manual') requirePermission(actor, 'indicators.refresh');
  const started = new Date();
  const db = p.db;
  const [{ changed }] = await db.rows<{ changed: string | null }>(sql`SELECT changed_at::text AS changed FROM indicator_staleness`);
  const defs = await db.rows<IndicatorRow>(sql`SELECT code, numerator, denominator, unit, direction, min_level FROM indicators WHERE active ORDER BY sort_order, code`);
  const measureCodes = [...new Set(defs.flatMap((d) => (d.denominator ? [d.numerator, d.denominator] : [d.numerator])))];
  const measures = await db.rows<{ code: string; leaf_sql: string; source_tables: string[] }>(
    sql`SELECT code, leaf_sql, source_tables FROM indicator_measures WHERE code = ANY(string_to_array(${measureCodes.join(',')}, ','))`,
  );
  const rolled = new Map<string, Map<string, number>>();
  // One snapshot for every measure, so numerators and denominators see the same data; the
  // memory lets the distinct counts sort in memory rather than on disk.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    for (const m of measures) {
      const rows = await db.rows<{ unit_code: string; year: number; amount: number }>(measureQuery(m.leaf_sql), tx);
      rolled.set(m.code, rollUp(rows.map((r): MeasureRow => ({ unitCode: r.unit_code, year: r.year, amount: r.amount }))));
    }
  });
  const units = await db.rows<{ code: string; level: number }>(sql`SELECT code, level FROM org_units`);
  const years = (await db.rows<{ year: number }>(sql`SELECT DISTINCT year::int AS year FROM org_unit_population ORDER BY 1`)).map((r) => r.year);
  const targetRows = await db.rows<{ indicator_code: string; unit_code: string; year: number; kind: TargetKind; value: string | null }>(
    sql`SELECT indicator_code, unit_code, year, kind, value FROM indicator_targets`,
  );
  const bands = (
    await db.rows<{ color: WarningColor; min_attainment: string | null; effective_from: string; effective_to: string | null }>(
      sql`SELECT color, min_attainment, effective_from::text, effective_to::text FROM indicator_warning_bands`,
    )
  ).map((b): WarningBand => ({ color: b.color, minAttainment: b.min_attainment === null ? null : Number(b.min_attainment), effectiveFrom: b.effective_from, effectiveTo: b.effective_to }));

  const values: ValueRow[] = [];
  for (const d of defs) {
    const targets = targetsByUnit(
      targetRows.filter((t) => t.indicator_code === d.code).map((t): Target => ({ unitCode: t.unit_code, year: t.year, kind: t.kind, value: t.value === null ? null : Number(t.value) })),
    );
    const def: IndicatorDefinition = { code: d.code, numerator: d.numerator, denominator: d.denominator, unit: d.unit, direction: d.direction, minLevel: d.min_level };
    values.push(...computeIndicatorValues(def, units, years, rolled.get(d.numerator)!, d.denominator ? rolled.get(d.denominator)! : null, targets, bands));
  }

  // The values go in with COPY (outside the transaction, as COPY must on the embedded
  // database), then replace the stored ones in one short transaction.
  const refreshId = uuidv7();
  const COLUMNS = ['refresh_id', 'indicator_code', 'unit_code', 'year', 'numerator', 'denominator', 'value', 'target_kind', 'target', 'target_unit_code', 'target_basis', 'target_year', 'attainment', 'color'];
  try {
    for (let i = 0; i < values.length; i += 20_000) {
      const csv = values
        .slice(i, i + 20_000)
        .map((v) => toCsvRow([refreshId, v.indicatorCode, v.unitCode, v.year, v.numerator, v.denominator, v.value, v.targetKind, v.target, v.targetUnitCode, v.targetBasis, v.targetYear, v.attainment, v.color]))
        .join('\n');
      if (csv) await db.copyCsv('indicator_values_staging', COLUMNS, csv + '\n');
    }
    const finished = await db.transaction(async (tx) => {
      await watchSourceTables(p.db, tx, measures.flatMap((m) => m.source_tables));
      // TRUNCATE rather than DELETE: no dead rows left behind; readers wait for the commit.
      await tx.execute(sql`TRUNCATE indicator_values`);
      await tx.execute(sql`
        INSERT INTO indicator_values (indicator_code, unit_code, year, numerator, denominator, value, target_kind, target, target_unit_code, target_basis, target_year, attainment, color)
        SELECT indicator_code, unit_code, year, numerator, denominator, value, target_kind, target, target_unit_code, target_basis, target_year, attainment, color
        FROM indicator_values_staging WHERE refresh_id = ${refreshId}`);
      const [row] = await p.db.rows<{ finished_at: string }>(
        sql`INSERT INTO indicator_refreshes (started_at, finished_at, trigger, actor_username, indicators, values_written, millis)
            VALUES (${started.toISOString()}, clock_timestamp(), ${trigger}, ${actor.username}, ${defs.length}, ${values.length}, ${Date.now() - started.getTime()})
            RETURNING finished_at::text`,
        tx,
      );
      // Cleared only if no change was marked after this refresh read it.
      await tx.execute(sql`UPDATE indicator_staleness SET changed_at = NULL WHERE id AND changed_at IS NOT DISTINCT FROM ${changed}::timestamptz`);
      if (trigger === 'manual') await appendAudit(tx, actor, { action: 'indicators.refresh', unitCode: '3306', detail: { indicators: defs.length, values: values.length } });
      return row.finished_at;
    });
    return { indicators: defs.length, values: values.length, millis: Date.now() - started.getTime(), finishedAt: finished };
  } finally {
    await db.rows(sql`DELETE FROM indicator_values_staging WHERE refresh_id = ${refreshId}`);
  }
}

/** Whether a source table changed after the last refresh, and when that refresh finished. */
export async function refreshState(ex: Platform['db']): Promise<{ lastRefreshAt: string | null; changedAt: string | null }> {
  const [r] = await ex.rows<{ last: string | null; changed: string | null }>(
    sql`SELECT (SELECT max(finished_at)::text FROM indicator_refreshes) AS last, (SELECT changed_at::text FROM indicator_staleness) AS changed`,
  );
  return { lastRefreshAt: r.last, changedAt: r.changed };
}

/**
 * Keeps the stored values fresh while the server runs: every interval, a refresh runs when a
 * source table changed since the last one. Returns the function that stops it.
 */
export function startIndicatorRefresher(p: Platform, intervalMs = 60_000, onError: (err: unknown) => void = () => {}): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const s = await refreshState(p.db);
      if (s.changedAt || !s.lastRefreshAt) await refreshIndicators(p, { id: null, username: 'indicator-refresher', role: 'admin', scope: '3306', locale: 'zh-CN' }, 'dataChanged');
    } catch (err) {
      onError(err);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
