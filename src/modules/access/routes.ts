import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../app/auth.ts';
import { idParam, ok, page, paged, text, unitCode } from '../../app/schemas.ts';
import type { Platform } from '../../app/context.ts';
import { clientAddress } from '../../app/clientAddress.ts';
import { MODES } from '../../config.ts';
import { LOGIN_LIMITS, loginLimiter } from './loginLimiter.ts';
import { locale, me, role, userView } from './contract.ts';
import { createUser, currentUser, deactivateUser, listUsers, login, logout, setLocale, updateUser, resetPassword, reactivateUser } from './service.ts';

/** Failed logins per account before a pause (see loginLimiter.ts for the per-address limit). */
export const LOGIN_ATTEMPTS = LOGIN_LIMITS.perAccount;

export function accessRoutes(p: Platform): FastifyPluginAsyncZod {
  return async (app) => {
    const limits = loginLimiter();

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
          body: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }),
          response: { 200: me },
        },
      },
      async (req, reply) => {
        const ip = clientAddress(req);
        const attempt = limits.begin(ip, req.body.username);
        const res = await login(p, req.body, { ip, userAgent: req.headers['user-agent'] });
        attempt.succeeded();
        setSessionCookie(reply, p, res.token, res.expires);
        return { user: res.user, permissions: res.permissions, csrfToken: res.csrfToken };
      },
    );

    app.get(
      '/auth/config',
      {
        schema: {
          tags: ['auth'],
          summary: 'How this deployment runs, for the login page: demo (demo accounts and banner) or production',
          response: { 200: z.object({ mode: z.enum(MODES) }) },
        },
      },
      async () => ({ mode: p.config.mode }),
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 200: ok } } },
      async (req, reply) => {
        const actor = actorOf(req);
        await logout(p, actor, (req.cookies as Record<string, string>)[SESSION_COOKIE]);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'The signed-in user, their permissions and CSRF token', response: { 200: me } } },
      async (req) => ({ ...(await currentUser(p, actorOf(req))), csrfToken: req.csrfToken! }),
    );

    app.put(
      '/auth/me/locale',
      {
        schema: { tags: ['auth'], summary: 'Save the user’s interface language', body: z.object({ locale }), response: { 200: ok } },
      },
      async (req) => {
        await setLocale(p, actorOf(req), req.body.locale);
        return { ok: true as const };
      },
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Users within the caller’s scope',
          querystring: page.extend({
            q: z.string().trim().max(40).optional(),
            role: role.optional(),
            active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          }),
          response: { 200: paged(userView) },
        },
      },
      async (req) => listUsers(p, actorOf(req), req.query as Parameters<typeof listUsers>[2]),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a user with a role and an admin scope inside the caller’s scope',
          body: z.object({
            username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/),
            displayName: text(40),
            password: z.string().min(10).max(200),
            role,
            unitCode,
            locale: locale.optional(),
          }),
          response: { 201: userView },
        },
      },
      async (req, reply) => {
        const created = await createUser(p, actorOf(req), req.body as Parameters<typeof createUser>[2]);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/users/:id/deactivate',
      { schema: { tags: ['users'], summary: 'Deactivate a user and end their sessions', params: idParam, response: { 200: userView } } },
      async (req) => deactivateUser(p, actorOf(req), req.params.id),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change a user’s name, role or scope; a change of role or scope ends their sessions',
          params: idParam,
          body: z.object({ displayName: text(40).optional(), role: role.optional(), unitCode: unitCode.optional() }).strict(),
          response: { 200: userView },
        },
      },
      async (req) => updateUser(p, actorOf(req), req.params.id, req.body as Parameters<typeof updateUser>[3]),
    );

    app.post(
      '/users/:id/password',
      { schema: { tags: ['users'], summary: 'Set a new password for a user and end their sessions', params: idParam, body: z.object({ password: z.string().min(10).max(200) }).strict(), response: { 200: userView } } },
      async (req) => resetPassword(p, actorOf(req), req.params.id, req.body.password),
    );

    app.post(
      '/users/:id/reactivate',
      { schema: { tags: ['users'], summary: 'Let a deactivated user sign in again', params: idParam, response: { 200: userView } } },
      async (req) => reactivateUser(p, actorOf(req), req.params.id),
    );
  };
}
