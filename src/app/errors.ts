/**
 * The one error type of the platform. `code` is stable and machine-readable; messages are
 * rendered by the error handler in the caller's language from i18n keys (namespace
 * `errors`), so no code ever matches on message text.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'bad_request'
  | 'too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  bad_request: 400,
  too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  headers_too_large: 431,
  internal: 500,
};

/** A problem with one input field: `key` is an i18n key under `errors:field.`. */
export interface FieldIssue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[];
  readonly params: Record<string, string | number>;
  /** The i18n key of the overall message under `errors:`; defaults to the code. */
  readonly messageKey: string;

  constructor(
    code: ErrorCode,
    opts: { fields?: FieldIssue[]; params?: Record<string, string | number>; messageKey?: string } = {},
  ) {
    super(opts.messageKey ?? code);
    this.code = code;
    this.status = STATUS[code];
    this.fields = opts.fields ?? [];
    this.params = opts.params ?? {};
    this.messageKey = opts.messageKey ?? code;
  }

  static validation(fields: FieldIssue[]): AppError {
    return new AppError('validation', { fields });
  }

  static field(field: string, key: string, params?: Record<string, string | number>): AppError {
    return new AppError('validation', { fields: [{ field, key, params }] });
  }

  static notFound(): AppError {
    return new AppError('not_found');
  }

  static forbidden(): AppError {
    return new AppError('forbidden');
  }

  static conflict(field?: string, key?: string): AppError {
    return new AppError('conflict', { fields: field && key ? [{ field, key }] : [] });
  }
}
