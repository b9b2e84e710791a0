import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { centerForActor } from '../admission/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { familyActivities, familyActivityBookings, familyHomeVisits } from './schema.ts';
import type { ActivityView, HomeVisitView } from './contract.ts';
import type { z } from 'zod';
import type { activityInput, homeVisitInput } from './contract.ts';
import { currentEnrolment, NO_USER, iso } from './shared.ts';

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
