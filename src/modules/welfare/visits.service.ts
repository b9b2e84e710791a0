/** Visits to key children, and the children overdue for one per village and township. */
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { welfareVisits } from './schema.ts';
import type { ChildFile, VisitInput } from './contract.ts';

import { buildFile, childRow } from './files.service.ts';
import { checkQuery, overdueChildren } from './ledger.ts';

// ---- visits --------------------------------------------------------------------------------

/** Records a visit; the same visit (child, day, visitor) sent twice is recorded once. */
export async function recordVisit(p: Platform, actor: Actor, childId: string, input: VisitInput): Promise<{ created: boolean; file: ChildFile }> {
  requirePermission(actor, 'welfare.write');
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const { child, person } = await childRow(tx, actor, childId);
    if (input.visitedOn > today) throw AppError.field('visitedOn', 'welfare.inFuture');
    if (input.visitedOn < person.birthDate) throw AppError.field('visitedOn', 'welfare.beforeBirth');
    const inserted = await tx
      .insert(welfareVisits)
      .values({ unitCode: child.unitCode, childId, visitedOn: input.visitedOn, visitorName: input.visitorName, findings: input.findings, needs: input.needs, createdBy: actor.id, createdByName: await actorDisplayName(tx, actor) })
      .onConflictDoNothing()
      .returning({ id: welfareVisits.id });
    if (inserted.length) await appendAudit(tx, actor, { action: 'welfare.visit.create', entityType: 'welfare_visit', entityId: inserted[0].id, unitCode: child.unitCode, detail: { childId, visitedOn: input.visitedOn } });
    return { created: inserted.length > 0, file: await buildFile(tx, actor, childId, today) };
  });
}

/** The children overdue for a visit, with the counts per village and per township. */
export async function overdueVisits(p: Platform, actor: Actor, q: { unitCode?: string }) {
  checkQuery(actor, q);
  const today = p.today();
  const rows = await overdueChildren(p.db.orm, actor, q.unitCode, today);
  const village = new Map<string, { children: number; overdue: number }>();
  const township = new Map<string, { children: number; overdue: number }>();
  for (const r of rows) {
    for (const [map, code] of [[village, r.unitCode], [township, r.unitCode.slice(0, 9)]] as const) {
      const s = map.get(code) ?? { children: 0, overdue: 0 };
      s.children++;
      if (r.overdue) s.overdue++;
      map.set(code, s);
    }
  }
  const names = await unitNameMap(p.db.orm, [...village.keys(), ...township.keys()]);
  const summary = (m: Map<string, { children: number; overdue: number }>) =>
    [...m.entries()].map(([unitCode, s]) => ({ unitCode, unitName: names.get(unitCode) ?? unitCode, ...s })).sort((a, b) => b.overdue - a.overdue || a.unitCode.localeCompare(b.unitCode));
  const items = rows
    .filter((r) => r.overdue)
    .map((r) => ({ childId: r.childId, name: r.name, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, category: r.category, lastVisitOn: r.lastVisitOn, dueOn: r.dueOn, daysOverdue: Math.round((Date.parse(today) - Date.parse(r.dueOn)) / 86_400_000), directorName: r.directorName }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.unitCode.localeCompare(b.unitCode))
    .slice(0, 2000);
  return { items, byVillage: summary(village), byTownship: summary(township) };
}
