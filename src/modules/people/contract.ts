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

/**
 * A transfer as the caller may see it (see transfers.ts): the deciding side sees both ends; the
 * side the person leaves sees the person and the destination; the asking side sees what it
 * submitted and the outcome, never where the person was registered.
 */
export const transferView = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  side: z.enum(['decider', 'from', 'to']),
  /** The name as registered (deciding and leaving side) or as submitted (asking side). */
  name: z.string(),
  /** The name the asking side submitted, for the decider to compare; null for the others. */
  submittedName: z.string().nullable(),
  idNumberMasked: z.string(),
  /** The person's record: hidden from the asking side until the move is approved. */
  personId: z.string().nullable(),
  fromUnitCode: z.string().nullable(),
  fromUnitName: z.string().nullable(),
  toUnitCode: z.string(),
  toUnitName: z.string(),
  deciderUnitName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  source: z.enum(['register', 'import']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the caller may approve or reject it now. */
  canDecide: z.boolean(),
});

export const transferFilters = z.object({ status: z.enum(['pending', 'decided', 'all']).default('pending') });

export type TransferView = z.infer<typeof transferView>;
