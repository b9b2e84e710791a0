import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../app/auth.ts';
import type { Platform } from '../../app/context.ts';
import { circleQuery, circleView, facilitiesQuery, facilitiesView, findingsQuery, findingsView, mapView } from './contract.ts';
import { listFacilities, mapOf, planningFindings, serviceCircleOf } from './service.ts';
import { z } from 'zod';
import { uploadedFile, uploadFailure } from '../../app/upload.ts';
import { AppError } from '../../app/errors.ts';
import { importLocations } from './locations.service.ts';
import { LOCATION_SYSTEMS } from './locations.ts';

const locationImportView = z.object({
  rows: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), code: z.string(), message: z.string() })),
});

const tags = ['geo'];

export function geoRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/geo/locations',
      {
        schema: {
          tags,
          summary: 'Load surveyed positions of townships and villages (CSV: code, lon, lat in WGS-84 or GCJ-02); bad rows reported by line, good rows kept, a re-run changes nothing',
          querystring: z.object({ system: z.enum(LOCATION_SYSTEMS) }),
          consumes: ['multipart/form-data'],
          response: { 200: locationImportView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const upload = await uploadedFile(req, { fileSize: 5 * 1024 * 1024 + 1 });
        const content = await upload.toBuffer().catch((err: unknown) => {
          throw uploadFailure(err);
        });
        if (upload.file.truncated) throw AppError.field('file', 'tooLarge');
        return importLocations(p, actor, content, req.query.system, req.locale);
      },
    );
    app.get(
      '/geo/map',
      { schema: { tags, summary: 'County boundaries (GeoJSON, published source) and the approximate points of the townships in scope', response: { 200: mapView } } },
      async (req) => mapOf(p, actorOf(req)),
    );
    app.get(
      '/geo/facilities',
      { schema: { tags, summary: 'One map: facilities of every kind in scope with capacity and use; kinds not yet held are listed as unavailable', querystring: facilitiesQuery, response: { 200: facilitiesView } } },
      async (req) => listFacilities(p, actorOf(req), req.query),
    );
    app.get(
      '/geo/service-circle',
      {
        schema: {
          tags,
          summary: '15-minute service circle of a kind for every village and a 250 m population grid of a unit, with Gini and Theil across townships',
          querystring: circleQuery,
          response: { 200: circleView },
        },
      },
      async (req) => serviceCircleOf(p, actorOf(req), req.query),
    );
    app.get(
      '/geo/planning-findings',
      {
        schema: {
          tags,
          summary: 'Planning-norm findings of a unit in a year: childcare places per 1,000 residents of new and existing communities, affordable share of new places per township',
          querystring: findingsQuery,
          response: { 200: findingsView },
        },
      },
      async (req) => planningFindings(p, actorOf(req), req.query),
    );
  };
}
