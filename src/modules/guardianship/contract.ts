/** The guardianship module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';

export const RELATIONS = ['mother', 'father', 'grandparent', 'guardian'] as const;
export type Relation = (typeof RELATIONS)[number];


export const relation = z.enum(RELATIONS);

export const guardianshipView = z.object({
  id: z.string(),
  personId: z.string(),
  childName: z.string(),
  userId: z.string(),
  username: z.string(),
  parentName: z.string(),
  relation,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});

export const newGuardianship = z.object({
  personId: z.uuid(),
  username: z.string().trim().toLowerCase().min(3).max(40),
  relation,
});

/** A parent's own child, as the parent's app lists them. */
export const ownChild = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  ageMonths: z.number().int(),
  unitName: z.string(),
  relation,
});

export type GuardianshipView = z.infer<typeof guardianshipView>;
export type NewGuardianship = z.infer<typeof newGuardianship>;
export type OwnChild = z.infer<typeof ownChild>;
