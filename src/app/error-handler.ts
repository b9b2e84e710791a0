import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { loggableError } from './errorLog.ts';
import { pickLocale, translator, type Locale } from '../i18n/index.ts';
import { LOCALE_COOKIE } from './auth.ts';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields: { field: string; code: string; message: string }[];
  };
}

/** Renders every failure in one shape, in the caller's language. */
export function renderError(err: AppError, locale: FastifyRequest['locale']): ErrorBody {
  const t = translator(locale);
  return {
    error: {
      code: err.code,
      message: t(`errors:${err.messageKey}`, err.params),
      fields: err.fields.map((f) => ({
        field: f.field,
        code: f.key,
        message: t(`errors:field.${f.key}`, { ...f.params, defaultValue: t('errors:field.invalid') }),
      })),
    },
  };
}

const MALFORMED_BODY = new Set(['FST_ERR_CTP_EMPTY_JSON_BODY', 'FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_INVALID_CONTENT_LENGTH']);
const UNSUPPORTED_TYPE = new Set(['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'FST_INVALID_MULTIPART_CONTENT_TYPE']);

/** The platform's error for what Fastify, its plugins or the HTTP parser refused; null for a fault of the platform. */
export function toAppError(raw: unknown): AppError | null {
  if (raw instanceof AppError) return raw;
  const e = raw as Partial<FastifyError>;
  if (e.statusCode === 429) return new AppError('rate_limited', { params: { minutes: 15 } });
  if (UNSUPPORTED_TYPE.has(e.code ?? '')) return new AppError('unsupported_media_type');
  if (MALFORMED_BODY.has(e.code ?? '') || raw instanceof SyntaxError) return AppError.field('_', 'malformedBody');
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError('uri_too_long');
  const status = e.statusCode ?? 0;
  if (status === 413) return new AppError('too_large');
  if (status === 401) return new AppError('unauthenticated');
  if (status === 403) return AppError.forbidden();
  if (status === 404) return AppError.notFound();
  if (status === 414) return new AppError('uri_too_long');
  if (status === 415) return new AppError('unsupported_media_type');
  if (status === 431) return new AppError('headers_too_large');
  if (status >= 400 && status < 500) return new AppError('bad_request');
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    let err = toAppError(raw);
    if (!err) {
      // Never the error itself: a failed statement's error holds the submitted values.
      req.log.error({ err: loggableError(raw) }, 'unhandled error');
      err = new AppError('internal');
    }
    void reply.status(err.status).send(renderError(err, req.locale));
  });
}

/**
 * Fastify's `frameworkErrors`: a URL that does not decode or a path parameter past the
 * router's limit, refused before any hook ran, so the language comes from the headers.
 */
export function frameworkErrors(raw: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const err = toAppError(raw) ?? new AppError('bad_request');
  void reply
    .status(err.status)
    .header('cache-control', 'no-store')
    .send(renderError(err, localeOfHeaders(req.headers)));
}

/** The caller's language from the language cookie or Accept-Language of raw headers. */
export function localeOfHeaders(headers: Record<string, string | string[] | undefined>): Locale {
  const cookie = String(headers.cookie ?? '');
  const chosen = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  const accept = headers['accept-language'];
  return pickLocale(chosen, Array.isArray(accept) ? accept[0] : accept);
}

/** The headers readable from the bytes of a request the HTTP parser refused. */
function headersOfRawPacket(packet: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Buffer.isBuffer(packet)) return headers;
  for (const line of packet.toString('latin1').split('\r\n').slice(1)) {
    const m = /^(accept-language|cookie):\s*(.*)$/i.exec(line);
    if (m) headers[m[1].toLowerCase()] = m[2];
  }
  return headers;
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request
 * — a URL or headers past the size limit (431), a malformed request (400), a timeout (408) —
 * answered in the error shape, in the language its headers asked for where they can be read.
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const appError = status === 431 ? new AppError('headers_too_large') : new AppError('bad_request');
  const body = JSON.stringify(renderError(appError, localeOfHeaders(headersOfRawPacket(err.rawPacket))));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
