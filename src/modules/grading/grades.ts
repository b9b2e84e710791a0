/** Reading the grades centers hold (for other modules and the lists). */
import { and, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { centerGrades } from './schema.ts';
import { gradeOn, type GradeRecord } from './history.ts';
import type { GradeLevel } from './vocabulary.ts';

/** Every grade record of the centers that overlaps [from, to], by center. */
export async function gradeRecordsOf(ex: Executor, centerIds: string[], from: string, to: string): Promise<Map<string, GradeRecord[]>> {
  const out = new Map<string, GradeRecord[]>();
  if (centerIds.length === 0) return out;
  const rows = await ex
    .select({ centerId: centerGrades.centerId, level: centerGrades.level, validFrom: centerGrades.validFrom, validTo: centerGrades.validTo, endedOn: centerGrades.endedOn })
    .from(centerGrades)
    .where(and(inArray(centerGrades.centerId, centerIds), sql`${centerGrades.validFrom} <= ${to}`, sql`${centerGrades.validTo} >= ${from}`, or(isNull(centerGrades.endedOn), sql`${centerGrades.endedOn} > ${from}`)));
  for (const r of rows) {
    const list = out.get(r.centerId) ?? [];
    list.push({ level: r.level, validFrom: r.validFrom, validTo: r.validTo, endedOn: r.endedOn });
    out.set(r.centerId, list);
  }
  return out;
}

/** The grade each center holds on a day (absent: none). */
export async function currentGrades(ex: Executor, centerIds: string[], on: string): Promise<Map<string, GradeLevel>> {
  const records = await gradeRecordsOf(ex, centerIds, on, on);
  const out = new Map<string, GradeLevel>();
  for (const [id, list] of records) {
    const g = gradeOn(list, on);
    if (g) out.set(id, g);
  }
  return out;
}
