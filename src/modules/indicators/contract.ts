/** The indicators API's shapes, shared with the web app. */
import { z } from 'zod';
import { unitCode } from '../../app/schemas.ts';

export const indicatorCode = z.string().regex(/^[a-z][a-zA-Z0-9_.]{1,62}$/);
const color = z.enum(['blue', 'green', 'yellow', 'orange', 'red']).nullable();
const targetKind = z.enum(['atLeast', 'atMost', 'historicalLow']);
const measureRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const indicatorView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.enum(['percent', 'permille', 'per1000', 'per10000', 'count']),
  direction: z.enum(['higher', 'lower']),
  minLevel: z.number(),
  theme: z.enum(['childcare', 'health', 'insurance', 'elderly', 'welfare']),
  source: z.string(),
  numerator: measureRef,
  denominator: measureRef.nullable(),
  targets: z.array(z.object({ unitCode: z.string(), unitName: z.string(), year: z.number(), kind: targetKind, value: z.number().nullable(), source: z.string() })),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const unitValue = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  level: z.number(),
  year: z.number(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  targetKind: targetKind.nullable(),
  target: z.number().nullable(),
  /** Whose target it is (the unit's own, or an ancestor's) and how the year's value came about. */
  targetUnitCode: z.string().nullable(),
  targetUnitName: z.string().nullable(),
  targetBasis: z.enum(['set', 'held', 'path']).nullable(),
  targetYear: z.number().nullable(),
  attainment: z.number().nullable(),
  color,
});
export type UnitValue = z.infer<typeof unitValue>;

export const refreshStateView = z.object({ lastRefreshAt: z.string().nullable(), changedAt: z.string().nullable() });

export const cockpitQuery = z.object({
  indicator: indicatorCode,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unit: unitCode.optional(),
});

export const cockpitView = z.object({
  indicator: indicatorView.omit({ targets: true }),
  unitCode: z.string(),
  year: z.number(),
  years: z.array(z.number()),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.number() })),
  current: unitValue.nullable(),
  children: z.array(unitValue),
  townships: z.array(unitValue),
  ranking: z.array(unitValue),
  trend: z.array(unitValue),
  red: z.array(unitValue),
  refresh: refreshStateView,
});
export type CockpitView = z.infer<typeof cockpitView>;

export const redItem = unitValue.extend({ indicatorCode: z.string(), indicatorNameZh: z.string(), indicatorNameEn: z.string() });
export type RedItem = z.infer<typeof redItem>;

export const whyQuery = z.object({ indicator: indicatorCode, unit: unitCode, year: z.coerce.number().int().min(2000).max(2100) });
export const whyView = z.object({
  indicator: indicatorView.omit({ targets: true }),
  current: unitValue,
  children: z.array(unitValue),
  records: z.array(z.object({ unitCode: z.string(), unitName: z.string(), recordId: z.string(), label: z.string(), amount: z.number() })),
  recordsTotal: z.number(),
});
export type WhyView = z.infer<typeof whyView>;

export const refreshResult = z.object({ indicators: z.number(), values: z.number(), millis: z.number(), finishedAt: z.string() });

export const reportQuery = z.object({
  indicators: z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(indicatorCode).min(1).max(30)),
  units: z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(unitCode).min(1).max(200)),
  years: z.string().transform((s) => s.split(',').filter(Boolean).map(Number)).pipe(z.array(z.number().int().min(2000).max(2100)).min(1).max(10)),
});
export type ReportQuery = z.infer<typeof reportQuery>;
