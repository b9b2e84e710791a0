import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * The master key protects the citizen ID numbers. It comes from KANGYU_MASTER_KEY (base64,
 * 32 bytes) or from `<dataDir>/master.key`, which is generated on first start with mode 0600.
 * It is never stored in the database or the repository. Purpose keys are derived with HKDF
 * so that the encryption key and the lookup-hash key are independent.
 */
export interface Keys {
  /** AES-256-GCM key for ID numbers. */
  idEncryption: crypto.KeyObject;
  /** HMAC-SHA256 key for the exact-lookup hash of ID numbers. */
  idLookup: crypto.KeyObject;
  /** A public fingerprint stored in the database to detect a start with the wrong key. */
  fingerprint: string;
}

export function deriveKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('The master key must be 32 bytes (base64-encoded in KANGYU_MASTER_KEY).');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  // KeyObjects, imported once: passing raw bytes would re-import the key on every call.
  return {
    idEncryption: crypto.createSecretKey(derive('kangyu/id-number/aes-256-gcm/v1')),
    idLookup: crypto.createSecretKey(derive('kangyu/id-number/hmac-sha256/v1')),
    fingerprint: derive('kangyu/key-fingerprint/v1').toString('hex').slice(0, 16),
  };
}

export function loadMasterKey(configured: string | undefined, dataDir: string): { key: Buffer; generated: boolean } {
  if (configured) return { key: Buffer.from(configured, 'base64'), generated: false };
  const file = path.join(dataDir, 'master.key');
  if (fs.existsSync(file)) return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), generated: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, generated: true };
}
