import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './limiter.ts';
import { AppError } from './errors.ts';
import { LOGIN_LIMITS, loginLimiter } from '../modules/access/loginLimiter.ts';

describe('a fixed-window limiter', () => {
  it('refuses a key past its maximum until its window ends, and no other key', () => {
    let now = 0;
    const l = new WindowLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) l.take('a');
    expect(() => l.take('a')).toThrow(AppError);
    expect(l.retryAfter('a')).toBe(60_000);
    l.take('b');
    now = 59_999;
    expect(l.retryAfter('a')).toBe(1);
    now = 60_000;
    expect(l.retryAfter('a')).toBe(0);
    l.take('a');
  });

  it('says when to try again in whole minutes', () => {
    const l = new WindowLimiter(1, 15 * 60_000, () => 0);
    l.take('a');
    try {
      l.take('a');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'rate_limited', status: 429, params: { minutes: 15 } });
    }
  });

  it('stays bounded: past its capacity it forgets the oldest keys first', () => {
    const l = new WindowLimiter(1, 60_000, () => 0, 100);
    for (let i = 0; i < 1000; i++) l.record(`k${i}`);
    expect(l.retryAfter('k999')).toBeGreaterThan(0);
    expect(l.retryAfter('k0')).toBe(0);
  });
});

describe('the login limiter', () => {
  it('counts an attempt as failed until it succeeds, so simultaneous guesses cannot all pass', () => {
    const l = loginLimiter(() => 0);
    const pending = Array.from({ length: LOGIN_LIMITS.perAccount }, (_, i) => l.begin(`10.0.0.${i}`, 'Somebody'));
    expect(() => l.begin('10.0.1.1', 'somebody')).toThrow(AppError);
    pending[0].succeeded();
    expect(() => l.begin('10.0.1.1', 'SOMEBODY ')).not.toThrow();
  });

  it('limits one address over all accounts', () => {
    const l = loginLimiter(() => 0);
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) l.begin('192.0.2.1', `user-${i}`);
    expect(() => l.begin('192.0.2.1', 'someone-else')).toThrow(AppError);
    expect(() => l.begin('192.0.2.2', 'someone-else')).not.toThrow();
  });
});
