import { afterAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app/app.ts';
import type { Platform } from '../../src/app/context.ts';
import { cloneTemplate } from './template.ts';

export type TestPlatform = Platform & { dispose(): Promise<void> };

/**
 * A platform on a fresh copy of the seeded template (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), closed after the file's tests.
 */
export async function testPlatform(opts: { today?: () => string } = {}): Promise<TestPlatform> {
  const p = await cloneTemplate(inject('template'), opts);
  afterAll(() => p.dispose());
  return p;
}

export async function testApp(opts: { today?: () => string } = {}): Promise<{ p: TestPlatform; app: FastifyInstance }> {
  const p = await testPlatform(opts);
  const app = await buildApp(p, { webDir: null });
  afterAll(() => app.close());
  return { p, app };
}
