/**
 * A referral to a department (转介) as a small state machine, as mature case-management
 * systems keep it: pending → accepted → done, or rejected by the department (from pending or
 * accepted). Done and rejected are final; a new request is a new referral.
 */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'done', 'rejected'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['accepted', 'rejected'],
  accepted: ['done', 'rejected'],
  done: [],
  rejected: [],
};

export function mayMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextReferralStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return NEXT[from];
}
