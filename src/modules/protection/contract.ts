/** The protection module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { page, text, unitCode } from '../../app/schemas.ts';
import { ACTIONS, STAGES } from './stages.ts';
import { RISK_LEVELS } from './deadlines.ts';
import { CATEGORIES, DEPARTMENTS, EVENT_KINDS } from './vocabulary.ts';
import { REFERRAL_STATUSES } from './referrals.ts';

const stage = z.enum(STAGES);
const category = z.enum(CATEGORIES);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A mandatory report by a signed-in user: a registered child by id, or the child as the reporter knows them. */
export const reportInput = z.object({
  personId: z.uuid().optional(),
  childName: optionalText(50),
  childDescription: optionalText(500),
  /** The township or village where the child is; taken from the person when one is named. */
  unitCode: unitCode.optional(),
  category,
  riskLevel: z.enum(RISK_LEVELS).default('normal'),
  situation: text(2000),
  location: optionalText(200),
});
export type ReportInput = z.infer<typeof reportInput>;

/** The report anyone may make without signing in. */
export const publicReportInput = z.object({
  unitCode,
  situation: text(2000),
  location: optionalText(200),
  childName: optionalText(50),
  childDescription: optionalText(500),
  category: category.default('other'),
  reporterContact: optionalText(100),
});
export type PublicReportInput = z.infer<typeof publicReportInput>;

/** All a reporter ever gets back. */
export const receipt = z.object({ receiptNo: z.string() });

export const publicUnit = z.object({ code: z.string(), name: z.string(), hasChildren: z.boolean() });

export const casesQuery = page.extend({
  stage: stage.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unitCode: unitCode.optional(),
  q: z.string().trim().max(50).optional(),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export const caseSummary = z.object({
  id: z.string(),
  receiptNo: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  childName: z.string().nullable(),
  childRegistered: z.boolean(),
  category,
  riskLevel: z.enum(RISK_LEVELS),
  stage,
  stageEnteredAt: z.string(),
  stageDueAt: z.string().nullable(),
  overdue: z.boolean(),
  reportedAt: z.string(),
  assigneeNames: z.array(z.string()),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const assigneeView = z.object({ userId: z.string(), displayName: z.string(), unitName: z.string(), assignedAt: z.string(), assignedByName: z.string() });
export const referralView = z.object({
  id: z.string(),
  department: z.enum(DEPARTMENTS),
  request: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  response: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextStatuses: z.array(z.enum(REFERRAL_STATUSES)),
});
export const eventView = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  kind: z.enum(EVENT_KINDS),
  stage,
  action: z.enum(ACTIONS).nullable(),
  fromStage: stage.nullable(),
  toStage: stage.nullable(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export const childView = z.object({ id: z.string(), name: z.string(), sex: z.enum(['male', 'female']), birthDate: z.string(), idMasked: z.string(), unitName: z.string() });

export const caseView = caseSummary.extend({
  situation: z.string(),
  location: z.string().nullable(),
  reportedChildName: z.string().nullable(),
  reportedChildDescription: z.string().nullable(),
  child: childView.nullable(),
  reporterKind: z.enum(['staff', 'public']),
  reporterName: z.string().nullable(),
  reporterContact: z.string().nullable(),
  closedReason: z.enum(['unfounded', 'resolved']).nullable(),
  closedAt: z.string().nullable(),
  deadlineBasis: z.enum(['law', 'configured']).nullable(),
  assignees: z.array(assigneeView),
  referrals: z.array(referralView),
  events: z.array(eventView),
  /** The next legal steps for the caller, with whether each needs a reason. */
  actions: z.array(z.object({ action: z.enum(ACTIONS), to: stage, noteRequired: z.boolean() })),
  canAssign: z.boolean(),
});
export type CaseView = z.infer<typeof caseView>;

export const transitionInput = z.object({ action: z.enum(ACTIONS), note: optionalText(1000) });
export const assignInput = z.object({ userId: z.uuid() });
export const referralInput = z.object({ department: z.enum(DEPARTMENTS), request: text(1000) });
export const referralUpdate = z.object({ status: z.enum(REFERRAL_STATUSES), response: optionalText(1000) });
export const noteInput = z.object({ note: text(2000) });
export const linkChildInput = z.object({ personId: z.uuid() });
export const candidateView = z.object({ userId: z.string(), displayName: z.string(), unitName: z.string(), role: z.string() });

export const stageCounts = z.object({
  byStage: z.record(stage, z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
});
export const overdueView = z.object({
  units: z.array(z.object({ unitCode: z.string(), unitName: z.string(), count: z.number().int() })),
  items: z.array(caseSummary),
});

export const accessLogEntry = z.object({ at: z.string(), action: z.string(), who: z.string() });
