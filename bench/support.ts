import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '../src/db/client.ts';
import { openPlatform } from '../src/app/platform.ts';
import { loadConfig } from '../src/config.ts';
import type { Platform } from '../src/app/context.ts';

export const BENCH_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const WORK_DIR = path.resolve(import.meta.dirname, '.work');
const BENCHMARKS_MD = path.resolve(import.meta.dirname, '../BENCHMARKS.md');

export function dbUrl(name: string): string {
  const u = new URL(BENCH_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database on the benchmark server; dropped by the returned function. */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kangyu_bench_${label}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: dbUrl(name),
    async drop() {
      const a = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function platformOn(url: string): Promise<Platform> {
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return openPlatform({ ...loadConfig({}), dataDir: WORK_DIR, masterKey: Buffer.alloc(32, 9).toString('base64') }, { db });
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

export async function serverVersion(): Promise<string> {
  const sql = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  const [{ server_version }] = await sql<{ server_version: string }[]>`SHOW server_version`;
  await sql.end();
  return `PostgreSQL ${server_version}`;
}

/** Appends one benchmark's results to BENCHMARKS.md, newest last. */
export async function report(title: string, lines: string[]): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${await serverVersion()}`;
  const section = [`## ${title} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '', `Machine: ${machine}`, '', ...lines, ''].join('\n');
  if (!fs.existsSync(BENCHMARKS_MD)) {
    fs.writeFileSync(
      BENCHMARKS_MD,
      '# Benchmarks\n\nWritten by `npm run bench` (see bench/). Each benchmark measures the platform and its baseline in the same run, on the same machine and database server.\n\n',
    );
  }
  fs.appendFileSync(BENCHMARKS_MD, section + '\n');
  console.log(section);
}
