import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { idParam, page, paged, unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { translator } from '../../i18n/index.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import {
  centerCreditView,
  cloudInput,
  cloudView,
  complaintHandle,
  complaintInput,
  complaintView,
  creditRow,
  drawInput,
  incidentHandle,
  incidentInput,
  incidentView,
  inspectionInput,
  inspectionsQuery,
  inspectionView,
  listQuery,
  orderResponse,
  orderReview,
  ordersQuery,
  orderView,
  planInput,
  planView,
  resultInput,
  verifyView,
} from './contract.ts';
import { createPlan, drawPlan, exportInspections, getInspection, listInspections, listOrders, listPlans, recordOverdueOrders, recordResult, respondToOrder, reviewOrder, scheduleInspection, verifyDraw } from './inspections.service.ts';
import { fileComplaint, handleComplaint, handleIncident, listComplaints, listIncidents, reportIncident } from './reports.service.ts';
import { centerCredit, listCredit } from './credit.service.ts';
import { cloudCoverage, setCloudSupervision } from './cloud.service.ts';
import { CHECKLIST_SOURCE, CHECKLIST_VERSION, INSPECTION_TYPES, checklistOf } from './checklist.ts';

const tags = ['supervision'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function supervisionRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/supervision/checklists', { schema: { tags, summary: 'The checklist of each inspection type, with its sources' } }, async () => ({
      version: CHECKLIST_VERSION,
      source: CHECKLIST_SOURCE,
      types: Object.fromEntries(INSPECTION_TYPES.map((t) => [t, checklistOf(t)])),
    }));

    // ---- plans and the double-random draw ----
    app.get('/supervision/plans', { schema: { tags, summary: 'Inspection plans in scope', querystring: z.object({ unitCode: unitCode.optional() }), response: { 200: z.array(planView) } } }, async (req) => listPlans(p, actorOf(req), req.query));
    app.post('/supervision/plans', { schema: { tags, summary: 'Create an inspection plan for a county', body: planInput, response: { 201: planView } } }, async (req, reply) => reply.status(201).send(await createPlan(p, actorOf(req), req.body)));
    app.post('/supervision/plans/:id/draw', { schema: { tags, summary: 'Draw centers and inspectors at random (双随机) with a seed, record the draw and schedule the inspections', params: idParam, body: drawInput, response: { 200: planView } } }, async (req) =>
      drawPlan(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/supervision/plans/:id/verify', { schema: { tags, summary: 'Redo the recorded draw from its inputs and compare', params: idParam, response: { 200: verifyView } } }, async (req) => verifyDraw(p, actorOf(req), req.params.id));

    // ---- inspections ----
    app.get('/supervision/inspections', { schema: { tags, summary: 'Inspections in scope; filter and sort', querystring: page.merge(inspectionsQuery), response: { 200: paged(inspectionView) } } }, async (req) => listInspections(p, actorOf(req), req.query));
    app.get('/supervision/inspections/export.xlsx', { schema: { tags, summary: 'Spreadsheet of the inspections matching the filters', querystring: inspectionsQuery } }, async (req, reply) => {
      const rows = await exportInspections(p, actorOf(req), req.query);
      const t = translator(req.locale);
      const buf = await toXlsx(t('supervision:inspections.title'), [
        { header: t('supervision:field.center'), width: 30, value: (r: (typeof rows)[number]) => r.centerName },
        { header: t('supervision:field.unit'), width: 16, value: (r) => r.unitName },
        { header: t('supervision:field.type'), width: 12, value: (r) => t(`supervision:type.${r.inspectionType}`) },
        { header: t('supervision:field.scheduledOn'), width: 12, value: (r) => r.scheduledOn },
        { header: t('supervision:field.inspectedOn'), width: 12, value: (r) => r.inspectedOn ?? '' },
        { header: t('supervision:field.inspectors'), width: 24, value: (r) => r.inspectorNames.join('、') },
        { header: t('supervision:field.status'), width: 10, value: (r) => t(`supervision:status.${r.status}`) },
        { header: t('supervision:field.findings'), width: 40, value: (r) => r.findings.map((f) => f.description).join('；') },
      ], rows);
      return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="inspections.xlsx"').send(buf);
    });
    app.post('/supervision/inspections', { schema: { tags, summary: 'Schedule an inspection of a center outside a plan', body: inspectionInput, response: { 201: inspectionView } } }, async (req, reply) =>
      reply.status(201).send(await scheduleInspection(p, actorOf(req), req.body)),
    );
    app.get('/supervision/inspections/:id', { schema: { tags, summary: 'An inspection with its findings', params: idParam, response: { 200: inspectionView } } }, async (req) => getInspection(p, actorOf(req), req.params.id));
    app.post('/supervision/inspections/:id/result', {
      schema: { tags, summary: 'Record the answered checklist; failed items become findings and issue a rectification order with its deadline', params: idParam, body: resultInput, response: { 200: inspectionView } },
    }, async (req) => recordResult(p, actorOf(req), req.params.id, req.body));

    // ---- rectification orders ----
    app.get('/supervision/rectifications', { schema: { tags, summary: 'Rectification orders in scope (an operator: its own centers’)', querystring: ordersQuery, response: { 200: z.array(orderView) } } }, async (req) => listOrders(p, actorOf(req), req.query));
    app.post('/supervision/rectifications/overdue', { schema: { tags, summary: 'Record every open order past its deadline on its center’s credit (once each)', response: { 200: z.object({ recorded: z.number() }) } } }, async (req) =>
      recordOverdueOrders(p, actorOf(req)),
    );
    app.post('/supervision/rectifications/:id/response', { schema: { tags, summary: 'The center reports what it rectified', params: idParam, body: orderResponse, response: { 200: orderView } } }, async (req) =>
      respondToOrder(p, actorOf(req), req.params.id, req.body),
    );
    app.post('/supervision/rectifications/:id/review', { schema: { tags, summary: 'The county closes the order, or returns it with a new deadline', params: idParam, body: orderReview, response: { 200: orderView } } }, async (req) =>
      reviewOrder(p, actorOf(req), req.params.id, req.body),
    );

    // ---- incidents and complaints ----
    app.get('/supervision/incidents', { schema: { tags, summary: 'Incident and emergency reports in scope', querystring: listQuery, response: { 200: z.array(incidentView) } } }, async (req) => listIncidents(p, actorOf(req), req.query));
    app.post('/supervision/incidents', { schema: { tags, summary: 'A center reports an incident or emergency', body: incidentInput, response: { 201: incidentView } } }, async (req, reply) => reply.status(201).send(await reportIncident(p, actorOf(req), req.body)));
    app.post('/supervision/incidents/:id/handle', { schema: { tags, summary: 'Acknowledge or close an incident report (closing says whether the center was at fault)', params: idParam, body: incidentHandle, response: { 200: incidentView } } }, async (req) =>
      handleIncident(p, actorOf(req), req.params.id, req.body),
    );
    app.get('/supervision/complaints', { schema: { tags, summary: 'Complaints in scope; a parent’s own', querystring: listQuery, response: { 200: z.array(complaintView) } } }, async (req) => listComplaints(p, actorOf(req), req.query));
    app.post('/supervision/complaints', { schema: { tags, summary: 'A parent complains about a center their child attends', body: complaintInput, response: { 201: complaintView } } }, async (req, reply) => reply.status(201).send(await fileComplaint(p, actorOf(req), req.body)));
    app.post('/supervision/complaints/:id/handle', { schema: { tags, summary: 'Take up, uphold or dismiss a complaint with a reply', params: idParam, body: complaintHandle, response: { 200: complaintView } } }, async (req) =>
      handleComplaint(p, actorOf(req), req.params.id, req.body),
    );

    // ---- credit and cloud supervision ----
    app.get('/supervision/credit', { schema: { tags, summary: 'Credit scores and levels of the centers in scope', querystring: z.object({ unitCode: unitCode.optional(), level: z.enum(['A', 'B', 'C', 'D']).optional() }), response: { 200: z.array(creditRow) } } }, async (req) =>
      listCredit(p, actorOf(req), req.query),
    );
    app.get('/supervision/centers/:id/credit', { schema: { tags, summary: 'A center’s credit score with its events', params: idParam, response: { 200: centerCreditView } } }, async (req) => centerCredit(p, actorOf(req), req.params.id));
    app.get('/supervision/cloud', { schema: { tags, summary: 'Cloud supervision by unit and the coverage of centers graded three or better', querystring: z.object({ unitCode: unitCode.optional() }), response: { 200: cloudView } } }, async (req) =>
      cloudCoverage(p, actorOf(req), req.query),
    );
    app.post('/supervision/centers/:id/cloud', { schema: { tags, summary: 'Record a center’s video supervision as connected or not', params: idParam, body: cloudInput, response: { 200: cloudView } } }, async (req) =>
      setCloudSupervision(p, actorOf(req), req.params.id, req.body),
    );
  };
}
