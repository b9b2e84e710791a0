import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Actor } from './scope.ts';
import { pickLocale, type Locale } from '../i18n/index.ts';
import type { Platform } from './context.ts';
import { clientAddress, isSecureRequest } from './clientAddress.ts';

export const SESSION_COOKIE = 'kangyu_session';
export const LOCALE_COOKIE = 'kangyu_lang';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    locale: Locale;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Turns a session token into its actor, or null when the session is unknown, expired or
 * revoked. The access module supplies it; the app layer never imports a module.
 */
export type SessionResolver = (token: string, address: string) => Promise<{ actor: Actor; csrfToken: string } | null>;

/**
 * Resolves the session cookie to an actor on every request and enforces CSRF protection
 * (a per-session token echoed in the X-CSRF-Token header) on every state-changing request
 * made with a session.
 */
export function registerAuth(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (req) => {
    const cookies = req.cookies as Record<string, string | undefined>;
    req.locale = pickLocale(cookies[LOCALE_COOKIE], req.headers['accept-language']);
    const token = cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await resolveSession(token, clientAddress(req));
    if (!found) return;
    req.actor = found.actor;
    req.csrfToken = found.csrfToken;
    if (!req.headers['accept-language'] && !cookies[LOCALE_COOKIE]) req.locale = found.actor.locale;
  });

  app.addHook('preHandler', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.actor || !req.csrfToken) return;
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !timingSafeEqual(sent, req.csrfToken)) throw new AppError('csrf');
  });
}

function timingSafeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** The signed-in actor of a request, or 401. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, platform: Platform, token: string, expires: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: platform.config.secureCookies || isSecureRequest(reply.request),
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
