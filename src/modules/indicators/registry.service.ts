/**
 * Loads registry entries (measures, indicators, targets) from data. A measure's SQL is tried
 * before it is stored, so a bad definition is refused with the reason and nothing changes.
 * Definitions come from the platform's versioned data files (or an administrator's file via
 * the command line), never from an HTTP request: they are SQL.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { registryFile, type RegistryFile } from './registry.ts';
import { measureQuery, watchSourceTables } from './refresh.service.ts';

export async function registerIndicators(p: Platform, actor: Actor, input: unknown): Promise<{ measures: number; indicators: number; targets: number }> {
  const file: RegistryFile = registryFile.parse(input);
  return p.db.transaction(async (tx) => {
    for (const m of file.measures) {
      // Runs the definition once, which both checks it and fails the load if it is wrong.
      await tx.execute(sql`SELECT * FROM (${measureQuery(m.leafSql)}) probe LIMIT 0`);
      if (m.detailSql) await tx.execute(sql.raw(`SELECT unit_code, year, record_id, label, amount FROM (WITH indicator_years(year) AS (SELECT 2000) ${m.detailSql}) d LIMIT 0`));
      await tx.execute(sql`
        INSERT INTO indicator_measures (code, name_zh, name_en, leaf_sql, detail_sql, source_tables, source)
        VALUES (${m.code}, ${m.nameZh}, ${m.nameEn}, ${m.leafSql}, ${m.detailSql ?? null}, string_to_array(${m.sourceTables.join(',')}, ','), ${m.source})
        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, leaf_sql = EXCLUDED.leaf_sql,
          detail_sql = EXCLUDED.detail_sql, source_tables = EXCLUDED.source_tables, source = EXCLUDED.source`);
      await watchSourceTables(p.db, tx, m.sourceTables);
    }
    for (const i of file.indicators) {
      await tx.execute(sql`
        INSERT INTO indicators (code, name_zh, name_en, numerator, denominator, unit, direction, min_level, theme, sort_order, source)
        VALUES (${i.code}, ${i.nameZh}, ${i.nameEn}, ${i.numerator}, ${i.denominator ?? null}, ${i.unit}, ${i.direction}, ${i.minLevel}, ${i.theme}, ${i.sortOrder}, ${i.source})
        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, numerator = EXCLUDED.numerator,
          denominator = EXCLUDED.denominator, unit = EXCLUDED.unit, direction = EXCLUDED.direction, min_level = EXCLUDED.min_level,
          theme = EXCLUDED.theme, sort_order = EXCLUDED.sort_order, source = EXCLUDED.source`);
    }
    for (const t of file.targets) {
      await tx.execute(sql`
        INSERT INTO indicator_targets (indicator_code, unit_code, year, kind, value, source)
        VALUES (${t.indicatorCode}, ${t.unitCode}, ${t.year}, ${t.kind}, ${t.value ?? null}, ${t.source})
        ON CONFLICT (indicator_code, unit_code, year) DO UPDATE SET kind = EXCLUDED.kind, value = EXCLUDED.value, source = EXCLUDED.source`);
    }
    await tx.execute(sql`UPDATE indicator_staleness SET changed_at = now() WHERE id`);
    await appendAudit(tx, actor, {
      action: 'indicators.register',
      unitCode: '3306',
      detail: { measures: file.measures.map((m) => m.code), indicators: file.indicators.map((i) => i.code), targets: file.targets.length },
    });
    return { measures: file.measures.length, indicators: file.indicators.length, targets: file.targets.length };
  });
}
