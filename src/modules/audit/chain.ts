import crypto from 'node:crypto';

/**
 * The audit hash chain: hash_n = SHA-256(hash_{n-1} ‖ canonical(row_n)). Changing, inserting
 * or deleting any row breaks every later link, and rows are numbered without gaps.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  unitCode: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** JSON with sorted keys, so the database's jsonb key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: AuditFields): string {
  // Exactly the audited fields, whatever else the row object carries.
  const fields: AuditFields = {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    unitCode: row.unitCode,
    detail: row.detail,
    ip: row.ip,
  };
  const body = canonicalJson(fields);
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainRow extends AuditFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'gap' | 'prev_hash' | 'hash' };

/**
 * Walks rows in seq order from a known link (the previous row's seq and hash) and returns
 * the first break, or null. Pure, so the command and the tests share it.
 */
export function findChainBreak(rows: ChainRow[], from: { seq: number; hash: string }): ChainBreak | null {
  let expectedSeq = from.seq + 1;
  let prev = from.hash;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
    if (row.prevHash !== prev) return { seq: row.seq, reason: 'prev_hash' };
    if (auditHash(row.prevHash, row) !== row.hash) return { seq: row.seq, reason: 'hash' };
    prev = row.hash;
    expectedSeq++;
  }
  return null;
}
