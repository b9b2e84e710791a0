/** The admission module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { isoDate, text, unitCode } from '../../app/schemas.ts';
import { CARE_TYPES, CLASS_TYPES } from '../childcare/vocabulary.ts';
import { APPLICATION_STATUSES, ROUND_STATUSES } from './workflow.ts';

export const classType = z.enum(CLASS_TYPES);
export const careType = z.enum(CARE_TYPES);
export const applicationStatus = z.enum(APPLICATION_STATUSES);
export const roundStatus = z.enum(ROUND_STATUSES);

export const roundInput = z
  .object({
    unitCode: unitCode,
    name: text(100),
    applyFrom: isoDate,
    applyTo: isoDate,
    earliestStart: isoDate,
    answerDays: z.number().int().min(1).max(60).default(7),
  })
  .superRefine((v, ctx) => {
    if (v.applyTo < v.applyFrom) ctx.addIssue({ code: 'custom', path: ['applyTo'], params: { key: 'admission.applyToBeforeFrom' } });
  });
export type RoundInput = z.infer<typeof roundInput>;

export const roundView = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  status: roundStatus,
  applyFrom: z.string(),
  applyTo: z.string(),
  earliestStart: z.string(),
  answerDays: z.number(),
  allocatedAt: z.string().nullable(),
  programs: z.number(),
  places: z.number(),
  applications: z.number(),
});
export type RoundView = z.infer<typeof roundView>;

export const priorityRule = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(40), kind: z.literal('employeeChild'), employerId: z.string().min(1).max(40) }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('sibling') }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('affordableEligible') }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('residentOf'), unitPrefix: unitCode }),
  z.object({ id: z.string().min(1).max(40), kind: z.literal('distance') }),
]);

export const programInput = z.object({
  centerId: z.uuid(),
  classId: z.uuid(),
  places: z.number().int().min(0).max(500),
  rules: z.array(priorityRule).max(6).default([]),
});
export type ProgramInput = z.infer<typeof programInput>;

export const programView = z.object({
  id: z.string(),
  roundId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  centerUnitName: z.string(),
  affordable: z.boolean(),
  operatorKind: z.string(),
  classId: z.string(),
  className: z.string(),
  classType: classType,
  places: z.number(),
  rules: z.array(priorityRule),
  /** Places taken by offers and acceptances so far. */
  taken: z.number(),
  applicants: z.number(),
});
export type ProgramView = z.infer<typeof programView>;

export const applicationInput = z
  .object({
    roundId: z.uuid(),
    personId: z.uuid(),
    classType,
    careType,
    startDate: isoDate,
    /** Ranked, best first. */
    choices: z.array(z.uuid()).min(1).max(5),
    /** The unified social credit code of a parent's employer (for an employer-run center). */
    employer: z.string().trim().max(18).optional(),
    affordableEligible: z.boolean().default(false),
    homeLon: z.number().min(-180).max(180).optional(),
    homeLat: z.number().min(-90).max(90).optional(),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.choices).size !== v.choices.length) ctx.addIssue({ code: 'custom', path: ['choices'], params: { key: 'admission.duplicateChoice' } });
    if ((v.homeLon === undefined) !== (v.homeLat === undefined)) ctx.addIssue({ code: 'custom', path: ['homeLat'], params: { key: 'admission.bothCoordinates' } });
  });
export type ApplicationInput = z.infer<typeof applicationInput>;

export const choiceView = z.object({
  rank: z.number(),
  programId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  classType: classType,
  distanceM: z.number().nullable(),
  sibling: z.boolean(),
  result: z.enum(['offered', 'notOffered', 'notNeeded']).nullable(),
  /** Position among all who asked this program, by its priority (1 = first). */
  priorityRank: z.number().nullable(),
  applicants: z.number().nullable(),
  capacity: z.number().nullable(),
  waitlistPosition: z.number().nullable(),
  /** The kind of the rule that decided it (or "lottery"), and the two values compared. */
  decidingRule: z.string().nullable(),
  ownValue: z.number().nullable(),
  otherValue: z.number().nullable(),
});

export const applicationView = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundStatus: roundStatus,
  personId: z.string(),
  childName: z.string(),
  applicantName: z.string(),
  classType,
  careType,
  startDate: z.string(),
  status: applicationStatus,
  offer: z
    .object({ programId: z.string(), centerName: z.string(), choiceRank: z.number().nullable(), offeredOn: z.string().nullable(), deadline: z.string().nullable() })
    .nullable(),
  enrolmentId: z.string().nullable(),
  createdAt: z.string(),
  choices: z.array(choiceView),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationsQuery = z.object({
  roundId: z.uuid().optional(),
  status: applicationStatus.optional(),
  centerId: z.uuid().optional(),
});

export const allocationSummary = z.object({
  roundId: z.string(),
  applications: z.number(),
  offered: z.number(),
  waitlisted: z.number(),
  firstChoice: z.number(),
  places: z.number(),
});

export const exitInput = z.object({ endDate: isoDate });
