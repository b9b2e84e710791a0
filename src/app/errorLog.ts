/**
 * What of an unexpected error may be written down (the log, an import run's error, the
 * command line). A failed statement's error carries the statement's values: drizzle puts the
 * SQL and its parameters into the message of its DrizzleQueryError, and the database's own
 * message often quotes the offending value (`invalid input syntax for type uuid: "…"`), so an
 * ID number or a child's name would land in the log in plain text. Of a database error only
 * the SQLSTATE, the names of the table, column and constraint, and the stack frames are kept.
 */
import { databaseError } from '../db/errors.ts';

/** Whether `err` came from running a statement (with or without the database's own error). */
function fromStatement(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ('params' in e || 'parameters' in e || 'query' in e) return true;
  }
  return databaseError(err) !== null;
}

/** Only the "    at …" lines of a stack: where it happened, not what the message said. */
function frames(err: unknown): string | undefined {
  const stack = (err as { stack?: unknown })?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** An error as a log object that holds no submitted value. */
export function loggableError(err: unknown): Record<string, unknown> {
  if (fromStatement(err)) {
    const db = databaseError(err);
    return {
      type: 'DatabaseError',
      sqlState: db?.code,
      severity: db?.severity,
      table: db?.table ?? db?.table_name,
      column: db?.column ?? db?.column_name,
      constraint: db?.constraint ?? db?.constraint_name,
      routine: db?.routine,
      stack: frames(err),
    };
  }
  if (err instanceof Error) {
    return { type: err.name, message: err.message, stack: err.stack, ...(err.cause ? { cause: loggableError(err.cause) } : {}) };
  }
  return { type: typeof err };
}

/** One line about an error, holding no submitted value. */
export function describeError(err: unknown): string {
  if (fromStatement(err)) {
    const db = databaseError(err);
    return `database error ${db?.code ?? ''}`.trim() + (db?.constraint ?? db?.constraint_name ? ` (${db.constraint ?? db.constraint_name})` : '');
  }
  return err instanceof Error ? err.message : String(err);
}
