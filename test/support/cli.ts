import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { openPlatform } from '../../src/app/platform.ts';
import type { Platform } from '../../src/app/context.ts';
import { clonePrefix, databaseUrl, serverUrl, testConfig, TEST_MASTER_KEY } from './template.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

/**
 * A database the `kangyu` command can open from another process: a PGlite data directory,
 * or its own PostgreSQL database when TEST_DATABASE_URL is set. Cloned from the template.
 */
export async function cliDatabase() {
  const t = inject('template');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kangyu-cli-'));
  let url: string | undefined;
  if (t.kind === 'postgres') {
    const name = `${clonePrefix(t)}cli_${crypto.randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${t.ref}`);
    await admin.end();
    url = databaseUrl(serverUrl!, name);
  } else {
    const db = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([fs.readFileSync(t.ref)]) });
    await db.close();
  }
  const env = {
    ...process.env,
    KANGYU_DATA_DIR: dataDir,
    KANGYU_MASTER_KEY: TEST_MASTER_KEY,
    LOG_LEVEL: 'warn',
    ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }),
  };
  return {
    env,
    dataDir,
    /** Opens the database in this process; close it before running the command on PGlite. */
    async open(): Promise<Platform> {
      const db = await openDatabase(url ? { databaseUrl: url, poolSize: 2 } : { pgliteDir: path.join(dataDir, 'pglite') });
      return openPlatform(testConfig({ dataDir }), { db });
    },
    run(args: string[]) {
      const r = spawnSync(NODE, [path.join(ROOT, 'bin/kangyu.js'), ...args], { env, encoding: 'utf8', cwd: ROOT });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    spawn(args: string[]): ChildProcess {
      return spawn(NODE, [path.join(ROOT, 'bin/kangyu.js'), ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    },
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (url) {
        const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
        await admin.unsafe(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
