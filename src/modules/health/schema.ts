import { boolean, date, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { LengthPosition } from './growth.ts';
import type { MchatRisk } from './mchat.ts';
import type { ReferralLevel, ReferralOutcome, ReferralResult, ReferralStatus, ReferralTrigger } from './referral.ts';
import type { SeriesCode, VaccineCode } from './immunisation.ts';
import type { CenterGrade, CenterService, CenterStatus, Feeding, GuidanceTopic, VisitKind } from './vocabulary.ts';

const recorded = {
  recordedBy: uuid('recorded_by'),
  recordedByName: text('recorded_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
};


/** "医、防、护" child-health management centers at township health centers (001 §7; 004). */
export const childHealthCenters = pgTable('child_health_centers', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  hostInstitution: text('host_institution').notNull(),
  address: text('address'),
  phone: text('phone'),
  status: text('status').$type<CenterStatus>().notNull(),
  grade: text('grade').$type<CenterGrade>().notNull(),
  services: text('services').array().$type<CenterService[]>().notNull(),
  childHealthStaff: smallint('child_health_staff').notNull(),
  openedOn: date('opened_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const growthMeasurements = pgTable('growth_measurements', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  measuredOn: date('measured_on', { mode: 'string' }).notNull(),
  ageDays: integer('age_days').notNull(),
  weightKg: doublePrecision('weight_kg'),
  lengthCm: doublePrecision('length_cm'),
  position: text('position').$type<LengthPosition>(),
  headCm: doublePrecision('head_cm'),
  bmi: doublePrecision('bmi'),
  zWeight: doublePrecision('z_weight'),
  zLength: doublePrecision('z_length'),
  zWeightLength: doublePrecision('z_weight_length'),
  zBmi: doublePrecision('z_bmi'),
  zHead: doublePrecision('z_head'),
  notes: text('notes'),
  ...recorded,
});

export const devScreenings = pgTable('dev_screenings', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  instrument: text('instrument').$type<'warningSigns' | 'mchat'>().notNull(),
  screenedOn: date('screened_on', { mode: 'string' }).notNull(),
  ageMonths: smallint('age_months').notNull(),
  bandMonths: smallint('band_months'),
  signsPresent: smallint('signs_present').array(),
  regression: boolean('regression'),
  answers: boolean('answers').array(),
  score: smallint('score'),
  risk: text('risk').$type<MchatRisk>(),
  followUpOn: date('follow_up_on', { mode: 'string' }),
  followUpItems: smallint('follow_up_items').array(),
  followUpScore: smallint('follow_up_score'),
  result: text('result').$type<'negative' | 'positive' | 'followUpNeeded'>().notNull(),
  notes: text('notes'),
  ...recorded,
});

export const devReferrals = pgTable('dev_referrals', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  screeningId: uuid('screening_id').notNull(),
  triggers: text('triggers').array().$type<ReferralTrigger[]>().notNull(),
  level: text('level').$type<ReferralLevel>().notNull(),
  status: text('status').$type<ReferralStatus>().notNull(),
  suggestedOn: date('suggested_on', { mode: 'string' }).notNull(),
  institution: text('institution'),
  referredOn: date('referred_on', { mode: 'string' }),
  attendedOn: date('attended_on', { mode: 'string' }),
  result: text('result').$type<ReferralResult>(),
  outcome: text('outcome').$type<ReferralOutcome>(),
  closedOn: date('closed_on', { mode: 'string' }),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const vaccinations = pgTable('vaccinations', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  vaccine: text('vaccine').$type<VaccineCode>().notNull(),
  series: text('series').$type<SeriesCode>().notNull(),
  dose: smallint('dose').notNull(),
  givenOn: date('given_on', { mode: 'string' }).notNull(),
  lot: text('lot'),
  place: text('place'),
  ...recorded,
});


export const newbornVisits = pgTable('newborn_visits', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  kind: text('kind').$type<VisitKind>().notNull(),
  weightKg: doublePrecision('weight_kg'),
  feeding: text('feeding').$type<Feeding>(),
  jaundice: boolean('jaundice').notNull(),
  umbilicusNormal: boolean('umbilicus_normal').notNull(),
  findings: text('findings'),
  guidance: text('guidance').array().$type<GuidanceTopic[]>().notNull(),
  referred: boolean('referred').notNull(),
  ...recorded,
});

export const mchatWordings = pgTable('mchat_wordings', {
  locale: text('locale').$type<'zh-CN' | 'en-US'>().primaryKey(),
  items: jsonb('items').$type<string[]>().notNull(),
  version: text('version').notNull(),
  licence: text('licence').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  loadedBy: text('loaded_by').notNull(),
});
