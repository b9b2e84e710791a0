import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import {
  centerInput,
  centerUpdate,
  centerView,
  childListItem,
  childRecord,
  childrenQuery,
  coverageView,
  dueItem,
  dueQuery,
  followUpInput,
  mchatInput,
  mchatScoreRequest,
  mchatScoreResponse,
  mchatWordingInput,
  mchatWordingView,
  measurementInput,
  measurementView,
  referenceCurves,
  referenceQuery,
  referralAction,
  referralListItem,
  referralView,
  referralsQuery,
  screeningRecorded,
  vaccinationInput,
  vaccinationView,
  visitInput,
  visitView,
  warningSignsInput,
  zscoreRequest,
  zscoreResponse,
} from './contract.ts';
import { calculateMchat, calculateZscore, referenceCurvesOf } from './calculators.service.ts';
import { getChildRecord, getOwnChildRecord, listChildren, listDueVaccinations, listReferrals } from './service.ts';
import { actOnReferral, recordFollowUp, recordMchat, recordMeasurement, recordVaccination, recordVisit, recordWarningSigns } from './recording.service.ts';
import { centerCoverage, createCenter, listCenters, updateCenter } from './centers.service.ts';
import { getMchatWording, loadMchatWording } from './wording.service.ts';

const tags = ['health'];

export function healthRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- calculators (no session needed: no records involved) ----
    app.post(
      '/health/growth/zscore',
      {
        schema: {
          tags,
          summary: 'z-score and percentile of a measurement against the WHO Child Growth Standards',
          description:
            'length-for-age is recumbent length under 731 days and standing height from 731 days, the value already taken in that position; ' +
            'weight-for-length takes lengthCm and uses the height table from 731 days. Weight-based indicators use WHO’s restricted ' +
            'adjustment beyond ±3 SD. L, M and S are interpolated linearly between the weekly (0–13 weeks) and monthly table ages. ' +
            'percentile is in percent.',
          body: zscoreRequest,
          response: { 200: zscoreResponse },
        },
      },
      async (req) => calculateZscore(req.body),
    );

    app.post(
      '/health/mchat/score',
      {
        schema: {
          tags,
          summary: 'M-CHAT-R score and risk band (answers: 20 booleans, true = yes, item 1 first; 16–30 months)',
          body: mchatScoreRequest,
          response: { 200: mchatScoreResponse },
        },
      },
      async (req) => calculateMchat(req.body),
    );

    app.get(
      '/health/growth/reference',
      { schema: { tags, summary: 'WHO reference curves (−3, −2, 0, +2, +3 SD) of an indicator for charts', querystring: referenceQuery, response: { 200: referenceCurves } } },
      async (req) => referenceCurvesOf(req.query),
    );

    // ---- children and their records ----
    app.get(
      '/health/children',
      {
        schema: {
          tags,
          summary: 'Children under 3 in scope with due/overdue vaccinations, open referrals and latest growth (audited); a flag filter needs a township',
          querystring: page.merge(childrenQuery),
          response: { 200: paged(childListItem) },
        },
      },
      async (req) => listChildren(p, actorOf(req), req.query),
    );

    app.get(
      '/health/children/:id',
      { schema: { tags, summary: 'A child’s health record (audited)', params: idParam, response: { 200: childRecord } } },
      async (req) => getChildRecord(p, actorOf(req), req.params.id),
    );

    app.post(
      '/health/children/:id/measurements',
      { schema: { tags, summary: 'Record weight, length/height (with position) and head circumference; z-scores computed', params: idParam, body: measurementInput, response: { 201: measurementView } } },
      async (req, reply) => reply.status(201).send(await recordMeasurement(p, actorOf(req), req.params.id, req.body)),
    );

    app.post(
      '/health/children/:id/screenings/warning-signs',
      {
        schema: {
          tags,
          summary: 'Record a developmental warning-signs screen; a positive one opens a suggested referral',
          params: idParam,
          body: warningSignsInput,
          response: { 201: screeningRecorded },
        },
      },
      async (req, reply) => reply.status(201).send(await recordWarningSigns(p, actorOf(req), req.params.id, req.body)),
    );

    app.post(
      '/health/children/:id/screenings/mchat',
      {
        schema: { tags, summary: 'Record an M-CHAT-R/F screen (16–30 months); high risk opens a suggested referral', params: idParam, body: mchatInput, response: { 201: screeningRecorded } },
      },
      async (req, reply) => reply.status(201).send(await recordMchat(p, actorOf(req), req.params.id, req.body)),
    );

    app.post(
      '/health/screenings/:id/follow-up',
      {
        schema: { tags, summary: 'Record the M-CHAT-R/F Follow-Up interview of a medium-risk screen', params: idParam, body: followUpInput, response: { 200: screeningRecorded } },
      },
      async (req) => recordFollowUp(p, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/health/children/:id/vaccinations',
      { schema: { tags, summary: 'Record a dose of the national immunisation programme', params: idParam, body: vaccinationInput, response: { 201: vaccinationView } } },
      async (req, reply) => reply.status(201).send(await recordVaccination(p, actorOf(req), req.params.id, req.body)),
    );

    app.post(
      '/health/children/:id/visits',
      { schema: { tags, summary: 'Record a newborn home visit (新生儿访视)', params: idParam, body: visitInput, response: { 201: visitView } } },
      async (req, reply) => reply.status(201).send(await recordVisit(p, actorOf(req), req.params.id, req.body)),
    );

    // ---- referrals and township lists ----
    app.get(
      '/health/referrals',
      { schema: { tags, summary: 'Referrals in scope, open ones by default (audited)', querystring: page.merge(referralsQuery), response: { 200: paged(referralListItem) } } },
      async (req) => listReferrals(p, actorOf(req), req.query),
    );

    app.post(
      '/health/referrals/:id/actions',
      { schema: { tags, summary: 'Arrange a referral, record its result, or close it', params: idParam, body: referralAction, response: { 200: referralView } } },
      async (req) => actOnReferral(p, actorOf(req), req.params.id, req.body),
    );

    app.get(
      '/health/immunisation/due',
      { schema: { tags, summary: 'Overdue, due and upcoming doses of the children under 3 of a township or village (audited)', querystring: dueQuery, response: { 200: z.array(dueItem) } } },
      async (req) => listDueVaccinations(p, actorOf(req), req.query),
    );

    // ---- "医、防、护" child-health management centers ----
    app.get(
      '/health/centers',
      { schema: { tags, summary: 'The "医、防、护" child-health management centers in scope', querystring: z.object({ unitCode: z.string().regex(/^\d{4,12}$/).optional() }), response: { 200: z.array(centerView) } } },
      async (req) => listCenters(p, actorOf(req), req.query),
    );

    app.get(
      '/health/centers/coverage',
      {
        schema: {
          tags,
          summary: 'Townships in scope and whether a center operates there (coverage of townships of 20,000 residents or more)',
          querystring: z.object({ unitCode: z.string().regex(/^\d{4,12}$/).optional() }),
          response: { 200: coverageView },
        },
      },
      async (req) => centerCoverage(p, actorOf(req), req.query),
    );

    app.post(
      '/health/centers',
      { schema: { tags, summary: 'Register a center at a township', body: centerInput, response: { 201: centerView } } },
      async (req, reply) => reply.status(201).send(await createCenter(p, actorOf(req), req.body)),
    );

    app.patch(
      '/health/centers/:id',
      { schema: { tags, summary: 'Change a center’s status, grade, services or contact', params: idParam, body: centerUpdate, response: { 200: centerView } } },
      async (req) => updateCenter(p, actorOf(req), req.params.id, req.body),
    );

    // ---- licensed M-CHAT-R/F wording ----
    app.get(
      '/health/mchat/wording',
      {
        schema: {
          tags,
          summary: 'The licensed M-CHAT-R/F item wording of a language, if the health authority has loaded it',
          querystring: z.object({ locale: z.enum(['zh-CN', 'en-US']).default('zh-CN') }),
          response: { 200: mchatWordingView },
        },
      },
      async (req) => getMchatWording(p, actorOf(req), req.query.locale),
    );

    app.put(
      '/health/mchat/wording',
      {
        schema: { tags, summary: 'Load the licensed M-CHAT-R/F wording of a language (city administrators)', body: mchatWordingInput, response: { 200: mchatWordingView } },
      },
      async (req) => loadMchatWording(p, actorOf(req), req.body),
    );

    // ---- the parent's app ----
    app.get(
      '/parent/children/:id/health',
      { schema: { tags: ['parent'], summary: 'The signed-in parent’s own child’s health record (audited)', params: idParam, response: { 200: childRecord } } },
      async (req) => getOwnChildRecord(p, actorOf(req), req.params.id),
    );
  };
}
