/**
 * Children's medical-insurance enrolment (应保尽保, SPEC §3.10): who counts, the rates and
 * their targets, as pure functions. Targets and the newborn window are dated data
 * (data/targets.json) from 《关于开展儿童参加基本医疗保险专项行动的通知》: at least 80% of newborns
 * enrolled in their birth year (from the end of 2024), at least 95% enrolment every year.
 *
 * Definitions (the same as the SQL of service.ts):
 * - the children of a year are the people registered in the unit who are under 18 at the end
 *   of the year and were alive at its start;
 * - a child is enrolled for a year when 医保 has stated an enrolment for that year;
 * - the newborns of a year are the children born in it; a newborn counts as enrolled in the
 *   birth year when enrolled for that year.
 */
import targets from './data/targets.json' with { type: 'json' };
import { addDays, daysBetween } from '../../app/dates.ts';

export type Measure = 'newbornInBirthYear' | 'overall';

interface Dated {
  effectiveFrom: string;
  effectiveTo: string | null;
}

function inEffect<T extends Dated>(rows: T[], on: string): T | undefined {
  return rows.find((r) => r.effectiveFrom <= on && (r.effectiveTo === null || on <= r.effectiveTo));
}

export const TARGET_SOURCE = targets.source;

/** The target of a measure for a year (in effect at the year's end), or null when none applies. */
export function targetFor(measure: Measure, year: number): number | null {
  return inEffect(targets.targets.filter((t) => t.measure === measure), `${year}-12-31`)?.threshold ?? null;
}

/** The first and last birth dates of the children of a year (under 18 at its end). */
export function childBirthRange(year: number): { from: string; to: string } {
  return { from: `${year - 17}-01-01`, to: `${year}-12-31` };
}

export interface EnrolmentCase {
  birthDate: string;
  deathDate?: string | null;
  /** The years with an enrolment. */
  enrolledYears: number[];
}

export interface EnrolmentCounts {
  children: number;
  enrolled: number;
  newborns: number;
  newbornsEnrolled: number;
}

/** Counts a unit's children and newborns of a year and how many are enrolled. */
export function enrolmentCounts(cases: EnrolmentCase[], year: number): EnrolmentCounts {
  const { from, to } = childBirthRange(year);
  const out: EnrolmentCounts = { children: 0, enrolled: 0, newborns: 0, newbornsEnrolled: 0 };
  for (const c of cases) {
    if (c.birthDate < from || c.birthDate > to) continue;
    if (c.deathDate && c.deathDate < `${year}-01-01`) continue;
    const enrolled = c.enrolledYears.includes(year);
    out.children++;
    if (enrolled) out.enrolled++;
    if (c.birthDate >= `${year}-01-01`) {
      out.newborns++;
      if (enrolled) out.newbornsEnrolled++;
    }
  }
  return out;
}

/** A rate, null when there is nobody to count. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export interface RateView {
  rate: number | null;
  target: number | null;
  /** met: at or above the target; below: under it; null when there is no rate or target. */
  status: 'met' | 'below' | null;
}

export function rateAgainstTarget(numerator: number, denominator: number, measure: Measure, year: number): RateView {
  const r = rate(numerator, denominator);
  const target = targetFor(measure, year);
  return { rate: r, target, status: r === null || target === null ? null : r >= target - 1e-9 ? 'met' : 'below' };
}

/** Days after birth within which a newborn's enrolment covers them from birth (dated setting). */
export function newbornWindowDays(birthDate: string): number {
  return inEffect(targets.newbornWindow, birthDate)?.days ?? 90;
}

/** Whether enrolment on a day covers a newborn from birth: within the window (the birth day counting as day 0). */
export function coversFromBirth(birthDate: string, enrolledOn: string): boolean {
  return daysBetween(birthDate, enrolledOn) <= newbornWindowDays(birthDate);
}

/** The last day of a newborn's window. */
export function windowEnds(birthDate: string): string {
  return addDays(birthDate, newbornWindowDays(birthDate));
}

/**
 * A break or gap for a year (断保、漏保, 000 §3): not enrolled for the year, and enrolled the
 * year before (a break) or not (missing). Null when enrolled.
 */
export function gapOf(enrolledYears: number[], year: number): 'break' | 'missing' | null {
  if (enrolledYears.includes(year)) return null;
  return enrolledYears.includes(year - 1) ? 'break' : 'missing';
}
