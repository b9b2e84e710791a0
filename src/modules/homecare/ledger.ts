/**
 * The ledger's I/O: accounts, movements and holds, each inside the caller's database
 * transaction. Every movement first locks the rows of the accounts it touches (in id order,
 * so two movements never wait on each other in a circle), then looks up its idempotency key:
 * a repeat with the same payload returns the first result and moves nothing, the same key
 * with another payload is refused. Every movement and hold change is audited.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../app/scope.ts';
import { AppError } from '../../app/errors.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { MOVEMENTS, available, movementProblem, requestHash, type Currency, type MovementRequest, type SystemCode, type TxnKind } from './ledgerRules.ts';

export interface AccountRow {
  id: string;
  unitCode: string;
  currency: Currency;
  owner: 'person' | 'system';
  personId: string | null;
  systemCode: SystemCode | null;
  balance: number;
  held: number;
}

export interface TxnRow {
  id: string;
  unitCode: string;
  currency: Currency;
  kind: TxnKind;
  idempotencyKey: string;
  amount: number;
  memo: string | null;
  orderId: string | null;
  holdId: string | null;
  reversesTxnId: string | null;
  createdByName: string;
  createdAt: string;
}

export interface HoldRow {
  id: string;
  unitCode: string;
  accountId: string;
  amount: number;
  status: 'held' | 'captured' | 'released';
  idempotencyKey: string;
  orderId: string | null;
}

export interface PostResult {
  txn: TxnRow;
  /** True when the key had already moved: nothing moved this time. */
  replayed: boolean;
}

const ACCOUNT_COLS = sql`id, unit_code AS "unitCode", currency, owner, person_id AS "personId", system_code AS "systemCode", balance::float8 AS balance, held::float8 AS held`;
const TXN_COLS = sql`id, unit_code AS "unitCode", currency, kind, idempotency_key AS "idempotencyKey", amount::float8 AS amount, memo, order_id AS "orderId", hold_id AS "holdId",
  reverses_txn_id AS "reversesTxnId", created_by_name AS "createdByName", to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS "createdAt"`;
const HOLD_COLS = sql`id, unit_code AS "unitCode", account_id AS "accountId", amount::float8 AS amount, status, idempotency_key AS "idempotencyKey", order_id AS "orderId"`;

async function rows<T>(ex: Executor, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await ex.execute(q)) as unknown;
  return (Array.isArray(r) ? r : ((r as { rows?: T[] }).rows ?? [])) as T[];
}

/** A county's code from any unit code under it. */
export const countyOf = (unitCode: string): string => unitCode.slice(0, 6);

/** A person's account of a currency, opened on first use in the person's unit. */
export async function personAccount(ex: Executor, currency: Currency, personId: string, unitCode: string): Promise<AccountRow> {
  await ex.execute(sql`INSERT INTO homecare_accounts (id, unit_code, currency, owner, person_id) VALUES (${uuidv7()}, ${unitCode}, ${currency}, 'person', ${personId})
    ON CONFLICT (currency, person_id) WHERE owner = 'person' DO NOTHING`);
  const [a] = await rows<AccountRow>(ex, sql`SELECT ${ACCOUNT_COLS} FROM homecare_accounts WHERE owner = 'person' AND currency = ${currency} AND person_id = ${personId}`);
  return a;
}

/** A county's system account of a currency (government issue, settlement, expiry, service, redeem). */
export async function systemAccount(ex: Executor, currency: Currency, code: SystemCode, countyCode: string): Promise<AccountRow> {
  await ex.execute(sql`INSERT INTO homecare_accounts (id, unit_code, currency, owner, system_code) VALUES (${uuidv7()}, ${countyCode}, ${currency}, 'system', ${code})
    ON CONFLICT (currency, system_code, unit_code) WHERE owner = 'system' DO NOTHING`);
  const [a] = await rows<AccountRow>(ex, sql`SELECT ${ACCOUNT_COLS} FROM homecare_accounts WHERE owner = 'system' AND currency = ${currency} AND system_code = ${code} AND unit_code = ${countyCode}`);
  return a;
}

/** Locks the accounts' rows for the rest of the transaction, in id order; returns them by id. */
async function lockAccounts(ex: Executor, ids: string[]): Promise<Map<string, AccountRow>> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, AccountRow>();
  for (const id of sorted) {
    const [a] = await rows<AccountRow>(ex, sql`SELECT ${ACCOUNT_COLS} FROM homecare_accounts WHERE id = ${id} FOR UPDATE`);
    if (!a) throw AppError.notFound();
    out.set(id, a);
  }
  return out;
}

async function txnByKey(ex: Executor, key: string): Promise<(TxnRow & { requestHash: string }) | undefined> {
  const [t] = await rows<TxnRow & { requestHash: string }>(ex, sql`SELECT ${TXN_COLS}, request_hash AS "requestHash" FROM homecare_ledger_txns WHERE idempotency_key = ${key}`);
  return t;
}

export interface PostInput extends MovementRequest {
  idempotencyKey: string;
  /** The unit the movement belongs to (the person's unit). */
  unitCode: string;
  memo?: string | null;
}

/**
 * Posts one movement: two entries, −amount on the debit account and +amount on the credit
 * account. A person's debit must be covered by the available balance (balance less holds);
 * a captured hold is released in the same transaction before the spend posts.
 */
export async function postMovement(ex: Executor, actor: Pick<Actor, 'id' | 'username' | 'ip'>, actorName: string, m: PostInput, opts: { releasingHold?: HoldRow } = {}): Promise<PostResult> {
  const problem = movementProblem(m);
  if (problem) throw AppError.field('amount', problem);
  const accounts = await lockAccounts(ex, [m.debitAccountId, m.creditAccountId]);
  const hash = requestHash(m);
  const existing = await txnByKey(ex, m.idempotencyKey);
  if (existing) {
    if (existing.requestHash !== hash) throw AppError.conflict('idempotencyKey', 'homecare.keyReused');
    const { requestHash: _, ...txn } = existing;
    return { txn, replayed: true };
  }
  const debit = accounts.get(m.debitAccountId)!;
  const credit = accounts.get(m.creditAccountId)!;
  const spec = MOVEMENTS[m.kind];
  for (const [a, side] of [[debit, spec.debit], [credit, spec.credit]] as const) {
    if (a.currency !== spec.currency) throw AppError.field('amount', 'homecare.wrongAccount');
    if (side === 'person' ? a.owner !== 'person' : a.systemCode !== side) throw AppError.field('amount', 'homecare.wrongAccount');
  }
  const releasing = opts.releasingHold;
  if (releasing) {
    if (releasing.accountId !== debit.id || releasing.amount !== m.amount) throw AppError.field('amount', 'homecare.wrongAccount');
    await ex.execute(sql`UPDATE homecare_accounts SET held = held - ${releasing.amount} WHERE id = ${debit.id}`);
    debit.held -= releasing.amount;
  }
  if (debit.owner === 'person' && available(debit) < m.amount) {
    throw AppError.field('amount', spec.currency === 'card' ? 'homecare.insufficientCard' : 'homecare.insufficientTime', { available: available(debit) });
  }
  const id = uuidv7();
  await ex.execute(sql`INSERT INTO homecare_ledger_txns (id, unit_code, currency, kind, idempotency_key, request_hash, amount, memo, order_id, hold_id, reverses_txn_id, created_by, created_by_name)
    VALUES (${id}, ${m.unitCode}, ${spec.currency}, ${m.kind}, ${m.idempotencyKey}, ${hash}, ${m.amount}, ${m.memo ?? null}, ${m.orderId ?? null}, ${m.holdId ?? null}, ${m.reversesTxnId ?? null}, ${actor.id}, ${actorName})`);
  await ex.execute(sql`INSERT INTO homecare_ledger_entries (txn_id, account_id, unit_code, amount) VALUES
    (${id}, ${debit.id}, ${debit.unitCode}, ${-m.amount}), (${id}, ${credit.id}, ${credit.unitCode}, ${m.amount})`);
  await appendAudit(ex, actor, {
    action: `homecare.ledger.${m.kind}`,
    entityType: 'homecare_txn',
    entityId: id,
    unitCode: m.unitCode,
    detail: { currency: spec.currency, amount: m.amount, debit: debit.id, credit: credit.id, key: m.idempotencyKey, orderId: m.orderId ?? null, holdId: m.holdId ?? null },
  });
  const txn = (await txnByKey(ex, m.idempotencyKey))!;
  const { requestHash: _, ...out } = txn;
  return { txn: out, replayed: false };
}

// ---- holds -------------------------------------------------------------------------------

async function holdByKey(ex: Executor, key: string): Promise<HoldRow | undefined> {
  const [h] = await rows<HoldRow>(ex, sql`SELECT ${HOLD_COLS} FROM homecare_holds WHERE idempotency_key = ${key}`);
  return h;
}

export async function getHold(ex: Executor, id: string, lock = false): Promise<HoldRow | undefined> {
  const [h] = await rows<HoldRow>(ex, lock ? sql`SELECT ${HOLD_COLS} FROM homecare_holds WHERE id = ${id} FOR UPDATE` : sql`SELECT ${HOLD_COLS} FROM homecare_holds WHERE id = ${id}`);
  return h;
}

/** Holds an amount of a person's card for a pending order; a repeated key returns the first hold. */
export async function placeHold(
  ex: Executor,
  actor: Pick<Actor, 'id' | 'username' | 'ip'>,
  h: { accountId: string; amount: number; idempotencyKey: string; unitCode: string; orderId?: string | null },
): Promise<{ hold: HoldRow; replayed: boolean }> {
  if (!Number.isSafeInteger(h.amount) || h.amount <= 0) throw AppError.field('amount', 'homecare.amountPositive');
  const accounts = await lockAccounts(ex, [h.accountId]);
  const existing = await holdByKey(ex, h.idempotencyKey);
  if (existing) {
    if (existing.accountId !== h.accountId || existing.amount !== h.amount) throw AppError.conflict('idempotencyKey', 'homecare.keyReused');
    return { hold: existing, replayed: true };
  }
  const account = accounts.get(h.accountId)!;
  if (account.owner !== 'person') throw AppError.field('amount', 'homecare.wrongAccount');
  if (available(account) < h.amount) {
    throw AppError.field('amount', account.currency === 'card' ? 'homecare.insufficientCard' : 'homecare.insufficientTime', { available: available(account) });
  }
  const id = uuidv7();
  await ex.execute(sql`INSERT INTO homecare_holds (id, unit_code, account_id, amount, status, idempotency_key, order_id) VALUES (${id}, ${h.unitCode}, ${h.accountId}, ${h.amount}, 'held', ${h.idempotencyKey}, ${h.orderId ?? null})`);
  await ex.execute(sql`UPDATE homecare_accounts SET held = held + ${h.amount} WHERE id = ${h.accountId}`);
  await appendAudit(ex, actor, { action: 'homecare.hold.place', entityType: 'homecare_hold', entityId: id, unitCode: h.unitCode, detail: { accountId: h.accountId, amount: h.amount, orderId: h.orderId ?? null } });
  return { hold: (await getHold(ex, id))!, replayed: false };
}

/**
 * Captures a hold: the held amount is spent to the provider settlement account of the
 * person's county. A hold resolves once: capturing a captured hold returns its spend,
 * capturing a released one is refused.
 */
export async function captureHold(ex: Executor, actor: Pick<Actor, 'id' | 'username' | 'ip'>, actorName: string, holdId: string, memo: string | null): Promise<PostResult> {
  const first = await getHold(ex, holdId);
  if (!first) throw AppError.notFound();
  const settlement = await systemAccount(ex, 'card', 'settlement', countyOf(first.unitCode));
  await lockAccounts(ex, [first.accountId, settlement.id]);
  const hold = (await getHold(ex, holdId, true))!;
  const key = `hold:${hold.id}:capture`;
  const movement: PostInput = { kind: 'spend', amount: hold.amount, debitAccountId: hold.accountId, creditAccountId: settlement.id, orderId: hold.orderId, holdId: hold.id, idempotencyKey: key, unitCode: hold.unitCode, memo };
  if (hold.status === 'captured') return postMovement(ex, actor, actorName, movement);
  if (hold.status === 'released') throw AppError.conflict('hold', 'homecare.holdResolved');
  await ex.execute(sql`UPDATE homecare_holds SET status = 'captured', resolved_at = now() WHERE id = ${hold.id}`);
  await appendAudit(ex, actor, { action: 'homecare.hold.capture', entityType: 'homecare_hold', entityId: hold.id, unitCode: hold.unitCode, detail: { amount: hold.amount, orderId: hold.orderId } });
  return postMovement(ex, actor, actorName, movement, { releasingHold: hold });
}

/** Releases a hold (a cancelled order); releasing twice is a no-op, releasing a captured hold is refused. */
export async function releaseHold(ex: Executor, actor: Pick<Actor, 'id' | 'username' | 'ip'>, holdId: string): Promise<{ hold: HoldRow; replayed: boolean }> {
  const first = await getHold(ex, holdId);
  if (!first) throw AppError.notFound();
  await lockAccounts(ex, [first.accountId]);
  const hold = (await getHold(ex, holdId, true))!;
  if (hold.status === 'released') return { hold, replayed: true };
  if (hold.status === 'captured') throw AppError.conflict('hold', 'homecare.holdResolved');
  await ex.execute(sql`UPDATE homecare_holds SET status = 'released', resolved_at = now() WHERE id = ${hold.id}`);
  await ex.execute(sql`UPDATE homecare_accounts SET held = held - ${hold.amount} WHERE id = ${hold.accountId}`);
  await appendAudit(ex, actor, { action: 'homecare.hold.release', entityType: 'homecare_hold', entityId: hold.id, unitCode: hold.unitCode, detail: { amount: hold.amount, orderId: hold.orderId } });
  return { hold: { ...hold, status: 'released' }, replayed: false };
}

// ---- reads -------------------------------------------------------------------------------

export async function accountById(ex: Executor, id: string): Promise<AccountRow | undefined> {
  const [a] = await rows<AccountRow>(ex, sql`SELECT ${ACCOUNT_COLS} FROM homecare_accounts WHERE id = ${id}`);
  return a;
}

export interface StatementLine {
  entryId: number;
  txnId: string;
  kind: TxnKind;
  amount: number;
  balanceAfter: number;
  memo: string | null;
  orderId: string | null;
  createdByName: string;
  createdAt: string;
}

/** An account's entries, newest first, each with the balance after it. */
export async function statementLines(ex: Executor, accountId: string, limit: number, offset: number): Promise<{ lines: StatementLine[]; total: number }> {
  const lines = await rows<StatementLine>(
    ex,
    sql`SELECT * FROM (
          SELECT e.id::float8 AS "entryId", t.id AS "txnId", t.kind, e.amount::float8 AS amount,
                 (sum(e.amount) OVER (ORDER BY e.id))::float8 AS "balanceAfter", t.memo, t.order_id AS "orderId", t.created_by_name AS "createdByName",
                 to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS "createdAt"
          FROM homecare_ledger_entries e JOIN homecare_ledger_txns t ON t.id = e.txn_id
          WHERE e.account_id = ${accountId}) s
        ORDER BY "entryId" DESC LIMIT ${limit} OFFSET ${offset}`,
  );
  const [{ n }] = await rows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM homecare_ledger_entries WHERE account_id = ${accountId}`);
  return { lines, total: n };
}
