/**
 * Demo subsidy months, computed by the same rules as the monthly run and written in bulk:
 * the last three ended months of every filed center, the oldest paid, the next approved
 * (partly paid), the latest computed and awaiting approval (some approved); and a few
 * one-time claims.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays, addMonths } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Rng } from '../../app/random.ts';
import { CopyRows } from '../../db/copyRows.ts';
import type { GradeRecord } from '../grading/index.ts';
import { computeMonthlySubsidy, computeOneTimeSubsidy, monthDays } from './monthly.ts';
import { CHILDCARE_RULES } from './catalogue.ts';
import { centerFactSpans, COUNTED_CARE_TYPES } from './run.service.ts';

const COLS = {
  months: ['id', 'unit_code', 'center_id', 'month', 'status', 'children', 'total_fen', 'unmet', 'computed_at', 'computed_by_name', 'approved_at', 'approved_by_name', 'paid_on'],
  lines: ['id', 'unit_code', 'month_id', 'center_id', 'enrolment_id', 'person_id', 'rule_code', 'rate_fen', 'days', 'days_in_month', 'spans', 'amount_fen'],
  claims: ['id', 'unit_code', 'center_id', 'rule_code', 'cost_fen', 'places', 'description', 'status', 'cap_fen', 'amount_fen', 'submitted_by_name', 'submitted_at', 'decided_by_name', 'decided_at', 'decision_comment'],
};

export interface SubsidySeedResult {
  months: number;
  lines: number;
  claims: number;
}

export async function seedSubsidies(p: Platform, rng: Rng): Promise<SubsidySeedResult> {
  const today = p.today();
  const thisMonth = `${today.slice(0, 7)}-01`;
  const months = [3, 2, 1].map((k) => addMonths(thisMonth, -k).slice(0, 7));
  const first = `${months[0]}-01`;
  const last = monthDays(months[2]).at(-1)!;
  const centers = await p.db.rows<{ id: string; unitCode: string; status: 'filed'; affordable: boolean; operatorKind: 'forProfit'; filedOn: string | null }>(sql`
    SELECT id, unit_code AS "unitCode", status, affordable, operator_kind AS "operatorKind", to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "filedOn"
    FROM childcare_centers WHERE status = 'filed' ORDER BY id`);
  const grades = new Map<string, GradeRecord[]>();
  for (const g of await p.db.rows<{ center_id: string; level: GradeRecord['level']; valid_from: string; valid_to: string; ended_on: string | null }>(sql`
    SELECT center_id, level, valid_from::text, valid_to::text, ended_on::text FROM center_grades WHERE valid_to >= ${first} AND valid_from <= ${last}`)) {
    grades.set(g.center_id, [...(grades.get(g.center_id) ?? []), { level: g.level, validFrom: g.valid_from, validTo: g.valid_to, endedOn: g.ended_on }]);
  }
  const enrolments = new Map<string, { enrolmentId: string; personId: string; from: string; to: string | null }[]>();
  for (const e of await p.db.rows<{ id: string; center_id: string; person_id: string; start_date: string; end_date: string | null }>(sql`
    SELECT id, center_id, person_id, start_date::text, end_date::text FROM childcare_enrolments
    WHERE care_type IN (${sql.join(COUNTED_CARE_TYPES.map((c) => sql`${c}`), sql`, `)}) AND start_date <= ${last} AND (end_date IS NULL OR end_date >= ${first}) ORDER BY start_date, id`)) {
    enrolments.set(e.center_id, [...(enrolments.get(e.center_id) ?? []), { enrolmentId: e.id, personId: e.person_id, from: e.start_date, to: e.end_date }]);
  }
  const rows = new CopyRows();
  const lines = new CopyRows();
  for (const c of centers) {
    for (const [k, month] of months.entries()) {
      const r = computeMonthlySubsidy({ month, rules: CHILDCARE_RULES, centerFacts: centerFactSpans(c, grades.get(c.id) ?? [], month), enrolments: enrolments.get(c.id) ?? [] });
      const status = k === 0 ? 'paid' : k === 1 ? (rng.chance(0.5) ? 'paid' : 'approved') : rng.chance(0.3) ? 'approved' : 'computed';
      const monthEnd = monthDays(month).at(-1)!;
      const approvedOn = addDays(monthEnd, rng.int(5, 12)) > today ? today : addDays(monthEnd, rng.int(5, 12));
      const id = uuidv7();
      rows.add('subsidy_months', COLS.months, [
        id, c.unitCode, c.id, month, status, r.children, r.totalFen, JSON.stringify(r.unmet), `${addDays(monthEnd, 1)}T02:00:00+08:00`, '平台月度核算',
        status === 'computed' ? null : `${approvedOn}T10:00:00+08:00`, status === 'computed' ? null : '卫健局 审核', status === 'paid' ? (addDays(approvedOn, 10) > today ? today : addDays(approvedOn, 10)) : null,
      ]);
      for (const l of r.lines) lines.add('subsidy_lines', COLS.lines, [uuidv7(), c.unitCode, id, c.id, l.enrolmentId, l.personId, l.ruleCode, l.rateFen, l.days, l.daysInMonth, JSON.stringify(l.spans), l.amountFen]);
    }
    if (rng.chance(0.08)) {
      const premises = CHILDCARE_RULES.find((x) => x.code === 'childcare.premises')!;
      const cost = rng.int(60, 320) * 1_000_00;
      const status = rng.pick(['submitted', 'approved', 'approved'] as const);
      const cap = computeOneTimeSubsidy(premises, { costFen: cost });
      rows.add('subsidy_claims', COLS.claims, [
        uuidv7(), c.unitCode, c.id, premises.code, cost, null, '新增业务用房改造、基本设施设备配备及场地租赁支出', status, cap.capFen, status === 'approved' ? cap.amountFen : null,
        '园长', `${addDays(today, -rng.int(20, 200))}T10:00:00+08:00`, status === 'approved' ? '卫健局 审核' : null, status === 'approved' ? `${addDays(today, -rng.int(1, 19))}T10:00:00+08:00` : null, null,
      ]);
    }
  }
  await rows.load(p.db);
  await lines.load(p.db);
  return { months: rows.count('subsidy_months'), lines: lines.count('subsidy_lines'), claims: rows.count('subsidy_claims') };
}
