/**
 * The assessment standard as versioned data (WS/T 821—2023 托育机构质量评估标准, see
 * data/ws-t-821-2023.json for its source and what is provisional) and the scoring of an
 * assessment against it: item scores, dimension sums, the one-vote veto of basic items.
 */
import standardData from './data/ws-t-821-2023.json' with { type: 'json' };
import levelsData from './data/shaoxing-levels.json' with { type: 'json' };
import { GRADE_LEVELS, levelRank, type GradeLevel } from './vocabulary.ts';

export type Localised = { 'zh-CN': string; 'en-US': string };

export interface StandardItem {
  code: string;
  clause: string;
  max: number;
  veto: boolean;
  name: Localised;
}

export interface Standard {
  version: string;
  title: string;
  source: string;
  pending: string;
  dimensions: { code: string; name: Localised; max: number; items: StandardItem[] }[];
}

export interface LevelSettings {
  version: string;
  source: string;
  pending: string;
  minTotal: Record<GradeLevel, number>;
  validityYears: number;
  minOperatingMonths: number;
  assessedBy: Record<GradeLevel, 'city' | 'county'>;
}

export const CURRENT_STANDARD: Standard = standardData as Standard;
export const LEVEL_SETTINGS: LevelSettings = levelsData as LevelSettings;

const STANDARDS = new Map([[CURRENT_STANDARD.version, CURRENT_STANDARD]]);

export function standardOf(version: string): Standard | undefined {
  return STANDARDS.get(version);
}

export function itemsOf(standard: Standard): StandardItem[] {
  return standard.dimensions.flatMap((d) => d.items);
}

export type ScoreIssue = { field: string; key: string; params?: Record<string, string | number> };

/** Checks a score sheet: known items, whole points within 0…max; complete when required. */
export function checkScores(standard: Standard, scores: Record<string, number>, complete: boolean): ScoreIssue[] {
  const items = new Map(itemsOf(standard).map((i) => [i.code, i]));
  const issues: ScoreIssue[] = [];
  for (const [code, score] of Object.entries(scores)) {
    const item = items.get(code);
    if (!item) issues.push({ field: `scores.${code}`, key: 'grading.unknownItem' });
    else if (!Number.isInteger(score) || score < 0 || score > item.max) issues.push({ field: `scores.${code}`, key: 'grading.scoreRange', params: { max: item.max } });
  }
  if (complete) for (const code of items.keys()) if (!(code in scores)) issues.push({ field: `scores.${code}`, key: 'grading.scoreMissing' });
  return issues;
}

export interface ScoreSheet {
  total: number;
  byDimension: { code: string; score: number; max: number }[];
  /** Basic (veto) items not fully met. */
  vetoFailed: string[];
}

export function scoreSheet(standard: Standard, scores: Record<string, number>): ScoreSheet {
  const byDimension = standard.dimensions.map((d) => ({ code: d.code, max: d.max, score: d.items.reduce((s, i) => s + (scores[i.code] ?? 0), 0) }));
  return {
    total: byDimension.reduce((s, d) => s + d.score, 0),
    byDimension,
    vetoFailed: itemsOf(standard).filter((i) => i.veto && (scores[i.code] ?? 0) < i.max).map((i) => i.code),
  };
}

export interface GradingResult {
  level: GradeLevel | null;
  reasons: { key: string; params?: Record<string, string | number> }[];
}

/**
 * The level an on-site assessment earns: none if a basic item failed (one-vote veto);
 * otherwise the highest level whose pass mark the total reaches, never above the level
 * applied for.
 */
export function resultLevel(settings: LevelSettings, applied: GradeLevel, sheet: ScoreSheet): GradingResult {
  if (sheet.vetoFailed.length > 0) return { level: null, reasons: sheet.vetoFailed.map((code) => ({ key: 'grading.reason.veto', params: { item: code } })) };
  const reached = GRADE_LEVELS.find((l) => levelRank(l) >= levelRank(applied) && sheet.total >= settings.minTotal[l]) ?? null;
  if (!reached) return { level: null, reasons: [{ key: 'grading.reason.belowLowest', params: { total: sheet.total, min: settings.minTotal.grade3 } }] };
  if (reached !== applied) return { level: reached, reasons: [{ key: 'grading.reason.belowApplied', params: { total: sheet.total, min: settings.minTotal[applied], level: applied } }] };
  return { level: reached, reasons: [{ key: 'grading.reason.met', params: { total: sheet.total, min: settings.minTotal[applied] } }] };
}
