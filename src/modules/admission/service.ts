import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { can, users } from '../access/index.ts';
import { childcareCenters, childcareClasses, childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf, guardianships } from '../guardianship/index.ts';
import { unitNameMap } from '../org/index.ts';
import { persons } from '../people/index.ts';
import { centerForActor, centersOfActor } from './access.ts';
import { allocatePlaces, type Application, type Program } from './matching.ts';
import { lotteryNumber, TIE_BREAK, type PriorityRule } from './priority.ts';
import { admissionApplications, admissionChoices, admissionPrograms, admissionRounds } from './schema.ts';
import { eligibilityProblem, isOfferExpired, nextStatus, offerDeadline, type ApplicationEvent, type ApplicationStatus } from './workflow.ts';
import type { ApplicationInput, ApplicationView, ProgramInput, ProgramView, RoundInput, RoundView } from './contract.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** Rounds the actor may see: those in scope, and the round of the county the actor lives in. */
function roundVisible(actor: Actor): SQL {
  return or(inScope(admissionRounds.unitCode, actor), sql`${actor.scope} LIKE ${admissionRounds.unitCode} || '%'`)!;
}

async function loadRound(ex: Executor, actor: Actor, id: string) {
  const [r] = await ex.select().from(admissionRounds).where(and(eq(admissionRounds.id, id), roundVisible(actor))).limit(1);
  if (!r) throw AppError.notFound();
  return r;
}

/** A round the actor manages: inside the actor's own scope. */
async function managedRound(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'admission.manage');
  const [r] = await ex.select().from(admissionRounds).where(and(eq(admissionRounds.id, id), inScope(admissionRounds.unitCode, actor))).limit(1);
  assertWithinScope(r?.unitCode, actor);
  return r;
}

// ---- rounds -------------------------------------------------------------------------------

function requireAdmissionRole(actor: Actor): void {
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

/** Expires the offers of a round past their deadline and passes the places down the waiting lists. */
export async function expireOffers(p: Platform, actor: Actor, id: string): Promise<{ expired: number; offered: number }> {
  return p.db.transaction(async (tx) => {
    await managedRound(tx, actor, id);
    return expireOffersTx(tx, actor, id, p.today());
  });
}

async function expireOffersTx(tx: Executor, actor: Actor, roundId: string, today: string): Promise<{ expired: number; offered: number }> {
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
async function offerFromWaitlist(tx: Executor, actor: Actor, programId: string, today: string): Promise<boolean> {
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

// ---- programs -----------------------------------------------------------------------------

/** Sets a center's places of one class type in a round, with its priority rules. */
export async function setProgram(p: Platform, actor: Actor, roundId: string, input: ProgramInput): Promise<ProgramView> {
  const id = await p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId, 'admission.places');
    const r = await loadRound(tx, actor, roundId);
    if (r.status !== 'draft' && r.status !== 'open') throw AppError.conflict('places', 'admission.roundAllocated');
    if (!center.unitCode.startsWith(r.unitCode)) throw AppError.field('centerId', 'admission.centerOutsideRound');
    const [cls] = await tx
      .select({ id: childcareClasses.id, classType: childcareClasses.classType })
      .from(childcareClasses)
      .where(and(eq(childcareClasses.id, input.classId), eq(childcareClasses.centerId, center.id), inScope(childcareClasses.unitCode, actor)))
      .limit(1);
    if (!cls) throw AppError.field('classId', 'admission.classNotFound');
    const ruleIds = input.rules.map((x) => x.id);
    if (new Set(ruleIds).size !== ruleIds.length) throw AppError.field('rules', 'admission.duplicateRule');
    const [row] = await tx
      .insert(admissionPrograms)
      .values({ unitCode: center.unitCode, roundId, centerId: center.id, classId: cls.id, classType: cls.classType, places: input.places, rules: input.rules, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [admissionPrograms.roundId, admissionPrograms.centerId, admissionPrograms.classType],
        set: { classId: cls.id, places: input.places, rules: input.rules, updatedBy: actor.id, updatedAt: sql`now()` },
      })
      .returning({ id: admissionPrograms.id });
    await appendAudit(tx, actor, { action: 'admission.program.set', entityType: 'admission_program', entityId: row.id, unitCode: center.unitCode, detail: { round: roundId, classType: cls.classType, places: input.places, rules: input.rules } });
    return row.id;
  });
  return (await listPrograms(p, actor, roundId)).find((x) => x.id === id)!;
}

/**
 * The places of a round, for the parents who choose and the centers and county who set them:
 * every program of the round's county (public information of the county's centers).
 */
export async function listPrograms(p: Platform, actor: Actor, roundId: string): Promise<ProgramView[]> {
  requireAdmissionRole(actor);
  const r = await loadRound(p.db.orm, actor, roundId);
  const rows = await p.db.orm
    .select({
      id: admissionPrograms.id,
      roundId: admissionPrograms.roundId,
      centerId: admissionPrograms.centerId,
      centerName: childcareCenters.name,
      centerUnit: childcareCenters.unitCode,
      affordable: childcareCenters.affordable,
      operatorKind: childcareCenters.operatorKind,
      classId: admissionPrograms.classId,
      className: childcareClasses.name,
      classType: admissionPrograms.classType,
      places: admissionPrograms.places,
      rules: admissionPrograms.rules,
    })
    .from(admissionPrograms)
    .innerJoin(childcareCenters, eq(childcareCenters.id, admissionPrograms.centerId))
    .innerJoin(childcareClasses, eq(childcareClasses.id, admissionPrograms.classId))
    .where(and(eq(admissionPrograms.roundId, roundId), inScope(admissionPrograms.unitCode, { scope: r.unitCode })))
    .orderBy(asc(childcareCenters.name), asc(admissionPrograms.classType));
  const ids = rows.map((x) => x.id);
  const taken = ids.length
    ? await p.db.orm
        .select({ programId: admissionApplications.programId, n: count() })
        .from(admissionApplications)
        .where(and(inArray(admissionApplications.programId, ids), inArray(admissionApplications.status, ['offered', 'accepted'])))
        .groupBy(admissionApplications.programId)
    : [];
  const asked = ids.length
    ? await p.db.orm.select({ programId: admissionChoices.programId, n: count() }).from(admissionChoices).where(inArray(admissionChoices.programId, ids)).groupBy(admissionChoices.programId)
    : [];
  const tm = new Map(taken.map((x) => [x.programId, x.n]));
  const am = new Map(asked.map((x) => [x.programId, x.n]));
  const names = await unitNameMap(p.db.orm, rows.map((x) => x.centerUnit));
  return rows.map(({ centerUnit, ...x }) => ({ ...x, rules: x.rules as ProgramView['rules'], centerUnitName: names.get(centerUnit) ?? centerUnit, taken: tm.get(x.id) ?? 0, applicants: am.get(x.id) ?? 0 }));
}

// ---- applications -------------------------------------------------------------------------

function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

/** A parent applies for a place for their child in an open round. */
export async function apply(p: Platform, actor: Actor, input: ApplicationInput): Promise<ApplicationView> {
  requirePermission(actor, 'admission.apply');
  const today = p.today();
  const id = await p.db.transaction(async (tx) => {
    const link = await assertGuardianOf(tx, actor, input.personId);
    const [child] = await tx.select({ id: persons.id, birthDate: persons.birthDate, unitCode: persons.unitCode }).from(persons).where(and(eq(persons.id, input.personId), inScope(persons.unitCode, actor))).limit(1);
    assertWithinScope(child?.unitCode ?? link.unitCode, actor);
    const r = await loadRound(tx, actor, input.roundId);
    if (r.status !== 'open' || today < r.applyFrom || today > r.applyTo) throw AppError.field('roundId', 'admission.roundClosedForApplications');
    if (!child.unitCode.startsWith(r.unitCode)) throw AppError.field('roundId', 'admission.roundOtherCounty');
    const problem = eligibilityProblem(child.birthDate, input.classType, input.startDate, r.earliestStart);
    if (problem) throw AppError.field(problem === 'startBeforeRound' ? 'startDate' : 'classType', `admission.${problem}`);
    const progs = await tx
      .select({ id: admissionPrograms.id, centerId: admissionPrograms.centerId, classType: admissionPrograms.classType, lon: childcareCenters.lon, lat: childcareCenters.lat })
      .from(admissionPrograms)
      .innerJoin(childcareCenters, eq(childcareCenters.id, admissionPrograms.centerId))
      .where(and(inArray(admissionPrograms.id, input.choices), eq(admissionPrograms.roundId, r.id), inScope(admissionPrograms.unitCode, { scope: r.unitCode })));
    const byId = new Map(progs.map((x) => [x.id, x]));
    for (const c of input.choices) {
      const prog = byId.get(c);
      if (!prog) throw AppError.field('choices', 'admission.programNotInRound');
      if (prog.classType !== input.classType) throw AppError.field('choices', 'admission.programOtherClassType');
    }
    const [open] = await tx
      .select({ id: admissionApplications.id })
      .from(admissionApplications)
      .where(and(eq(admissionApplications.roundId, r.id), eq(admissionApplications.personId, child.id), inArray(admissionApplications.status, ['submitted', 'offered', 'waitlisted', 'accepted']), inScope(admissionApplications.unitCode, actor)))
      .limit(1);
    if (open) throw AppError.conflict('personId', 'admission.alreadyApplied');
    // Siblings: another child of the same guardian enrolled at the chosen center now.
    const siblingCenters = new Set(
      (
        await tx
          .selectDistinct({ centerId: childcareEnrolments.centerId })
          .from(childcareEnrolments)
          .innerJoin(guardianships, and(eq(guardianships.personId, childcareEnrolments.personId), isNull(guardianships.endedAt)))
          .where(and(eq(guardianships.userId, actor.id ?? NO_USER), eq(childcareEnrolments.status, 'active'), sql`${childcareEnrolments.personId} <> ${child.id}`, inScope(guardianships.unitCode, actor)))
      ).map((x) => x.centerId),
    );
    const [me] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id ?? NO_USER)).limit(1);
    const appId = uuidv7();
    await tx.insert(admissionApplications).values({
      id: appId,
      unitCode: child.unitCode,
      roundId: r.id,
      personId: child.id,
      applicantId: actor.id,
      applicantName: me?.name ?? actor.username,
      classType: input.classType,
      careType: input.careType,
      startDate: input.startDate,
      employer: input.employer || null,
      affordableEligible: input.affordableEligible,
      homeLon: input.homeLon ?? null,
      homeLat: input.homeLat ?? null,
      lottery: lotteryNumber(r.seed, appId),
      status: 'submitted',
    });
    await tx.insert(admissionChoices).values(
      input.choices.map((programId, i) => {
        const prog = byId.get(programId)!;
        const distance =
          input.homeLon !== undefined && input.homeLat !== undefined && prog.lon !== null && prog.lat !== null ? Math.round(haversineM(input.homeLon, input.homeLat, prog.lon, prog.lat)) : null;
        return { unitCode: child.unitCode, applicationId: appId, choiceRank: i + 1, programId, distanceM: distance, sibling: siblingCenters.has(prog.centerId) };
      }),
    );
    await appendAudit(tx, actor, { action: 'admission.application.create', entityType: 'admission_application', entityId: appId, unitCode: child.unitCode, detail: { round: r.id, person: child.id, choices: input.choices.length } });
    return appId;
  });
  return getOwnApplication(p, actor, id);
}

const appColumns = {
  id: admissionApplications.id,
  unitCode: admissionApplications.unitCode,
  roundId: admissionApplications.roundId,
  roundName: admissionRounds.name,
  roundStatus: admissionRounds.status,
  personId: admissionApplications.personId,
  childName: persons.name,
  applicantName: admissionApplications.applicantName,
  applicantId: admissionApplications.applicantId,
  classType: admissionApplications.classType,
  careType: admissionApplications.careType,
  startDate: admissionApplications.startDate,
  status: admissionApplications.status,
  programId: admissionApplications.programId,
  choiceRank: admissionApplications.choiceRank,
  offeredOn: admissionApplications.offeredOn,
  offerDeadline: admissionApplications.offerDeadline,
  enrolmentId: admissionApplications.enrolmentId,
  createdAt: admissionApplications.createdAt,
};
type AppRow = { [K in keyof typeof appColumns]: (typeof appColumns)[K]['_']['data'] | ((typeof appColumns)[K]['_']['notNull'] extends true ? never : null) };

async function toViews(ex: Executor, rows: AppRow[]): Promise<ApplicationView[]> {
  if (rows.length === 0) return [];
  const choices = await ex
    .select({
      applicationId: admissionChoices.applicationId,
      rank: admissionChoices.choiceRank,
      programId: admissionChoices.programId,
      centerId: admissionPrograms.centerId,
      centerName: childcareCenters.name,
      classType: admissionPrograms.classType,
      rules: admissionPrograms.rules,
      distanceM: admissionChoices.distanceM,
      sibling: admissionChoices.sibling,
      result: admissionChoices.result,
      priorityRank: admissionChoices.priorityRank,
      applicants: admissionChoices.applicants,
      capacity: admissionChoices.capacity,
      waitlistPosition: admissionChoices.waitlistPosition,
      decidingRule: admissionChoices.decidingRule,
      ownValue: admissionChoices.ownValue,
      otherValue: admissionChoices.otherValue,
    })
    .from(admissionChoices)
    .innerJoin(admissionPrograms, eq(admissionPrograms.id, admissionChoices.programId))
    .innerJoin(childcareCenters, eq(childcareCenters.id, admissionPrograms.centerId))
    .where(inArray(admissionChoices.applicationId, rows.map((r) => r.id)))
    .orderBy(asc(admissionChoices.choiceRank));
  const byApp = new Map<string, ApplicationView['choices']>();
  const centerOfProgram = new Map<string, string>();
  for (const c of choices) {
    centerOfProgram.set(c.programId, c.centerName);
    // The rule as people read it: its kind (the id is the center's own name for it).
    const rule = c.decidingRule === TIE_BREAK ? TIE_BREAK : ((c.rules as PriorityRule[]).find((x) => x.id === c.decidingRule)?.kind ?? c.decidingRule);
    const list = byApp.get(c.applicationId) ?? [];
    list.push({
      rank: c.rank,
      programId: c.programId,
      centerId: c.centerId,
      centerName: c.centerName,
      classType: c.classType,
      distanceM: c.distanceM,
      sibling: c.sibling,
      result: c.result,
      priorityRank: c.priorityRank,
      applicants: c.applicants,
      capacity: c.capacity,
      waitlistPosition: c.waitlistPosition,
      decidingRule: rule,
      ownValue: c.ownValue,
      otherValue: c.otherValue,
    });
    byApp.set(c.applicationId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    roundId: r.roundId,
    roundName: r.roundName,
    roundStatus: r.roundStatus,
    personId: r.personId,
    childName: r.childName,
    applicantName: r.applicantName,
    classType: r.classType,
    careType: r.careType,
    startDate: r.startDate,
    status: r.status,
    offer: r.programId ? { programId: r.programId, centerName: centerOfProgram.get(r.programId) ?? '', choiceRank: r.choiceRank, offeredOn: r.offeredOn, deadline: r.offerDeadline } : null,
    enrolmentId: r.enrolmentId,
    createdAt: new Date(r.createdAt).toISOString(),
    choices: byApp.get(r.id) ?? [],
  }));
}

function appQuery(ex: Executor) {
  return ex
    .select(appColumns)
    .from(admissionApplications)
    .innerJoin(admissionRounds, eq(admissionRounds.id, admissionApplications.roundId))
    .innerJoin(persons, eq(persons.id, admissionApplications.personId));
}

/** The applications of the parent's own children (with every choice's explanation). */
export async function ownApplications(p: Platform, actor: Actor): Promise<ApplicationView[]> {
  requirePermission(actor, 'admission.apply');
  return p.db.transaction(async (tx) => {
    const rows = await appQuery(tx)
      .innerJoin(guardianships, and(eq(guardianships.personId, admissionApplications.personId), isNull(guardianships.endedAt)))
      .where(and(eq(guardianships.userId, actor.id ?? NO_USER), inScope(guardianships.unitCode, actor), inScope(admissionApplications.unitCode, actor)))
      .orderBy(desc(admissionApplications.createdAt));
    for (const r of rows) await appendAudit(tx, actor, { action: 'admission.application.parent_view', entityType: 'admission_application', entityId: r.id, unitCode: r.unitCode });
    return toViews(tx, rows as AppRow[]);
  });
}

async function getOwnApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
  const [row] = await appQuery(p.db.orm).where(and(eq(admissionApplications.id, id), inScope(admissionApplications.unitCode, actor))).limit(1);
  if (!row) throw AppError.notFound();
  await assertGuardianOf(p.db.orm, actor, row.personId);
  return (await toViews(p.db.orm, [row as AppRow]))[0];
}

/** Applications in scope for the county, or those that asked a center's places (the center's own view). */
export async function listApplications(p: Platform, actor: Actor, q: { roundId?: string; status?: ApplicationStatus; centerId?: string }): Promise<ApplicationView[]> {
  return p.db.transaction(async (tx) => {
    const conds: SQL[] = [];
    if (q.roundId) conds.push(eq(admissionApplications.roundId, q.roundId));
    if (q.status) conds.push(eq(admissionApplications.status, q.status));
    let rows: AppRow[];
    if (q.centerId) {
      // A center sees the applications that chose it, whoever's area the child lives in.
      const center = await centerForActor(tx, actor, q.centerId, 'admission.places');
      rows = (await appQuery(tx)
        .where(
          and(
            ...conds,
            sql`EXISTS (SELECT 1 FROM admission_choices ch JOIN admission_programs pr ON pr.id = ch.program_id WHERE ch.application_id = ${admissionApplications.id} AND pr.center_id = ${center.id} AND pr.unit_code LIKE ${`${actor.scope}%`})`,
          ),
        )
        .orderBy(asc(admissionApplications.createdAt))
        .limit(2000)) as AppRow[];
    } else {
      requirePermission(actor, 'admission.manage');
      rows = (await appQuery(tx)
        .where(and(...conds, inScope(admissionApplications.unitCode, actor)))
        .orderBy(asc(admissionApplications.createdAt))
        .limit(2000)) as AppRow[];
    }
    await appendAudit(tx, actor, { action: 'admission.application.list', entityType: 'admission_round', entityId: q.roundId, unitCode: actor.scope, detail: { count: rows.length, center: q.centerId ?? null } });
    return toViews(tx, rows);
  });
}

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

/** The centers (with their classes) whose places the actor may set. */
export async function placeCenters(p: Platform, actor: Actor): Promise<{ id: string; name: string; unitCode: string; classes: { id: string; name: string; classType: ProgramView['classType'] }[] }[]> {
  const centers = await centersOfActor(p.db.orm, actor, 'admission.places');
  if (centers.length === 0) return [];
  const classes = await p.db.orm
    .select({ id: childcareClasses.id, centerId: childcareClasses.centerId, name: childcareClasses.name, classType: childcareClasses.classType })
    .from(childcareClasses)
    .where(and(inArray(childcareClasses.centerId, centers.map((c) => c.id)), inScope(childcareClasses.unitCode, actor), eq(childcareClasses.active, true)))
    .orderBy(asc(childcareClasses.name));
  return centers.map((c) => ({ id: c.id, name: c.name, unitCode: c.unitCode, classes: classes.filter((k) => k.centerId === c.id).map(({ id, name, classType }) => ({ id, name, classType })) }));
}
