import { boolean, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/** A unit of the admin tree: city (1) → county unit (2) → township/street (3) → village/community (4). */
export const orgUnits = pgTable('org_units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: smallint('level').notNull(),
  parentCode: text('parent_code'),
  kind: text('kind').notNull(),
  urban: boolean('urban').notNull(),
  futureCommunity: boolean('future_community').notNull(),
  residentialArea: text('residential_area'),
  divisionYear: smallint('division_year').notNull(),
});

/** The population base of a unit for a year: the denominators of the indicators. */
export const orgUnitPopulation = pgTable(
  'org_unit_population',
  {
    unitCode: text('unit_code').notNull(),
    year: smallint('year').notNull(),
    residents: integer('residents').notNull(),
    children0to2: integer('children_0_2').notNull(),
    children0to17: integer('children_0_17').notNull(),
    elderly60: integer('elderly_60').notNull(),
    elderly65: integer('elderly_65').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.year] })],
);
