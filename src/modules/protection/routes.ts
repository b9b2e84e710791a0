import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { clientAddress } from '../../app/clientAddress.ts';
import { idParam, paged, unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import {
  accessLogEntry,
  assignInput,
  candidateView,
  caseSummary,
  casesQuery,
  caseView,
  linkChildInput,
  noteInput,
  overdueView,
  publicReportInput,
  publicUnit,
  receipt,
  referralInput,
  referralUpdate,
  reportInput,
  stageCounts,
  transitionInput,
} from './contract.ts';
import { filePublicReport, fileReport, publicUnits } from './reports.service.ts';
import { caseAccessLog, caseCounts, getCase, listCases, overdueCases, transitionCase } from './cases.service.ts';
import { addNote, assignmentCandidates, assignWorker, linkChild, referCase, removeAssignee, updateReferral } from './work.service.ts';
import { publicReportLimiter } from './publicLimit.ts';

const tags = ['protection'];

export function protectionRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    const publicLimit = publicReportLimiter();

    // ---- reports ----
    app.post('/protection/reports', { schema: { tags, summary: 'A mandatory report (强制报告) by any signed-in user; answers with the receipt number only', body: reportInput, response: { 201: receipt } } }, async (req, reply) =>
      reply.status(201).send(await fileReport(p, actorOf(req), req.body)),
    );
    app.post('/protection/public/reports', { schema: { tags, summary: 'A report without an account (rate limited per address); answers with the receipt number only', body: publicReportInput, response: { 201: receipt } } }, async (req, reply) => {
      const ip = clientAddress(req);
      publicLimit.take(ip);
      return reply.status(201).send(await filePublicReport(p, req.body, { ip }));
    });
    app.get('/protection/public/units', { schema: { tags, summary: 'Counties of the city, or the townships of a county, for the public report form', querystring: z.object({ parent: unitCode.default('3306') }), response: { 200: z.array(publicUnit) } } }, async (req) =>
      publicUnits(p, req.query.parent),
    );

    // ---- cases ----
    app.get('/protection/cases', { schema: { tags, summary: 'Cases the caller may open (assigned, or all in scope for a supervisor); every list read is audited', querystring: casesQuery, response: { 200: paged(caseSummary) } } }, async (req) =>
      listCases(p, actorOf(req), req.query),
    );
    app.get('/protection/counts', { schema: { tags, summary: 'Cases by stage and the overdue count', querystring: z.object({ unitCode: unitCode.optional() }), response: { 200: stageCounts } } }, async (req) => caseCounts(p, actorOf(req), req.query));
    app.get('/protection/overdue', { schema: { tags, summary: 'Cases past their stage deadline, with the count per township', querystring: z.object({ unitCode: unitCode.optional() }), response: { 200: overdueView } } }, async (req) =>
      overdueCases(p, actorOf(req), req.query),
    );
    app.get('/protection/cases/:id', { schema: { tags, summary: 'A case file with its timeline, assignees, referrals and the next legal steps; the read is audited', params: idParam, response: { 200: caseView } } }, async (req) =>
      getCase(p, actorOf(req), req.params.id),
    );
    app.get('/protection/cases/:id/access-log', { schema: { tags, summary: 'Who opened or changed the case file (supervisor)', params: idParam, response: { 200: z.array(accessLogEntry) } } }, async (req) =>
      caseAccessLog(p, actorOf(req), req.params.id),
    );
    app.post('/protection/cases/:id/transitions', { schema: { tags, summary: 'Move the case to its next stage (refused when the workflow does not allow it)', params: idParam, body: transitionInput, response: { 200: caseView } } }, async (req) =>
      transitionCase(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/protection/cases/:id/candidates', { schema: { tags, summary: 'Workers and supervisors who may be assigned to the case', params: idParam, response: { 200: z.array(candidateView) } } }, async (req) =>
      assignmentCandidates(p, actorOf(req), req.params.id),
    );
    app.post('/protection/cases/:id/assignees', { schema: { tags, summary: 'Assign a worker (supervisor)', params: idParam, body: assignInput, response: { 200: caseView } } }, async (req) => assignWorker(p, actorOf(req), req.params.id, req.body.userId));
    app.post('/protection/cases/:id/assignees/:userId/remove', { schema: { tags, summary: 'Take a worker off the case (supervisor)', params: idParam.extend({ userId: z.uuid() }), response: { 200: caseView } } }, async (req) =>
      removeAssignee(p, actorOf(req), req.params.id, req.params.userId),
    );
    app.post('/protection/cases/:id/referrals', { schema: { tags, summary: 'Refer the case to a department', params: idParam, body: referralInput, response: { 200: caseView } } }, async (req) => referCase(p, actorOf(req), req.params.id, req.body));
    app.post('/protection/referrals/:id/status', { schema: { tags, summary: 'Record the department’s answer to a referral', params: idParam, body: referralUpdate, response: { 200: caseView } } }, async (req) =>
      updateReferral(p, actorOf(req), req.params.id, req.body),
    );
    app.post('/protection/cases/:id/notes', { schema: { tags, summary: 'Add a note to the case’s timeline', params: idParam, body: noteInput, response: { 200: caseView } } }, async (req) => addNote(p, actorOf(req), req.params.id, req.body.note));
    app.post('/protection/cases/:id/child', { schema: { tags, summary: 'Link the case to the registered child', params: idParam, body: linkChildInput, response: { 200: caseView } } }, async (req) => linkChild(p, actorOf(req), req.params.id, req.body.personId));
  };
}
