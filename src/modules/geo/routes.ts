import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../app/auth.ts';
import type { Platform } from '../../app/context.ts';
import { circleQuery, circleView, facilitiesQuery, facilitiesView, findingsQuery, findingsView, mapView } from './contract.ts';
import { listFacilities, mapOf, planningFindings, serviceCircleOf } from './service.ts';

const tags = ['geo'];

export function geoRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
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
