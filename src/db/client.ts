import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { acquireDataDirLock } from './lock.ts';

/** A drizzle handle: the database itself or an open transaction. Services take this. */
export type Executor = PgDatabase<PgQueryResultHKT>;

export type DbKind = 'pglite' | 'postgres';

/**
 * The one database handle of a process. Both modes speak the same SQL; the differences
 * (result shapes, COPY, closing) are hidden here and in copy.ts.
 */
export interface Database {
  kind: DbKind;
  orm: Executor;
  /** Runs a raw statement and returns its rows, whatever the driver. */
  rows<T = Record<string, unknown>>(query: SQL, ex?: Executor): Promise<T[]>;
  /** Runs fn in one transaction; the transaction commits when fn resolves. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * Runs a multi-statement SQL script (simple query protocol, no parameters) on one
   * connection; if it fails inside an explicit BEGIN, the transaction is rolled back.
   */
  exec(script: string): Promise<void>;
  /**
   * Loads CSV text (no header) into table(columns) with COPY, as a statement of its own:
   * never call it inside `transaction` (on the embedded database that would wait forever
   * for the connection the transaction holds).
   */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
  /** The underlying driver, for the few places (COPY, tests) that need it. */
  raw: { pglite?: PGlite; postgres?: postgres.Sql };
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Embedded database directory; `memory://` for a throwaway in-memory database. */
  pgliteDir?: string;
  /** A tarball of a data directory to start the embedded database from (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Dates and times are Asia/Shanghai (DESIGN.md). */
const TIME_ZONE = 'Asia/Shanghai';

function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.pgliteDir ?? 'memory://', opts.loadDataDir);
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  let release: (() => void) | undefined;
  if (!dir.startsWith('memory://')) {
    fs.mkdirSync(dir, { recursive: true });
    release = acquireDataDirLock(path.resolve(dir));
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
    await client.exec(`SET TIME ZONE '${TIME_ZONE}'`);
  } catch (err) {
    release?.();
    throw err;
  }
  const orm = drizzlePglite(client) as unknown as Executor;
  return {
    kind: 'pglite',
    orm,
    raw: { pglite: client },
    async rows<T>(query: SQL, ex: Executor = orm) {
      return resultRows<T>(await ex.execute(query));
    },
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Executor)),
    async exec(script) {
      try {
        await client.exec(script);
      } catch (err) {
        await client.exec('ROLLBACK');
        throw err;
      }
    },
    async copyCsv(table, columns, csv) {
      await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async close() {
      await client.close();
      release?.();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connection: { TimeZone: TIME_ZONE },
  });
  const orm = drizzlePostgres(client) as unknown as Executor;
  return {
    kind: 'postgres',
    orm,
    raw: { postgres: client },
    async rows<T>(query: SQL, ex: Executor = orm) {
      return resultRows<T>(await ex.execute(query));
    },
    transaction: (fn) => orm.transaction((tx) => fn(tx as unknown as Executor)),
    async exec(script) {
      const conn = await client.reserve();
      try {
        await conn.unsafe(script).simple();
      } catch (err) {
        await conn.unsafe('ROLLBACK');
        throw err;
      } finally {
        conn.release();
      }
    },
    async copyCsv(table, columns, csv) {
      const stream = await client
        .unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)
        .writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(csv);
      });
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
