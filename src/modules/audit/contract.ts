/** The audit module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';

export const auditRowView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  /** The actor's display name, the unit's name and the record's name where the record has one. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  entityName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export type AuditRowView = z.infer<typeof auditRowView>;
