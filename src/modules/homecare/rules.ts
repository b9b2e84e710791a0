/**
 * Home-care rules as dated data and pure functions: the service categories the care card
 * pays for, who may hold a card, and the time bank's exchange rules (hours per service type,
 * from which age hours may be redeemed, to which relatives they may be given, validity).
 *
 * Sources:
 * - 《绍兴市人民政府关于印发绍兴市“一老一小”整体解决方案的通知》 (2023): 六助 services (助餐、助浴、
 *   助急、助医、助行、助洁), family care beds and respite care for families of disabled elderly;
 *   the 爱心卡 issued as virtual currency for 六助-based home care of disabled, demented and very
 *   old people; a 时间银行 for elderly-care volunteering "with a sound exchange mechanism".
 * - 《上海市“沪助养老时光汇”项目管理办法》: one hour of service earns one time coin whatever the
 *   service; coins may be given to relatives; non-professional, low-risk services only
 *   (daily care, emotional support, culture and recreation, talks); no cash-out.
 * - 《中华人民共和国老年人权益保障法》: an elderly person is a citizen aged 60 or over.
 * No Shaoxing text fixes the redemption age, the transfer scope or a validity period: they are
 * configured here as dated data, and the pages say that they are configurable.
 */

export const SERVICE_CATEGORIES = ['meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning', 'respite', 'careBed'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
/** The six 六助 services; respite care and family care beds are service kinds of their own. */
export const SIX_SERVICES: readonly ServiceCategory[] = ['meal', 'bath', 'emergency', 'medical', 'mobility', 'cleaning'];

export const CHARGE_UNITS = ['service', 'hour', 'day', 'month'] as const;
export type ChargeUnit = (typeof CHARGE_UNITS)[number];

export const RELATIONS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling'] as const;
export type Relation = (typeof RELATIONS)[number];

export const VOLUNTEER_SERVICE_TYPES = ['dailyCare', 'emotionalSupport', 'recreation', 'talks'] as const;
export type VolunteerServiceType = (typeof VOLUNTEER_SERVICE_TYPES)[number];

interface Dated {
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}

export interface CareCardRule extends Dated {
  /** The youngest age at which a person may hold a card. */
  minAge: number;
  /** What the card may pay for (programme money only on its eligible categories). */
  eligibleCategories: readonly ServiceCategory[];
}

export interface TimeBankRule extends Dated {
  /** Minutes earned per minute of confirmed service, by service type (1 = one hour earns one hour). */
  rates: Record<VolunteerServiceType, number>;
  /** The longest service one record may count, in minutes. */
  maxMinutesPerRecord: number;
  /** The youngest age at which a person may redeem hours for services received. */
  redeemMinAge: number;
  /** The relatives a volunteer may give hours to. */
  transferRelations: readonly Relation[];
  /** Months hours stay valid; null: no expiry. */
  validityMonths: number | null;
}

const PLAN = '《绍兴市人民政府关于印发绍兴市“一老一小”整体解决方案的通知》';
const SHANGHAI = '《上海市“沪助养老时光汇”项目管理办法》';
const ELDERLY_LAW = '《中华人民共和国老年人权益保障法》';

export const CARE_CARD_RULES: readonly CareCardRule[] = [
  { effectiveFrom: '2023-06-06', effectiveTo: null, minAge: 60, eligibleCategories: SERVICE_CATEGORIES, source: `${PLAN}；${ELDERLY_LAW}` },
];

export const TIME_BANK_RULES: readonly TimeBankRule[] = [
  {
    effectiveFrom: '2023-06-06',
    effectiveTo: null,
    rates: { dailyCare: 1, emotionalSupport: 1, recreation: 1, talks: 1 },
    maxMinutesPerRecord: 480,
    redeemMinAge: 60,
    transferRelations: ['spouse', 'parent', 'child', 'grandparent', 'grandchild'],
    validityMonths: null,
    source: `${PLAN}；${SHANGHAI}；${ELDERLY_LAW}`,
  },
];

/** The version of a dated rule in force on a day. */
export function ruleOn<T extends Dated>(rules: readonly T[], day: string): T {
  const r = rules.find((x) => x.effectiveFrom <= day && (x.effectiveTo === null || day <= x.effectiveTo));
  if (!r) throw new Error(`no rule in force on ${day}`);
  return r;
}

/** Whole years of age on a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Minutes a confirmed service earns, or an error key. */
export function earnedMinutes(rule: TimeBankRule, type: string, minutes: number): { minutes: number } | { error: string } {
  if (!(VOLUNTEER_SERVICE_TYPES as readonly string[]).includes(type)) return { error: 'homecare.serviceTypeUnknown' };
  if (!Number.isInteger(minutes) || minutes <= 0) return { error: 'homecare.amountPositive' };
  if (minutes > rule.maxMinutesPerRecord) return { error: 'homecare.amountTooLarge' };
  return { minutes: Math.round(minutes * rule.rates[type as VolunteerServiceType]) };
}

export function mayRedeem(rule: TimeBankRule, birthDate: string, day: string): boolean {
  return ageOn(birthDate, day) >= rule.redeemMinAge;
}

export function mayTransfer(rule: TimeBankRule, relation: Relation | null): boolean {
  return relation !== null && rule.transferRelations.includes(relation);
}

export function mayHoldCard(rule: CareCardRule, birthDate: string, day: string): boolean {
  return ageOn(birthDate, day) >= rule.minAge;
}

export function cardPaysFor(rule: CareCardRule, category: ServiceCategory): boolean {
  return rule.eligibleCategories.includes(category);
}

/** The relation seen from the other side: a parent's child is the child's parent. */
export function inverseRelation(r: Relation): Relation {
  const inverse: Record<Relation, Relation> = { spouse: 'spouse', parent: 'child', child: 'parent', grandparent: 'grandchild', grandchild: 'grandparent', sibling: 'sibling' };
  return inverse[r];
}

/**
 * 探访关爱: every special-difficulty elderly person visited at least monthly (opinion of 民政部
 * and nine departments, 2022, 《关于加快建立健全特殊困难老年人探访关爱服务制度的指导意见》); a
 * common local tiering visits high-risk people weekly, key ones monthly and general ones
 * quarterly; the national monthly minimum caps the quarterly tier at 30 days. Days between
 * visits by tier.
 */
export const VISIT_INTERVAL_DAYS = { high: 7, key: 30, general: 30 } as const;
export type VisitTier = keyof typeof VISIT_INTERVAL_DAYS;
export const VISIT_TIERS = Object.keys(VISIT_INTERVAL_DAYS) as VisitTier[];
export const VISIT_CATEGORIES = ['alone', 'emptyNest', 'leftBehind', 'disabled', 'lowIncome', 'veryOld'] as const;
