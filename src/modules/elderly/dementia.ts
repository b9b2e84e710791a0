/**
 * Dementia screening as a closed loop (seed 004 §8): screen → early intervention → graded
 * referral → care, tracked to closure. The screening cut-offs and the transitions are the
 * data file data/dementia-loop.json; an action not allowed from a state is refused.
 */
import loop from './data/dementia-loop.json' with { type: 'json' };
import { addDays } from '../../app/dates.ts';

export const DEMENTIA_STATES = ['screened', 'intervening', 'referred', 'inCare', 'closed'] as const;
export type DementiaState = (typeof DEMENTIA_STATES)[number];
export const DEMENTIA_ACTIONS = ['intervene', 'refer', 'startCare', 'close'] as const;
export type DementiaAction = (typeof DEMENTIA_ACTIONS)[number];
export const SCREEN_TOOLS = ['ad8', 'mmse'] as const;
export type ScreenTool = (typeof SCREEN_TOOLS)[number];
export const EDUCATION_LEVELS = ['none', 'primary', 'juniorOrAbove'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
/** 分级转诊: the township health center's memory clinic, the county hospital, the city's specialist hospital. */
export const REFERRAL_LEVELS = ['township', 'county', 'city'] as const;
export const CLOSE_OUTCOMES = ['negative', 'stable', 'inLongTermCare', 'declined', 'movedAway', 'deceased'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

interface Transition {
  action: DementiaAction;
  from: DementiaState[];
  to: DementiaState;
  dueDays: number | null;
}
export const DEMENTIA_LOOP = loop as unknown as {
  tools: { ad8: { max: number; positiveAtLeast: number }; mmse: { max: number; abnormalAtMost: Record<Education, number> } };
  transitions: Transition[];
  dueOnOpen: number;
};

export type ScreenIssue = { field: string; key: string; params?: Record<string, number> };

export function checkScreen(tool: ScreenTool, score: number, education: Education | null): ScreenIssue | null {
  const t = DEMENTIA_LOOP.tools[tool];
  if (!Number.isInteger(score) || score < 0 || score > t.max) return { field: 'score', key: 'elderly.scoreRange', params: { max: t.max } };
  if (tool === 'mmse' && !education) return { field: 'education', key: 'required' };
  return null;
}

/** Whether a screen is positive: AD8 ≥ 2; MMSE at or below the cut-off of the person's schooling. */
export function screenPositive(tool: ScreenTool, score: number, education: Education | null): boolean {
  if (tool === 'ad8') return score >= DEMENTIA_LOOP.tools.ad8.positiveAtLeast;
  return score <= DEMENTIA_LOOP.tools.mmse.abnormalAtMost[education ?? 'none'];
}

/** The actions allowed from a state. */
export function allowedActions(state: DementiaState): DementiaAction[] {
  return DEMENTIA_LOOP.transitions.filter((t) => t.from.includes(state)).map((t) => t.action);
}

export type StepResult = { ok: true; to: DementiaState; dueOn: string | null } | { ok: false; field: string; key: string };

/** The next state of a case after an action on a day, with the due date of its next step; an illegal step is refused. */
export function stepDementiaCase(state: DementiaState, action: DementiaAction, on: string, lastOn: string): StepResult {
  const t = DEMENTIA_LOOP.transitions.find((x) => x.action === action && x.from.includes(state));
  if (!t) return { ok: false, field: 'action', key: 'elderly.illegalTransition' };
  if (on < lastOn) return { ok: false, field: 'on', key: 'elderly.beforeLastStep' };
  return { ok: true, to: t.to, dueOn: t.dueDays === null ? null : addDays(on, t.dueDays) };
}
