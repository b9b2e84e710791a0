import { rateLimited, WindowLimiter } from '../../app/limiter.ts';

/**
 * Failed logins allowed per account (from every address together) and per client address (for
 * every account together) in a 15-minute window. Past either, every attempt — even with the
 * right password — is refused until the window ends: a guess spread over many addresses is
 * slowed by the account's count, one address trying many accounts by its own.
 */
export const LOGIN_LIMITS = { perAccount: 10, perAddress: 30, windowMinutes: 15 } as const;

export interface LoginLimiter {
  /**
   * Starts an attempt: refuses it with 429 when the account or the address has used its
   * failures, and otherwise counts it as failed at once — so attempts sent together cannot all
   * pass before the first one fails — until `succeeded()` takes it back.
   */
  begin(address: string, username: string): { succeeded(): void };
}

export function loginLimiter(now: () => number = Date.now): LoginLimiter {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60_000;
  const accounts = new WindowLimiter(LOGIN_LIMITS.perAccount, windowMs, now);
  const addresses = new WindowLimiter(LOGIN_LIMITS.perAddress, windowMs, now);
  return {
    begin(address, username) {
      const account = username.trim().toLowerCase();
      const wait = Math.max(accounts.retryAfter(account), addresses.retryAfter(address));
      if (wait > 0) throw rateLimited(wait);
      accounts.record(account);
      addresses.record(address);
      return {
        succeeded() {
          accounts.release(account);
          addresses.release(address);
        },
      };
    },
  };
}
