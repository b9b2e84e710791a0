import { bigint, boolean, date, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

import type { GuardianRelation, WorkerRole } from './vocabulary.ts';

/** 儿童督导员 (a township's) and 儿童主任 (a village's). */
export const welfareWorkers = pgTable('welfare_workers', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  role: text('role').$type<WorkerRole>().notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  userId: uuid('user_id'),
  active: boolean('active').notNull().default(true),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A key child's independent file (独立档案): a person of the registry with a contact card. */
export const welfareChildren = pgTable('welfare_children', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  directorId: uuid('director_id'),
  supervisorId: uuid('supervisor_id'),
  guardianName: text('guardian_name'),
  guardianRelation: text('guardian_relation').$type<GuardianRelation>(),
  guardianPhone: text('guardian_phone'),
  note: text('note'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const welfareMemberships = pgTable('welfare_memberships', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  childId: uuid('child_id').notNull(),
  category: text('category').notNull(),
  subclass: text('subclass'),
  basis: text('basis').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  endReason: text('end_reason'),
  confirmedBy: uuid('confirmed_by'),
  confirmedByName: text('confirmed_by_name').notNull(),
  confirmedAt: ts('confirmed_at').notNull().defaultNow(),
  endedByName: text('ended_by_name'),
  endedAt: ts('ended_at'),
});

export const welfareVisits = pgTable('welfare_visits', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  childId: uuid('child_id').notNull(),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  visitorName: text('visitor_name').notNull(),
  findings: text('findings').notNull(),
  needs: text('needs'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const welfareSupportRuns = pgTable('welfare_support_runs', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  month: text('month').notNull(),
  status: text('status').$type<'computed' | 'approved'>().notNull(),
  children: integer('children').notNull(),
  totalFen: fen('total_fen').notNull(),
  computedByName: text('computed_by_name').notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  approvedAt: ts('approved_at'),
});

export const welfareSupportLines = pgTable('welfare_support_lines', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  runId: uuid('run_id').notNull(),
  childId: uuid('child_id').notNull(),
  personId: uuid('person_id').notNull(),
  ruleCode: text('rule_code').notNull(),
  rateFen: fen('rate_fen').notNull(),
  days: smallint('days').notNull(),
  daysInMonth: smallint('days_in_month').notNull(),
  spans: jsonb('spans').$type<[string, string][]>().notNull(),
  amountFen: fen('amount_fen').notNull(),
});

/** 儿童之家: basic or demonstration; a basic home links to one demonstration home ("1+N"). */
export const welfareHomes = pgTable('welfare_homes', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'basic' | 'demonstration'>().notNull(),
  hubId: uuid('hub_id'),
  address: text('address'),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const welfareHomeActivities = pgTable('welfare_home_activities', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  homeId: uuid('home_id').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  participants: integer('participants').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
