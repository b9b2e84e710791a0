/**
 * The elderly rules of SPEC §3.8 applied to records: the proactive list of who is entitled in
 * a month (免申即享: pension increments, nursing subsidy — from the people's records, no
 * application), and front-line care workers with their monthly allowance and the graduates'
 * award instalments.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { unitNameMap } from '../org/index.ts';
import { ageOn } from '../people/index.ts';
import { inEffect, unmetConditions } from '../subsidies/index.ts';
import { graduateInstalments, monthlyEntitlements, workerFacts } from './allowances.ts';
import { elderlyCareWorkers, elderlyInstitutions } from './schema.ts';
import { elderlyRules } from './common.service.ts';
import { personFacts, sixtyBy } from './profiles.service.ts';
import type { EntitledPerson, WorkerInput, WorkerView } from './contract.ts';
import type { AbilityLevel } from './ability.ts';
import type { z } from 'zod';
import type { entitlementsQuery, workersQuery } from './contract.ts';

/** Everyone in scope entitled under an elderly rule in a month, with each amount and the conditions it met. */
export async function listEntitlements(p: Platform, actor: Actor, q: z.infer<typeof entitlementsQuery>): Promise<{ items: EntitledPerson[]; total: number; totalFen: number; page: number; pageSize: number }> {
  requirePermission(actor, 'elderly.read');
  const rules = (await elderlyRules(p.db.orm)).filter((r) => !q.ruleCode || r.code === q.ruleCode);
  const first = `${q.month}-01`;
  const parts: SQL[] = [inScope(sql`p.unit_code`, actor), sql`p.birth_date <= ${sixtyBy(first)}`];
  if (q.unitCode) parts.push(sql`p.unit_code LIKE ${`${q.unitCode}%`}`);
  const rows = await p.db.rows<{ id: string; name: string; birth_date: string; unit_code: string; economic_status: string | null; level: AbilityLevel | null }>(sql`
    SELECT p.id, p.name, p.birth_date::text, p.unit_code, ep.economic_status, la.level
    FROM persons p LEFT JOIN elderly_profiles ep ON ep.person_id = p.id
    LEFT JOIN LATERAL (SELECT a.level FROM elderly_assessments a WHERE a.person_id = p.id AND a.assessed_on < ${first}::date ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) la ON true
    WHERE ${sql.join(parts, sql` AND `)} ORDER BY p.unit_code, p.name, p.id`);
  const entitled = rows
    .map((r) => ({ r, lines: monthlyEntitlements(rules, personFacts(r.birth_date, q.month, r.economic_status, r.level), q.month) }))
    .filter((x) => x.lines.length > 0);
  const pageRows = entitled.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const names = await unitNameMap(p.db.orm, pageRows.map((x) => x.r.unit_code));
  return {
    total: entitled.length,
    totalFen: entitled.reduce((a, x) => a + x.lines.reduce((b, l) => b + l.amountFen, 0), 0),
    page: q.page,
    pageSize: q.pageSize,
    items: pageRows.map(({ r, lines }) => ({ personId: r.id, name: r.name, age: ageOn(r.birth_date, first), unitCode: r.unit_code, unitName: names.get(r.unit_code) ?? r.unit_code, lines, totalFen: lines.reduce((a, l) => a + l.amountFen, 0) })),
  };
}

type WorkerRow = typeof elderlyCareWorkers.$inferSelect;

function workerToView(w: WorkerRow, institutionName: string, rules: Awaited<ReturnType<typeof elderlyRules>>, month: string, today: string): WorkerView {
  const [allowance] = monthlyEntitlements(rules, workerFacts(w.startedOn, w.certificates, month), month, 'elderly.workerAllowance');
  const award = w.graduateEducation ? rules.find((r) => r.kind === 'oneTime' && r.code.startsWith('elderly.graduateAward') && inEffect(r, w.startedOn) && unmetConditions(r, { 'graduate.education': w.graduateEducation }).length === 0) : undefined;
  return {
    id: w.id, institutionId: w.institutionId, institutionName, unitCode: w.unitCode, name: w.name, startedOn: w.startedOn, graduateEducation: w.graduateEducation, certificates: w.certificates,
    allowance: allowance ?? null,
    instalments: award ? graduateInstalments(award.amountFen, w.startedOn).map((i) => ({ ...i, due: i.dueOn <= today })) : [],
  };
}

export async function listWorkers(p: Platform, actor: Actor, q: z.infer<typeof workersQuery>): Promise<WorkerView[]> {
  requirePermission(actor, 'elderly.read');
  const parts: SQL[] = [inScope(elderlyCareWorkers.unitCode, actor)];
  if (q.unitCode) parts.push(sql`${elderlyCareWorkers.unitCode} LIKE ${`${q.unitCode}%`}`);
  const rows = await p.db.orm
    .select({ w: elderlyCareWorkers, institutionName: elderlyInstitutions.name })
    .from(elderlyCareWorkers)
    .innerJoin(elderlyInstitutions, eq(elderlyInstitutions.id, elderlyCareWorkers.institutionId))
    .where(and(...parts))
    .orderBy(asc(elderlyCareWorkers.unitCode), asc(elderlyCareWorkers.name))
    .limit(1000);
  const rules = await elderlyRules(p.db.orm);
  return rows.map((r) => workerToView(r.w, r.institutionName, rules, q.month, p.today()));
}

export async function addWorker(p: Platform, actor: Actor, input: WorkerInput): Promise<WorkerView> {
  requirePermission(actor, 'elderly.institutions');
  if (input.startedOn > p.today()) throw AppError.field('startedOn', 'elderly.dateInFuture');
  if (input.graduateEducation && !input.graduatedOn) throw AppError.field('graduatedOn', 'required');
  return p.db.transaction(async (tx) => {
    const [inst] = await tx.select().from(elderlyInstitutions).where(and(eq(elderlyInstitutions.id, input.institutionId), inScope(elderlyInstitutions.unitCode, actor)));
    if (!inst) throw AppError.field('institutionId', 'elderly.institutionNotFound');
    const [row] = await tx.insert(elderlyCareWorkers).values({ ...input, unitCode: inst.unitCode }).returning();
    await appendAudit(tx, actor, { action: 'elderly.worker.create', entityType: 'elderly_care_worker', entityId: row.id, unitCode: inst.unitCode });
    return workerToView(row, inst.name, await elderlyRules(tx), p.today().slice(0, 7), p.today());
  });
}
