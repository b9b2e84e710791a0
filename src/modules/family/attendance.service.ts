import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { centerForActor, centersOfActor } from '../admission/index.ts';
import { childcareClasses, childcareEnrolments } from '../childcare/index.ts';
import { persons } from '../people/index.ts';
import { familyAttendance, familyDailyReports } from './schema.ts';
import type { AttendanceView, RosterRow } from './contract.ts';
import type { z } from 'zod';
import type { absentInput, checkInInput, checkOutInput } from './contract.ts';
import { enrolmentAt, instant, iso } from './shared.ts';

export async function staffCenters(p: Platform, actor: Actor): Promise<{ id: string; name: string; unitCode: string }[]> {
  return (await centersOfActor(p.db.orm, actor, 'family.staff')).map(({ id, name, unitCode }) => ({ id, name, unitCode }));
}

export const attendanceColumns = {
  day: familyAttendance.day,
  checkInAt: familyAttendance.checkInAt,
  checkInByName: familyAttendance.checkInByName,
  droppedOffBy: familyAttendance.droppedOffBy,
  checkOutAt: familyAttendance.checkOutAt,
  checkOutByName: familyAttendance.checkOutByName,
  pickedUpBy: familyAttendance.pickedUpBy,
  pickedUpRelation: familyAttendance.pickedUpRelation,
  absence: familyAttendance.absence,
  note: familyAttendance.note,
};
export function toAttendance(a: AttendanceView): AttendanceView {
  return { ...a, checkInAt: iso(a.checkInAt), checkOutAt: iso(a.checkOutAt) };
}

/** The children enrolled at a center on a day, with their attendance and whether the day's report is written. */
export async function roster(p: Platform, actor: Actor, centerId: string, day = p.today()): Promise<RosterRow[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const rows = await p.db.orm
    .select({
      enrolmentId: childcareEnrolments.id,
      personId: persons.id,
      childName: persons.name,
      sex: persons.sex,
      birthDate: persons.birthDate,
      className: childcareClasses.name,
      careType: childcareEnrolments.careType,
    })
    .from(childcareEnrolments)
    .innerJoin(persons, eq(persons.id, childcareEnrolments.personId))
    .innerJoin(childcareClasses, eq(childcareClasses.id, childcareEnrolments.classId))
    .where(
      and(
        eq(childcareEnrolments.centerId, center.id),
        inScope(childcareEnrolments.unitCode, actor),
        lte(childcareEnrolments.startDate, day),
        or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, day)),
      ),
    )
    .orderBy(asc(childcareClasses.name), asc(persons.name));
  const att = await p.db.orm
    .select({ enrolmentId: familyAttendance.enrolmentId, ...attendanceColumns })
    .from(familyAttendance)
    .where(and(eq(familyAttendance.centerId, center.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor)));
  const reps = await p.db.orm
    .select({ enrolmentId: familyDailyReports.enrolmentId })
    .from(familyDailyReports)
    .where(and(eq(familyDailyReports.centerId, center.id), eq(familyDailyReports.day, day), inScope(familyDailyReports.unitCode, actor)));
  const am = new Map(att.map(({ enrolmentId, ...a }) => [enrolmentId, toAttendance(a)]));
  const rm = new Set(reps.map((r) => r.enrolmentId));
  return rows.map((r) => ({ ...r, attendance: am.get(r.enrolmentId) ?? null, reportWritten: rm.has(r.enrolmentId) }));
}

/** A center's enrolment current on the day, with its attendance record of that day if one exists. */
async function dayRecord(tx: Executor, actor: Actor, centerId: string, enrolmentId: string, day: string) {
  const center = await centerForActor(tx, actor, centerId, 'family.staff');
  const e = await enrolmentAt(tx, actor, center, enrolmentId, day);
  const [existing] = await tx.select().from(familyAttendance).where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor))).limit(1);
  return { center, e, existing };
}

export async function checkIn(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof checkInInput>): Promise<AttendanceView> {
  const day = input.day ?? p.today();
  return p.db.transaction(async (tx) => {
    const { center, e, existing } = await dayRecord(tx, actor, centerId, input.enrolmentId, day);
    if (existing?.checkInAt) throw AppError.conflict('enrolmentId', 'family.alreadyCheckedIn');
    const name = await actorDisplayName(tx, actor);
    const values = { checkInAt: instant(day, input.time), checkInBy: actor.id, checkInByName: name, droppedOffBy: input.droppedOffBy, absence: null, note: null };
    const [row] = existing
      ? await tx.update(familyAttendance).set(values).where(eq(familyAttendance.id, existing.id)).returning(attendanceColumns)
      : await tx.insert(familyAttendance).values({ unitCode: center.unitCode, centerId: center.id, enrolmentId: e.id, personId: e.personId, day, ...values }).returning(attendanceColumns);
    await appendAudit(tx, actor, { action: 'family.attendance.checkIn', entityType: 'person', entityId: e.personId, unitCode: center.unitCode, detail: { day, droppedOffBy: input.droppedOffBy } });
    return toAttendance(row);
  });
}

export async function checkOut(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof checkOutInput>): Promise<AttendanceView> {
  const day = input.day ?? p.today();
  return p.db.transaction(async (tx) => {
    const { center, e, existing } = await dayRecord(tx, actor, centerId, input.enrolmentId, day);
    if (!existing?.checkInAt) throw AppError.conflict('enrolmentId', 'family.notCheckedIn');
    if (existing.checkOutAt) throw AppError.conflict('enrolmentId', 'family.alreadyCheckedOut');
    const at = instant(day, input.time);
    if (new Date(at) < new Date(existing.checkInAt)) throw AppError.field('time', 'family.checkOutBeforeIn');
    const [row] = await tx
      .update(familyAttendance)
      .set({ checkOutAt: at, checkOutBy: actor.id, checkOutByName: await actorDisplayName(tx, actor), pickedUpBy: input.pickedUpBy, pickedUpRelation: input.pickedUpRelation })
      .where(eq(familyAttendance.id, existing.id))
      .returning(attendanceColumns);
    await appendAudit(tx, actor, { action: 'family.attendance.checkOut', entityType: 'person', entityId: e.personId, unitCode: center.unitCode, detail: { day, pickedUpBy: input.pickedUpBy, relation: input.pickedUpRelation } });
    return toAttendance(row);
  });
}

export async function markAbsent(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof absentInput>): Promise<AttendanceView> {
  const day = input.day ?? p.today();
  return p.db.transaction(async (tx) => {
    const { center, e, existing } = await dayRecord(tx, actor, centerId, input.enrolmentId, day);
    if (existing?.checkInAt) throw AppError.conflict('enrolmentId', 'family.alreadyCheckedIn');
    const values = { absence: input.absence, note: input.note ?? null };
    const [row] = existing
      ? await tx.update(familyAttendance).set(values).where(eq(familyAttendance.id, existing.id)).returning(attendanceColumns)
      : await tx.insert(familyAttendance).values({ unitCode: center.unitCode, centerId: center.id, enrolmentId: e.id, personId: e.personId, day, ...values }).returning(attendanceColumns);
    await appendAudit(tx, actor, { action: 'family.attendance.absent', entityType: 'person', entityId: e.personId, unitCode: center.unitCode, detail: { day, absence: input.absence } });
    return toAttendance(row);
  });
}
