import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import type { Platform } from '../../app/context.ts';
import { cockpitQuery, cockpitView, indicatorView, redItem, refreshResult, refreshStateView, reportQuery, whyQuery, whyView } from './contract.ts';
import { cockpit, listIndicators, redUnits, whyValue } from './cockpit.service.ts';
import { refreshIndicators, refreshState } from './refresh.service.ts';
import { requirePermission } from '../../app/scope.ts';
import { indicatorReportPdf, indicatorReportXlsx } from './report.service.ts';

const tags = ['indicators'];

export function indicatorRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/indicators',
      { schema: { tags, summary: 'The indicator registry with the targets of the caller’s unit, its ancestors and descendants', response: { 200: z.array(indicatorView) } } },
      async (req) => listIndicators(p, actorOf(req)),
    );
    app.get(
      '/indicators/cockpit',
      {
        schema: {
          tags,
          summary: 'Cockpit of one indicator at one unit and year (default: the caller’s unit, latest year), from stored results',
          querystring: cockpitQuery,
          response: { 200: cockpitView },
        },
      },
      async (req) => cockpit(p, actorOf(req), req.query),
    );
    app.get(
      '/indicators/red',
      { schema: { tags, summary: 'Units (city to township) in red on any indicator in a year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(redItem) } } },
      async (req) => redUnits(p, actorOf(req), req.query),
    );
    app.get(
      '/indicators/why',
      { schema: { tags, summary: 'Numerator, denominator, children and the records behind a value (audited)', querystring: whyQuery, response: { 200: whyView } } },
      async (req) => whyValue(p, actorOf(req), req.query),
    );
    app.get(
      '/indicators/refresh',
      { schema: { tags, summary: 'When the values were last refreshed and whether source data changed since', response: { 200: refreshStateView } } },
      async (req) => {
        requirePermission(actorOf(req), 'indicators.read');
        return refreshState(p.db);
      },
    );
    app.post(
      '/indicators/refresh',
      { schema: { tags, summary: 'Recompute every indicator for every unit and year now (audited)', response: { 200: refreshResult } } },
      async (req) => refreshIndicators(p, actorOf(req), 'manual'),
    );
    app.get(
      '/indicators/report.xlsx',
      { schema: { tags, summary: 'Spreadsheet of chosen indicators, units and years (comma-separated)', querystring: reportQuery } },
      async (req, reply) => {
        const buf = await indicatorReportXlsx(p, actorOf(req), req.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="indicators.xlsx"`)
          .send(buf);
      },
    );
    app.get(
      '/indicators/report.pdf',
      { schema: { tags, summary: 'PDF report of chosen indicators, units and years (comma-separated)', querystring: reportQuery } },
      async (req, reply) => {
        const buf = await indicatorReportPdf(p, actorOf(req), req.query);
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="indicators.pdf"`).send(buf);
      },
    );
  };
}
