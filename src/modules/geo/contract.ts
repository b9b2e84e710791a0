import { z } from 'zod';
import { unitCode } from '../../app/schemas.ts';

export const facilityKindCode = z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/);

export const facilityKindView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  capacityZh: z.string(),
  capacityEn: z.string(),
  available: z.boolean(),
  source: z.string(),
  count: z.number(),
  capacity: z.number(),
  inUse: z.number().nullable(),
});

export const facilityView = z.object({
  id: z.string(),
  kind: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  located: z.enum(['own', 'unitPoint']),
  capacity: z.number().nullable(),
  inUse: z.number().nullable(),
  affordable: z.boolean().nullable(),
});

export const facilitiesQuery = z.object({ kind: facilityKindCode.optional(), unit: unitCode.optional() });
export const facilitiesView = z.object({ kinds: z.array(facilityKindView), facilities: z.array(facilityView) });
export type FacilitiesView = z.infer<typeof facilitiesView>;

export const mapView = z.object({
  source: z.string(),
  counties: z.any(),
  points: z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), lon: z.number(), lat: z.number(), method: z.string() })),
});

export const circleQuery = z.object({
  unit: unitCode.optional(),
  kind: facilityKindCode,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  walkMetresPerMinute: z.coerce.number().min(30).max(150).optional(),
  detourFactor: z.coerce.number().min(1).max(3).optional(),
  minutes: z.coerce.number().min(5).max(60).optional(),
});

const circleRow = z.object({
  code: z.string(),
  name: z.string(),
  townshipCode: z.string(),
  lon: z.number(),
  lat: z.number(),
  population: z.number(),
  nearestMinutes: z.number().nullable(),
  nearestName: z.string().nullable(),
  placesWithin: z.number(),
  facilitiesWithin: z.number(),
  covered: z.boolean(),
});

export const circleView = z.object({
  unitCode: z.string(),
  kind: z.string(),
  year: z.number(),
  params: z.object({ walkMetresPerMinute: z.number(), detourFactor: z.number(), minutes: z.number(), reachMetres: z.number(), gridCellMetres: z.number(), gridSpreadMetres: z.number() }),
  method: z.string(),
  facilities: z.number(),
  villages: z.array(circleRow),
  villageCoverage: z.number().nullable(),
  grid: z.object({ cells: z.number(), coverage: z.number().nullable() }),
  /** What the map draws: each facility with its reach circle, and each populated 250 m cell, covered or not. */
  facilityPoints: z.array(z.object({ name: z.string(), lon: z.number(), lat: z.number(), capacity: z.number() })),
  cells: z.array(z.object({ lon: z.number(), lat: z.number(), population: z.number(), covered: z.boolean() })),
  townships: z.array(z.object({ code: z.string(), name: z.string(), residents: z.number(), capacity: z.number(), perThousand: z.number(), coverage: z.number().nullable() })),
  balance: z.object({ gini: z.number().nullable(), theil: z.number().nullable() }),
});
export type CircleView = z.infer<typeof circleView>;

export const findingsQuery = z.object({ unit: unitCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const findingsView = z.object({
  unitCode: z.string(),
  year: z.number(),
  source: z.string(),
  checked: z.number(),
  findings: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      norm: z.enum(['placesNewCommunity', 'placesExistingCommunity', 'affordableShareOfNewPlaces']),
      actual: z.number(),
      required: z.number(),
      shortfall: z.number(),
    }),
  ),
  notCheckable: z.array(z.object({ code: z.string(), reason: z.string() })),
});
export type FindingsView = z.infer<typeof findingsView>;
