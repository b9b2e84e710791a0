import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, mayMoveReferral } from './referrals.ts';

const LEGAL = ['pending>accepted', 'pending>rejected', 'accepted>done', 'accepted>rejected'];

describe('referral status', () => {
  const pairs = REFERRAL_STATUSES.flatMap((a) => REFERRAL_STATUSES.map((b) => [a, b] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(mayMoveReferral(from, to)).toBe(LEGAL.includes(`${from}>${to}`));
  });
});
