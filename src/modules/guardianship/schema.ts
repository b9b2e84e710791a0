import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../db/uuid.ts';
import type { Relation } from './contract.ts';

/** A parent user's link to a child (a person); the row carries the child's unit. */
export const guardianships = pgTable('guardianships', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  personId: uuid('person_id').notNull(),
  userId: uuid('user_id').notNull(),
  relation: text('relation').$type<Relation>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  endedAt: timestamp('ended_at', { withTimezone: true, mode: 'string' }),
  endedBy: uuid('ended_by'),
});
