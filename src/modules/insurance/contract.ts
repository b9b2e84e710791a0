/** The insurance module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';
import { unitCode } from '../../app/schemas.ts';

const rateView = z.object({ rate: z.number().nullable(), target: z.number().nullable(), status: z.enum(['met', 'below']).nullable() });
export const rateRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  children: z.number().int(),
  enrolled: z.number().int(),
  newborns: z.number().int(),
  newbornsEnrolled: z.number().int(),
  overall: rateView,
  newborn: rateView,
});
export type RateRowView = z.infer<typeof rateRow>;
export const ratesView = z.object({ year: z.number().int(), unitCode: z.string(), total: rateRow, rows: z.array(rateRow), source: z.string() });
export type RatesView = z.infer<typeof ratesView>;

export const year = z.coerce.number().int().min(2000).max(2100);
export const ratesQuery = z.object({ year, unitCode: unitCode.optional() });

export const FOLLOWUP_STATUSES = ['pending', 'contacted', 'enrolledElsewhere', 'declined', 'enrolled'] as const;
export const followupStatus = z.enum(FOLLOWUP_STATUSES);

export const childQuery = z.object({
  year,
  unitCode: unitCode.optional(),
  list: z.enum(['unenrolled', 'newborns', 'gaps']).default('unenrolled'),
  status: followupStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const followupView = z.object({ status: followupStatus, note: z.string().nullable(), updatedByName: z.string().nullable(), updatedAt: z.string().nullable() });
export const childRow = z.object({
  personId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  birthDate: z.string(),
  newborn: z.boolean(),
  windowEnds: z.string().nullable(),
  gap: z.enum(['break', 'missing']),
  lowIncome: z.boolean(),
  disabled: z.boolean(),
  followup: followupView,
});
export type ChildRowView = z.infer<typeof childRow>;

export const followupBody = z.object({ year, status: followupStatus, note: z.string().trim().max(300).optional() });
export const followupResult = z.object({ personId: z.string(), year: z.number().int(), status: followupStatus, note: z.string().nullable(), updatedByName: z.string(), updatedAt: z.string() });
