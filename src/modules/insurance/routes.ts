import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { requirePermission } from '../../app/scope.ts';
import { enrolmentRates, raiseLapseAlerts, recordFollowup, unenrolledChildren } from './service.ts';
import { TARGET_SOURCE } from './rules.ts';
import { childQuery, childRow, followupBody, followupResult, ratesQuery, ratesView, year } from './contract.ts';

export function insuranceRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/insurance/rates',
      { schema: { tags: ['insurance'], summary: 'Children’s enrolment rates of a year by unit, against the targets (≥80% of newborns in the birth year, ≥95% overall)', querystring: ratesQuery, response: { 200: ratesView } } },
      async (req) => ({ ...(await enrolmentRates(p, actorOf(req), req.query)), source: TARGET_SOURCE }),
    );
    app.get(
      '/insurance/children',
      { schema: { tags: ['insurance'], summary: 'Children not enrolled for a year (all, newborns, or low-income and disabled children’s breaks and gaps) with their follow-up (audited)', querystring: childQuery, response: { 200: paged(childRow) } } },
      async (req) => unenrolledChildren(p, actorOf(req), req.query),
    );
    app.post(
      '/insurance/children/:id/followup',
      { schema: { tags: ['insurance'], summary: 'Record the follow-up of an unenrolled child for a year', params: idParam, body: followupBody, response: { 200: followupResult } } },
      async (req) => recordFollowup(p, actorOf(req), { personId: req.params.id, ...req.body }),
    );
    app.post(
      '/insurance/check',
      { schema: { tags: ['insurance'], summary: 'Raise the alerts of low-income children’s breaks and gaps for a year (once per child and year)', body: z.object({ year }), response: { 200: z.object({ raised: z.number().int() }) } } },
      async (req) => {
        const actor = actorOf(req);
        requirePermission(actor, 'insurance.followup');
        return { raised: await raiseLapseAlerts(p, actor, req.body.year) };
      },
    );
  };
}
