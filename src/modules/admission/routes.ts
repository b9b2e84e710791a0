import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, ok } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { allocationSummary, applicationInput, applicationsQuery, applicationView, exitInput, programInput, programView, roundInput, roundView } from './contract.ts';
import { allocateRound, closeRound, createRound, listRounds, openRound } from './rounds.service.ts';
import { expireOffers } from './waitlist.service.ts';
import { listPrograms, placeCenters, setProgram } from './programs.service.ts';
import { apply, listApplications, ownApplications } from './applications.service.ts';
import { acceptOffer, declineOffer, exitEnrolment, withdrawApplication } from './offers.service.ts';

const tags = ['admission'];

export function admissionRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- rounds (county) ----
    app.get('/admission/rounds', { schema: { tags, summary: 'Admission rounds in scope and of the county the user lives in', response: { 200: z.array(roundView) } } }, async (req) =>
      listRounds(p, actorOf(req)),
    );
    app.post('/admission/rounds', { schema: { tags, summary: 'Create a round for a county (draft)', body: roundInput, response: { 201: roundView } } }, async (req, reply) =>
      reply.status(201).send(await createRound(p, actorOf(req), req.body)),
    );
    app.post('/admission/rounds/:id/open', { schema: { tags, summary: 'Open a draft round for applications', params: idParam, response: { 200: roundView } } }, async (req) =>
      openRound(p, actorOf(req), req.params.id),
    );
    app.post(
      '/admission/rounds/:id/allocate',
      { schema: { tags, summary: 'Run the allocation (deferred acceptance): offers with deadlines, waiting lists, explanations', params: idParam, response: { 200: allocationSummary } } },
      async (req) => allocateRound(p, actorOf(req), req.params.id),
    );
    app.post(
      '/admission/rounds/:id/expire-offers',
      { schema: { tags, summary: 'Expire offers past their deadline; their places go down the waiting lists', params: idParam, response: { 200: z.object({ expired: z.number(), offered: z.number() }) } } },
      async (req) => expireOffers(p, actorOf(req), req.params.id),
    );
    app.post('/admission/rounds/:id/close', { schema: { tags, summary: 'Close an allocated round (unanswered offers past deadline expire)', params: idParam, response: { 200: roundView } } }, async (req) =>
      closeRound(p, actorOf(req), req.params.id),
    );

    // ---- places (centers) ----
    app.get(
      '/admission/centers',
      { schema: { tags, summary: 'The centers (with classes) whose places the user may set', response: { 200: z.array(z.object({ id: z.string(), name: z.string(), unitCode: z.string(), classes: z.array(z.object({ id: z.string(), name: z.string(), classType: z.string() })) })) } } },
      async (req) => placeCenters(p, actorOf(req)),
    );
    app.get('/admission/rounds/:id/programs', { schema: { tags, summary: 'The places of a round by center and class type', params: idParam, response: { 200: z.array(programView) } } }, async (req) =>
      listPrograms(p, actorOf(req), req.params.id),
    );
    app.put(
      '/admission/rounds/:id/programs',
      { schema: { tags, summary: 'Set a center’s places of one class type in a round, with its priority rules', params: idParam, body: programInput, response: { 200: programView } } },
      async (req) => setProgram(p, actorOf(req), req.params.id, req.body),
    );

    // ---- applications ----
    app.get('/admission/applications', { schema: { tags, summary: 'Applications in scope, or those that chose a center (audited)', querystring: applicationsQuery, response: { 200: z.array(applicationView) } } }, async (req) =>
      listApplications(p, actorOf(req), req.query),
    );
    app.get('/admission/my-applications', { schema: { tags, summary: 'The applications of the parent’s own children, with why each choice was or was not offered', response: { 200: z.array(applicationView) } } }, async (req) =>
      ownApplications(p, actorOf(req)),
    );
    app.post('/admission/applications', { schema: { tags, summary: 'A parent applies for a place for their child', body: applicationInput, response: { 201: applicationView } } }, async (req, reply) =>
      reply.status(201).send(await apply(p, actorOf(req), req.body)),
    );
    app.post('/admission/applications/:id/accept', { schema: { tags, summary: 'Accept an offer before its deadline: the child is enrolled', params: idParam, response: { 200: applicationView } } }, async (req) =>
      acceptOffer(p, actorOf(req), req.params.id),
    );
    app.post('/admission/applications/:id/decline', { schema: { tags, summary: 'Decline an offer: the place goes to the waiting list', params: idParam, response: { 200: applicationView } } }, async (req) =>
      declineOffer(p, actorOf(req), req.params.id),
    );
    app.post('/admission/applications/:id/withdraw', { schema: { tags, summary: 'Withdraw an open application', params: idParam, response: { 200: applicationView } } }, async (req) =>
      withdrawApplication(p, actorOf(req), req.params.id),
    );
    app.post('/admission/applications/:id/exit', { schema: { tags, summary: 'The child leaves the center: the enrolment ends', params: idParam, body: exitInput, response: { 200: ok } } }, async (req) =>
      exitEnrolment(p, actorOf(req), req.params.id, req.body.endDate),
    );
  };
}
