/** One-time claims of centers against the one-time rules in force, with the county decision. */
import { and, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { centerForActor, centersVisibleTo } from '../grading/index.ts';
import { subsidyClaims } from './schema.ts';
import { inEffect, unmetConditions, type Facts, type SubsidyRule } from './rules.ts';
import { computeOneTimeSubsidy } from './monthly.ts';
import type { ClaimDecision, ClaimInput, ClaimView } from './contract.ts';
import { loadRules } from './rules.service.ts';
import { canRead } from './months.service.ts';

function claimToView(r: typeof subsidyClaims.$inferSelect, centerName: string): ClaimView {
  return {
    id: r.id,
    centerId: r.centerId,
    centerName,
    unitCode: r.unitCode,
    ruleCode: r.ruleCode,
    costFen: r.costFen,
    places: r.places,
    description: r.description,
    status: r.status,
    capFen: r.capFen,
    amountFen: r.amountFen,
    submittedByName: r.submittedByName,
    submittedAt: r.submittedAt,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
  };
}

/** The one-time rule in force today for a code, and whether the center meets its conditions. */
async function oneTimeRule(ex: Executor, code: string, today: string): Promise<SubsidyRule> {
  const rules = (await loadRules(ex, 'childcare')).filter((r) => r.code === code && r.kind === 'oneTime' && inEffect(r, today));
  if (rules.length === 0) throw AppError.field('ruleCode', 'subsidies.noSuchOneTimeRule');
  return rules[0];
}

export async function submitClaim(p: Platform, actor: Actor, input: ClaimInput): Promise<ClaimView> {
  requirePermission(actor, 'subsidies.claim');
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, input.centerId);
    const rule = await oneTimeRule(tx, input.ruleCode, p.today());
    if (rule.unit === 'place' && !input.places) throw AppError.field('places', 'required');
    const facts: Facts = { 'center.filed': center.status === 'filed', 'center.affordable': center.affordable, 'center.operatorKind': center.operatorKind };
    const unmet = unmetConditions(rule, facts);
    if (unmet.length) throw AppError.field('ruleCode', 'subsidies.conditionUnmet', { fact: unmet[0].fact });
    const [live] = await tx.select({ id: subsidyClaims.id }).from(subsidyClaims).where(and(eq(subsidyClaims.centerId, center.id), eq(subsidyClaims.ruleCode, rule.code), inArray(subsidyClaims.status, ['submitted', 'approved']))).limit(1);
    if (live) throw AppError.conflict('ruleCode', 'subsidies.alreadyClaimed');
    const { capFen } = computeOneTimeSubsidy(rule, { costFen: input.costFen, places: input.places });
    const [row] = await tx
      .insert(subsidyClaims)
      .values({ unitCode: center.unitCode, centerId: center.id, ruleCode: rule.code, costFen: input.costFen, places: rule.unit === 'place' ? input.places! : null, description: input.description, status: 'submitted', capFen, submittedBy: actor.id, submittedByName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'subsidies.claim.submit', entityType: 'subsidy_claim', entityId: row.id, unitCode: row.unitCode, detail: { ruleCode: row.ruleCode, costFen: row.costFen } });
    return claimToView(row, center.name);
  });
}

export async function decideClaim(p: Platform, actor: Actor, id: string, d: ClaimDecision): Promise<ClaimView> {
  requirePermission(actor, 'subsidies.approve');
  return p.db.transaction(async (tx) => {
    const [row] = await tx.select().from(subsidyClaims).where(and(eq(subsidyClaims.id, id), inScope(subsidyClaims.unitCode, actor))).limit(1);
    assertWithinScope(row?.unitCode, actor);
    if (row.status !== 'submitted') throw AppError.conflict('status', 'subsidies.claimDecided');
    const center = await centerForActor(tx, actor, row.centerId);
    const rule = await oneTimeRule(tx, row.ruleCode, p.today());
    const amountFen = d.decision === 'approve' ? computeOneTimeSubsidy(rule, { costFen: row.costFen, places: row.places ?? undefined }).amountFen : null;
    const [updated] = await tx
      .update(subsidyClaims)
      .set({ status: d.decision === 'approve' ? 'approved' : 'rejected', amountFen, decidedBy: actor.id, decidedByName: await actorDisplayName(tx, actor), decidedAt: sql`now()`, decisionComment: d.comment || null })
      .where(eq(subsidyClaims.id, id))
      .returning();
    await appendAudit(tx, actor, { action: `subsidies.claim.${d.decision}`, entityType: 'subsidy_claim', entityId: id, unitCode: row.unitCode, detail: { amountFen } });
    return claimToView(updated, center.name);
  });
}

export async function listClaims(p: Platform, actor: Actor, q: { status?: string; unitCode?: string; centerId?: string }): Promise<ClaimView[]> {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const conds: SQL[] = [inScope(subsidyClaims.unitCode, actor), centersVisibleTo(actor, sql`${subsidyClaims.centerId}`)];
  if (q.status) conds.push(eq(subsidyClaims.status, q.status as 'submitted'));
  if (q.unitCode) conds.push(like(subsidyClaims.unitCode, `${q.unitCode}%`));
  if (q.centerId) conds.push(eq(subsidyClaims.centerId, q.centerId));
  const rows = await p.db.orm
    .select({ claim: subsidyClaims, centerName: childcareCenters.name })
    .from(subsidyClaims)
    .innerJoin(childcareCenters, eq(childcareCenters.id, subsidyClaims.centerId))
    .where(and(...conds))
    .orderBy(desc(subsidyClaims.submittedAt))
    .limit(500);
  return rows.map((r) => claimToView(r.claim, r.centerName));
}
