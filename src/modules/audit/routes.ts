import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { listAudit } from './service.ts';
import { auditRowView } from './contract.ts';

export function auditRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit trail within the caller’s scope, newest first',
          querystring: page.extend({
            action: z.string().max(60).optional(),
            entityType: z.string().max(40).optional(),
            entityId: z.string().max(60).optional(),
          }),
          response: { 200: paged(auditRowView) },
        },
      },
      async (req) => {
        const res = await listAudit(p.db, actorOf(req), req.query);
        return { ...res, items: res.items.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
      },
    );
  };
}
