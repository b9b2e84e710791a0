/**
 * Keeps a center's ratio warnings in step with its enrolment and staffing: counts what is
 * current on the day, asks the pure rules (ratios.ts) for breaches, raises the new ones and
 * resolves those that no longer hold. Runs inside the transaction of every change of
 * enrolment, staff or classes, and on demand.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { checkStaffing, classStandardOn, type Breach } from './ratios.ts';
import { loadCenter } from './access.ts';
import type { ClassType, WarningKind } from './vocabulary.ts';
import { childcareRatioWarnings } from './schema.ts';

export interface ClassCount {
  id: string;
  classType: ClassType;
  name: string;
  capacity: number;
  enrolled: number;
  caregivers: number;
}

/** Classes of a center with children enrolled and caregivers assigned on a day. */
export async function classCounts(p: Platform, ex: Executor, centerId: string, on: string): Promise<ClassCount[]> {
  return p.db.rows<ClassCount>(
    sql`SELECT k.id, k.class_type AS "classType", k.name, k.capacity,
          (SELECT count(*)::int FROM childcare_enrolments e
            WHERE e.center_id = k.center_id AND e.class_id = k.id AND e.start_date <= ${on} AND (e.end_date IS NULL OR e.end_date >= ${on})) AS enrolled,
          (SELECT count(*)::int FROM childcare_staff s
            WHERE s.center_id = k.center_id AND s.class_id = k.id AND s.role = 'caregiver' AND s.hired_on <= ${on} AND (s.left_on IS NULL OR s.left_on >= ${on})) AS caregivers
        FROM childcare_classes k WHERE k.center_id = ${centerId} AND k.active ORDER BY k.created_at, k.id`,
    ex,
  );
}

const keyOf = (kind: WarningKind, classId: string | null) => `${kind}:${classId ?? ''}`;

/** Recomputes the warnings of one center on a day; returns the breaches open afterwards. */
export async function refreshWarnings(p: Platform, ex: Executor, center: { id: string; unitCode: string }, on: string): Promise<Breach[]> {
  const classes = await classCounts(p, ex, center.id, on);
  const [{ health }] = await p.db.rows<{ health: number }>(
    sql`SELECT count(*)::int AS health FROM childcare_staff
        WHERE center_id = ${center.id} AND role = 'healthWorker' AND hired_on <= ${on} AND (left_on IS NULL OR left_on >= ${on})`,
    ex,
  );
  const breaches = checkStaffing(
    { classes: classes.map((c) => ({ classId: c.id, classType: c.classType, capacity: c.capacity, enrolled: c.enrolled, caregivers: c.caregivers })), healthWorkers: health },
    classStandardOn(on),
  );
  const open = await p.db.rows<{ id: string; kind: WarningKind; classId: string | null }>(
    sql`SELECT id, kind, class_id AS "classId" FROM childcare_ratio_warnings WHERE center_id = ${center.id} AND resolved_at IS NULL`,
    ex,
  );
  const wanted = new Map(breaches.map((b) => [keyOf(b.kind, b.classId), b]));
  for (const w of open) {
    const b = wanted.get(keyOf(w.kind, w.classId));
    if (b) {
      await ex.execute(sql`UPDATE childcare_ratio_warnings SET detail = ${JSON.stringify({ actual: b.actual, limit: b.limit, standard: b.standard })}::jsonb WHERE id = ${w.id}`);
      wanted.delete(keyOf(w.kind, w.classId));
    } else {
      await ex.execute(sql`UPDATE childcare_ratio_warnings SET resolved_at = now() WHERE id = ${w.id}`);
    }
  }
  for (const b of wanted.values()) {
    await ex.insert(childcareRatioWarnings).values({
      unitCode: center.unitCode,
      centerId: center.id,
      classId: b.classId,
      kind: b.kind,
      detail: { actual: b.actual, limit: b.limit, standard: b.standard },
    });
  }
  return breaches;
}

/** The recompute endpoint: checks one center now, audited. */
export async function recheckCenter(p: Platform, actor: Actor, centerId: string): Promise<{ breaches: number }> {
  if (actor.role !== 'childcare_operator') requirePermission(actor, 'childcare.read');
  return p.db.transaction(async (tx) => {
    const center = await loadCenter(tx, actor, centerId);
    const breaches = await refreshWarnings(p, tx, center, p.today());
    await appendAudit(tx, actor, { action: 'childcare.ratio.check', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { breaches: breaches.length } });
    return { breaches: breaches.length };
  });
}
