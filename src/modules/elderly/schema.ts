import { boolean, date, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { AbilityLevel, LevelChange } from './ability.ts';
import type { DementiaState, Education, ScreenTool } from './dementia.ts';
import type { CareMode, EconomicStatus, HealthStatus, Household, LivingArrangement, PriorityFlag } from './vocabulary.ts';
import type { SkillCertificate } from './allowances.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

export const elderlyProfiles = pgTable('elderly_profiles', {
  personId: uuid('person_id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  household: text('household').$type<Household>().notNull(),
  livingArrangement: text('living_arrangement').$type<LivingArrangement>().notNull(),
  economicStatus: text('economic_status').$type<EconomicStatus>().notNull(),
  healthStatus: text('health_status').$type<HealthStatus>().notNull(),
  careMode: text('care_mode').$type<CareMode>().notNull(),
  flags: text('flags').array().$type<PriorityFlag[]>().notNull(),
  note: text('note'),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const elderlyAssessments = pgTable('elderly_assessments', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  assessedOn: day('assessed_on').notNull(),
  reason: text('reason').$type<'first' | 'regular' | 'changed' | 'review'>().notNull(),
  assessorId: uuid('assessor_id'),
  assessorName: text('assessor_name').notNull(),
  standardVersion: text('standard_version').notNull(),
  scores: jsonb('scores').$type<Record<string, number>>().notNull(),
  dimensionTotals: jsonb('dimension_totals').$type<Record<string, number>>().notNull(),
  total: smallint('total').notNull(),
  baseLevel: text('base_level').$type<AbilityLevel>().notNull(),
  level: text('level').$type<AbilityLevel>().notNull(),
  coma: boolean('coma').notNull(),
  dementia: boolean('dementia').notNull(),
  riskEvents: smallint('risk_events').notNull(),
  changes: text('changes').array().$type<LevelChange[]>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const elderlyHealthAssessments = pgTable('elderly_health_assessments', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  year: smallint('year').notNull(),
  assessedOn: day('assessed_on').notNull(),
  smoking: boolean('smoking').notNull(),
  drinking: boolean('drinking').notNull(),
  exercise: text('exercise').$type<'daily' | 'weekly' | 'rarely' | 'never'>().notNull(),
  systolic: smallint('systolic').notNull(),
  diastolic: smallint('diastolic').notNull(),
  heightCm: numeric('height_cm', { mode: 'number' }).notNull(),
  weightKg: numeric('weight_kg', { mode: 'number' }).notNull(),
  fastingGlucose: numeric('fasting_glucose', { mode: 'number' }),
  tcmConstitution: text('tcm_constitution').notNull(),
  selfCare: text('self_care').$type<'independent' | 'mildDependent' | 'moderateDependent' | 'dependent'>().notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export interface DementiaStep {
  action: string;
  on: string;
  byName: string;
  note: string | null;
}

export const elderlyDementiaCases = pgTable('elderly_dementia_cases', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  tool: text('tool').$type<ScreenTool>().notNull(),
  score: smallint('score').notNull(),
  education: text('education').$type<Education>(),
  positive: boolean('positive').notNull(),
  screenedOn: day('screened_on').notNull(),
  status: text('status').$type<DementiaState>().notNull(),
  lastStepOn: day('last_step_on').notNull(),
  dueOn: day('due_on'),
  referralLevel: text('referral_level').$type<'township' | 'county' | 'city'>(),
  institution: text('institution'),
  outcome: text('outcome'),
  closedOn: day('closed_on'),
  steps: jsonb('steps').$type<DementiaStep[]>().notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const elderlyInstitutions = pgTable('elderly_institutions', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  publicHome: boolean('public_home').notNull(),
  beds: integer('beds').notNull(),
  nursingBeds: integer('nursing_beds').notNull(),
  dementiaBeds: integer('dementia_beds').notNull(),
  occupiedBeds: integer('occupied_beds').notNull(),
  socialWorkers: integer('social_workers').notNull(),
  address: text('address'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const elderlyWaitlist = pgTable('elderly_waitlist', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  institutionId: uuid('institution_id').notNull(),
  personId: uuid('person_id').notNull(),
  appliedOn: day('applied_on').notNull(),
  status: text('status').$type<'waiting' | 'admitted' | 'withdrawn'>().notNull(),
  decidedOn: day('decided_on'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const elderlyCareWorkers = pgTable('elderly_care_workers', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  institutionId: uuid('institution_id').notNull(),
  name: text('name').notNull(),
  startedOn: day('started_on').notNull(),
  graduateEducation: text('graduate_education').$type<'bachelorOrAbove' | 'college' | 'secondaryVocational'>(),
  graduatedOn: day('graduated_on'),
  certificates: jsonb('certificates').$type<SkillCertificate[]>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
