/**
 * The calculation endpoints: a z-score and percentile against the WHO standards, an
 * M-CHAT-R score and risk band, and the WHO reference curves for charts. No records are
 * read or written, so these answer without a session.
 */
import { AppError } from '../../app/errors.ts';
import { GROWTH_STANDARD_SOURCE, referenceCurves, roundZ, zScore, type GrowthMeasure, type Sex } from './growth.ts';
import { isMchatAge, MCHAT_AGE_MONTHS, scoreMchat } from './mchat.ts';
import type { ReferenceCurvesView, ZscoreRequest } from './contract.ts';

export function calculateZscore(input: ZscoreRequest): { z: number; percentile: number } {
  const r = zScore(input);
  if (!r.ok) throw AppError.field(r.issue.field, r.issue.key, r.issue.params);
  return { z: roundZ(r.z), percentile: Math.round(r.percentile * 100) / 100 };
}

export function calculateMchat(input: { ageMonths: number; answers: boolean[] }): { score: number; risk: 'low' | 'medium' | 'high' } {
  if (!isMchatAge(input.ageMonths)) throw AppError.field('ageMonths', 'health.mchatAge', { months: input.ageMonths, min: MCHAT_AGE_MONTHS.min, max: MCHAT_AGE_MONTHS.max });
  const s = scoreMchat(input.answers);
  return { score: s.score, risk: s.risk };
}

/** The −3, −2, 0, +2 and +3 SD curves (P0.1, P2.3, P50, P97.7, P99.9) of an indicator. */
export const CHART_ZS = [-3, -2, 0, 2, 3];

export function referenceCurvesOf(q: { sex: Sex; measure: GrowthMeasure; from: number; to: number; standing: 'true' | 'false' }): ReferenceCurvesView {
  const points = referenceCurves(q.sex, q.measure, CHART_ZS, q.from, q.to, q.standing === 'true').map((pt) => ({
    x: pt.x,
    values: pt.values.map((v) => Math.round(v * 1000) / 1000),
  }));
  return { measure: q.measure, zs: CHART_ZS, points, source: `${GROWTH_STANDARD_SOURCE.standard}. ${GROWTH_STANDARD_SOURCE.licence}` };
}
