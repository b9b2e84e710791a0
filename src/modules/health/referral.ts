/**
 * Graded referral (分级筛查、转诊) of positive developmental screens, tracked to closure.
 *
 * 001 §10 sets up a two-level screening network (city and township: "市、街(镇、乡)二级筛查网络")
 * and referral "by level according to the screening result". Which result goes to which
 * level is not written in the seeds; the platform's rule (docs/health.md):
 *  - a positive warning-signs screen → the county's maternal and child health institution
 *    for a developmental assessment;
 *  - a loss of acquired skills, or a positive M-CHAT-R/F → the city maternal and child health
 *    hospital for a diagnostic evaluation and early intervention (M-CHAT-R/F: "refer
 *    immediately for early intervention and diagnostic evaluation").
 * The doctor may choose another level when arranging the referral.
 *
 * A referral moves suggested (建议转诊) → referred (已转诊) → attended (已就诊, with the
 * result) → closed (结案); an open referral that does not go ahead is closed with the
 * reason (declined, lost to follow-up, moved away).
 */

export type ReferralLevel = 'county' | 'city';
export type ReferralTrigger = 'warningSigns' | 'regression' | 'mchat';
export type ReferralStatus = 'suggested' | 'referred' | 'attended' | 'closed';
export type ReferralResult = 'normal' | 'delay' | 'asd' | 'other';
export type ReferralOutcome = 'normal' | 'inIntervention' | 'declined' | 'lostToFollowUp' | 'movedAway';

export const REFERRAL_LEVELS: readonly ReferralLevel[] = ['county', 'city'];
export const REFERRAL_RESULTS: readonly ReferralResult[] = ['normal', 'delay', 'asd', 'other'];
export const REFERRAL_OUTCOMES: readonly ReferralOutcome[] = ['normal', 'inIntervention', 'declined', 'lostToFollowUp', 'movedAway'];
export const OPEN_STATUSES: readonly ReferralStatus[] = ['suggested', 'referred', 'attended'];

export const REFERRAL_POLICY: Record<ReferralTrigger, ReferralLevel> = {
  warningSigns: 'county',
  regression: 'city',
  mchat: 'city',
};

/** The level a positive screen is referred to: the highest its triggers call for. */
export function referralLevelFor(triggers: readonly ReferralTrigger[]): ReferralLevel {
  return triggers.some((t) => REFERRAL_POLICY[t] === 'city') ? 'city' : 'county';
}

export interface ReferralState {
  status: ReferralStatus;
  level: ReferralLevel;
  institution: string | null;
  referredOn: string | null;
  attendedOn: string | null;
  result: ReferralResult | null;
  outcome: ReferralOutcome | null;
  closedOn: string | null;
}

export type ReferralAction =
  | { action: 'refer'; on: string; institution: string; level?: ReferralLevel }
  | { action: 'recordResult'; on: string; result: ReferralResult }
  | { action: 'close'; on: string; outcome: ReferralOutcome };

export type TransitionResult = { ok: true; state: ReferralState } | { ok: false; field: string; key: string };

/** Outcomes that close a referral that never reached a result, and those that need one. */
const WITHOUT_RESULT: readonly ReferralOutcome[] = ['declined', 'lostToFollowUp', 'movedAway'];
const AFTER_RESULT: readonly ReferralOutcome[] = ['normal', 'inIntervention'];

export function applyReferralAction(state: ReferralState, act: ReferralAction): TransitionResult {
  const invalid = { ok: false as const, field: 'action', key: 'health.referralTransition' };
  switch (act.action) {
    case 'refer':
      if (state.status !== 'suggested') return invalid;
      return { ok: true, state: { ...state, status: 'referred', institution: act.institution, referredOn: act.on, level: act.level ?? state.level } };
    case 'recordResult':
      if (state.status !== 'referred') return invalid;
      if (state.referredOn && act.on < state.referredOn) return { ok: false, field: 'on', key: 'health.beforeReferral' };
      return { ok: true, state: { ...state, status: 'attended', attendedOn: act.on, result: act.result } };
    case 'close':
      if (state.status === 'closed') return invalid;
      if (state.status === 'attended' ? !AFTER_RESULT.includes(act.outcome) : !WITHOUT_RESULT.includes(act.outcome)) {
        return { ok: false, field: 'outcome', key: 'health.outcomeForStatus' };
      }
      if (act.outcome === 'normal' && state.result !== 'normal') return { ok: false, field: 'outcome', key: 'health.outcomeForStatus' };
      return { ok: true, state: { ...state, status: 'closed', outcome: act.outcome, closedOn: act.on } };
  }
}

export function newReferral(level: ReferralLevel): ReferralState {
  return { status: 'suggested', level, institution: null, referredOn: null, attendedOn: null, result: null, outcome: null, closedOn: null };
}
