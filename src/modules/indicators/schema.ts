import { boolean, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A measure: a SELECT over platform data yielding (unit_code, year, amount) where the data lives. */
export const indicatorMeasures = pgTable('indicator_measures', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  leafSql: text('leaf_sql').notNull(),
  detailSql: text('detail_sql'),
  sourceTables: text('source_tables').array().notNull(),
  source: text('source').notNull(),
});

export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  numerator: text('numerator').notNull(),
  denominator: text('denominator'),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  minLevel: smallint('min_level').notNull(),
  theme: text('theme').notNull(),
  sortOrder: integer('sort_order').notNull(),
  source: text('source').notNull(),
  active: boolean('active').notNull(),
});

export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorCode: text('indicator_code').notNull(),
    unitCode: text('unit_code').notNull(),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    value: numeric('value', { mode: 'number' }),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.unitCode, t.year] })],
);

/** Stored results of the last refresh: what the cockpit reads. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    indicatorCode: text('indicator_code').notNull(),
    unitCode: text('unit_code').notNull(),
    year: smallint('year').notNull(),
    numerator: numeric('numerator', { mode: 'number' }).notNull(),
    denominator: numeric('denominator', { mode: 'number' }),
    value: numeric('value', { mode: 'number' }),
    targetKind: text('target_kind'),
    target: numeric('target', { mode: 'number' }),
    targetUnitCode: text('target_unit_code'),
    targetBasis: text('target_basis'),
    targetYear: smallint('target_year'),
    attainment: numeric('attainment', { mode: 'number' }),
    color: text('color'),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.unitCode, t.year] })],
);

export const indicatorRefreshes = pgTable('indicator_refreshes', {
  id: uuid('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }).notNull(),
  trigger: text('trigger').notNull(),
  actorUsername: text('actor_username').notNull(),
  indicators: integer('indicators').notNull(),
  valuesWritten: integer('values_written').notNull(),
  millis: integer('millis').notNull(),
});
