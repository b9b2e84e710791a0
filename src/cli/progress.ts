import cliProgress from 'cli-progress';

/** A progress bar on a terminal, a line per step otherwise (logs, CI). */
export function progressReporter(): { update(step: string, done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let lastStep = '';
    let lastPct = -1;
    let lastDone = -1;
    return {
      // A line per 10 % of a known total; a line per update when the total is not known yet.
      update(step, done, total) {
        const pct = total ? Math.floor((done / total) * 10) * 10 : 100;
        const unknownTotal = done === total;
        if (step !== lastStep || pct !== lastPct || (unknownTotal && done !== lastDone)) process.stderr.write(`${step}: ${done}/${total}\n`);
        lastStep = step;
        lastPct = pct;
        lastDone = done;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{step} [{bar}] {percentage}% {value}/{total} {duration_formatted}', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update(step, done, total) {
      if (step !== current) {
        if (current) bar.stop();
        bar.start(Math.max(total, 1), done, { step: step.padEnd(10) });
        current = step;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { step: step.padEnd(10) });
    },
    stop() {
      if (current) bar.stop();
    },
  };
}
