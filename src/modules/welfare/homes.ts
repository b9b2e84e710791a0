/**
 * The children's-home targets of 《绍兴市儿童与福利发展“十四五”规划》 (seed 000, 儿童之家建设项目):
 * demonstration homes at least 15% of all homes, at least one demonstration home in every
 * township (乡镇/街道), and every basic home linked to a demonstration home ("1+N").
 */
export const HOME_TARGETS = { demonstrationShare: 0.15, demonstrationPerTownship: 1 } as const;

export interface HomeCounts {
  township: string;
  basic: number;
  demonstration: number;
  /** Basic homes not linked to a demonstration home. */
  unlinked: number;
}

export interface HomeTargetResult {
  homes: number;
  demonstration: number;
  /** Demonstration homes ÷ all homes, or null without homes. */
  share: number | null;
  shareMet: boolean;
  townships: number;
  townshipsWithDemonstration: number;
  /** Townships without a demonstration home. */
  townshipsMissing: string[];
  unlinked: number;
}

export function homeTargets(counts: readonly HomeCounts[], allTownships: readonly string[]): HomeTargetResult {
  const by = new Map(counts.map((c) => [c.township, c]));
  const homes = counts.reduce((s, c) => s + c.basic + c.demonstration, 0);
  const demonstration = counts.reduce((s, c) => s + c.demonstration, 0);
  const share = homes === 0 ? null : demonstration / homes;
  const missing = allTownships.filter((t) => (by.get(t)?.demonstration ?? 0) < HOME_TARGETS.demonstrationPerTownship);
  return {
    homes,
    demonstration,
    share,
    // In integers: demonstration × 100 ≥ 15 × homes.
    shareMet: homes > 0 && demonstration * 100 >= HOME_TARGETS.demonstrationShare * 100 * homes,
    townships: allTownships.length,
    townshipsWithDemonstration: allTownships.length - missing.length,
    townshipsMissing: missing,
    unlinked: counts.reduce((s, c) => s + c.unlinked, 0),
  };
}
