import { describe, expect, it } from 'vitest';
import { describeError, loggableError } from './errorLog.ts';

/** What drizzle throws for a failed statement: the SQL and its values in the message, the database's error as the cause. */
function failedStatement(value: string) {
  const cause = Object.assign(new Error(`invalid input syntax for type uuid: "${value}"`), { code: '22P02', severity: 'ERROR', routine: 'string_to_uuid', detail: value });
  return Object.assign(new Error(`Failed query: select $1::uuid\nparams: ${value}`), { query: 'select $1::uuid', params: [value], cause });
}

describe('errors written down', () => {
  it('keep the SQLSTATE and where, never a value of the failed statement', () => {
    const value = '330602198508080311';
    const logged = loggableError(failedStatement(value));
    expect(logged).toMatchObject({ type: 'DatabaseError', sqlState: '22P02', routine: 'string_to_uuid' });
    expect(JSON.stringify(logged)).not.toContain(value);
    expect(describeError(failedStatement(value))).toBe('database error 22P02');
  });

  it('keep the message of an error that is not the database’s', () => {
    expect(loggableError(new TypeError('x is not a function'))).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
  });
});
