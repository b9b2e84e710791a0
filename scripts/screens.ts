/**
 * Screenshots of every menu entry for every demo role, in zh-CN and en-US, on a desktop and a
 * 390×844 phone viewport: `npm run screens [-- --out DIR --roles admin,parent --url URL]`.
 *
 * Starts the demo server on a free port with its own data directory (seeded on first use and
 * kept in .screens-data/ for the next run), unless --url names a running one; needs the built
 * web app (`npx vite build`) and Debian's Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/seed/index.ts';
import { permissionsOf, type Role } from '../src/modules/access/roles.ts';
import { ALL_ITEMS } from '../web/navigation.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const OUT = path.resolve(arg('out') ?? path.join(ROOT, 'screenshots'));
const ONLY = arg('roles')?.split(',');
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LOCALES = ['zh-CN', 'en-US'] as const;
/** The parent's app has its own tabs instead of the menu. */
const PARENT_PAGES = [{ key: 'home', path: '/' }];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startDemo(): Promise<{ url: string; server: ChildProcess }> {
  if (!fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('The web app is not built: run `npx vite build` first.');
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(ROOT, 'bin/kangyu.js'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KANGYU_MODE: 'demo', KANGYU_DATA_DIR: path.join(ROOT, '.screens-data') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (b: Buffer) => {
      process.stdout.write(b);
      if (/Server listening|is serving/.test(String(b))) resolve();
    });
    server.on('exit', (code) => reject(new Error(`the demo server stopped (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, server };
}

/** One demo user per role: the first of each in the demo accounts. */
function demoRoles(): { username: string; role: Role }[] {
  const seen = new Set<string>();
  return DEMO_USERS.filter((u) => !seen.has(u.role) && seen.add(u.role) && (!ONLY || ONLY.includes(u.role) || ONLY.includes(u.username)));
}

function pagesFor(role: Role): { key: string; path: string }[] {
  if (role === 'parent') return PARENT_PAGES;
  const perms = new Set<string>(permissionsOf(role));
  return [{ key: 'home', path: '/' }, ...ALL_ITEMS.filter((i) => !i.built || !i.permission || [i.permission].flat().some((p) => perms.has(p))).map((i) => ({ key: i.key, path: i.path }))];
}

const given = arg('url');
const demo = given ? null : await startDemo();
const url = given ?? demo!.url;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
let shots = 0;
const problems: string[] = [];
try {
  for (const { username, role } of demoRoles()) {
    for (const locale of LOCALES) {
      for (const [viewport, size] of Object.entries(VIEWPORTS)) {
        const context = await browser.newContext({ viewport: size, locale });
        const page = await context.newPage();
        page.on('pageerror', (e) => problems.push(`${username} ${locale} ${viewport}: ${e.message}`));
        await page.goto(url);
        await page.evaluate((l) => localStorage.setItem('kangyu.locale', l), locale);
        const res = await page.request.post(`${url}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } });
        if (!res.ok()) throw new Error(`${username} could not sign in: ${res.status()}`);
        for (const p of pagesFor(role)) {
          await page.goto(`${url}${p.path}`);
          await page.waitForLoadState('networkidle').catch(() => {});
          // Lazy pages and queries show a spinner first: wait until it is gone.
          await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
          await page.waitForTimeout(400);
          const file = path.join(OUT, locale, viewport, role, `${p.key}.png`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          await page.screenshot({ path: file, fullPage: true });
          shots++;
        }
        await context.close();
      }
    }
    console.log(`${role} (${username}): done`);
  }
} finally {
  await browser.close();
  demo?.server.kill();
}
console.log(`${shots} screenshots in ${OUT}`);
if (problems.length) {
  console.error(`errors in the pages:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
