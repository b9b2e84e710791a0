/**
 * Profiles (精准画像) of people 60+, their ability assessments (GB/T 42195-2022), annual
 * health assessments (65+) and the needs profile. Every read of a profile is audited; every
 * write is audited in its transaction.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addMonths } from '../../app/dates.ts';
import { containsPattern } from '../../db/like.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { ageOn } from '../people/index.ts';
import { ABILITY_STANDARD, checkScores, eligibleFor, scoreAssessment, type AbilityLevel } from './ability.ts';
import { ageForMonth, monthlyEntitlements } from './allowances.ts';
import { allowedActions } from './dementia.ts';
import { deriveNeeds, isSpecialDifficulty } from './needs.ts';
import { elderlyAssessments, elderlyDementiaCases, elderlyHealthAssessments, elderlyProfiles } from './schema.ts';
import { actorName, currentMonth, elderlyPersonInScope, elderlyRules, latestLevelJoin } from './common.service.ts';
import type { AssessmentInput, AssessmentView, DementiaCaseView, HealthInput, HealthView, ProfileDetail, ProfileInput, ProfileListItem, ProfilesQuery } from './contract.ts';
import type { Facts } from '../subsidies/index.ts';

/** The birth date on or before which a person is 60 or older on a day. */
export const sixtyBy = (today: string) => addMonths(today, -60 * 12);

function profileFilters(actor: Actor, q: Omit<ProfilesQuery, 'page' | 'pageSize'>, today: string): SQL {
  const parts: SQL[] = [inScope(sql`p.unit_code`, actor), sql`p.birth_date <= ${sixtyBy(today)}`];
  if (q.unitCode) parts.push(sql`p.unit_code LIKE ${`${q.unitCode}%`}`);
  if (q.q) parts.push(sql`p.name LIKE ${containsPattern(q.q)}`);
  if (q.livingArrangement) parts.push(sql`ep.living_arrangement = ${q.livingArrangement}`);
  if (q.economicStatus) parts.push(sql`ep.economic_status = ${q.economicStatus}`);
  if (q.abilityLevel === 'notAssessed') parts.push(sql`la.level IS NULL`);
  else if (q.abilityLevel) parts.push(sql`la.level = ${q.abilityLevel}`);
  if (q.ageFrom) parts.push(sql`p.birth_date <= ${addMonths(today, -q.ageFrom * 12)}`);
  return sql.join(parts, sql` AND `);
}

export async function listProfiles(p: Platform, actor: Actor, q: ProfilesQuery): Promise<{ items: ProfileListItem[]; total: number; page: number; pageSize: number }> {
  requirePermission(actor, 'elderly.read');
  const today = p.today();
  const where = profileFilters(actor, q, today);
  const from = sql`FROM persons p LEFT JOIN elderly_profiles ep ON ep.person_id = p.id ${latestLevelJoin('p.id')}`;
  // The count joins the latest assessment only when a level filter needs it.
  const countFrom = q.abilityLevel ? from : sql`FROM persons p LEFT JOIN elderly_profiles ep ON ep.person_id = p.id`;
  const [{ total }] = await p.db.rows<{ total: number }>(sql`SELECT count(*)::int AS total ${countFrom} WHERE ${where}`);
  const rows = await p.db.rows<{ id: string; name: string; sex: 'male' | 'female'; birth_date: string; unit_code: string; person_id: string | null; living_arrangement: string | null; economic_status: string | null; care_mode: string | null; level: AbilityLevel | null; assessed_on: string | null }>(
    sql`SELECT p.id, p.name, p.sex, p.birth_date::text, p.unit_code, ep.person_id, ep.living_arrangement, ep.economic_status, ep.care_mode, la.level, la.assessed_on::text
        ${from} WHERE ${where} ORDER BY p.unit_code, p.name, p.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unit_code));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      personId: r.id,
      name: r.name,
      sex: r.sex,
      age: ageOn(r.birth_date, today),
      unitCode: r.unit_code,
      unitName: names.get(r.unit_code) ?? r.unit_code,
      profiled: r.person_id !== null,
      livingArrangement: r.living_arrangement as ProfileListItem['livingArrangement'],
      economicStatus: r.economic_status as ProfileListItem['economicStatus'],
      careMode: r.care_mode as ProfileListItem['careMode'],
      abilityLevel: r.level,
      assessedOn: r.assessed_on,
    })),
  };
}

function assessmentToView(r: typeof elderlyAssessments.$inferSelect): AssessmentView {
  return { id: r.id, assessedOn: r.assessedOn, reason: r.reason, assessorName: r.assessorName, standardVersion: r.standardVersion, scores: r.scores, dimensionTotals: r.dimensionTotals as AssessmentView['dimensionTotals'], total: r.total, baseLevel: r.baseLevel, level: r.level, coma: r.coma, dementia: r.dementia, riskEvents: r.riskEvents, changes: r.changes };
}

export function healthToView(r: typeof elderlyHealthAssessments.$inferSelect): HealthView {
  const heightCm = Number(r.heightCm);
  const weightKg = Number(r.weightKg);
  return {
    id: r.id, year: r.year, assessedOn: r.assessedOn, smoking: r.smoking, drinking: r.drinking, exercise: r.exercise, systolic: r.systolic, diastolic: r.diastolic, heightCm, weightKg,
    fastingGlucose: r.fastingGlucose === null ? null : Number(r.fastingGlucose), tcmConstitution: r.tcmConstitution as HealthView['tcmConstitution'], selfCare: r.selfCare,
    bmi: Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10, recordedByName: r.recordedByName,
  };
}

export function dementiaToView(r: typeof elderlyDementiaCases.$inferSelect, personName: string, today: string): DementiaCaseView {
  return {
    id: r.id, personId: r.personId, personName, unitCode: r.unitCode, tool: r.tool, score: r.score, education: r.education, positive: r.positive, screenedOn: r.screenedOn, status: r.status,
    dueOn: r.dueOn, overdue: r.status !== 'closed' && r.dueOn !== null && r.dueOn < today, referralLevel: r.referralLevel, institution: r.institution, outcome: r.outcome, closedOn: r.closedOn,
    allowedActions: allowedActions(r.status), steps: r.steps,
  };
}

/** The facts of the elderly rules for a person and month (免申即享: from the records, no application). */
export function personFacts(birthDate: string, month: string, economicStatus: string | null, level: AbilityLevel | null): Facts {
  return { 'person.age': ageForMonth(birthDate, month), 'person.economicStatus': economicStatus, 'person.abilityLevel': level };
}

/** A person's profile with needs and why, assessments, health and the dementia loop (audited). */
export async function getProfile(p: Platform, actor: Actor, personId: string): Promise<ProfileDetail> {
  requirePermission(actor, 'elderly.read');
  const today = p.today();
  return p.db.transaction(async (tx) => {
    const person = await elderlyPersonInScope(tx, actor, personId, today);
    const [profile] = await tx.select().from(elderlyProfiles).where(eq(elderlyProfiles.personId, personId));
    const assessments = await tx.select().from(elderlyAssessments).where(eq(elderlyAssessments.personId, personId)).orderBy(desc(elderlyAssessments.assessedOn), desc(elderlyAssessments.createdAt));
    const health = await tx.select().from(elderlyHealthAssessments).where(eq(elderlyHealthAssessments.personId, personId)).orderBy(desc(elderlyHealthAssessments.year));
    const cases = await tx.select().from(elderlyDementiaCases).where(eq(elderlyDementiaCases.personId, personId)).orderBy(desc(elderlyDementiaCases.screenedOn), desc(elderlyDementiaCases.createdAt));
    const names = await unitNameMap(tx, [person.unitCode]);
    const age = ageOn(person.birthDate, today);
    const level = assessments[0]?.level ?? null;
    const year = Number(today.slice(0, 4));
    const healthAssessedThisYear = health.some((h) => h.year === year);
    const facts = {
      age,
      livingArrangement: profile?.livingArrangement ?? null,
      economicStatus: profile?.economicStatus ?? null,
      healthStatus: profile?.healthStatus ?? null,
      flags: profile?.flags ?? [],
      abilityLevel: level,
      healthAssessedThisYear,
      dementiaOpen: cases.some((c) => c.status !== 'closed'),
    };
    const month = currentMonth(today);
    const entitlements = monthlyEntitlements(await elderlyRules(tx), personFacts(person.birthDate, month, profile?.economicStatus ?? null, level), month);
    await appendAudit(tx, actor, { action: 'elderly.profile.read', entityType: 'person', entityId: personId, unitCode: person.unitCode });
    return {
      personId,
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      age,
      idNumberMasked: person.idMasked,
      unitCode: person.unitCode,
      unitName: names.get(person.unitCode) ?? person.unitCode,
      phone: person.phone,
      address: person.address,
      profile: profile
        ? { household: profile.household, livingArrangement: profile.livingArrangement, economicStatus: profile.economicStatus, healthStatus: profile.healthStatus, careMode: profile.careMode, flags: profile.flags, note: profile.note, updatedByName: profile.updatedByName, updatedAt: new Date(profile.updatedAt).toISOString() }
        : null,
      abilityLevel: level,
      careEligibility: { nursingBed: eligibleFor('nursingBed', level), nursingSubsidy: eligibleFor('nursingSubsidy', level), familyCareBed: eligibleFor('familyCareBed', level) },
      specialDifficulty: isSpecialDifficulty(facts),
      needs: deriveNeeds(facts),
      assessments: assessments.map(assessmentToView),
      health: health.map(healthToView),
      healthDue: age >= 65 && !healthAssessedThisYear,
      dementia: cases.map((c) => dementiaToView(c, person.name, today)),
      entitlements,
      entitlementMonth: month,
    };
  });
}

export async function saveProfile(p: Platform, actor: Actor, personId: string, input: ProfileInput): Promise<ProfileDetail> {
  requirePermission(actor, 'elderly.write');
  await p.db.transaction(async (tx) => {
    const person = await elderlyPersonInScope(tx, actor, personId, p.today());
    const values = { ...input, note: input.note || null, unitCode: person.unitCode, updatedByName: await actorName(tx, actor), updatedAt: new Date().toISOString() };
    await tx.insert(elderlyProfiles).values({ personId, ...values }).onConflictDoUpdate({ target: elderlyProfiles.personId, set: values });
    await appendAudit(tx, actor, { action: 'elderly.profile.save', entityType: 'person', entityId: personId, unitCode: person.unitCode, detail: { livingArrangement: input.livingArrangement, economicStatus: input.economicStatus, careMode: input.careMode } });
  });
  return getProfile(p, actor, personId);
}

/** Records an ability assessment: scored by the standard's data; a person 60+ on the day, not in the future. */
export async function addAssessment(p: Platform, actor: Actor, personId: string, input: AssessmentInput): Promise<AssessmentView> {
  requirePermission(actor, 'elderly.assess');
  const issues = checkScores(input.scores);
  if (input.assessedOn > p.today()) issues.push({ field: 'assessedOn', key: 'elderly.dateInFuture' });
  return p.db.transaction(async (tx) => {
    const person = await elderlyPersonInScope(tx, actor, personId, p.today());
    if (ageOn(person.birthDate, input.assessedOn) < 60) issues.push({ field: 'assessedOn', key: 'elderly.under60' });
    if (issues.length) throw AppError.validation(issues);
    const r = scoreAssessment(input);
    const [row] = await tx
      .insert(elderlyAssessments)
      .values({
        unitCode: person.unitCode, personId, assessedOn: input.assessedOn, reason: input.reason, assessorId: actor.id, assessorName: await actorName(tx, actor), standardVersion: ABILITY_STANDARD.version,
        scores: input.scores, dimensionTotals: r.dimensionTotals, total: r.total, baseLevel: r.baseLevel, level: r.level, coma: input.coma, dementia: input.dementiaOrPsychiatric, riskEvents: input.riskEvents, changes: r.changes,
      })
      .returning();
    await appendAudit(tx, actor, { action: 'elderly.assessment.create', entityType: 'elderly_assessment', entityId: row.id, unitCode: person.unitCode, detail: { personId, total: r.total, level: r.level } });
    return assessmentToView(row);
  });
}

/** The annual health assessment of a resident 65+ (004 §8): one a year. */
export async function addHealthAssessment(p: Platform, actor: Actor, personId: string, input: HealthInput): Promise<HealthView> {
  requirePermission(actor, 'elderly.assess');
  return p.db.transaction(async (tx) => {
    const person = await elderlyPersonInScope(tx, actor, personId, p.today());
    if (input.assessedOn > p.today()) throw AppError.field('assessedOn', 'elderly.dateInFuture');
    if (ageOn(person.birthDate, input.assessedOn) < 65) throw AppError.field('assessedOn', 'elderly.under65');
    if (input.diastolic >= input.systolic) throw AppError.field('diastolic', 'elderly.diastolicAboveSystolic');
    const year = Number(input.assessedOn.slice(0, 4));
    const [done] = await tx.select({ id: elderlyHealthAssessments.id }).from(elderlyHealthAssessments).where(and(eq(elderlyHealthAssessments.personId, personId), eq(elderlyHealthAssessments.year, year)));
    if (done) throw AppError.field('assessedOn', 'elderly.healthYearDone', { year });
    const [row] = await tx.insert(elderlyHealthAssessments).values({ ...input, unitCode: person.unitCode, personId, year, recordedByName: await actorName(tx, actor) }).returning();
    await appendAudit(tx, actor, { action: 'elderly.health.create', entityType: 'elderly_health_assessment', entityId: row.id, unitCode: person.unitCode, detail: { personId, year } });
    return healthToView(row);
  });
}
