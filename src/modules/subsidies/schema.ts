import { bigint, date, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { AmountBasis, Condition, PaymentUnit, Programme, RuleKind } from './rules.ts';
import type { ClaimStatus, MonthStatus } from './vocabulary.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** Dated rule versions (city-wide policy, not scoped). */
export const subsidyRules = pgTable('subsidy_rules', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  code: text('code').notNull(),
  programme: text('programme').$type<Programme>().notNull(),
  kind: text('kind').$type<RuleKind>().notNull(),
  unit: text('unit').$type<PaymentUnit>().notNull(),
  amountFen: fen('amount_fen').notNull(),
  basis: text('basis').$type<AmountBasis>().notNull(),
  conditions: jsonb('conditions').$type<Condition[]>().notNull(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  effectiveTo: date('effective_to', { mode: 'string' }),
  source: text('source').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** One center's subsidy for one month. */
export const subsidyMonths = pgTable('subsidy_months', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  month: text('month').notNull(),
  status: text('status').$type<MonthStatus>().notNull(),
  children: integer('children').notNull(),
  totalFen: fen('total_fen').notNull(),
  unmet: jsonb('unmet').$type<{ ruleCode: string; conditions: Condition[] }[]>().notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
  computedByName: text('computed_by_name').notNull(),
  approvedAt: ts('approved_at'),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  paidOn: date('paid_on', { mode: 'string' }),
});

/** One child under one rule in one month: the explanation of an amount. */
export const subsidyLines = pgTable('subsidy_lines', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  monthId: uuid('month_id').notNull(),
  centerId: uuid('center_id').notNull(),
  enrolmentId: uuid('enrolment_id').notNull(),
  personId: uuid('person_id').notNull(),
  ruleCode: text('rule_code').notNull(),
  rateFen: fen('rate_fen').notNull(),
  days: smallint('days').notNull(),
  daysInMonth: smallint('days_in_month').notNull(),
  spans: jsonb('spans').$type<[string, string][]>().notNull(),
  amountFen: fen('amount_fen').notNull(),
});

/** A one-time claim (premises, converted places) and its decision. */
export const subsidyClaims = pgTable('subsidy_claims', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  ruleCode: text('rule_code').notNull(),
  costFen: fen('cost_fen').notNull(),
  places: integer('places'),
  description: text('description').notNull(),
  status: text('status').$type<ClaimStatus>().notNull(),
  capFen: fen('cap_fen'),
  amountFen: fen('amount_fen'),
  submittedBy: uuid('submitted_by'),
  submittedByName: text('submitted_by_name').notNull(),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decidedAt: ts('decided_at'),
  decisionComment: text('decision_comment'),
});
