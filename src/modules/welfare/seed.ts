/**
 * Demo data of the ledger: child supervisors for every township and directors for the
 * villages with key children; a few hundred key children across the city drawn from the
 * people registry (more in 塔山街道, where the demo director works), with categories, contact
 * cards and visits (some overdue); the basic living support of the last two months by county,
 * computed by the same rules as the service (the older approved, the latest awaiting approval);
 * children's homes in most villages, a demonstration home in most townships, linked "1+N".
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays, addMonths } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Rng } from '../../app/random.ts';
import { CopyRows } from '../../db/copyRows.ts';
import { CATEGORIES, SUPPORT_RULES, computeChildSupport, lastDayAsMinor, type MembershipDates } from './rules.ts';

const COLS = {
  workers: ['id', 'unit_code', 'role', 'name', 'phone', 'created_by_name'],
  children: ['id', 'unit_code', 'person_id', 'director_id', 'supervisor_id', 'guardian_name', 'guardian_relation', 'guardian_phone', 'created_by_name', 'created_at'],
  memberships: ['id', 'unit_code', 'child_id', 'category', 'subclass', 'basis', 'start_date', 'end_date', 'end_reason', 'confirmed_by_name', 'confirmed_at', 'ended_by_name', 'ended_at'],
  visits: ['id', 'unit_code', 'child_id', 'visited_on', 'visitor_name', 'findings', 'needs', 'created_by_name', 'created_at'],
  runs: ['id', 'unit_code', 'month', 'status', 'children', 'total_fen', 'computed_by_name', 'computed_at', 'approved_by_name', 'approved_at'],
  lines: ['id', 'unit_code', 'run_id', 'child_id', 'person_id', 'rule_code', 'rate_fen', 'days', 'days_in_month', 'spans', 'amount_fen'],
  homes: ['id', 'unit_code', 'name', 'kind', 'hub_id', 'opened_on', 'created_by_name'],
  activities: ['id', 'unit_code', 'home_id', 'held_on', 'title', 'participants', 'created_by_name'],
};
const ACTIVITIES = ['暑期托管', '周末课业辅导', '亲子阅读', '安全教育讲座', '心理健康游戏课', '手工制作', '防溺水宣传'];

/** How often each category is drawn for a demo child (left-behind and migrant children are the most numerous). */
const WEIGHTS: Record<string, number> = { orphan: 4, deFacto: 6, difficulty: 14, leftBehind: 30, migrant: 18, disabled: 10, outOfSchool: 4, domesticViolence: 3, parentDetained: 5, street: 1 };
const SURNAMES = ['王', '陈', '张', '李', '周', '徐', '赵', '孙', '沈', '钱', '何', '俞', '金', '楼'];
const GIVEN = ['建国', '丽华', '海燕', '志强', '玉芳', '伟', '敏', '秀英', '国强', '红梅'];
const FINDINGS = ['生活照料正常，学习情况良好', '监护人照料到位，身体状况良好', '家中卫生条件一般，已提醒监护人', '情绪较低落，已联系学校老师关注', '在校表现稳定，与祖辈同住'];
const NEEDS = [null, null, '需要课业辅导', '需要心理疏导', '需协助申请临时救助', '需联系康复机构'];
const BASIS: Record<string, string> = {
  orphan: '父母双亡，经县级民政部门认定',
  deFacto: '父亲服刑、母亲失联满6个月，经县级民政部门认定',
  difficulty: '经乡镇（街道）审核、县级民政部门认定',
  leftBehind: '父母双方外出务工，经村（居）委会摸排',
  migrant: '随父母外地来绍居住满6个月',
  disabled: '持有残疾人证',
  outOfSchool: '教育部门控辍保学名单',
  domesticViolence: '公安机关出具告诫书',
  parentDetained: '父亲正在服刑，经司法部门核实',
  street: '救助管理站接送返回',
};

export interface WelfareSeedResult {
  homes: number;
  children: number;
  workers: number;
  visits: number;
  runs: number;
}

const phone = (rng: Rng) => `1${rng.pick(['35', '37', '38', '58', '59', '87'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
const personName = (rng: Rng) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;

function pickCategory(rng: Rng): string {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  for (const [code, w] of Object.entries(WEIGHTS)) if ((x -= w) < 0) return code;
  return 'leftBehind';
}

export async function seedWelfare(p: Platform, rng: Rng, opts: { count: number; tashan: number }): Promise<WelfareSeedResult> {
  const today = p.today();
  const minBirth = addDays(addMonths(today, -18 * 12), 1);
  const candidates = await p.db.rows<{ id: string; unit_code: string; birth_date: string }>(sql`
    SELECT id, unit_code, birth_date::text FROM persons
    WHERE birth_date >= ${minBirth}::date AND birth_date <= ${addMonths(today, -6)}::date AND length(unit_code) = 12
    ORDER BY id`);
  const tashan = candidates.filter((c) => c.unit_code.startsWith('330602001'));
  const others = candidates.filter((c) => !c.unit_code.startsWith('330602001'));
  const chosen = new Map<string, (typeof candidates)[number]>();
  for (const c of tashan.slice(0, opts.tashan)) chosen.set(c.id, c);
  // The rest drawn at random (a Fisher–Yates shuffle), from the other townships first and from
  // 塔山街道's remaining children only when the others run out.
  const shuffled = <T,>(list: T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const want = Math.min(opts.count, candidates.length);
  for (const c of [...shuffled(others), ...shuffled(tashan.slice(opts.tashan))]) {
    if (chosen.size >= want) break;
    chosen.set(c.id, c);
  }
  const rows = new CopyRows();
  const workers = new Map<string, string>();
  const worker = (unit: string, role: 'director' | 'supervisor') => {
    const key = `${role}:${unit}`;
    let id = workers.get(key);
    if (!id) {
      id = uuidv7();
      workers.set(key, id);
      rows.add('welfare_workers', COLS.workers, [id, unit, role, personName(rng), phone(rng), '平台初始化']);
    }
    return id;
  };
  // Every township of the city has a supervisor.
  for (const t of await p.db.rows<{ code: string }>(sql`SELECT code FROM org_units WHERE level = 3 ORDER BY code`)) worker(t.code, 'supervisor');
  const support = new Map<string, { childId: string; personId: string; unitCode: string; birthDate: string; memberships: MembershipDates[] }>();
  let visits = 0;
  for (const c of chosen.values()) {
    const childId = uuidv7();
    const first = pickCategory(rng);
    const cats = [first];
    if (rng.chance(0.25)) {
      const second = pickCategory(rng);
      if (second !== first) cats.push(second);
    }
    const created = addDays(today, -rng.int(30, 900));
    rows.add('welfare_children', COLS.children, [
      childId, c.unit_code, c.id, worker(c.unit_code, 'director'), worker(c.unit_code.slice(0, 9), 'supervisor'),
      personName(rng), cats.includes('orphan') ? 'relative' : rng.pick(['grandparent', 'grandparent', 'mother', 'father', 'relative']), phone(rng), '平台初始化', `${created}T09:00:00+08:00`,
    ]);
    const memberships: MembershipDates[] = [];
    for (const code of cats) {
      const def = CATEGORIES.find((x) => x.code === code)!;
      const sub = def.subclasses.length ? rng.pick(def.subclasses).code : null;
      let start = addDays(today, -rng.int(20, 1000));
      if (start < c.birth_date) start = c.birth_date;
      const ended = rng.chance(0.08);
      const end = ended ? addDays(today, -rng.int(1, 19)) : null;
      const m = { category: code, subclass: sub, startDate: start, endDate: end && end >= start ? end : null };
      memberships.push(m);
      rows.add('welfare_memberships', COLS.memberships, [
        uuidv7(), c.unit_code, childId, code, sub, BASIS[code], m.startDate, m.endDate, m.endDate ? '情况已消除，经核实退出' : null, '乡镇民政办 审核', `${m.startDate}T10:00:00+08:00`,
        m.endDate ? '乡镇民政办 审核' : null, m.endDate ? `${m.endDate}T10:00:00+08:00` : null,
      ]);
    }
    // Visits: most children visited on schedule, about one in six overdue.
    const n = rng.int(0, 5);
    const lateBy = rng.chance(0.18) ? rng.int(40, 200) : rng.int(0, 25);
    const start = memberships.map((m) => m.startDate).sort()[0];
    for (let i = 0; i < n; i++) {
      const on = addDays(today, -(lateBy + i * rng.int(20, 60)));
      if (on < start || on > lastDayAsMinor(c.birth_date)) continue;
      rows.add('welfare_visits', COLS.visits, [uuidv7(), c.unit_code, childId, on, `儿童主任 ${personName(rng)}`, rng.pick(FINDINGS), rng.pick(NEEDS), '儿童主任', `${on}T16:00:00+08:00`]);
      visits++;
    }
    support.set(childId, { childId, personId: c.id, unitCode: c.unit_code, birthDate: c.birth_date, memberships });
  }
  // Basic living support of the last two months, by county.
  const thisMonth = `${today.slice(0, 7)}-01`;
  const months = [2, 1].map((k) => addMonths(thisMonth, -k).slice(0, 7));
  for (const [k, month] of months.entries()) {
    const byCounty = new Map<string, { id: string; total: number; children: Set<string> }>();
    for (const s of support.values()) {
      const r = computeChildSupport({ month, ...s, rules: SUPPORT_RULES });
      if (r.lines.length === 0) continue;
      const county = s.unitCode.slice(0, 6);
      const run = byCounty.get(county) ?? { id: uuidv7(), total: 0, children: new Set<string>() };
      byCounty.set(county, run);
      for (const l of r.lines) {
        rows.add('welfare_support_lines', COLS.lines, [uuidv7(), s.unitCode, run.id, s.childId, s.personId, l.ruleCode, l.rateFen, l.days, l.daysInMonth, JSON.stringify(l.spans), l.amountFen]);
        run.total += l.amountFen;
        run.children.add(s.childId);
      }
    }
    for (const [county, run] of byCounty) {
      const approved = k === 0;
      const monthEnd = addDays(addMonths(`${month}-01`, 1), -1);
      rows.add('welfare_support_runs', COLS.runs, [run.id, county, month, approved ? 'approved' : 'computed', run.children.size, run.total, '平台月度核算', `${addDays(monthEnd, 1)}T02:00:00+08:00`, approved ? '民政局 审核' : null, approved ? `${addDays(monthEnd, 5) > today ? today : addDays(monthEnd, 5)}T10:00:00+08:00` : null]);
    }
  }
  // Children's homes: most townships have a demonstration home (a few do not yet, as in the
  // plan's gap list); most villages a basic home, most of them linked to it ("1+N").
  const villages = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 4 ORDER BY code`);
  const hubs = new Map<string, string>();
  for (const v of villages) {
    const township = v.code.slice(0, 9);
    let kind: 'basic' | 'demonstration' | null = rng.chance(0.7) ? 'basic' : null;
    if (!hubs.has(township) && rng.chance(0.9)) kind = 'demonstration';
    if (!kind) continue;
    const id = uuidv7();
    const hub = kind === 'basic' && rng.chance(0.85) ? (hubs.get(township) ?? null) : null;
    if (kind === 'demonstration') hubs.set(township, id);
    rows.add('welfare_homes', COLS.homes, [id, v.code, `${v.name}${kind === 'demonstration' ? '示范型' : ''}儿童之家`, kind, hub, addDays(today, -rng.int(200, 1500)), '平台初始化']);
    const titles = new Set<string>();
    for (let i = rng.int(0, kind === 'demonstration' ? 6 : 3); i > 0; i--) {
      const on = addDays(today, -rng.int(1, 300));
      const title = rng.pick(ACTIVITIES);
      if (titles.has(`${on}${title}`)) continue;
      titles.add(`${on}${title}`);
      rows.add('welfare_home_activities', COLS.activities, [uuidv7(), v.code, id, on, title, rng.int(6, 40), '儿童主任']);
    }
  }
  // Parents before children (the order of first use): homes before their links and activities, runs before their lines.
  const ordered = new CopyRows();
  for (const table of ['welfare_workers', 'welfare_children', 'welfare_memberships', 'welfare_visits', 'welfare_support_runs', 'welfare_support_lines', 'welfare_homes', 'welfare_home_activities']) {
    const t = rows.tables.get(table);
    if (t) ordered.tables.set(table, t);
  }
  await ordered.load(p.db);
  return { homes: ordered.count('welfare_homes'), children: chosen.size, workers: workers.size, visits, runs: ordered.count('welfare_support_runs') };
}
