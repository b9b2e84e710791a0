/** The welfare ledger's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, page, phone, text, unitCode } from '../../app/schemas.ts';
import { GUARDIAN_RELATIONS, WORKER_ROLES } from './vocabulary.ts';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** An optional text: absent stays absent (unchanged), empty becomes null (cleared). */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === undefined ? undefined : v || null));

export const categoryView = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  basis: z.string(),
  subclasses: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  visitIntervalDays: z.number().int().nullable(),
  supportClasses: z.array(z.string()),
});
export const categoriesView = z.object({ categories: z.array(categoryView), source: z.string(), supportSource: z.string() });

export const membershipInput = z.object({
  category: z.string().min(1).max(40),
  subclass: z.string().max(40).optional().nullable().transform((v) => v || null),
  basis: text(500),
  startDate: isoDate,
});
export type MembershipInput = z.infer<typeof membershipInput>;

export const contactInput = z.object({
  directorId: z.uuid().nullable().optional(),
  supervisorId: z.uuid().nullable().optional(),
  guardianName: optionalText(40),
  guardianRelation: z.enum(GUARDIAN_RELATIONS).nullable().optional(),
  guardianPhone: phone.nullable().optional(),
  note: optionalText(500),
});
export type ContactInput = z.infer<typeof contactInput>;

export const childInput = z.object({ personId: z.uuid() }).merge(membershipInput).merge(contactInput);
export type ChildInput = z.infer<typeof childInput>;

export const endInput = z.object({ endDate: isoDate, reason: text(200) });

export const visitInput = z.object({
  visitedOn: isoDate,
  visitorName: text(40),
  findings: text(2000),
  needs: optionalText(1000),
});
export type VisitInput = z.infer<typeof visitInput>;

export const childrenQuery = z.object({
  category: z.string().max(40).optional(),
  unitCode: unitCode.optional(),
  q: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'all']).default('active'),
});
export type ChildrenQuery = z.infer<typeof childrenQuery>;
export const childrenPageQuery = page.merge(childrenQuery);

const heldCategory = z.object({ category: z.string(), subclass: z.string().nullable() });
export const childListItem = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  categories: z.array(heldCategory),
  directorName: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type ChildListItem = z.infer<typeof childListItem>;

export const membershipView = z.object({
  id: z.string(),
  category: z.string(),
  subclass: z.string().nullable(),
  basis: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** The day the membership ends in fact: its end, or the last day as a minor. */
  effectiveEnd: z.string(),
  active: z.boolean(),
  endReason: z.string().nullable(),
  confirmedByName: z.string(),
  confirmedAt: z.string(),
  endedByName: z.string().nullable(),
});

export const visitView = z.object({
  id: z.string(),
  visitedOn: z.string(),
  visitorName: z.string(),
  findings: z.string(),
  needs: z.string().nullable(),
  createdByName: z.string(),
});
export type VisitView = z.infer<typeof visitView>;

const workerRef = z.object({ id: z.string(), name: z.string(), phone: z.string() }).nullable();
export const contactCard = z.object({
  director: workerRef,
  supervisor: workerRef,
  guardianName: z.string().nullable(),
  guardianRelation: z.enum(GUARDIAN_RELATIONS).nullable(),
  guardianPhone: z.string().nullable(),
  note: z.string().nullable(),
});

export const supportLineView = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(['computed', 'approved']),
  ruleCode: z.string(),
  rateFen: z.number().int(),
  days: z.number().int(),
  daysInMonth: z.number().int(),
  spans: z.array(z.tuple([z.string(), z.string()])),
  amountFen: z.number().int(),
});

export const childFile = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  idMasked: z.string(),
  address: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  lastDayAsMinor: z.string(),
  memberships: z.array(membershipView),
  visits: z.array(visitView),
  contact: contactCard,
  nextDue: z.object({ dueOn: z.string(), intervalDays: z.number().int(), category: z.string(), from: z.string() }).nullable(),
  overdue: z.boolean(),
  support: z.array(supportLineView),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ChildFile = z.infer<typeof childFile>;

export const countsQuery = z.object({ unitCode: unitCode.optional() });
export const countsView = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), children: z.number().int() })),
});

export const overdueQuery = z.object({ unitCode: unitCode.optional() });
export const overdueItem = z.object({
  childId: z.string(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  category: z.string(),
  lastVisitOn: z.string().nullable(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  directorName: z.string().nullable(),
});
export const overdueSummary = z.object({ unitCode: z.string(), unitName: z.string(), children: z.number().int(), overdue: z.number().int() });
export const overdueView = z.object({
  items: z.array(overdueItem),
  byVillage: z.array(overdueSummary),
  byTownship: z.array(overdueSummary),
});

export const workerInput = z.object({ unitCode, role: z.enum(WORKER_ROLES), name: text(40), phone });
export const workersQuery = z.object({ unitCode: unitCode.optional(), role: z.enum(WORKER_ROLES).optional() });
export const workerView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  role: z.enum(WORKER_ROLES),
  name: z.string(),
  phone: z.string(),
  /** Key children under 18 with an active category whose contact card names the worker. */
  caseload: z.number().int(),
});

export const computeInput = z.object({ month, unitCode: unitCode.optional() });
export const runView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  month: z.string(),
  status: z.enum(['computed', 'approved']),
  children: z.number().int(),
  totalFen: z.number().int(),
  computedByName: z.string(),
  computedAt: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type RunView = z.infer<typeof runView>;
export const runsQuery = z.object({ month: month.optional(), unitCode: unitCode.optional() });
export const runLine = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  unitName: z.string(),
  ruleCode: z.string(),
  rateFen: z.number().int(),
  days: z.number().int(),
  daysInMonth: z.number().int(),
  spans: z.array(z.tuple([z.string(), z.string()])),
  amountFen: z.number().int(),
});
export const runDetail = runView.extend({ lines: z.array(runLine), source: z.string() });
export type RunDetail = z.infer<typeof runDetail>;

// ---- children's homes ----------------------------------------------------------------------

export const homeInput = z.object({
  unitCode,
  name: text(60),
  kind: z.enum(['basic', 'demonstration']),
  hubId: z.uuid().nullable().optional(),
  address: optionalText(200),
  openedOn: isoDate,
});
export type HomeInput = z.infer<typeof homeInput>;
export const homeLinkInput = z.object({ hubId: z.uuid().nullable() });
export const homesQuery = z.object({ unitCode: unitCode.optional(), kind: z.enum(['basic', 'demonstration']).optional() });
export const homeView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  townshipName: z.string(),
  name: z.string(),
  kind: z.enum(['basic', 'demonstration']),
  hubId: z.string().nullable(),
  hubName: z.string().nullable(),
  /** Basic homes linked to this demonstration home. */
  linked: z.number().int(),
  address: z.string().nullable(),
  openedOn: z.string(),
  /** Activities in the last twelve months. */
  activities: z.number().int(),
});
export type HomeView = z.infer<typeof homeView>;
export const activityInput = z.object({ heldOn: isoDate, title: text(100), participants: z.number().int().min(0).max(10_000) });
export const activityView = z.object({ id: z.string(), heldOn: z.string(), title: z.string(), participants: z.number().int(), createdByName: z.string() });
export const homeDetail = homeView.extend({ activityList: z.array(activityView), linkedHomes: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string() })) });
export const homeTargetsView = z.object({
  homes: z.number().int(),
  demonstration: z.number().int(),
  share: z.number().nullable(),
  shareMet: z.boolean(),
  townships: z.number().int(),
  townshipsWithDemonstration: z.number().int(),
  townshipsMissing: z.array(z.object({ unitCode: z.string(), unitName: z.string() })),
  unlinked: z.number().int(),
});
