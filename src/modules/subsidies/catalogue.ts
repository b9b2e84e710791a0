/** The seed rules of SPEC §3.8, read from their versioned data file with its source. */
import data from './data/childcare-rules.json' with { type: 'json' };
import type { SubsidyRule } from './rules.ts';

export const CHILDCARE_RULES_SOURCE: string = data.source;

export const CHILDCARE_RULES: readonly SubsidyRule[] = data.rules.map((r) => ({
  ...(r as Omit<SubsidyRule, 'effectiveFrom' | 'effectiveTo'>),
  effectiveFrom: data.effectiveFrom,
  effectiveTo: null,
}));
