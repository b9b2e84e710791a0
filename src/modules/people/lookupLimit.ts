import { WindowLimiter } from '../../app/limiter.ts';

/**
 * ID-number lookups one user may make in a window: enough for a desk working through a list of
 * people, too few to enumerate numbers (a lookup answers whether a number is registered in scope).
 */
export const LOOKUP_LIMIT = { perUser: 30, windowMinutes: 10 } as const;

export function lookupLimiter(now: () => number = Date.now): WindowLimiter {
  return new WindowLimiter(LOOKUP_LIMIT.perUser, LOOKUP_LIMIT.windowMinutes * 60_000, now);
}
