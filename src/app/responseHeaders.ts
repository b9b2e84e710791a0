import type { FastifyInstance } from 'fastify';
import { isSecureRequest } from './clientAddress.ts';

/** Helmet's default HSTS: a year, subdomains included. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The only /api answers a cache may keep: the API documentation's own script and style files. */
const CACHEABLE_API = /^\/api\/docs\/static\//;

/**
 * Headers that depend on the request, added once for every route:
 * - over TLS only (see isSecureRequest), Strict-Transport-Security and the content security
 *   policy's upgrade-insecure-requests — sent over plain HTTP they would point a browser at an
 *   HTTPS server that may not exist;
 * - `Cache-Control: no-store` on every /api answer (people, children's records, case files,
 *   exports, refusals alike), so no browser or proxy cache keeps personal data.
 * Registered after helmet, whose headers these amend.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!isSecureRequest(req)) return;
    reply.raw.setHeader('strict-transport-security', HSTS);
    const csp = reply.raw.getHeader('content-security-policy');
    if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) {
      reply.raw.setHeader('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.url;
    if ((url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) && !CACHEABLE_API.test(url)) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
