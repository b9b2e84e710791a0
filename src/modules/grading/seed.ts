/**
 * Demo grading records on the seeded centers, written in bulk: about two thirds of the
 * eligible filed centers hold a published grade (a few downgraded since), some have an
 * application in progress. The demo operator's center holds grade two.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays, addMonths } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Rng } from '../../app/random.ts';
import { CopyRows } from '../../db/copyRows.ts';
import { CURRENT_STANDARD, LEVEL_SETTINGS, itemsOf, resultLevel, scoreSheet } from './standard.ts';
import { GRADE_LEVELS, type GradeLevel } from './vocabulary.ts';

const APP_COLUMNS = [
  'id', 'unit_code', 'center_id', 'level', 'standard_version', 'status', 'self_scores', 'self_total', 'eligibility', 'submitted_at',
  'onsite_scores', 'onsite_total', 'onsite_on', 'assessors', 'result_level', 'result_reasons', 'assessed_by_name', 'assessed_at', 'published_at', 'published_by_name', 'created_at',
];
const GRADE_COLUMNS = ['id', 'unit_code', 'center_id', 'application_id', 'level', 'valid_from', 'valid_to', 'ended_on', 'end_reason', 'end_comment', 'ended_by_name'];

const TARGETS: Record<GradeLevel, [number, number]> = { cityModel: [905, 970], grade1: [805, 890], grade2: [705, 795], grade3: [610, 695] };

/** A score sheet near a target total: basic items met, the other items scaled. */
function sheetNear(rng: Rng, total: number): Record<string, number> {
  const items = itemsOf(CURRENT_STANDARD);
  const vetoMax = items.filter((i) => i.veto).reduce((s, i) => s + i.max, 0);
  const f = (total - vetoMax) / (1000 - vetoMax);
  return Object.fromEntries(items.map((i) => [i.code, i.veto ? i.max : Math.max(0, Math.min(i.max, Math.round(i.max * f + (rng.next() - 0.5) * 4)))]));
}

export interface GradingSeedResult {
  grades: number;
  applications: number;
}

export async function seedGrading(p: Platform, rng: Rng): Promise<GradingSeedResult> {
  const today = p.today();
  const centers = await p.db.rows<{ id: string; unit_code: string; opened_on: string; demo: boolean }>(sql`
    SELECT c.id, c.unit_code, c.opened_on::text AS opened_on, coalesce(u.username = 'tashan-center', false) AS demo
    FROM childcare_centers c LEFT JOIN users u ON u.id = c.owner_user_id
    WHERE c.status = 'filed' AND c.opened_on IS NOT NULL ORDER BY c.id`);
  const rows = new CopyRows();
  const eligibleFrom = addMonths(today, -LEVEL_SETTINGS.minOperatingMonths);
  for (const c of centers) {
    const eligible = c.opened_on <= eligibleFrom;
    if (!eligible) continue;
    const roll = rng.next();
    if (c.demo || roll < 0.66) {
      const level: GradeLevel = c.demo ? 'grade2' : rng.next() < 0.05 ? 'cityModel' : rng.next() < 0.2 ? 'grade1' : rng.next() < 0.45 ? 'grade2' : 'grade3';
      const [lo, hi] = TARGETS[level];
      const onsite = sheetNear(rng, rng.int(lo, hi));
      const sheet = scoreSheet(CURRENT_STANDARD, onsite);
      const result = resultLevel(LEVEL_SETTINGS, level, sheet);
      const published = [addDays(c.opened_on, LEVEL_SETTINGS.minOperatingMonths * 31 + 30), addDays(today, -rng.int(30, 900))].sort().at(-1)!;
      const publishedOn = published > addDays(today, -7) ? addDays(today, -7) : published;
      const submitted = addDays(publishedOn, -rng.int(25, 60));
      const assessedOn = addDays(publishedOn, -rng.int(5, 15));
      const self = sheetNear(rng, Math.min(1000, sheet.total + rng.int(0, 60)));
      const appId = uuidv7();
      rows.add('grading_applications', APP_COLUMNS, [
        appId, c.unit_code, c.id, level, CURRENT_STANDARD.version, 'published', JSON.stringify(self), scoreSheet(CURRENT_STANDARD, self).total,
        JSON.stringify({ eligible: true, checkedOn: submitted, failures: [] }), `${submitted}T10:00:00+08:00`,
        JSON.stringify(onsite), sheet.total, assessedOn, level === 'cityModel' ? '市卫健委评估组' : '县卫健局评估组', result.level, JSON.stringify(result.reasons),
        level === 'cityModel' ? '市卫健委 王科长' : '县卫健局 评估组', `${assessedOn}T16:00:00+08:00`, `${publishedOn}T09:00:00+08:00`, '卫健局', `${addDays(submitted, -rng.int(3, 20))}T09:00:00+08:00`,
      ]);
      if (!result.level) continue;
      const validTo = addDays(addMonths(publishedOn, 12 * LEVEL_SETTINGS.validityYears), -1);
      const downgrade = !c.demo && result.level !== 'grade3' && rng.chance(0.05) ? addDays(publishedOn, rng.int(60, 300)) : null;
      if (downgrade && downgrade < today) {
        const lower = GRADE_LEVELS[GRADE_LEVELS.indexOf(result.level) + 1];
        rows.add('center_grades', GRADE_COLUMNS, [uuidv7(), c.unit_code, c.id, appId, result.level, publishedOn, validTo, downgrade, 'downgraded', '监督检查发现问题，整改逾期', '县卫健局']);
        rows.add('center_grades', GRADE_COLUMNS, [uuidv7(), c.unit_code, c.id, null, lower, downgrade, validTo, null, null, null, null]);
      } else {
        rows.add('center_grades', GRADE_COLUMNS, [uuidv7(), c.unit_code, c.id, appId, result.level, publishedOn, validTo, null, null, null, null]);
      }
    } else if (roll < 0.82) {
      const status = rng.pick(['draft', 'submitted', 'submitted', 'assessed'] as const);
      const level = rng.pick(['grade1', 'grade2', 'grade3', 'grade3'] as const);
      const self = sheetNear(rng, rng.int(TARGETS[level][0], 1000));
      const submitted = addDays(today, -rng.int(5, 40));
      const onsite = status === 'assessed' ? sheetNear(rng, rng.int(560, 900)) : null;
      const sheet = onsite ? scoreSheet(CURRENT_STANDARD, onsite) : null;
      const result = sheet ? resultLevel(LEVEL_SETTINGS, level, sheet) : null;
      rows.add('grading_applications', APP_COLUMNS, [
        uuidv7(), c.unit_code, c.id, level, CURRENT_STANDARD.version, status, JSON.stringify(self), scoreSheet(CURRENT_STANDARD, self).total,
        status === 'draft' ? null : JSON.stringify({ eligible: true, checkedOn: submitted, failures: [] }), status === 'draft' ? null : `${submitted}T10:00:00+08:00`,
        onsite ? JSON.stringify(onsite) : null, sheet?.total ?? null, onsite ? addDays(submitted, 3) : null, onsite ? '县卫健局评估组' : null, result?.level ?? null, result ? JSON.stringify(result.reasons) : null,
        onsite ? '县卫健局 评估组' : null, onsite ? `${addDays(submitted, 3)}T16:00:00+08:00` : null, null, null, `${addDays(submitted, -3)}T09:00:00+08:00`,
      ]);
    }
  }
  await rows.load(p.db);
  return { grades: rows.count('center_grades'), applications: rows.count('grading_applications') };
}
