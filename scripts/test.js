// The whole test suite: typecheck, web build, unit and API tests, then the browser tests.
// Runs on the embedded database, or on the PostgreSQL server named by TEST_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (web)', ['node_modules/typescript/bin/tsc', '-p', 'web/tsconfig.json', '--noEmit']],
  ['import cycles', ['node_modules/oxlint/bin/oxlint', '--allow', 'all', '--deny', 'import/no-cycle', '--import-plugin', '--deny-warnings', 'src', 'web', 'test', 'bench', 'scripts']],
  ['web build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
  ['unit and API tests', ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit']],
  ['browser tests', ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e']],
];

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`The browser tests need Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  process.exit(1);
}

const db = process.env.TEST_DATABASE_URL ? `PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})` : 'embedded PGlite';
for (const [name, args] of steps) {
  console.log(`\n== ${name} — ${db} ==`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
