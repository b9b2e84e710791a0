/**
 * The ledger's guarantees on the real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): random sequences of issues, spends, expiries, holds, captures and
 * releases, with repeated keys and concurrent requests, never take a person below zero,
 * every transaction sums to zero, a stored balance equals its entries, and a repeated key
 * moves nothing twice (elderly-services.md, "Ledger invariants a test should check").
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { testPlatform } from '../../../test/support/platform.ts';
import { personFixture } from '../../../test/support/homecare.ts';
import { systemActor } from '../../app/scope.ts';
import { AppError } from '../../app/errors.ts';
import { captureHold, personAccount, placeHold, postMovement, releaseHold, systemAccount, type AccountRow } from './ledger.ts';

const p = await testPlatform();
const actor = systemActor('ledger-test');
const COUNTY = '330602';
const people = [await personFixture(p), await personFixture(p), await personFixture(p)];

async function invariants(): Promise<void> {
  const unbalanced = await p.db.rows<{ txn_id: string }>(sql`SELECT txn_id FROM homecare_ledger_entries GROUP BY txn_id HAVING sum(amount) <> 0 OR count(*) <> 2`);
  expect(unbalanced).toEqual([]);
  const drift = await p.db.rows(sql`
    SELECT a.id FROM homecare_accounts a
    LEFT JOIN (SELECT account_id, sum(amount) AS s FROM homecare_ledger_entries GROUP BY account_id) e ON e.account_id = a.id
    LEFT JOIN (SELECT account_id, sum(amount) AS h FROM homecare_holds WHERE status = 'held' GROUP BY account_id) h ON h.account_id = a.id
    WHERE a.balance <> coalesce(e.s, 0) OR a.held <> coalesce(h.h, 0)`);
  expect(drift).toEqual([]);
  const negative = await p.db.rows(sql`SELECT id FROM homecare_accounts WHERE owner = 'person' AND (balance < 0 OR balance < held)`);
  expect(negative).toEqual([]);
  const zeroAmounts = await p.db.rows(sql`SELECT id FROM homecare_ledger_entries WHERE amount = 0`);
  expect(zeroAmounts).toEqual([]);
  // Per programme and county: issued = spent − refunded + expired + outstanding.
  const [card] = await p.db.rows<{ issued: number; settled: number; expired: number; outstanding: number }>(sql`
    SELECT coalesce(-sum(balance) FILTER (WHERE system_code = 'issue'), 0)::float8 AS issued,
           coalesce(sum(balance) FILTER (WHERE system_code = 'settlement'), 0)::float8 AS settled,
           coalesce(sum(balance) FILTER (WHERE system_code = 'expiry'), 0)::float8 AS expired,
           coalesce(sum(balance) FILTER (WHERE owner = 'person'), 0)::float8 AS outstanding
    FROM homecare_accounts WHERE currency = 'card'`);
  expect(card.issued).toBe(card.settled + card.expired + card.outstanding);
}

async function cardAccounts(): Promise<{ person: AccountRow[]; issue: AccountRow; settlement: AccountRow; expiry: AccountRow }> {
  return p.db.transaction(async (tx) => ({
    person: await Promise.all(people.map((x) => personAccount(tx, 'card', x.id, x.unitCode))),
    issue: await systemAccount(tx, 'card', 'issue', COUNTY),
    settlement: await systemAccount(tx, 'card', 'settlement', COUNTY),
    expiry: await systemAccount(tx, 'card', 'expiry', COUNTY),
  }));
}

async function balanceOf(id: string): Promise<{ balance: number; held: number }> {
  const [a] = await p.db.rows<{ balance: number; held: number }>(sql`SELECT balance::float8 AS balance, held::float8 AS held FROM homecare_accounts WHERE id = ${id}`);
  return a;
}

type Movement = { type: 'issue' | 'spend' | 'expiry'; who: number; amount: number; key: number };
type Op = Movement | { type: 'hold'; who: number; amount: number; key: number } | { type: 'capture' | 'release'; key: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constantFrom('issue' as const, 'spend' as const, 'expiry' as const), who: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 5000 }), key: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ type: fc.constant('hold' as const), who: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 3000 }), key: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ type: fc.constantFrom('capture' as const, 'release' as const), key: fc.integer({ min: 0, max: 4 }) }),
);

/** Runs one operation; returns whether it was refused (an AppError) rather than applied. */
async function run(op: Op, run: number, acc: Awaited<ReturnType<typeof cardAccounts>>): Promise<'ok' | 'refused'> {
  try {
    await p.db.transaction(async (tx) => {
      if (op.type === 'hold') {
        await placeHold(tx, actor, { accountId: acc.person[op.who].id, amount: op.amount, idempotencyKey: `r${run}:hold:${op.key}`, unitCode: people[op.who].unitCode });
      } else if (op.type === 'capture' || op.type === 'release') {
        const [h] = await p.db.rows<{ id: string }>(sql`SELECT id FROM homecare_holds WHERE idempotency_key = ${`r${run}:hold:${op.key}`}`, tx);
        if (!h) throw new AppError('not_found');
        if (op.type === 'capture') await captureHold(tx, actor, 'test', h.id, null);
        else await releaseHold(tx, actor, h.id);
      } else {
        op = op as Movement;
        const person = acc.person[op.who].id;
        const [debit, credit] = op.type === 'issue' ? [acc.issue.id, person] : op.type === 'spend' ? [person, acc.settlement.id] : [person, acc.expiry.id];
        await postMovement(tx, actor, 'test', { kind: op.type, amount: op.amount, debitAccountId: debit, creditAccountId: credit, idempotencyKey: `r${run}:${op.type}:${op.key}`, unitCode: people[op.who].unitCode });
      }
    });
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return 'refused';
    throw err;
  }
}

/** The same operations on plain numbers: what the ledger must end with when they run one by one. */
function model(ops: Op[], start: { balance: number; held: number }[]): number[] {
  const balance = start.map((s) => s.balance);
  const held = start.map((s) => s.held);
  const keys = new Map<string, string>();
  const holds = new Map<number, { who: number; amount: number; status: 'held' | 'captured' | 'released' }>();
  for (const op of ops) {
    if (op.type === 'hold') {
      const h = holds.get(op.key);
      if (h) continue;
      if (balance[op.who] - held[op.who] < op.amount) continue;
      holds.set(op.key, { who: op.who, amount: op.amount, status: 'held' });
      held[op.who] += op.amount;
    } else if (op.type === 'capture' || op.type === 'release') {
      const h = holds.get(op.key);
      if (!h || h.status !== 'held') continue;
      held[h.who] -= h.amount;
      if (op.type === 'capture') balance[h.who] -= h.amount;
      h.status = op.type === 'capture' ? 'captured' : 'released';
    } else {
      const mv = op as Movement;
      const key = `${mv.type}:${mv.key}`;
      if (keys.has(key)) continue;
      if (mv.type !== 'issue' && balance[mv.who] - held[mv.who] < mv.amount) continue;
      keys.set(key, `${mv.who}:${mv.amount}`);
      balance[mv.who] += mv.type === 'issue' ? mv.amount : -mv.amount;
    }
  }
  return balance.map((b, i) => b - start[i].balance);
}

let runs = 0;

describe('the care-card ledger on the database', () => {
  it('applies random sequences with repeated keys exactly as the model does, and keeps every invariant', async () => {
    const acc = await cardAccounts();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        runs += 1;
        const before = await Promise.all(acc.person.map((a) => balanceOf(a.id)));
        for (const op of ops) await run(op, runs, acc);
        const after = await Promise.all(acc.person.map((a) => balanceOf(a.id)));
        const expected = model(ops, before);
        expect(after.map((a, i) => a.balance - before[i].balance)).toEqual(expected);
        await invariants();
      }),
      { numRuns: 25 },
    );
  });

  it('of n concurrent spends of a against a balance b, exactly ⌊b / a⌋ succeed and the balance never goes below zero', async () => {
    const acc = await cardAccounts();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 2, max: 12 }), async (b, a, n) => {
        runs += 1;
        const who = 1;
        const { balance, held } = await balanceOf(acc.person[who].id);
        const start = balance - held;
        // Spend down what earlier cases left available, then issue exactly b.
        if (start > 0) expect(await run({ type: 'expiry', who, amount: start, key: 99 }, runs, acc)).toBe('ok');
        expect(await run({ type: 'issue', who, amount: b, key: 98 }, runs, acc)).toBe('ok');
        const results = await Promise.all(Array.from({ length: n }, (_, k) => run({ type: 'spend', who, amount: a, key: 100 + k }, runs, acc)));
        expect(results.filter((r) => r === 'ok').length).toBe(Math.min(n, Math.floor(b / a)));
        expect((await balanceOf(acc.person[who].id)).balance).toBe(held + b - a * Math.min(n, Math.floor(b / a)));
        await invariants();
      }),
      { numRuns: 12 },
    );
  });

  it('moves a key once when the same request arrives many times at once', async () => {
    const acc = await cardAccounts();
    runs += 1;
    const { balance: before, held: heldBefore } = await balanceOf(acc.person[2].id);
    const results = await Promise.all(Array.from({ length: 8 }, () => run({ type: 'issue', who: 2, amount: 777, key: 1 }, runs, acc)));
    expect(results.every((r) => r === 'ok')).toBe(true);
    expect((await balanceOf(acc.person[2].id)).balance).toBe(before + 777);
    const [{ n }] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM homecare_ledger_txns WHERE idempotency_key = ${`r${runs}:issue:1`}`);
    expect(n).toBe(1);
    // The same key with another amount is refused.
    expect(await run({ type: 'issue', who: 2, amount: 778, key: 1 }, runs, acc)).toBe('refused');
    // Two holds on the same key, then capture and release racing: the hold resolves once.
    const holdResults = await Promise.all([run({ type: 'hold', who: 2, amount: 500, key: 0 }, runs, acc), run({ type: 'hold', who: 2, amount: 500, key: 0 }, runs, acc)]);
    expect(holdResults).toEqual(['ok', 'ok']);
    expect((await balanceOf(acc.person[2].id)).held).toBe(heldBefore + 500);
    const race = await Promise.all([run({ type: 'capture', key: 0 }, runs, acc), run({ type: 'release', key: 0 }, runs, acc)]);
    expect(race.filter((r) => r === 'ok').length).toBe(1);
    const after = await balanceOf(acc.person[2].id);
    expect(after.held).toBe(heldBefore);
    expect([before + 777, before + 277]).toContain(after.balance);
    await invariants();
  });

  it('refuses in the database what the code would refuse: a negative balance, an unbalanced or edited entry', async () => {
    const acc = await cardAccounts();
    const id = acc.person[0].id;
    const { balance } = await balanceOf(id);
    await expect(p.db.rows(sql`UPDATE homecare_accounts SET balance = -1 WHERE id = ${id}`)).rejects.toThrow();
    await expect(
      p.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO homecare_ledger_txns (id, unit_code, currency, kind, idempotency_key, request_hash, amount, created_by_name) VALUES ('019a0000-0000-7000-8000-000000000001', ${COUNTY}, 'card', 'spend', 'raw-spend', 'x', ${balance + 1}, 'raw')`);
        await tx.execute(sql`INSERT INTO homecare_ledger_entries (txn_id, account_id, unit_code, amount) VALUES ('019a0000-0000-7000-8000-000000000001', ${id}, ${COUNTY}, ${-(balance + 1)}), ('019a0000-0000-7000-8000-000000000001', ${acc.settlement.id}, ${COUNTY}, ${balance + 1})`);
      }),
    ).rejects.toThrow();
    await expect(
      p.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO homecare_ledger_txns (id, unit_code, currency, kind, idempotency_key, request_hash, amount, created_by_name) VALUES ('019a0000-0000-7000-8000-000000000002', ${COUNTY}, 'card', 'issue', 'raw-issue', 'x', 5, 'raw')`);
        await tx.execute(sql`INSERT INTO homecare_ledger_entries (txn_id, account_id, unit_code, amount) VALUES ('019a0000-0000-7000-8000-000000000002', ${id}, ${COUNTY}, 5)`);
      }),
    ).rejects.toThrow();
    await expect(p.db.rows(sql`UPDATE homecare_ledger_entries SET amount = amount + 1`)).rejects.toThrow();
    await expect(p.db.rows(sql`DELETE FROM homecare_ledger_txns`)).rejects.toThrow();
    expect((await balanceOf(id)).balance).toBe(balance);
    await invariants();
  });
});
