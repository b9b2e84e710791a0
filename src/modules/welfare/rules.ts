/**
 * The rules of the child-welfare ledger as data and pure functions:
 * - the categories of key children (data/categories.json, from 《绍兴市儿童与福利发展“十四五”规划》),
 *   each with its basis and a dated visit interval;
 * - a membership ends at the latest on the day before the child's 18th birthday;
 * - the next visit falls due one interval after the last visit (or the start of the
 *   membership), the shortest interval of the categories the child holds;
 * - basic living support (基本生活保障) by dated standards (data/support-standards.json), one
 *   standard per child and day, computed by the subsidies engine and prorated by calendar days.
 */
import { addDays, addMonths } from '../../app/dates.ts';
import { computeMonthlySubsidy, monthDays, type MonthlyResult } from '../subsidies/index.ts';
import type { SubsidyRule, CenterFactsSpan } from '../subsidies/index.ts';
import categoryData from './data/categories.json' with { type: 'json' };
import standardsData from './data/support-standards.json' with { type: 'json' };

export interface DatedInterval {
  effectiveFrom: string;
  effectiveTo: string | null;
  days: number;
}

export interface Category {
  code: string;
  zh: string;
  en: string;
  basis: string;
  subclasses: { code: string; zh: string; en: string }[];
  visitIntervals: DatedInterval[];
}

export const CATEGORIES: readonly Category[] = categoryData.categories;
export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];
export const CATEGORIES_SOURCE: string = categoryData.source;

export function categoryOf(code: string): Category | undefined {
  return CATEGORIES.find((c) => c.code === code);
}

/** A subclass is required where the category has a classification, and must be one of it. */
export function checkSubclass(category: string, subclass: string | null | undefined): 'unknownCategory' | 'subclassRequired' | 'unknownSubclass' | null {
  const c = categoryOf(category);
  if (!c) return 'unknownCategory';
  if (c.subclasses.length === 0) return subclass ? 'unknownSubclass' : null;
  if (!subclass) return 'subclassRequired';
  return c.subclasses.some((s) => s.code === subclass) ? null : 'unknownSubclass';
}

/**
 * The last day a child may hold a category: the day before the 18th birthday (未成年人:
 * under 18, 《中华人民共和国未成年人保护法》). A child born on 29 February turns 18 on
 * 28 February of a common year, so its last day is 27 February.
 */
export function lastDayAsMinor(birthDate: string): string {
  return addDays(addMonths(birthDate, 18 * 12), -1);
}

export interface MembershipDates {
  category: string;
  subclass?: string | null;
  startDate: string;
  /** The recorded end (inclusive), or null while open. */
  endDate: string | null;
}

/** The day a membership actually ends: its recorded end or the last day as a minor, whichever is first. */
export function effectiveEnd(m: Pick<MembershipDates, 'endDate'>, birthDate: string): string {
  const minor = lastDayAsMinor(birthDate);
  return m.endDate !== null && m.endDate < minor ? m.endDate : minor;
}

export function activeOn(m: MembershipDates, birthDate: string, day: string): boolean {
  return m.startDate <= day && day <= effectiveEnd(m, birthDate);
}

/** The visit interval of a category on a day (the version in force), or null when none is. */
export function visitIntervalOn(category: string, day: string): number | null {
  const c = categoryOf(category);
  const v = c?.visitIntervals.find((i) => i.effectiveFrom <= day && (i.effectiveTo === null || day <= i.effectiveTo));
  return v?.days ?? null;
}

export interface VisitDue {
  /** The day the next visit is due. */
  dueOn: string;
  /** The interval applied and the category it came from. */
  intervalDays: number;
  category: string;
  /** The day counted from: the last visit, or the start of the earliest active membership. */
  from: string;
}

/**
 * When the next visit is due, today: one interval after the last visit (or after the start
 * of the earliest active membership when there was none), the shortest interval in force on
 * that day among the categories the child holds today. Null when the child holds none.
 */
export function nextVisitDue(input: { memberships: readonly MembershipDates[]; birthDate: string; lastVisitOn: string | null; today: string }): VisitDue | null {
  const active = input.memberships.filter((m) => activeOn(m, input.birthDate, input.today));
  if (active.length === 0) return null;
  const from = input.lastVisitOn ?? active.map((m) => m.startDate).sort()[0];
  let best: { days: number; category: string } | null = null;
  for (const m of active) {
    const days = visitIntervalOn(m.category, from) ?? visitIntervalOn(m.category, input.today);
    if (days !== null && (best === null || days < best.days)) best = { days, category: m.category };
  }
  if (!best) return null;
  return { dueOn: addDays(from, best.days), intervalDays: best.days, category: best.category, from };
}

/** Overdue: the due day has passed without a visit. */
export function isOverdue(due: Pick<VisitDue, 'dueOn'> | null, today: string): boolean {
  return due !== null && due.dueOn < today;
}

// ---- basic living support ----------------------------------------------------------------

export const SUPPORT_SOURCE: string = standardsData.source;
export const SUPPORT_ORDER: readonly string[] = standardsData.supportOrder;

/** The standards as rules of the subsidies engine: a person-month amount for one support class. */
export const SUPPORT_RULES: readonly SubsidyRule[] = standardsData.rules.map((r) => ({
  code: r.code,
  programme: 'welfare',
  kind: 'monthly',
  unit: 'personMonth',
  amountFen: r.amountFen,
  basis: 'fixed',
  conditions: [{ fact: 'child.supportClass', op: 'eq', value: r.class }],
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
}));

/** The support class of a membership ("orphan.scattered", "deFacto"), or null when its category carries none. */
export function supportClassOf(m: Pick<MembershipDates, 'category' | 'subclass'>): string | null {
  const key = m.subclass ? `${m.category}.${m.subclass}` : m.category;
  return SUPPORT_ORDER.includes(key) ? key : null;
}

/** The child's support class on each day of the month (the first of SUPPORT_ORDER held that day), as spans. */
export function supportFactSpans(memberships: readonly MembershipDates[], birthDate: string, month: string): CenterFactsSpan[] {
  const spans: CenterFactsSpan[] = [];
  for (const day of monthDays(month)) {
    const held = memberships.filter((m) => activeOn(m, birthDate, day)).map(supportClassOf).filter((c): c is string => c !== null);
    const cls = SUPPORT_ORDER.find((c) => held.includes(c)) ?? null;
    const last = spans[spans.length - 1];
    if (last && last.facts['child.supportClass'] === cls) last.to = day;
    else spans.push({ from: day, to: day, facts: { 'child.supportClass': cls } });
  }
  return spans;
}

/** One child's basic living support for a month: one line per standard applied, with its days. */
export function computeChildSupport(input: { month: string; childId: string; personId: string; birthDate: string; memberships: readonly MembershipDates[]; rules?: readonly SubsidyRule[] }): MonthlyResult {
  return computeMonthlySubsidy({
    month: input.month,
    unit: 'personMonth',
    rules: input.rules ?? SUPPORT_RULES,
    centerFacts: supportFactSpans(input.memberships, input.birthDate, input.month),
    enrolments: [{ enrolmentId: input.childId, personId: input.personId, from: `${input.month}-01`, to: null }],
  });
}
