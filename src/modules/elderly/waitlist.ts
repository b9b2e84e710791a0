/**
 * The waiting list of a public elderly home (入住轮候): who is admitted first, by the published
 * rules of data/waiting-list-rules.json — the priority group, then the ability level (more
 * impaired first), then the application date. Each applicant's position carries why.
 */
import rules from './data/waiting-list-rules.json' with { type: 'json' };
import { ABILITY_LEVELS, atLeast, type AbilityLevel } from './ability.ts';
import { addDays, daysBetween } from '../../app/dates.ts';
import type { EconomicStatus, PriorityFlag } from './vocabulary.ts';

type Clause = { fact: 'economicStatus' | 'flag' | 'abilityAtLeast' | 'ageAtLeast'; in: (string | number)[]; andAbilityAtLeast?: AbilityLevel };
export interface WaitingGroup {
  code: string;
  outsideQueue: boolean;
  anyOf: Clause[];
}
export interface WaitingListRules {
  title: string;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  groups: WaitingGroup[];
  reapplyBar: { withdrawals: number; withinDays: number; barDays: number };
}
export const WAITING_LIST_RULES = rules as WaitingListRules;

export interface Applicant {
  id: string;
  appliedOn: string;
  age: number;
  economicStatus: EconomicStatus | null;
  flags: readonly PriorityFlag[];
  abilityLevel: AbilityLevel | null;
}

export interface Why {
  /** i18n key under elderly:waitWhy. */
  key: string;
  params?: Record<string, string | number>;
}

export interface Placed<A extends Applicant> {
  applicant: A;
  group: string;
  outsideQueue: boolean;
  /** 1-based place in the queue; null for those admitted outside it. */
  position: number | null;
  why: Why[];
}

function clauseHolds(c: Clause, a: Applicant): boolean {
  switch (c.fact) {
    case 'economicStatus':
      return c.in.includes(a.economicStatus ?? '') && (!c.andAbilityAtLeast || atLeast(a.abilityLevel, c.andAbilityAtLeast));
    case 'flag':
      return a.flags.some((f) => c.in.includes(f));
    case 'abilityAtLeast':
      return c.in.some((l) => atLeast(a.abilityLevel, l as AbilityLevel));
    case 'ageAtLeast':
      return c.in.some((n) => a.age >= Number(n));
  }
}

/** The first group of the rules whose clauses the applicant meets (the last group has none: everyone). */
export function groupOf(a: Applicant, r: WaitingListRules = WAITING_LIST_RULES): { group: WaitingGroup; clause: Clause | null } {
  for (const g of r.groups) {
    if (g.anyOf.length === 0) return { group: g, clause: null };
    const clause = g.anyOf.find((c) => clauseHolds(c, a));
    if (clause) return { group: g, clause };
  }
  return { group: r.groups[r.groups.length - 1], clause: null };
}

const severity = (l: AbilityLevel | null) => (l === null ? -1 : ABILITY_LEVELS.indexOf(l));

/** Orders the applicants of one home: outside the queue first, then by group, ability level (more impaired first), application date, id. */
export function orderWaitingList<A extends Applicant>(applicants: readonly A[], r: WaitingListRules = WAITING_LIST_RULES): Placed<A>[] {
  const rank = new Map(r.groups.map((g, i) => [g.code, i]));
  const withGroup = applicants.map((a) => ({ a, ...groupOf(a, r) }));
  withGroup.sort(
    (x, y) =>
      rank.get(x.group.code)! - rank.get(y.group.code)! ||
      severity(y.a.abilityLevel) - severity(x.a.abilityLevel) ||
      (x.a.appliedOn < y.a.appliedOn ? -1 : x.a.appliedOn > y.a.appliedOn ? 1 : 0) ||
      (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0),
  );
  let position = 0;
  return withGroup.map(({ a, group, clause }) => {
    const why: Why[] = [{ key: `group.${group.code}` }];
    if (clause) why.push({ key: `clause.${clause.fact}`, params: { value: String(clause.fact === 'economicStatus' ? a.economicStatus : clause.fact === 'flag' ? a.flags.find((f) => clause.in.includes(f)) : clause.in[0]) } });
    if (!group.outsideQueue) {
      why.push(a.abilityLevel ? { key: 'ability', params: { level: a.abilityLevel } } : { key: 'notAssessed' });
      why.push({ key: 'appliedOn', params: { date: a.appliedOn } });
    }
    return { applicant: a, group: group.code, outsideQueue: group.outsideQueue, position: group.outsideQueue ? null : ++position, why };
  });
}

/**
 * The day until which a person may not apply again after withdrawing (the published rules:
 * two withdrawals within a year bar a new application for a year), or null when free to apply.
 */
export function reapplyBarredUntil(withdrawnOn: readonly string[], on: string, r: WaitingListRules = WAITING_LIST_RULES): string | null {
  const { withdrawals, withinDays, barDays } = r.reapplyBar;
  const days = [...withdrawnOn].filter((d) => d <= on).sort();
  let until: string | null = null;
  for (let i = withdrawals - 1; i < days.length; i++) {
    if (daysBetween(days[i - withdrawals + 1], days[i]) < withinDays) {
      const end = addDays(days[i], barDays);
      if (end > on && (until === null || end > until)) until = end;
    }
  }
  return until;
}
