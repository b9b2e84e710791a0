/** The org module's API shapes: used by its routes and, as types, by the web app. */
import { z } from 'zod';

export const population = z.object({
  year: z.number().int(),
  residents: z.number().int(),
  children0to2: z.number().int(),
  children0to17: z.number().int(),
  elderly60: z.number().int(),
  elderly65: z.number().int(),
});

const unitBase = {
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  kind: z.string(),
  urban: z.boolean(),
  futureCommunity: z.boolean(),
  residentialArea: z.string().nullable(),
  childCount: z.number().int(),
};

export const unitSummary = z.object({ ...unitBase, population: population.nullable() });

export const unitDetail = z.object({
  ...unitBase,
  parentCode: z.string().nullable(),
  divisionYear: z.number().int(),
  /** From the city down to this unit; ancestors above the caller's scope show only their names. */
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int(), inScope: z.boolean() })),
  population: z.array(population),
});

export const unitSearchItem = z.object({ code: z.string(), name: z.string(), level: z.number().int(), parentCode: z.string().nullable() });

export type Population = z.infer<typeof population>;
export type UnitSummary = z.infer<typeof unitSummary>;
export type UnitDetail = z.infer<typeof unitDetail>;
