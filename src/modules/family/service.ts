import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { addDays, dayNumber } from '../../app/dates.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { centerForActor, centersOfActor, type CenterRef } from '../admission/index.ts';
import { childcareCenters, childcareClasses, childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { dishNutrients, FOOD_TABLE, planNutrition, rounded, unknownFoods, type Dish } from './nutrition.ts';
import {
  familyActivities,
  familyActivityBookings,
  familyAttendance,
  familyDailyReports,
  familyHomeVisits,
  familyMealPlans,
  familyMessages,
  familyNotices,
  familyReportPhotos,
} from './schema.ts';
import type {
  ActivityView,
  AttendanceView,
  ChildDayView,
  HomeVisitView,
  MealPlanInput,
  MealPlanView,
  MessageView,
  NoticeView,
  ReportInput,
  ReportView,
  RosterRow,
  ThreadView,
} from './contract.ts';
import type { z } from 'zod';
import type { absentInput, activityInput, checkInInput, checkOutInput, homeVisitInput } from './contract.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';
const MAX_PHOTO_BYTES = 600 * 1024;

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

/** A clock time on a day in Asia/Shanghai as a timestamp; now when no time is given. */
function instant(day: string, time: string | undefined): string {
  return time ? new Date(`${day}T${time}:00+08:00`).toISOString() : new Date().toISOString();
}

/** Monday of the ISO week of a date. */
export function weekStartOf(date: string): string {
  const dow = ((dayNumber(date) + 3) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
  return addDays(date, 1 - dow);
}

function isoWeekday(date: string): number {
  return ((dayNumber(date) + 3) % 7) + 1;
}

/** An enrolment of the center that is current on the day. */
async function enrolmentAt(ex: Executor, actor: Actor, center: CenterRef, enrolmentId: string, day: string) {
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

// ---- staff: centers, roster, attendance --------------------------------------------------

export async function staffCenters(p: Platform, actor: Actor): Promise<{ id: string; name: string; unitCode: string }[]> {
  return (await centersOfActor(p.db.orm, actor, 'family.staff')).map(({ id, name, unitCode }) => ({ id, name, unitCode }));
}

const attendanceColumns = {
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
function toAttendance(a: AttendanceView): AttendanceView {
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

export async function checkIn(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof checkInInput>): Promise<AttendanceView> {
  const day = input.day ?? p.today();
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const e = await enrolmentAt(tx, actor, center, input.enrolmentId, day);
    const [existing] = await tx.select().from(familyAttendance).where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor))).limit(1);
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
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const e = await enrolmentAt(tx, actor, center, input.enrolmentId, day);
    const [existing] = await tx.select().from(familyAttendance).where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor))).limit(1);
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
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const e = await enrolmentAt(tx, actor, center, input.enrolmentId, day);
    const [existing] = await tx.select().from(familyAttendance).where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor))).limit(1);
    if (existing?.checkInAt) throw AppError.conflict('enrolmentId', 'family.alreadyCheckedIn');
    const values = { absence: input.absence, note: input.note ?? null };
    const [row] = existing
      ? await tx.update(familyAttendance).set(values).where(eq(familyAttendance.id, existing.id)).returning(attendanceColumns)
      : await tx.insert(familyAttendance).values({ unitCode: center.unitCode, centerId: center.id, enrolmentId: e.id, personId: e.personId, day, ...values }).returning(attendanceColumns);
    await appendAudit(tx, actor, { action: 'family.attendance.absent', entityType: 'person', entityId: e.personId, unitCode: center.unitCode, detail: { day, absence: input.absence } });
    return toAttendance(row);
  });
}

// ---- daily reports ------------------------------------------------------------------------

async function reportViews(ex: Executor, where: ReturnType<typeof and>): Promise<ReportView[]> {
  const rows = await ex
    .select({
      id: familyDailyReports.id,
      personId: familyDailyReports.personId,
      childName: persons.name,
      day: familyDailyReports.day,
      meals: familyDailyReports.meals,
      napFrom: familyDailyReports.napFrom,
      napTo: familyDailyReports.napTo,
      mood: familyDailyReports.mood,
      activities: familyDailyReports.activities,
      notes: familyDailyReports.notes,
      writtenByName: familyDailyReports.writtenByName,
      updatedAt: familyDailyReports.updatedAt,
    })
    .from(familyDailyReports)
    .innerJoin(persons, eq(persons.id, familyDailyReports.personId))
    .where(where)
    .orderBy(asc(persons.name));
  if (rows.length === 0) return [];
  const photos = await ex
    .select({ id: familyReportPhotos.id, reportId: familyReportPhotos.reportId, caption: familyReportPhotos.caption })
    .from(familyReportPhotos)
    .where(inArray(familyReportPhotos.reportId, rows.map((r) => r.id)))
    .orderBy(asc(familyReportPhotos.createdAt));
  return rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt)!, photos: photos.filter((x) => x.reportId === r.id).map(({ id, caption }) => ({ id, caption })) }));
}

/** Writes (or rewrites) a child's report of the day, with photos. */
export async function writeReport(p: Platform, actor: Actor, centerId: string, input: ReportInput): Promise<ReportView> {
  const day = input.day ?? p.today();
  if (day > p.today()) throw AppError.field('day', 'family.futureDay');
  if ((input.napFrom === undefined) !== (input.napTo === undefined)) throw AppError.field('napTo', 'family.napBothTimes');
  if (input.napFrom && input.napTo && input.napTo <= input.napFrom) throw AppError.field('napTo', 'family.napEndsBeforeStart');
  const meals = new Set(input.meals.map((m) => m.meal));
  if (meals.size !== input.meals.length) throw AppError.field('meals', 'family.duplicateMeal');
  const images = input.photos.map((ph, i) => {
    const bytes = Buffer.from(ph.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) throw AppError.field(`photos.${i}`, 'family.photoSize');
    return { ...ph, bytes };
  });
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const e = await enrolmentAt(tx, actor, center, input.enrolmentId, day);
    // A child not checked in that day (not yet arrived, or recorded absent) has no day at the center to report.
    const [attendance] = await tx
      .select({ checkInAt: familyAttendance.checkInAt, absence: familyAttendance.absence })
      .from(familyAttendance)
      .where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, actor)))
      .limit(1);
    if (!attendance?.checkInAt) throw AppError.field('_', attendance?.absence ? 'family.reportAbsent' : 'family.reportNotCheckedIn');
    const name = await actorDisplayName(tx, actor);
    const values = {
      meals: input.meals,
      napFrom: input.napFrom ?? null,
      napTo: input.napTo ?? null,
      mood: input.mood,
      activities: input.activities,
      notes: input.notes ?? null,
      writtenBy: actor.id,
      writtenByName: name,
      updatedAt: sql`now()`,
    };
    const [existing] = await tx.select({ id: familyDailyReports.id }).from(familyDailyReports).where(and(eq(familyDailyReports.enrolmentId, e.id), eq(familyDailyReports.day, day), inScope(familyDailyReports.unitCode, actor))).limit(1);
    const id = existing?.id ?? uuidv7();
    if (existing) await tx.update(familyDailyReports).set(values).where(eq(familyDailyReports.id, id));
    else await tx.insert(familyDailyReports).values({ id, unitCode: center.unitCode, centerId: center.id, enrolmentId: e.id, personId: e.personId, day, ...values });
    for (const img of images) {
      await tx.insert(familyReportPhotos).values({ unitCode: center.unitCode, reportId: id, mimeType: img.mimeType, sizeBytes: img.bytes.length, content: img.bytes, caption: img.caption ?? null });
    }
    await appendAudit(tx, actor, { action: existing ? 'family.report.update' : 'family.report.create', entityType: 'person', entityId: e.personId, unitCode: center.unitCode, detail: { day, photos: images.length } });
    return (await reportViews(tx, and(eq(familyDailyReports.id, id), inScope(familyDailyReports.unitCode, actor))))[0];
  });
}

export async function centerReports(p: Platform, actor: Actor, centerId: string, day = p.today()): Promise<ReportView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  return reportViews(p.db.orm, and(eq(familyDailyReports.centerId, center.id), eq(familyDailyReports.day, day), inScope(familyDailyReports.unitCode, actor)));
}

/** A report photo, for the center's staff or the child's guardian. */
export async function reportPhoto(p: Platform, actor: Actor, photoId: string): Promise<{ mimeType: string; content: Uint8Array }> {
  const [ph] = await p.db.orm
    .select({ mimeType: familyReportPhotos.mimeType, content: familyReportPhotos.content, unitCode: familyReportPhotos.unitCode, centerId: familyDailyReports.centerId, personId: familyDailyReports.personId })
    .from(familyReportPhotos)
    .innerJoin(familyDailyReports, eq(familyDailyReports.id, familyReportPhotos.reportId))
    .where(eq(familyReportPhotos.id, photoId))
    .limit(1);
  if (!ph) throw AppError.notFound();
  if (actor.role === 'parent') {
    await assertGuardianOf(p.db.orm, actor, ph.personId);
  } else {
    await centerForActor(p.db.orm, actor, ph.centerId, 'family.staff');
  }
  return { mimeType: ph.mimeType, content: ph.content };
}

// ---- messages -----------------------------------------------------------------------------

const messageColumns = {
  id: familyMessages.id,
  personId: familyMessages.personId,
  senderSide: familyMessages.senderSide,
  senderName: familyMessages.senderName,
  body: familyMessages.body,
  createdAt: familyMessages.createdAt,
  readAt: familyMessages.readAt,
};
const toMessage = (m: MessageView): MessageView => ({ ...m, createdAt: iso(m.createdAt)!, readAt: iso(m.readAt) });

/** The children a center has a conversation with: enrolled now, or with messages. */
export async function threads(p: Platform, actor: Actor, centerId: string): Promise<ThreadView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const today = p.today();
  const kids = await p.db.orm
    .selectDistinct({ personId: persons.id, childName: persons.name })
    .from(childcareEnrolments)
    .innerJoin(persons, eq(persons.id, childcareEnrolments.personId))
    .where(and(eq(childcareEnrolments.centerId, center.id), inScope(childcareEnrolments.unitCode, actor), or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, today))));
  const msgs = await p.db.orm
    .select(messageColumns)
    .from(familyMessages)
    .where(and(eq(familyMessages.centerId, center.id), inScope(familyMessages.unitCode, actor)))
    .orderBy(desc(familyMessages.createdAt))
    .limit(2000);
  const out = kids.map((k) => {
    const mine = msgs.filter((m) => m.personId === k.personId);
    return { ...k, last: mine[0] ? toMessage(mine[0]) : null, unread: mine.filter((m) => m.senderSide === 'parent' && !m.readAt).length };
  });
  return out.sort((a, b) => (b.last?.createdAt ?? '').localeCompare(a.last?.createdAt ?? '') || a.childName.localeCompare(b.childName));
}

/** The child's center now (the latest current enrolment), for the parent side. */
async function currentEnrolment(ex: Executor, personId: string, day: string) {
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

/** The conversation of one child, for the center's staff (marks the parents' messages read). */
export async function staffMessages(p: Platform, actor: Actor, centerId: string, personId: string): Promise<MessageView[]> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const where = and(eq(familyMessages.centerId, center.id), eq(familyMessages.personId, personId), inScope(familyMessages.unitCode, actor));
    await tx.update(familyMessages).set({ readAt: sql`now()` }).where(and(where, eq(familyMessages.senderSide, 'parent'), isNull(familyMessages.readAt)));
    return (await tx.select(messageColumns).from(familyMessages).where(where).orderBy(asc(familyMessages.createdAt))).map(toMessage);
  });
}

export async function sendStaffMessage(p: Platform, actor: Actor, centerId: string, personId: string, body: string): Promise<MessageView> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [e] = await tx
      .select({ id: childcareEnrolments.id })
      .from(childcareEnrolments)
      .where(and(eq(childcareEnrolments.centerId, center.id), eq(childcareEnrolments.personId, personId), inScope(childcareEnrolments.unitCode, actor)))
      .limit(1);
    if (!e) throw AppError.field('personId', 'family.notAtCenter');
    const [m] = await tx
      .insert(familyMessages)
      .values({ unitCode: center.unitCode, centerId: center.id, personId, senderId: actor.id, senderSide: 'staff', senderName: await actorDisplayName(tx, actor), body })
      .returning(messageColumns);
    await appendAudit(tx, actor, { action: 'family.message.send', entityType: 'person', entityId: personId, unitCode: center.unitCode, detail: { side: 'staff' } });
    return toMessage(m);
  });
}

/** The parent's conversation with the child's center (marks the staff's messages read). */
export async function parentMessages(p: Platform, actor: Actor, personId: string): Promise<MessageView[]> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) return [];
    const where = and(eq(familyMessages.centerId, e.centerId), eq(familyMessages.personId, personId), inScope(familyMessages.unitCode, { scope: e.unitCode }));
    await tx.update(familyMessages).set({ readAt: sql`now()` }).where(and(where, eq(familyMessages.senderSide, 'staff'), isNull(familyMessages.readAt)));
    return (await tx.select(messageColumns).from(familyMessages).where(where).orderBy(asc(familyMessages.createdAt))).map(toMessage);
  });
}

export async function sendParentMessage(p: Platform, actor: Actor, personId: string, body: string): Promise<MessageView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) throw AppError.field('personId', 'family.notEnrolled');
    const [m] = await tx
      .insert(familyMessages)
      .values({ unitCode: e.unitCode, centerId: e.centerId, personId, senderId: actor.id, senderSide: 'parent', senderName: await actorDisplayName(tx, actor), body })
      .returning(messageColumns);
    await appendAudit(tx, actor, { action: 'family.message.send', entityType: 'person', entityId: personId, unitCode: e.unitCode, detail: { side: 'parent' } });
    return toMessage(m);
  });
}

// ---- notices ------------------------------------------------------------------------------

const noticeColumns = {
  id: familyNotices.id,
  centerName: childcareCenters.name,
  title: familyNotices.title,
  body: familyNotices.body,
  publishedAt: familyNotices.publishedAt,
  authorName: familyNotices.authorName,
};

export async function centerNotices(p: Platform, actor: Actor, centerId: string): Promise<NoticeView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const rows = await p.db.orm
    .select(noticeColumns)
    .from(familyNotices)
    .innerJoin(childcareCenters, eq(childcareCenters.id, familyNotices.centerId))
    .where(and(eq(familyNotices.centerId, center.id), inScope(familyNotices.unitCode, actor)))
    .orderBy(desc(familyNotices.publishedAt));
  return rows.map((n) => ({ ...n, publishedAt: iso(n.publishedAt)! }));
}

export async function publishNotice(p: Platform, actor: Actor, centerId: string, input: { title: string; body: string }): Promise<NoticeView> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [n] = await tx
      .insert(familyNotices)
      .values({ unitCode: center.unitCode, centerId: center.id, title: input.title, body: input.body, authorId: actor.id, authorName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'family.notice.publish', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { notice: n.id, title: input.title } });
    return { id: n.id, centerName: center.name, title: n.title, body: n.body, publishedAt: iso(n.publishedAt)!, authorName: n.authorName };
  });
}

// ---- meal plans ---------------------------------------------------------------------------

function planView(center: { id: string; name: string }, weekStart: string, row: { id: string; dishes: Dish[]; updatedByName: string } | undefined): MealPlanView {
  const dishes = row?.dishes ?? [];
  const { days, dailyAverage } = planNutrition(dishes);
  return {
    id: row?.id ?? null,
    centerId: center.id,
    centerName: center.name,
    weekStart,
    dishes: dishes.map((d) => ({ ...d, nutrients: rounded(dishNutrients(d)) })),
    days,
    dailyAverage,
    source: FOOD_TABLE.edition,
    updatedByName: row?.updatedByName ?? null,
  };
}

export async function mealPlan(p: Platform, actor: Actor, centerId: string, weekStart?: string): Promise<MealPlanView> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const week = weekStartOf(weekStart ?? p.today());
  const [row] = await p.db.orm
    .select({ id: familyMealPlans.id, dishes: familyMealPlans.dishes, updatedByName: familyMealPlans.updatedByName })
    .from(familyMealPlans)
    .where(and(eq(familyMealPlans.centerId, center.id), eq(familyMealPlans.weekStart, week), inScope(familyMealPlans.unitCode, actor)))
    .limit(1);
  return planView(center, week, row);
}

export async function saveMealPlan(p: Platform, actor: Actor, centerId: string, input: MealPlanInput): Promise<MealPlanView> {
  if (weekStartOf(input.weekStart) !== input.weekStart) throw AppError.field('weekStart', 'family.weekStartMonday');
  const unknown = unknownFoods(input.dishes);
  if (unknown.length) throw AppError.field('dishes', 'family.unknownFood', { foods: unknown.join(', ') });
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const name = await actorDisplayName(tx, actor);
    const [row] = await tx
      .insert(familyMealPlans)
      .values({ unitCode: center.unitCode, centerId: center.id, weekStart: input.weekStart, dishes: input.dishes, updatedBy: actor.id, updatedByName: name })
      .onConflictDoUpdate({ target: [familyMealPlans.centerId, familyMealPlans.weekStart], set: { dishes: input.dishes, updatedBy: actor.id, updatedByName: name, updatedAt: sql`now()` } })
      .returning({ id: familyMealPlans.id, dishes: familyMealPlans.dishes, updatedByName: familyMealPlans.updatedByName });
    await appendAudit(tx, actor, { action: 'family.mealPlan.save', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { weekStart: input.weekStart, dishes: input.dishes.length } });
    return planView(center, input.weekStart, row);
  });
}

// ---- parenting-guidance activities and home visits ----------------------------------------

async function activityViews(ex: Executor, centerId: string, unitCode: string, personId: string | null): Promise<ActivityView[]> {
  const rows = await ex
    .select({ id: familyActivities.id, centerName: childcareCenters.name, title: familyActivities.title, description: familyActivities.description, startsAt: familyActivities.startsAt, places: familyActivities.places })
    .from(familyActivities)
    .innerJoin(childcareCenters, eq(childcareCenters.id, familyActivities.centerId))
    .where(and(eq(familyActivities.centerId, centerId), inScope(familyActivities.unitCode, { scope: unitCode })))
    .orderBy(desc(familyActivities.startsAt));
  if (rows.length === 0) return [];
  const booked = await ex
    .select({ activityId: familyActivityBookings.activityId, n: count() })
    .from(familyActivityBookings)
    .where(and(inArray(familyActivityBookings.activityId, rows.map((r) => r.id)), isNull(familyActivityBookings.cancelledAt)))
    .groupBy(familyActivityBookings.activityId);
  const mine = personId
    ? new Set(
        (
          await ex
            .select({ activityId: familyActivityBookings.activityId })
            .from(familyActivityBookings)
            .where(and(eq(familyActivityBookings.personId, personId), isNull(familyActivityBookings.cancelledAt)))
        ).map((x) => x.activityId),
      )
    : new Set<string>();
  const bm = new Map(booked.map((b) => [b.activityId, b.n]));
  return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt)!, booked: bm.get(r.id) ?? 0, mine: mine.has(r.id) }));
}

export async function centerActivities(p: Platform, actor: Actor, centerId: string): Promise<ActivityView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  return activityViews(p.db.orm, center.id, center.unitCode, null);
}

export async function createActivity(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof activityInput>): Promise<ActivityView> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [a] = await tx
      .insert(familyActivities)
      .values({ unitCode: center.unitCode, centerId: center.id, title: input.title, description: input.description ?? null, startsAt: input.startsAt, places: input.places, createdBy: actor.id })
      .returning({ id: familyActivities.id });
    await appendAudit(tx, actor, { action: 'family.activity.create', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { activity: a.id, title: input.title } });
    return (await activityViews(tx, center.id, center.unitCode, null)).find((x) => x.id === a.id)!;
  });
}

export async function parentActivities(p: Platform, actor: Actor, personId: string): Promise<ActivityView[]> {
  requirePermission(actor, 'family.parent');
  await assertGuardianOf(p.db.orm, actor, personId);
  const e = await currentEnrolment(p.db.orm, personId, p.today());
  return e ? activityViews(p.db.orm, e.centerId, e.unitCode, personId) : [];
}

/** A parent books a place at an activity of the child's center ("一键约"). */
export async function bookActivity(p: Platform, actor: Actor, personId: string, activityId: string): Promise<ActivityView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) throw AppError.field('personId', 'family.notEnrolled');
    const [a] = await tx
      .select()
      .from(familyActivities)
      .where(and(eq(familyActivities.id, activityId), eq(familyActivities.centerId, e.centerId), inScope(familyActivities.unitCode, { scope: e.unitCode })))
      .for('update')
      .limit(1);
    if (!a) throw AppError.notFound();
    if (new Date(a.startsAt) < new Date()) throw AppError.conflict('activityId', 'family.activityPast');
    const [{ n }] = await tx.select({ n: count() }).from(familyActivityBookings).where(and(eq(familyActivityBookings.activityId, a.id), isNull(familyActivityBookings.cancelledAt)));
    if (n >= a.places) throw AppError.conflict('activityId', 'family.activityFull');
    const [dup] = await tx.select({ id: familyActivityBookings.id }).from(familyActivityBookings).where(and(eq(familyActivityBookings.activityId, a.id), eq(familyActivityBookings.personId, personId), isNull(familyActivityBookings.cancelledAt))).limit(1);
    if (dup) throw AppError.conflict('activityId', 'family.alreadyBooked');
    await tx.insert(familyActivityBookings).values({ unitCode: e.unitCode, activityId: a.id, personId, userId: actor.id ?? NO_USER });
    await appendAudit(tx, actor, { action: 'family.activity.book', entityType: 'person', entityId: personId, unitCode: e.unitCode, detail: { activity: a.id } });
    return (await activityViews(tx, e.centerId, e.unitCode, personId)).find((x) => x.id === a.id)!;
  });
}

/** A parent cancels the child's booking before the activity starts; the place is free again. */
export async function cancelActivityBooking(p: Platform, actor: Actor, personId: string, activityId: string): Promise<ActivityView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) throw AppError.field('personId', 'family.notEnrolled');
    const [a] = await tx
      .select({ id: familyActivities.id, startsAt: familyActivities.startsAt })
      .from(familyActivities)
      .where(and(eq(familyActivities.id, activityId), eq(familyActivities.centerId, e.centerId), inScope(familyActivities.unitCode, { scope: e.unitCode })))
      .limit(1);
    if (!a) throw AppError.notFound();
    if (new Date(a.startsAt) < new Date()) throw AppError.conflict('activityId', 'family.activityPast');
    const cancelled = await tx
      .update(familyActivityBookings)
      .set({ cancelledAt: sql`now()` })
      .where(and(eq(familyActivityBookings.activityId, a.id), eq(familyActivityBookings.personId, personId), isNull(familyActivityBookings.cancelledAt)))
      .returning({ id: familyActivityBookings.id });
    if (cancelled.length === 0) throw AppError.conflict('activityId', 'family.notBooked');
    await appendAudit(tx, actor, { action: 'family.activity.cancel', entityType: 'person', entityId: personId, unitCode: e.unitCode, detail: { activity: a.id } });
    return (await activityViews(tx, e.centerId, e.unitCode, personId)).find((x) => x.id === a.id)!;
  });
}

export async function homeVisits(p: Platform, actor: Actor, centerId: string): Promise<HomeVisitView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  return p.db.orm
    .select({ id: familyHomeVisits.id, personId: familyHomeVisits.personId, childName: persons.name, visitedOn: familyHomeVisits.visitedOn, visitorName: familyHomeVisits.visitorName, summary: familyHomeVisits.summary, followUp: familyHomeVisits.followUp })
    .from(familyHomeVisits)
    .innerJoin(persons, eq(persons.id, familyHomeVisits.personId))
    .where(and(eq(familyHomeVisits.centerId, center.id), inScope(familyHomeVisits.unitCode, actor)))
    .orderBy(desc(familyHomeVisits.visitedOn));
}

export async function recordHomeVisit(p: Platform, actor: Actor, centerId: string, input: z.infer<typeof homeVisitInput>): Promise<HomeVisitView> {
  if (input.visitedOn > p.today()) throw AppError.field('visitedOn', 'family.futureDay');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [e] = await tx
      .select({ name: persons.name })
      .from(childcareEnrolments)
      .innerJoin(persons, eq(persons.id, childcareEnrolments.personId))
      .where(and(eq(childcareEnrolments.centerId, center.id), eq(childcareEnrolments.personId, input.personId), inScope(childcareEnrolments.unitCode, actor)))
      .limit(1);
    if (!e) throw AppError.field('personId', 'family.notAtCenter');
    const [v] = await tx
      .insert(familyHomeVisits)
      .values({ unitCode: center.unitCode, centerId: center.id, personId: input.personId, visitedOn: input.visitedOn, visitorName: input.visitorName, summary: input.summary, followUp: input.followUp ?? null, recordedBy: actor.id })
      .returning();
    await appendAudit(tx, actor, { action: 'family.homeVisit.record', entityType: 'person', entityId: input.personId, unitCode: center.unitCode, detail: { visit: v.id, visitedOn: input.visitedOn } });
    return { id: v.id, personId: v.personId, childName: e.name, visitedOn: v.visitedOn, visitorName: v.visitorName, summary: v.summary, followUp: v.followUp };
  });
}

// ---- the parent's view of the child's day -------------------------------------------------

export async function childDay(p: Platform, actor: Actor, personId: string, day = p.today()): Promise<ChildDayView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    const link = await assertGuardianOf(tx, actor, personId);
    const [child] = await tx.select({ name: persons.name }).from(persons).where(and(eq(persons.id, personId), inScope(persons.unitCode, actor))).limit(1);
    if (!child) throw AppError.notFound();
    const e = await currentEnrolment(tx, personId, day);
    await appendAudit(tx, actor, { action: 'family.day.parent_view', entityType: 'person', entityId: personId, unitCode: link.unitCode, detail: { day } });
    if (!e) return { personId, childName: child.name, day, enrolment: null, attendance: null, report: null, menu: [], menuTotals: null, notices: [] };
    const centerScope = { scope: e.unitCode };
    const [att] = await tx
      .select(attendanceColumns)
      .from(familyAttendance)
      .where(and(eq(familyAttendance.enrolmentId, e.id), eq(familyAttendance.day, day), inScope(familyAttendance.unitCode, centerScope)))
      .limit(1);
    const [report] = await reportViews(tx, and(eq(familyDailyReports.enrolmentId, e.id), eq(familyDailyReports.day, day), inScope(familyDailyReports.unitCode, centerScope)));
    const [plan] = await tx
      .select({ dishes: familyMealPlans.dishes })
      .from(familyMealPlans)
      .where(and(eq(familyMealPlans.centerId, e.centerId), eq(familyMealPlans.weekStart, weekStartOf(day)), inScope(familyMealPlans.unitCode, centerScope)))
      .limit(1);
    const menu = (plan?.dishes ?? []).filter((d) => d.weekday === isoWeekday(day));
    const notices = await tx
      .select(noticeColumns)
      .from(familyNotices)
      .innerJoin(childcareCenters, eq(childcareCenters.id, familyNotices.centerId))
      .where(and(eq(familyNotices.centerId, e.centerId), inScope(familyNotices.unitCode, centerScope)))
      .orderBy(desc(familyNotices.publishedAt))
      .limit(5);
    return {
      personId,
      childName: child.name,
      day,
      enrolment: { centerId: e.centerId, centerName: e.centerName, className: e.className, careType: e.careType, startDate: e.startDate },
      attendance: att ? toAttendance(att) : null,
      report: report ?? null,
      menu: menu.map((d) => ({ ...d, nutrients: rounded(dishNutrients(d)) })),
      menuTotals: menu.length ? planNutrition(menu).dailyAverage : null,
      notices: notices.map((n) => ({ ...n, publishedAt: iso(n.publishedAt)! })),
    };
  });
}
