/**
 * The subsidy rules engine: rules are dated data (effective from/to, amount, unit of
 * payment, conditions over named facts), in the manner of OpenFisca's parameters. A rule
 * never becomes a code branch; a new policy year is a new row. The same engine serves the
 * childcare subsidies of SPEC §3.8 and, later, the elderly-care allowances.
 */

export const PROGRAMMES = ['childcare', 'elderly', 'welfare'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** monthly: paid per unit and month from records (免申即享); oneTime: paid once on an approved claim. */
export const RULE_KINDS = ['monthly', 'oneTime'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What one amount is paid for: an enrolled child and month, a converted place, a center, a person and month, a person once. */
export const PAYMENT_UNITS = ['childMonth', 'place', 'center', 'personMonth', 'person'] as const;
export type PaymentUnit = (typeof PAYMENT_UNITS)[number];

/** fixed: the amount per unit; actualCostCapped: the actual cost, at most the amount per unit. */
export const AMOUNT_BASES = ['fixed', 'actualCostCapped'] as const;
export type AmountBasis = (typeof AMOUNT_BASES)[number];

export type FactValue = string | number | boolean | null;
export type Facts = Readonly<Record<string, FactValue>>;

export type Condition =
  | { fact: string; op: 'eq'; value: FactValue }
  | { fact: string; op: 'in'; value: FactValue[] }
  | { fact: string; op: 'gte' | 'lte'; value: number };

/** The facts a childcare rule may test, with the values the services supply. */
export const CHILDCARE_FACTS = ['center.filed', 'center.affordable', 'center.grade', 'center.operatorKind'] as const;

export interface SubsidyRule {
  code: string;
  programme: Programme;
  kind: RuleKind;
  unit: PaymentUnit;
  /** Integer fen: the rate per unit (monthly), or the cap per unit (actualCostCapped). */
  amountFen: number;
  basis: AmountBasis;
  conditions: Condition[];
  effectiveFrom: string;
  /** Inclusive last day, or null while in force. */
  effectiveTo: string | null;
}

export function holds(c: Condition, facts: Facts): boolean {
  const v = facts[c.fact] ?? null;
  switch (c.op) {
    case 'eq':
      return v === c.value;
    case 'in':
      return c.value.includes(v);
    case 'gte':
      return typeof v === 'number' && v >= c.value;
    case 'lte':
      return typeof v === 'number' && v <= c.value;
  }
}

/** The conditions of a rule that the facts do not meet (empty: the rule applies). */
export function unmetConditions(rule: Pick<SubsidyRule, 'conditions'>, facts: Facts): Condition[] {
  return rule.conditions.filter((c) => !holds(c, facts));
}

export function inEffect(rule: Pick<SubsidyRule, 'effectiveFrom' | 'effectiveTo'>, on: string): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo === null || on <= rule.effectiveTo);
}

/** The versions of the rules in force on a day. */
export function rulesInEffect<R extends SubsidyRule>(rules: readonly R[], on: string): R[] {
  return rules.filter((r) => inEffect(r, on));
}

export type RuleIssue = { field: string; key: string };

/**
 * Checks a new rule version against the versions of the same code: its period must be
 * well formed and not overlap another version's (one rate per code and day).
 */
export function checkRuleVersion(rule: SubsidyRule, others: readonly Pick<SubsidyRule, 'code' | 'effectiveFrom' | 'effectiveTo'>[]): RuleIssue | null {
  if (!Number.isInteger(rule.amountFen) || rule.amountFen <= 0) return { field: 'amountFen', key: 'subsidies.amountPositive' };
  if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom) return { field: 'effectiveTo', key: 'subsidies.periodOrder' };
  if (rule.kind === 'monthly' && !['childMonth', 'personMonth'].includes(rule.unit)) return { field: 'unit', key: 'subsidies.unitForKind' };
  if (rule.kind === 'oneTime' && !['place', 'center', 'person'].includes(rule.unit)) return { field: 'unit', key: 'subsidies.unitForKind' };
  for (const o of others) {
    if (o.code !== rule.code) continue;
    const startsBeforeOtherEnds = o.effectiveTo === null || rule.effectiveFrom <= o.effectiveTo;
    const endsAfterOtherStarts = rule.effectiveTo === null || rule.effectiveTo >= o.effectiveFrom;
    if (startsBeforeOtherEnds && endsAfterOtherStarts) return { field: 'effectiveFrom', key: 'subsidies.periodOverlap' };
  }
  return null;
}
