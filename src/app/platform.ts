import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { deriveKeys, loadMasterKey } from './secrets.ts';
import { shanghaiToday, type Platform } from './context.ts';

export interface OpenPlatformOptions {
  /** Skip migrations (tests that start from an already-migrated template). */
  skipMigrations?: boolean;
  log?: (line: string) => void;
  db?: Database;
  today?: () => string;
}

/**
 * Opens the database of the configured mode, applies pending migrations and loads the keys.
 * A database that was first used with another master key is refused, since its ID numbers
 * could not be decrypted or found.
 */
export async function openPlatform(config: Config, opts: OpenPlatformOptions = {}): Promise<Platform> {
  const db =
    opts.db ??
    (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') }));
  try {
    if (!opts.skipMigrations) await migrate(db, opts.log);
    const { key, generated } = loadMasterKey(config.masterKey, config.dataDir);
    if (generated) opts.log?.(`generated a new master key in ${path.join(config.dataDir, 'master.key')}`);
    const keys = deriveKeys(key);
    await checkKeyFingerprint(db, keys.fingerprint);
    return { db, keys, config, today: opts.today ?? (() => shanghaiToday()) };
  } catch (err) {
    if (!opts.db) await db.close();
    throw err;
  }
}

async function checkKeyFingerprint(db: Database, fingerprint: string): Promise<void> {
  const [row] = await db.rows<{ value: string }>(sql`SELECT value #>> '{}' AS value FROM kangyu_meta WHERE key = 'key_fingerprint'`);
  if (!row) {
    await db.rows(sql`INSERT INTO kangyu_meta (key, value) VALUES ('key_fingerprint', to_jsonb(${fingerprint}::text)) ON CONFLICT DO NOTHING`);
    return;
  }
  if (row.value !== fingerprint) {
    throw new Error(
      'The master key does not match the one this database was created with (kangyu_meta.key_fingerprint). ' +
        'Set KANGYU_MASTER_KEY to the original key, or restore <data dir>/master.key.',
    );
  }
}
