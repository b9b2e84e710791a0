import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const importRuns = pgTable('import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  unitCode: text('unit_code').notNull(),
  actorId: uuid('actor_id'),
  actorUsername: text('actor_username').notNull(),
  status: text('status').$type<'running' | 'done' | 'failed'>().notNull(),
  rowsTotal: integer('rows_total').notNull(),
  rowsFailed: integer('rows_failed').notNull(),
  rowsInserted: integer('rows_inserted').notNull(),
  rowsUpdated: integer('rows_updated').notNull(),
  rowsUnchanged: integer('rows_unchanged').notNull(),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
});

export const importRowErrors = pgTable(
  'import_row_errors',
  {
    runId: uuid('run_id').notNull(),
    line: integer('line').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.line, t.field] })],
);
