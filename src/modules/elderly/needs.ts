/**
 * The needs profile (需求画像) along the five dimensions of seed 004: 健康服务、生活保障、失能照护、
 * 紧急援助、探访关爱, derived from what the platform holds on a person. Each need carries its
 * reasons (i18n keys), so the page shows why. The visiting tiers follow the 民政部 opinion on
 * 探访关爱 for special-difficulty elderly (living alone, empty-nest, left-behind, disabled,
 * low-income, very old) and the common local tiering: high risk weekly, key monthly, general quarterly.
 */
import { atLeast, type AbilityLevel } from './ability.ts';
import type { EconomicStatus, HealthStatus, LivingArrangement, PriorityFlag } from './vocabulary.ts';

export const NEED_DIMENSIONS = ['health', 'livingSecurity', 'disabilityCare', 'emergency', 'visiting'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];

/** none < general < key < high. */
export type NeedLevel = 'none' | 'general' | 'key' | 'high';

export interface Need {
  dimension: NeedDimension;
  level: NeedLevel;
  /** i18n keys under elderly:why. */
  reasons: string[];
}

export interface NeedFacts {
  age: number;
  livingArrangement: LivingArrangement | null;
  economicStatus: EconomicStatus | null;
  healthStatus: HealthStatus | null;
  flags: readonly PriorityFlag[];
  /** The level of the latest ability assessment, or null if never assessed. */
  abilityLevel: AbilityLevel | null;
  /** Whether this year's health assessment is recorded (asked of 65+ only). */
  healthAssessedThisYear: boolean;
  /** An open dementia screening case (screen → intervention → referral → care). */
  dementiaOpen: boolean;
}

const RANK: NeedLevel[] = ['none', 'general', 'key', 'high'];
const max = (a: NeedLevel, b: NeedLevel): NeedLevel => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);

function need(dimension: NeedDimension, found: [NeedLevel, string][]): Need {
  return { dimension, level: found.reduce<NeedLevel>((l, [x]) => max(l, x), 'none'), reasons: found.map(([, r]) => r) };
}

/** 特殊困难老年人 of the 探访关爱 opinion. */
export function isSpecialDifficulty(f: NeedFacts): boolean {
  return (
    f.livingArrangement === 'alone' ||
    f.livingArrangement === 'emptyNest' ||
    f.livingArrangement === 'leftBehind' ||
    f.flags.includes('disabled') ||
    atLeast(f.abilityLevel, 'moderate') ||
    ['lowIncome', 'lowIncomeEdge', 'destitute', 'specialDifficulty'].includes(f.economicStatus ?? '') ||
    f.age >= 80
  );
}

export function deriveNeeds(f: NeedFacts): Need[] {
  const health: [NeedLevel, string][] = [];
  if (f.age >= 65 && !f.healthAssessedThisYear) health.push(['key', 'healthAssessmentDue']);
  if (f.healthStatus === 'chronic') health.push(['general', 'chronicCondition']);
  if (f.healthStatus === 'poor') health.push(['key', 'poorHealth']);
  if (f.dementiaOpen) health.push(['high', 'dementiaLoopOpen']);

  const living: [NeedLevel, string][] = [];
  if (f.economicStatus === 'destitute') living.push(['high', 'destitute']);
  if (f.economicStatus === 'lowIncome') living.push(['key', 'lowIncome']);
  if (f.economicStatus === 'lowIncomeEdge') living.push(['general', 'lowIncomeEdge']);
  if (f.economicStatus === 'specialDifficulty') living.push(['key', 'specialDifficulty']);

  const care: [NeedLevel, string][] = [];
  if (f.abilityLevel === null) care.push(['general', 'notAssessed']);
  else if (f.abilityLevel === 'mild') care.push(['general', 'abilityMild']);
  else if (f.abilityLevel === 'moderate') care.push(['key', 'abilityModerate']);
  else if (f.abilityLevel === 'severe' || f.abilityLevel === 'complete') care.push(['high', `ability${f.abilityLevel === 'severe' ? 'Severe' : 'Complete'}`]);

  const emergency: [NeedLevel, string][] = [];
  if (f.livingArrangement === 'alone') emergency.push(['key', 'livesAlone']);
  if (f.age >= 80) emergency.push(['key', 'age80']);
  if (atLeast(f.abilityLevel, 'severe')) emergency.push(['high', 'abilitySevereOrWorse']);

  const visiting: [NeedLevel, string][] = [];
  if (isSpecialDifficulty(f)) {
    const highRisk = (f.livingArrangement === 'alone' && (atLeast(f.abilityLevel, 'moderate') || f.age >= 80)) || f.economicStatus === 'destitute';
    visiting.push([highRisk ? 'high' : 'key', highRisk ? 'visitWeekly' : 'visitMonthly']);
  } else if (f.age >= 70) visiting.push(['general', 'visitQuarterly']);

  return [need('health', health), need('livingSecurity', living), need('disabilityCare', care), need('emergency', emergency), need('visiting', visiting)];
}
