/**
 * Demo elderly records, written in bulk: the elderly rules at every scale; then, for the demo
 * and city scales, a public home in every township and private homes in every county with
 * their beds and workers, a profile for every person 60+, ability assessments (GB/T
 * 42195-2022, scored by the same function as the API), this year's health assessments of
 * residents 65+, dementia screens with cases at every step of the loop, and waiting lists.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays, addMonths, daysBetween } from '../../app/dates.ts';
import type { Rng } from '../../app/random.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { CopyRows } from '../../db/copyRows.ts';
import { ageOn } from '../people/index.ts';
import { ABILITY_STANDARD, scoreAssessment, type AbilityLevel } from './ability.ts';
import { DEMENTIA_LOOP, screenPositive } from './dementia.ts';
import { seedElderlyRules } from './rules.service.ts';
import { TCM_CONSTITUTIONS } from './contract.ts';

export interface ElderlySeedResult {
  rules: number;
  institutions: number;
  profiles: number;
  assessments: number;
  healthAssessments: number;
  dementiaCases: number;
  waiting: number;
  workers: number;
}

const COLS = {
  institutions: ['id', 'unit_code', 'name', 'public_home', 'beds', 'nursing_beds', 'dementia_beds', 'occupied_beds', 'social_workers', 'address'],
  workers: ['id', 'unit_code', 'institution_id', 'name', 'started_on', 'graduate_education', 'graduated_on', 'certificates'],
  profiles: ['person_id', 'unit_code', 'household', 'living_arrangement', 'economic_status', 'health_status', 'care_mode', 'flags', 'updated_by_name'],
  assessments: ['id', 'unit_code', 'person_id', 'assessed_on', 'reason', 'assessor_name', 'standard_version', 'scores', 'dimension_totals', 'total', 'base_level', 'level', 'coma', 'dementia', 'risk_events', 'changes'],
  health: ['id', 'unit_code', 'person_id', 'year', 'assessed_on', 'smoking', 'drinking', 'exercise', 'systolic', 'diastolic', 'height_cm', 'weight_kg', 'fasting_glucose', 'tcm_constitution', 'self_care', 'recorded_by_name'],
  dementia: ['id', 'unit_code', 'person_id', 'tool', 'score', 'education', 'positive', 'screened_on', 'status', 'last_step_on', 'due_on', 'referral_level', 'institution', 'outcome', 'closed_on', 'steps', 'created_by_name'],
  waitlist: ['id', 'unit_code', 'institution_id', 'person_id', 'applied_on', 'status', 'created_by_name'],
};

const SURNAMES = ['王', '李', '张', '陈', '刘', '杨', '黄', '吴', '赵', '周', '徐', '孙', '马', '朱', '胡', '沈', '俞', '钱', '金', '楼'];
const GIVEN = ['丽', '敏', '芳', '静', '军', '伟', '洁', '娟', '勇', '燕', '红', '平', '霞', '强', '萍', '斌'];
const ASSESSORS = ['评估员 何丽', '评估员 孟涛', '评估员 沈洁', '评估员 章敏'];
const DOCTORS = ['家庭医生 王建', '家庭医生 吕芳', '家庭医生 周磊'];

function weighted<T extends string>(rng: Rng, table: [T, number][]): T {
  let x = rng.next() * table.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

const LEVEL_RANGE: Record<AbilityLevel, [number, number]> = { intact: [90, 90], mild: [66, 89], moderate: [46, 65], severe: [30, 45], complete: [0, 29] };

/** Item scores with a given total: full marks, then points taken off random items. */
function scoresWithTotal(rng: Rng, total: number): Record<string, number> {
  const items = ABILITY_STANDARD.dimensions.flatMap((d) => d.items);
  const scores = Object.fromEntries(items.map((i) => [i.code, i.max]));
  let off = 90 - total;
  while (off > 0) {
    const i = rng.pick(items);
    if (scores[i.code] > 0) {
      scores[i.code]--;
      off--;
    }
  }
  return scores;
}

export async function seedElderly(p: Platform, rng: Rng, scale: 'base' | 'demo' | 'city'): Promise<ElderlySeedResult> {
  const rules = await seedElderlyRules(p.db.orm);
  const result: ElderlySeedResult = { rules, institutions: 0, profiles: 0, assessments: 0, healthAssessments: 0, dementiaCases: 0, waiting: 0, workers: 0 };
  if (scale === 'base') return result;
  const today = p.today();
  const year = Number(today.slice(0, 4));
  const rows = new CopyRows();

  const units = await p.db.rows<{ code: string; name: string; level: number; kind: string; parent_code: string | null }>(sql`SELECT code, name, level, kind, parent_code FROM org_units WHERE level IN (2, 3, 4) ORDER BY code`);
  const kindOf = new Map(units.map((u) => [u.code, u.kind]));
  const homeOfTownship = new Map<string, string>();
  const addInstitution = (unitCode: string, name: string, publicHome: boolean, beds: number) => {
    const id = uuidv7();
    const nursing = Math.round(beds * (0.45 + rng.next() * 0.4));
    const dementia = Math.min(beds - nursing, rng.int(0, Math.ceil(beds / 12)));
    const workers = Math.max(0, Math.round(beds / 60) + rng.int(-1, 1));
    rows.add('elderly_institutions', COLS.institutions, [id, unitCode, name, publicHome, beds, nursing, dementia, Math.round(beds * (0.6 + rng.next() * 0.3)), workers, null]);
    const staff = rng.int(2, 5);
    for (let i = 0; i < staff; i++) {
      const startedOn = addDays(today, -rng.int(60, 8 * 365));
      const graduate = rng.chance(0.25) ? rng.pick(['bachelorOrAbove', 'college', 'secondaryVocational'] as const) : null;
      const certs = rng.chance(0.8) ? [{ level: rng.pick([3, 4, 5] as const), certifiedOn: addDays(startedOn, rng.int(30, 400)) }].filter((c) => c.certifiedOn < today) : [];
      rows.add('elderly_care_workers', COLS.workers, [uuidv7(), unitCode, id, `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.pick(GIVEN)}`, startedOn, graduate, graduate ? addDays(startedOn, -rng.int(10, 90)) : null, JSON.stringify(certs)]);
    }
    return id;
  };
  for (const u of units) {
    if (u.level === 3) homeOfTownship.set(u.code, addInstitution(u.code, `${u.name}${u.kind === 'street' ? '颐养中心' : '中心敬老院'}`, true, rng.int(4, 15) * 10));
    if (u.level === 2) for (let i = 1; i <= 3; i++) addInstitution(u.code, `${u.name.replace(/(区|市|县)$/, '')}康养护理院${['一', '二', '三'][i - 1]}部`, false, rng.int(8, 30) * 10);
  }
  result.institutions = rows.count('elderly_institutions');
  result.workers = rows.count('elderly_care_workers');

  const people = await p.db.rows<{ id: string; birth_date: string; unit_code: string }>(sql`SELECT id, birth_date::text, unit_code FROM persons WHERE birth_date <= ${addMonths(today, -720)} ORDER BY id`);
  const waitingByHome = new Map<string, number>();
  for (const person of people) {
    const age = ageOn(person.birth_date, today);
    const village = person.unit_code;
    const rural = kindOf.get(village) !== 'community';
    const living = weighted(rng, [['alone', 12], ['emptyNest', 30], ['leftBehind', rural ? 10 : 2], ['withFamily', 44], ['institution', 4]]);
    const economic = weighted(rng, [['ordinary', 88], ['lowIncome', 5], ['lowIncomeEdge', 3], ['destitute', 1.5], ['specialDifficulty', 2.5]]);
    const health = weighted(rng, [['good', age < 75 ? 40 : 20], ['fair', 30], ['chronic', 25], ['poor', age < 80 ? 5 : 15]]);
    const flags = [...(rng.chance(0.06) ? ['disabled'] : []), ...(rng.chance(0.01) ? ['familyPlanningSpecial'] : []), ...(rng.chance(0.01) ? ['meritService'] : [])];
    const careMode = living === 'institution' ? 'institution' : rng.chance(0.15) ? 'community' : 'home';
    const household = rng.chance(0.05) ? 'nonLocal' : rural ? 'localRural' : 'localUrban';
    rows.add('elderly_profiles', COLS.profiles, [person.id, village, household, living, economic, health, careMode, `{${flags.join(',')}}`, '系统导入']);

    // Ability assessments: more of the older and the poor are assessed.
    let level: AbilityLevel | null = null;
    if (rng.chance(age >= 80 || economic !== 'ordinary' ? 0.8 : 0.35)) {
      const old = age >= 80 ? 2 : age >= 70 ? 1 : 0;
      const target = weighted<AbilityLevel>(rng, [['intact', [45, 30, 12][old]], ['mild', [38, 40, 35][old]], ['moderate', [10, 18, 28][old]], ['severe', [5, 8, 15][old]], ['complete', [2, 4, 10][old]]]);
      const [lo, hi] = LEVEL_RANGE[target];
      const scores = scoresWithTotal(rng, rng.int(lo, hi));
      const dementia = rng.chance(0.03);
      const riskEvents = rng.chance(0.05) ? rng.int(1, 3) : 0;
      const r = scoreAssessment({ scores, coma: false, dementiaOrPsychiatric: dementia, riskEvents });
      level = r.level;
      rows.add('elderly_assessments', COLS.assessments, [uuidv7(), village, person.id, addDays(today, -rng.int(10, 700)), 'first', rng.pick(ASSESSORS), ABILITY_STANDARD.version, JSON.stringify(scores), JSON.stringify(r.dimensionTotals), r.total, r.baseLevel, r.level, false, dementia, riskEvents, `{${r.changes.join(',')}}`]);
    }

    if (age >= 65 && rng.chance(0.6)) {
      const on = addDays(`${year}-01-01`, rng.int(0, Math.max(0, daysBetween(`${year}-01-01`, today))));
      const h = rng.int(150, 175);
      const systolic = rng.int(110, 165);
      rows.add('elderly_health_assessments', COLS.health, [uuidv7(), village, person.id, year, on, rng.chance(0.2), rng.chance(0.2), rng.pick(['daily', 'weekly', 'rarely', 'never']), systolic, systolic - rng.int(35, 60), h, Math.round(((h / 100) ** 2 * (19 + rng.next() * 8)) * 10) / 10, Math.round((4.5 + rng.next() * 3) * 10) / 10, rng.pick(TCM_CONSTITUTIONS), level && level !== 'intact' && level !== 'mild' ? 'moderateDependent' : 'independent', rng.pick(DOCTORS)]);
    }

    if (age >= 65 && rng.chance(0.12)) {
      const on = addDays(today, -rng.int(5, 200));
      const score = rng.chance(0.25) ? rng.int(2, 6) : rng.int(0, 1);
      const positive = screenPositive('ad8', score, null);
      const doctor = rng.pick(DOCTORS);
      const steps: { action: string; on: string; byName: string; note: null }[] = [{ action: 'screen', on, byName: doctor, note: null }];
      let status = positive ? 'screened' : 'closed';
      let last = on;
      let referralLevel: string | null = null;
      let institution: string | null = null;
      let outcome: string | null = positive ? null : 'negative';
      let closedOn: string | null = positive ? null : on;
      let dueOn: string | null = positive ? addDays(on, DEMENTIA_LOOP.dueOnOpen) : null;
      if (positive) {
        const reach = rng.int(0, 4);
        const path: [string, string, number | null][] = [['intervene', 'intervening', 14], ['refer', 'referred', 30], ['startCare', 'inCare', 30], ['close', 'closed', null]];
        for (const [action, to, due] of path.slice(0, reach)) {
          const next = addDays(last, rng.int(5, 20));
          if (next > today) break;
          last = next;
          status = to;
          steps.push({ action, on: last, byName: doctor, note: null });
          dueOn = due === null ? null : addDays(last, due);
          if (action === 'refer') [referralLevel, institution] = rng.chance(0.6) ? ['county', '县级医院记忆门诊'] : ['city', '绍兴市第七人民医院'];
          if (action === 'close') [outcome, closedOn] = ['stable', last];
        }
      }
      rows.add('elderly_dementia_cases', COLS.dementia, [uuidv7(), village, person.id, 'ad8', score, null, positive, on, status, last, dueOn, referralLevel, institution, outcome, closedOn, JSON.stringify(steps), doctor]);
    }

    const home = homeOfTownship.get(village.slice(0, 9));
    if (home && living !== 'institution' && (waitingByHome.get(home) ?? 0) < 8 && rng.chance(level && level !== 'intact' ? 0.08 : 0.01)) {
      waitingByHome.set(home, (waitingByHome.get(home) ?? 0) + 1);
      rows.add('elderly_waitlist', COLS.waitlist, [uuidv7(), village.slice(0, 9), home, person.id, addDays(today, -rng.int(5, 500)), 'waiting', '系统导入']);
    }
  }
  await rows.load(p.db);
  result.profiles = rows.count('elderly_profiles');
  result.assessments = rows.count('elderly_assessments');
  result.healthAssessments = rows.count('elderly_health_assessments');
  result.dementiaCases = rows.count('elderly_dementia_cases');
  result.waiting = rows.count('elderly_waitlist');
  return result;
}
