/** The feeds module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { DEPARTMENTS, FACT_KINDS } from './kinds.ts';
import { ALERT_KINDS, ALERT_STATUSES } from './alerts.ts';
import { KEY_GROUPS } from './groups.ts';
import { text, unitCode } from '../../app/schemas.ts';

export const department = z.enum(DEPARTMENTS);
export const factKind = z.enum(FACT_KINDS);

export const feedTarget = z.object({ department, kind: factKind });

export const feedRunView = z.object({
  id: z.string(),
  kind: z.string(),
  department,
  feedType: factKind,
  channel: z.enum(['upload', 'api']),
  fileName: z.string(),
  fileSha256: z.string(),
  unitCode: z.string(),
  actorUsername: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsTotal: z.number().int(),
  rowsFailed: z.number().int(),
  rowsInserted: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type FeedRunView = z.infer<typeof feedRunView>;

/** One pushed row: the feed's columns by their English field names. */
export const pushBody = z.object({
  kind: factKind,
  rows: z.array(z.record(z.string().max(40), z.union([z.string().max(200), z.number()]).nullable())).min(1).max(5000),
});

export const factView = z.object({
  id: z.string(),
  kind: factKind,
  factKey: z.string(),
  value: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  department,
  runId: z.string().nullable(),
  fileName: z.string().nullable(),
  channel: z.enum(['upload', 'api']).nullable(),
  recordedAt: z.string(),
  current: z.boolean(),
  supersededAt: z.string().nullable(),
});
export type FactView = z.infer<typeof factView>;

export const personFactsView = z.object({
  person: z.object({ id: z.string(), name: z.string(), idMasked: z.string(), unitCode: z.string(), unitName: z.string(), birthDate: z.string() }),
  facts: z.array(factView),
});
export type PersonFactsView = z.infer<typeof personFactsView>;

export const apiKeyView = z.object({
  id: z.string(),
  unitCode: z.string(),
  department,
  name: z.string(),
  prefix: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;
export const newApiKey = z.object({ department, name: text(40) });

export const alertView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  personId: z.string(),
  personName: z.string(),
  idMasked: z.string(),
  kind: z.enum(ALERT_KINDS),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  status: z.enum(ALERT_STATUSES),
  raisedAt: z.string(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertView>;
export const alertQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  unitCode: unitCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const alertUpdate = z.object({ status: z.enum(['inProgress', 'handled']), note: z.string().trim().max(500).optional() });

export const keyGroupRow = z.object({
  personId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  birthDate: z.string(),
  facts: z.number().int(),
  groups: z.array(z.enum(KEY_GROUPS)),
  lastRecordedAt: z.string(),
});
export type KeyGroupRow = z.infer<typeof keyGroupRow>;
export const keyGroupQuery = z.object({
  group: z.enum(KEY_GROUPS).optional(),
  unitCode: unitCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const feedCatalogue = z.object({
  department: department.nullable(),
  kinds: z.array(z.object({ kind: factKind, departments: z.array(department), authoritative: z.boolean(), columns: z.array(z.object({ field: z.string(), header: z.string(), required: z.boolean() })) })),
});
