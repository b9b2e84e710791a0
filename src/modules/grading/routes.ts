import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { translator } from '../../i18n/index.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import { applicationInput, applicationsQuery, applicationView, assessmentInput, downgradeInput, eligibilityView, gradesQuery, gradeView, selfAssessmentInput, standardView } from './contract.ts';
import {
  centerEligibility,
  createApplication,
  downgradeCenter,
  getApplication,
  listApplications,
  listGrades,
  publishResult,
  recordAssessment,
  saveSelfAssessment,
  submitApplication,
  withdrawApplication,
} from './service.ts';
import { CURRENT_STANDARD, LEVEL_SETTINGS } from './standard.ts';

const tags = ['grading'];

export function gradingRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/grading/standard', { schema: { tags, summary: 'The assessment standard in force (WS/T 821—2023 items as versioned data) and the level settings', response: { 200: standardView } } }, async () => ({
      ...CURRENT_STANDARD,
      levels: LEVEL_SETTINGS,
    }));

    app.get('/grading/centers/:id/eligibility', { schema: { tags, summary: 'Whether a center may apply for a grade, and every condition it fails (004)', params: idParam, response: { 200: eligibilityView } } }, async (req) =>
      centerEligibility(p, actorOf(req), req.params.id),
    );

    app.post('/grading/centers/:id/downgrade', { schema: { tags, summary: 'Downgrade a center’s current grade from a day (level null revokes it), with the reason', params: idParam, body: downgradeInput, response: { 200: z.array(gradeView) } } }, async (req) =>
      downgradeCenter(p, actorOf(req), req.params.id, req.body),
    );

    app.get('/grading/applications', { schema: { tags, summary: 'Grading applications in scope; filter and sort', querystring: page.merge(applicationsQuery), response: { 200: paged(applicationView) } } }, async (req) =>
      listApplications(p, actorOf(req), req.query),
    );

    app.post('/grading/applications', { schema: { tags, summary: 'Start an application for one’s own center (draft)', body: applicationInput, response: { 201: applicationView } } }, async (req, reply) =>
      reply.status(201).send(await createApplication(p, actorOf(req), req.body)),
    );

    app.get('/grading/applications/:id', { schema: { tags, summary: 'An application with its self-assessment, on-site assessment and result', params: idParam, response: { 200: applicationView } } }, async (req) =>
      getApplication(p, actorOf(req), req.params.id),
    );

    app.put('/grading/applications/:id/self-assessment', { schema: { tags, summary: 'Save self-assessment scores (item code → points) of a draft', params: idParam, body: selfAssessmentInput, response: { 200: applicationView } } }, async (req) =>
      saveSelfAssessment(p, actorOf(req), req.params.id, req.body),
    );

    app.post('/grading/applications/:id/submit', { schema: { tags, summary: 'Submit; refused with each failed eligibility condition, or with unscored items', params: idParam, response: { 200: applicationView } } }, async (req) =>
      submitApplication(p, actorOf(req), req.params.id),
    );

    app.post('/grading/applications/:id/withdraw', { schema: { tags, summary: 'Withdraw a draft or submitted application', params: idParam, response: { 200: applicationView } } }, async (req) =>
      withdrawApplication(p, actorOf(req), req.params.id),
    );

    app.post('/grading/applications/:id/assessment', { schema: { tags, summary: 'Record the on-site assessment (county; city for 市级示范); the result level follows from the scores', params: idParam, body: assessmentInput, response: { 200: applicationView } } }, async (req) =>
      recordAssessment(p, actorOf(req), req.params.id, req.body),
    );

    app.post('/grading/applications/:id/publish', { schema: { tags, summary: 'Publish the result: the grade holds from today for the validity period and supersedes the previous one', params: idParam, response: { 200: applicationView } } }, async (req) =>
      publishResult(p, actorOf(req), req.params.id),
    );

    app.get('/grading/grades', { schema: { tags, summary: 'Grades held by centers in scope (current by default; history; expiring within N days for re-evaluation)', querystring: gradesQuery, response: { 200: z.array(gradeView) } } }, async (req) =>
      listGrades(p, actorOf(req), req.query),
    );

    app.get('/grading/grades/export.xlsx', { schema: { tags, summary: 'Spreadsheet of the grades matching the filters', querystring: gradesQuery } }, async (req, reply) => {
      const rows = await listGrades(p, actorOf(req), req.query);
      const t = translator(req.locale);
      const buf = await toXlsx(t('grading:grades.title'), [
        { header: t('grading:field.center'), width: 30, value: (r: (typeof rows)[number]) => r.centerName },
        { header: t('grading:field.unit'), width: 16, value: (r) => r.unitName },
        { header: t('grading:field.level'), width: 10, value: (r) => t(`grading:level.${r.level}`) },
        { header: t('grading:field.validFrom'), width: 12, value: (r) => r.validFrom },
        { header: t('grading:field.validTo'), width: 12, value: (r) => r.validTo },
        { header: t('grading:field.endedOn'), width: 12, value: (r) => r.endedOn ?? '' },
        { header: t('grading:field.endReason'), width: 10, value: (r) => (r.endReason ? t(`grading:endReason.${r.endReason}`) : '') },
        { header: t('grading:field.cloudSupervision'), width: 10, value: (r) => (r.cloudSupervision ? '✓' : '') },
      ], rows);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', 'attachment; filename="grades.xlsx"').send(buf);
    });
  };
}
