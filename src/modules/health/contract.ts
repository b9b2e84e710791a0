/** The health module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, phone, text, unitCode } from '../../app/schemas.ts';
import { GROWTH_MEASURES, MAX_AGE_DAYS_BY_LENGTH } from './growth.ts';
import { MCHAT_ITEM_COUNT } from './mchat.ts';
import { REFERRAL_LEVELS, REFERRAL_OUTCOMES, REFERRAL_RESULTS } from './referral.ts';
import { VACCINE_CODES, SERIES_CODES } from './immunisation.ts';
import { CENTER_GRADES, CENTER_SERVICES, CENTER_STATUSES, FEEDING, GUIDANCE_TOPICS, VISIT_KINDS } from './vocabulary.ts';
import { relation } from '../guardianship/contract.ts';

const sex = z.enum(['male', 'female']);
export const growthMeasure = z.enum(GROWTH_MEASURES as [string, ...string[]]) as z.ZodEnum<{ [K in (typeof GROWTH_MEASURES)[number]]: K }>;

// ---- calculators -------------------------------------------------------------------------

export const zscoreRequest = z
  .object({
    sex,
    ageDays: z.number().min(0).max(MAX_AGE_DAYS_BY_LENGTH),
    measure: growthMeasure,
    value: z.number().positive(),
    lengthCm: z.number().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.measure === 'weight-for-length' && v.lengthCm === undefined) ctx.addIssue({ code: 'custom', path: ['lengthCm'], params: { key: 'required' } });
  });
export const zscoreResponse = z.object({ z: z.number(), percentile: z.number() });

export const mchatScoreRequest = z.object({
  ageMonths: z.number().int(),
  answers: z.array(z.boolean()).length(MCHAT_ITEM_COUNT),
});
export const mchatScoreResponse = z.object({ score: z.number().int(), risk: z.enum(['low', 'medium', 'high']) });

export const referenceQuery = z.object({
  sex,
  measure: growthMeasure,
  /** Age in days (or cm for weight-for-length) to draw from and to. */
  from: z.coerce.number().min(0).default(0),
  to: z.coerce.number().min(0).default(1095),
  /** Weight-for-length: the height table (children of 731 days and over). */
  standing: z.enum(['true', 'false']).default('false'),
});
export const referenceCurves = z.object({
  measure: growthMeasure,
  zs: z.array(z.number()),
  points: z.array(z.object({ x: z.number(), values: z.array(z.number()) })),
  source: z.string(),
});

// ---- records ------------------------------------------------------------------------------

const zScores = z.object({
  weightForAge: z.number().nullable(),
  lengthForAge: z.number().nullable(),
  weightForLength: z.number().nullable(),
  bmiForAge: z.number().nullable(),
  headForAge: z.number().nullable(),
});

export const measurementInput = z
  .object({
    measuredOn: isoDate,
    weightKg: z.number().min(0.3).max(50).optional(),
    lengthCm: z.number().min(30).max(140).optional(),
    position: z.enum(['recumbent', 'standing']).optional(),
    headCm: z.number().min(20).max(60).optional(),
    notes: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.weightKg === undefined && v.lengthCm === undefined && v.headCm === undefined)
      ctx.addIssue({ code: 'custom', path: ['weightKg'], params: { key: 'health.noMeasurement' } });
    if (v.lengthCm !== undefined && !v.position) ctx.addIssue({ code: 'custom', path: ['position'], params: { key: 'required' } });
  });

export const measurementView = z.object({
  id: z.string(),
  measuredOn: z.string(),
  ageDays: z.number().int(),
  weightKg: z.number().nullable(),
  lengthCm: z.number().nullable(),
  position: z.enum(['recumbent', 'standing']).nullable(),
  headCm: z.number().nullable(),
  bmi: z.number().nullable(),
  z: zScores,
  notes: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});

export const warningSignsInput = z.object({
  screenedOn: isoDate,
  /** Numbers (1–4) of the age band's signs the child shows. */
  signsPresent: z.array(z.number().int().min(1).max(4)).max(4),
  regression: z.boolean(),
  notes: z.string().trim().max(500).optional(),
});

export const mchatInput = z.object({
  screenedOn: isoDate,
  answers: z.array(z.boolean()).length(MCHAT_ITEM_COUNT),
  notes: z.string().trim().max(500).optional(),
});

export const followUpInput = z.object({
  on: isoDate,
  /** The checklist's at-risk items still at risk after the Follow-Up interview. */
  stillAtRisk: z.array(z.number().int().min(1).max(MCHAT_ITEM_COUNT)).max(MCHAT_ITEM_COUNT),
});

export const referralView = z.object({
  id: z.string(),
  personId: z.string(),
  screeningId: z.string(),
  triggers: z.array(z.enum(['warningSigns', 'regression', 'mchat'])),
  level: z.enum(REFERRAL_LEVELS),
  status: z.enum(['suggested', 'referred', 'attended', 'closed']),
  suggestedOn: z.string(),
  institution: z.string().nullable(),
  referredOn: z.string().nullable(),
  attendedOn: z.string().nullable(),
  result: z.enum(REFERRAL_RESULTS).nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  closedOn: z.string().nullable(),
  notes: z.string().nullable(),
});

export const screeningView = z.object({
  id: z.string(),
  instrument: z.enum(['warningSigns', 'mchat']),
  screenedOn: z.string(),
  ageMonths: z.number().int(),
  result: z.enum(['negative', 'positive', 'followUpNeeded']),
  warningSigns: z.object({ bandMonths: z.number().int(), signsPresent: z.array(z.number().int()), regression: z.boolean() }).nullable(),
  mchat: z
    .object({
      answers: z.array(z.boolean()),
      score: z.number().int(),
      risk: z.enum(['low', 'medium', 'high']),
      atRiskItems: z.array(z.number().int()),
      rescreenAtMonths: z.number().int().nullable(),
      followUp: z.object({ on: z.string(), stillAtRisk: z.array(z.number().int()), score: z.number().int() }).nullable(),
    })
    .nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string(),
});

export const screeningRecorded = z.object({ screening: screeningView, referral: referralView.nullable() });

export const referralAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('refer'), on: isoDate, institution: text(80), level: z.enum(REFERRAL_LEVELS).optional() }),
  z.object({ action: z.literal('recordResult'), on: isoDate, result: z.enum(REFERRAL_RESULTS) }),
  z.object({ action: z.literal('close'), on: isoDate, outcome: z.enum(REFERRAL_OUTCOMES) }),
]);

export const vaccinationInput = z.object({
  vaccine: z.enum(VACCINE_CODES as [string, ...string[]]) as z.ZodEnum<{ [K in (typeof VACCINE_CODES)[number]]: K }>,
  dose: z.number().int().min(1).max(5),
  givenOn: isoDate,
  lot: z.string().trim().max(40).optional(),
  place: z.string().trim().max(80).optional(),
});

export const vaccinationView = z.object({
  id: z.string(),
  vaccine: z.string(),
  series: z.string(),
  dose: z.number().int(),
  givenOn: z.string(),
  lot: z.string().nullable(),
  place: z.string().nullable(),
  recordedByName: z.string(),
});

export const doseStatusView = z.object({
  series: z.enum(SERIES_CODES as [string, ...string[]]),
  dose: z.number().int(),
  vaccine: z.string(),
  dueOn: z.string(),
  deadlineOn: z.string().nullable(),
  status: z.enum(['given', 'overdue', 'due', 'upcoming', 'scheduled']),
  givenOn: z.string().nullable(),
  givenVaccine: z.string().nullable(),
});

export const immunisationView = z.object({
  doses: z.array(doseStatusView),
  overdue: z.number().int(),
  due: z.number().int(),
  upcoming: z.number().int(),
  next: doseStatusView.nullable(),
});

export const visitInput = z.object({
  visitedOn: isoDate,
  kind: z.enum(VISIT_KINDS),
  weightKg: z.number().min(0.5).max(10).optional(),
  feeding: z.enum(FEEDING).optional(),
  jaundice: z.boolean().default(false),
  umbilicusNormal: z.boolean().default(true),
  findings: z.string().trim().max(500).optional(),
  guidance: z.array(z.enum(GUIDANCE_TOPICS)).max(GUIDANCE_TOPICS.length).default([]),
  referred: z.boolean().default(false),
});

export const visitView = z.object({
  id: z.string(),
  visitedOn: z.string(),
  ageDays: z.number().int(),
  kind: z.enum(VISIT_KINDS),
  weightKg: z.number().nullable(),
  feeding: z.enum(FEEDING).nullable(),
  jaundice: z.boolean(),
  umbilicusNormal: z.boolean(),
  findings: z.string().nullable(),
  guidance: z.array(z.enum(GUIDANCE_TOPICS)),
  referred: z.boolean(),
  recordedByName: z.string(),
});

export const childSummary = z.object({
  id: z.string(),
  name: z.string(),
  sex,
  birthDate: z.string(),
  ageDays: z.number().int(),
  ageMonths: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
});

export const childRecord = z.object({
  child: childSummary,
  /** Staff only: the parent accounts linked to the child. */
  guardians: z.array(z.object({ id: z.string(), username: z.string(), parentName: z.string(), relation })).nullable(),
  measurements: z.array(measurementView),
  screenings: z.array(screeningView),
  referrals: z.array(referralView),
  vaccinations: z.array(vaccinationView),
  immunisation: immunisationView,
  visits: z.array(visitView),
  /** What the surveillance calls for now: the warning-signs band of the age, M-CHAT-R/F when 16–30 months. */
  surveillance: z.object({ warningSignsBand: z.number().int().nullable(), mchatAge: z.boolean() }),
});

// ---- lists --------------------------------------------------------------------------------

export const childFlag = z.enum(['overdue', 'due', 'referral', 'followUp']);

export const childrenQuery = z.object({
  unitCode: unitCode.optional(),
  q: z.string().trim().max(40).optional(),
  flag: childFlag.optional(),
});

export const childListItem = childSummary.extend({
  lastMeasuredOn: z.string().nullable(),
  latestZ: zScores.nullable(),
  overdue: z.number().int(),
  due: z.number().int(),
  nextDose: doseStatusView.nullable(),
  openReferrals: z.number().int(),
  lastScreenedOn: z.string().nullable(),
});

export const dueQuery = z.object({
  unitCode,
  status: z.enum(['overdue', 'due', 'upcoming']).optional(),
});

export const dueItem = z.object({
  personId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  ageMonths: z.number().int(),
  unitName: z.string(),
  vaccine: z.string(),
  series: z.string(),
  dose: z.number().int(),
  dueOn: z.string(),
  deadlineOn: z.string().nullable(),
  status: z.enum(['overdue', 'due', 'upcoming']),
});

export const referralsQuery = z.object({
  unitCode: unitCode.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
});

export const referralListItem = referralView.extend({ childName: z.string(), unitName: z.string(), birthDate: z.string() });

// ---- centers registry ---------------------------------------------------------------------

export const centerInput = z
  .object({
    unitCode,
    name: text(60),
    hostInstitution: text(60),
    address: z.string().trim().max(120).optional(),
    phone: z.union([z.literal('').transform(() => undefined), phone]).optional(),
    status: z.enum(CENTER_STATUSES),
    grade: z.enum(CENTER_GRADES).default('standard'),
    services: z.array(z.enum(CENTER_SERVICES)).max(CENTER_SERVICES.length).default([]),
    childHealthStaff: z.number().int().min(0).max(200).default(0),
    openedOn: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'operating' && !v.openedOn) ctx.addIssue({ code: 'custom', path: ['openedOn'], params: { key: 'required' } });
  });

export const centerUpdate = z.object({
  name: text(60).optional(),
  hostInstitution: text(60).optional(),
  address: z.string().trim().max(120).nullable().optional(),
  phone: z.union([z.literal('').transform(() => null), phone]).nullable().optional(),
  status: z.enum(CENTER_STATUSES).optional(),
  grade: z.enum(CENTER_GRADES).optional(),
  services: z.array(z.enum(CENTER_SERVICES)).max(CENTER_SERVICES.length).optional(),
  childHealthStaff: z.number().int().min(0).max(200).optional(),
  openedOn: isoDate.nullable().optional(),
});

export const centerView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  hostInstitution: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(CENTER_STATUSES),
  grade: z.enum(CENTER_GRADES),
  services: z.array(z.enum(CENTER_SERVICES)),
  childHealthStaff: z.number().int(),
  openedOn: z.string().nullable(),
});

export const coverageRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  residents: z.number().int().nullable(),
  centers: z.number().int(),
  operating: z.boolean(),
  counted: z.boolean(),
});

export const coverageView = z.object({
  year: z.number().int(),
  /** Townships with 20,000 residents or more (001, indicator 9) and how many run a center. */
  townshipsCounted: z.number().int(),
  townshipsCovered: z.number().int(),
  rows: z.array(coverageRow),
});

// ---- licensed M-CHAT wording ------------------------------------------------------------

export const mchatWordingView = z.object({
  locale: z.enum(['zh-CN', 'en-US']),
  licensed: z.boolean(),
  version: z.string().nullable(),
  licence: z.string().nullable(),
  /** The licensed wording when loaded; null otherwise (the UI shows its own short labels). */
  items: z.array(z.string()).nullable(),
});

export const mchatWordingInput = z.object({
  locale: z.enum(['zh-CN', 'en-US']),
  version: text(40),
  licence: text(400),
  items: z.array(text(400)).length(MCHAT_ITEM_COUNT),
});

export type ZscoreRequest = z.infer<typeof zscoreRequest>;
export type MeasurementInput = z.infer<typeof measurementInput>;
export type MeasurementView = z.infer<typeof measurementView>;
export type WarningSignsInput = z.infer<typeof warningSignsInput>;
export type MchatInput = z.infer<typeof mchatInput>;
export type FollowUpInput = z.infer<typeof followUpInput>;
export type ScreeningView = z.infer<typeof screeningView>;
export type ReferralView = z.infer<typeof referralView>;
export type ReferralActionInput = z.infer<typeof referralAction>;
export type VaccinationInput = z.infer<typeof vaccinationInput>;
export type VaccinationView = z.infer<typeof vaccinationView>;
export type VisitInput = z.infer<typeof visitInput>;
export type VisitView = z.infer<typeof visitView>;
export type ChildSummary = z.infer<typeof childSummary>;
export type ChildRecord = z.infer<typeof childRecord>;
export type ChildListItem = z.infer<typeof childListItem>;
export type ChildrenQuery = z.infer<typeof childrenQuery>;
export type DueItem = z.infer<typeof dueItem>;
export type ReferralListItem = z.infer<typeof referralListItem>;
export type CenterInput = z.infer<typeof centerInput>;
export type CenterUpdate = z.infer<typeof centerUpdate>;
export type CenterView = z.infer<typeof centerView>;
export type CoverageView = z.infer<typeof coverageView>;
export type MchatWordingView = z.infer<typeof mchatWordingView>;
export type MchatWordingInput = z.infer<typeof mchatWordingInput>;
export type ReferenceCurvesView = z.infer<typeof referenceCurves>;
export type ImmunisationView = z.infer<typeof immunisationView>;
export type DoseStatusView = z.infer<typeof doseStatusView>;
