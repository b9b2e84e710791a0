import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../app/auth.ts';
import { AppError } from '../../app/errors.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { requirePermission } from '../../app/scope.ts';
import { uploadedFile, uploadFailure } from '../../app/upload.ts';
import { loggableError } from '../../app/errorLog.ts';
import { errorReportCsv, getImportRun, listImportRuns, startPeopleImport, type ImportRun } from './service.ts';
import { importRunView } from './contract.ts';

function toView(r: ImportRun) {
  return {
    ...r,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  };
}

export function importRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/imports/people',
      {
        schema: {
          tags: ['imports'],
          summary:
            'Upload a people CSV (multipart field "file") and start its import. Answers 202 with the run at once; ' +
            'follow it with GET /api/imports/{id} (row counts grow as batches commit) until its status is done or failed.',
          consumes: ['multipart/form-data'],
          response: { 202: importRunView },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        requirePermission(actor, 'imports.run');
        const upload = await uploadedFile(req);
        const dir = path.join(p.config.dataDir, 'uploads');
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `${crypto.randomUUID()}.csv`);
        const discard = () => fs.rmSync(tmp, { force: true });
        let started: Awaited<ReturnType<typeof startPeopleImport>>;
        try {
          await pipeline(upload.file, fs.createWriteStream(tmp, { mode: 0o600 })).catch((err: unknown) => {
            throw uploadFailure(err);
          });
          if (upload.file.truncated) throw AppError.field('file', 'tooLarge');
          started = await startPeopleImport(p, actor, tmp, { fileName: upload.filename });
        } catch (err) {
          discard();
          throw err;
        }
        // The import goes on after the answer; its outcome is recorded on the run.
        started.done.catch((err: unknown) => req.log.warn({ err: loggableError(err), run: started.run.id }, 'import failed')).finally(discard);
        return reply.status(202).send(toView(started.run));
      },
    );

    app.get(
      '/imports',
      { schema: { tags: ['imports'], summary: 'Import runs in the caller’s scope', querystring: page, response: { 200: paged(importRunView) } } },
      async (req) => {
        const res = await listImportRuns(p, actorOf(req), req.query.page, req.query.pageSize);
        return { ...res, items: res.items.map(toView) };
      },
    );

    app.get(
      '/imports/:id',
      { schema: { tags: ['imports'], summary: 'One import run', params: idParam, response: { 200: importRunView } } },
      async (req) => toView(await getImportRun(p, actorOf(req), req.params.id)),
    );

    app.get(
      '/imports/:id/errors.csv',
      { schema: { tags: ['imports'], summary: 'Row-level error report of a run (CSV)', params: idParam } },
      async (req, reply) => {
        const csv = await errorReportCsv(p, actorOf(req), req.params.id, req.locale);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`)
          .send(csv);
      },
    );
  };
}
