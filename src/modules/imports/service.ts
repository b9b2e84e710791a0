import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError, type FieldIssue } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { orgUnits } from '../org/index.ts';
import { checkPerson, encryptIdNumber, hashIdNumber, maskIdNumber, personSchema } from '../people/index.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { importRowErrors, importRuns } from './schema.ts';
import { mapHeader, rowToPersonInput } from './peopleCsv.ts';

export type ImportRun = typeof importRuns.$inferSelect;

export interface ImportOptions {
  fileName?: string;
  /** Rows per COPY + upsert transaction. */
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
}

const STAGING_COLUMNS = ['run_id', 'line', 'unit_code', 'name', 'sex', 'birth_date', 'id_cipher', 'id_hash', 'id_masked', 'phone', 'address'];

function csvField(v: string | null): string {
  if (v === null) return '';
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

interface RowError {
  line: number;
  field: string;
  code: string;
}

/**
 * Imports people from a CSV file. Each row is checked (format, GB 11643 ID number, unit in
 * the importer's scope, not repeated in the file); good rows go in batches through COPY into
 * a staging table and one INSERT … ON CONFLICT per batch, so a re-run of the same file
 * changes nothing and a crash keeps every committed batch. Bad rows are reported by line
 * and field; they never stop the good ones.
 */
export async function importPeopleFile(p: Platform, actor: Actor, file: string, opts: ImportOptions = {}): Promise<ImportRun> {
  requirePermission(actor, 'imports.run');
  const batchSize = opts.batchSize ?? 20_000;
  const fileSha256 = await sha256File(file);
  const schema = personSchema(p.today);

  const unitRows = await p.db.orm
    .select({ code: orgUnits.code, level: orgUnits.level })
    .from(orgUnits)
    .where(sql`${orgUnits.level} >= 3`);
  const personUnits = new Set(unitRows.map((u) => u.code));

  await p.db.rows(sql`DELETE FROM person_import_staging WHERE run_id IN (SELECT id FROM import_runs WHERE status <> 'running')`);
  const run = await p.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(importRuns)
      .values({
        kind: 'people',
        fileName: opts.fileName ?? path.basename(file),
        fileSha256,
        unitCode: actor.scope,
        actorId: actor.id,
        actorUsername: actor.username,
        status: 'running',
        rowsTotal: 0,
        rowsFailed: 0,
        rowsInserted: 0,
        rowsUpdated: 0,
        rowsUnchanged: 0,
      })
      .returning();
    await appendAudit(tx, actor, {
      action: 'imports.start',
      entityType: 'import_run',
      entityId: created.id,
      unitCode: actor.scope,
      detail: { kind: 'people', fileName: created.fileName, fileSha256 },
    });
    return created;
  });

  const totals = { rowsTotal: 0, rowsFailed: 0, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0 };
  try {
    const parser = fs.createReadStream(file).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
    );
    let columns: ReturnType<typeof mapHeader>['columns'] | undefined;
    const seen = new Map<bigint, number>();
    let staged: string[] = [];
    let errors: RowError[] = [];

    const flush = async () => {
      const counts = await flushBatch(p, actor, run.id, staged, errors);
      totals.rowsInserted += counts.inserted;
      totals.rowsUpdated += counts.updated;
      totals.rowsUnchanged += counts.unchanged;
      totals.rowsFailed += counts.failed;
      staged = [];
      errors = [];
      await p.db.orm.update(importRuns).set(totals).where(eq(importRuns.id, run.id));
      opts.onProgress?.(totals.rowsTotal);
    };

    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        const header = mapHeader(record);
        if (header.missing.length) {
          throw new AppError('validation', {
            fields: header.missing.map((c) => ({ field: c, key: 'missingColumn' })),
          });
        }
        columns = header.columns;
        continue;
      }
      totals.rowsTotal++;
      const line = info.lines;
      const checked = checkPerson(schema, rowToPersonInput(columns, record));
      const issues: FieldIssue[] = checked.ok ? [] : checked.issues;
      if (checked.ok) {
        const unit = checked.person.unitCode;
        if (!personUnits.has(unit)) issues.push({ field: 'unitCode', key: 'unitNotVillage' });
        else if (!unit.startsWith(actor.scope)) issues.push({ field: 'unitCode', key: 'unitOutOfScope' });
      }
      if (issues.length || !checked.ok) {
        errors.push(...issues.map((i) => ({ line, field: i.field, code: i.key })));
      } else {
        const person = checked.person;
        const idHash = hashIdNumber(p.keys, person.idNumber);
        const key = idHash.readBigUInt64BE(0);
        const firstLine = seen.get(key);
        if (firstLine !== undefined) {
          errors.push({ line, field: 'idNumber', code: 'duplicateInFile' });
        } else {
          seen.set(key, line);
          staged.push(
            [
              run.id,
              String(line),
              person.unitCode,
              csvField(person.name),
              person.sex,
              person.birthDate,
              `\\x${encryptIdNumber(p.keys, person.idNumber).toString('hex')}`,
              `\\x${idHash.toString('hex')}`,
              maskIdNumber(person.idNumber),
              csvField(person.phone),
              csvField(person.address),
            ].join(','),
          );
        }
      }
      if (staged.length + errors.length >= batchSize) await flush();
    }
    if (!columns) throw new AppError('validation', { fields: [{ field: 'file', key: 'emptyFile' }] });
    await flush();

    return await p.db.transaction(async (tx) => {
      const [done] = await tx
        .update(importRuns)
        .set({ ...totals, status: 'done', finishedAt: sql`now()` })
        .where(eq(importRuns.id, run.id))
        .returning();
      await appendAudit(tx, actor, {
        action: 'imports.people',
        entityType: 'import_run',
        entityId: run.id,
        unitCode: actor.scope,
        detail: { ...totals, fileSha256 },
      });
      return done;
    });
  } catch (err) {
    const message = err instanceof AppError ? err.fields.map((f) => `${f.field}:${f.key}`).join(' ') || err.code : (err as Error).message;
    await p.db.orm
      .update(importRuns)
      .set({ ...totals, status: 'failed', error: message.slice(0, 500), finishedAt: sql`now()` })
      .where(eq(importRuns.id, run.id));
    await p.db.rows(sql`DELETE FROM person_import_staging WHERE run_id = ${run.id}`);
    throw err;
  }
}

/** One batch: COPY to staging, then in one transaction upsert, record errors and clean up. */
async function flushBatch(p: Platform, actor: Actor, runId: string, staged: string[], errors: RowError[]) {
  if (staged.length) await p.db.copyCsv('person_import_staging', STAGING_COLUMNS, staged.join('\n') + '\n');
  return p.db.transaction(async (tx) => {
    let inserted = 0;
    let updated = 0;
    let elsewhere: { line: number }[] = [];
    if (staged.length) {
      // A person registered in another county is not the importer's to change; say so by row.
      elsewhere = await p.db.rows<{ line: number }>(
        sql`DELETE FROM person_import_staging s USING persons p
            WHERE s.run_id = ${runId} AND p.id_hash = s.id_hash AND p.unit_code NOT LIKE ${`${actor.scope}%`}
            RETURNING s.line`,
        tx,
      );
      const [counts] = await p.db.rows<{ inserted: number; updated: number }>(
        sql`WITH up AS (
              INSERT INTO persons (unit_code, name, sex, birth_date, id_cipher, id_hash, id_masked, phone, address, source)
              SELECT unit_code, name, sex, birth_date, id_cipher, id_hash, id_masked, phone, address, ${`import:${runId}`}
              FROM person_import_staging WHERE run_id = ${runId}
              ON CONFLICT (id_hash) DO UPDATE SET
                unit_code = EXCLUDED.unit_code, name = EXCLUDED.name, phone = EXCLUDED.phone,
                address = EXCLUDED.address, source = EXCLUDED.source, updated_at = now()
              WHERE (persons.unit_code, persons.name, persons.phone, persons.address)
                IS DISTINCT FROM (EXCLUDED.unit_code, EXCLUDED.name, EXCLUDED.phone, EXCLUDED.address)
              RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
        tx,
      );
      inserted = counts.inserted;
      updated = counts.updated;
      await tx.execute(sql`DELETE FROM person_import_staging WHERE run_id = ${runId}`);
    }
    const allErrors = [...errors, ...elsewhere.map((e) => ({ line: e.line, field: 'idNumber', code: 'registeredElsewhere' }))];
    for (let i = 0; i < allErrors.length; i += 1000) {
      await tx
        .insert(importRowErrors)
        .values(allErrors.slice(i, i + 1000).map((e) => ({ runId, ...e })))
        .onConflictDoNothing();
    }
    const failedLines = new Set(allErrors.map((e) => e.line)).size;
    return { inserted, updated, unchanged: staged.length - elsewhere.length - inserted - updated, failed: failedLines };
  });
}

export async function listImportRuns(p: Platform, actor: Actor, page: number, pageSize: number) {
  requirePermission(actor, 'imports.run');
  const where = inScope(importRuns.unitCode, actor);
  const items = await p.db.orm
    .select()
    .from(importRuns)
    .where(where)
    .orderBy(desc(importRuns.startedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM import_runs WHERE ${where}`);
  return { items, total, page, pageSize };
}

export async function getImportRun(p: Platform, actor: Actor, id: string): Promise<ImportRun> {
  requirePermission(actor, 'imports.run');
  const [run] = await p.db.orm.select().from(importRuns).where(and(eq(importRuns.id, id), inScope(importRuns.unitCode, actor))).limit(1);
  assertWithinScope(run?.unitCode, actor);
  return run;
}

/** The row-level error report of a run as CSV (with a BOM so spreadsheet programs read UTF-8). */
export async function errorReportCsv(p: Platform, actor: Actor, runId: string, locale: Locale): Promise<string> {
  await getImportRun(p, actor, runId);
  const t = translator(locale);
  const rows = await p.db.orm
    .select()
    .from(importRowErrors)
    .where(eq(importRowErrors.runId, runId))
    .orderBy(importRowErrors.line, importRowErrors.field);
  const lines = [[t('imports:report.line'), t('imports:report.field'), t('imports:report.error')].join(',')];
  for (const r of rows) {
    const field = t(`people:field.${r.field}`, { defaultValue: r.field });
    const message = t(`errors:field.${r.code}`, { defaultValue: r.code });
    lines.push([String(r.line), csvField(field), csvField(message)].join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * On the embedded database only one process runs, so a run still marked running when it
 * starts was cut off by a crash or a kill; mark it so (its committed batches stay).
 */
export async function markInterruptedRuns(p: Platform): Promise<number> {
  const rows = await p.db.rows<{ id: string }>(
    sql`UPDATE import_runs SET status = 'failed', error = 'interrupted', finished_at = now() WHERE status = 'running' RETURNING id`,
  );
  await p.db.rows(sql`DELETE FROM person_import_staging`);
  return rows.length;
}
