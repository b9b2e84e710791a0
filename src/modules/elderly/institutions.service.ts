/**
 * Institutions and beds with the bed indicators of seed 004, and the waiting lists of public
 * homes (入住轮候) ordered by the published rules (waitlist.ts). Scoped by the institution's
 * unit; an applicant must be a person 60+ in the caller's scope.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, isWithinScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { appendAudit } from '../audit/index.ts';
import { findUnit, unitNameMap } from '../org/index.ts';
import { ageOn } from '../people/index.ts';
import { bedIndicators } from './beds.ts';
import { orderWaitingList, reapplyBarredUntil, WAITING_LIST_RULES, type Applicant } from './waitlist.ts';
import { elderlyInstitutions, elderlyWaitlist } from './schema.ts';
import { actorName, elderlyPersonInScope } from './common.service.ts';
import type { BedSummary, InstitutionInput, InstitutionView, WaitingList } from './contract.ts';
import type { AbilityLevel } from './ability.ts';
import type { EconomicStatus, PriorityFlag } from './vocabulary.ts';
import type { z } from 'zod';
import type { applyInput, institutionsQuery, waitDecision } from './contract.ts';

type InstitutionRow = typeof elderlyInstitutions.$inferSelect;

function toView(r: InstitutionRow, names: Map<string, string>, waiting: number): InstitutionView {
  return {
    id: r.id, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, name: r.name, publicHome: r.publicHome, beds: r.beds, nursingBeds: r.nursingBeds, dementiaBeds: r.dementiaBeds,
    occupiedBeds: r.occupiedBeds, socialWorkers: r.socialWorkers, address: r.address, waiting,
    indicators: bedIndicators({ beds: r.beds, nursingBeds: r.nursingBeds, dementiaBeds: r.dementiaBeds, socialWorkers: r.socialWorkers, elderly60: 0 }).filter((i) => i.code !== 'dementiaBedsPer10k'),
  };
}

async function institutionInScope(ex: Executor, actor: Actor, id: string): Promise<InstitutionRow> {
  const [r] = await ex.select().from(elderlyInstitutions).where(and(eq(elderlyInstitutions.id, id), inScope(elderlyInstitutions.unitCode, actor)));
  if (!r) throw AppError.notFound();
  return r;
}

async function waitingCounts(ex: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select({ id: elderlyWaitlist.institutionId, n: sql<number>`count(*)::int` })
    .from(elderlyWaitlist)
    .where(and(eq(elderlyWaitlist.status, 'waiting'), sql`${elderlyWaitlist.institutionId} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`))
    .groupBy(elderlyWaitlist.institutionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function listInstitutions(p: Platform, actor: Actor, q: z.infer<typeof institutionsQuery>): Promise<InstitutionView[]> {
  requirePermission(actor, 'elderly.read');
  const parts: SQL[] = [inScope(elderlyInstitutions.unitCode, actor)];
  if (q.unitCode) parts.push(sql`${elderlyInstitutions.unitCode} LIKE ${`${q.unitCode}%`}`);
  if (q.q) parts.push(sql`${elderlyInstitutions.name} LIKE ${containsPattern(q.q)}`);
  const rows = await p.db.orm.select().from(elderlyInstitutions).where(and(...parts)).orderBy(asc(elderlyInstitutions.unitCode), asc(elderlyInstitutions.name)).limit(1000);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  const waiting = await waitingCounts(p.db.orm, rows.map((r) => r.id));
  return rows.map((r) => toView(r, names, waiting.get(r.id) ?? 0));
}

export async function createInstitution(p: Platform, actor: Actor, input: InstitutionInput): Promise<InstitutionView> {
  requirePermission(actor, 'elderly.institutions');
  const unit = await findUnit(p.db.orm, input.unitCode);
  if (!unit || unit.level < 2) throw AppError.field('unitCode', 'unitNotVillage');
  if (!isWithinScope(input.unitCode, actor)) throw AppError.field('unitCode', 'unitOutOfScope');
  const issues = [
    ...(input.nursingBeds > input.beds ? [{ field: 'nursingBeds', key: 'elderly.moreThanBeds' }] : []),
    ...(input.dementiaBeds > input.beds ? [{ field: 'dementiaBeds', key: 'elderly.moreThanBeds' }] : []),
    ...(input.occupiedBeds > input.beds ? [{ field: 'occupiedBeds', key: 'elderly.moreThanBeds' }] : []),
  ];
  if (issues.length) throw AppError.validation(issues);
  return p.db.transaction(async (tx) => {
    const [dupe] = await tx.select({ id: elderlyInstitutions.id }).from(elderlyInstitutions).where(and(eq(elderlyInstitutions.unitCode, input.unitCode), eq(elderlyInstitutions.name, input.name)));
    if (dupe) throw AppError.field('name', 'elderly.institutionExists');
    const [row] = await tx.insert(elderlyInstitutions).values({ ...input, address: input.address || null }).returning();
    await appendAudit(tx, actor, { action: 'elderly.institution.create', entityType: 'elderly_institution', entityId: row.id, unitCode: row.unitCode, detail: { name: row.name, beds: row.beds } });
    return toView(row, await unitNameMap(tx, [row.unitCode]), 0);
  });
}

/** Beds, nursing and dementia beds, social workers in a unit (default: the caller's), against the 004 targets. */
export async function bedSummary(p: Platform, actor: Actor, unitCode?: string): Promise<BedSummary> {
  requirePermission(actor, 'elderly.read');
  const code = unitCode ?? actor.scope;
  assertWithinScope(code, actor);
  const [t] = await p.db.rows<{ institutions: number; beds: number; nursing: number; dementia: number; workers: number }>(sql`
    SELECT count(*)::int AS institutions, coalesce(sum(beds), 0)::int AS beds, coalesce(sum(nursing_beds), 0)::int AS nursing,
           coalesce(sum(dementia_beds), 0)::int AS dementia, coalesce(sum(social_workers), 0)::int AS workers
    FROM elderly_institutions WHERE ${inScope(sql`unit_code`, actor)} AND unit_code LIKE ${`${code}%`}`);
  const [pop] = await p.db.rows<{ elderly60: number }>(sql`
    SELECT coalesce(elderly_60, 0)::int AS elderly60 FROM org_unit_population WHERE unit_code = ${code} ORDER BY year DESC LIMIT 1`);
  const elderly60 = pop?.elderly60 ?? 0;
  return {
    unitCode: code, institutions: t.institutions, beds: t.beds, nursingBeds: t.nursing, dementiaBeds: t.dementia, socialWorkers: t.workers, elderly60,
    indicators: bedIndicators({ beds: t.beds, nursingBeds: t.nursing, dementiaBeds: t.dementia, socialWorkers: t.workers, elderly60 }),
  };
}

/** The waiting list of a public home in order, each applicant's position and why. */
export async function getWaitingList(p: Platform, actor: Actor, institutionId: string): Promise<WaitingList> {
  requirePermission(actor, 'elderly.read');
  const inst = await institutionInScope(p.db.orm, actor, institutionId);
  const today = p.today();
  const rows = await p.db.rows<{ id: string; person_id: string; name: string; birth_date: string; applied_on: string; economic_status: EconomicStatus | null; flags: PriorityFlag[] | null; level: AbilityLevel | null }>(sql`
    SELECT w.id, w.person_id, p.name, p.birth_date::text, w.applied_on::text, ep.economic_status, ep.flags, la.level
    FROM elderly_waitlist w JOIN persons p ON p.id = w.person_id LEFT JOIN elderly_profiles ep ON ep.person_id = p.id
    LEFT JOIN LATERAL (SELECT a.level FROM elderly_assessments a WHERE a.person_id = p.id ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) la ON true
    WHERE w.institution_id = ${institutionId} AND w.status = 'waiting'`);
  const applicants = rows.map((r) => ({ id: r.id, appliedOn: r.applied_on, age: ageOn(r.birth_date, today), economicStatus: r.economic_status, flags: r.flags ?? [], abilityLevel: r.level, personId: r.person_id, name: r.name }) satisfies Applicant & { personId: string; name: string });
  const placed = orderWaitingList(applicants);
  return {
    institutionId,
    institutionName: inst.name,
    rulesTitle: WAITING_LIST_RULES.title,
    rulesSource: WAITING_LIST_RULES.source,
    entries: placed.map((x) => ({ id: x.applicant.id, personId: x.applicant.personId, personName: x.applicant.name, age: x.applicant.age, appliedOn: x.applicant.appliedOn, group: x.group, outsideQueue: x.outsideQueue, position: x.position, abilityLevel: x.applicant.abilityLevel, why: x.why })),
  };
}

export async function applyForPlace(p: Platform, actor: Actor, institutionId: string, input: z.infer<typeof applyInput>): Promise<WaitingList> {
  requirePermission(actor, 'elderly.write');
  await p.db.transaction(async (tx) => {
    const inst = await institutionInScope(tx, actor, institutionId);
    if (!inst.publicHome) throw AppError.field('institutionId', 'elderly.notPublicHome');
    if (input.appliedOn > p.today()) throw AppError.field('appliedOn', 'elderly.dateInFuture');
    let person;
    try {
      person = await elderlyPersonInScope(tx, actor, input.personId, p.today());
    } catch {
      throw AppError.field('personId', 'elderly.personNotFound');
    }
    const [open] = await tx.select({ id: elderlyWaitlist.id }).from(elderlyWaitlist).where(and(eq(elderlyWaitlist.institutionId, institutionId), eq(elderlyWaitlist.personId, input.personId), eq(elderlyWaitlist.status, 'waiting')));
    if (open) throw AppError.field('personId', 'elderly.alreadyWaiting');
    const withdrawn = await tx.select({ on: elderlyWaitlist.decidedOn }).from(elderlyWaitlist).where(and(eq(elderlyWaitlist.personId, input.personId), eq(elderlyWaitlist.status, 'withdrawn')));
    const barred = reapplyBarredUntil(withdrawn.map((w) => w.on!), input.appliedOn);
    if (barred) throw AppError.field('personId', 'elderly.reapplyBarred', { until: barred });
    const [row] = await tx.insert(elderlyWaitlist).values({ unitCode: inst.unitCode, institutionId, personId: input.personId, appliedOn: input.appliedOn, status: 'waiting', createdByName: await actorName(tx, actor) }).returning();
    await appendAudit(tx, actor, { action: 'elderly.waitlist.apply', entityType: 'elderly_waitlist', entityId: row.id, unitCode: inst.unitCode, detail: { personId: person.id } });
  });
  return getWaitingList(p, actor, institutionId);
}

/** Admits a waiting applicant to the home (taking a bed) or records a withdrawal. */
export async function decideWaiting(p: Platform, actor: Actor, id: string, input: z.infer<typeof waitDecision>): Promise<WaitingList> {
  requirePermission(actor, 'elderly.institutions');
  const institutionId = await p.db.transaction(async (tx) => {
    const [w] = await tx.select().from(elderlyWaitlist).where(and(eq(elderlyWaitlist.id, id), inScope(elderlyWaitlist.unitCode, actor))).for('update');
    if (!w) throw AppError.notFound();
    if (w.status !== 'waiting') throw AppError.field('action', 'elderly.notWaiting');
    if (input.on < w.appliedOn) throw AppError.field('on', 'elderly.beforeLastStep');
    if (input.action === 'admit') {
      const [inst] = await tx.update(elderlyInstitutions).set({ occupiedBeds: sql`${elderlyInstitutions.occupiedBeds} + 1` }).where(and(eq(elderlyInstitutions.id, w.institutionId), sql`${elderlyInstitutions.occupiedBeds} < ${elderlyInstitutions.beds}`)).returning({ id: elderlyInstitutions.id });
      if (!inst) throw AppError.field('action', 'elderly.noFreeBed');
    }
    await tx.update(elderlyWaitlist).set({ status: input.action === 'admit' ? 'admitted' : 'withdrawn', decidedOn: input.on }).where(eq(elderlyWaitlist.id, id));
    await appendAudit(tx, actor, { action: `elderly.waitlist.${input.action}`, entityType: 'elderly_waitlist', entityId: id, unitCode: w.unitCode, detail: { personId: w.personId } });
    return w.institutionId;
  });
  return getWaitingList(p, actor, institutionId);
}
