/**
 * The classes of a center: their capacities checked against the standard's class sizes,
 * and saved with the center or with an approved change.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../app/errors.ts';
import { classStandardOn } from './ratios.ts';
import { childcareClasses } from './schema.ts';
import type { ClassInput } from './contract.ts';

/** Class capacities within the standard's class sizes (托育机构设置标准（试行）). */
export function checkClasses(classes: readonly ClassInput[], on: string, path = 'classes'): FieldIssue[] {
  const std = classStandardOn(on);
  const issues: FieldIssue[] = [];
  classes.forEach((c, i) => {
    const max = std.classes[c.classType].maxSize;
    if (c.capacity > max) issues.push({ field: `${path}.${i}.capacity`, key: 'childcare.classTooLarge', params: { max } });
  });
  return issues;
}

/** Upserts the classes of a center: listed ids are updated, new ones added, the rest closed. */
export async function saveClasses(tx: Executor, center: { id: string; unitCode: string }, classes: readonly ClassInput[]): Promise<void> {
  const existing = await tx.select({ id: childcareClasses.id }).from(childcareClasses).where(eq(childcareClasses.centerId, center.id));
  const known = new Set(existing.map((c) => c.id));
  const kept = new Set<string>();
  for (const [i, c] of classes.entries()) {
    if (c.id) {
      if (!known.has(c.id)) throw AppError.field(`classes.${i}.id`, 'childcare.unknownClass');
      kept.add(c.id);
      await tx.update(childcareClasses).set({ classType: c.classType, name: c.name, capacity: c.capacity, active: true }).where(eq(childcareClasses.id, c.id));
    } else {
      await tx.insert(childcareClasses).values({ unitCode: center.unitCode, centerId: center.id, classType: c.classType, name: c.name, capacity: c.capacity });
    }
  }
  for (const id of known) if (!kept.has(id)) await tx.update(childcareClasses).set({ active: false }).where(eq(childcareClasses.id, id));
}
