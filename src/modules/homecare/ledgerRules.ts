/**
 * The pure rules of the home-care ledger (care card in fen, time bank in minutes): which
 * movements exist, which accounts they move between, and the checks made before posting.
 * The database enforces the same guarantees again (migrations/0550_homecare_ledger.sql):
 * entries sum to zero, a person's balance never falls below zero or below its holds, rows
 * are append-only, an idempotency key moves at most once.
 */
import { createHash } from 'node:crypto';

import { type Currency, type SystemCode, type TxnKind } from './vocabulary.ts';

export { CURRENCIES, TXN_KINDS, SYSTEM_CODES, type Currency, type TxnKind, type SystemCode } from './vocabulary.ts';

/** Which currency each movement belongs to, and its sides: a system account's code or a person. */
export const MOVEMENTS: Record<TxnKind, { currency: Currency; debit: SystemCode | 'person'; credit: SystemCode | 'person' }> = {
  issue: { currency: 'card', debit: 'issue', credit: 'person' },
  spend: { currency: 'card', debit: 'person', credit: 'settlement' },
  refund: { currency: 'card', debit: 'settlement', credit: 'person' },
  expiry: { currency: 'card', debit: 'person', credit: 'expiry' },
  earn: { currency: 'time', debit: 'service', credit: 'person' },
  redeem: { currency: 'time', debit: 'person', credit: 'redeem' },
  transfer: { currency: 'time', debit: 'person', credit: 'person' },
};

/** The largest single movement: 1,000,000 yuan in fen, or 10,000 hours in minutes. */
export const MAX_AMOUNT: Record<Currency, number> = { card: 100_000_000, time: 600_000 };

export interface MovementRequest {
  kind: TxnKind;
  amount: number;
  debitAccountId: string;
  creditAccountId: string;
  orderId?: string | null;
  holdId?: string | null;
  reversesTxnId?: string | null;
}

/** A digest of what a movement does, stored with its key: a replay must match it. */
export function requestHash(m: MovementRequest): string {
  const canonical = [m.kind, m.amount, m.debitAccountId, m.creditAccountId, m.orderId ?? '', m.holdId ?? '', m.reversesTxnId ?? ''].join('|');
  return createHash('sha256').update(canonical).digest('hex');
}

/** The problem with a movement before any account is read, as an error key, or null. */
export function movementProblem(m: Pick<MovementRequest, 'kind' | 'amount' | 'debitAccountId' | 'creditAccountId'>): string | null {
  if (!Number.isSafeInteger(m.amount) || m.amount <= 0) return 'homecare.amountPositive';
  if (m.amount > MAX_AMOUNT[MOVEMENTS[m.kind].currency]) return 'homecare.amountTooLarge';
  if (m.debitAccountId === m.creditAccountId) return 'homecare.sameAccount';
  return null;
}

/** What a person may still spend: the balance less what pending orders hold. */
export function available(account: { balance: number; held: number }): number {
  return account.balance - account.held;
}

/** Yuan with two decimals from integer fen, for messages (never for arithmetic). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Hours and minutes from integer minutes, for messages. */
export function minutesToHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}` : `${h}:${String(m).padStart(2, '0')}`;
}
