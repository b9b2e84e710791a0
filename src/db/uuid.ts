import crypto from 'node:crypto';

let lastMs = 0;
let counter = 0;
const random = Buffer.alloc(8 * 1024);
let randomOffset = random.length;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48-bit Unix milliseconds, a 12-bit counter for
 * order within a millisecond, 62 random bits. Keys of large tables use it so that bulk
 * inserts append to the primary-key index instead of scattering over it.
 */
export function uuidv7(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  ms = lastMs;
  if (randomOffset + 8 > random.length) {
    crypto.randomFillSync(random);
    randomOffset = 0;
  }
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  b.writeUInt16BE(0x7000 | counter, 6);
  random.copy(b, 8, randomOffset, randomOffset + 8);
  randomOffset += 8;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
