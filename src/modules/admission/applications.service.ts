import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { users } from '../access/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf, guardianships } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { lotteryNumber, TIE_BREAK, type PriorityRule } from './priority.ts';
import { centerForActor, loadRound } from './access.ts';
import { admissionApplications, admissionChoices, admissionPrograms, admissionRounds } from './schema.ts';
import { eligibilityProblem, type ApplicationStatus } from './workflow.ts';
import type { ApplicationInput, ApplicationView } from './contract.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';
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

export async function getOwnApplication(p: Platform, actor: Actor, id: string): Promise<ApplicationView> {
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
