/** computed (免申即享: by the platform from enrolments) → approved by the county → paid. */
export const MONTH_STATUSES = ['computed', 'approved', 'paid'] as const;
export type MonthStatus = (typeof MONTH_STATUSES)[number];

export const CLAIM_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
