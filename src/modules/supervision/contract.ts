/** The supervision module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, text, unitCode } from '../../app/schemas.ts';
import { INSPECTION_TYPES } from './checklist.ts';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from './vocabulary.ts';

const inspectionType = z.enum(INSPECTION_TYPES);

export const planInput = z.object({
  unitCode: unitCode.optional(),
  name: text(100),
  inspectionType,
  periodFrom: isoDate,
  periodTo: isoDate,
  sampleSize: z.number().int().min(1).max(2000),
  inspectorsPerCenter: z.number().int().min(1).max(5).default(2),
});
export type PlanInput = z.infer<typeof planInput>;
export const drawInput = z.object({ seed: z.string().trim().min(1).max(100).optional() });

const draw = z.object({
  algorithm: z.string(),
  seed: z.string(),
  candidates: z.array(z.string()),
  roster: z.array(z.string()),
  sampleSize: z.number(),
  inspectorsPerCenter: z.number(),
  assignments: z.array(z.object({ centerId: z.string(), inspectorIds: z.array(z.string()) })),
});
export const planView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  inspectionType,
  periodFrom: z.string(),
  periodTo: z.string(),
  sampleSize: z.number(),
  inspectorsPerCenter: z.number(),
  status: z.enum(['draft', 'drawn']),
  draw: draw.nullable(),
  drawnAt: z.string().nullable(),
  drawnByName: z.string().nullable(),
  createdByName: z.string(),
});
export type PlanView = z.infer<typeof planView>;
export const verifyView = z.object({ reproducible: z.boolean(), algorithm: z.string(), seed: z.string() });

export const inspectionInput = z.object({ centerId: z.uuid(), inspectionType, scheduledOn: isoDate, inspectorIds: z.array(z.uuid()).max(5).default([]) });
const answer = z.enum(['pass', 'fail', 'na']);
export const resultInput = z.object({
  inspectedOn: isoDate,
  results: z.record(z.string().max(60), answer),
  findings: z.record(z.string().max(60), z.string().max(500)).default({}),
  summary: z.string().trim().max(1000).optional(),
  /** Required when any item failed: the deadline of the rectification order. */
  rectificationDeadline: isoDate.optional(),
  requirement: z.string().trim().max(1000).optional(),
  /** Required when the one recording is not one of the inspection's inspectors (see mayRecord). */
  onBehalfReason: z.string().trim().max(500).optional(),
});
export type ResultInput = z.infer<typeof resultInput>;

export const findingView = z.object({ id: z.string(), itemCode: z.string(), severity: z.enum(['minor', 'major', 'critical']), description: z.string() });
export const inspectionView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  planId: z.string().nullable(),
  inspectionType,
  checklistVersion: z.string(),
  scheduledOn: z.string(),
  inspectedOn: z.string().nullable(),
  inspectorNames: z.array(z.string()),
  status: z.enum(['scheduled', 'done']),
  results: z.record(z.string(), answer).nullable(),
  summary: z.string().nullable(),
  findings: z.array(findingView),
  /**
   * How the caller may record the result of a scheduled inspection: as one of its inspectors,
   * on their behalf (the one who scheduled it, or an administrator; a reason is required and
   * audited), or not at all.
   */
  mayRecord: z.enum(['inspector', 'onBehalf', 'no']),
  /** After a result with findings: the center's credit score and level it left. */
  credit: z.object({ score: z.number(), level: z.string(), change: z.number() }).optional(),
});
export type InspectionView = z.infer<typeof inspectionView>;
export const inspectionsQuery = z.object({
  status: z.enum(['scheduled', 'done']).optional(),
  inspectionType: inspectionType.optional(),
  unitCode: unitCode.optional(),
  centerId: z.uuid().optional(),
  planId: z.uuid().optional(),
  q: z.string().trim().max(60).optional(),
  sort: z.enum(['scheduledOn', 'centerName', 'status']).default('scheduledOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type InspectionsQuery = z.infer<typeof inspectionsQuery>;

const historyEntry = z.object({ at: z.string(), by: z.string(), action: z.string(), comment: z.string().optional(), deadline: z.string().optional() });
export const orderView = z.object({
  id: z.string(),
  unitCode: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  inspectionId: z.string(),
  requirement: z.string(),
  issuedOn: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'submitted', 'closed']),
  overdue: z.boolean(),
  response: z.string().nullable(),
  closedOn: z.string().nullable(),
  history: z.array(historyEntry),
});
export type OrderView = z.infer<typeof orderView>;
export const ordersQuery = z.object({
  status: z.enum(['open', 'submitted', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unitCode: unitCode.optional(),
  centerId: z.uuid().optional(),
});
export const orderResponse = z.object({ response: text(2000) });
export const orderReview = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), comment: z.string().trim().max(500).optional() }),
  z.object({ decision: z.literal('reject'), comment: text(500), newDeadline: isoDate }),
]);
export type OrderReview = z.infer<typeof orderReview>;

export const incidentInput = z.object({
  centerId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(INCIDENT_SEVERITIES),
  description: text(2000),
  childrenAffected: z.number().int().min(0).max(1000),
  actionsTaken: text(2000),
});
export type IncidentInput = z.infer<typeof incidentInput>;
export const incidentHandle = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('close'), note: text(1000), centerAtFault: z.boolean() }),
]);
export const incidentView = z.object({
  id: z.string(),
  unitCode: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  occurredAt: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(INCIDENT_SEVERITIES),
  description: z.string(),
  childrenAffected: z.number(),
  actionsTaken: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  centerAtFault: z.boolean().nullable(),
  reportedByName: z.string(),
  handledByName: z.string().nullable(),
  handlingNote: z.string().nullable(),
});
export type IncidentView = z.infer<typeof incidentView>;

export const complaintInput = z.object({ centerId: z.uuid(), category: z.enum(COMPLAINT_CATEGORIES), content: text(2000) });
export const complaintHandle = z.discriminatedUnion('action', [
  z.object({ action: z.literal('handle'), reply: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('uphold'), reply: text(1000) }),
  z.object({ action: z.literal('dismiss'), reply: text(1000) }),
]);
export const complaintView = z.object({
  id: z.string(),
  unitCode: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  complainantName: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  content: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  reply: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintView>;
export const listQuery = z.object({ status: z.string().max(20).optional(), unitCode: unitCode.optional(), centerId: z.uuid().optional() });

export const creditRow = z.object({
  centerId: z.string(),
  centerName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  score: z.number(),
  level: z.enum(['A', 'B', 'C', 'D']),
  jointPunishment: z.boolean(),
  events: z.number(),
});
export const creditEventView = z.object({ id: z.string(), ruleCode: z.string(), points: z.number(), sourceType: z.string(), sourceId: z.string(), occurredOn: z.string(), rulesVersion: z.string() });
export const centerCreditView = creditRow.extend({ history: z.array(creditEventView) });

export const cloudRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  centers: z.number(),
  connected: z.number(),
  graded: z.number(),
  gradedConnected: z.number(),
  /** Share of centers graded three or better on cloud supervision (target: all, 004). */
  gradedCoverage: z.number().nullable(),
});
export const cloudView = z.object({ rows: z.array(cloudRow), graded: z.number(), gradedConnected: z.number(), gradedCoverage: z.number().nullable(), gradedNotConnected: z.array(z.object({ centerId: z.string(), centerName: z.string(), unitName: z.string(), level: z.string() })) });
export const cloudInput = z.object({ connected: z.boolean() });
