/**
 * Loads surveyed positions over the approximate ones: every good row replaces its unit's
 * point (method 'surveyed'), bad rows are reported by line and field, and a unit outside the
 * caller's scope reads as unknown, never as existing elsewhere. Re-running a file is harmless.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { readCsv, type CsvRecord } from '../../app/csv.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { appendAudit } from '../audit/index.ts';
import { parseLocations, type LocationError, type LocationSystem } from './locations.ts';

export interface LocationImportResult {
  rows: number;
  updated: number;
  unchanged: number;
  errors: (LocationError & { message: string })[];
}

export async function importLocations(p: Platform, actor: Actor, content: Buffer, system: LocationSystem, locale: Locale): Promise<LocationImportResult> {
  requirePermission(actor, 'imports.run');
  const records: CsvRecord[] = [];
  for await (const batch of readCsv(Readable.from([content.toString('utf8').replace(/^\uFEFF/, '')]))) records.push(...batch);
  const { rows, errors } = parseLocations(records, system);
  const known = rows.length
    ? new Map(
        (
          await p.db.rows<{ code: string; lon: number | null; lat: number | null; method: string | null }>(
            sql`SELECT u.code, l.lon, l.lat, l.method FROM org_units u LEFT JOIN unit_locations l ON l.unit_code = u.code
                WHERE u.level >= 3 AND u.code IN (${sql.join(rows.map((r) => sql`${r.code}`), sql`, `)})`,
          )
        ).map((r) => [r.code, r]),
      )
    : new Map();
  const good = rows.filter((r) => {
    if (known.has(r.code) && isWithinScope(r.code, actor)) return true;
    errors.push({ line: r.line, field: 'code', code: 'unknownUnit' });
    return false;
  });
  const changed = good.filter((r) => {
    const k = known.get(r.code)!;
    return !(k.method === 'surveyed' && k.lon === r.lon && k.lat === r.lat);
  });
  if (changed.length) {
    await p.db.transaction(async (tx) => {
      for (const r of changed)
        await tx.execute(sql`INSERT INTO unit_locations (unit_code, lon, lat, method) VALUES (${r.code}, ${r.lon}, ${r.lat}, 'surveyed')
                             ON CONFLICT (unit_code) DO UPDATE SET lon = EXCLUDED.lon, lat = EXCLUDED.lat, method = 'surveyed'`);
      await appendAudit(tx, actor, { action: 'geo.locations.import', entityType: 'unit_locations', unitCode: actor.scope, detail: { system, updated: changed.length, errors: errors.length } });
    });
  }
  const t = translator(locale);
  return {
    rows: Math.max(0, records.length - 1),
    updated: changed.length,
    unchanged: good.length - changed.length,
    errors: errors.sort((a, b) => a.line - b.line).map((e) => ({ ...e, message: t(`errors:field.${e.code === 'emptyFile' || e.code === 'missingColumn' ? e.code : `geo.${e.code}`}`) })),
  };
}
