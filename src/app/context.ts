import type { Database } from '../db/client.ts';
import type { Config } from '../config.ts';
import type { Keys } from './secrets.ts';

/** What every service needs besides the actor: the database, the keys and the config. */
export interface Platform {
  db: Database;
  keys: Keys;
  config: Config;
  /** Today's date in Asia/Shanghai (injectable so tests can fix the calendar). */
  today(): string;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today's ISO date in Asia/Shanghai. */
export function shanghaiToday(now = new Date()): string {
  return SHANGHAI_DATE.format(now);
}
