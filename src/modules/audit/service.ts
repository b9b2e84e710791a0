import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { auditLog } from './schema.ts';
import { GENESIS_HASH, auditHash, findChainBreak, type AuditFields, type ChainBreak } from './chain.ts';

/** Serialises writers of the chain; taken per transaction, released at commit. */
const AUDIT_LOCK = 72026110;

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  unitCode?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the record of a
 * change commits or rolls back with the change itself.
 */
export async function appendAudit(tx: Executor, actor: Pick<Actor, 'id' | 'username' | 'ip'>, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const row: AuditFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: actor.id,
    actorUsername: actor.username,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    unitCode: entry.unitCode ?? null,
    detail: entry.detail ?? {},
    ip: actor.ip ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: auditHash(prevHash, row) });
}

export interface VerifyResult {
  rows: number;
  /** The last row that verifies (the end of the chain when nothing is broken). */
  head: { seq: number; hash: string };
  firstBreak: ChainBreak | null;
}

/** Walks the whole chain in pages and reports the first broken link. */
export async function verifyAuditChain(db: Database, onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
  const [{ total }] = await db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log`);
  let from = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  const PAGE = 5000;
  for (;;) {
    const rows = await db.orm.select().from(auditLog).where(gt(auditLog.seq, from.seq)).orderBy(asc(auditLog.seq)).limit(PAGE);
    if (rows.length === 0) break;
    const chainRows = rows.map((r) => ({ ...r, detail: r.detail ?? {} }));
    const firstBreak = findChainBreak(chainRows, from);
    if (firstBreak) {
      const lastGood = rows.filter((r) => r.seq < firstBreak.seq).at(-1);
      return { rows: total, head: lastGood ? { seq: lastGood.seq, hash: lastGood.hash } : from, firstBreak };
    }
    const last = rows[rows.length - 1];
    from = { seq: last.seq, hash: last.hash };
    checked += rows.length;
    onProgress?.(checked, total);
  }
  return { rows: total, head: from, firstBreak: null };
}

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

/** Audit rows within the reader's scope (rows without a unit are the city's). */
export async function listAudit(db: Database, actor: Actor, q: AuditQuery) {
  requirePermission(actor, 'audit.read');
  const conds: SQL[] = [inScope(sql`coalesce(${auditLog.unitCode}, '3306')`, actor)];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  const where = and(...conds);
  const [items, [{ total }]] = await Promise.all([
    db.orm
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM audit_log WHERE ${where}`),
  ]);
  const names = await namesOf(db, items);
  return {
    items: items.map((r) => ({
      ...r,
      actorName: (r.actorUsername && names.actors.get(r.actorUsername)) ?? null,
      unitName: (r.unitCode && names.units.get(r.unitCode)) ?? null,
      entityName: (r.entityId && names.entities.get(`${r.entityType}:${r.entityId}`)) ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Records whose name the audit page shows: the kinds people look up by name. */
const NAMED_ENTITIES: Record<string, SQL> = {
  user: sql`SELECT id::text AS id, display_name AS name FROM users`,
  person: sql`SELECT id::text AS id, name FROM persons`,
  childcare_center: sql`SELECT id::text AS id, name FROM childcare_centers`,
};

const values = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** Display names of the actors, units and records of a page of audit rows, in a few lookups. */
async function namesOf(db: Database, rows: { actorUsername: string | null; unitCode: string | null; entityType: string | null; entityId: string | null }[]) {
  const list = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const actors = new Map<string, string>();
  const units = new Map<string, string>();
  const entities = new Map<string, string>();
  const usernames = list(rows.map((r) => r.actorUsername));
  if (usernames.length) for (const u of await db.rows<{ username: string; display_name: string }>(sql`SELECT username, display_name FROM users WHERE username IN (${values(usernames)})`)) actors.set(u.username, u.display_name);
  const codes = list(rows.map((r) => r.unitCode));
  if (codes.length) for (const u of await db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE code IN (${values(codes)})`)) units.set(u.code, u.name);
  for (const [type, query] of Object.entries(NAMED_ENTITIES)) {
    const ids = list(rows.filter((r) => r.entityType === type && r.entityId && /^[0-9a-f-]{36}$/.test(r.entityId)).map((r) => r.entityId));
    if (!ids.length) continue;
    for (const e of await db.rows<{ id: string; name: string }>(sql`SELECT id, name FROM (${query}) AS named WHERE id IN (${values(ids)})`)) entities.set(`${type}:${e.id}`, e.name);
  }
  return { actors, units, entities };
}
