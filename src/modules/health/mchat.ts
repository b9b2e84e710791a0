/**
 * M-CHAT-R/F (Modified Checklist for Autism in Toddlers, Revised, with Follow-Up;
 * © 2009 Diana Robins, Deborah Fein & Marianne Barton), scoring per mchatscreen.com/mchat-rf/scoring:
 *
 * - 20 yes/no items; YES is the at-risk answer for items 2, 5 and 12, NO for all others;
 *   the total is the number of at-risk answers (all 20 items; subsets such as "critical
 *   items" are no longer recommended).
 * - 0–2 low risk: screen negative; a child under 24 months is rescreened at 24 months.
 *   3–7 medium risk: the Follow-Up interview, for the at-risk items only; 2 or more items
 *   still at risk is a positive screen (refer for early intervention and diagnostic
 *   evaluation), 0–1 negative. 8–20 high risk: positive; skip the Follow-Up and refer.
 * - Validated for 16–30 months of age.
 *
 * The item wording is copyrighted: the platform carries only its own short labels
 * (locales, health:mchat.item.N); the licensed wording is loaded as data by the deploying
 * health authority.
 */

export const MCHAT_ITEM_COUNT = 20;
/** Items whose YES answer is the at-risk one. */
export const MCHAT_REVERSE_ITEMS: readonly number[] = [2, 5, 12];
export const MCHAT_AGE_MONTHS = { min: 16, max: 30 } as const;
/** Followed-up items still at risk from which the screen is positive. */
export const MCHAT_FOLLOW_UP_POSITIVE = 2;
export const MCHAT_RESCREEN_BEFORE_MONTHS = 24;

export type MchatRisk = 'low' | 'medium' | 'high';

export interface MchatScore {
  score: number;
  risk: MchatRisk;
  /** 1-based numbers of the items answered at risk. */
  atRiskItems: number[];
}

/** Scores 20 answers (true = yes, item 1 first). */
export function scoreMchat(answers: readonly boolean[]): MchatScore {
  if (answers.length !== MCHAT_ITEM_COUNT) throw new RangeError(`M-CHAT-R has ${MCHAT_ITEM_COUNT} items, got ${answers.length}`);
  const atRiskItems: number[] = [];
  answers.forEach((yes, i) => {
    const item = i + 1;
    if (MCHAT_REVERSE_ITEMS.includes(item) ? yes : !yes) atRiskItems.push(item);
  });
  const score = atRiskItems.length;
  return { score, risk: score <= 2 ? 'low' : score <= 7 ? 'medium' : 'high', atRiskItems };
}

export function isMchatAge(ageMonths: number): boolean {
  return ageMonths >= MCHAT_AGE_MONTHS.min && ageMonths <= MCHAT_AGE_MONTHS.max;
}

/** The screen's outcome before any Follow-Up: what the algorithm says to do next. */
export type MchatOutcome =
  | { result: 'negative'; rescreenAtMonths: number | null }
  | { result: 'followUpNeeded'; items: number[] }
  | { result: 'positive' };

export function mchatOutcome(s: MchatScore, ageMonths: number): MchatOutcome {
  if (s.risk === 'high') return { result: 'positive' };
  if (s.risk === 'medium') return { result: 'followUpNeeded', items: s.atRiskItems };
  return { result: 'negative', rescreenAtMonths: ageMonths < MCHAT_RESCREEN_BEFORE_MONTHS ? MCHAT_RESCREEN_BEFORE_MONTHS : null };
}

export type FollowUpResult = { ok: true; score: number; result: 'positive' | 'negative' } | { ok: false; item: number };

/**
 * The Follow-Up interview's result from the items still at risk after it. Only items that
 * were at risk on the checklist are followed up, so any other item is refused.
 */
export function scoreFollowUp(initialAtRisk: readonly number[], stillAtRisk: readonly number[]): FollowUpResult {
  const unique = [...new Set(stillAtRisk)];
  const stray = unique.find((i) => !initialAtRisk.includes(i));
  if (stray !== undefined) return { ok: false, item: stray };
  return { ok: true, score: unique.length, result: unique.length >= MCHAT_FOLLOW_UP_POSITIVE ? 'positive' : 'negative' };
}
