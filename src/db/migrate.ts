import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

export interface Migration {
  name: string;
  checksum: string;
  script: string;
}

/** The migration files, in the order they apply: `NNNN_name.sql`, sorted by name. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const script = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, script, checksum: crypto.createHash('sha256').update(script).digest('hex') };
    });
}

/**
 * Applies the migrations that have not run yet, each in its own transaction together with
 * its bookkeeping row, so a crash leaves every migration either fully applied or not at all.
 * An applied migration whose file changed afterwards stops the run: migrations are append-only.
 */
export async function migrate(db: Database, log: (line: string) => void = () => {}): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied = new Map(
    (await db.rows<{ name: string; checksum: string }>(sql`SELECT name, checksum FROM schema_migrations`)).map(
      (r) => [r.name, r.checksum],
    ),
  );
  const done: string[] = [];
  for (const m of readMigrations()) {
    const previous = applied.get(m.name);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    log(`applying ${m.name}`);
    try {
      await db.exec(
        `BEGIN;\nSELECT pg_advisory_xact_lock(7202611);\n${m.script}\n;` +
          `INSERT INTO schema_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');\nCOMMIT;`,
      );
    } catch (err) {
      throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
    }
    done.push(m.name);
  }
  return done;
}
