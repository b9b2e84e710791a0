/**
 * Cloud supervision (云监管, video supervision): which centers are connected, and the
 * coverage of the centers graded three or better (004 and 001 indicator 13: every center of
 * grade three or better on cloud supervision).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { centerForActor, currentGrades } from '../grading/index.ts';
import { canRead } from './access.ts';

export async function cloudCoverage(p: Platform, actor: Actor, q: { unitCode?: string }) {
  canRead(actor);
  requirePermission(actor, 'supervision.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const under = q.unitCode ?? actor.scope;
  const centers = await p.db.orm
    .select({ id: childcareCenters.id, name: childcareCenters.name, unitCode: childcareCenters.unitCode, cloud: childcareCenters.cloudSupervision })
    .from(childcareCenters)
    .where(and(inScope(childcareCenters.unitCode, actor), sql`${childcareCenters.unitCode} LIKE ${`${under}%`}`, inArray(childcareCenters.status, ['filed', 'suspended'])));
  const grades = await currentGrades(p.db.orm, centers.map((c) => c.id), p.today());
  // Rows by the level below the one asked for: counties under the city, townships under a county.
  const rowLen = under.length === 4 ? 6 : 9;
  const byUnit = new Map<string, { centers: number; connected: number; graded: number; gradedConnected: number }>();
  const notConnected: { centerId: string; centerName: string; unitCode: string; level: string }[] = [];
  for (const c of centers) {
    const key = c.unitCode.slice(0, rowLen);
    const r = byUnit.get(key) ?? { centers: 0, connected: 0, graded: 0, gradedConnected: 0 };
    r.centers++;
    if (c.cloud) r.connected++;
    const level = grades.get(c.id);
    if (level) {
      r.graded++;
      if (c.cloud) r.gradedConnected++;
      else notConnected.push({ centerId: c.id, centerName: c.name, unitCode: c.unitCode, level });
    }
    byUnit.set(key, r);
  }
  const names = await unitNameMap(p.db.orm, [...byUnit.keys(), ...notConnected.map((n) => n.unitCode)]);
  const rows = [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unitCode, r]) => ({ unitCode, unitName: names.get(unitCode) ?? unitCode, ...r, gradedCoverage: r.graded ? r.gradedConnected / r.graded : null }));
  const graded = rows.reduce((s, r) => s + r.graded, 0);
  const gradedConnected = rows.reduce((s, r) => s + r.gradedConnected, 0);
  return {
    rows,
    graded,
    gradedConnected,
    gradedCoverage: graded ? gradedConnected / graded : null,
    gradedNotConnected: notConnected.map((n) => ({ centerId: n.centerId, centerName: n.centerName, unitName: names.get(n.unitCode) ?? n.unitCode, level: n.level })),
  };
}

/** Records that a center's video supervision is connected (or disconnected). */
export async function setCloudSupervision(p: Platform, actor: Actor, centerId: string, input: { connected: boolean }) {
  requirePermission(actor, 'supervision.manage');
  await p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId);
    await tx.update(childcareCenters).set({ cloudSupervision: input.connected, updatedAt: sql`now()` }).where(eq(childcareCenters.id, center.id));
    await appendAudit(tx, actor, { action: 'supervision.cloud.set', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { connected: input.connected } });
  });
  return cloudCoverage(p, actor, {});
}
