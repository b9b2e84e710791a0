import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKeys } from '../../app/secrets.ts';
import { decryptIdNumber, encryptIdNumber, hashIdNumber } from './idCipher.ts';

const keys = deriveKeys(crypto.randomBytes(32));
const ID = '11010519491231002X';

describe('ID number encryption', () => {
  it('round-trips and never stores the plain text', () => {
    const stored = encryptIdNumber(keys, ID);
    expect(stored.includes(Buffer.from(ID))).toBe(false);
    expect(decryptIdNumber(keys, stored)).toBe(ID);
  });

  it('uses a fresh IV: the same number encrypts differently each time', () => {
    expect(encryptIdNumber(keys, ID).equals(encryptIdNumber(keys, ID))).toBe(false);
  });

  it('rejects a tampered ciphertext and a wrong key', () => {
    const stored = encryptIdNumber(keys, ID);
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => decryptIdNumber(keys, tampered)).toThrow();
    expect(() => decryptIdNumber(deriveKeys(crypto.randomBytes(32)), stored)).toThrow();
  });

  it('hashes deterministically per key for exact lookup', () => {
    expect(hashIdNumber(keys, ID).equals(hashIdNumber(keys, ID))).toBe(true);
    expect(hashIdNumber(keys, ID).equals(hashIdNumber(deriveKeys(crypto.randomBytes(32)), ID))).toBe(false);
    expect(hashIdNumber(keys, ID)).toHaveLength(32);
  });

  it('derives independent purpose keys', () => {
    expect(keys.idEncryption.equals(keys.idLookup)).toBe(false);
    expect(() => deriveKeys(Buffer.alloc(16))).toThrow();
  });
});
