import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { guardianshipView, newGuardianship, ownChild } from './contract.ts';
import { endGuardianship, linkGuardian, listGuardians, ownChildren } from './service.ts';

export function guardianshipRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/guardianships',
      {
        schema: {
          tags: ['guardianship'],
          summary: 'The parent accounts linked to a child in scope',
          querystring: z.object({ personId: z.uuid() }),
          response: { 200: z.array(guardianshipView) },
        },
      },
      async (req) => listGuardians(p, actorOf(req), req.query.personId),
    );

    app.post(
      '/guardianships',
      {
        schema: {
          tags: ['guardianship'],
          summary: 'Link a parent account to a child in scope (the child must live inside the parent’s scope)',
          body: newGuardianship,
          response: { 201: guardianshipView },
        },
      },
      async (req, reply) => reply.status(201).send(await linkGuardian(p, actorOf(req), req.body)),
    );

    app.post(
      '/guardianships/:id/end',
      { schema: { tags: ['guardianship'], summary: 'End a parent’s link to a child', params: idParam, response: { 200: guardianshipView } } },
      async (req) => endGuardianship(p, actorOf(req), req.params.id),
    );

    app.get(
      '/parent/children',
      { schema: { tags: ['parent'], summary: 'The signed-in parent’s own children', response: { 200: z.array(ownChild) } } },
      async (req) => ownChildren(p, actorOf(req)),
    );
  };
}
