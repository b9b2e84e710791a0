/**
 * The case workflow of the "five-in-one" rescue and protection mechanism (五位一体, seed 000 §6):
 * mandatory report (强制报告) → emergency response (应急处置) → assessment and support (评估帮扶)
 * → guardianship intervention (监护干预) → monitoring and prevention (监测预防) → closed.
 *
 * The machine is data: each transition names the stages it leaves from, the stage it enters, the
 * permission it needs and whether a note (the reason) is required. `nextStage` is the only way a
 * case changes stage; anything not in the table is illegal.
 */
import type { Permission } from '../access/roles.ts';

export const STAGES = ['report', 'emergency', 'assessment', 'intervention', 'monitoring', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const OPEN_STAGES = STAGES.filter((s) => s !== 'closed') as Exclude<Stage, 'closed'>[];

export const ACTIONS = ['startEmergency', 'startAssessment', 'startIntervention', 'startMonitoring', 'escalate', 'reassess', 'closeUnfounded', 'close', 'reopen'] as const;
export type CaseAction = (typeof ACTIONS)[number];

/** Why a closed case was closed. */
export type ClosedReason = 'unfounded' | 'resolved';

export interface Transition {
  action: CaseAction;
  from: readonly Stage[];
  to: Stage;
  /** The worker's permission (on cases assigned to them) or the supervisor's (any case in scope). */
  permission: Extract<Permission, 'protection.handle' | 'protection.supervise'>;
  /** A reason must be written down (closing, reopening, escalating). */
  noteRequired: boolean;
  closedReason?: ClosedReason;
}

export const TRANSITIONS: readonly Transition[] = [
  // A report that shows a child in danger: response on the spot (带离、安置、救治).
  { action: 'startEmergency', from: ['report'], to: 'emergency', permission: 'protection.handle', noteRequired: false },
  // Verified without immediate danger, or the emergency is under control: assess the family and support.
  { action: 'startAssessment', from: ['report', 'emergency'], to: 'assessment', permission: 'protection.handle', noteRequired: false },
  // The guardian fails the child: warning, guidance, temporary care, or an application to the court.
  { action: 'startIntervention', from: ['assessment', 'monitoring'], to: 'intervention', permission: 'protection.handle', noteRequired: false },
  // Support in place: watch the child and prevent recurrence.
  { action: 'startMonitoring', from: ['assessment', 'intervention'], to: 'monitoring', permission: 'protection.handle', noteRequired: false },
  // New harm found while the case is open: back to emergency response.
  { action: 'escalate', from: ['assessment', 'intervention', 'monitoring'], to: 'emergency', permission: 'protection.handle', noteRequired: true },
  // Monitoring shows a new risk: the family is assessed again.
  { action: 'reassess', from: ['monitoring'], to: 'assessment', permission: 'protection.handle', noteRequired: true },
  // The report did not hold up on verification or assessment: a supervisor closes it as unfounded.
  { action: 'closeUnfounded', from: ['report', 'assessment'], to: 'closed', permission: 'protection.supervise', noteRequired: true, closedReason: 'unfounded' },
  // Monitoring ended without recurrence: a supervisor closes the case.
  { action: 'close', from: ['monitoring'], to: 'closed', permission: 'protection.supervise', noteRequired: true, closedReason: 'resolved' },
  // A new incident on a closed case reopens it, for assessment.
  { action: 'reopen', from: ['closed'], to: 'assessment', permission: 'protection.supervise', noteRequired: true },
];

export function transitionOf(action: CaseAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

export type TransitionResult =
  | { ok: true; to: Stage; transition: Transition }
  | { ok: false; reason: 'illegal' | 'noteRequired' | 'forbidden' };

/**
 * Whether `action` may move a case out of `from`, for someone holding `permissions`
 * (a worker acts only on cases assigned to them: the caller checks that before).
 */
export function nextStage(from: Stage, action: CaseAction, ctx: { permissions: readonly string[]; note?: string | null }): TransitionResult {
  const t = TRANSITIONS.find((x) => x.action === action);
  if (!t || !t.from.includes(from)) return { ok: false, reason: 'illegal' };
  if (!mayAct(t, ctx.permissions)) return { ok: false, reason: 'forbidden' };
  if (t.noteRequired && !ctx.note?.trim()) return { ok: false, reason: 'noteRequired' };
  return { ok: true, to: t.to, transition: t };
}

/** A supervisor may do what a worker may; a worker may not do a supervisor's steps. */
export function mayAct(t: Transition, permissions: readonly string[]): boolean {
  return permissions.includes(t.permission) || permissions.includes('protection.supervise');
}

/** The actions legal from a stage for someone holding `permissions`, in table order (the buttons). */
export function legalActions(from: Stage, permissions: readonly string[]): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(from) && mayAct(t, permissions));
}
