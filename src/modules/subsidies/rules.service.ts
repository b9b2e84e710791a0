/** Subsidy rule versions: the dated rules of the catalogue, listed and amended (every change audited). */
import { asc, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { requirePermission, type Actor } from '../../app/scope.ts';
import { addDays } from '../../app/dates.ts';
import type { Executor } from '../../db/client.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName, can } from '../access/index.ts';
import { subsidyRules } from './schema.ts';
import { checkRuleVersion, inEffect, type SubsidyRule } from './rules.ts';
import { CHILDCARE_RULES, CHILDCARE_RULES_SOURCE } from './catalogue.ts';
import type { RuleInput, RuleView } from './contract.ts';

function ruleToView(r: typeof subsidyRules.$inferSelect, today: string): RuleView {
  return { ...r, inEffect: inEffect(r, today) };
}

function toRule(r: typeof subsidyRules.$inferSelect): SubsidyRule {
  return { code: r.code, programme: r.programme, kind: r.kind, unit: r.unit, amountFen: r.amountFen, basis: r.basis, conditions: r.conditions, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo };
}

/** Loads the seed rules of SPEC §3.8 into an empty rule table. */
export async function seedSubsidyRules(ex: Executor): Promise<number> {
  const [{ n }] = await ex.select({ n: sql<number>`count(*)::int` }).from(subsidyRules);
  if (n > 0) return 0;
  await ex.insert(subsidyRules).values(CHILDCARE_RULES.map((r) => ({ ...r, source: CHILDCARE_RULES_SOURCE, createdByName: 'seed' })));
  return CHILDCARE_RULES.length;
}

export async function loadRules(ex: Executor, programme: 'childcare' | 'elderly'): Promise<SubsidyRule[]> {
  const rows = await ex.select().from(subsidyRules).where(eq(subsidyRules.programme, programme)).orderBy(asc(subsidyRules.code), asc(subsidyRules.effectiveFrom));
  return rows.map(toRule);
}

export async function listRules(p: Platform, actor: Actor): Promise<RuleView[]> {
  if (!can(actor.role, 'subsidies.read') && !can(actor.role, 'subsidies.claim')) throw AppError.forbidden();
  const rows = await p.db.orm.select().from(subsidyRules).orderBy(asc(subsidyRules.programme), asc(subsidyRules.code), asc(subsidyRules.effectiveFrom));
  return rows.map((r) => ruleToView(r, p.today()));
}

/**
 * Adds a rule version. An open-ended version of the same code that starts earlier is closed
 * the day before the new one starts (a new policy year replaces the old rate); any other
 * overlap is refused.
 */
export async function addRuleVersion(p: Platform, actor: Actor, input: RuleInput): Promise<RuleView> {
  requirePermission(actor, 'subsidies.rules');
  return p.db.transaction(async (tx) => {
    const versions = await tx.select().from(subsidyRules).where(eq(subsidyRules.code, input.code));
    const previous = versions.find((v) => v.effectiveTo === null && v.effectiveFrom < input.effectiveFrom);
    const others = versions.map((v) => (v === previous ? { ...v, effectiveTo: addDays(input.effectiveFrom, -1) } : v));
    const issue = checkRuleVersion({ ...input }, others);
    if (issue) throw AppError.field(issue.field, issue.key);
    if (previous) {
      await tx.update(subsidyRules).set({ effectiveTo: addDays(input.effectiveFrom, -1) }).where(eq(subsidyRules.id, previous.id));
    }
    const [row] = await tx.insert(subsidyRules).values({ ...input, createdByName: await actorDisplayName(tx, actor) }).returning();
    await appendAudit(tx, actor, {
      action: 'subsidies.rule.create',
      entityType: 'subsidy_rule',
      entityId: row.id,
      unitCode: '3306',
      detail: { code: row.code, amountFen: row.amountFen, effectiveFrom: row.effectiveFrom, closed: previous?.id ?? null },
    });
    return ruleToView(row, p.today());
  });
}
