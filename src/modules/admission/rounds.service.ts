import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { can } from '../access/index.ts';
import { unitNameMap } from '../org/index.ts';
import { allocatePlaces, type Application, type Program } from './matching.ts';
import { type PriorityRule } from './priority.ts';
import { admissionApplications, admissionChoices, admissionPrograms, admissionRounds } from './schema.ts';
import { offerDeadline } from './workflow.ts';
import type { RoundInput, RoundView } from './contract.ts';
import { managedRound, roundVisible } from './access.ts';
import { expireOffersTx } from './waitlist.service.ts';

export function requireAdmissionRole(actor: Actor): void {
  if (!(['admission.manage', 'admission.places', 'admission.apply'] as const).some((perm) => can(actor.role, perm))) throw AppError.forbidden();
}

export async function listRounds(p: Platform, actor: Actor): Promise<RoundView[]> {
  requireAdmissionRole(actor);
  const rows = await p.db.orm.select().from(admissionRounds).where(roundVisible(actor)).orderBy(desc(admissionRounds.applyFrom));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const progs = await p.db.orm
    .select({ roundId: admissionPrograms.roundId, n: count(), places: sql<number>`coalesce(sum(${admissionPrograms.places}), 0)::int` })
    .from(admissionPrograms)
    .where(inArray(admissionPrograms.roundId, ids))
    .groupBy(admissionPrograms.roundId);
  const apps = await p.db.orm
    .select({ roundId: admissionApplications.roundId, n: count() })
    .from(admissionApplications)
    .where(and(inArray(admissionApplications.roundId, ids), inScope(admissionApplications.unitCode, actor)))
    .groupBy(admissionApplications.roundId);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  const pm = new Map(progs.map((x) => [x.roundId, x]));
  const am = new Map(apps.map((x) => [x.roundId, x.n]));
  return rows.map((r) => ({
    id: r.id,
    unitCode: r.unitCode,
    unitName: names.get(r.unitCode) ?? r.unitCode,
    name: r.name,
    status: r.status,
    applyFrom: r.applyFrom,
    applyTo: r.applyTo,
    earliestStart: r.earliestStart,
    answerDays: r.answerDays,
    allocatedAt: r.allocatedAt ? new Date(r.allocatedAt).toISOString() : null,
    programs: pm.get(r.id)?.n ?? 0,
    places: pm.get(r.id)?.places ?? 0,
    applications: am.get(r.id) ?? 0,
  }));
}

export async function createRound(p: Platform, actor: Actor, input: RoundInput): Promise<RoundView> {
  requirePermission(actor, 'admission.manage');
  if (input.unitCode.length !== 6) throw AppError.field('unitCode', 'admission.roundCounty');
  assertWithinScope(input.unitCode, actor);
  const id = await p.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(admissionRounds)
      .values({
        unitCode: input.unitCode,
        name: input.name,
        status: 'draft',
        applyFrom: input.applyFrom,
        applyTo: input.applyTo,
        earliestStart: input.earliestStart,
        answerDays: input.answerDays,
        seed: (Math.random() * 0x7fffffff) | 0,
        createdBy: actor.id,
      })
      .returning({ id: admissionRounds.id });
    await appendAudit(tx, actor, { action: 'admission.round.create', entityType: 'admission_round', entityId: row.id, unitCode: input.unitCode, detail: { name: input.name } });
    return row.id;
  });
  return (await listRounds(p, actor)).find((r) => r.id === id)!;
}

/** Opens a draft round for applications. */
export async function openRound(p: Platform, actor: Actor, id: string): Promise<RoundView> {
  await p.db.transaction(async (tx) => {
    const r = await managedRound(tx, actor, id);
    if (r.status !== 'draft') throw AppError.conflict('status', 'admission.roundNotDraft');
    await tx.update(admissionRounds).set({ status: 'open' }).where(eq(admissionRounds.id, id));
    await appendAudit(tx, actor, { action: 'admission.round.open', entityType: 'admission_round', entityId: id, unitCode: r.unitCode });
  });
  return (await listRounds(p, actor)).find((r) => r.id === id)!;
}

/**
 * Runs the allocation of an open round: every submitted application against the places of
 * the round's programs, by deferred acceptance with each program's rules; offers go out with
 * the round's answer period, the others wait on the lists of their choices. Every choice
 * keeps its explanation (rank, places, the rule that decided it).
 */
export async function allocateRound(p: Platform, actor: Actor, id: string): Promise<{ roundId: string; applications: number; offered: number; waitlisted: number; firstChoice: number; places: number }> {
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const r = await managedRound(tx, actor, id);
    if (r.status !== 'open') throw AppError.conflict('status', 'admission.roundNotOpen');
    const progs = await tx
      .select({ id: admissionPrograms.id, centerId: admissionPrograms.centerId, places: admissionPrograms.places, rules: admissionPrograms.rules })
      .from(admissionPrograms)
      .where(eq(admissionPrograms.roundId, id));
    // Applications of the whole round: the county runs it for every child who applied.
    const apps = await tx
      .select({ id: admissionApplications.id, employer: admissionApplications.employer, affordable: admissionApplications.affordableEligible, unitCode: admissionApplications.unitCode, lottery: admissionApplications.lottery })
      .from(admissionApplications)
      .where(and(eq(admissionApplications.roundId, id), eq(admissionApplications.status, 'submitted'), inScope(admissionApplications.unitCode, { scope: r.unitCode })))
      .orderBy(asc(admissionApplications.createdAt));
    const choices = await tx
      .select({ applicationId: admissionChoices.applicationId, programId: admissionChoices.programId, rank: admissionChoices.choiceRank, distanceM: admissionChoices.distanceM, sibling: admissionChoices.sibling })
      .from(admissionChoices)
      .innerJoin(admissionApplications, eq(admissionApplications.id, admissionChoices.applicationId))
      .where(and(eq(admissionApplications.roundId, id), eq(admissionApplications.status, 'submitted'), inScope(admissionChoices.unitCode, { scope: r.unitCode })))
      .orderBy(asc(admissionChoices.applicationId), asc(admissionChoices.choiceRank));
    const centerOf = new Map(progs.map((x) => [x.id, x.centerId]));
    const byApp = new Map<string, typeof choices>();
    for (const c of choices) {
      const list = byApp.get(c.applicationId) ?? [];
      list.push(c);
      byApp.set(c.applicationId, list);
    }
    const programs: Program[] = progs.map((x) => ({ id: x.id, centerId: x.centerId, capacity: x.places, rules: x.rules as PriorityRule[] }));
    const applications: Application[] = apps.map((a) => {
      const list = byApp.get(a.id) ?? [];
      return {
        id: a.id,
        choices: list.map((c) => ({ programId: c.programId, distanceM: c.distanceM ?? undefined })),
        facts: {
          employerIds: a.employer ? [a.employer] : [],
          siblingCenterIds: list.filter((c) => c.sibling).map((c) => centerOf.get(c.programId)!),
          affordableEligible: a.affordable,
          unitCode: a.unitCode,
        },
        lottery: a.lottery,
      };
    });
    const outcomes = allocatePlaces({ programs, applications });
    const deadline = offerDeadline(today, r.answerDays);
    const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
    let offered = 0;
    let firstChoice = 0;
    for (const o of outcomes) {
      for (const c of o.choices) {
        await tx
          .update(admissionChoices)
          .set({
            result: c.result,
            priorityRank: c.rank,
            applicants: c.applicants,
            capacity: c.capacity,
            waitlistPosition: c.waitlistPosition,
            decidingRule: c.decidingRule,
            ownValue: finite(c.own),
            otherValue: finite(c.other),
          })
          .where(and(eq(admissionChoices.applicationId, o.applicationId), eq(admissionChoices.programId, c.programId)));
      }
      if (o.programId) {
        offered++;
        if (o.choiceRank === 1) firstChoice++;
        await tx
          .update(admissionApplications)
          .set({ status: 'offered', programId: o.programId, choiceRank: o.choiceRank, offeredOn: today, offerDeadline: deadline, updatedAt: sql`now()` })
          .where(eq(admissionApplications.id, o.applicationId));
      } else {
        await tx.update(admissionApplications).set({ status: 'waitlisted', updatedAt: sql`now()` }).where(eq(admissionApplications.id, o.applicationId));
      }
    }
    await tx.update(admissionRounds).set({ status: 'allocated', allocatedAt: sql`now()`, allocatedBy: actor.id }).where(eq(admissionRounds.id, id));
    const summary = { roundId: id, applications: apps.length, offered, waitlisted: apps.length - offered, firstChoice, places: programs.reduce((s, x) => s + x.capacity, 0) };
    await appendAudit(tx, actor, { action: 'admission.round.allocate', entityType: 'admission_round', entityId: id, unitCode: r.unitCode, detail: summary });
    return summary;
  });
}

/** Closes an allocated round: offers not answered by their deadline expire. */
export async function closeRound(p: Platform, actor: Actor, id: string): Promise<RoundView> {
  await p.db.transaction(async (tx) => {
    const r = await managedRound(tx, actor, id);
    if (r.status !== 'allocated') throw AppError.conflict('status', 'admission.roundNotAllocated');
    await expireOffersTx(tx, actor, id, p.today());
    await tx.update(admissionRounds).set({ status: 'closed' }).where(eq(admissionRounds.id, id));
    await appendAudit(tx, actor, { action: 'admission.round.close', entityType: 'admission_round', entityId: id, unitCode: r.unitCode });
  });
  return (await listRounds(p, actor)).find((r) => r.id === id)!;
}
