/**
 * Class sizes and staff-to-child ratios of a center against 托育机构设置标准（试行）
 * (data/classStandards.ts). Pure: the service counts enrolments and staff and stores what
 * this returns as warnings.
 */
import { CLASS_STANDARDS, type ClassStandard } from './data/classStandards.ts';
import type { ClassType, WarningKind } from './vocabulary.ts';

/** The standard in force on a date. */
export function classStandardOn(date: string, standards: readonly ClassStandard[] = CLASS_STANDARDS): ClassStandard {
  const s = standards.find((x) => x.effectiveFrom <= date && (x.effectiveTo === null || date <= x.effectiveTo));
  if (!s) throw new Error(`No class standard in force on ${date}`);
  return s;
}

export interface ClassStaffing {
  classId: string;
  classType: ClassType;
  capacity: number;
  /** Children enrolled and current on the day. */
  enrolled: number;
  /** Caregivers (保育人员) assigned to the class and employed on the day. */
  caregivers: number;
}

export interface CenterStaffing {
  classes: ClassStaffing[];
  /** Health workers (保健人员) employed on the day. */
  healthWorkers: number;
}

export interface Breach {
  kind: WarningKind;
  classId: string | null;
  /** What was found and what the standard asks, for the warning text. */
  actual: number;
  limit: number;
  standard: string;
}

/** The fewest caregivers a class of this many children needs: ceil(children / ratio). */
export function requiredCaregivers(classType: ClassType, enrolled: number, standard: ClassStandard): number {
  return Math.ceil(enrolled / standard.classes[classType].childrenPerCaregiver);
}

/** The fewest health workers for the center's children: one per 100 begun, none without children. */
export function requiredHealthWorkers(children: number, standard: ClassStandard): number {
  return Math.ceil(children / standard.childrenPerHealthWorker);
}

/** Every breach of class size, capacity, caregiver ratio and health staffing on a day. */
export function checkStaffing(center: CenterStaffing, standard: ClassStandard): Breach[] {
  const breaches: Breach[] = [];
  for (const c of center.classes) {
    const rule = standard.classes[c.classType];
    if (c.enrolled > rule.maxSize) breaches.push({ kind: 'classSize', classId: c.classId, actual: c.enrolled, limit: rule.maxSize, standard: standard.id });
    if (c.enrolled > c.capacity) breaches.push({ kind: 'capacity', classId: c.classId, actual: c.enrolled, limit: c.capacity, standard: standard.id });
    const needed = requiredCaregivers(c.classType, c.enrolled, standard);
    if (c.caregivers < needed) breaches.push({ kind: 'staffRatio', classId: c.classId, actual: c.caregivers, limit: needed, standard: standard.id });
  }
  const children = center.classes.reduce((s, c) => s + c.enrolled, 0);
  const health = requiredHealthWorkers(children, standard);
  if (center.healthWorkers < health) breaches.push({ kind: 'healthWorker', classId: null, actual: center.healthWorkers, limit: health, standard: standard.id });
  return breaches;
}
