import { pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export type FollowupStatus = 'pending' | 'contacted' | 'enrolledElsewhere' | 'declined' | 'enrolled';

/** The follow-up of a child not enrolled for a year. */
export const insuranceFollowups = pgTable(
  'insurance_followups',
  {
    personId: uuid('person_id').notNull(),
    year: smallint('year').notNull(),
    unitCode: text('unit_code').notNull(),
    status: text('status').$type<FollowupStatus>().notNull(),
    note: text('note'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] })],
);
