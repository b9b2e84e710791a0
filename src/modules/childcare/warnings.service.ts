/** Open ratio and class-size warnings, for the center and for the county. */
import { sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { assertWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import { unitNameMap } from '../org/index.ts';
import { isOperator, visibleCentersAs } from './access.ts';
import type { WarningView } from './contract.ts';

export async function listWarnings(p: Platform, actor: Actor, q: { centerId?: string; unitCode?: string }): Promise<WarningView[]> {
  if (!isOperator(actor)) requirePermission(actor, 'childcare.read');
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [sql`w.resolved_at IS NULL`, visibleCentersAs('c', actor)];
  if (q.centerId) conds.push(sql`w.center_id = ${q.centerId}`);
  if (q.unitCode) conds.push(sql`w.unit_code LIKE ${`${q.unitCode}%`}`);
  const rows = await p.db.rows<Omit<WarningView, 'unitName'> & { detail: { actual: number; limit: number } }>(sql`
    SELECT w.id, w.center_id AS "centerId", c.name AS "centerName", w.unit_code AS "unitCode", w.class_id AS "classId", k.name AS "className",
           w.kind, w.detail, w.raised_at::text AS "raisedAt"
    FROM childcare_ratio_warnings w
    JOIN childcare_centers c ON c.id = w.center_id
    LEFT JOIN childcare_classes k ON k.id = w.class_id
    WHERE ${sql.join(conds, sql` AND `)}
    ORDER BY w.raised_at DESC, w.id
    LIMIT 2000`);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  return rows.map(({ detail, ...r }) => ({ ...r, actual: detail.actual, limit: detail.limit, unitName: names.get(r.unitCode) ?? r.unitCode }));
}
