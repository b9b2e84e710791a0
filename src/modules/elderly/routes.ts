import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, paged, unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { requirePermission } from '../../app/scope.ts';
import { ABILITY_STANDARD } from './ability.ts';
import {
  applyInput, assessmentInput, assessmentView, bedSummary as bedSummarySchema, dementiaCaseView, dementiaQuery, entitledPerson, entitlementsQuery, healthInput, healthView, institutionInput,
  institutionView, institutionsQuery, personIdParam, profileDetail, profileInput, profileListItem, profilesQuery, screenInput, stepInput, waitDecision, waitingList, workerInput, workerView, workersQuery,
} from './contract.ts';
import { addAssessment, addHealthAssessment, getProfile, listProfiles, saveProfile } from './profiles.service.ts';
import { listDementiaCases, screenDementia, stepDementia } from './dementia.service.ts';
import { applyForPlace, bedSummary, createInstitution, decideWaiting, getWaitingList, listInstitutions } from './institutions.service.ts';
import { addWorker, listEntitlements, listWorkers } from './allowances.service.ts';

const tags = ['elderly'];
const standardView = z.object({
  title: z.string(),
  standard: z.string(),
  version: z.string(),
  dimensions: z.array(z.object({ code: z.string(), items: z.array(z.object({ code: z.string(), max: z.number().int() })) })),
  levels: z.array(z.object({ code: z.string(), minTotal: z.number().int() })),
});

export function elderlyRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/elderly/ability-standard', { schema: { tags, summary: 'The ability-assessment items, maxima and levels of GB/T 42195-2022 (versioned data)', response: { 200: standardView } } }, async (req) => {
      requirePermission(actorOf(req), 'elderly.read');
      return ABILITY_STANDARD;
    });

    app.get('/elderly/profiles', { schema: { tags, summary: 'People 60+ in scope with their profile and latest ability level; filter by unit, name, living arrangement, economic status, level, age', querystring: profilesQuery, response: { 200: paged(profileListItem) } } }, async (req) =>
      listProfiles(p, actorOf(req), req.query),
    );
    app.get('/elderly/profiles/:personId', { schema: { tags, summary: 'A person’s profile with needs and why, assessments, health and the dementia loop (audited)', params: personIdParam, response: { 200: profileDetail } } }, async (req) =>
      getProfile(p, actorOf(req), req.params.personId),
    );
    app.put('/elderly/profiles/:personId', { schema: { tags, summary: 'Create or update a person’s profile', params: personIdParam, body: profileInput, response: { 200: profileDetail } } }, async (req) =>
      saveProfile(p, actorOf(req), req.params.personId, req.body),
    );
    app.post('/elderly/profiles/:personId/assessments', { schema: { tags, summary: 'Record an ability assessment (scored by GB/T 42195-2022)', params: personIdParam, body: assessmentInput, response: { 201: assessmentView } } }, async (req, reply) =>
      reply.status(201).send(await addAssessment(p, actorOf(req), req.params.personId, req.body)),
    );
    app.post('/elderly/profiles/:personId/health-assessments', { schema: { tags, summary: 'Record the annual health assessment of a resident 65+', params: personIdParam, body: healthInput, response: { 201: healthView } } }, async (req, reply) =>
      reply.status(201).send(await addHealthAssessment(p, actorOf(req), req.params.personId, req.body)),
    );
    app.post('/elderly/profiles/:personId/dementia-screens', { schema: { tags, summary: 'Record a dementia screen; a positive one opens a case in the loop', params: personIdParam, body: screenInput, response: { 201: dementiaCaseView } } }, async (req, reply) =>
      reply.status(201).send(await screenDementia(p, actorOf(req), req.params.personId, req.body)),
    );

    app.get('/elderly/dementia-cases', { schema: { tags, summary: 'Dementia cases in scope, open ones by due date', querystring: dementiaQuery, response: { 200: z.array(dementiaCaseView) } } }, async (req) =>
      listDementiaCases(p, actorOf(req), req.query),
    );
    app.post('/elderly/dementia-cases/:id/steps', { schema: { tags, summary: 'Move a case one step (intervene, refer, start care, close); an illegal step is refused', params: idParam, body: stepInput, response: { 200: dementiaCaseView } } }, async (req) =>
      stepDementia(p, actorOf(req), req.params.id, req.body),
    );

    app.get('/elderly/institutions', { schema: { tags, summary: 'Elderly-care institutions in scope with beds, social workers and waiting applicants', querystring: institutionsQuery, response: { 200: z.array(institutionView) } } }, async (req) =>
      listInstitutions(p, actorOf(req), req.query),
    );
    app.post('/elderly/institutions', { schema: { tags, summary: 'Register an institution with its beds', body: institutionInput, response: { 201: institutionView } } }, async (req, reply) =>
      reply.status(201).send(await createInstitution(p, actorOf(req), req.body)),
    );
    app.get('/elderly/beds', { schema: { tags, summary: 'Beds in a unit against the targets: nursing-type share, dementia beds per 10,000 elderly, social workers per 60 beds', querystring: z.object({ unitCode: unitCode.optional() }), response: { 200: bedSummarySchema } } }, async (req) =>
      bedSummary(p, actorOf(req), req.query.unitCode),
    );
    app.get('/elderly/institutions/:id/waiting-list', { schema: { tags, summary: 'The waiting list of a public home in order, with each position and why', params: idParam, response: { 200: waitingList } } }, async (req) =>
      getWaitingList(p, actorOf(req), req.params.id),
    );
    app.post('/elderly/institutions/:id/waiting-list', { schema: { tags, summary: 'Put a person on a public home’s waiting list', params: idParam, body: applyInput, response: { 201: waitingList } } }, async (req, reply) =>
      reply.status(201).send(await applyForPlace(p, actorOf(req), req.params.id, req.body)),
    );
    app.post('/elderly/waiting-list/:id/decision', { schema: { tags, summary: 'Admit a waiting applicant or record a withdrawal', params: idParam, body: waitDecision, response: { 200: waitingList } } }, async (req) =>
      decideWaiting(p, actorOf(req), req.params.id, req.body),
    );

    app.get('/elderly/entitlements', { schema: { tags, summary: 'Who in scope is entitled under the elderly rules in a month (免申即享), each amount with the conditions met', querystring: entitlementsQuery, response: { 200: paged(entitledPerson).extend({ totalFen: z.number().int() }) } } }, async (req) =>
      listEntitlements(p, actorOf(req), req.query),
    );
    app.get('/elderly/workers', { schema: { tags, summary: 'Front-line care workers in scope with the month’s allowance and the graduates’ award instalments', querystring: workersQuery, response: { 200: z.array(workerView) } } }, async (req) =>
      listWorkers(p, actorOf(req), req.query),
    );
    app.post('/elderly/workers', { schema: { tags, summary: 'Register a care worker of an institution', body: workerInput, response: { 201: workerView } } }, async (req, reply) =>
      reply.status(201).send(await addWorker(p, actorOf(req), req.body)),
    );
  };
}
