/**
 * The credit record of a center (信用监管, 004 保障(四)): events move a score from a base,
 * over a rolling window; the score falls in a level band, and the lowest band is the one
 * that triggers joint punishment (失信联合惩戒). Points, window and bands are dated data
 * (data/credit-rules.json).
 */
import { addDays } from '../../app/dates.ts';
import rules from './data/credit-rules.json' with { type: 'json' };

export const CREDIT_RULES = rules;
export type CreditRuleCode = keyof typeof rules.points;
export type CreditLevel = 'A' | 'B' | 'C' | 'D';

export function pointsFor(code: CreditRuleCode): number {
  return rules.points[code];
}

export interface CreditEvent {
  points: number;
  occurredOn: string;
}

export function creditScore(events: readonly CreditEvent[], today: string): { score: number; level: CreditLevel; jointPunishment: boolean; counted: number } {
  const from = addDays(today, -(rules.windowDays - 1));
  const counted = events.filter((e) => e.occurredOn >= from && e.occurredOn <= today);
  const score = rules.base + counted.reduce((s, e) => s + e.points, 0);
  const level = rules.levels.find((l) => score >= l.min)!.level as CreditLevel;
  return { score, level, jointPunishment: level === rules.jointPunishmentLevel, counted: counted.length };
}
