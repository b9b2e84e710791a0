import { describe, expect, it } from 'vitest';
import { MOVEMENTS, available, fenToYuan, minutesToHours, movementProblem, requestHash } from './ledgerRules.ts';

const m = { kind: 'spend' as const, amount: 1500, debitAccountId: 'a', creditAccountId: 'b' };

describe('ledger rules', () => {
  it('refuses zero, negative, fractional, too large and same-account movements', () => {
    expect(movementProblem(m)).toBeNull();
    expect(movementProblem({ ...m, amount: 0 })).toBe('homecare.amountPositive');
    expect(movementProblem({ ...m, amount: -5 })).toBe('homecare.amountPositive');
    expect(movementProblem({ ...m, amount: 1.5 })).toBe('homecare.amountPositive');
    expect(movementProblem({ ...m, amount: 100_000_001 })).toBe('homecare.amountTooLarge');
    expect(movementProblem({ ...m, kind: 'transfer', amount: 600_001 })).toBe('homecare.amountTooLarge');
    expect(movementProblem({ ...m, creditAccountId: 'a' })).toBe('homecare.sameAccount');
  });

  it('digests what a movement does, so a replayed key with another payload is told apart', () => {
    expect(requestHash(m)).toBe(requestHash({ ...m }));
    expect(requestHash(m)).not.toBe(requestHash({ ...m, amount: 1501 }));
    expect(requestHash(m)).not.toBe(requestHash({ ...m, creditAccountId: 'c' }));
    expect(requestHash(m)).not.toBe(requestHash({ ...m, orderId: 'o' }));
  });

  it('keeps the card in fen and the time bank in minutes, each movement between its own sides', () => {
    expect(MOVEMENTS.issue).toEqual({ currency: 'card', debit: 'issue', credit: 'person' });
    expect(MOVEMENTS.spend.credit).toBe('settlement');
    expect(MOVEMENTS.refund).toEqual({ currency: 'card', debit: 'settlement', credit: 'person' });
    expect(MOVEMENTS.earn.currency).toBe('time');
    expect(MOVEMENTS.transfer).toEqual({ currency: 'time', debit: 'person', credit: 'person' });
    expect(available({ balance: 10_000, held: 2_500 })).toBe(7_500);
    expect(fenToYuan(123_456)).toBe('1234.56');
    expect(fenToYuan(5)).toBe('0.05');
    expect(minutesToHours(90)).toBe('1:30');
    expect(minutesToHours(120)).toBe('2');
  });
});
