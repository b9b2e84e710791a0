/**
 * A crash or a kill loses no committed data: the server is killed with SIGKILL right after
 * it confirms a write, started again on the same database, and the record is there.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { cliDatabase } from './support/cli.ts';
import { composeIdNumber } from '../src/modules/people/idNumber.ts';
import { DEMO_PASSWORD } from '../src/seed/index.ts';

const cli = await cliDatabase();
afterAll(() => cli.dispose());

async function start(port: number): Promise<ChildProcess> {
  const child = cli.spawn(['serve', '--port', String(port)]);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Kangyu is serving')) resolve();
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return child;
}

async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tashan-staff', password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('a killed server', () => {
  it('keeps every write it confirmed', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const base = `http://127.0.0.1:${port}`;
    let server = await start(port);
    const s = await signIn(base);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${base}/api/people`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        body: JSON.stringify({ name: `断电测试${i}`, idNumber: composeIdNumber('330602', '2024-08-0' + (i + 1), 11), unitCode: '330602001004' }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));

    server = await start(port);
    try {
      const again = await signIn(base);
      for (const id of ids) {
        const res = await fetch(`${base}/api/people/${id}`, { headers: { cookie: again.cookie } });
        expect(res.status).toBe(200);
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});

describe('a killed import', () => {
  it('keeps the batches it committed, and running it again completes it without duplicates', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const rows = ['身份证号,姓名,所属村社区代码'];
    for (let i = 0; i < 4000; i++) {
      const day = new Date(Date.UTC(2020, 0, 1 + (i % 1000))).toISOString().slice(0, 10);
      rows.push(`${composeIdNumber('330602', day, 100 + Math.floor(i / 1000) * 2)},导入${i},330602001004`);
    }
    const file = join(cli.dataDir, 'kill.csv');
    writeFileSync(file, rows.join('\n') + '\n');

    const child = cli.spawn(['import', 'people', file, '--batch', '250']);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stderr!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/rows: (1\d{3}|[2-9]\d{3})\//.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`import ended (${code}) before it could be killed: ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const again = cli.run(['import', 'people', file]);
    expect(again.status, again.stderr).toBe(0);
    const m = /(\d+) rows — (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) with errors/.exec(again.stderr)!;
    const [total, fresh, updated, unchanged, failed] = m.slice(1).map(Number);
    expect(total).toBe(4000);
    expect(failed).toBe(0);
    expect(updated).toBe(0);
    expect(unchanged).toBeGreaterThan(0);
    expect(fresh + unchanged).toBe(4000);

    const p = await cli.open();
    try {
      const { sql } = await import('drizzle-orm');
      const [count] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM persons WHERE name LIKE '导入%'`);
      expect(count.n).toBe(4000);
      const runs = await p.db.rows<{ status: string; error: string | null }>(sql`SELECT status, error FROM import_runs ORDER BY started_at`);
      // The embedded database has one process, so the cut-off run is marked at once; on a server
      // another process might still be running it, so it is marked when its heartbeat is stale.
      if (p.db.kind === 'pglite') {
        expect(runs.map((r) => r.status)).toEqual(['failed', 'done']);
        expect(runs[0].error).toBe('interrupted');
      } else {
        expect(runs.map((r) => r.status)).toEqual(['running', 'done']);
      }
    } finally {
      await p.db.close();
    }
  });
});
