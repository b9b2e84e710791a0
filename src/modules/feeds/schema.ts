import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Department, FactKind } from './kinds.ts';
import type { AlertKind, AlertStatus } from './alerts.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Which department a data officer's feeds speak for. */
export const feedOfficers = pgTable('feed_officers', {
  userId: uuid('user_id').primaryKey(),
  department: text('department').$type<Department>().notNull(),
});

export const feedApiKeys = pgTable('feed_api_keys', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  department: text('department').$type<Department>().notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: bytea('key_hash').notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
  revokedByName: text('revoked_by_name'),
});

export const feedRuns = pgTable('feed_runs', {
  runId: uuid('run_id').primaryKey(),
  department: text('department').$type<Department>().notNull(),
  feedType: text('feed_type').$type<FactKind>().notNull(),
  channel: text('channel').$type<'upload' | 'api'>().notNull(),
  apiKeyId: uuid('api_key_id'),
});

export const personFacts = pgTable('person_facts', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  personId: uuid('person_id').notNull(),
  unitCode: text('unit_code').notNull(),
  kind: text('kind').$type<FactKind>().notNull(),
  factKey: text('fact_key').notNull().default(''),
  value: jsonb('value').$type<Record<string, string | number | null>>().notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  department: text('department').$type<Department>().notNull(),
  runId: uuid('run_id'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  supersededAt: ts('superseded_at'),
  supersededBy: uuid('superseded_by'),
});

export const feedAlerts = pgTable('feed_alerts', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind').$type<AlertKind>().notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  factId: uuid('fact_id'),
  detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull().default({}),
  status: text('status').$type<AlertStatus>().notNull().default('open'),
  raisedAt: ts('raised_at').notNull().defaultNow(),
  handledAt: ts('handled_at'),
  handledByName: text('handled_by_name'),
  note: text('note'),
});
