/**
 * The monthly subsidy of one center (004: 500 / 700 / 900 yuan per enrolled child per month
 * for affordable centers graded three / two / one), computed from enrolment records.
 *
 * Partial months: the monthly rate is prorated by calendar days. For each day of the month
 * the center's facts of that day (filed, affordable, grade) select the rules in force and
 * met; each child enrolled that day earns rate ÷ days-in-month of each such rule. A child
 * enrolled for the whole month under one rule gets exactly the monthly rate; a child who
 * starts on the 16th of a 30-day month gets 15/30 of it; a grade change on the 10th splits
 * the month into two lines at the two rates. Each line's amount is rounded half up to the
 * fen once, from the exact fraction rate × days ÷ days-in-month.
 */
import { addDays } from '../../app/dates.ts';
import { inEffect, unmetConditions, type Condition, type Facts, type SubsidyRule } from './rules.ts';

export interface CenterFactsSpan {
  /** Inclusive first and last day over which the facts held. */
  from: string;
  to: string;
  facts: Facts;
}

export interface Enrolment {
  enrolmentId: string;
  personId: string;
  /** First day enrolled, and the last (inclusive), or null while enrolled. */
  from: string;
  to: string | null;
}

export interface SubsidyLine {
  ruleCode: string;
  enrolmentId: string;
  personId: string;
  rateFen: number;
  days: number;
  daysInMonth: number;
  /** The enrolled days under this rule, as inclusive spans. */
  spans: [string, string][];
  amountFen: number;
}

export interface MonthlyResult {
  month: string;
  daysInMonth: number;
  lines: SubsidyLine[];
  totalFen: number;
  children: number;
  /** Monthly rules in force at the month's end that the center did not meet, and why. */
  unmet: { ruleCode: string; conditions: Condition[] }[];
}

export function monthDays(month: string): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  return days;
}

/** rate × days ÷ daysInMonth, rounded half up to the fen, in integers. */
export function prorate(rateFen: number, days: number, daysInMonth: number): number {
  return Math.floor((2 * rateFen * days + daysInMonth) / (2 * daysInMonth));
}

function factsOn(spans: readonly CenterFactsSpan[], day: string): Facts | null {
  for (const s of spans) if (s.from <= day && day <= s.to) return s.facts;
  return null;
}

export function computeMonthlySubsidy(input: {
  month: string;
  rules: readonly SubsidyRule[];
  centerFacts: readonly CenterFactsSpan[];
  enrolments: readonly Enrolment[];
}): MonthlyResult {
  const days = monthDays(input.month);
  const dim = days.length;
  const monthly = input.rules.filter((r) => r.kind === 'monthly' && r.unit === 'childMonth');
  const acc = new Map<string, { rule: SubsidyRule; e: Enrolment; days: string[] }>();
  for (const day of days) {
    const facts = factsOn(input.centerFacts, day);
    if (!facts) continue;
    const applicable = monthly.filter((r) => inEffect(r, day) && unmetConditions(r, facts).length === 0);
    if (applicable.length === 0) continue;
    for (const e of input.enrolments) {
      if (e.from > day || (e.to !== null && e.to < day)) continue;
      for (const rule of applicable) {
        const key = `${e.enrolmentId}|${rule.code}|${rule.effectiveFrom}`;
        const a = acc.get(key) ?? { rule, e, days: [] };
        a.days.push(day);
        acc.set(key, a);
      }
    }
  }
  const order = new Map(input.enrolments.map((e, i) => [e.enrolmentId, i]));
  const groups = [...acc.values()].sort((a, b) => order.get(a.e.enrolmentId)! - order.get(b.e.enrolmentId)! || (a.days[0] < b.days[0] ? -1 : 1));
  const lines: SubsidyLine[] = groups.map(({ rule, e, days: ds }) => ({
    ruleCode: rule.code,
    enrolmentId: e.enrolmentId,
    personId: e.personId,
    rateFen: rule.amountFen,
    days: ds.length,
    daysInMonth: dim,
    spans: toSpans(ds),
    amountFen: prorate(rule.amountFen, ds.length, dim),
  }));
  const last = days[dim - 1];
  const lastFacts = factsOn(input.centerFacts, last) ?? {};
  const unmet = monthly
    .filter((r) => inEffect(r, last))
    .map((r) => ({ ruleCode: r.code, conditions: unmetConditions(r, lastFacts) }))
    .filter((u) => u.conditions.length > 0);
  return {
    month: input.month,
    daysInMonth: dim,
    lines,
    totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    children: new Set(lines.map((l) => l.personId)).size,
    unmet,
  };
}

/** Consecutive days as inclusive [from, to] spans. */
export function toSpans(days: readonly string[]): [string, string][] {
  const spans: [string, string][] = [];
  for (const d of days) {
    const last = spans[spans.length - 1];
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else spans.push([d, d]);
  }
  return spans;
}

/** A one-time amount on an approved claim (004: premises up to 200,000 yuan; converted places up to 1,000 yuan each). */
export function computeOneTimeSubsidy(rule: Pick<SubsidyRule, 'unit' | 'amountFen' | 'basis'>, claim: { costFen: number; places?: number }): { capFen: number; amountFen: number } {
  const units = rule.unit === 'place' ? (claim.places ?? 0) : 1;
  const capFen = rule.amountFen * units;
  const amountFen = rule.basis === 'fixed' ? capFen : Math.min(claim.costFen, capFen);
  return { capFen, amountFen };
}
