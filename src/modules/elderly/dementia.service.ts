/** The dementia screening loop of a person (screen → early intervention → graded referral → care → closed), audited. */
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addDays } from '../../app/dates.ts';
import { appendAudit } from '../audit/index.ts';
import { persons } from '../people/index.ts';
import { DEMENTIA_LOOP, checkScreen, screenPositive, stepDementiaCase } from './dementia.ts';
import { elderlyDementiaCases } from './schema.ts';
import { actorName, elderlyPersonInScope } from './common.service.ts';
import { dementiaToView } from './profiles.service.ts';
import type { DementiaCaseView, StepInput } from './contract.ts';
import type { z } from 'zod';
import type { dementiaQuery, screenInput } from './contract.ts';

/** Records a screen: a positive one opens a case due for early intervention; a negative one is closed at once. */
export async function screenDementia(p: Platform, actor: Actor, personId: string, input: z.infer<typeof screenInput>): Promise<DementiaCaseView> {
  requirePermission(actor, 'elderly.assess');
  const issue = checkScreen(input.tool, input.score, input.education);
  if (issue) throw AppError.field(issue.field, issue.key, issue.params);
  if (input.screenedOn > p.today()) throw AppError.field('screenedOn', 'elderly.dateInFuture');
  return p.db.transaction(async (tx) => {
    const person = await elderlyPersonInScope(tx, actor, personId, p.today());
    const [open] = await tx.select({ id: elderlyDementiaCases.id }).from(elderlyDementiaCases).where(and(eq(elderlyDementiaCases.personId, personId), ne(elderlyDementiaCases.status, 'closed')));
    if (open) throw AppError.field('screenedOn', 'elderly.dementiaCaseOpen');
    const positive = screenPositive(input.tool, input.score, input.education);
    const byName = await actorName(tx, actor);
    const [row] = await tx
      .insert(elderlyDementiaCases)
      .values({
        unitCode: person.unitCode, personId, tool: input.tool, score: input.score, education: input.education, positive, screenedOn: input.screenedOn,
        status: positive ? 'screened' : 'closed', lastStepOn: input.screenedOn, dueOn: positive ? addDays(input.screenedOn, DEMENTIA_LOOP.dueOnOpen) : null,
        outcome: positive ? null : 'negative', closedOn: positive ? null : input.screenedOn, steps: [{ action: 'screen', on: input.screenedOn, byName, note: null }], createdByName: byName,
      })
      .returning();
    await appendAudit(tx, actor, { action: 'elderly.dementia.screen', entityType: 'elderly_dementia_case', entityId: row.id, unitCode: person.unitCode, detail: { personId, tool: input.tool, positive } });
    return dementiaToView(row, person.name, p.today());
  });
}

/** Moves a case one step; an action the state does not allow is refused, nothing changed. */
export async function stepDementia(p: Platform, actor: Actor, id: string, input: StepInput): Promise<DementiaCaseView> {
  requirePermission(actor, 'elderly.assess');
  return p.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ c: elderlyDementiaCases, name: persons.name })
      .from(elderlyDementiaCases)
      .innerJoin(persons, eq(persons.id, elderlyDementiaCases.personId))
      .where(and(eq(elderlyDementiaCases.id, id), inScope(persons.unitCode, actor)))
      .for('update');
    if (!found) throw AppError.notFound();
    const c = found.c;
    if (input.on > p.today()) throw AppError.field('on', 'elderly.dateInFuture');
    const step = stepDementiaCase(c.status, input.action, input.on, c.lastStepOn);
    if (!step.ok) throw AppError.field(step.field, step.key);
    if (input.action === 'refer' && !input.referralLevel) throw AppError.field('referralLevel', 'required');
    if (input.action === 'refer' && !input.institution) throw AppError.field('institution', 'required');
    if (input.action === 'close' && !input.outcome) throw AppError.field('outcome', 'required');
    const byName = await actorName(tx, actor);
    const [row] = await tx
      .update(elderlyDementiaCases)
      .set({
        status: step.to,
        lastStepOn: input.on,
        dueOn: step.dueOn,
        ...(input.action === 'refer' ? { referralLevel: input.referralLevel, institution: input.institution } : {}),
        ...(input.action === 'close' ? { outcome: input.outcome, closedOn: input.on } : {}),
        steps: [...c.steps, { action: input.action, on: input.on, byName, note: input.note || null }],
      })
      .where(eq(elderlyDementiaCases.id, id))
      .returning();
    await appendAudit(tx, actor, { action: 'elderly.dementia.step', entityType: 'elderly_dementia_case', entityId: id, unitCode: c.unitCode, detail: { action: input.action, from: c.status, to: step.to } });
    return dementiaToView(row, found.name, p.today());
  });
}

export async function listDementiaCases(p: Platform, actor: Actor, q: z.infer<typeof dementiaQuery>): Promise<DementiaCaseView[]> {
  requirePermission(actor, 'elderly.read');
  const parts: SQL[] = [inScope(persons.unitCode, actor)];
  if (q.unitCode) parts.push(sql`${persons.unitCode} LIKE ${`${q.unitCode}%`}`);
  if (q.status === 'open') parts.push(ne(elderlyDementiaCases.status, 'closed'));
  if (q.status === 'closed') parts.push(eq(elderlyDementiaCases.status, 'closed'));
  const rows = await p.db.orm
    .select({ c: elderlyDementiaCases, name: persons.name })
    .from(elderlyDementiaCases)
    .innerJoin(persons, eq(persons.id, elderlyDementiaCases.personId))
    .where(and(...parts))
    .orderBy(sql`${elderlyDementiaCases.dueOn} ASC NULLS LAST`, desc(elderlyDementiaCases.screenedOn))
    .limit(500);
  return rows.map((r) => dementiaToView(r.c, r.name, p.today()));
}
