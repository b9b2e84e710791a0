import net from 'node:net';
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
  /**
   * Addresses (or CIDR ranges, or `loopback`) of the reverse proxies in front of the platform.
   * Only a request arriving from one of them has its X-Forwarded-For and X-Forwarded-Proto
   * believed; from anyone else those headers are ignored. Empty: the socket's peer is the client.
   */
  trustedProxies: string[];
  /** `production` on a real deployment: the API documentation needs a login; `demo` for the demo data. */
  mode: Mode;
}

export const MODES = ['demo', 'production'] as const;
export type Mode = (typeof MODES)[number];

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
    trustedProxies: parseTrustedProxies(env.KANGYU_TRUSTED_PROXIES),
    mode: parseMode(env.KANGYU_MODE),
  };
}

function parseMode(value: string | undefined): Mode {
  if (!value) return 'demo';
  if ((MODES as readonly string[]).includes(value)) return value as Mode;
  throw new Error(`KANGYU_MODE must be one of ${MODES.join(', ')}, not "${value}".`);
}

/** The names proxy-addr (behind Fastify's trustProxy) understands besides addresses and ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A comma-separated list of proxy addresses, CIDR ranges or range names; refused at start when malformed. */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.has(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || rest.length) {
      throw new Error(`KANGYU_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range or one of ${[...PROXY_RANGE_NAMES].join(', ')}.`);
    }
  }
  return entries;
}
