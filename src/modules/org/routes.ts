import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { getUnit, listChildren, searchUnits } from './service.ts';
import { unitDetail, unitSearchItem, unitSummary } from './contract.ts';

export function orgRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/org-units/:code/children',
      {
        schema: {
          tags: ['org'],
          summary: 'Direct children of a unit in the caller’s scope, with their population base',
          params: z.object({ code: unitCode }),
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: z.array(unitSummary) },
        },
      },
      async (req) => listChildren(p, actorOf(req), req.params.code, req.query.year),
    );

    app.get(
      '/org-units/:code',
      {
        schema: {
          tags: ['org'],
          summary: 'One unit with its path from the city and its population base by year',
          params: z.object({ code: unitCode }),
          response: { 200: unitDetail },
        },
      },
      async (req) => getUnit(p, actorOf(req), req.params.code),
    );

    app.get(
      '/org-units',
      {
        schema: {
          tags: ['org'],
          summary: 'Search units in scope by name',
          querystring: z.object({ q: z.string().trim().min(1).max(40), level: z.coerce.number().int().min(1).max(4).optional() }),
          response: { 200: z.array(unitSearchItem) },
        },
      },
      async (req) => searchUnits(p, actorOf(req), req.query.q, req.query.level),
    );
  };
}
