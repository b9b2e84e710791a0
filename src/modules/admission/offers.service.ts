import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { centerForActor } from './access.ts';
import { admissionApplications, admissionPrograms } from './schema.ts';
import { isOfferExpired, nextStatus, type ApplicationEvent } from './workflow.ts';
import type { ApplicationView } from './contract.ts';
import { offerFromWaitlist } from './waitlist.service.ts';
import { getOwnApplication } from './applications.service.ts';

/** Loads a parent's own application for a change, checks the event is allowed. */
async function ownForChange(tx: Executor, actor: Actor, id: string, event: ApplicationEvent) {
  requirePermission(actor, 'admission.apply');
  const [a] = await tx.select().from(admissionApplications).where(and(eq(admissionApplications.id, id), inScope(admissionApplications.unitCode, actor))).limit(1);
  assertWithinScope(a?.unitCode, actor);
  await assertGuardianOf(tx, actor, a.personId);
  const next = nextStatus(a.status, event);
  if (!next) throw AppError.conflict('status', `admission.cannot.${event}`);
  return { a, next };
}

/** Accepts an offer: the child is enrolled in the program's class from the start date. */
export async function acceptOffer(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  const today = p.today();
  await p.db.transaction(async (tx) => {
    const { a, next } = await ownForChange(tx, actor, id, 'accept');
    if (isOfferExpired(a.offerDeadline!, today)) throw AppError.conflict('status', 'admission.offerExpired');
    const [prog] = await tx
      .select({ centerId: admissionPrograms.centerId, classId: admissionPrograms.classId, unitCode: admissionPrograms.unitCode })
      .from(admissionPrograms)
      .where(eq(admissionPrograms.id, a.programId!))
      .limit(1);
    const [active] = await tx
      .select({ id: childcareEnrolments.id })
      .from(childcareEnrolments)
      .where(and(eq(childcareEnrolments.personId, a.personId), eq(childcareEnrolments.status, 'active'), eq(childcareEnrolments.centerId, prog.centerId)))
      .limit(1);
    if (active) throw AppError.conflict('personId', 'admission.alreadyEnrolled');
    const enrolmentId = uuidv7();
    await tx.insert(childcareEnrolments).values({
      id: enrolmentId,
      unitCode: prog.unitCode,
      centerId: prog.centerId,
      classId: prog.classId,
      personId: a.personId,
      careType: a.careType,
      startDate: a.startDate,
      status: 'active',
    });
    await tx.update(admissionApplications).set({ status: next, enrolmentId, respondedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(admissionApplications.id, id));
    await appendAudit(tx, actor, { action: 'admission.offer.accept', entityType: 'admission_application', entityId: id, unitCode: a.unitCode, detail: { enrolment: enrolmentId, center: prog.centerId } });
  });
  return getOwnApplication(p, actor, id);
}

export async function declineOffer(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  return changeAndPassOn(p, actor, id, 'decline', 'admission.offer.decline');
}

/** Withdraws an application; a place it held passes to the waiting list. */
export async function withdrawApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  return changeAndPassOn(p, actor, id, 'withdraw', 'admission.application.withdraw');
}

async function changeAndPassOn(p: Platform, actor: Actor, id: string, event: 'decline' | 'withdraw', action: string): Promise<ApplicationView> {
  const today = p.today();
  await p.db.transaction(async (tx) => {
    const { a, next } = await ownForChange(tx, actor, id, event);
    await tx.update(admissionApplications).set({ status: next, respondedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(admissionApplications.id, id));
    await appendAudit(tx, actor, { action, entityType: 'admission_application', entityId: id, unitCode: a.unitCode, detail: { from: a.status } });
    if (a.status === 'offered' && a.programId) await offerFromWaitlist(tx, actor, a.programId, today);
  });
  return getOwnApplication(p, actor, id);
}

/** A child leaves the center (exit): the enrolment ends on the given date. */
export async function exitEnrolment(p: Platform, actor: Actor, applicationId: string, endDate: string): Promise<{ ok: true }> {
  await p.db.transaction(async (tx) => {
    // The center reaches the application through its enrolment (the child may live elsewhere).
    const [a] = await tx
      .select({ id: admissionApplications.id, status: admissionApplications.status, enrolmentId: admissionApplications.enrolmentId, unitCode: admissionApplications.unitCode })
      .from(admissionApplications)
      .innerJoin(childcareEnrolments, eq(childcareEnrolments.id, admissionApplications.enrolmentId))
      .where(and(eq(admissionApplications.id, applicationId), inScope(childcareEnrolments.unitCode, actor)))
      .limit(1);
    if (!a?.enrolmentId) throw AppError.notFound();
    const [e] = await tx.select().from(childcareEnrolments).where(and(eq(childcareEnrolments.id, a.enrolmentId), inScope(childcareEnrolments.unitCode, actor))).limit(1);
    assertWithinScope(e?.unitCode, actor);
    await centerForActor(tx, actor, e.centerId, 'admission.places');
    const next = nextStatus(a.status, 'exit');
    if (!next || e.status !== 'active') throw AppError.conflict('status', 'admission.cannot.exit');
    if (endDate < e.startDate) throw AppError.field('endDate', 'admission.endBeforeStart');
    await tx.update(childcareEnrolments).set({ status: 'ended', endDate }).where(eq(childcareEnrolments.id, e.id));
    await tx.update(admissionApplications).set({ status: next, updatedAt: sql`now()` }).where(eq(admissionApplications.id, a.id));
    await appendAudit(tx, actor, { action: 'admission.enrolment.exit', entityType: 'admission_application', entityId: a.id, unitCode: e.unitCode, detail: { enrolment: e.id, endDate } });
  });
  return { ok: true };
}
