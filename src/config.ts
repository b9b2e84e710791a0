import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database, the generated key file and import reports. */
  dataDir: string;
  port: number;
  host: string;
  /** Base64 master key (32 bytes); when absent it is read from or generated into dataDir. */
  masterKey: string | undefined;
  /** Set on a deployment behind HTTPS so session cookies carry the Secure flag. */
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.KANGYU_DATA_DIR || 'data'),
    port: Number(env.PORT || 3000),
    host: env.HOST || '0.0.0.0',
    masterKey: env.KANGYU_MASTER_KEY || undefined,
    secureCookies: env.KANGYU_SECURE_COOKIES === '1',
    sessionHours: Number(env.KANGYU_SESSION_HOURS || 8),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
