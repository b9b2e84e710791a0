/** The credit record: writing events by rule, and reading scores by center. */
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { assertWithinScope, inScope, type Actor } from '../../app/scope.ts';
import type { Executor } from '../../db/client.ts';
import { unitNameMap } from '../org/index.ts';
import { childcareCenters } from '../childcare/index.ts';
import { centerForActor, centersVisibleTo } from '../grading/index.ts';
import { creditEvents } from './schema.ts';
import { CREDIT_RULES, creditScore, pointsFor, type CreditRuleCode } from './credit.ts';
import type { CreditSource } from './vocabulary.ts';
import { canRead } from './access.ts';
import { addDays } from '../../app/dates.ts';

export async function recordCredit(tx: Executor, e: { unitCode: string; centerId: string; ruleCode: CreditRuleCode; sourceType: CreditSource; sourceId: string; occurredOn: string }): Promise<void> {
  await tx
    .insert(creditEvents)
    .values({ ...e, points: pointsFor(e.ruleCode), rulesVersion: CREDIT_RULES.version })
    .onConflictDoNothing();
}

/** A center's credit as of a day, from its events in the window. */
export async function creditNow(ex: Executor, centerId: string, today: string): Promise<ReturnType<typeof creditScore>> {
  return creditScore(await ex.select({ points: creditEvents.points, occurredOn: creditEvents.occurredOn }).from(creditEvents).where(eq(creditEvents.centerId, centerId)), today);
}

export async function listCredit(p: Platform, actor: Actor, q: { unitCode?: string; level?: string }) {
  canRead(actor);
  if (q.unitCode) assertWithinScope(q.unitCode, actor);
  const today = p.today();
  const conds: SQL[] = [inScope(childcareCenters.unitCode, actor), centersVisibleTo(actor), inArray(childcareCenters.status, ['filed', 'suspended'])];
  if (q.unitCode) conds.push(like(childcareCenters.unitCode, `${q.unitCode}%`));
  const from = addDays(today, -(CREDIT_RULES.windowDays - 1));
  const rows = await p.db.orm
    .select({
      centerId: childcareCenters.id,
      centerName: childcareCenters.name,
      unitCode: childcareCenters.unitCode,
      points: sql<number>`coalesce((SELECT sum(e.points) FROM credit_events e WHERE e.center_id = ${childcareCenters.id} AND e.occurred_on BETWEEN ${from} AND ${today}), 0)::int`,
      events: sql<number>`(SELECT count(*) FROM credit_events e WHERE e.center_id = ${childcareCenters.id} AND e.occurred_on BETWEEN ${from} AND ${today})::int`,
    })
    .from(childcareCenters)
    .where(and(...conds))
    .orderBy(asc(childcareCenters.unitCode), asc(childcareCenters.name))
    .limit(5000);
  const names = await unitNameMap(p.db.orm, rows.map((r) => r.unitCode));
  const out = rows.map((r) => {
    const s = creditScore(r.events ? [{ points: Number(r.points), occurredOn: today }] : [], today);
    return { centerId: r.centerId, centerName: r.centerName, unitCode: r.unitCode, unitName: names.get(r.unitCode) ?? r.unitCode, score: s.score, level: s.level, jointPunishment: s.jointPunishment, events: Number(r.events) };
  });
  return q.level ? out.filter((r) => r.level === q.level) : out;
}

export async function centerCredit(p: Platform, actor: Actor, centerId: string) {
  canRead(actor);
  const center = await centerForActor(p.db.orm, actor, centerId);
  const history = await p.db.orm.select().from(creditEvents).where(and(eq(creditEvents.centerId, center.id), inScope(creditEvents.unitCode, actor))).orderBy(asc(creditEvents.occurredOn));
  const s = creditScore(history, p.today());
  const names = await unitNameMap(p.db.orm, [center.unitCode]);
  return {
    centerId: center.id,
    centerName: center.name,
    unitCode: center.unitCode,
    unitName: names.get(center.unitCode) ?? center.unitCode,
    score: s.score,
    level: s.level,
    jointPunishment: s.jointPunishment,
    events: s.counted,
    history: history.map((h) => ({ id: h.id, ruleCode: h.ruleCode, points: h.points, sourceType: h.sourceType, sourceId: h.sourceId, occurredOn: h.occurredOn, rulesVersion: h.rulesVersion })),
  };
}
