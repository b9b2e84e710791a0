/**
 * Child-health doctors' records: measurements, screenings with their referrals, the
 * Follow-Up interview, referral steps, vaccinations and newborn visits. Each is checked by
 * the pure rules, written with the child's unit and audited in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { completedMonths, daysBetween } from '../../app/dates.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { users } from '../access/index.ts';
import { devReferrals, devScreenings, growthMeasurements, newbornVisits, vaccinations } from './schema.ts';
import { assessMeasurement } from './measurement.ts';
import { evaluateWarningSigns } from './warningSigns.ts';
import { isMchatAge, mchatOutcome, scoreFollowUp, scoreMchat } from './mchat.ts';
import { applyReferralAction, newReferral, referralLevelFor, type ReferralTrigger } from './referral.ts';
import { checkVaccination, seriesOf } from './immunisation.ts';
import { childForStaff, vaccinationRecords, type Child } from './service.ts';
import { measurementToView, referralToView, screeningToView, vaccinationToView, visitToView } from './views.ts';
import type {
  FollowUpInput,
  MchatInput,
  MeasurementInput,
  MeasurementView,
  ReferralActionInput,
  ReferralView,
  ScreeningView,
  VaccinationInput,
  VaccinationView,
  VisitInput,
  VisitView,
  WarningSignsInput,
} from './contract.ts';

/** Newborn visits fall within the 42-day postnatal period (产后42天) that also bounds the mother's visits. */
export const NEWBORN_VISIT_MAX_DAYS = 42;

async function recorder(ex: Executor, actor: Actor): Promise<{ recordedBy: string | null; recordedByName: string }> {
  if (!actor.id) return { recordedBy: null, recordedByName: actor.username };
  const [u] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id)).limit(1);
  return { recordedBy: actor.id, recordedByName: u?.name ?? actor.username };
}

/** A record's date: not before the child's birth, not after today. */
function checkDate(field: string, date: string, child: Child, today: string): void {
  if (date < child.birthDate) throw AppError.field(field, 'health.beforeBirth');
  if (date > today) throw AppError.field(field, 'health.inFuture');
}

async function writable(p: Platform, tx: Executor, actor: Actor, personId: string): Promise<Child> {
  requirePermission(actor, 'health.write');
  return childForStaff(tx, actor, personId, p.today());
}

export async function recordMeasurement(p: Platform, actor: Actor, personId: string, input: MeasurementInput): Promise<MeasurementView> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const child = await writable(p, tx, actor, personId);
    checkDate('measuredOn', input.measuredOn, child, p.today());
    const ageDays = daysBetween(child.birthDate, input.measuredOn);
    const a = assessMeasurement(child.sex, ageDays, input);
    if (!a.ok) throw AppError.field(a.field, a.key, a.params);
    const [row] = await tx
      .insert(growthMeasurements)
      .values({
        unitCode: child.unitCode,
        personId: child.id,
        measuredOn: input.measuredOn,
        ageDays,
        weightKg: input.weightKg ?? null,
        lengthCm: input.lengthCm ?? null,
        position: input.lengthCm !== undefined ? (input.position ?? null) : null,
        headCm: input.headCm ?? null,
        bmi: a.bmi,
        zWeight: a.z.weightForAge,
        zLength: a.z.lengthForAge,
        zWeightLength: a.z.weightForLength,
        zBmi: a.z.bmiForAge,
        zHead: a.z.headForAge,
        notes: input.notes || null,
        ...(await recorder(tx, actor)),
      })
      .returning();
    await appendAudit(tx, actor, { action: 'health.measurement.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { measurement: row.id } });
    return measurementToView(row);
  });
}

/** Opens the suggested referral of a positive screen, at the level its triggers call for. */
async function suggestReferral(tx: Executor, actor: Actor, child: Child, screeningId: string, on: string, triggers: ReferralTrigger[]): Promise<ReferralView> {
  const r = newReferral(referralLevelFor(triggers));
  const [row] = await tx
    .insert(devReferrals)
    .values({ unitCode: child.unitCode, personId: child.id, screeningId, triggers, level: r.level, status: r.status, suggestedOn: on })
    .returning();
  await appendAudit(tx, actor, { action: 'health.referral.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { referral: row.id, level: r.level, triggers } });
  return referralToView(row);
}

export async function recordWarningSigns(p: Platform, actor: Actor, personId: string, input: WarningSignsInput): Promise<{ screening: ScreeningView; referral: ReferralView | null }> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const child = await writable(p, tx, actor, personId);
    checkDate('screenedOn', input.screenedOn, child, p.today());
    const ageMonths = completedMonths(child.birthDate, input.screenedOn);
    const signs = [...new Set(input.signsPresent)].sort((a, b) => a - b);
    const r = evaluateWarningSigns({ ageMonths, signsPresent: signs, regression: input.regression });
    if (!r.ok) throw r.issue === 'tooYoung' ? AppError.field('screenedOn', 'health.tooYoungForSigns') : AppError.field('signsPresent', 'health.noSuchSign');
    const [row] = await tx
      .insert(devScreenings)
      .values({
        unitCode: child.unitCode,
        personId: child.id,
        instrument: 'warningSigns',
        screenedOn: input.screenedOn,
        ageMonths,
        bandMonths: r.band,
        signsPresent: signs,
        regression: input.regression,
        result: r.result,
        notes: input.notes || null,
        ...(await recorder(tx, actor)),
      })
      .returning();
    await appendAudit(tx, actor, { action: 'health.screening.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { screening: row.id, instrument: 'warningSigns', result: r.result } });
    const triggers = r.reasons.map((x): ReferralTrigger => (x === 'sign' ? 'warningSigns' : 'regression'));
    const referral = r.result === 'positive' ? await suggestReferral(tx, actor, child, row.id, input.screenedOn, triggers) : null;
    return { screening: screeningToView(row), referral };
  });
}

export async function recordMchat(p: Platform, actor: Actor, personId: string, input: MchatInput): Promise<{ screening: ScreeningView; referral: ReferralView | null }> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const child = await writable(p, tx, actor, personId);
    checkDate('screenedOn', input.screenedOn, child, p.today());
    const ageMonths = completedMonths(child.birthDate, input.screenedOn);
    if (!isMchatAge(ageMonths)) throw AppError.field('screenedOn', 'health.mchatAge', { months: ageMonths });
    const s = scoreMchat(input.answers);
    const outcome = mchatOutcome(s, ageMonths);
    const [row] = await tx
      .insert(devScreenings)
      .values({
        unitCode: child.unitCode,
        personId: child.id,
        instrument: 'mchat',
        screenedOn: input.screenedOn,
        ageMonths,
        answers: input.answers,
        score: s.score,
        risk: s.risk,
        result: outcome.result,
        notes: input.notes || null,
        ...(await recorder(tx, actor)),
      })
      .returning();
    await appendAudit(tx, actor, { action: 'health.screening.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { screening: row.id, instrument: 'mchat', risk: s.risk } });
    const referral = outcome.result === 'positive' ? await suggestReferral(tx, actor, child, row.id, input.screenedOn, ['mchat']) : null;
    return { screening: screeningToView(row), referral };
  });
}

/** The M-CHAT-R/F Follow-Up interview of a medium-risk screen. */
export async function recordFollowUp(p: Platform, actor: Actor, screeningId: string, input: FollowUpInput): Promise<{ screening: ScreeningView; referral: ReferralView | null }> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(devScreenings).where(and(eq(devScreenings.id, screeningId), inScope(devScreenings.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    const child = await childForStaff(tx, actor, row.personId, p.today());
    if (row.instrument !== 'mchat' || row.result !== 'followUpNeeded' || !row.answers) throw AppError.conflict('id', 'health.followUpNotNeeded');
    if (input.on < row.screenedOn) throw AppError.field('on', 'health.beforeScreening');
    if (input.on > p.today()) throw AppError.field('on', 'health.inFuture');
    const f = scoreFollowUp(scoreMchat(row.answers).atRiskItems, input.stillAtRisk);
    if (!f.ok) throw AppError.field('stillAtRisk', 'health.notAtRiskItem', { item: f.item });
    const still = [...new Set(input.stillAtRisk)].sort((a, b) => a - b);
    const [updated] = await tx
      .update(devScreenings)
      .set({ followUpOn: input.on, followUpItems: still, followUpScore: f.score, result: f.result })
      .where(eq(devScreenings.id, row.id))
      .returning();
    await appendAudit(tx, actor, { action: 'health.screening.follow_up', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { screening: row.id, result: f.result } });
    const referral = f.result === 'positive' ? await suggestReferral(tx, actor, child, row.id, input.on, ['mchat']) : null;
    return { screening: screeningToView(updated), referral };
  });
}

/** A step of a referral: arranged, result received, closed. */
export async function actOnReferral(p: Platform, actor: Actor, referralId: string, act: ReferralActionInput): Promise<ReferralView> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(devReferrals).where(and(eq(devReferrals.id, referralId), inScope(devReferrals.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    if (act.on > p.today()) throw AppError.field('on', 'health.inFuture');
    if (act.on < row.suggestedOn) throw AppError.field('on', 'health.beforeScreening');
    const r = applyReferralAction(row, act);
    if (!r.ok) throw r.field === 'action' ? AppError.conflict('action', r.key) : AppError.field(r.field, r.key);
    const s = r.state;
    const [updated] = await tx
      .update(devReferrals)
      .set({
        status: s.status,
        level: s.level,
        institution: s.institution,
        referredOn: s.referredOn,
        attendedOn: s.attendedOn,
        result: s.result,
        outcome: s.outcome,
        closedOn: s.closedOn,
        updatedAt: sql`now()`,
      })
      .where(eq(devReferrals.id, row.id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'health.referral.update',
      entityType: 'person',
      entityId: row.personId,
      unitCode: row.unitCode,
      detail: { referral: row.id, action: act.action, status: s.status },
    });
    return referralToView(updated);
  });
}

export async function recordVaccination(p: Platform, actor: Actor, personId: string, input: VaccinationInput): Promise<VaccinationView> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const child = await writable(p, tx, actor, personId);
    const existing = await tx
      .select({ vaccine: vaccinations.vaccine, dose: vaccinations.dose, givenOn: vaccinations.givenOn })
      .from(vaccinations)
      .where(and(eq(vaccinations.personId, child.id), inScope(vaccinations.unitCode, actor)));
    const issue = checkVaccination(child.birthDate, input, vaccinationRecords(existing), p.today());
    if (issue) throw issue.key === 'health.doseRecorded' ? AppError.conflict(issue.field, issue.key) : AppError.field(issue.field, issue.key, issue.params);
    const [row] = await tx
      .insert(vaccinations)
      .values({
        unitCode: child.unitCode,
        personId: child.id,
        vaccine: input.vaccine,
        series: seriesOf(input.vaccine),
        dose: input.dose,
        givenOn: input.givenOn,
        lot: input.lot || null,
        place: input.place || null,
        ...(await recorder(tx, actor)),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw AppError.conflict('dose', 'health.doseRecorded');
    await appendAudit(tx, actor, { action: 'health.vaccination.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { vaccination: row.id, vaccine: row.vaccine, dose: row.dose } });
    return vaccinationToView(row);
  });
}

export async function recordVisit(p: Platform, actor: Actor, personId: string, input: VisitInput): Promise<VisitView> {
  requirePermission(actor, 'health.write');
  return p.db.transaction(async (tx) => {
    const child = await writable(p, tx, actor, personId);
    checkDate('visitedOn', input.visitedOn, child, p.today());
    if (daysBetween(child.birthDate, input.visitedOn) > NEWBORN_VISIT_MAX_DAYS) throw AppError.field('visitedOn', 'health.notNewborn', { days: NEWBORN_VISIT_MAX_DAYS });
    const [row] = await tx
      .insert(newbornVisits)
      .values({
        unitCode: child.unitCode,
        personId: child.id,
        visitedOn: input.visitedOn,
        kind: input.kind,
        weightKg: input.weightKg ?? null,
        feeding: input.feeding ?? null,
        jaundice: input.jaundice,
        umbilicusNormal: input.umbilicusNormal,
        findings: input.findings || null,
        guidance: [...new Set(input.guidance)],
        referred: input.referred,
        ...(await recorder(tx, actor)),
      })
      .returning();
    await appendAudit(tx, actor, { action: 'health.visit.create', entityType: 'person', entityId: child.id, unitCode: child.unitCode, detail: { visit: row.id, kind: row.kind } });
    return visitToView(row, child.birthDate);
  });
}
