import crypto from 'node:crypto';
import type { Keys } from '../../app/secrets.ts';

/**
 * ID numbers at rest: AES-256-GCM ciphertext laid out as
 * version (1 byte) | IV (12) | tag (16) | ciphertext, plus an HMAC-SHA256 for exact lookup.
 */
const VERSION = 1;
const IV_BYTES = 12;

// IVs come from a pool of random bytes refilled 4,096 IVs at a time: one system call per
// pool instead of one per value. Each IV is used once.
const IV_POOL_SIZE = IV_BYTES * 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = IV_POOL_SIZE;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = crypto.randomBytes(IV_POOL_SIZE);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

export function encryptIdNumber(keys: Keys, value: string): Buffer {
  const iv = nextIv();
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.idEncryption, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decryptIdNumber(keys: Keys, stored: Uint8Array): string {
  const buf = Buffer.from(stored);
  if (buf[0] !== VERSION) throw new Error(`Unknown ID cipher version ${buf[0]}`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.idEncryption, buf.subarray(1, 13));
  decipher.setAuthTag(buf.subarray(13, 29));
  return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString('utf8');
}

export function hashIdNumber(keys: Keys, value: string): Buffer {
  return crypto.createHmac('sha256', keys.idLookup).update(value).digest();
}
