/** The grades of 绍兴市托育机构等级评定 (004), highest first: 市级示范、一级、二级、三级. */
export const GRADE_LEVELS = ['cityModel', 'grade1', 'grade2', 'grade3'] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'assessed', 'published', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** superseded by a re-evaluation, downgraded after a failed check, revoked. */
export const GRADE_END_REASONS = ['superseded', 'downgraded', 'revoked'] as const;
export type GradeEndReason = (typeof GRADE_END_REASONS)[number];

/** The four conditions of 004 for applying, in the order they are checked. */
export const ELIGIBILITY_CONDITIONS = ['registered', 'filed', 'operatingSixMonths', 'healthEvaluation'] as const;
export type EligibilityCondition = (typeof ELIGIBILITY_CONDITIONS)[number];

export interface EligibilityCheck {
  eligible: boolean;
  checkedOn: string;
  failures: { condition: EligibilityCondition; params?: Record<string, string | number> }[];
}

/** Rank of a level: lower is better (市级示范 = 0). */
export function levelRank(level: GradeLevel): number {
  return GRADE_LEVELS.indexOf(level);
}
