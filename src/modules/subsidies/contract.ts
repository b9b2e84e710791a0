/** The subsidies module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, page, text, unitCode } from '../../app/schemas.ts';
import { AMOUNT_BASES, PAYMENT_UNITS, PROGRAMMES, RULE_KINDS } from './rules.ts';
import { CLAIM_STATUSES, MONTH_STATUSES } from './vocabulary.ts';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const factValue = z.union([z.string().max(60), z.number(), z.boolean(), z.null()]);
export const condition = z.discriminatedUnion('op', [
  z.object({ fact: z.string().min(1).max(60), op: z.literal('eq'), value: factValue }),
  z.object({ fact: z.string().min(1).max(60), op: z.literal('in'), value: z.array(factValue).min(1).max(20) }),
  z.object({ fact: z.string().min(1).max(60), op: z.enum(['gte', 'lte']), value: z.number() }),
]);

export const ruleView = z.object({
  id: z.string(),
  code: z.string(),
  programme: z.enum(PROGRAMMES),
  kind: z.enum(RULE_KINDS),
  unit: z.enum(PAYMENT_UNITS),
  amountFen: z.number().int(),
  basis: z.enum(AMOUNT_BASES),
  conditions: z.array(condition),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.string(),
  inEffect: z.boolean(),
});
export type RuleView = z.infer<typeof ruleView>;

export const ruleInput = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/).max(80),
  programme: z.enum(PROGRAMMES),
  kind: z.enum(RULE_KINDS),
  unit: z.enum(PAYMENT_UNITS),
  amountFen: z.number().int().positive().max(100_000_000_00),
  basis: z.enum(AMOUNT_BASES),
  conditions: z.array(condition).max(20),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  source: text(2000),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const computeInput = z.object({ month, unitCode: unitCode.optional(), centerId: z.uuid().optional() });
export const computeResult = z.object({
  month: z.string(),
  centers: z.number().int(),
  computed: z.number().int(),
  /** Months already approved or paid, left as they are. */
  kept: z.number().int(),
  children: z.number().int(),
  totalFen: z.number().int(),
});

export const monthSort = z.enum(['month', 'centerName', 'unitCode', 'children', 'totalFen', 'status']);
export const monthsQuery = z.object({
  month: month.optional(),
  unitCode: unitCode.optional(),
  status: z.enum(MONTH_STATUSES).optional(),
  centerId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  sort: monthSort.default('month'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MonthsQuery = z.infer<typeof monthsQuery> & Partial<z.infer<typeof page>>;

export const monthListItem = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  month: z.string(),
  status: z.enum(MONTH_STATUSES),
  children: z.number().int(),
  totalFen: z.number().int(),
  computedAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  paidOn: z.string().nullable(),
});
export type MonthListItem = z.infer<typeof monthListItem>;

export const lineView = z.object({
  id: z.string(),
  personId: z.string(),
  childName: z.string(),
  ruleCode: z.string(),
  rateFen: z.number().int(),
  days: z.number().int(),
  daysInMonth: z.number().int(),
  spans: z.array(z.tuple([z.string(), z.string()])),
  amountFen: z.number().int(),
});
export type LineView = z.infer<typeof lineView>;

export const monthDetail = monthListItem.extend({
  lines: z.array(lineView),
  unmet: z.array(z.object({ ruleCode: z.string(), conditions: z.array(condition) })),
  affordable: z.boolean(),
  grade: z.string().nullable(),
});
export type MonthDetail = z.infer<typeof monthDetail>;

export const payInput = z.object({ paidOn: isoDate });

export const overviewQuery = z.object({ month });
export const overviewRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  centers: z.number().int(),
  children: z.number().int(),
  totalFen: z.number().int(),
  computedFen: z.number().int(),
  approvedFen: z.number().int(),
  paidFen: z.number().int(),
});
export const overviewView = z.object({ month: z.string(), rows: z.array(overviewRow), totalFen: z.number().int(), children: z.number().int() });
export type OverviewView = z.infer<typeof overviewView>;

export const claimInput = z.object({
  centerId: z.uuid(),
  ruleCode: z.string().min(1).max(80),
  costFen: z.number().int().positive().max(100_000_000_00),
  places: z.number().int().positive().max(1000).optional(),
  description: text(1000),
});
export type ClaimInput = z.infer<typeof claimInput>;
export const claimDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(500).optional() }),
  z.object({ decision: z.literal('reject'), comment: text(500) }),
]);
export type ClaimDecision = z.infer<typeof claimDecision>;
export const claimsQuery = z.object({ status: z.enum(CLAIM_STATUSES).optional(), unitCode: unitCode.optional(), centerId: z.uuid().optional() });
export const claimView = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  unitCode: z.string(),
  ruleCode: z.string(),
  costFen: z.number().int(),
  places: z.number().int().nullable(),
  description: z.string(),
  status: z.enum(CLAIM_STATUSES),
  capFen: z.number().int().nullable(),
  amountFen: z.number().int().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
export type ClaimView = z.infer<typeof claimView>;
