import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { ClosedReason, Stage } from './stages.ts';
import type { RiskLevel } from './deadlines.ts';
import type { Category, EventKind, ReporterKind } from './vocabulary.ts';
import type { ReferralStatus } from './referrals.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const protectionCases = pgTable('protection_cases', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  receiptNo: text('receipt_no').notNull(),
  personId: uuid('person_id'),
  reportedChildName: text('reported_child_name'),
  reportedChildDescription: text('reported_child_description'),
  category: text('category').$type<Category>().notNull(),
  riskLevel: text('risk_level').$type<RiskLevel>().notNull(),
  situation: text('situation').notNull(),
  location: text('location'),
  stage: text('stage').$type<Stage>().notNull(),
  stageEnteredAt: ts('stage_entered_at').notNull(),
  stageDueAt: ts('stage_due_at'),
  deadlineVersion: text('deadline_version').notNull(),
  closedReason: text('closed_reason').$type<ClosedReason>(),
  closedAt: ts('closed_at'),
  reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
  reporterUserId: uuid('reporter_user_id'),
  reporterName: text('reporter_name'),
  reporterContact: text('reporter_contact'),
  reportedAt: ts('reported_at').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const protectionCaseAssignees = pgTable('protection_case_assignees', {
  caseId: uuid('case_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitCode: text('unit_code').notNull(),
  assignedAt: ts('assigned_at').notNull().defaultNow(),
  assignedByName: text('assigned_by_name').notNull(),
  removedAt: ts('removed_at'),
  removedByName: text('removed_by_name'),
});

export const protectionReferrals = pgTable('protection_referrals', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  caseId: uuid('case_id').notNull(),
  unitCode: text('unit_code').notNull(),
  department: text('department').notNull(),
  request: text('request').notNull(),
  status: text('status').$type<ReferralStatus>().notNull(),
  response: text('response'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const protectionCaseEvents = pgTable('protection_case_events', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  caseId: uuid('case_id').notNull(),
  unitCode: text('unit_code').notNull(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  kind: text('kind').$type<EventKind>().notNull(),
  stage: text('stage').$type<Stage>().notNull(),
  action: text('action'),
  fromStage: text('from_stage').$type<Stage>(),
  toStage: text('to_stage').$type<Stage>(),
  note: text('note'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});
