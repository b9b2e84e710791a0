import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash, canonicalJson, findChainBreak, type AuditFields, type ChainRow } from './chain.ts';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const f: AuditFields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorId: null,
      actorUsername: 'u',
      action: 'people.view',
      entityType: 'person',
      entityId: String(seq),
      unitCode: '330602',
      detail: { b: 1, a: [seq] },
      ip: null,
    };
    const hash = auditHash(prev, f);
    rows.push({ ...f, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('sorts object keys so jsonb key order cannot change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });

  it('verifies an intact chain, and one read back with the database’s timestamp format', () => {
    const rows = chain(5).map((r) => ({ ...r, at: r.at.replace('T', ' ').replace('Z', '+00') }));
    expect(findChainBreak(rows, { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('finds an altered row, a deleted row and a re-linked forgery', () => {
    const altered = chain(5);
    altered[2] = { ...altered[2], action: 'people.create' };
    expect(findChainBreak(altered, { seq: 0, hash: GENESIS_HASH })).toEqual({ seq: 3, reason: 'hash' });

    const deleted = chain(5).filter((r) => r.seq !== 4);
    expect(findChainBreak(deleted, { seq: 0, hash: GENESIS_HASH })).toEqual({ seq: 4, reason: 'gap' });

    const relinked = chain(5);
    relinked[1] = { ...relinked[1], prevHash: 'f'.repeat(64) };
    expect(findChainBreak(relinked, { seq: 0, hash: GENESIS_HASH })).toEqual({ seq: 2, reason: 'prev_hash' });
  });
});
