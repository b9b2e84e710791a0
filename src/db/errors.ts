/**
 * The database's own errors, recognised by their SQLSTATE (PostgreSQL Appendix A, "Error
 * Codes") and never by their message: messages change with the server's version and
 * language, and quote the offending values.
 */

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
export const FOREIGN_KEY_VIOLATION = '23503';
export const SERIALIZATION_FAILURE = '40001';

/** The fields PGlite and postgres.js both give a database error. */
export interface DatabaseErrorFields {
  code: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  // postgres.js names them so
  table_name?: string;
  column_name?: string;
  constraint_name?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The database's error behind `err` (its own, or a cause's — drizzle wraps it), if it is one. */
export function databaseError(err: unknown): DatabaseErrorFields | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code) && 'severity' in e) return e as DatabaseErrorFields;
  }
  return null;
}

/** The SQLSTATE of the database error behind `err`, or null when it is not one. */
export function sqlState(err: unknown): string | null {
  return databaseError(err)?.code ?? null;
}

export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === UNIQUE_VIOLATION;
}
