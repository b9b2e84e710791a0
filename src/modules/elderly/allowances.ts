/**
 * The elderly rules of SPEC §3.8 (seed 004) on the subsidies rules engine: the rule rows are
 * data/elderly-rules.json (programme 'elderly'); these pure functions build the facts a rule
 * tests and explain each amount. Care-worker awards, front-line allowances and directed-training
 * students are rules about staff; the pension increments and the nursing subsidy are rules
 * about elderly people, paid proactively from their records (免申即享).
 */
import data from './data/elderly-rules.json' with { type: 'json' };
import { addMonths, addDays } from '../../app/dates.ts';
import { rulesInEffect, unmetConditions, type Facts, type SubsidyRule } from '../subsidies/index.ts';

export const ELDERLY_RULES_SOURCE = data.source;
export const ELDERLY_RULES: SubsidyRule[] = (data.rules as Omit<SubsidyRule, 'programme' | 'effectiveFrom' | 'effectiveTo'>[]).map((r) => ({
  ...r,
  programme: 'elderly',
  effectiveFrom: data.effectiveFrom,
  effectiveTo: null,
}));
export const GRADUATE_SCHEDULE: { afterYears: number; sharePct: number }[] = data.graduateSchedule;
export const DIRECTED_TRAINING_MONTHS = data.directedTrainingMonthsPerYear;

export { EDUCATIONS, type GraduateEducation } from './vocabulary.ts';

export interface Instalment {
  dueOn: string;
  afterYears: number;
  sharePct: number;
  amountFen: number;
}

/**
 * The graduates' entry award paid in instalments after whole years of service (004: 30 % after
 * 3 years, 30 % after 4, 40 % after 5). The shares are rounded down to the fen and the last
 * instalment takes the remainder, so the instalments add up to the award exactly.
 */
export function graduateInstalments(awardFen: number, startedOn: string, schedule = GRADUATE_SCHEDULE): Instalment[] {
  let paid = 0;
  return schedule.map((s, i) => {
    const amountFen = i === schedule.length - 1 ? awardFen - paid : Math.floor((awardFen * s.sharePct) / 100);
    paid += amountFen;
    return { dueOn: addMonths(startedOn, s.afterYears * 12), afterYears: s.afterYears, sharePct: s.sharePct, amountFen };
  });
}

export interface SkillCertificate {
  /** 1 一级/高级技师 … 5 五级/初级工. */
  level: 1 | 2 | 3 | 4 | 5;
  certifiedOn: string;
}

/**
 * A front-line worker's facts for a month: in the second year of service when a full year is
 * completed by the first of the month (004: "from the second year"); the skill level is the
 * best certificate obtained before the month began (an upgrade applies from the next month).
 */
export function workerFacts(startedOn: string, certificates: readonly SkillCertificate[], month: string): Facts {
  const first = `${month}-01`;
  const held = certificates.filter((c) => c.certifiedOn < first);
  const level = held.length ? Math.min(...held.map((c) => c.level)) : null;
  return { 'worker.secondYear': addMonths(startedOn, 12) <= first, 'worker.skillLevel': level };
}

/**
 * A directed-training student's amount for a school year: the monthly rate (at most 500 yuan)
 * for each month in school, at most 10 months (004).
 */
export function directedTrainingAmount(monthlyFen: number, monthsInSchool: number): { months: number; amountFen: number } {
  const months = Math.max(0, Math.min(Math.floor(monthsInSchool), DIRECTED_TRAINING_MONTHS));
  return { months, amountFen: months * monthlyFen };
}

/**
 * The age that counts for a month: the age on the last day of the month before, so a new age
 * band is paid from the month after the birthday month, without back-pay.
 */
export function ageForMonth(birthDate: string, month: string): number {
  const day = addDays(`${month}-01`, -1);
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export interface Entitlement {
  ruleCode: string;
  amountFen: number;
  /** The conditions met: the explanation of the amount. */
  met: SubsidyRule['conditions'];
}

/** The monthly rules a set of facts meets on the first of a month, each with its amount and why. */
export function monthlyEntitlements(rules: readonly SubsidyRule[], facts: Facts, month: string, prefix?: string): Entitlement[] {
  return rulesInEffect(rules, `${month}-01`)
    .filter((r) => r.programme === 'elderly' && r.kind === 'monthly' && (!prefix || r.code.startsWith(prefix)))
    .filter((r) => unmetConditions(r, facts).length === 0)
    .map((r) => ({ ruleCode: r.code, amountFen: r.amountFen, met: r.conditions }));
}
