/** The childcare module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, phone, text, unitCode } from '../../app/schemas.ts';
import { isValidCreditCode } from './filing.ts';
import {
  BACKGROUND_CHECKS,
  CARE_TYPES,
  CENTER_FORMS,
  CENTER_STATUSES,
  CENTER_STATUS_ACTIONS,
  CERTIFICATE_TYPES,
  CLASS_TYPES,
  DEPARTMENTS,
  DOCUMENT_KINDS,
  FILING_EVENT_ACTIONS,
  FILING_KINDS,
  FILING_STATUSES,
  FIRE_PROCEDURES,
  OPERATOR_KINDS,
  REVIEW_DECISIONS,
  STAFF_ROLES,
  WARNING_KINDS,
} from './vocabulary.ts';

export const operatorKind = z.enum(OPERATOR_KINDS);
export const centerForm = z.enum(CENTER_FORMS);
export const centerStatus = z.enum(CENTER_STATUSES);
export const classType = z.enum(CLASS_TYPES);
export const careType = z.enum(CARE_TYPES);
export const staffRole = z.enum(STAFF_ROLES);
export const backgroundCheck = z.enum(BACKGROUND_CHECKS);
export const certificateType = z.enum(CERTIFICATE_TYPES);
export const department = z.enum(DEPARTMENTS);
export const documentKind = z.enum(DOCUMENT_KINDS);
export const filingStatus = z.enum(FILING_STATUSES);
export const fireProcedure = z.enum(FIRE_PROCEDURES);
export const warningKind = z.enum(WARNING_KINDS);

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidCreditCode(v), { params: { key: 'childcare.creditCode' } });

/** Shaoxing lies within about 119.9–121.2 °E and 29.2–30.3 °N; a point outside is a typing slip. */
export const SHAOXING_BOUNDS = { minLon: 119.5, maxLon: 121.5, minLat: 29.0, maxLat: 30.5 };
const lon = z.number().refine((v) => v >= SHAOXING_BOUNDS.minLon && v <= SHAOXING_BOUNDS.maxLon, { params: { key: 'childcare.outsideCity' } });
const lat = z.number().refine((v) => v >= SHAOXING_BOUNDS.minLat && v <= SHAOXING_BOUNDS.maxLat, { params: { key: 'childcare.outsideCity' } });

export const classInput = z.object({
  id: z.uuid().optional(),
  classType,
  name: text(40),
  capacity: z.number().int().min(1).max(60),
});
export type ClassInput = z.infer<typeof classInput>;

export const centerInput = z
  .object({
    unitCode,
    name: text(100),
    operatorName: text(100),
    operatorKind,
    form: centerForm.default('center'),
    creditCode: creditCode.optional(),
    legalRepresentative: text(40).optional(),
    contactName: text(40).optional(),
    contactPhone: phone.optional(),
    address: text(200),
    lon: lon.optional(),
    lat: lat.optional(),
    floorAreaM2: z.number().positive().max(100_000),
    outdoorAreaM2: z.number().min(0).max(100_000).optional(),
    investmentFen: z.number().int().min(0).optional(),
    affordable: z.boolean().default(false),
    monthlyFeeFen: z.number().int().min(0).optional(),
    openedOn: isoDate.optional(),
    cloudSupervision: z.boolean().default(false),
    fireProcedure: fireProcedure.default('standard'),
    classes: z.array(classInput).min(1).max(30),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.lon === undefined) !== (v.lat === undefined)) ctx.addIssue({ code: 'custom', path: [v.lon === undefined ? 'lon' : 'lat'], params: { key: 'required' } });
  });
export type CenterInput = z.infer<typeof centerInput>;

/** A change of a filed center (capacity, address, operator) goes through the same review. */
export const centerChangeInput = z
  .object({
    operatorName: text(100).optional(),
    operatorKind: operatorKind.optional(),
    address: text(200).optional(),
    lon: lon.optional(),
    lat: lat.optional(),
    classes: z.array(classInput).min(1).max(30).optional(),
    note: text(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.operatorName === undefined && v.operatorKind === undefined && v.address === undefined && v.lon === undefined && v.classes === undefined)
      ctx.addIssue({ code: 'custom', path: ['_'], params: { key: 'childcare.noChange' } });
  });
export type CenterChangeInput = z.infer<typeof centerChangeInput>;

export const classView = z.object({
  id: z.uuid(),
  classType,
  name: z.string(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  caregivers: z.number().int(),
  maxSize: z.number().int(),
  childrenPerCaregiver: z.number().int(),
});
export type ClassView = z.infer<typeof classView>;

export const warningView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  classId: z.uuid().nullable(),
  className: z.string().nullable(),
  kind: warningKind,
  actual: z.number().int(),
  limit: z.number().int(),
  raisedAt: z.string(),
});
export type WarningView = z.infer<typeof warningView>;

export const centerListItem = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  countyName: z.string(),
  name: z.string(),
  operatorName: z.string(),
  operatorKind,
  form: centerForm,
  address: z.string(),
  affordable: z.boolean(),
  status: centerStatus,
  filingNumber: z.string().nullable(),
  filedAt: z.string().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  staff: z.number().int(),
  openWarnings: z.number().int(),
  cloudSupervision: z.boolean(),
});
export type CenterListItem = z.infer<typeof centerListItem>;

export const centerSort = z.enum(['name', 'status', 'capacity', 'enrolled', 'filedAt', 'unit']);
export const centersQuery = z.object({
  unitCode: unitCode.optional(),
  status: centerStatus.optional(),
  operatorKind: operatorKind.optional(),
  affordable: z.enum(['true', 'false']).optional(),
  warnings: z.enum(['true']).optional(),
  q: z.string().trim().max(50).optional(),
  sort: centerSort.default('unit'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type CentersQuery = z.infer<typeof centersQuery>;

export const documentView = z.object({
  id: z.uuid(),
  kind: documentKind,
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  filingId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});
export type DocumentView = z.infer<typeof documentView>;

export const reviewView = z.object({
  department,
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().nullable(),
  reviewerName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The evidence this department reads. */
  documents: z.array(documentKind),
});
export type ReviewView = z.infer<typeof reviewView>;

export const filingEventView = z.object({
  at: z.string(),
  actorName: z.string(),
  action: z.enum(FILING_EVENT_ACTIONS),
  department: department.nullable(),
  comment: z.string().nullable(),
});
export type FilingEventView = z.infer<typeof filingEventView>;

export const filingView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.enum(FILING_KINDS),
  status: filingStatus,
  fireProcedure,
  changes: z.record(z.string(), z.unknown()),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  returnReasons: z.string().nullable(),
  missingEvidence: z.array(documentKind),
  reviews: z.array(reviewView),
  events: z.array(filingEventView),
});
export type FilingView = z.infer<typeof filingView>;

export const filingListItem = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  kind: z.enum(FILING_KINDS),
  status: filingStatus,
  submittedAt: z.string().nullable(),
  approvals: z.number().int(),
  /** The caller's department's decision, for a reviewer. */
  myDecision: z.enum(REVIEW_DECISIONS).nullable(),
});
export type FilingListItem = z.infer<typeof filingListItem>;

export const filingsQuery = z.object({
  status: z.enum([...FILING_STATUSES, 'open', 'all']).default('open'),
  unitCode: unitCode.optional(),
  /** For a reviewer: only filings still awaiting the caller's department. */
  awaitingMe: z.enum(['true', 'false']).default('false'),
});

export const reviewInput = z
  .object({ decision: z.enum(['approved', 'returned']), comment: text(1000).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'returned' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], params: { key: 'childcare.reasonRequired' } });
  });
export const decisionInput = z
  .object({ decision: z.enum(['file', 'return']), reasons: text(2000).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.reasons) ctx.addIssue({ code: 'custom', path: ['reasons'], params: { key: 'childcare.reasonRequired' } });
  });

export const staffView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  centerName: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  role: staffRole,
  classId: z.uuid().nullable(),
  className: z.string().nullable(),
  hiredOn: z.string(),
  leftOn: z.string().nullable(),
  backgroundCheck,
  backgroundCheckedOn: z.string().nullable(),
  trainingHours: z.number().int(),
  certificates: z.array(
    z.object({ id: z.uuid(), certType: certificateType, number: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string().nullable() }),
  ),
});
export type StaffView = z.infer<typeof staffView>;

export const staffInput = z
  .object({
    name: text(40),
    sex: z.enum(['male', 'female']).optional(),
    phone: phone.optional(),
    role: staffRole,
    classId: z.uuid().optional(),
    hiredOn: isoDate,
    backgroundCheck: backgroundCheck.default('pending'),
    backgroundCheckedOn: isoDate.optional(),
    trainingHours: z.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.backgroundCheck !== 'pending' && !v.backgroundCheckedOn) ctx.addIssue({ code: 'custom', path: ['backgroundCheckedOn'], params: { key: 'required' } });
  });
export type StaffInput = z.infer<typeof staffInput>;

export const staffUpdate = z
  .object({
    classId: z.uuid().nullable().optional(),
    leftOn: isoDate.optional(),
    backgroundCheck: backgroundCheck.optional(),
    backgroundCheckedOn: isoDate.optional(),
    trainingHours: z.number().int().min(0).max(10_000).optional(),
    phone: phone.optional(),
  })
  .strict();
export type StaffUpdate = z.infer<typeof staffUpdate>;

export const certificateInput = z
  .object({ certType: certificateType, number: text(60), issuer: text(100), validFrom: isoDate, validTo: isoDate.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], params: { key: 'childcare.beforeValidFrom' } });
  });
export type CertificateInput = z.infer<typeof certificateInput>;

export const expiringItem = z.object({
  certificateId: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  centerId: z.uuid(),
  centerName: z.string(),
  certType: certificateType,
  number: z.string(),
  validTo: z.string(),
  daysLeft: z.number().int(),
});
export const expiringQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(60), unitCode: unitCode.optional() });

export const enrolmentInput = z.object({ personId: z.uuid(), classId: z.uuid(), careType, startDate: isoDate }).strict();
export type EnrolmentInput = z.infer<typeof enrolmentInput>;
export const enrolmentEnd = z.object({ endDate: isoDate }).strict();
export const enrolmentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  childName: z.string(),
  birthDate: z.string(),
  classId: z.uuid(),
  className: z.string(),
  careType,
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(['active', 'ended']),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** The county suspends, resumes or closes a filed center, always with a reason. */
export const centerStatusInput = z.object({ action: z.enum(CENTER_STATUS_ACTIONS), reason: text(1000) });
export type CenterStatusInput = z.infer<typeof centerStatusInput>;
export const centerStatusEventView = z.object({
  at: z.string(),
  action: z.enum(CENTER_STATUS_ACTIONS),
  fromStatus: centerStatus,
  toStatus: centerStatus,
  reason: z.string(),
  actorName: z.string(),
});

export const centerDetail = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  operatorName: z.string(),
  operatorKind,
  form: centerForm,
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  floorAreaM2: z.number().nullable(),
  outdoorAreaM2: z.number().nullable(),
  investmentFen: z.number().nullable(),
  affordable: z.boolean(),
  monthlyFeeFen: z.number().nullable(),
  status: centerStatus,
  filingNumber: z.string().nullable(),
  filedAt: z.string().nullable(),
  openedOn: z.string().nullable(),
  cloudSupervision: z.boolean(),
  simplifiedFireAllowed: z.boolean(),
  classes: z.array(classView),
  documents: z.array(documentView),
  warnings: z.array(warningView),
  filings: z.array(filingView),
  staffCount: z.number().int(),
  enrolled: z.number().int(),
  /** Whether the caller may edit and submit (the operator, while draft or returned). */
  editable: z.boolean(),
  /** Suspensions, resumptions and closure, newest first. */
  statusEvents: z.array(centerStatusEventView),
});
export type CenterDetail = z.infer<typeof centerDetail>;

export const reviewerInput = z.object({ department }).strict();
export const myReviewerView = z.object({ department: department.nullable(), canFile: z.boolean() });
