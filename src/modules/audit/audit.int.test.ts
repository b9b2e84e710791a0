import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { cliDatabase } from '../../../test/support/cli.ts';
import { composeIdNumber } from '../people/idNumber.ts';
import { verifyAuditChain } from './service.ts';

const { p, app } = await testApp();

/** Simulates someone with direct database access altering history behind the platform's back. */
async function tamper(statement: ReturnType<typeof sql>) {
  await p.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });
}

describe('the audit chain', () => {
  it('records sign-ins, changes and sensitive reads, and verifies intact', async () => {
    const s = await signIn(app, 'tashan-staff');
    const created = (await s.post('/api/people', { name: '审计对象', idNumber: composeIdNumber('330602', '2023-04-04', 33), unitCode: '330602001004' })).json();
    await s.post(`/api/people/${created.id}/id-number`);
    const actions = (await p.db.rows<{ action: string }>(sql`SELECT action FROM audit_log ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['seed', 'auth.login', 'people.create', 'people.reveal_id_number']));
    const res = await verifyAuditChain(p.db);
    expect(res.firstBreak).toBeNull();
    expect(res.head.seq).toBe(actions.length);
  });

  it('refuses updates and deletes through the database', async () => {
    const causeOf = (q: Promise<unknown>) => q.then(() => '', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(await causeOf(p.db.rows(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`))).toMatch(/append-only/);
    expect(await causeOf(p.db.rows(sql`DELETE FROM audit_log WHERE seq = 1`))).toMatch(/append-only/);
  });

  it('finds an altered row', async () => {
    await tamper(sql`UPDATE audit_log SET detail = '{"rows": 0}'::jsonb WHERE seq = 3`);
    const res = await verifyAuditChain(p.db);
    expect(res.firstBreak).toEqual({ seq: 3, reason: 'hash' });
    expect(res.head.seq).toBe(2);
  });
});

const cli = await cliDatabase();
afterAll(() => cli.dispose());

describe('kangyu audit verify', () => {
  it('reports an intact chain, then the first broken link after a row is deleted', async () => {
    const ok = cli.run(['audit', 'verify']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/audit chain intact: \d+ rows/);

    const db = await cli.open();
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      await tx.execute(sql`DELETE FROM audit_log WHERE seq = 4`);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    });
    await db.db.close();

    const broken = cli.run(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BROKEN at seq 4: row missing (deleted)');
  });
});
