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
