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
import { inEffect, unmetConditions, type Condition, type Facts, type PaymentUnit, type SubsidyRule } from './rules.ts';

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
  /** The payment unit of the monthly rules applied: an enrolled child (default) or a person and month. */
  unit?: Extract<PaymentUnit, 'childMonth' | 'personMonth'>;
}): MonthlyResult {
  const days = monthDays(input.month);
  const dim = days.length;
  const unit = input.unit ?? 'childMonth';
  const monthly = input.rules.filter((r) => r.kind === 'monthly' && r.unit === unit);
  // The month as segments of consecutive days with the same rules met (usually one).
  const segments: { from: number; to: number; rules: SubsidyRule[] }[] = [];
  for (let d = 0; d < dim; d++) {
    const facts = factsOn(input.centerFacts, days[d]);
    const applicable = facts ? monthly.filter((r) => inEffect(r, days[d]) && unmetConditions(r, facts).length === 0) : [];
    const last = segments[segments.length - 1];
    if (last && last.to === d - 1 && last.rules.length === applicable.length && last.rules.every((r, i) => r === applicable[i])) last.to = d;
    else segments.push({ from: d, to: d, rules: applicable });
  }
  const first = days[0];
  const lastDay = days[dim - 1];
  const lines: SubsidyLine[] = [];
  for (const e of input.enrolments) {
    if (e.from > lastDay || (e.to !== null && e.to < first)) continue;
    // The enrolment's days as indices into the month.
    const a = e.from <= first ? 0 : days.indexOf(e.from);
    const b = e.to === null || e.to >= lastDay ? dim - 1 : days.indexOf(e.to);
    const byRule = new Map<SubsidyRule, [number, number][]>();
    for (const seg of segments) {
      const lo = Math.max(a, seg.from);
      const hi = Math.min(b, seg.to);
      if (lo > hi) continue;
      for (const rule of seg.rules) {
        const spans = byRule.get(rule) ?? [];
        const prev = spans[spans.length - 1];
        if (prev && prev[1] === lo - 1) prev[1] = hi;
        else spans.push([lo, hi]);
        byRule.set(rule, spans);
      }
    }
    const mine = [...byRule.entries()].sort((x, y) => x[1][0][0] - y[1][0][0]);
    for (const [rule, spans] of mine) {
      const n = spans.reduce((s, [lo, hi]) => s + hi - lo + 1, 0);
      lines.push({
        ruleCode: rule.code,
        enrolmentId: e.enrolmentId,
        personId: e.personId,
        rateFen: rule.amountFen,
        days: n,
        daysInMonth: dim,
        spans: spans.map(([lo, hi]) => [days[lo], days[hi]]),
        amountFen: prorate(rule.amountFen, n, dim),
      });
    }
  }
  const lastFacts = factsOn(input.centerFacts, lastDay) ?? {};
  const unmet = monthly
    .filter((r) => inEffect(r, lastDay))
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
