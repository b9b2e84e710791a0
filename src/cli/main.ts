import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { openPlatform } from '../app/platform.ts';
import { buildApp, WEB_DIR } from '../app/app.ts';
import { systemActor } from '../app/scope.ts';
import { AppError } from '../app/errors.ts';
import { renderError } from '../app/error-handler.ts';
import { describeError } from '../app/errorLog.ts';
import type { Platform } from '../app/context.ts';
import { isSeeded, seedPlatform, type Scale } from '../seed/index.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { errorReportCsv, importPeopleFile, markInterruptedRuns } from '../modules/imports/index.ts';
import { progressReporter } from './progress.ts';
import { refreshIndicators, registerIndicators, startIndicatorRefresher } from '../modules/indicators/index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function withPlatform<T>(fn: (p: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const p = await openPlatform(config, { log });
  try {
    return await fn(p);
  } finally {
    await p.db.close();
  }
}

async function serve(p: Platform, port: number): Promise<void> {
  // On the embedded database this process is the only one: every running import was cut off.
  const interrupted = await markInterruptedRuns(p, p.db.kind === 'pglite' ? 0 : 120);
  if (interrupted) log(`marked ${interrupted} interrupted import run(s) as failed`);
  const app = await buildApp(p, { logger: true });
  const close = async () => {
    await app.close();
    await p.db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port, host: p.config.host });
  // Indicator values follow the data: recomputed within a minute of a change to a source table.
  startIndicatorRefresher(p, 60_000, (err) => log(`indicator refresh failed: ${describeError(err)}`));
  log(`Kangyu is serving on http://localhost:${port} (database: ${p.db.kind})`);
}

function buildWebIfMissing(): void {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  log('building the web app (first start)…');
  const vite = path.resolve(import.meta.dirname, '../../node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '../..') });
  if (r.status !== 0) throw new Error('the web build failed');
}

const program = new Command('kangyu').description('Kangyu 康育 — Shaoxing 一老一小 platform');

program
  .command('start')
  .description('migrate, load the demo data into an empty database, build the web app if needed, and serve')
  .option('--port <port>', 'HTTP port (default PORT or 3000)')
  .action(async (o: { port?: string }) => {
    buildWebIfMissing();
    const config = loadConfig();
    const p = await openPlatform(config, { log });
    if (!(await isSeeded(p))) {
      log('empty database: loading the demo data (scale demo, seed 1)…');
      const bar = progressReporter();
      await seedPlatform(p, { scale: 'demo', seed: 1, onProgress: bar.update });
      bar.stop();
    }
    await serve(p, Number(o.port ?? config.port));
  });

program
  .command('serve')
  .description('serve the API and the web app')
  .option('--port <port>', 'HTTP port (default PORT or 3000)')
  .action(async (o: { port?: string }) => {
    const config = loadConfig();
    await serve(await openPlatform(config, { log }), Number(o.port ?? config.port));
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withPlatform(async () => log('migrations are up to date'));
  });

program
  .command('seed')
  .description('load the admin tree, population base, demo users and synthetic people into an empty database')
  .addOption(new Option('--scale <scale>', 'how much synthetic data').choices(['base', 'demo', 'city']).default('demo'))
  .option('--seed <n>', 'random seed; the same seed gives the same data', '1')
  .action((o: { scale: Scale; seed: string }) =>
    withPlatform(async (p) => {
      const started = Date.now();
      const bar = progressReporter();
      const res = await seedPlatform(p, { scale: o.scale, seed: Number(o.seed), onProgress: bar.update });
      bar.stop();
      log(`seeded ${res.units} units, ${res.users} users, ${res.people} people in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }),
  );

program
  .command('indicators-register <file>')
  .description('load indicator definitions (measures, indicators, targets) from a JSON registry file')
  .action((file: string) =>
    withPlatform(async (p) => {
      const res = await registerIndicators(p, systemActor('cli'), JSON.parse(fs.readFileSync(file, 'utf8')));
      log(`registered ${res.measures} measures, ${res.indicators} indicators, ${res.targets} targets; values are recomputed on the next refresh`);
    }),
  );

program
  .command('indicators-refresh')
  .description('recompute every indicator for every unit and year')
  .action(() =>
    withPlatform(async (p) => {
      const r = await refreshIndicators(p, systemActor('cli'), 'manual');
      log(`computed ${r.values} values of ${r.indicators} indicators in ${r.millis} ms`);
    }),
  );

const importCmd = program.command('import').description('import data files');
importCmd
  .command('people <file>')
  .description('import people from a CSV file; bad rows go to an error report, good rows are kept')
  .option('--report <file>', 'where to write the row-level error report (default <file>.errors.csv)')
  .option('--batch <rows>', 'rows per transaction', '20000')
  .action((file: string, o: { report?: string; batch: string }) =>
    withPlatform(async (p) => {
      const actor = systemActor(process.env.USER ? `cli:${process.env.USER}` : 'cli');
      if (p.db.kind === 'pglite') await markInterruptedRuns(p, 0);
      const bar = progressReporter();
      const run = await importPeopleFile(p, actor, path.resolve(file), {
        batchSize: Number(o.batch),
        onProgress: (n) => bar.update('rows', n, n),
      });
      bar.stop();
      log(
        `import ${run.id}: ${run.rowsTotal} rows — ${run.rowsInserted} new, ${run.rowsUpdated} updated, ` +
          `${run.rowsUnchanged} unchanged, ${run.rowsFailed} with errors`,
      );
      const report = o.report ?? `${file}.errors.csv`;
      if (run.rowsFailed > 0) {
        fs.writeFileSync(report, await errorReportCsv(p, actor, run.id, 'zh-CN'));
        log(`row-level errors written to ${report}`);
      }
    }),
  );

const auditCmd = program.command('audit').description('the audit trail');
auditCmd
  .command('verify')
  .description('walk the hash chain and report the first broken link')
  .action(() =>
    withPlatform(async (p) => {
      const res = await verifyAuditChain(p.db);
      if (res.firstBreak) {
        const reason = { gap: 'row missing (deleted)', prev_hash: 'link to the previous row broken', hash: 'row content altered' }[
          res.firstBreak.reason
        ];
        log(`BROKEN at seq ${res.firstBreak.seq}: ${reason}. Rows before it (1…${res.head.seq}) verify.`);
        process.exitCode = 1;
      } else {
        log(`audit chain intact: ${res.rows} rows, head seq ${res.head.seq} hash ${res.head.hash}`);
      }
    }),
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    const body = renderError(err, 'zh-CN');
    log(`${body.error.message} ${body.error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`);
  } else {
    log(describeError(err));
  }
  process.exit(1);
});
