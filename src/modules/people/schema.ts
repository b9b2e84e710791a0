import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.ts';
import { uuidv7 } from '../../db/uuid.ts';

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  unitCode: text('unit_code').notNull(),
  name: text('name').notNull(),
  sex: text('sex').$type<'male' | 'female'>().notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  idCipher: bytea('id_cipher').notNull(),
  idHash: bytea('id_hash').notNull(),
  idMasked: text('id_masked').notNull(),
  phone: text('phone'),
  address: text('address'),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
