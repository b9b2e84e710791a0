import crypto from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import postgres from 'postgres';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { openPlatform } from '../../src/app/platform.ts';
import { seedPlatform, type Scale } from '../../src/seed/index.ts';
import type { Platform } from '../../src/app/context.ts';

/** A fixed key for test databases only (the template is encrypted with it). */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_DIR = path.resolve(import.meta.dirname, '../../.test-data');

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), dataDir: TEST_DIR, masterKey: TEST_MASTER_KEY, logLevel: 'silent', ...overrides };
}

/** The server URL of the PostgreSQL suite, or undefined for the embedded one. */
export const serverUrl = process.env.TEST_DATABASE_URL || undefined;

export function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TemplateRef {
  kind: 'pglite' | 'postgres';
  /** PGlite: path of the data-dir tarball; PostgreSQL: the template database's name. */
  ref: string;
}

/** Builds a migrated database holding the admin tree, population base and demo users. */
export async function buildTemplate(scale: Scale = 'base'): Promise<TemplateRef> {
  fs.mkdirSync(TEST_DIR, { recursive: true });
  if (serverUrl) {
    const name = `kangyu_tpl_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), poolSize: 2 });
    await seedInto(db, scale);
    await db.close();
    return { kind: 'postgres', ref: name };
  }
  const db = await openDatabase({ pgliteDir: 'memory://' });
  await seedInto(db, scale);
  const dump = await db.raw.pglite!.dumpDataDir('gzip');
  const file = path.join(TEST_DIR, `template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  return { kind: 'pglite', ref: file };
}

async function seedInto(db: Database, scale: Scale): Promise<void> {
  const p = await openPlatform(testConfig(), { db });
  await seedPlatform(p, { scale, seed: 1 });
}

export async function dropTemplate(t: TemplateRef): Promise<void> {
  if (t.kind === 'pglite') {
    fs.rmSync(t.ref, { force: true });
    return;
  }
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  // Only this run's clones: other runs (another checkout's suite) may share the server.
  const leftovers = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`${clonePrefix(t)}%`} OR datname = ${t.ref}`;
  for (const { datname } of leftovers) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
}

/** Clones of one template share its run's name, so a run drops its own and no other's. */
export function clonePrefix(t: TemplateRef): string {
  return `${t.ref.replace(/^kangyu_tpl_/, 'kangyu_t_')}_`;
}

/** A fresh database for one test file, cloned from the template. */
export async function cloneTemplate(t: TemplateRef, opts: { today?: () => string } = {}): Promise<Platform & { dispose(): Promise<void> }> {
  let db: Database;
  let drop: () => Promise<void> = async () => {};
  if (t.kind === 'postgres') {
    const name = `${clonePrefix(t)}${crypto.randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${t.ref}`);
    await admin.end();
    db = await openDatabase({ databaseUrl: databaseUrl(serverUrl!, name), poolSize: 4 });
    drop = async () => {
      const a = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    db = await openDatabase({ pgliteDir: 'memory://', loadDataDir: new Blob([fs.readFileSync(t.ref)]) });
  }
  const p = await openPlatform(testConfig(), { db, today: opts.today });
  return {
    ...p,
    async dispose() {
      await db.close();
      await drop();
    },
  };
}
