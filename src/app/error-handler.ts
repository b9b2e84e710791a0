import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { translator } from '../i18n/index.ts';

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

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    let err: AppError;
    if (raw instanceof AppError) err = raw;
    else if ((raw as FastifyError).statusCode === 429) err = new AppError('rate_limited', { params: { minutes: 15 } });
    else if ((raw as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || (raw as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (raw as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || raw instanceof SyntaxError)
      err = AppError.field('_', 'malformedBody');
    else if ((raw as FastifyError).statusCode === 413) err = AppError.field('_', 'tooLarge');
    else {
      req.log.error({ err: raw }, 'unhandled error');
      err = new AppError('internal');
    }
    void reply.status(err.status).send(renderError(err, req.locale));
  });
}
