/**
 * How a center ranks the applicants for its places of one class type: an ordered list of
 * priority rules, given as data per program (SPEC §3.5: employees' children at employer-run
 * centers, affordable places, siblings, distance …), then a lottery number that breaks ties.
 * An applicant's priority at a program is a vector, one entry per rule and the tie-break
 * last, compared entry by entry: a larger entry wins.
 */

export type PriorityRule =
  /** Children of the employer's staff first (单位自建 centers). */
  | { id: string; kind: 'employeeChild'; employerId: string }
  /** A brother or sister already at this center. */
  | { id: string; kind: 'sibling' }
  /** Families eligible for an affordable (普惠) place, e.g. by local policy. */
  | { id: string; kind: 'affordableEligible' }
  /** Families living in the given unit (a township's or village's code prefix). */
  | { id: string; kind: 'residentOf'; unitPrefix: string }
  /** Nearer homes first. */
  | { id: string; kind: 'distance' };

export interface ApplicantFacts {
  /** Employers at which a parent works. */
  employerIds?: readonly string[];
  /** Centers a sibling attends. */
  siblingCenterIds?: readonly string[];
  affordableEligible?: boolean;
  /** The unit (village or township code) the family lives in. */
  unitCode?: string;
}

/** The name of the last entry of a priority vector: the lottery. */
export const TIE_BREAK = 'lottery';

/** The priority vector of an applicant at a program (larger is better in every entry). */
export function priorityKey(
  rules: readonly PriorityRule[],
  centerId: string,
  facts: ApplicantFacts,
  distanceM: number | undefined,
  lottery: number,
): number[] {
  const key = rules.map((rule) => {
    switch (rule.kind) {
      case 'employeeChild':
        return facts.employerIds?.includes(rule.employerId) ? 1 : 0;
      case 'sibling':
        return facts.siblingCenterIds?.includes(centerId) ? 1 : 0;
      case 'affordableEligible':
        return facts.affordableEligible ? 1 : 0;
      case 'residentOf':
        return facts.unitCode?.startsWith(rule.unitPrefix) ? 1 : 0;
      case 'distance':
        return distanceM === undefined ? -Infinity : -Math.round(distanceM);
    }
  });
  key.push(-lottery);
  return key;
}

/** Negative when a ranks before b (higher priority), positive when after, 0 when equal. */
export function comparePriority(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] > b[i] ? -1 : 1;
  }
  return 0;
}

/** The first entry where two vectors differ: the rule that orders them (or the lottery). */
export function decidingEntry(a: readonly number[], b: readonly number[]): number | null {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return null;
}

/**
 * A lottery number for each applicant of a round, from the round's seed: the same seed and
 * applicant give the same number, so a round can be re-run and checked (FNV-1a, then a
 * 32-bit avalanche).
 */
export function lotteryNumber(seed: number, applicantId: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < applicantId.length; i++) h = Math.imul(h ^ applicantId.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
