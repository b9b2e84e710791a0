/** The people module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { unitCode } from '../../app/schemas.ts';

export const personView = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  groups: z.array(z.enum(['infant', 'child', 'elderly'])),
  idNumberMasked: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const peopleFilters = z.object({
  unitCode: unitCode.optional(),
  q: z.string().trim().max(40).optional(),
  sex: z.enum(['male', 'female']).optional(),
  group: z.enum(['infant', 'child', 'elderly']).optional(),
});

export const peopleCount = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  total: z.number().int(),
  infants: z.number().int(),
  children: z.number().int(),
  elderly: z.number().int(),
});

export type PersonView = z.infer<typeof personView>;
export type PeopleFilters = z.infer<typeof peopleFilters>;
export type PeopleCount = z.infer<typeof peopleCount>;
