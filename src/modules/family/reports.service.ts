import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { centerForActor } from '../admission/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { familyAttendance, familyDailyReports, familyReportPhotos } from './schema.ts';
import type { ReportInput, ReportView } from './contract.ts';
import { MAX_PHOTO_BYTES, enrolmentAt, iso } from './shared.ts';

export async function reportViews(ex: Executor, where: ReturnType<typeof and>): Promise<ReportView[]> {
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
