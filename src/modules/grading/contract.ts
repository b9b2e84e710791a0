/** The grading module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, text, unitCode } from '../../app/schemas.ts';
import { APPLICATION_STATUSES, ELIGIBILITY_CONDITIONS, GRADE_END_REASONS, GRADE_LEVELS } from './vocabulary.ts';

const level = z.enum(GRADE_LEVELS);
const scores = z.record(z.string().max(60), z.number());
const localised = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const eligibilityView = z.object({
  eligible: z.boolean(),
  checkedOn: z.string(),
  failures: z.array(z.object({ condition: z.enum(ELIGIBILITY_CONDITIONS), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});

export const standardView = z.object({
  version: z.string(),
  title: z.string(),
  source: z.string(),
  pending: z.string(),
  dimensions: z.array(z.object({ code: z.string(), name: localised, max: z.number(), items: z.array(z.object({ code: z.string(), clause: z.string(), max: z.number(), veto: z.boolean(), name: localised })) })),
  levels: z.object({ version: z.string(), source: z.string(), pending: z.string(), minTotal: z.record(z.string(), z.number()), validityYears: z.number(), minOperatingMonths: z.number() }),
});

export const applicationInput = z.object({ centerId: z.uuid(), level });
export const selfAssessmentInput = z.object({ scores });
export const assessmentInput = z.object({ onsiteOn: isoDate, assessors: text(200), scores });
export const downgradeInput = z.object({ level: level.nullable(), on: isoDate, reason: text(500) });

const reason = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const applicationView = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  level,
  standardVersion: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  selfScores: scores,
  selfTotal: z.number().nullable(),
  eligibility: eligibilityView.nullable(),
  submittedAt: z.string().nullable(),
  onsiteScores: scores.nullable(),
  onsiteTotal: z.number().nullable(),
  onsiteOn: z.string().nullable(),
  assessors: z.string().nullable(),
  resultLevel: level.nullable(),
  resultReasons: z.array(reason).nullable(),
  assessedByName: z.string().nullable(),
  assessedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationsQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  level: level.optional(),
  unitCode: unitCode.optional(),
  centerId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  sort: z.enum(['createdAt', 'centerName', 'level', 'status', 'onsiteTotal']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ApplicationsQuery = z.infer<typeof applicationsQuery>;

export const gradeView = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  level,
  validFrom: z.string(),
  validTo: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(GRADE_END_REASONS).nullable(),
  endComment: z.string().nullable(),
  current: z.boolean(),
  cloudSupervision: z.boolean(),
});
export type GradeView = z.infer<typeof gradeView>;

export const gradesQuery = z.object({
  level: level.optional(),
  unitCode: unitCode.optional(),
  centerId: z.uuid().optional(),
  /** Current grades only (default), or the whole history. */
  history: z.enum(['true', 'false']).default('false'),
  /** Current grades whose validity ends within this many days: due for re-evaluation. */
  expiringWithin: z.coerce.number().int().min(1).max(3650).optional(),
});
export type GradesQuery = z.infer<typeof gradesQuery>;
