import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { controlCharacterIssues, validationError } from '../../app/validation.ts';
import { toCsvRow } from '../../app/csv.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { appendAudit } from '../audit/index.ts';
import { orgUnits, unitNameMap } from '../org/index.ts';
import { users } from '../access/index.ts';
import { importRowErrors, importRuns, type ImportRun } from '../imports/index.ts';
import { checkPerson, hashIdNumber, parseIdNumber, personCopyRow, personSchema, PERSON_COPY_COLUMNS, persons, type CheckedPerson } from '../people/index.ts';
import { KINDS, mayState, sameFact, type Department, type FactKind, type FactValue } from './kinds.ts';
import { alertsForFact, type RaisedAlert } from './alerts.ts';
import { readFeedFile, type FeedRecord } from './rows.ts';
import { feedAlerts, feedOfficers, feedRuns, personFacts } from './schema.ts';
import { uuidv7 } from '../../db/uuid.ts';

export type FeedRun = ImportRun & { department: Department; feedType: FactKind; channel: 'upload' | 'api' };

interface RowError {
  line: number;
  field: string;
  code: string;
}

/** A checked row, waiting for its batch: the person by ID hash, and what it states. */
interface CheckedRow {
  line: number;
  idHash: Buffer;
  person: CheckedPerson | null;
  refs: Record<string, Buffer>;
  stated: FactValue;
  key: string;
}

/** Called after every finished run, so modules that read facts (insurance) can act on them without the feeds knowing them. */
type RunListener = (p: Platform, actor: Actor, run: FeedRun) => Promise<void>;
const listeners: RunListener[] = [];
export function onFeedRun(listener: RunListener): void {
  listeners.push(listener);
}

export interface FeedSource {
  department: Department;
  kind: FactKind;
  channel: 'upload' | 'api';
  apiKeyId?: string | null;
  fileName: string;
  fileSha256: string;
}

/** The department a data officer's feeds speak for; null when none is assigned. */
export async function departmentOfUser(ex: Executor, userId: string | null): Promise<Department | null> {
  if (!userId) return null;
  const [row] = await ex.select({ department: feedOfficers.department }).from(feedOfficers).where(eq(feedOfficers.userId, userId)).limit(1);
  return row?.department ?? null;
}

/**
 * The department a caller may send a feed for: a data officer only for their own; an
 * administrator (and the platform itself) for any. A kind the department may not state is
 * refused before anything is read.
 */
export async function feedDepartment(p: Platform, actor: Actor, department: Department, kind: FactKind): Promise<Department> {
  requirePermission(actor, 'feeds.upload');
  if (actor.role !== 'admin') {
    const own = await departmentOfUser(p.db.orm, actor.id);
    if (own !== department) throw AppError.field('department', 'feeds.notYourDepartment');
  }
  if (!mayState(department, kind)) throw AppError.field('kind', 'feeds.kindNotOfDepartment');
  return department;
}

export async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Runs an uploaded feed file (CSV or .xlsx) to the end. */
export async function runFeedFile(p: Platform, actor: Actor, file: string, opts: { department: Department; kind: FactKind; fileName?: string }): Promise<FeedRun> {
  await feedDepartment(p, actor, opts.department, opts.kind);
  return runFeed(p, actor, { ...opts, channel: 'upload', fileName: opts.fileName ?? path.basename(file), fileSha256: await sha256File(file) }, readFeedFile(file, opts.kind));
}

/**
 * Runs one feed: records the run (audited), checks each row (the ID number by GB 11643
 * through the people registry, dates, codes, the kind's schema), links it to a person by ID
 * number — registering the person when the feed is authoritative for who exists (births,
 * household registration) — and records its fact. A fact the same as the current one changes
 * nothing; a different one supersedes it and the old one stays in the history. Bad rows are
 * reported by line and field; good rows are kept, batch by batch.
 */
export async function runFeed(p: Platform, actor: Actor, source: FeedSource, records: AsyncIterable<FeedRecord>, batchSize = 2000): Promise<FeedRun> {
  if (!mayState(source.department, source.kind)) throw AppError.field('kind', 'feeds.kindNotOfDepartment');
  const run = await p.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(importRuns)
      .values({
        kind: `feed.${source.kind}`,
        fileName: source.fileName,
        fileSha256: source.fileSha256,
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
    await tx.insert(feedRuns).values({ runId: created.id, department: source.department, feedType: source.kind, channel: source.channel, apiKeyId: source.apiKeyId ?? null });
    await appendAudit(tx, actor, {
      action: 'feeds.start',
      entityType: 'import_run',
      entityId: created.id,
      unitCode: actor.scope,
      detail: { department: source.department, kind: source.kind, channel: source.channel, fileName: source.fileName, fileSha256: source.fileSha256 },
    });
    return created;
  });

  const def = KINDS[source.kind];
  const today = p.today();
  const peopleSchema = personSchema(() => today);
  const villages = new Set((await p.db.orm.select({ code: orgUnits.code }).from(orgUnits).where(sql`${orgUnits.level} = 4`)).map((u) => u.code));
  const totals = { rowsTotal: 0, rowsFailed: 0, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0 };
  const seen = new Set<string>();
  let rows: CheckedRow[] = [];
  let errors: RowError[] = [];
  const flush = async () => {
    const counts = await flushBatch(p, actor, run.id, source, rows, errors);
    totals.rowsInserted += counts.inserted;
    totals.rowsUpdated += counts.updated;
    totals.rowsUnchanged += counts.unchanged;
    totals.rowsFailed += counts.failed;
    await p.db.orm.update(importRuns).set({ ...totals, heartbeatAt: sql`now()` }).where(eq(importRuns.id, run.id));
    rows = [];
    errors = [];
  };

  try {
    for await (const { line, input } of records) {
      totals.rowsTotal++;
      const issues = checkRow(def.kind, input, today, peopleSchema, villages, actor);
      if ('issues' in issues) {
        for (const i of issues.issues) errors.push({ line, field: i.field, code: i.key });
      } else {
        const dupe = `${issues.row.idNumberKey}|${issues.row.key}`;
        if (seen.has(dupe)) errors.push({ line, field: 'idNumber', code: 'duplicateInFile' });
        else {
          seen.add(dupe);
          rows.push({ ...issues.row, line, idHash: hashIdNumber(p.keys, issues.idNumber), refs: Object.fromEntries(Object.entries(issues.refs).map(([k, v]) => [k, hashIdNumber(p.keys, v)])) });
        }
      }
      if (rows.length + errors.length >= batchSize) await flush();
    }
    await flush();
    const finished = await p.db.transaction(async (tx) => {
      const [done] = await tx.update(importRuns).set({ ...totals, status: 'done', finishedAt: sql`now()` }).where(eq(importRuns.id, run.id)).returning();
      await appendAudit(tx, actor, { action: 'feeds.run', entityType: 'import_run', entityId: run.id, unitCode: actor.scope, detail: { ...totals, department: source.department, kind: source.kind } });
      return { ...done, department: source.department, feedType: source.kind, channel: source.channel };
    });
    // The embedded database has no autovacuum: without fresh planner statistics the queries
    // that join people with their facts (the insurance lapse list) run row by row after a large
    // upload. A run that wrote rows gathers them before anything reads its facts.
    if (totals.rowsInserted + totals.rowsUpdated > 0) await p.db.exec('ANALYZE person_facts, feed_alerts');
    for (const l of listeners) await l(p, actor, finished);
    return finished;
  } catch (err) {
    const message = err instanceof AppError ? err.fields.map((f) => `${f.field}:${f.key}`).join(' ') || err.code : 'internal';
    await p.db.orm.update(importRuns).set({ ...totals, status: 'failed', error: message.slice(0, 500), finishedAt: sql`now()` }).where(eq(importRuns.id, run.id));
    throw err;
  }
}

type RowCheck =
  | { issues: FieldIssue[] }
  | { row: Omit<CheckedRow, 'line' | 'idHash' | 'refs'> & { idNumberKey: string }; idNumber: string; refs: Record<string, string> };

/** Checks one row without the database: ID numbers, the person's fields when the feed may register them, the fact. */
function checkRow(kind: FactKind, input: Record<string, string | undefined>, today: string, peopleSchema: ReturnType<typeof personSchema>, villages: Set<string>, actor: Actor): RowCheck {
  const control = controlCharacterIssues(input);
  if (control.length) return { issues: control };
  const def = KINDS[kind];
  const issues: FieldIssue[] = [];
  let idNumber = '';
  const parsed = parseIdNumber(input.idNumber ?? '', today);
  if (!input.idNumber) issues.push({ field: 'idNumber', key: 'required' });
  else if (!parsed.ok) issues.push({ field: 'idNumber', key: `idNumber.${parsed.issue}` });
  else idNumber = parsed.id.value;
  const refs: Record<string, string> = {};
  const refValues: Record<string, string | null> = {};
  for (const c of def.columns.filter((c) => c.personRef)) {
    const v = input[c.field];
    if (!v) continue;
    const r = parseIdNumber(v, today);
    if (!r.ok) issues.push({ field: c.field, key: `idNumber.${r.issue}` });
    else {
      refs[c.field] = r.id.value;
      refValues[c.field] = 'ref';
    }
  }
  let person: CheckedPerson | null = null;
  if (def.authoritative) {
    const checked = checkPerson(peopleSchema, { idNumber: input.idNumber, name: input.name, unitCode: input.unitCode, birthDate: input.birthDate });
    if (!checked.ok) issues.push(...checked.issues.filter((i) => i.field !== 'idNumber'));
    else if (!villages.has(checked.person.unitCode)) issues.push({ field: 'unitCode', key: 'unitNotVillage' });
    else if (!isWithinScope(checked.person.unitCode, actor)) issues.push({ field: 'unitCode', key: 'unitOutOfScope' });
    else person = checked.person;
  }
  const stated = def.schema.safeParse({ ...input, ...refValues }, { reportInput: true });
  if (!stated.success) {
    for (const f of validationError(stated.error.issues).fields) if (!issues.some((i) => i.field === f.field)) issues.push(f);
  }
  if (issues.length || !stated.success) return { issues };
  return { row: { idNumberKey: idNumber, person, stated: stated.data, key: def.keyOf(stated.data) }, idNumber, refs };
}

/** Links one batch to people, registers the ones an authoritative feed names, and records the facts. */
async function flushBatch(p: Platform, actor: Actor, runId: string, source: FeedSource, rows: CheckedRow[], errors: RowError[]) {
  const hashes = [...new Set(rows.flatMap((r) => [r.idHash.toString('hex'), ...Object.values(r.refs).map((b) => b.toString('hex'))]))];
  const lookup = async () => {
    const found = hashes.length
      ? await p.db.rows<{ hash: string; id: string; unitCode: string; birthDate: string }>(
          sql`SELECT encode(id_hash, 'hex') AS hash, id, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons
              WHERE id_hash = ANY (SELECT decode(h, 'hex') FROM unnest(string_to_array(${hashes.join(',')}, ',')) h)`,
        )
      : [];
    return new Map(found.map((f) => [f.hash, f]));
  };
  let people = await lookup();
  // An authoritative feed registers the people it names that are not known yet (one COPY).
  const fresh = rows.filter((r) => r.person && !people.has(r.idHash.toString('hex')));
  if (fresh.length) {
    try {
      await p.db.copyCsv('persons', PERSON_COPY_COLUMNS, fresh.map((r) => toCsvRow(personCopyRow(p.keys, r.person!, `feed:${runId}`, r.idHash))).join('\n') + '\n');
    } catch (err) {
      if (!/duplicate key|unique/i.test(String((err as Error).message))) throw err;
      for (const r of fresh) {
        await p.db.rows(sql`INSERT INTO persons (${sql.raw(PERSON_COPY_COLUMNS.join(', '))}) VALUES (${sql.join(personCopyRow(p.keys, r.person!, `feed:${runId}`, r.idHash).map((v, i) => (i === 5 || i === 6 ? sql`decode(${String(v).slice(2)}, 'hex')` : sql`${v}`)), sql`, `)}) ON CONFLICT (id_hash) DO NOTHING`);
      }
    }
    people = await lookup();
  }

  const linked: { row: CheckedRow; person: { id: string; unitCode: string; birthDate: string }; value: FactValue }[] = [];
  for (const row of rows) {
    const person = people.get(row.idHash.toString('hex'));
    // Someone unknown, or known outside the sender's scope, is the same to the sender: not found.
    if (!person || !isWithinScope(person.unitCode, actor)) {
      errors.push({ line: row.line, field: 'idNumber', code: 'feeds.personNotFound' });
      continue;
    }
    const value = { ...row.stated, value: { ...row.stated.value } };
    // A parent named by ID number is linked when registered; the number itself is not kept.
    for (const [field, hash] of Object.entries(row.refs)) value.value[`${field}PersonId`] = people.get(hash.toString('hex'))?.id ?? null;
    linked.push({ row, person, value });
  }

  return p.db.transaction(async (tx) => {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const currentRows = linked.length
      ? await tx
          .select()
          .from(personFacts)
          .where(and(inArray(personFacts.personId, [...new Set(linked.map((l) => l.person.id))]), eq(personFacts.kind, source.kind), eq(personFacts.department, source.department), isNull(personFacts.supersededAt)))
      : [];
    const current = new Map(currentRows.map((f) => [`${f.personId}|${f.factKey}`, f]));
    const recorded: { id: string; personId: string; person: { id: string; unitCode: string; birthDate: string }; stated: FactValue }[] = [];
    const fresh: (typeof personFacts.$inferInsert & { id: string })[] = [];
    const superseded: { oldId: string; newId: string }[] = [];
    for (const l of linked) {
      const old = current.get(`${l.person.id}|${l.row.key}`);
      if (old && sameFact({ value: old.value, validFrom: old.validFrom, validTo: old.validTo }, l.value)) {
        unchanged++;
        continue;
      }
      const id = uuidv7();
      fresh.push({ id, personId: l.person.id, unitCode: l.person.unitCode, kind: source.kind, factKey: l.row.key, value: l.value.value, validFrom: l.value.validFrom, validTo: l.value.validTo, department: source.department, runId });
      if (old) superseded.push({ oldId: old.id, newId: id });
      recorded.push({ id, personId: l.person.id, person: l.person, stated: l.value });
    }
    // The current fact steps aside first (one current fact per person, kind, key and department).
    for (let i = 0; i < superseded.length; i += 1000) {
      const chunk = superseded.slice(i, i + 1000);
      await tx.execute(sql`UPDATE person_facts SET superseded_at = now() WHERE id IN (${sql.join(chunk.map((c) => sql`${c.oldId}::uuid`), sql`, `)})`);
    }
    for (let i = 0; i < fresh.length; i += 500) await tx.insert(personFacts).values(fresh.slice(i, i + 500));
    for (let i = 0; i < superseded.length; i += 1000) {
      const chunk = superseded.slice(i, i + 1000);
      await tx.execute(sql`UPDATE person_facts f SET superseded_by = v.new_id FROM (VALUES ${sql.join(chunk.map((c) => sql`(${c.oldId}::uuid, ${c.newId}::uuid)`), sql`, `)}) AS v(old_id, new_id) WHERE f.id = v.old_id`);
    }
    updated = superseded.length;
    inserted = fresh.length - superseded.length;
    await raiseFactAlerts(tx, p.today(), source.kind, recorded);
    for (let i = 0; i < errors.length; i += 1000) {
      await tx.insert(importRowErrors).values(errors.slice(i, i + 1000).map((e) => ({ runId, ...e }))).onConflictDoNothing();
    }
    return { inserted, updated, unchanged, failed: new Set(errors.map((e) => e.line)).size };
  });
}

/** Raises the alerts of newly recorded facts; an alert already raised is not raised again. */
async function raiseFactAlerts(tx: Executor, today: string, kind: FactKind, recorded: { id: string; person: { id: string; unitCode: string; birthDate: string }; stated: FactValue }[]) {
  if (!recorded.length || !['death', 'school', 'disability'].includes(kind)) return;
  const alerts: (RaisedAlert & { factId: string })[] = [];
  for (const r of recorded) {
    let children: { id: string; unitCode: string; birthDate: string }[] = [];
    if (kind === 'death') {
      children = await tx
        .select({ id: persons.id, unitCode: persons.unitCode, birthDate: persons.birthDate })
        .from(personFacts)
        .innerJoin(persons, eq(persons.id, personFacts.personId))
        .where(and(eq(personFacts.kind, 'birth'), isNull(personFacts.supersededAt), sql`(${personFacts.value}->>'motherPersonId' = ${r.person.id} OR ${personFacts.value}->>'fatherPersonId' = ${r.person.id})`));
    }
    for (const a of alertsForFact({ id: r.id, kind, stated: r.stated }, r.person, today, children)) alerts.push({ ...a, factId: r.id });
  }
  await insertAlerts(tx, alerts);
}

export async function insertAlerts(tx: Executor, alerts: (RaisedAlert & { factId?: string | null })[]): Promise<number> {
  if (!alerts.length) return 0;
  const rows = await tx
    .insert(feedAlerts)
    .values(alerts.map((a) => ({ unitCode: a.unitCode, personId: a.personId, kind: a.kind, dedupeKey: a.dedupeKey, factId: a.factId ?? null, detail: a.detail })))
    .onConflictDoNothing({ target: feedAlerts.dedupeKey })
    .returning({ id: feedAlerts.id });
  return rows.length;
}

// ---- runs and their error reports ----

export async function listFeedRuns(p: Platform, actor: Actor, page: number, pageSize: number) {
  requirePermission(actor, 'feeds.upload');
  const where = inScope(importRuns.unitCode, actor);
  const items = await p.db.orm
    .select({ run: importRuns, feed: feedRuns })
    .from(importRuns)
    .innerJoin(feedRuns, eq(feedRuns.runId, importRuns.id))
    .where(where)
    .orderBy(desc(importRuns.startedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM import_runs JOIN feed_runs ON feed_runs.run_id = import_runs.id WHERE ${where}`);
  return { items: items.map((i) => ({ ...i.run, department: i.feed.department, feedType: i.feed.feedType, channel: i.feed.channel })), total, page, pageSize };
}

export async function getFeedRun(p: Platform, actor: Actor, id: string): Promise<FeedRun> {
  requirePermission(actor, 'feeds.upload');
  const [row] = await p.db.orm
    .select({ run: importRuns, feed: feedRuns })
    .from(importRuns)
    .innerJoin(feedRuns, eq(feedRuns.runId, importRuns.id))
    .where(and(eq(importRuns.id, id), inScope(importRuns.unitCode, actor)))
    .limit(1);
  assertWithinScope(row?.run.unitCode, actor);
  return { ...row.run, department: row.feed.department, feedType: row.feed.feedType, channel: row.feed.channel };
}

/** The row-level error report of a feed run as CSV (with a BOM so spreadsheet programs read UTF-8). */
export async function feedErrorReportCsv(p: Platform, actor: Actor, runId: string, locale: Locale): Promise<string> {
  const run = await getFeedRun(p, actor, runId);
  const t = translator(locale);
  const rows = await p.db.orm.select().from(importRowErrors).where(eq(importRowErrors.runId, runId)).orderBy(importRowErrors.line, importRowErrors.field);
  const lines = [toCsvRow([t('feeds:report.line'), t('feeds:report.field'), t('feeds:report.error')])];
  for (const r of rows) {
    lines.push(toCsvRow([r.line, t(`feeds:column.${run.feedType}.${r.field}`, { defaultValue: t(`feeds:column.common.${r.field}`, { defaultValue: r.field }) }), t(`errors:field.${r.code}`, { defaultValue: r.code })]));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

// ---- a person's facts ----

export interface FactView {
  id: string;
  kind: FactKind;
  factKey: string;
  value: Record<string, string | number | null>;
  validFrom: string | null;
  validTo: string | null;
  department: Department;
  runId: string | null;
  fileName: string | null;
  channel: 'upload' | 'api' | null;
  recordedAt: string;
  current: boolean;
  supersededAt: string | null;
}

/** A person's facts, current and superseded, each with the department and feed it came from; the read is audited. */
export async function personFactsOf(p: Platform, actor: Actor, personId: string): Promise<{ person: { id: string; name: string; idMasked: string; unitCode: string; unitName: string; birthDate: string }; facts: FactView[] }> {
  requirePermission(actor, 'feeds.read');
  const [person] = await p.db.orm
    .select({ id: persons.id, name: persons.name, idMasked: persons.idMasked, unitCode: persons.unitCode, birthDate: persons.birthDate })
    .from(persons)
    .where(and(eq(persons.id, personId), inScope(persons.unitCode, actor)))
    .limit(1);
  assertWithinScope(person?.unitCode, actor);
  const rows = await p.db.orm
    .select({ f: personFacts, fileName: importRuns.fileName, channel: feedRuns.channel })
    .from(personFacts)
    .leftJoin(importRuns, eq(importRuns.id, personFacts.runId))
    .leftJoin(feedRuns, eq(feedRuns.runId, personFacts.runId))
    .where(and(eq(personFacts.personId, personId), inScope(personFacts.unitCode, actor)))
    .orderBy(personFacts.kind, desc(personFacts.recordedAt));
  await p.db.transaction((tx) => appendAudit(tx, actor, { action: 'feeds.facts.read', entityType: 'person', entityId: personId, unitCode: person.unitCode }));
  const names = await unitNameMap(p.db.orm, [person.unitCode]);
  return {
    person: { ...person, unitName: names.get(person.unitCode) ?? '' },
    facts: rows.map(({ f, fileName, channel }) => ({
      id: f.id,
      kind: f.kind,
      factKey: f.factKey,
      value: f.value,
      validFrom: f.validFrom,
      validTo: f.validTo,
      department: f.department,
      runId: f.runId,
      fileName,
      channel,
      recordedAt: new Date(f.recordedAt).toISOString(),
      current: f.supersededAt === null,
      supersededAt: f.supersededAt ? new Date(f.supersededAt).toISOString() : null,
    })),
  };
}

// ---- data officers' departments ----

/** Names the department a data officer's feeds speak for (an administrator of the officer's unit or above). */
export async function assignOfficer(p: Platform, actor: Actor, userId: string, department: Department): Promise<{ userId: string; department: Department }> {
  requirePermission(actor, 'users.manage');
  const [user] = await p.db.orm.select({ id: users.id, unitCode: users.unitCode, role: users.role }).from(users).where(and(eq(users.id, userId), inScope(users.unitCode, actor))).limit(1);
  assertWithinScope(user?.unitCode, actor);
  if (user.role !== 'data_officer') throw AppError.field('userId', 'feeds.notDataOfficer');
  return p.db.transaction(async (tx) => {
    await tx.insert(feedOfficers).values({ userId, department }).onConflictDoUpdate({ target: feedOfficers.userId, set: { department } });
    await appendAudit(tx, actor, { action: 'feeds.officer.assign', entityType: 'user', entityId: userId, unitCode: user.unitCode, detail: { department } });
    return { userId, department };
  });
}
