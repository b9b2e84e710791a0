import { customType } from 'drizzle-orm/pg-core';

/** bytea as a Buffer in both modes (PGlite returns Uint8Array, postgres.js a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});
