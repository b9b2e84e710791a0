import { date, jsonb, pgTable, smallint, text, timestamp, uuid, integer } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Dish } from './nutrition.ts';
import type { Absence, MealRecord, Mood, PickupRelation } from './vocabulary.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const familyAttendance = pgTable('family_attendance', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  enrolmentId: uuid('enrolment_id').notNull(),
  personId: uuid('person_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  checkInAt: ts('check_in_at'),
  checkInBy: uuid('check_in_by'),
  checkInByName: text('check_in_by_name'),
  droppedOffBy: text('dropped_off_by'),
  checkOutAt: ts('check_out_at'),
  checkOutBy: uuid('check_out_by'),
  checkOutByName: text('check_out_by_name'),
  pickedUpBy: text('picked_up_by'),
  pickedUpRelation: text('picked_up_relation').$type<PickupRelation>(),
  absence: text('absence').$type<Absence>(),
  note: text('note'),
});

export const familyDailyReports = pgTable('family_daily_reports', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  enrolmentId: uuid('enrolment_id').notNull(),
  personId: uuid('person_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  meals: jsonb('meals').$type<MealRecord[]>().notNull(),
  napFrom: text('nap_from'),
  napTo: text('nap_to'),
  mood: text('mood').$type<Mood>().notNull(),
  activities: text('activities').notNull(),
  notes: text('notes'),
  writtenBy: uuid('written_by'),
  writtenByName: text('written_by_name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const familyReportPhotos = pgTable('family_report_photos', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  reportId: uuid('report_id').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
  caption: text('caption'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const familyMessages = pgTable('family_messages', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  personId: uuid('person_id').notNull(),
  senderId: uuid('sender_id'),
  senderSide: text('sender_side').$type<'parent' | 'staff'>().notNull(),
  senderName: text('sender_name').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
});

export const familyNotices = pgTable('family_notices', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
});

export const familyMealPlans = pgTable('family_meal_plans', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  weekStart: date('week_start', { mode: 'string' }).notNull(),
  dishes: jsonb('dishes').$type<Dish[]>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const familyActivities = pgTable('family_activities', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  startsAt: ts('starts_at').notNull(),
  places: smallint('places').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const familyActivityBookings = pgTable('family_activity_bookings', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  activityId: uuid('activity_id').notNull(),
  personId: uuid('person_id').notNull(),
  userId: uuid('user_id').notNull(),
  bookedAt: ts('booked_at').notNull().defaultNow(),
  cancelledAt: ts('cancelled_at'),
});

export const familyHomeVisits = pgTable('family_home_visits', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  personId: uuid('person_id').notNull(),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  visitorName: text('visitor_name').notNull(),
  summary: text('summary').notNull(),
  followUp: text('follow_up'),
  recordedBy: uuid('recorded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const healthGuidanceTours = pgTable('health_guidance_tours', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  doctorId: uuid('doctor_id'),
  doctorName: text('doctor_name').notNull(),
  touredOn: date('toured_on', { mode: 'string' }).notNull(),
  topics: text('topics').array().notNull(),
  findings: text('findings').notNull(),
  advice: text('advice').notNull(),
  followUpOn: date('follow_up_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});
