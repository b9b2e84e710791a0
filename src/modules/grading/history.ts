/**
 * A center's grade over time, from its grade records: which level held on which days. Used
 * by the subsidy computation (the rate follows the grade of each day) and by the lists.
 */
import type { GradeLevel } from './vocabulary.ts';

export interface GradeRecord {
  level: GradeLevel;
  validFrom: string;
  validTo: string;
  /** First day it no longer holds, if ended early. */
  endedOn: string | null;
}

/** The level held on a day, or null. Records never overlap; the latest start wins if they do. */
export function gradeOn(records: readonly GradeRecord[], day: string): GradeLevel | null {
  let best: GradeRecord | null = null;
  for (const r of records) {
    if (r.validFrom <= day && day <= r.validTo && (r.endedOn === null || day < r.endedOn)) if (!best || r.validFrom > best.validFrom) best = r;
  }
  return best?.level ?? null;
}
