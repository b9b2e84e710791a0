/** The imports module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';

export const importRunView = z.object({
  id: z.string(),
  kind: z.string(),
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

export type ImportRunView = z.infer<typeof importRunView>;
