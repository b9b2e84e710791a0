/**
 * The monthly run over the filed centers in scope (免申即享: computed from enrolment records, no
 * application), each amount explained line by line; re-running a month that is not yet approved
 * replaces it.
 */
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { addDays } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { gradeOn, gradeRecordsOf } from '../grading/index.ts';
import { subsidyLines, subsidyMonths } from './schema.ts';
import { type Facts } from './rules.ts';
import { computeMonthlySubsidy, monthDays, type CenterFactsSpan } from './monthly.ts';
import { loadRules } from './rules.service.ts';

/** Care types counted as enrolled children (生均): hourly and temporary care (计时托、临时托) are not enrolments for the monthly rate. */
export const COUNTED_CARE_TYPES = ['fullDay', 'halfDay'] as const;
type CenterForRun = Pick<typeof childcareCenters.$inferSelect, 'id' | 'unitCode' | 'status' | 'affordable' | 'operatorKind'> & { filedOn: string | null };

/** The center's facts of each day of the month, joined into spans of equal facts. */
export function centerFactSpans(c: CenterForRun, grades: Parameters<typeof gradeOn>[0], month: string): CenterFactsSpan[] {
  const spans: CenterFactsSpan[] = [];
  let key = '';
  for (const day of monthDays(month)) {
    const facts: Facts = {
      'center.filed': c.status === 'filed' && c.filedOn !== null && c.filedOn <= day,
      'center.affordable': c.affordable,
      'center.grade': gradeOn(grades, day),
      'center.operatorKind': c.operatorKind,
    };
    const k = JSON.stringify(facts);
    if (k === key) spans[spans.length - 1].to = day;
    else spans.push({ from: day, to: day, facts });
    key = k;
  }
  return spans;
}

export interface RunResult {
  month: string;
  centers: number;
  computed: number;
  kept: number;
  children: number;
  totalFen: number;
}

/**
 * Computes (or recomputes) the month for every filed center in scope, or under a unit, or
 * one center. Months already approved or paid are kept as they are. A month is computed
 * once it has ended.
 */
export async function computeMonth(p: Platform, actor: Actor, input: { month: string; unitCode?: string; centerId?: string }): Promise<RunResult> {
  requirePermission(actor, 'subsidies.compute');
  if (input.unitCode) assertWithinScope(input.unitCode, actor);
  if (`${input.month}-01` > addDays(p.today().slice(0, 7) + '-01', -1)) throw AppError.field('month', 'subsidies.monthNotEnded');
  const days = monthDays(input.month);
  const first = days[0];
  const last = days[days.length - 1];
  return p.db.transaction(async (tx) => {
    const conds: SQL[] = [inScope(childcareCenters.unitCode, actor), eq(childcareCenters.status, 'filed')];
    if (input.unitCode) conds.push(like(childcareCenters.unitCode, `${input.unitCode}%`));
    if (input.centerId) conds.push(eq(childcareCenters.id, input.centerId));
    const centers: CenterForRun[] = await tx
      .select({
        id: childcareCenters.id,
        unitCode: childcareCenters.unitCode,
        status: childcareCenters.status,
        affordable: childcareCenters.affordable,
        operatorKind: childcareCenters.operatorKind,
        filedOn: sql<string | null>`to_char(${childcareCenters.filedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      })
      .from(childcareCenters)
      .where(and(...conds));
    if (input.centerId && centers.length === 0) throw AppError.notFound();
    const ids = centers.map((c) => c.id);
    const existing = ids.length
      ? await tx.select({ id: subsidyMonths.id, centerId: subsidyMonths.centerId, status: subsidyMonths.status }).from(subsidyMonths).where(and(inArray(subsidyMonths.centerId, ids), eq(subsidyMonths.month, input.month)))
      : [];
    const kept = new Set(existing.filter((e) => e.status !== 'computed').map((e) => e.centerId));
    const toCompute = centers.filter((c) => !kept.has(c.id));
    const computeIds = toCompute.map((c) => c.id);
    const grades = await gradeRecordsOf(tx, computeIds, first, last);
    const rules = await loadRules(tx, 'childcare');
    const enrolments = computeIds.length
      ? await tx
          .select({ enrolmentId: childcareEnrolments.id, centerId: childcareEnrolments.centerId, personId: childcareEnrolments.personId, from: childcareEnrolments.startDate, to: childcareEnrolments.endDate })
          .from(childcareEnrolments)
          .where(
            and(
              inArray(childcareEnrolments.centerId, computeIds),
              inArray(childcareEnrolments.careType, [...COUNTED_CARE_TYPES]),
              sql`${childcareEnrolments.startDate} <= ${last}`,
              sql`(${childcareEnrolments.endDate} IS NULL OR ${childcareEnrolments.endDate} >= ${first})`,
            ),
          )
          .orderBy(asc(childcareEnrolments.startDate), asc(childcareEnrolments.id))
      : [];
    const byCenter = new Map<string, typeof enrolments>();
    for (const e of enrolments) byCenter.set(e.centerId, [...(byCenter.get(e.centerId) ?? []), e]);
    const stale = existing.filter((e) => e.status === 'computed').map((e) => e.id);
    if (stale.length) await tx.delete(subsidyMonths).where(inArray(subsidyMonths.id, stale));
    const name = await actorDisplayName(tx, actor);
    let children = 0;
    let totalFen = 0;
    for (const c of toCompute) {
      const r = computeMonthlySubsidy({ month: input.month, rules, centerFacts: centerFactSpans(c, grades.get(c.id) ?? [], input.month), enrolments: byCenter.get(c.id) ?? [] });
      const monthId = uuidv7();
      await tx.insert(subsidyMonths).values({ id: monthId, unitCode: c.unitCode, centerId: c.id, month: input.month, status: 'computed', children: r.children, totalFen: r.totalFen, unmet: r.unmet, computedByName: name });
      for (let i = 0; i < r.lines.length; i += 500) {
        await tx.insert(subsidyLines).values(
          r.lines.slice(i, i + 500).map((l) => ({ unitCode: c.unitCode, monthId, centerId: c.id, enrolmentId: l.enrolmentId, personId: l.personId, ruleCode: l.ruleCode, rateFen: l.rateFen, days: l.days, daysInMonth: l.daysInMonth, spans: l.spans, amountFen: l.amountFen })),
        );
      }
      await appendAudit(tx, actor, { action: 'subsidies.month.compute', entityType: 'subsidy_month', entityId: monthId, unitCode: c.unitCode, detail: { centerId: c.id, month: input.month, children: r.children, totalFen: r.totalFen } });
      children += r.children;
      totalFen += r.totalFen;
    }
    return { month: input.month, centers: centers.length, computed: toCompute.length, kept: kept.size, children, totalFen };
  });
}
