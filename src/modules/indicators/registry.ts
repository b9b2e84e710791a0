/**
 * The shape of a registry entry as data (a versioned JSON file or a migration's rows): the
 * measures an indicator needs, the indicator, and its targets. Validated here; loaded by
 * registerIndicators without any change to the engine.
 */
import { z } from 'zod';

const code = z.string().regex(/^[a-z][a-zA-Z0-9_.]{1,62}$/);
const unitCode = z.string().regex(/^\d{4}(\d{2}(\d{3}(\d{3})?)?)?$/);

export const measureSpec = z.object({
  code,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  leafSql: z.string().min(10),
  detailSql: z.string().min(10).nullish(),
  sourceTables: z.array(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/)).default([]),
  source: z.string().min(1),
});

export const indicatorSpec = z
  .object({
    code,
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    numerator: code,
    denominator: code.nullish(),
    unit: z.enum(['percent', 'permille', 'per1000', 'per10000', 'count']),
    direction: z.enum(['higher', 'lower']),
    minLevel: z.number().int().min(1).max(4),
    theme: z.enum(['childcare', 'health', 'insurance', 'elderly', 'welfare']),
    sortOrder: z.number().int().default(0),
    source: z.string().min(1),
  })
  .refine((i) => (i.unit === 'count') === !i.denominator, { path: ['denominator'], message: 'a count has no denominator; a ratio needs one' });

export const targetSpec = z
  .object({
    indicatorCode: code,
    unitCode,
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['atLeast', 'atMost', 'historicalLow']),
    value: z.number().min(0).nullish(),
    source: z.string().min(1),
  })
  .refine((t) => (t.kind === 'historicalLow') === (t.value == null), { path: ['value'], message: 'historicalLow has no value; other kinds need one' });

export const registryFile = z.object({
  measures: z.array(measureSpec).default([]),
  indicators: z.array(indicatorSpec).default([]),
  targets: z.array(targetSpec).default([]),
});
export type RegistryFile = z.infer<typeof registryFile>;
