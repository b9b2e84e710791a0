/** The elderly module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, text, unitCode } from '../../app/schemas.ts';
import { ABILITY_LEVELS, DIMENSIONS } from './ability.ts';
import { CLOSE_OUTCOMES, DEMENTIA_ACTIONS, DEMENTIA_STATES, EDUCATION_LEVELS, REFERRAL_LEVELS, SCREEN_TOOLS } from './dementia.ts';
import { NEED_DIMENSIONS } from './needs.ts';
import { CARE_MODES, ECONOMIC_STATUSES, EDUCATIONS, HEALTH_STATUSES, HOUSEHOLDS, LIVING_ARRANGEMENTS, PRIORITY_FLAGS } from './vocabulary.ts';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const personIdParam = z.object({ personId: z.uuid() });
const level = z.enum(ABILITY_LEVELS);

export const profileInput = z.object({
  household: z.enum(HOUSEHOLDS),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS),
  economicStatus: z.enum(ECONOMIC_STATUSES),
  healthStatus: z.enum(HEALTH_STATUSES),
  careMode: z.enum(CARE_MODES),
  flags: z.array(z.enum(PRIORITY_FLAGS)).max(3).default([]),
  note: z.string().trim().max(200).optional(),
});
export type ProfileInput = z.infer<typeof profileInput>;

export const profilesQuery = z.object({
  unitCode: unitCode.optional(),
  q: z.string().trim().max(40).optional(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS).optional(),
  economicStatus: z.enum(ECONOMIC_STATUSES).optional(),
  abilityLevel: z.union([level, z.literal('notAssessed')]).optional(),
  ageFrom: z.coerce.number().int().min(60).max(120).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProfilesQuery = z.infer<typeof profilesQuery>;

export const profileListItem = z.object({
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  profiled: z.boolean(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS).nullable(),
  economicStatus: z.enum(ECONOMIC_STATUSES).nullable(),
  careMode: z.enum(CARE_MODES).nullable(),
  abilityLevel: level.nullable(),
  assessedOn: z.string().nullable(),
});
export type ProfileListItem = z.infer<typeof profileListItem>;

export const assessmentInput = z.object({
  assessedOn: isoDate,
  reason: z.enum(['first', 'regular', 'changed', 'review']),
  scores: z.record(z.string(), z.number()),
  coma: z.boolean().default(false),
  dementiaOrPsychiatric: z.boolean().default(false),
  riskEvents: z.number().int().min(0).max(99).default(0),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const assessmentView = z.object({
  id: z.string(),
  assessedOn: z.string(),
  reason: z.string(),
  assessorName: z.string(),
  standardVersion: z.string(),
  scores: z.record(z.string(), z.number()),
  dimensionTotals: z.record(z.enum(DIMENSIONS), z.number()),
  total: z.number().int(),
  baseLevel: level,
  level,
  coma: z.boolean(),
  dementia: z.boolean(),
  riskEvents: z.number().int(),
  changes: z.array(z.string()),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const TCM_CONSTITUTIONS = ['balanced', 'qiDeficiency', 'yangDeficiency', 'yinDeficiency', 'phlegmDampness', 'dampHeat', 'bloodStasis', 'qiStagnation', 'specialDiathesis'] as const;
export const healthInput = z.object({
  assessedOn: isoDate,
  smoking: z.boolean(),
  drinking: z.boolean(),
  exercise: z.enum(['daily', 'weekly', 'rarely', 'never']),
  systolic: z.number().int().min(60).max(260),
  diastolic: z.number().int().min(30).max(160),
  heightCm: z.number().min(100).max(220),
  weightKg: z.number().min(25).max(200),
  fastingGlucose: z.number().min(1).max(40).nullable().default(null),
  tcmConstitution: z.enum(TCM_CONSTITUTIONS),
  selfCare: z.enum(['independent', 'mildDependent', 'moderateDependent', 'dependent']),
});
export type HealthInput = z.infer<typeof healthInput>;
export const healthView = healthInput.extend({ id: z.string(), year: z.number().int(), bmi: z.number(), recordedByName: z.string() });
export type HealthView = z.infer<typeof healthView>;

export const screenInput = z.object({
  screenedOn: isoDate,
  tool: z.enum(SCREEN_TOOLS),
  score: z.number().int(),
  education: z.enum(EDUCATION_LEVELS).nullable().default(null),
});
export const stepInput = z.object({
  action: z.enum(DEMENTIA_ACTIONS),
  on: isoDate,
  referralLevel: z.enum(REFERRAL_LEVELS).optional(),
  institution: z.string().trim().max(80).optional(),
  outcome: z.enum(CLOSE_OUTCOMES).optional(),
  note: z.string().trim().max(200).optional(),
});
export type StepInput = z.infer<typeof stepInput>;
export const dementiaCaseView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitCode: z.string(),
  tool: z.enum(SCREEN_TOOLS),
  score: z.number().int(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  positive: z.boolean(),
  screenedOn: z.string(),
  status: z.enum(DEMENTIA_STATES),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  referralLevel: z.enum(REFERRAL_LEVELS).nullable(),
  institution: z.string().nullable(),
  outcome: z.string().nullable(),
  closedOn: z.string().nullable(),
  allowedActions: z.array(z.enum(DEMENTIA_ACTIONS)),
  steps: z.array(z.object({ action: z.string(), on: z.string(), byName: z.string(), note: z.string().nullable() })),
});
export type DementiaCaseView = z.infer<typeof dementiaCaseView>;
export const dementiaQuery = z.object({ status: z.enum(['open', 'closed', 'all']).default('open'), unitCode: unitCode.optional() });

const needView = z.object({ dimension: z.enum(NEED_DIMENSIONS), level: z.enum(['none', 'general', 'key', 'high']), reasons: z.array(z.string()) });
const entitlementView = z.object({ ruleCode: z.string(), amountFen: z.number().int(), met: z.array(z.object({ fact: z.string(), op: z.string(), value: z.unknown() })) });

export const profileDetail = z.object({
  personId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  idNumberMasked: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  profile: profileInput.extend({ note: z.string().nullable(), updatedByName: z.string(), updatedAt: z.string() }).nullable(),
  abilityLevel: level.nullable(),
  careEligibility: z.object({ nursingBed: z.boolean(), nursingSubsidy: z.boolean(), familyCareBed: z.boolean() }),
  specialDifficulty: z.boolean(),
  needs: z.array(needView),
  assessments: z.array(assessmentView),
  health: z.array(healthView),
  healthDue: z.boolean(),
  dementia: z.array(dementiaCaseView),
  entitlements: z.array(entitlementView),
  entitlementMonth: z.string(),
});
export type ProfileDetail = z.infer<typeof profileDetail>;

export const institutionInput = z.object({
  unitCode,
  name: text(60),
  publicHome: z.boolean(),
  beds: z.number().int().min(0).max(10000),
  nursingBeds: z.number().int().min(0).max(10000),
  dementiaBeds: z.number().int().min(0).max(10000),
  occupiedBeds: z.number().int().min(0).max(10000).default(0),
  socialWorkers: z.number().int().min(0).max(1000),
  address: z.string().trim().max(120).optional(),
});
export type InstitutionInput = z.infer<typeof institutionInput>;
const indicatorView = z.object({ code: z.enum(['nursingShare', 'dementiaBedsPer10k', 'socialWorkers']), value: z.number().nullable(), target: z.number(), met: z.boolean().nullable() });
export const institutionView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  publicHome: z.boolean(),
  beds: z.number().int(),
  nursingBeds: z.number().int(),
  dementiaBeds: z.number().int(),
  occupiedBeds: z.number().int(),
  socialWorkers: z.number().int(),
  address: z.string().nullable(),
  waiting: z.number().int(),
  indicators: z.array(indicatorView),
});
export type InstitutionView = z.infer<typeof institutionView>;
export const institutionsQuery = z.object({ unitCode: unitCode.optional(), q: z.string().trim().max(40).optional() });
export const bedSummary = z.object({ unitCode: z.string(), institutions: z.number().int(), beds: z.number().int(), nursingBeds: z.number().int(), dementiaBeds: z.number().int(), socialWorkers: z.number().int(), elderly60: z.number().int(), indicators: z.array(indicatorView) });
export type BedSummary = z.infer<typeof bedSummary>;

export const applyInput = z.object({ personId: z.uuid(), appliedOn: isoDate });
export const waitDecision = z.object({ action: z.enum(['admit', 'withdraw']), on: isoDate });
export const waitingEntry = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  age: z.number().int(),
  appliedOn: z.string(),
  group: z.string(),
  outsideQueue: z.boolean(),
  position: z.number().int().nullable(),
  abilityLevel: level.nullable(),
  why: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});
export type WaitingEntry = z.infer<typeof waitingEntry>;
export const waitingList = z.object({ institutionId: z.string(), institutionName: z.string(), rulesTitle: z.string(), rulesSource: z.string(), entries: z.array(waitingEntry) });
export type WaitingList = z.infer<typeof waitingList>;

export const entitlementsQuery = z.object({ month, unitCode: unitCode.optional(), ruleCode: z.string().max(80).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });
export const entitledPerson = z.object({ personId: z.string(), name: z.string(), age: z.number().int(), unitCode: z.string(), unitName: z.string(), lines: z.array(entitlementView), totalFen: z.number().int() });
export type EntitledPerson = z.infer<typeof entitledPerson>;

export const workerInput = z.object({
  institutionId: z.uuid(),
  name: text(40),
  startedOn: isoDate,
  graduateEducation: z.enum(EDUCATIONS).nullable().default(null),
  graduatedOn: isoDate.nullable().default(null),
  certificates: z.array(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), certifiedOn: isoDate })).max(5).default([]),
});
export type WorkerInput = z.infer<typeof workerInput>;
export const workerView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  unitCode: z.string(),
  name: z.string(),
  startedOn: z.string(),
  graduateEducation: z.enum(EDUCATIONS).nullable(),
  certificates: z.array(z.object({ level: z.number().int(), certifiedOn: z.string() })),
  allowance: entitlementView.nullable(),
  instalments: z.array(z.object({ dueOn: z.string(), afterYears: z.number().int(), sharePct: z.number().int(), amountFen: z.number().int(), due: z.boolean() })),
});
export type WorkerView = z.infer<typeof workerView>;
export const workersQuery = z.object({ month, unitCode: unitCode.optional() });
