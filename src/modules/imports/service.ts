import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { orgUnits } from '../org/index.ts';
import { checkPerson, hashIdNumber, personCopyRow, personSchema, PERSON_COPY_COLUMNS, requestTransfer, type CheckedPerson, type TransferRequest } from '../people/index.ts';
import { readCsv, toCsvRow } from '../../app/csv.ts';
import { describeError } from '../../app/errorLog.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { importRowErrors, importRuns } from './schema.ts';
import { mapHeader, rowToPersonInput } from './peopleCsv.ts';
import { isUniqueViolation } from '../../db/errors.ts';

export type ImportRun = typeof importRuns.$inferSelect;

export interface ImportOptions {
  fileName?: string;
  /** Rows per COPY + upsert transaction. */
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
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

/** A checked row with its lookup hash; encrypted only if it is to be written. */
interface PreparedRow {
  line: number;
  person: CheckedPerson;
  idHash: Buffer;
}

interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/**
 * Imports people from a CSV file: `startPeopleImport` and waits for the run to finish.
 * The command line and tests use it; the API starts the run and answers at once.
 */
export async function importPeopleFile(p: Platform, actor: Actor, file: string, opts: ImportOptions = {}): Promise<ImportRun> {
  const { done } = await startPeopleImport(p, actor, file, opts);
  return done;
}

/**
 * Starts a people import: records the run (audited) and returns it with a promise of the
 * finished run. Each row is checked (format, GB 11643 ID number, unit in the importer's
 * scope, not repeated in the file); good rows are kept and bad rows reported by line and
 * field. Per batch, one query finds which people exist already: new people go into persons
 * with one COPY, changed ones through a staging table and one INSERT … ON CONFLICT,
 * unchanged ones are left alone — so re-running a file changes nothing, and a crash keeps
 * every committed batch. While the database works on one batch, the next is read and
 * checked. Progress is in the run's row counts, its heartbeat bumped every batch.
 */
export async function startPeopleImport(
  p: Platform,
  actor: Actor,
  file: string,
  opts: ImportOptions = {},
): Promise<{ run: ImportRun; done: Promise<ImportRun> }> {
  requirePermission(actor, 'imports.run');
  const fileSha256 = await sha256File(file);
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
  return { run, done: runPeopleImport(p, actor, run, file, opts) };
}

async function runPeopleImport(p: Platform, actor: Actor, run: ImportRun, file: string, opts: ImportOptions): Promise<ImportRun> {
  const batchSize = opts.batchSize ?? 20_000;
  const fileSha256 = run.fileSha256;
  const today = p.today();
  const schema = personSchema(() => today);
  const unitRows = await p.db.orm.select({ code: orgUnits.code }).from(orgUnits).where(sql`${orgUnits.level} >= 3`);
  const personUnits = new Set(unitRows.map((u) => u.code));

  const totals = { rowsTotal: 0, rowsFailed: 0, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0 };
  let pending: Promise<void> = Promise.resolve();
  const flush = (rows: PreparedRow[], errors: RowError[]) => {
    const previous = pending;
    pending = (async () => {
      await previous;
      const counts = await flushBatch(p, actor, run.id, rows, errors);
      totals.rowsInserted += counts.inserted;
      totals.rowsUpdated += counts.updated;
      totals.rowsUnchanged += counts.unchanged;
      totals.rowsFailed += counts.failed;
      await p.db.orm.update(importRuns).set({ ...totals, heartbeatAt: sql`now()` }).where(eq(importRuns.id, run.id));
      opts.onProgress?.(totals.rowsTotal);
    })();
    // Awaited before the next flush and at the end; never left to fail unobserved.
    pending.catch(() => {});
  };

  try {
    let columns: ReturnType<typeof mapHeader>['columns'] | undefined;
    const seen = new Map<bigint, number>();
    let rows: PreparedRow[] = [];
    let errors: RowError[] = [];

    for await (const batch of readCsv(fs.createReadStream(file))) {
      for (const { line, fields } of batch) {
        if (!columns) {
          const header = mapHeader(fields);
          if (header.missing.length) {
            throw new AppError('validation', { fields: header.missing.map((c) => ({ field: c, key: 'missingColumn' })) });
          }
          columns = header.columns;
          continue;
        }
        totals.rowsTotal++;
        const checked = checkPerson(schema, rowToPersonInput(columns, fields));
        if (!checked.ok) {
          for (const i of checked.issues) errors.push({ line, field: i.field, code: i.key });
          continue;
        }
        const person = checked.person;
        if (!personUnits.has(person.unitCode)) {
          errors.push({ line, field: 'unitCode', code: 'unitNotVillage' });
          continue;
        }
        if (!person.unitCode.startsWith(actor.scope)) {
          errors.push({ line, field: 'unitCode', code: 'unitOutOfScope' });
          continue;
        }
        const idHash = hashIdNumber(p.keys, person.idNumber);
        const key = idHash.readBigUInt64BE(0);
        if (seen.has(key)) {
          errors.push({ line, field: 'idNumber', code: 'duplicateInFile' });
          continue;
        }
        seen.set(key, line);
        rows.push({ line, person, idHash });
      }
      if (rows.length + errors.length >= batchSize) {
        // The database takes this batch while the next one is read and checked.
        await pending;
        flush(rows, errors);
        rows = [];
        errors = [];
      }
    }
    if (!columns) throw new AppError('validation', { fields: [{ field: 'file', key: 'emptyFile' }] });
    flush(rows, errors);
    await pending;

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
    await pending.catch(() => {});
    const message = err instanceof AppError ? err.fields.map((f) => `${f.field}:${f.key}`).join(' ') || err.code : describeError(err);
    await p.db.orm
      .update(importRuns)
      .set({ ...totals, status: 'failed', error: message.slice(0, 500), finishedAt: sql`now()` })
      .where(eq(importRuns.id, run.id));
    await p.db.rows(sql`DELETE FROM person_import_staging WHERE run_id = ${run.id}`);
    throw err;
  }
}

/** Sorts one batch into new, changed, unchanged and foreign rows, and writes it. */
async function flushBatch(p: Platform, actor: Actor, runId: string, rows: PreparedRow[], errors: RowError[]): Promise<BatchCounts> {
  const source = `import:${runId}`;
  const existing = new Map<string, { id: string; unitCode: string; name: string; phone: string | null; address: string | null }>();
  if (rows.length) {
    const found = await p.db.rows<{ hash: string; id: string; unitCode: string; name: string; phone: string | null; address: string | null }>(
      sql`SELECT encode(id_hash, 'hex') AS hash, id, unit_code AS "unitCode", name, phone, address FROM persons
          WHERE id_hash = ANY (SELECT decode(h, 'hex') FROM unnest(string_to_array(${rows.map((r) => r.idHash.toString('hex')).join(',')}, ',')) h)`,
    );
    for (const f of found) existing.set(f.hash, f);
  }
  const fresh: PreparedRow[] = [];
  const changed: PreparedRow[] = [];
  const transfers: TransferRequest[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const old = existing.get(row.idHash.toString('hex'));
    const person = row.person;
    if (!old) fresh.push(row);
    // A person registered outside the importer's scope is not theirs to change: the row is
    // refused without saying where, and a transfer is asked for.
    else if (!old.unitCode.startsWith(actor.scope)) {
      errors.push({ line: row.line, field: 'idNumber', code: 'transferRequested' });
      transfers.push({ person: old, toUnitCode: person.unitCode, name: person.name, phone: person.phone, address: person.address, source: 'import', importRunId: runId });
    }
    else if (old.unitCode === person.unitCode && old.name === person.name && old.phone === person.phone && old.address === person.address) unchanged++;
    else changed.push(row);
  }

  let inserted = 0;
  if (fresh.length) {
    try {
      await p.db.copyCsv('persons', PERSON_COPY_COLUMNS, fresh.map((r) => toCsvRow(personCopyRow(p.keys, r.person, source, r.idHash))).join('\n') + '\n');
      inserted = fresh.length;
    } catch (err) {
      // Another import added one of these people meanwhile: take the slower, conflict-safe path.
      if (!isUniqueViolation(err)) throw err;
      changed.push(...fresh);
    }
  }

  // COPY runs on its own (the embedded database has one connection, held by a transaction).
  if (changed.length) {
    const staged = changed.map((r) => toCsvRow([runId, r.line, ...personCopyRow(p.keys, r.person, source, r.idHash).slice(0, -1)])).join('\n') + '\n';
    await p.db.copyCsv('person_import_staging', ['run_id', 'line', ...PERSON_COPY_COLUMNS.slice(0, -1)], staged);
  }
  return p.db.transaction(async (tx) => {
    let updated = 0;
    if (changed.length) {
      const [counts] = await p.db.rows<{ inserted: number; updated: number }>(
        sql`WITH up AS (
              INSERT INTO persons (id, unit_code, name, sex, birth_date, id_cipher, id_hash, id_masked, phone, address, source)
              SELECT id, unit_code, name, sex, birth_date, id_cipher, id_hash, id_masked, phone, address, ${source}
              FROM person_import_staging WHERE run_id = ${runId}
              ON CONFLICT (id_hash) DO UPDATE SET
                unit_code = EXCLUDED.unit_code, name = EXCLUDED.name, phone = EXCLUDED.phone,
                address = EXCLUDED.address, source = EXCLUDED.source, updated_at = now()
              WHERE persons.unit_code LIKE ${`${actor.scope}%`}
                AND (persons.unit_code, persons.name, persons.phone, persons.address)
                    IS DISTINCT FROM (EXCLUDED.unit_code, EXCLUDED.name, EXCLUDED.phone, EXCLUDED.address)
              RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
        tx,
      );
      inserted += counts.inserted;
      updated = counts.updated;
      unchanged += changed.length - counts.inserted - counts.updated;
      await tx.execute(sql`DELETE FROM person_import_staging WHERE run_id = ${runId}`);
    }
    for (const t of transfers) await requestTransfer(tx, actor, t);
    for (let i = 0; i < errors.length; i += 1000) {
      await tx
        .insert(importRowErrors)
        .values(errors.slice(i, i + 1000).map((e) => ({ runId, ...e })))
        .onConflictDoNothing();
    }
    return { inserted, updated, unchanged, failed: new Set(errors.map((e) => e.line)).size };
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
  const lines = [toCsvRow([t('imports:report.line'), t('imports:report.field'), t('imports:report.error')])];
  for (const r of rows) {
    const field = t(`people:field.${r.field}`, { defaultValue: r.field });
    const message = t(`errors:field.${r.code}`, { defaultValue: r.code });
    lines.push(toCsvRow([r.line, field, message]));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * A run still marked running whose heartbeat is older than `staleAfterSeconds` was cut off by
 * a crash or a kill: mark it failed (its committed batches stay; running the file again
 * completes it). On the embedded database one process runs at a time, so at its start every
 * running run is stale.
 */
export async function markInterruptedRuns(p: Platform, staleAfterSeconds: number): Promise<number> {
  const rows = await p.db.rows<{ id: string }>(
    sql`UPDATE import_runs SET status = 'failed', error = 'interrupted', finished_at = now()
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ${staleAfterSeconds})
        RETURNING id`,
  );
  await p.db.rows(sql`DELETE FROM person_import_staging WHERE run_id NOT IN (SELECT id FROM import_runs WHERE status = 'running')`);
  return rows.length;
}
