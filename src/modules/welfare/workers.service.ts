/** The protection workforce: township child supervisors and village child directors with their caseloads. */
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { welfareWorkers } from './schema.ts';
import { checkQuery } from './ledger.ts';

// ---- workforce -----------------------------------------------------------------------------

export async function listWorkers(p: Platform, actor: Actor, q: { unitCode?: string; role?: 'director' | 'supervisor' }) {
  checkQuery(actor, q);
  const today = p.today();
  const conds: SQL[] = [inScope(welfareWorkers.unitCode, actor), eq(welfareWorkers.active, true)];
  if (q.unitCode) conds.push(like(welfareWorkers.unitCode, `${q.unitCode}%`));
  if (q.role) conds.push(eq(welfareWorkers.role, q.role));
  const rows = await p.db.orm
    .select({
      id: welfareWorkers.id,
      unitCode: welfareWorkers.unitCode,
      role: welfareWorkers.role,
      name: welfareWorkers.name,
      phone: welfareWorkers.phone,
      caseload: sql<number>`(SELECT count(*)::int FROM welfare_children c JOIN persons pp ON pp.id = c.person_id
        WHERE (c.director_id = welfare_workers.id OR c.supervisor_id = welfare_workers.id) AND ${inScope(sql`c.unit_code`, actor)}
          AND (pp.birth_date + interval '18 years')::date > ${today}::date
          AND EXISTS (SELECT 1 FROM welfare_memberships m WHERE m.child_id = c.id AND m.start_date <= ${today}::date AND (m.end_date IS NULL OR m.end_date >= ${today}::date)))`,
    })
    .from(welfareWorkers)
    .where(and(...conds))
    .orderBy(asc(welfareWorkers.unitCode), asc(welfareWorkers.role), asc(welfareWorkers.name))
    .limit(2000);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitCode) ?? r.unitCode }));
}

/** Adds a supervisor (township) or director (village); the same person twice is one worker. */
export async function addWorker(p: Platform, actor: Actor, input: { unitCode: string; role: 'director' | 'supervisor'; name: string; phone: string }) {
  requirePermission(actor, 'welfare.write');
  if (!input.unitCode.startsWith(actor.scope)) throw AppError.field('unitCode', 'unitOutOfScope');
  return p.db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    if (!unit) throw AppError.field('unitCode', 'unitOutOfScope');
    if ((input.role === 'supervisor' && unit.level !== 3) || (input.role === 'director' && unit.level !== 4)) throw AppError.field('unitCode', 'welfare.workerUnitLevel');
    const inserted = await tx.insert(welfareWorkers).values({ ...input, createdByName: await actorDisplayName(tx, actor) }).onConflictDoNothing().returning();
    const [row] = inserted.length
      ? inserted
      : await tx.select().from(welfareWorkers).where(and(eq(welfareWorkers.unitCode, input.unitCode), eq(welfareWorkers.role, input.role), eq(welfareWorkers.name, input.name), eq(welfareWorkers.phone, input.phone))).limit(1);
    if (inserted.length) await appendAudit(tx, actor, { action: 'welfare.worker.create', entityType: 'welfare_worker', entityId: row.id, unitCode: row.unitCode, detail: { role: row.role } });
    return { id: row.id, unitCode: row.unitCode, unitName: unit.name, role: row.role, name: row.name, phone: row.phone, caseload: 0 };
  });
}
