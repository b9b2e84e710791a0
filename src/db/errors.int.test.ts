/**
 * Database errors are told apart by their SQLSTATE on both database modes, through drizzle's
 * wrapping and through COPY — the path the people import relies on to fall back.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testPlatform } from '../../test/support/platform.ts';
import { CHECK_VIOLATION, isUniqueViolation, sqlState, UNIQUE_VIOLATION } from './errors.ts';

const p = await testPlatform();
await p.db.orm.execute(sql`CREATE TABLE errors_probe (id int PRIMARY KEY, n int CHECK (n >= 0))`);
await p.db.orm.execute(sql`INSERT INTO errors_probe VALUES (1, 1)`);

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('the statement succeeded');
}

describe('database errors', () => {
  it('a duplicate key is a unique violation, through drizzle', async () => {
    const err = await failure(() => p.db.orm.execute(sql`INSERT INTO errors_probe VALUES (1, 2)`));
    expect(sqlState(err)).toBe(UNIQUE_VIOLATION);
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('a duplicate key is a unique violation, through COPY', async () => {
    const err = await failure(() => p.db.copyCsv('errors_probe', ['id', 'n'], '2,2\n1,3\n'));
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('a failed check is not a unique violation', async () => {
    const err = await failure(() => p.db.orm.execute(sql`INSERT INTO errors_probe VALUES (5, -1)`));
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
    expect(isUniqueViolation(err)).toBe(false);
  });

  it('an error that is not the database’s has no SQLSTATE', () => {
    expect(sqlState(new Error('duplicate key value violates unique constraint'))).toBeNull();
    expect(sqlState({ code: 'ENOENT' })).toBeNull();
  });
});
