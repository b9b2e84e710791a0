/**
 * The module's tables (migrations 0550, 0551) for other modules' reads, such as indicators.
 * The ledger itself is written only through ledger.ts.
 */
import { bigint, boolean, date, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const amount = (name: string) => bigint(name, { mode: 'number' });

export const homecareAccounts = pgTable('homecare_accounts', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  currency: text('currency').$type<'card' | 'time'>().notNull(),
  owner: text('owner').$type<'person' | 'system'>().notNull(),
  personId: uuid('person_id'),
  systemCode: text('system_code'),
  balance: amount('balance').notNull(),
  held: amount('held').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const homecareLedgerTxns = pgTable('homecare_ledger_txns', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  currency: text('currency').$type<'card' | 'time'>().notNull(),
  kind: text('kind').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  amount: amount('amount').notNull(),
  memo: text('memo'),
  orderId: uuid('order_id'),
  holdId: uuid('hold_id'),
  reversesTxnId: uuid('reverses_txn_id'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const homecareProviders = pgTable('homecare_providers', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull(),
});

export const homecareOrders = pgTable('homecare_orders', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  providerId: uuid('provider_id').notNull(),
  category: text('category').notNull(),
  amountFen: amount('amount_fen').notNull(),
  payment: text('payment').$type<'card' | 'self'>().notNull(),
  status: text('status').notNull(),
  scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
  rating: smallint('rating'),
  requestedAt: ts('requested_at').notNull(),
});

export const homecareVolunteerServices = pgTable('homecare_volunteer_services', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  volunteerId: uuid('volunteer_id').notNull(),
  servedOn: date('served_on', { mode: 'string' }).notNull(),
  minutes: integer('minutes').notNull(),
  status: text('status').notNull(),
});

export const homecareVisitTargets = pgTable('homecare_visit_targets', {
  personId: uuid('person_id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  category: text('category').notNull(),
  tier: text('tier').notNull(),
});

export const homecareVisits = pgTable('homecare_visits', {
  id: uuid('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
});
