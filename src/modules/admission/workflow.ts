/**
 * The admission workflow as pure rules (入托"一件事", SPEC §3.5): who may apply for which
 * class, the states an application passes through, the acceptance deadline of an offer.
 *
 * Class types and their ages follow 《托育机构设置标准（试行）》(国卫人口发〔2019〕58号):
 * 乳儿班 6–12 months, 托小班 12–24 months, 托大班 24–36 months, and 混龄班 for children of
 * 18 months and over ("18个月以上的婴幼儿可混合编班"). A place is for a child under 3 on the
 * start date (托育服务 covers 0–3; SPEC §3.5).
 */
import { addDays, completedMonths } from '../../app/dates.ts';
import { CLASS_TYPES, type ClassType } from '../childcare/vocabulary.ts';

export { CLASS_TYPES, CARE_TYPES, type ClassType, type CareType } from '../childcare/vocabulary.ts';

/** Ages in completed months on the start date: from inclusive, to exclusive. */
export const CLASS_AGES: Record<ClassType, { fromMonths: number; toMonths: number }> = {
  infant: { fromMonths: 6, toMonths: 12 },
  toddler: { fromMonths: 12, toMonths: 24 },
  older: { fromMonths: 24, toMonths: 36 },
  mixed: { fromMonths: 18, toMonths: 36 },
};

/** The class types a child of this age on the start date may be placed in. */
export function classTypesForAge(ageMonths: number): ClassType[] {
  return CLASS_TYPES.filter((c) => ageMonths >= CLASS_AGES[c].fromMonths && ageMonths < CLASS_AGES[c].toMonths);
}

export type EligibilityProblem = 'tooOld' | 'tooYoung' | 'classTypeAge' | 'startBeforeRound';

/** Why a child may not apply for this class type on this start date (null: eligible). */
export function eligibilityProblem(birthDate: string, classType: ClassType, startDate: string, earliestStart: string): EligibilityProblem | null {
  if (startDate < earliestStart) return 'startBeforeRound';
  const age = completedMonths(birthDate, startDate);
  if (age >= 36) return 'tooOld';
  if (age < CLASS_AGES.infant.fromMonths) return 'tooYoung';
  if (!classTypesForAge(age).includes(classType)) return 'classTypeAge';
  return null;
}

/**
 * The states of an application. submitted: waiting for the round to run; offered: a place
 * is held until the deadline; waitlisted: no place yet, on the waiting lists of its choices;
 * accepted: the family took the place and the child is enrolled; declined / expired: the
 * offer was turned down or not answered in time; withdrawn: the family took the application
 * back; ended: the child left the center (exit).
 */
export const APPLICATION_STATUSES = ['submitted', 'offered', 'waitlisted', 'accepted', 'declined', 'expired', 'withdrawn', 'ended'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationEvent = 'allocateOffer' | 'allocateWaitlist' | 'offerFromWaitlist' | 'accept' | 'decline' | 'expire' | 'withdraw' | 'exit';

const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  submitted: { allocateOffer: 'offered', allocateWaitlist: 'waitlisted', withdraw: 'withdrawn' },
  waitlisted: { offerFromWaitlist: 'offered', withdraw: 'withdrawn' },
  offered: { accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' },
  accepted: { exit: 'ended' },
  declined: {},
  expired: {},
  withdrawn: {},
  ended: {},
};

/** The next state, or null when the event is not allowed in this state. */
export function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** States in which an application still counts as open (one open application per child and round). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'offered', 'waitlisted'];

/**
 * The last day to accept an offer: the offer day plus the round's answer period in calendar
 * days (the county sets it per round; 7 by default). An offer answered on its deadline day
 * still counts.
 */
export function offerDeadline(offeredOn: string, answerDays: number): string {
  if (!Number.isInteger(answerDays) || answerDays < 1) throw new RangeError('answerDays must be a positive whole number');
  return addDays(offeredOn, answerDays);
}

export function isOfferExpired(deadline: string, today: string): boolean {
  return today > deadline;
}

/** The states of a round: draft (centers set places), open (parents apply), allocated (offers out), closed. */
export const ROUND_STATUSES = ['draft', 'open', 'allocated', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

const ROUND_NEXT: Record<RoundStatus, RoundStatus | null> = { draft: 'open', open: 'allocated', allocated: 'closed', closed: null };

export function nextRoundStatus(status: RoundStatus): RoundStatus | null {
  return ROUND_NEXT[status];
}
