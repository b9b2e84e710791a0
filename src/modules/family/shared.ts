import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { addDays, dayNumber } from '../../app/dates.ts';
import type { CenterRef } from '../admission/index.ts';
import { childcareCenters, childcareClasses, childcareEnrolments } from '../childcare/index.ts';

export const NO_USER = '00000000-0000-0000-0000-000000000000';
export const MAX_PHOTO_BYTES = 600 * 1024;

export const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

/** A clock time on a day in Asia/Shanghai as a timestamp; now when no time is given. */
export function instant(day: string, time: string | undefined): string {
  return time ? new Date(`${day}T${time}:00+08:00`).toISOString() : new Date().toISOString();
}

/** Monday of the ISO week of a date. */
export function weekStartOf(date: string): string {
  const dow = ((dayNumber(date) + 3) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
  return addDays(date, 1 - dow);
}

export function isoWeekday(date: string): number {
  return ((dayNumber(date) + 3) % 7) + 1;
}

/** An enrolment of the center that is current on the day. */
export async function enrolmentAt(ex: Executor, actor: Actor, center: CenterRef, enrolmentId: string, day: string) {
  const [e] = await ex
    .select({ id: childcareEnrolments.id, personId: childcareEnrolments.personId, unitCode: childcareEnrolments.unitCode })
    .from(childcareEnrolments)
    .where(
      and(
        eq(childcareEnrolments.id, enrolmentId),
        eq(childcareEnrolments.centerId, center.id),
        inScope(childcareEnrolments.unitCode, actor),
        lte(childcareEnrolments.startDate, day),
        or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, day)),
      ),
    )
    .limit(1);
  if (!e) throw AppError.field('enrolmentId', 'family.notEnrolledOnDay');
  return e;
}

/** The child's center now (the latest current enrolment), for the parent side. */
export async function currentEnrolment(ex: Executor, personId: string, day: string) {
  const [e] = await ex
    .select({
      id: childcareEnrolments.id,
      unitCode: childcareEnrolments.unitCode,
      centerId: childcareEnrolments.centerId,
      centerName: childcareCenters.name,
      className: childcareClasses.name,
      careType: childcareEnrolments.careType,
      startDate: childcareEnrolments.startDate,
    })
    .from(childcareEnrolments)
    .innerJoin(childcareCenters, eq(childcareCenters.id, childcareEnrolments.centerId))
    .innerJoin(childcareClasses, eq(childcareClasses.id, childcareEnrolments.classId))
    .where(and(eq(childcareEnrolments.personId, personId), lte(childcareEnrolments.startDate, day), or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, day))))
    .orderBy(desc(childcareEnrolments.startDate))
    .limit(1);
  return e ?? null;
}
