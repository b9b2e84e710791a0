import { bigint, boolean, date, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type {
  BackgroundCheck,
  CareType,
  CenterForm,
  CenterStatus,
  CenterStatusAction,
  CertificateType,
  ClassType,
  Department,
  DocumentKind,
  EnrolmentStatus,
  FilingEventAction,
  FilingKind,
  FilingStatus,
  FireProcedure,
  OperatorKind,
  ReviewDecision,
  StaffRole,
  WarningKind,
} from './vocabulary.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** 托育机构: one row per center, family care point or community station (SPEC §3.1). */
export const childcareCenters = pgTable('childcare_centers', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  /** The township (街道/乡镇) the center sits in. */
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  operatorName: text('operator_name').notNull(),
  operatorKind: text('operator_kind').$type<OperatorKind>().notNull(),
  form: text('form').$type<CenterForm>().notNull().default('center'),
  /** 统一社会信用代码 (GB 32100-2015). */
  creditCode: text('credit_code'),
  legalRepresentative: text('legal_representative'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  address: text('address').notNull(),
  lon: doublePrecision('lon'),
  lat: doublePrecision('lat'),
  floorAreaM2: doublePrecision('floor_area_m2'),
  outdoorAreaM2: doublePrecision('outdoor_area_m2'),
  investmentFen: bigint('investment_fen', { mode: 'number' }),
  /** 普惠 */
  affordable: boolean('affordable').notNull().default(false),
  monthlyFeeFen: integer('monthly_fee_fen'),
  status: text('status').$type<CenterStatus>().notNull(),
  filingNumber: text('filing_number'),
  filedAt: ts('filed_at'),
  openedOn: date('opened_on', { mode: 'string' }),
  /** 云监管: video supervision connected. */
  cloudSupervision: boolean('cloud_supervision').notNull().default(false),
  ownerUserId: uuid('owner_user_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const childcareClasses = pgTable('childcare_classes', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  classType: text('class_type').$type<ClassType>().notNull(),
  name: text('name').notNull(),
  capacity: smallint('capacity').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A child's place in a class; unit_code is the center's. */
export const childcareEnrolments = pgTable('childcare_enrolments', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  classId: uuid('class_id').notNull(),
  personId: uuid('person_id').notNull(),
  careType: text('care_type').$type<CareType>().notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  status: text('status').$type<EnrolmentStatus>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 从业人员. class_id is the class a caregiver or teacher is assigned to. */
export const childcareStaff = pgTable('childcare_staff', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  personId: uuid('person_id'),
  name: text('name').notNull(),
  sex: text('sex').$type<'male' | 'female'>(),
  phone: text('phone'),
  role: text('role').$type<StaffRole>().notNull(),
  classId: uuid('class_id'),
  hiredOn: date('hired_on', { mode: 'string' }).notNull(),
  leftOn: date('left_on', { mode: 'string' }),
  backgroundCheck: text('background_check').$type<BackgroundCheck>().notNull().default('pending'),
  backgroundCheckedOn: date('background_checked_on', { mode: 'string' }),
  trainingHours: integer('training_hours').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const childcareStaffCertificates = pgTable('childcare_staff_certificates', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  staffId: uuid('staff_id').notNull(),
  certType: text('cert_type').$type<CertificateType>().notNull(),
  number: text('number').notNull(),
  issuer: text('issuer').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 备案: the first filing of a center or a later change, reviewed by the ten departments. */
export const childcareFilings = pgTable('childcare_filings', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  kind: text('kind').$type<FilingKind>().notNull(),
  status: text('status').$type<FilingStatus>().notNull(),
  /** For a change filing: the proposed values, applied to the center when it is filed. */
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
  fireProcedure: text('fire_procedure').$type<FireProcedure>().notNull().default('standard'),
  submittedAt: ts('submitted_at'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  returnReasons: text('return_reasons'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const childcareFilingReviews = pgTable('childcare_filing_reviews', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  filingId: uuid('filing_id').notNull(),
  department: text('department').$type<Department>().notNull(),
  decision: text('decision').$type<ReviewDecision>().notNull().default('pending'),
  comment: text('comment'),
  reviewerId: uuid('reviewer_id'),
  reviewerName: text('reviewer_name'),
  decidedAt: ts('decided_at'),
});

export const childcareFilingEvents = pgTable('childcare_filing_events', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  filingId: uuid('filing_id').notNull(),
  centerId: uuid('center_id').notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').$type<FilingEventAction>().notNull(),
  department: text('department').$type<Department>(),
  comment: text('comment'),
});

/** Suspension, resumption and closure of a filed center, each with its reason. */
export const childcareCenterStatusEvents = pgTable('childcare_center_status_events', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  action: text('action').$type<CenterStatusAction>().notNull(),
  fromStatus: text('from_status').$type<CenterStatus>().notNull(),
  toStatus: text('to_status').$type<CenterStatus>().notNull(),
  reason: text('reason').notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
});

/** Evidence files, kept in the database with their SHA-256. */
export const childcareDocuments = pgTable('childcare_documents', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  filingId: uuid('filing_id'),
  staffId: uuid('staff_id'),
  kind: text('kind').$type<DocumentKind>().notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedByName: text('uploaded_by_name').notNull(),
  uploadedAt: ts('uploaded_at').notNull().defaultNow(),
});

export const childcareRatioWarnings = pgTable('childcare_ratio_warnings', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  centerId: uuid('center_id').notNull(),
  classId: uuid('class_id'),
  kind: text('kind').$type<WarningKind>().notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  raisedAt: ts('raised_at').notNull().defaultNow(),
  resolvedAt: ts('resolved_at'),
});

export const childcareDepartmentReviewers = pgTable('childcare_department_reviewers', {
  userId: uuid('user_id').primaryKey(),
  department: text('department').$type<Department>().notNull(),
});

/** Online training (一网办): a course with its exam settings. */
export const trainingCourses = pgTable('training_courses', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  hours: smallint('hours').notNull(),
  questionCount: smallint('question_count').notNull(),
  minutes: smallint('minutes').notNull(),
  passMark: smallint('pass_mark').notNull(),
  certificateYears: smallint('certificate_years').notNull().default(3),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const trainingQuestions = pgTable('training_questions', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  courseId: uuid('course_id').notNull(),
  ordinal: smallint('ordinal').notNull(),
  prompt: text('prompt').notNull(),
  options: text('options').array().notNull(),
  answer: smallint('answer').notNull(),
});

export const trainingAttempts = pgTable('training_attempts', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  courseId: uuid('course_id').notNull(),
  centerId: uuid('center_id').notNull(),
  staffId: uuid('staff_id').notNull(),
  questionIds: uuid('question_ids').array().notNull(),
  startedAt: ts('started_at').notNull(),
  deadlineAt: ts('deadline_at').notNull(),
  submittedAt: ts('submitted_at'),
  answers: smallint('answers').array(),
  correct: smallint('correct'),
  score: smallint('score'),
  passed: boolean('passed'),
  late: boolean('late'),
});

export const trainingCertificates = pgTable('training_certificates', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  code: text('code').notNull(),
  attemptId: uuid('attempt_id').notNull(),
  courseId: uuid('course_id').notNull(),
  centerId: uuid('center_id').notNull(),
  staffId: uuid('staff_id').notNull(),
  holderName: text('holder_name').notNull(),
  courseTitle: text('course_title').notNull(),
  centerName: text('center_name').notNull(),
  score: smallint('score').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }).notNull(),
});
