import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database may be opened by one process at a time; a second process would
 * corrupt it. The lock is a file holding the owner's pid, taken over when that pid is gone.
 */
export function acquireDataDirLock(dir: string): () => void {
  const file = path.join(dir, '.kangyu.lock');
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(fs.readFileSync(file, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${owner}. ` +
          'Stop that process first (the embedded database allows one process at a time), ' +
          'or use a PostgreSQL server through DATABASE_URL.',
      );
    }
    fs.writeFileSync(file, String(process.pid));
  }
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
