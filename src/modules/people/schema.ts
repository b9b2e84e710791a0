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

/** A person's move between units, decided by the administrator of the lowest unit covering both (see transfers.service.ts). */
export const personTransfers = pgTable('person_transfers', {
  id: uuid('id').primaryKey().$defaultFn(uuidv7),
  personId: uuid('person_id').notNull(),
  unitCode: text('unit_code').notNull(),
  fromUnitCode: text('from_unit_code').notNull(),
  toUnitCode: text('to_unit_code').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  address: text('address'),
  source: text('source').$type<'register' | 'import'>().notNull(),
  importRunId: uuid('import_run_id'),
  requestedBy: uuid('requested_by'),
  requestedByUsername: text('requested_by_username').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull(),
  decidedBy: uuid('decided_by'),
  decidedByUsername: text('decided_by_username'),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  note: text('note'),
});
