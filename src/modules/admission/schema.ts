import { bigint, boolean, date, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { CareType, ClassType } from '../childcare/index.ts';
import type { PriorityRule } from './priority.ts';
import type { ApplicationStatus, RoundStatus } from './workflow.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const admissionRounds = pgTable('admission_rounds', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  /** The county that runs the round. */
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<RoundStatus>().notNull(),
  applyFrom: date('apply_from', { mode: 'string' }).notNull(),
  applyTo: date('apply_to', { mode: 'string' }).notNull(),
  earliestStart: date('earliest_start', { mode: 'string' }).notNull(),
  answerDays: smallint('answer_days').notNull(),
  seed: integer('seed').notNull(),
  allocatedAt: ts('allocated_at'),
  allocatedBy: uuid('allocated_by'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const admissionPrograms = pgTable('admission_programs', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  /** The center's township. */
  unitCode: text('unit_code').notNull(),
  roundId: uuid('round_id').notNull(),
  centerId: uuid('center_id').notNull(),
  classId: uuid('class_id').notNull(),
  classType: text('class_type').$type<ClassType>().notNull(),
  places: smallint('places').notNull(),
  rules: jsonb('rules').$type<PriorityRule[]>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const admissionApplications = pgTable('admission_applications', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  /** The child's unit. */
  unitCode: text('unit_code').notNull(),
  roundId: uuid('round_id').notNull(),
  personId: uuid('person_id').notNull(),
  applicantId: uuid('applicant_id'),
  applicantName: text('applicant_name').notNull(),
  classType: text('class_type').$type<ClassType>().notNull(),
  careType: text('care_type').$type<CareType>().notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  /** The employer (a center id of an employer-run center) a parent works for. */
  employer: text('employer'),
  affordableEligible: boolean('affordable_eligible').notNull().default(false),
  homeLon: doublePrecision('home_lon'),
  homeLat: doublePrecision('home_lat'),
  lottery: bigint('lottery', { mode: 'number' }).notNull(),
  status: text('status').$type<ApplicationStatus>().notNull(),
  programId: uuid('program_id'),
  choiceRank: smallint('choice_rank'),
  offeredOn: date('offered_on', { mode: 'string' }),
  offerDeadline: date('offer_deadline', { mode: 'string' }),
  respondedAt: ts('responded_at'),
  enrolmentId: uuid('enrolment_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const admissionChoices = pgTable('admission_choices', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  /** The child's unit (as the application's). */
  unitCode: text('unit_code').notNull(),
  applicationId: uuid('application_id').notNull(),
  choiceRank: smallint('choice_rank').notNull(),
  programId: uuid('program_id').notNull(),
  distanceM: integer('distance_m'),
  sibling: boolean('sibling').notNull().default(false),
  result: text('result').$type<'offered' | 'notOffered' | 'notNeeded'>(),
  priorityRank: integer('priority_rank'),
  applicants: integer('applicants'),
  capacity: integer('capacity'),
  waitlistPosition: integer('waitlist_position'),
  decidingRule: text('deciding_rule'),
  ownValue: doublePrecision('own_value'),
  otherValue: doublePrecision('other_value'),
});
