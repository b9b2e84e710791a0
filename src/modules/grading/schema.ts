import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { ApplicationStatus, GradeEndReason, GradeLevel, EligibilityCheck } from './vocabulary.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** An application for a grade (等级评定申请), from the self-assessment to publication. */
export const gradingApplications = pgTable('grading_applications', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  level: text('level').$type<GradeLevel>().notNull(),
  standardVersion: text('standard_version').notNull(),
  status: text('status').$type<ApplicationStatus>().notNull(),
  selfScores: jsonb('self_scores').$type<Record<string, number>>().notNull().default({}),
  selfTotal: integer('self_total'),
  eligibility: jsonb('eligibility').$type<EligibilityCheck>(),
  submittedAt: ts('submitted_at'),
  onsiteScores: jsonb('onsite_scores').$type<Record<string, number>>(),
  onsiteTotal: integer('onsite_total'),
  onsiteOn: date('onsite_on', { mode: 'string' }),
  assessors: text('assessors'),
  resultLevel: text('result_level').$type<GradeLevel>(),
  resultReasons: jsonb('result_reasons').$type<{ key: string; params?: Record<string, string | number> }[]>(),
  assessedBy: uuid('assessed_by'),
  assessedByName: text('assessed_by_name'),
  assessedAt: ts('assessed_at'),
  publishedAt: ts('published_at'),
  publishedByName: text('published_by_name'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A grade a center holds; ended_on is the first day it no longer holds. */
export const centerGrades = pgTable('center_grades', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  applicationId: uuid('application_id'),
  level: text('level').$type<GradeLevel>().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
  endReason: text('end_reason').$type<GradeEndReason>(),
  endComment: text('end_comment'),
  endedByName: text('ended_by_name'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
