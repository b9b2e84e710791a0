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
