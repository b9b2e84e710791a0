/**
 * The ability assessment of GB/T 42195-2022《老年人能力评估规范》: 26 item scores in four
 * first-level indicators, their totals, the level by total score (appendix C) and the level
 * changes of appendix C.4 (coma, a diagnosed dementia or psychiatric disorder, care-risk
 * events). The items, maxima and cut-offs are the versioned data file beside this one.
 */
import standard from './data/ability-standard.json' with { type: 'json' };

export const ABILITY_LEVELS = ['intact', 'mild', 'moderate', 'severe', 'complete'] as const;
/** 能力完好 / 轻度失能 / 中度失能 / 重度失能 / 完全失能, from most to least able. */
export type AbilityLevel = (typeof ABILITY_LEVELS)[number];

export const DIMENSIONS = ['selfCare', 'basicMotor', 'mentalState', 'perceptionSocial'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface AbilityStandard {
  title: string;
  standard: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  dimensions: { code: Dimension; items: { code: string; max: number }[] }[];
  levels: { code: AbilityLevel; minTotal: number }[];
  riskEventsForRaise: number;
  combineRaises: boolean;
  careEligibility: Record<'nursingBed' | 'nursingSubsidy' | 'familyCareBed', AbilityLevel[]>;
}

export const ABILITY_STANDARD = standard as AbilityStandard;

/** Every item code of the standard, in the order of its forms. */
export function itemCodes(s: AbilityStandard = ABILITY_STANDARD): string[] {
  return s.dimensions.flatMap((d) => d.items.map((i) => i.code));
}

export function maxTotal(s: AbilityStandard = ABILITY_STANDARD): number {
  return s.dimensions.reduce((sum, d) => sum + d.items.reduce((a, i) => a + i.max, 0), 0);
}

export interface AssessmentInput {
  scores: Record<string, number>;
  /** Coma (昏迷), recorded apart from the 意识水平 item (A.5.11). */
  coma: boolean;
  /** A diagnosed dementia (F00–F03) or another psychiatric disorder (F04–F99). */
  dementiaOrPsychiatric: boolean;
  /** Care-risk events of any kind in the past 30 days (falls, choking, self-harm, wandering …). */
  riskEvents: number;
}

export type LevelChange = 'coma' | 'dementia' | 'riskEvents';

export interface AssessmentResult {
  dimensionTotals: Record<Dimension, number>;
  total: number;
  /** The level by total score alone. */
  baseLevel: AbilityLevel;
  /** The level after the changes of appendix C.4. */
  level: AbilityLevel;
  changes: LevelChange[];
}

export type ScoreIssue = { field: string; key: string; params?: Record<string, number> };

/** Field issues of a set of item scores: every item present, an integer within its range, no other item. */
export function checkScores(scores: Record<string, unknown>, s: AbilityStandard = ABILITY_STANDARD): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const known = new Set(itemCodes(s));
  for (const d of s.dimensions) {
    for (const item of d.items) {
      const v = scores[item.code];
      if (v === undefined || v === null) issues.push({ field: `scores.${item.code}`, key: 'elderly.scoreMissing' });
      else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > item.max)
        issues.push({ field: `scores.${item.code}`, key: 'elderly.scoreRange', params: { max: item.max } });
    }
  }
  for (const k of Object.keys(scores)) if (!known.has(k)) issues.push({ field: `scores.${k}`, key: 'elderly.scoreUnknown' });
  return issues;
}

/** The level of a total score (appendix C): 90 能力完好, 66–89 轻度, 46–65 中度, 30–45 重度, 0–29 完全. */
export function levelOfTotal(total: number, s: AbilityStandard = ABILITY_STANDARD): AbilityLevel {
  for (const l of s.levels) if (total >= l.minTotal) return l.code;
  return 'complete';
}

/** One grade more impaired, stopping at 能力完全丧失. */
export function raiseLevel(level: AbilityLevel, steps = 1): AbilityLevel {
  return ABILITY_LEVELS[Math.min(ABILITY_LEVELS.indexOf(level) + steps, ABILITY_LEVELS.length - 1)];
}

/** Scores an assessment: dimension totals, total, base level and the level after appendix C.4. */
export function scoreAssessment(input: AssessmentInput, s: AbilityStandard = ABILITY_STANDARD): AssessmentResult {
  const issues = checkScores(input.scores, s);
  if (issues.length) throw new Error(`invalid scores: ${issues.map((i) => i.field).join(', ')}`);
  const dimensionTotals = Object.fromEntries(s.dimensions.map((d) => [d.code, d.items.reduce((a, i) => a + input.scores[i.code], 0)])) as Record<Dimension, number>;
  const total = Object.values(dimensionTotals).reduce((a, b) => a + b, 0);
  const baseLevel = levelOfTotal(total, s);
  if (input.coma) return { dimensionTotals, total, baseLevel, level: 'complete', changes: ['coma'] };
  const changes: LevelChange[] = [];
  if (input.dementiaOrPsychiatric) changes.push('dementia');
  if (input.riskEvents >= s.riskEventsForRaise) changes.push('riskEvents');
  const steps = s.combineRaises ? changes.length : Math.min(changes.length, 1);
  return { dimensionTotals, total, baseLevel, level: raiseLevel(baseLevel, steps), changes };
}

/** Whether a level makes a person eligible for a kind of care (the level drives care eligibility). */
export function eligibleFor(kind: keyof AbilityStandard['careEligibility'], level: AbilityLevel | null, s: AbilityStandard = ABILITY_STANDARD): boolean {
  return level !== null && s.careEligibility[kind].includes(level);
}

/** Whether a level is at least as impaired as another. */
export function atLeast(level: AbilityLevel | null, than: AbilityLevel): boolean {
  return level !== null && ABILITY_LEVELS.indexOf(level) >= ABILITY_LEVELS.indexOf(than);
}
