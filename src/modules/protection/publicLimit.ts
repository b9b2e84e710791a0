import { WindowLimiter } from '../../app/limiter.ts';

/**
 * Reports one address may send through the public form in a window: enough for a person
 * reporting what they saw, too few to flood the case workers' lists.
 */
export const PUBLIC_REPORT_LIMIT = { perAddress: 5, windowMinutes: 60 } as const;

export function publicReportLimiter(now: () => number = Date.now): WindowLimiter {
  return new WindowLimiter(PUBLIC_REPORT_LIMIT.perAddress, PUBLIC_REPORT_LIMIT.windowMinutes * 60_000, now);
}
