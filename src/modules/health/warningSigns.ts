/**
 * Developmental surveillance with the warning-signs checklist (儿童心理行为发育问题预警征象
 * 筛查表, data/warning-signs.json with its source): four signs per check age from 3 months to
 * 6 years. Any one sign present for the child's age band, or a loss of language or social
 * skills at any age, is a positive screen that leads to referral for developmental assessment.
 */
import table from './data/warning-signs.json' with { type: 'json' };

export interface WarningSignBand {
  ageMonths: number;
  signs: { zh: string; en: string }[];
}

export const WARNING_SIGN_BANDS: readonly WarningSignBand[] = table.bands;
export const WARNING_SIGNS_SOURCE = { title: table.title, source: table.source, rule: table.rule, bandChoice: table.bandChoice };

/**
 * The band that applies at an age: the check age at or just below it (10 months → the
 * 8-month band); null before the first check age (3 months).
 */
export function bandFor(ageMonths: number): WarningSignBand | null {
  let found: WarningSignBand | null = null;
  for (const b of WARNING_SIGN_BANDS) if (b.ageMonths <= ageMonths) found = b;
  return found;
}

export interface WarningSignsInput {
  ageMonths: number;
  /** 1-based numbers of the band's signs the child shows. */
  signsPresent: readonly number[];
  /** A loss of language or social skills the child had acquired. */
  regression: boolean;
}

export type WarningSignsResult =
  | { ok: true; band: number; result: 'positive' | 'negative'; reasons: ('sign' | 'regression')[] }
  | { ok: false; issue: 'tooYoung' | 'noSuchSign' };

export function evaluateWarningSigns(input: WarningSignsInput): WarningSignsResult {
  const band = bandFor(input.ageMonths);
  if (!band) return { ok: false, issue: 'tooYoung' };
  if (input.signsPresent.some((n) => !Number.isInteger(n) || n < 1 || n > band.signs.length)) return { ok: false, issue: 'noSuchSign' };
  const reasons: ('sign' | 'regression')[] = [];
  if (input.signsPresent.length > 0) reasons.push('sign');
  if (input.regression) reasons.push('regression');
  return { ok: true, band: band.ageMonths, result: reasons.length > 0 ? 'positive' : 'negative', reasons };
}
