import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { admissionApplications, admissionChoices, admissionPrograms, admissionRounds } from './schema.ts';
import { offerDeadline } from './workflow.ts';
import { managedRound } from './access.ts';

/** Expires the offers of a round past their deadline and passes the places down the waiting lists. */
export async function expireOffers(p: Platform, actor: Actor, id: string): Promise<{ expired: number; offered: number }> {
  return p.db.transaction(async (tx) => {
    await managedRound(tx, actor, id);
    return expireOffersTx(tx, actor, id, p.today());
  });
}

export async function expireOffersTx(tx: Executor, actor: Actor, roundId: string, today: string): Promise<{ expired: number; offered: number }> {
  const due = await tx
    .select({ id: admissionApplications.id, programId: admissionApplications.programId, unitCode: admissionApplications.unitCode, deadline: admissionApplications.offerDeadline })
    .from(admissionApplications)
    .where(and(eq(admissionApplications.roundId, roundId), eq(admissionApplications.status, 'offered'), sql`${admissionApplications.offerDeadline} < ${today}`));
  let offered = 0;
  for (const a of due) {
    await tx.update(admissionApplications).set({ status: 'expired', updatedAt: sql`now()` }).where(eq(admissionApplications.id, a.id));
    await appendAudit(tx, actor, { action: 'admission.offer.expire', entityType: 'admission_application', entityId: a.id, unitCode: a.unitCode, detail: { deadline: a.deadline } });
    if (a.programId && (await offerFromWaitlist(tx, actor, a.programId, today))) offered++;
  }
  return { expired: due.length, offered };
}

/**
 * A place of a program came free (an offer declined, expired or withdrawn): the first on the
 * program's waiting list who is still waiting gets the offer.
 */
export async function offerFromWaitlist(tx: Executor, actor: Actor, programId: string, today: string): Promise<boolean> {
  const [prog] = await tx
    .select({ places: admissionPrograms.places, roundId: admissionPrograms.roundId, answerDays: admissionRounds.answerDays, status: admissionRounds.status })
    .from(admissionPrograms)
    .innerJoin(admissionRounds, eq(admissionRounds.id, admissionPrograms.roundId))
    .where(eq(admissionPrograms.id, programId));
  if (!prog || prog.status !== 'allocated') return false;
  const [taken] = await tx
    .select({ n: count() })
    .from(admissionApplications)
    .where(and(eq(admissionApplications.programId, programId), inArray(admissionApplications.status, ['offered', 'accepted'])));
  if (taken.n >= prog.places) return false;
  const [next] = await tx
    .select({ id: admissionApplications.id, unitCode: admissionApplications.unitCode, rank: admissionChoices.choiceRank, position: admissionChoices.waitlistPosition })
    .from(admissionChoices)
    .innerJoin(admissionApplications, eq(admissionApplications.id, admissionChoices.applicationId))
    .where(and(eq(admissionChoices.programId, programId), eq(admissionChoices.result, 'notOffered'), eq(admissionApplications.status, 'waitlisted')))
    .orderBy(asc(admissionChoices.waitlistPosition))
    .limit(1);
  if (!next) return false;
  await tx
    .update(admissionApplications)
    .set({ status: 'offered', programId, choiceRank: next.rank, offeredOn: today, offerDeadline: offerDeadline(today, prog.answerDays), updatedAt: sql`now()` })
    .where(eq(admissionApplications.id, next.id));
  await appendAudit(tx, actor, { action: 'admission.offer.fromWaitlist', entityType: 'admission_application', entityId: next.id, unitCode: next.unitCode, detail: { program: programId, waitlistPosition: next.position } });
  return true;
}
