/**
 * Institution and bed indicators of seed 004 (《绍兴市一老一小整体解决方案》): nursing-type beds
 * at least 60 % of institution beds; 20 dementia-care beds per 10,000 elderly; one social
 * worker per 60 institution beds. Pure functions of totals; the service sums them in scope.
 */
export const BED_TARGETS = {
  /** 004: 护理型床位占比 ≥ 60 %. */
  nursingShare: 0.6,
  /** 004: 每万名老年人认知障碍照护床位 20 张. */
  dementiaBedsPer10k: 20,
  /** 004: 每 60 张床位配备 1 名社会工作者. */
  bedsPerSocialWorker: 60,
} as const;

export interface BedTotals {
  beds: number;
  nursingBeds: number;
  dementiaBeds: number;
  socialWorkers: number;
  /** Residents 60+ of the population base (the denominator of the dementia-bed rate). */
  elderly60: number;
}

export interface BedIndicator {
  code: 'nursingShare' | 'dementiaBedsPer10k' | 'socialWorkers';
  value: number | null;
  target: number;
  met: boolean | null;
}

/** Share of nursing-type beds, rounded to 0.1 %; null without beds. */
export function nursingShare(t: Pick<BedTotals, 'beds' | 'nursingBeds'>): number | null {
  return t.beds === 0 ? null : Math.round((t.nursingBeds / t.beds) * 1000) / 10;
}

/** Dementia beds per 10,000 residents 60+, to one decimal; null without elderly. */
export function dementiaBedsPer10k(t: Pick<BedTotals, 'dementiaBeds' | 'elderly60'>): number | null {
  return t.elderly60 === 0 ? null : Math.round((t.dementiaBeds / t.elderly60) * 100_000) / 10;
}

/** Social workers that a number of beds calls for: one per 60 beds or part of 60. */
export function socialWorkersRequired(beds: number): number {
  return Math.ceil(beds / BED_TARGETS.bedsPerSocialWorker);
}

export function bedIndicators(t: BedTotals): BedIndicator[] {
  const share = nursingShare(t);
  const dementia = dementiaBedsPer10k(t);
  const required = socialWorkersRequired(t.beds);
  return [
    { code: 'nursingShare', value: share, target: BED_TARGETS.nursingShare * 100, met: share === null ? null : share >= BED_TARGETS.nursingShare * 100 },
    { code: 'dementiaBedsPer10k', value: dementia, target: BED_TARGETS.dementiaBedsPer10k, met: dementia === null ? null : dementia >= BED_TARGETS.dementiaBedsPer10k },
    { code: 'socialWorkers', value: t.socialWorkers, target: required, met: t.socialWorkers >= required },
  ];
}
