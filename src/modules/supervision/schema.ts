import { boolean, date, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { Answer, InspectionType, Severity } from './checklist.ts';
import type { Draw } from './draw.ts';
import type { OrderStatus } from './rectification.ts';
import type { ComplaintCategory, ComplaintStatus, CreditSource, IncidentKind, IncidentSeverity, IncidentStatus } from './vocabulary.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const inspectionPlans = pgTable('inspection_plans', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  inspectionType: text('inspection_type').$type<InspectionType>().notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  sampleSize: integer('sample_size').notNull(),
  inspectorsPerCenter: smallint('inspectors_per_center').notNull(),
  status: text('status').$type<'draft' | 'drawn'>().notNull(),
  draw: jsonb('draw').$type<Draw>(),
  drawnAt: ts('drawn_at'),
  drawnByName: text('drawn_by_name'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  planId: uuid('plan_id'),
  inspectionType: text('inspection_type').$type<InspectionType>().notNull(),
  checklistVersion: text('checklist_version').notNull(),
  scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
  inspectedOn: date('inspected_on', { mode: 'string' }),
  inspectorIds: uuid('inspector_ids').array().notNull(),
  inspectorNames: text('inspector_names').array().notNull(),
  scheduledBy: uuid('scheduled_by'),
  status: text('status').$type<'scheduled' | 'done'>().notNull(),
  results: jsonb('results').$type<Record<string, Answer>>(),
  summary: text('summary'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inspectionFindings = pgTable('inspection_findings', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  inspectionId: uuid('inspection_id').notNull(),
  centerId: uuid('center_id').notNull(),
  itemCode: text('item_code').notNull(),
  severity: text('severity').$type<Severity>().notNull(),
  description: text('description').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type OrderHistoryEntry = { at: string; by: string; action: 'issued' | 'respond' | 'accept' | 'reject' | 'overdue'; comment?: string; deadline?: string };

export const rectificationOrders = pgTable('rectification_orders', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  inspectionId: uuid('inspection_id').notNull(),
  requirement: text('requirement').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status').$type<OrderStatus>().notNull(),
  response: text('response'),
  respondedAt: ts('responded_at'),
  closedOn: date('closed_on', { mode: 'string' }),
  overdueRecorded: boolean('overdue_recorded').notNull().default(false),
  history: jsonb('history').$type<OrderHistoryEntry[]>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const centerIncidents = pgTable('center_incidents', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  kind: text('kind').$type<IncidentKind>().notNull(),
  severity: text('severity').$type<IncidentSeverity>().notNull(),
  description: text('description').notNull(),
  childrenAffected: integer('children_affected').notNull(),
  actionsTaken: text('actions_taken').notNull(),
  status: text('status').$type<IncidentStatus>().notNull(),
  centerAtFault: boolean('center_at_fault'),
  reportedBy: uuid('reported_by'),
  reportedByName: text('reported_by_name').notNull(),
  handledByName: text('handled_by_name'),
  handlingNote: text('handling_note'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const centerComplaints = pgTable('center_complaints', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  complainantId: uuid('complainant_id'),
  complainantName: text('complainant_name').notNull(),
  category: text('category').$type<ComplaintCategory>().notNull(),
  content: text('content').notNull(),
  status: text('status').$type<ComplaintStatus>().notNull(),
  reply: text('reply'),
  handledByName: text('handled_by_name'),
  handledAt: ts('handled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const creditEvents = pgTable('credit_events', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  ruleCode: text('rule_code').notNull(),
  rulesVersion: text('rules_version').notNull(),
  points: integer('points').notNull(),
  sourceType: text('source_type').$type<CreditSource>().notNull(),
  sourceId: uuid('source_id').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
