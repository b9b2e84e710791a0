import fs from 'node:fs';
import { afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, WEB_DIR } from '../../src/app/app.ts';
import { testPlatform } from '../support/platform.ts';
import { DEMO_PASSWORD } from '../../src/seed/index.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The platform on a fresh test database, serving the built web app on a free port. */
export async function startServer(): Promise<{ url: string }> {
  if (!fs.existsSync(`${WEB_DIR}/index.html`)) throw new Error('The web app is not built: run `npx vite build` (npm test does).');
  const p = await testPlatform();
  const app = await buildApp(p);
  await app.listen({ port: 0, host: '127.0.0.1' });
  afterAll(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}` };
}

/** Debian's Chromium, headless, driven by playwright-core (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  afterAll(() => browser.close());
  return browser;
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  afterAll(() => {
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  });
  await page.goto(url);
  return page;
}

export async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByText('管辖范围').waitFor();
}

/**
 * A caller of the API signed in as a demo user, for setting up what a browser test then drives:
 * `session(method, path, body)`, or `session.get(path)` / `session.post(path, body)` /
 * `session.upload(path, form)`. A refusal throws with the server's answer.
 */
export interface ApiSession {
  <T = { id: string }>(method: string, path: string, body?: unknown): Promise<T>;
  get<T = unknown>(path: string): Promise<T>;
  post<T = { id: string }>(path: string, body?: unknown): Promise<T>;
  upload<T = { id: string }>(path: string, form: FormData): Promise<T>;
}

export async function apiSession(serverUrl: string, username: string): Promise<ApiSession> {
  const res = await fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async <T>(method: string, path: string, body: BodyInit | undefined, json: boolean): Promise<T> => {
    const r = await fetch(`${serverUrl}/api${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(json ? { 'content-type': 'application/json' } : {}) }, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<T>;
  };
  const call = <T = { id: string }>(method: string, path: string, body?: unknown) => send<T>(method, path, method === 'GET' ? undefined : JSON.stringify(body ?? {}), method !== 'GET');
  return Object.assign(call, {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = { id: string }>(path: string, body?: unknown) => call<T>('POST', path, body),
    upload: <T = { id: string }>(path: string, form: FormData) => send<T>('POST', path, form, false),
  });
}
