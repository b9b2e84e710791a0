import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Platform } from './context.ts';
import { registerAuth } from './auth.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler, renderError } from './error-handler.ts';
import { trustProxyOption } from './clientAddress.ts';
import { registerResponseHeaders } from './responseHeaders.ts';
import { requestLogSerializer } from './requestLog.ts';
import { AppError } from './errors.ts';
import { registerTextInputCheck, validatorCompiler } from './validation.ts';
import { accessRoutes, actorForSession } from '../modules/access/index.ts';
import { orgRoutes } from '../modules/org/index.ts';
import { peopleRoutes } from '../modules/people/index.ts';
import { importRoutes } from '../modules/imports/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { guardianshipRoutes } from '../modules/guardianship/index.ts';
import { healthRoutes } from '../modules/health/index.ts';
import { subsidyRoutes } from '../modules/subsidies/index.ts';
import { gradingRoutes } from '../modules/grading/index.ts';
import { supervisionRoutes } from '../modules/supervision/index.ts';
import { admissionRoutes } from '../modules/admission/index.ts';
import { familyRoutes } from '../modules/family/index.ts';
import { childcareRoutes } from '../modules/childcare/index.ts';
import { indicatorRoutes } from '../modules/indicators/index.ts';
import { geoRoutes } from '../modules/geo/index.ts';
import { protectionRoutes } from '../modules/protection/index.ts';
import { elderlyRoutes } from '../modules/elderly/index.ts';
import { homecareRoutes } from '../modules/homecare/index.ts';
import { feedRoutes } from '../modules/feeds/index.ts';
import { insuranceRoutes } from '../modules/insurance/index.ts';
import { welfareRoutes } from '../modules/welfare/index.ts';

/** How an upload route's form appears in the API document: one file in the field "file". */
const UPLOAD_FORM = { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] };

export const WEB_DIR = path.resolve(import.meta.dirname, '../../dist/web');

export interface AppOptions {
  logger?: boolean;
  /** Where the log goes when `logger` is on (standard output by default). */
  logStream?: NodeJS.WritableStream;
  /** Serve the built web app from this directory (default dist/web when it exists). */
  webDir?: string | null;
}

/** Every module's routes, mounted under /api. A new module adds one line here. */
const MODULE_ROUTES = [accessRoutes, orgRoutes, peopleRoutes, importRoutes, auditRoutes, guardianshipRoutes, healthRoutes, childcareRoutes, subsidyRoutes, gradingRoutes, supervisionRoutes, admissionRoutes, familyRoutes, indicatorRoutes, geoRoutes, protectionRoutes, feedRoutes, elderlyRoutes, homecareRoutes, insuranceRoutes, welfareRoutes];

export async function buildApp(p: Platform, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: p.config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
          serializers: { req: requestLogSerializer },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    // Forwarding headers count only from the configured proxies (src/app/clientAddress.ts).
    trustProxy: trustProxyOption(p.config),
    bodyLimit: 2 * 1024 * 1024,
    // What the router and the HTTP parser refuse, answered in the error shape too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  registerTextInputCheck(app);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Added per request over TLS only, with HSTS (src/app/responseHeaders.ts).
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  registerResponseHeaders(app);
  await app.register(cookie);
  // For routes that declare config.rateLimit; login and ID-number lookups have their own limits.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  registerErrorHandler(app);
  registerAuth(app, (token, address) => actorForSession(p, token, address));

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kangyu 康育 API',
        version: '0.1.0',
        description:
          'The HTTP API of Kangyu. Sign in with POST /api/auth/login; the session is an httpOnly cookie. ' +
          'Send the csrfToken from the login response (or GET /api/auth/me) in the X-CSRF-Token header on every ' +
          'POST, PUT, PATCH and DELETE. Errors have one shape: {error: {code, message, fields: [{field, code, message}]}}, ' +
          'with messages in the language of Accept-Language (zh-CN by default, en-US).',
      },
      servers: [],
    },
    transform: (route) => {
      const out = jsonSchemaTransform(route);
      const consumes = (route.schema as { consumes?: string[] } | undefined)?.consumes;
      if (!consumes?.includes('multipart/form-data') || (out.schema as { body?: unknown } | undefined)?.body) return out;
      return { ...out, schema: { ...out.schema, body: UPLOAD_FORM } };
    },
  });
  // In production the API documentation is for signed-in users only.
  const docsHook = async (req: FastifyRequest) => {
    if (p.config.mode === 'production' && !req.actor) throw new AppError('unauthenticated');
  };
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: docsHook } });

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          schema: {
            tags: ['platform'],
            summary: 'Liveness and the database mode',
            response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
          },
        },
        async () => {
          await p.db.rows(sql`SELECT 1`);
          return { status: 'ok' as const, db: p.db.kind };
        },
      );
      api.get('/openapi.json', { schema: { hide: true }, onRequest: docsHook }, async () => app.swagger());
      for (const routes of MODULE_ROUTES) await api.register(routes(p));
    },
    { prefix: '/api' },
  );

  const webDir = opts.webDir === undefined ? WEB_DIR : opts.webDir;
  const indexHtml = webDir && fs.existsSync(path.join(webDir, 'index.html')) ? fs.readFileSync(path.join(webDir, 'index.html')) : null;
  if (indexHtml) await app.register(fastifyStatic, { root: webDir!, wildcard: false, index: false });
  // Unknown API paths get the error shape; any other GET is a page of the single-page app.
  app.setNotFoundHandler((req, reply) => {
    if (indexHtml && req.method === 'GET' && !req.url.startsWith('/api/')) {
      void reply.type('text/html').send(indexHtml);
      return;
    }
    void reply.status(404).send(renderError(AppError.notFound(), req.locale));
  });
  return app;
}
