import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../app/auth.ts';
import { AppError } from '../../app/errors.ts';
import { idParam, page, paged } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { requirePermission } from '../../app/scope.ts';
import { uploadedFile, uploadFailure } from '../../app/upload.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import { toCsvRow } from '../../app/csv.ts';
import { translator } from '../../i18n/index.ts';
import { assignOfficer, departmentOfUser, feedErrorReportCsv, getFeedRun, listFeedRuns, personFactsOf, runFeed, runFeedFile, type FeedRun } from './service.ts';
import { actorForKey, createApiKey, listApiKeys, revokeApiKey } from './keys.service.ts';
import { exportKeyGroups, listAlerts, listKeyGroups, updateAlert } from './groups.service.ts';
import { FACT_KINDS, KINDS, kindsOf } from './kinds.ts';
import { toInput } from './rows.ts';
import {
  alertQuery,
  alertUpdate,
  alertView,
  apiKeyView,
  factKind,
  feedCatalogue,
  feedRunView,
  feedTarget,
  keyGroupQuery,
  keyGroupRow,
  newApiKey,
  personFactsView,
  pushBody,
  department as departmentSchema,
} from './contract.ts';

function toView(r: FeedRun) {
  return { ...r, startedAt: new Date(r.startedAt).toISOString(), finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null };
}

export function feedRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/feeds/catalogue',
      { schema: { tags: ['feeds'], summary: 'The feed kinds, their columns and the caller’s department', response: { 200: feedCatalogue } } },
      async (req) => {
        const actor = actorOf(req);
        requirePermission(actor, 'feeds.upload');
        const department = await departmentOfUser(p.db.orm, actor.id);
        const kinds = department ? kindsOf(department) : actor.role === 'admin' ? [...FACT_KINDS] : [];
        return {
          department,
          kinds: kinds.map((k) => ({
            kind: k,
            departments: [...KINDS[k].departments],
            authoritative: KINDS[k].authoritative,
            columns: KINDS[k].columns.map((c) => ({ field: c.field, header: c.headers.find((h) => /[^\x00-\x7f]/.test(h)) ?? c.headers[0], required: c.required })),
          })),
        };
      },
    );

    app.get(
      '/feeds/template.csv',
      { schema: { tags: ['feeds'], summary: 'An empty feed file of a kind: its header row (CSV)', querystring: z.object({ kind: factKind }) } },
      async (req, reply) => {
        requirePermission(actorOf(req), 'feeds.upload');
        const header = KINDS[req.query.kind].columns.map((c) => c.headers.find((h) => /[^\x00-\x7f]/.test(h)) ?? c.headers[0]);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="feed-${req.query.kind}.csv"`)
          .send('\uFEFF' + toCsvRow(header) + '\r\n');
      },
    );

    app.post(
      '/feeds/upload',
      {
        schema: {
          tags: ['feeds'],
          summary: 'Upload a department’s feed file (CSV or .xlsx, multipart field "file") for one kind; answers with the finished run and its row counts.',
          consumes: ['multipart/form-data'],
          querystring: feedTarget,
          response: { 200: feedRunView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        requirePermission(actor, 'feeds.upload');
        const upload = await uploadedFile(req, { fileSize: 50 * 1024 * 1024 });
        const dir = path.join(p.config.dataDir, 'uploads');
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `${crypto.randomUUID()}.feed`);
        try {
          await pipeline(upload.file, fs.createWriteStream(tmp, { mode: 0o600 })).catch((err: unknown) => {
            throw uploadFailure(err);
          });
          if (upload.file.truncated) throw AppError.field('file', 'tooLarge');
          return toView(await runFeedFile(p, actor, tmp, { ...req.query, fileName: upload.filename }));
        } finally {
          fs.rmSync(tmp, { force: true });
        }
      },
    );

    app.post(
      '/feeds/push',
      {
        schema: {
          tags: ['feeds'],
          summary:
            'A department’s system pushes rows of one kind with its API key (header "Authorization: Bearer kyf_…"); fields by their English names. ' +
            'Answers with the run; its row errors are at GET /api/feeds/runs/{id}/errors.csv for the department’s data officer.',
          body: pushBody,
          response: { 200: feedRunView },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req) => {
        const auth = req.headers.authorization;
        const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
        const { actor, key } = await actorForKey(p, token);
        const body = req.body;
        const digest = crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex');
        async function* records() {
          for (const [i, r] of body.rows.entries()) {
            const fields = Object.keys(r);
            yield { line: i + 1, input: toInput(fields, fields.map((f) => (r[f] === null || r[f] === undefined ? '' : String(r[f])))) };
          }
        }
        return toView(await runFeed(p, actor, { department: key.department, kind: body.kind, channel: 'api', apiKeyId: key.id, fileName: `api:${key.name}`, fileSha256: digest }, records()));
      },
    );

    app.get(
      '/feeds/runs',
      { schema: { tags: ['feeds'], summary: 'Feed runs in the caller’s scope', querystring: page, response: { 200: paged(feedRunView) } } },
      async (req) => {
        const res = await listFeedRuns(p, actorOf(req), req.query.page, req.query.pageSize);
        return { ...res, items: res.items.map(toView) };
      },
    );

    app.get('/feeds/runs/:id', { schema: { tags: ['feeds'], summary: 'One feed run', params: idParam, response: { 200: feedRunView } } }, async (req) =>
      toView(await getFeedRun(p, actorOf(req), req.params.id)),
    );

    app.get('/feeds/runs/:id/errors.csv', { schema: { tags: ['feeds'], summary: 'Row-level error report of a feed run (CSV)', params: idParam } }, async (req, reply) => {
      const csv = await feedErrorReportCsv(p, actorOf(req), req.params.id, req.locale);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="feed-${req.params.id}-errors.csv"`).send(csv);
    });

    app.put(
      '/feeds/officers/:id',
      { schema: { tags: ['feeds'], summary: 'Name the department a data officer (user id) sends feeds for', params: idParam, body: z.object({ department: departmentSchema }), response: { 200: z.object({ userId: z.string(), department: departmentSchema }) } } },
      async (req) => assignOfficer(p, actorOf(req), req.params.id, req.body.department),
    );

    app.get('/feeds/keys', { schema: { tags: ['feeds'], summary: 'API keys of the caller’s department and unit', response: { 200: z.array(apiKeyView) } } }, async (req) => listApiKeys(p, actorOf(req)));

    app.post(
      '/feeds/keys',
      { schema: { tags: ['feeds'], summary: 'Create an API key; the key itself is in this answer only', body: newApiKey, response: { 201: z.object({ key: apiKeyView, token: z.string() }) } } },
      async (req, reply) => reply.status(201).send(await createApiKey(p, actorOf(req), req.body)),
    );

    app.post('/feeds/keys/:id/revoke', { schema: { tags: ['feeds'], summary: 'Revoke an API key: pushes with it are refused from now on', params: idParam, response: { 200: apiKeyView } } }, async (req) =>
      revokeApiKey(p, actorOf(req), req.params.id),
    );

    app.get('/feeds/people/:id/facts', { schema: { tags: ['feeds'], summary: 'A person’s facts with the department and feed each came from (audited)', params: idParam, response: { 200: personFactsView } } }, async (req) =>
      personFactsOf(p, actorOf(req), req.params.id),
    );

    app.get('/feeds/alerts', { schema: { tags: ['feeds'], summary: 'Change alerts for the caller’s units', querystring: alertQuery, response: { 200: paged(alertView) } } }, async (req) =>
      listAlerts(p, actorOf(req), req.query),
    );

    app.post('/feeds/alerts/:id', { schema: { tags: ['feeds'], summary: 'Take up or close an alert (closing needs a note)', params: idParam, body: alertUpdate, response: { 200: alertView } } }, async (req) =>
      updateAlert(p, actorOf(req), req.params.id, req.body),
    );

    app.get('/feeds/key-groups', { schema: { tags: ['feeds'], summary: 'The key-group database (一老一小重点群体库), by group and unit', querystring: keyGroupQuery, response: { 200: paged(keyGroupRow) } } }, async (req) =>
      listKeyGroups(p, actorOf(req), req.query),
    );

    app.get(
      '/feeds/key-groups/export.xlsx',
      { schema: { tags: ['feeds'], summary: 'The key-group database as a spreadsheet', querystring: keyGroupQuery.omit({ page: true, pageSize: true }) } },
      async (req, reply) => {
        const rows = await exportKeyGroups(p, actorOf(req), req.query);
        const t = translator(req.locale);
        const xlsx = await toXlsx(t('feeds:keyGroups.title'), [
          { header: t('feeds:keyGroups.name'), value: (r) => r.name },
          { header: t('feeds:keyGroups.idMasked'), value: (r) => r.idMasked, width: 22 },
          { header: t('feeds:keyGroups.unit'), value: (r) => r.unitName, width: 20 },
          { header: t('feeds:keyGroups.birthDate'), value: (r) => r.birthDate },
          { header: t('feeds:keyGroups.groups'), value: (r) => r.groups.map((g) => t(`feeds:group.${g}`)).join('、'), width: 40 },
          { header: t('feeds:keyGroups.facts'), value: (r) => r.facts },
        ], rows);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="key-groups.xlsx"')
          .send(xlsx);
      },
    );
  };
}
