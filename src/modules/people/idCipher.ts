import crypto from 'node:crypto';
import type { Keys } from '../../app/secrets.ts';

/**
 * ID numbers at rest: AES-256-GCM ciphertext laid out as
 * version (1 byte) | IV (12) | tag (16) | ciphertext, plus an HMAC-SHA256 for exact lookup.
 */
const VERSION = 1;

export function encryptIdNumber(keys: Keys, value: string): Buffer {
  const iv = crypto.randomBytes(12);
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
