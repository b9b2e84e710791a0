import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { AppError } from '../../app/errors.ts';
import { uploadedFile, uploadFailure } from '../../app/upload.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import {
  centerChangeInput,
  centerDetail,
  centerStatusInput,
  centerInput,
  centerListItem,
  centersQuery,
  certificateInput,
  decisionInput,
  documentKind,
  documentView,
  enrolmentEnd,
  enrolmentInput,
  enrolmentView,
  expiringItem,
  expiringQuery,
  filingListItem,
  filingView,
  filingsQuery,
  myReviewerView,
  reviewInput,
  reviewerInput,
  staffInput,
  staffUpdate,
  staffView,
  warningView,
} from './contract.ts';
import { changeCenterStatus, exportCenters, getCenter, listCenters, registerCenter, requestChange, updateCenter } from './centers.service.ts';
import { assignReviewer, decideFiling, getFiling, listFilings, myReviewer, reviewFiling, submitFiling } from './filing.service.ts';
import { readDocument, uploadDocument, MAX_DOCUMENT_BYTES } from './documents.service.ts';
import { addCertificate, addStaff, endEnrolment, enrol, expiringCertificates, listEnrolments, listStaff, updateStaff } from './staff.service.ts';
import { recheckCenter } from './staffing.service.ts';
import { listWarnings } from './warnings.service.ts';
import { attemptResult, attemptStart, attemptSubmit, attemptView, certificateCheck, courseInput, courseView, trainingCertificateView } from './training.contract.ts';
import { checkCertificate, listCourses, listTrainingCertificates, publishCourse, startAttempt, submitAttempt } from './training.service.ts';

const tags = ['childcare'];
const created = z.object({ id: z.uuid() });

export function childcareRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- centers ----
    app.get(
      '/childcare/centers',
      { schema: { tags, summary: 'Centers in scope (an operator: its own), filtered and sorted', querystring: page.merge(centersQuery), response: { 200: paged(centerListItem) } } },
      async (req) => listCenters(p, actorOf(req), req.query),
    );
    app.get(
      '/childcare/centers/export.xlsx',
      { schema: { tags, summary: 'Spreadsheet of the centers matching the filters (audited)', querystring: centersQuery } },
      async (req, reply) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="childcare-centers.xlsx"')
          .send(await exportCenters(p, actorOf(req), req.query, req.locale)),
    );
    app.post(
      '/childcare/centers',
      { schema: { tags, summary: 'An operator registers a center with its classes: a draft with its first filing', body: centerInput, response: { 201: created.extend({ filingId: z.uuid() }) } } },
      async (req, reply) => reply.status(201).send(await registerCenter(p, actorOf(req), req.body)),
    );
    app.get(
      '/childcare/centers/:id',
      { schema: { tags, summary: 'A center with classes, evidence, ratio warnings and filings with their timelines', params: idParam, response: { 200: centerDetail } } },
      async (req) => getCenter(p, actorOf(req), req.params.id),
    );
    app.put(
      '/childcare/centers/:id',
      { schema: { tags, summary: 'Edit a center while its first filing is a draft or returned', params: idParam, body: centerInput, response: { 200: created } } },
      async (req) => updateCenter(p, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/childcare/centers/:id/status',
      { schema: { tags, summary: 'The county suspends, resumes or closes a filed center, with the reason', params: idParam, body: centerStatusInput, response: { 200: centerDetail } } },
      async (req) => changeCenterStatus(p, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/childcare/centers/:id/changes',
      { schema: { tags, summary: 'Ask to change a filed center’s capacity, address or operator (a change filing, reviewed like the first)', params: idParam, body: centerChangeInput, response: { 201: z.object({ filingId: z.uuid() }) } } },
      async (req, reply) => reply.status(201).send(await requestChange(p, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/childcare/centers/:id/documents',
      {
        schema: {
          tags,
          summary: 'Upload an evidence file (multipart field "file"; PDF, JPEG or PNG up to 10 MB), stored with its SHA-256',
          params: idParam,
          querystring: z.object({ kind: documentKind, staffId: z.uuid().optional() }),
          consumes: ['multipart/form-data'],
          response: { 201: documentView },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const upload = await uploadedFile(req, { fileSize: MAX_DOCUMENT_BYTES + 1 });
        const content = await upload.toBuffer().catch((err: unknown) => {
          throw uploadFailure(err);
        });
        if (upload.file.truncated) throw AppError.field('file', 'tooLarge');
        return reply.status(201).send(await uploadDocument(p, actor, req.params.id, { fileName: upload.filename, content, kind: req.query.kind, staffId: req.query.staffId }));
      },
    );
    app.get(
      '/childcare/documents/:id',
      { schema: { tags, summary: 'Download an evidence file (scope-checked, checksum verified, audited)', params: idParam } },
      async (req, reply) => {
        const doc = await readDocument(p, actorOf(req), req.params.id);
        return reply
          .header('content-type', doc.mimeType)
          .header('x-content-sha256', doc.sha256)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
          .send(doc.content);
      },
    );

    // ---- filings ----
    app.get(
      '/childcare/filings',
      { schema: { tags, summary: 'The review queue: filings in scope by status; awaitingMe limits to the caller’s department', querystring: page.merge(filingsQuery), response: { 200: paged(filingListItem) } } },
      async (req) => listFilings(p, actorOf(req), req.query),
    );
    app.get(
      '/childcare/filings/:id',
      { schema: { tags, summary: 'A filing with its department reviews and timeline', params: idParam, response: { 200: filingView } } },
      async (req) => getFiling(p, actorOf(req), req.params.id),
    );
    app.post(
      '/childcare/filings/:id/submit',
      { schema: { tags, summary: 'Submit (or resubmit) a filing; the required evidence must be uploaded', params: idParam, response: { 200: filingView } } },
      async (req) => submitFiling(p, actorOf(req), req.params.id),
    );
    app.post(
      '/childcare/filings/:id/reviews',
      { schema: { tags, summary: 'A department approves or returns (with a comment) its part of a filing', params: idParam, body: reviewInput, response: { 200: filingView } } },
      async (req) => reviewFiling(p, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/childcare/filings/:id/decision',
      { schema: { tags, summary: 'The county health department files (all ten departments approved) or returns with reasons', params: idParam, body: decisionInput, response: { 200: filingView } } },
      async (req) => decideFiling(p, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/childcare/reviewer',
      { schema: { tags, summary: 'The caller’s review department and whether it may file', response: { 200: myReviewerView } } },
      async (req) => myReviewer(p, actorOf(req)),
    );
    app.put(
      '/childcare/reviewers/:id',
      { schema: { tags, summary: 'Set the department a reviewer account (id: the user) signs for', params: idParam, body: reviewerInput, response: { 200: reviewerInput } } },
      async (req) => assignReviewer(p, actorOf(req), req.params.id, req.body.department),
    );

    // ---- ratios ----
    app.get(
      '/childcare/warnings',
      { schema: { tags, summary: 'Open class-size and staff-ratio warnings in scope', querystring: z.object({ unitCode: z.string().regex(/^\d{4,12}$/).optional() }), response: { 200: z.array(warningView) } } },
      async (req) => listWarnings(p, actorOf(req), req.query),
    );
    app.post(
      '/childcare/centers/:id/ratio-check',
      { schema: { tags, summary: 'Recompute a center’s ratio warnings now', params: idParam, response: { 200: z.object({ breaches: z.number().int() }) } } },
      async (req) => recheckCenter(p, actorOf(req), req.params.id),
    );

    // ---- staff ----
    app.get(
      '/childcare/centers/:id/staff',
      { schema: { tags, summary: 'Staff of a center with certificates', params: idParam, response: { 200: z.array(staffView) } } },
      async (req) => listStaff(p, actorOf(req), req.params.id),
    );
    app.post(
      '/childcare/centers/:id/staff',
      { schema: { tags, summary: 'Add a staff member', params: idParam, body: staffInput, response: { 201: staffView } } },
      async (req, reply) => reply.status(201).send(await addStaff(p, actorOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/childcare/staff/:id',
      { schema: { tags, summary: 'Change a staff member’s class, background check, training hours or leaving date', params: idParam, body: staffUpdate, response: { 200: staffView } } },
      async (req) => updateStaff(p, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/childcare/staff/:id/certificates',
      { schema: { tags, summary: 'Add a certificate to a staff member', params: idParam, body: certificateInput, response: { 201: staffView } } },
      async (req, reply) => reply.status(201).send(await addCertificate(p, actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/childcare/certificates/expiring',
      { schema: { tags, summary: 'Certificates of current staff expiring within `days` (or expired)', querystring: expiringQuery, response: { 200: z.array(expiringItem) } } },
      async (req) => expiringCertificates(p, actorOf(req), req.query),
    );

    // ---- enrolments ----
    app.get(
      '/childcare/centers/:id/enrolments',
      { schema: { tags, summary: 'Children enrolled in a center (audited)', params: idParam, response: { 200: z.array(enrolmentView) } } },
      async (req) => listEnrolments(p, actorOf(req), req.params.id),
    );
    app.post(
      '/childcare/centers/:id/enrolments',
      { schema: { tags, summary: 'Enrol a child of the county in a class', params: idParam, body: enrolmentInput, response: { 201: created } } },
      async (req, reply) => reply.status(201).send(await enrol(p, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/childcare/enrolments/:id/end',
      { schema: { tags, summary: 'End an enrolment', params: idParam, body: enrolmentEnd, response: { 200: created } } },
      async (req) => endEnrolment(p, actorOf(req), req.params.id, req.body.endDate),
    );

    // ---- online training and exams ----
    app.get(
      '/childcare/training/courses',
      { schema: { tags, summary: 'Training courses open to the caller (its unit’s and those of the units above it)', response: { 200: z.array(courseView) } } },
      async (req) => listCourses(p, actorOf(req)),
    );
    app.post(
      '/childcare/training/courses',
      { schema: { tags, summary: 'Publish a course with its question bank and exam settings (time limit, questions drawn, pass mark)', body: courseInput, response: { 201: created } } },
      async (req, reply) => reply.status(201).send(await publishCourse(p, actorOf(req), req.body)),
    );
    app.post(
      '/childcare/training/courses/:id/attempts',
      { schema: { tags, summary: 'Start a timed exam of the course for a staff member; the questions come without their answers', params: idParam, body: attemptStart, response: { 201: attemptView } } },
      async (req, reply) => reply.status(201).send(await startAttempt(p, actorOf(req), req.params.id, req.body.staffId)),
    );
    app.post(
      '/childcare/training/attempts/:id/submit',
      { schema: { tags, summary: 'Hand in the answers (index of the chosen option, null for none); scored at once, a pass issues a certificate', params: idParam, body: attemptSubmit, response: { 200: attemptResult } } },
      async (req) => submitAttempt(p, actorOf(req), req.params.id, req.body.answers),
    );
    app.get(
      '/childcare/training/certificates',
      { schema: { tags, summary: 'Training certificates issued in scope', response: { 200: z.array(trainingCertificateView) } } },
      async (req) => listTrainingCertificates(p, actorOf(req)),
    );
    app.get(
      '/public/training-certificates/:code',
      { schema: { tags, summary: 'Check a training certificate by its verification code (no login; the holder’s name masked)', params: z.object({ code: z.string().max(40) }), response: { 200: certificateCheck } } },
      async (req) => checkCertificate(p, req.params.code),
    );
  };
}
