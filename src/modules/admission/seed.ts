/**
 * Synthetic admission and home–center records (demo and city scales): a finished round per
 * seeded county, allocated by the same deferred acceptance as the live service, with every
 * choice's explanation, the accepted offers enrolled; an open round in 越城区 for the demo
 * parent to apply in; and, for the enrolled children, attendance and daily reports of the
 * last days, meal plans, notices and a conversation with the demo family. Centers come from
 * the childcare register; when the register is empty, a small set of filed centers is
 * created here so the records have somewhere to live. Deterministic for a seed; written
 * with COPY.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { toCsvRow } from '../../app/csv.ts';
import { addDays, completedMonths } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Rng } from '../../app/random.ts';
import { planNutrition, type Dish } from '../family/nutrition.ts';
import { allocatePlaces, type Application, type Program } from './matching.ts';
import { lotteryNumber, type PriorityRule } from './priority.ts';
import { classTypesForAge, offerDeadline } from './workflow.ts';
import { refreshWarnings } from '../childcare/index.ts';

export interface AdmissionSeedResult {
  centers: number;
  rounds: number;
  applications: number;
  enrolments: number;
  attendance: number;
  reports: number;
}

const DEMO_TOWNSHIP = '330602001';
const DEMO_COUNTY = '330602';

interface SeedCenter {
  id: string;
  unitCode: string;
  name: string;
  lon: number;
  lat: number;
  affordable: boolean;
  operatorKind: string;
  creditCode: string | null;
  /** One entry per class type; `seats` lists a class id for every place not yet taken. */
  classes: { id: string; classType: string; capacity: number; seats: string[] }[];
}

async function copy(p: Platform, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    if (chunk.length) await p.db.copyCsv(table, columns, chunk.map((r) => toCsvRow(r as never[])).join('\n') + '\n');
  }
}

/** The centers of the register with their active classes; creates a small filed set when it is empty. */
async function ensureCenters(p: Platform, rng: Rng, city: boolean): Promise<SeedCenter[]> {
  const load = async () => {
    const centers = await p.db.rows<{ id: string; unit_code: string; name: string; lon: number | null; lat: number | null; affordable: boolean; operator_kind: string; credit_code: string | null }>(
      sql`SELECT id, unit_code, name, lon, lat, affordable, operator_kind, credit_code FROM childcare_centers WHERE status = 'filed' ORDER BY unit_code, name`,
    );
    const classes = await p.db.rows<{ id: string; center_id: string; class_type: string; capacity: number; enrolled: number }>(
      sql`SELECT k.id, k.center_id, k.class_type, k.capacity,
                 (SELECT count(*)::int FROM childcare_enrolments e WHERE e.class_id = k.id AND e.status = 'active') AS enrolled
          FROM childcare_classes k WHERE k.active ORDER BY k.name`,
    );
    return centers.map((c) => ({
      id: c.id,
      unitCode: c.unit_code,
      name: c.name,
      lon: c.lon ?? 120.58 + (rng.next() - 0.5) * 0.3,
      lat: c.lat ?? 30.0 + (rng.next() - 0.5) * 0.3,
      affordable: c.affordable,
      operatorKind: c.operator_kind,
      creditCode: c.credit_code,
      // One program per center and class type: classes of the same type pool their places.
      classes: [
        ...classes
          .filter((k) => k.center_id === c.id)
          .reduce((byType, k) => {
            const seen = byType.get(k.class_type);
            const seats: string[] = Array(Math.max(0, k.capacity - k.enrolled)).fill(k.id);
            byType.set(k.class_type, seen ? { ...seen, capacity: seen.capacity + k.capacity, seats: [...seen.seats, ...seats] } : { id: k.id, classType: k.class_type, capacity: k.capacity, seats });
            return byType;
          }, new Map<string, { id: string; classType: string; capacity: number; seats: string[] }>())
          .values(),
      ],
    }));
  };
  const existing = await load();
  if (existing.length > 0) return existing;
  const townships = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 3 ORDER BY code`);
  const [owner] = await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'tashan-center'`);
  const centers: unknown[][] = [];
  const classes: unknown[][] = [];
  const perTownship = city ? 8 : 1;
  const names = ['小禾苗', '童心', '蒲公英', '小橡树', '星星', '向日葵', '小太阳', '金宝贝'];
  for (const [ti, t] of townships.entries()) {
    // At demo scale, centers in 越城区 and one township of each other county.
    if (!city && !t.code.startsWith(DEMO_COUNTY) && ti % 12 !== 0) continue;
    const baseLon = 120.2 + (Number(t.code.slice(4, 6)) % 10) * 0.12 + (Number(t.code.slice(6)) % 7) * 0.01;
    const baseLat = 29.55 + (Number(t.code.slice(4, 6)) % 7) * 0.08 + (Number(t.code.slice(6)) % 5) * 0.01;
    for (let k = 0; k < perTownship; k++) {
      const id = uuidv7();
      const kind = k === 3 ? 'employer' : k % 2 === 0 ? 'public' : 'forProfit';
      const demo = t.code === DEMO_TOWNSHIP && k === 0;
      centers.push([
        id, t.code, `${t.name}${names[(k + ti) % names.length]}托育园`, `${t.name}${names[(k + ti) % names.length]}托育服务中心`, kind,
        `${t.name}${k + 1}号`, (baseLon + rng.next() * 0.02).toFixed(5), (baseLat + rng.next() * 0.02).toFixed(5), kind === 'public', 'filed', '2026-01-15T00:00:00Z', demo ? (owner?.id ?? null) : null, '2026-02-01',
      ]);
      for (const [ct, cap, name] of [['infant', 10, '苗苗班'], ['toddler', 15, '芽芽班'], ['older', 20, '果果班']] as const) {
        classes.push([uuidv7(), t.code, id, ct, name, cap]);
      }
    }
  }
  await copy(p, 'childcare_centers', ['id', 'unit_code', 'name', 'operator_name', 'operator_kind', 'address', 'lon', 'lat', 'affordable', 'status', 'filed_at', 'owner_user_id', 'opened_on'], centers);
  await copy(p, 'childcare_classes', ['id', 'unit_code', 'center_id', 'class_type', 'name', 'capacity'], classes);
  return load();
}

const MENU: Omit<Dish, 'weekday'>[] = [
  { meal: 'breakfast', name: '牛奶 花卷', ingredients: [{ food: 'milk', grams: 150 }, { food: 'huajuan', grams: 30 }] },
  { meal: 'morningSnack', name: '水果', ingredients: [{ food: 'pear', grams: 80 }] },
  { meal: 'lunch', name: '软米饭', ingredients: [{ food: 'rice-cooked', grams: 80 }] },
  { meal: 'lunch', name: '番茄鱼片', ingredients: [{ food: 'seabass', grams: 35 }, { food: 'tomato', grams: 40 }] },
  { meal: 'lunch', name: '清炒西兰花', ingredients: [{ food: 'broccoli', grams: 50 }] },
  { meal: 'afternoonSnack', name: '南瓜小米粥', ingredients: [{ food: 'pumpkin', grams: 40 }, { food: 'rice-porridge', grams: 100 }] },
];
const ALT_LUNCH: Omit<Dish, 'weekday'>[][] = [
  [{ meal: 'lunch', name: '鸡肉末蒸蛋羹', ingredients: [{ food: 'chicken-breast', grams: 30 }] }, { meal: 'lunch', name: '菠菜汤', ingredients: [{ food: 'spinach', grams: 40 }] }],
  [{ meal: 'lunch', name: '牛肉冬瓜', ingredients: [{ food: 'beef-lean', grams: 30 }, { food: 'wax-gourd', grams: 60 }] }],
  [{ meal: 'lunch', name: '香干炒西葫芦', ingredients: [{ food: 'tofu-dry', grams: 25 }, { food: 'zucchini', grams: 50 }] }],
  [{ meal: 'lunch', name: '鳕鱼豆腐', ingredients: [{ food: 'cod', grams: 35 }, { food: 'chinese-cabbage', grams: 50 }] }],
];

function weekMenu(): Dish[] {
  const dishes: Dish[] = [];
  for (let wd = 1; wd <= 5; wd++) {
    for (const d of MENU) if (!(wd > 1 && d.name === '番茄鱼片')) dishes.push({ ...d, weekday: wd });
    if (wd > 1) for (const d of ALT_LUNCH[wd - 2]) dishes.push({ ...d, weekday: wd });
  }
  planNutrition(dishes); // every food is in the table
  return dishes;
}

function weekStartOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((d.getUTCDay() + 6) % 7));
}

const isWeekday = (date: string) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
};

export async function seedAdmission(p: Platform, rng: Rng, opts: { scale: 'demo' | 'city'; parentUsername?: string }): Promise<AdmissionSeedResult> {
  const city = opts.scale === 'city';
  const today = p.today();
  const centers = await ensureCenters(p, rng.fork('centers'), city);
  const counties = city ? [...new Set(centers.map((c) => c.unitCode.slice(0, 6)))] : [DEMO_COUNTY];
  const [parent] = opts.parentUsername ? await p.db.rows<{ id: string; display_name: string }>(sql`SELECT id, display_name FROM users WHERE username = ${opts.parentUsername}`) : [];
  const familyKids = parent
    ? await p.db.rows<{ id: string; birth_date: string }>(sql`SELECT p.id, p.birth_date::text FROM guardianships g JOIN persons p ON p.id = g.person_id WHERE g.user_id = ${parent.id} AND g.ended_at IS NULL ORDER BY p.birth_date`)
    : [];
  const demoChild = familyKids[0]?.id ?? null; // the elder: enrolled through the finished round

  const finished = { applyFrom: addDays(today, -150), applyTo: addDays(today, -120), earliestStart: addDays(today, -90), allocatedOn: addDays(today, -117) };
  const rounds: unknown[][] = [];
  const programs: unknown[][] = [];
  const apps: unknown[][] = [];
  const choices: unknown[][] = [];
  const enrolments: unknown[][] = [];
  const enrolled: { enrolmentId: string; personId: string; centerId: string; unitCode: string }[] = [];
  const appRows: unknown[][] = [];
  const [seedUser] = await p.db.rows<{ id: string }>(sql`SELECT id FROM users WHERE username = 'yuecheng-health'`);

  for (const county of counties) {
    const roundId = uuidv7();
    const seed = rng.int(1, 2 ** 30);
    const countyCenters = centers.filter((c) => c.unitCode.startsWith(county));
    if (countyCenters.length === 0) continue;
    rounds.push([roundId, county, `${new Date(`${finished.earliestStart}T00:00:00Z`).getUTCFullYear()}年秋季入托（第一批）`, 'closed', finished.applyFrom, finished.applyTo, finished.earliestStart, 7, seed, `${finished.allocatedOn}T02:00:00Z`, seedUser?.id ?? null]);
    const progs: (Program & { classType: string; classId: string; seats: string[]; unitCode: string; lon: number; lat: number })[] = [];
    for (const c of countyCenters) {
      for (const k of c.classes) {
        const rules: PriorityRule[] = [];
        if (c.operatorKind === 'employer' && c.creditCode) rules.push({ id: 'staff', kind: 'employeeChild', employerId: c.creditCode });
        rules.push({ id: 'sibling', kind: 'sibling' });
        if (c.affordable) rules.push({ id: 'affordable', kind: 'affordableEligible' });
        rules.push({ id: 'near', kind: 'distance' });
        // Places offered: a share of the capacity, never more than the seats still free.
        const places = Math.min(Math.max(1, Math.round(k.capacity * (city ? 0.5 : 0.4))), k.seats.length);
        if (places === 0) continue;
        const prog = { id: uuidv7(), centerId: c.id, capacity: places, rules, classType: k.classType, classId: k.id, seats: [...k.seats], unitCode: c.unitCode, lon: c.lon, lat: c.lat };
        progs.push(prog);
        programs.push([prog.id, c.unitCode, roundId, c.id, k.id, k.classType, places, JSON.stringify(rules)]);
      }
    }
    // Applicants: children of the county aged for a class on the start date.
    const kids = await p.db.rows<{ id: string; unit_code: string; birth_date: string }>(
      sql`SELECT id, unit_code, birth_date::text FROM persons
          WHERE unit_code LIKE ${`${county}%`} AND birth_date > ${addDays(finished.earliestStart, -36 * 31)} AND birth_date <= ${addDays(finished.earliestStart, -183)}
            AND NOT EXISTS (SELECT 1 FROM childcare_enrolments e WHERE e.person_id = persons.id AND e.end_date IS NULL)
          ORDER BY id`,
    );
    const share = city ? 0.25 : 1;
    const otherFamily = new Set(familyKids.map((k) => k.id).filter((id) => id !== demoChild));
    const applicants = kids.filter((k) => !otherFamily.has(k.id) && (k.id === demoChild || rng.chance(share)));
    const input: Application[] = [];
    const meta = new Map<string, { personId: string; unitCode: string; classType: string; affordable: boolean; careType: string }>();
    for (const kid of applicants) {
      const types = classTypesForAge(completedMonths(kid.birth_date, finished.earliestStart)).filter((t) => t !== 'mixed');
      if (types.length === 0) continue;
      const classType = types[0];
      const isDemo = kid.id === demoChild;
      const home = isDemo ? countyCenters.find((c) => c.unitCode === DEMO_TOWNSHIP) ?? countyCenters[0] : countyCenters.find((c) => c.unitCode === kid.unit_code.slice(0, 9)) ?? rng.pick(countyCenters);
      const homeLon = home.lon + (rng.next() - 0.5) * 0.03;
      const homeLat = home.lat + (rng.next() - 0.5) * 0.03;
      const options = progs
        .filter((x) => x.classType === classType)
        .map((x) => ({ x, d: Math.hypot((x.lon - homeLon) * 96_000, (x.lat - homeLat) * 111_000) }))
        .sort((a, b) => a.d - b.d);
      if (options.length === 0) continue;
      const picks = isDemo ? options.filter((o) => o.x.unitCode === DEMO_TOWNSHIP).slice(0, 1) : options.slice(0, Math.min(options.length, rng.int(1, 3)));
      if (picks.length === 0) continue;
      const id = uuidv7();
      const affordable = isDemo || rng.chance(0.3);
      meta.set(id, { personId: kid.id, unitCode: kid.unit_code, classType, affordable, careType: rng.chance(0.85) ? 'fullDay' : rng.pick(['halfDay', 'hourly', 'temporary']) });
      input.push({
        id,
        choices: picks.map((o) => ({ programId: o.x.id, distanceM: Math.round(o.d) })),
        facts: { affordableEligible: affordable, unitCode: kid.unit_code },
        lottery: isDemo ? 0 : lotteryNumber(seed, id),
      });
    }
    const outcomes = allocatePlaces({ programs: progs, applications: input });
    const progById = new Map(progs.map((x) => [x.id, x]));
    for (const [i, o] of outcomes.entries()) {
      const m = meta.get(o.applicationId)!;
      const a = input[i];
      let status = 'waitlisted';
      let enrolmentId: string | null = null;
      if (o.programId) {
        const r = rng.next();
        status = m.personId === demoChild || r < 0.86 ? 'accepted' : r < 0.94 ? 'declined' : 'expired';
        if (status === 'accepted') {
          const prog = progById.get(o.programId)!;
          enrolmentId = uuidv7();
          enrolments.push([enrolmentId, prog.unitCode, prog.centerId, prog.seats.shift()!, m.personId, m.careType, finished.earliestStart, 'active']);
          enrolled.push({ enrolmentId, personId: m.personId, centerId: prog.centerId, unitCode: prog.unitCode });
        }
      }
      appRows.push([
        o.applicationId, m.unitCode, roundId, m.personId, m.personId === demoChild ? (parent?.id ?? null) : null, m.personId === demoChild ? (parent?.display_name ?? '家长') : '家长（线下申请）',
        m.classType, m.careType, finished.earliestStart, m.affordable, a.lottery, status, o.programId, o.choiceRank,
        o.programId ? finished.allocatedOn : null, o.programId ? offerDeadline(finished.allocatedOn, 7) : null, enrolmentId, `${finished.applyFrom}T03:00:00Z`,
      ]);
      for (const c of o.choices) {
        const fin = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
        choices.push([uuidv7(), m.unitCode, o.applicationId, c.choiceRank, c.programId, a.choices[c.choiceRank - 1].distanceM ?? null, false, c.result, c.rank, c.applicants, c.capacity, c.waitlistPosition, c.decidingRule, fin(c.own), fin(c.other)]);
      }
    }
  }
  // An open round in 越城区 for the demo parent's younger child (and anyone in the county).
  const openRound = uuidv7();
  rounds.push([openRound, DEMO_COUNTY, `${new Date(`${addDays(today, 100)}T00:00:00Z`).getUTCFullYear()}年春季入托`, 'open', addDays(today, -20), addDays(today, 25), addDays(today, 100), 7, rng.int(1, 2 ** 30), null, seedUser?.id ?? null]);
  for (const c of centers.filter((x) => x.unitCode.startsWith(DEMO_COUNTY))) {
    for (const k of c.classes) {
      const rules: PriorityRule[] = c.affordable ? [{ id: 'affordable', kind: 'affordableEligible' }, { id: 'near', kind: 'distance' }] : [{ id: 'near', kind: 'distance' }];
      programs.push([uuidv7(), c.unitCode, openRound, c.id, k.id, k.classType, Math.max(1, Math.round(k.capacity * 0.2)), JSON.stringify(rules)]);
    }
  }
  await copy(p, 'admission_rounds', ['id', 'unit_code', 'name', 'status', 'apply_from', 'apply_to', 'earliest_start', 'answer_days', 'seed', 'allocated_at', 'created_by'], rounds);
  await copy(p, 'admission_programs', ['id', 'unit_code', 'round_id', 'center_id', 'class_id', 'class_type', 'places', 'rules'], programs);
  await copy(p, 'childcare_enrolments', ['id', 'unit_code', 'center_id', 'class_id', 'person_id', 'care_type', 'start_date', 'status'], enrolments);
  // The children admitted change the centers' staffing ratios: recheck those centers as enrolling through the API would.
  for (const [centerId, unitCode] of new Map(enrolled.map((e) => [e.centerId, e.unitCode]))) await refreshWarnings(p, p.db.orm, { id: centerId, unitCode }, today);
  await copy(
    p,
    'admission_applications',
    ['id', 'unit_code', 'round_id', 'person_id', 'applicant_id', 'applicant_name', 'class_type', 'care_type', 'start_date', 'affordable_eligible', 'lottery', 'status', 'program_id', 'choice_rank', 'offered_on', 'offer_deadline', 'enrolment_id', 'created_at'],
    appRows,
  );
  await copy(
    p,
    'admission_choices',
    ['id', 'unit_code', 'application_id', 'choice_rank', 'program_id', 'distance_m', 'sibling', 'result', 'priority_rank', 'applicants', 'capacity', 'waitlist_position', 'deciding_rule', 'own_value', 'other_value'],
    choices,
  );

  // The demo child may already be enrolled in the register (not through the round): the day's records follow that enrolment.
  if (demoChild && !enrolled.some((e) => e.personId === demoChild)) {
    const [e] = await p.db.rows<{ id: string; center_id: string; unit_code: string }>(
      sql`SELECT id, center_id, unit_code FROM childcare_enrolments WHERE person_id = ${demoChild} AND status = 'active' AND start_date <= ${today} ORDER BY start_date DESC LIMIT 1`,
    );
    if (e) enrolled.push({ enrolmentId: e.id, personId: demoChild, centerId: e.center_id, unitCode: e.unit_code });
  }
  // ---- home–center records of the enrolled children ----
  const days: string[] = [];
  for (let d = today; days.length < (city ? 1 : 5); d = addDays(d, -1)) if (isWeekday(d)) days.push(d);
  const attendance: unknown[][] = [];
  const reports: unknown[][] = [];
  const moods = ['happy', 'happy', 'happy', 'calm', 'calm', 'tired', 'upset'];
  const activities = ['绘本阅读《好饿的毛毛虫》，户外滑梯和沙池游戏', '音乐律动、搭积木，午后在草地上散步', '手指画和串珠，学习洗手儿歌', '感统游戏（平衡木、钻山洞），认识水果', '角色扮演“小厨房”，户外骑小车'];
  const carers = ['保育员 张老师', '保育员 李老师', '育婴师 陈老师'];
  const stamp = (day: string, h: number, m: number) => new Date(`${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`).toISOString();
  for (const e of enrolled) {
    const isDemo = e.personId === demoChild;
    for (const [di, day] of (isDemo ? [...days, ...Array.from({ length: 10 }, (_, i) => addDays(days[days.length - 1], -i - 1)).filter(isWeekday)] : days).entries()) {
      if (!isDemo && rng.chance(0.06)) {
        attendance.push([uuidv7(), e.unitCode, e.centerId, e.enrolmentId, e.personId, day, null, null, null, null, null, null, null, rng.pick(['sick', 'leave'])]);
        continue;
      }
      const inM = rng.int(0, 75);
      const inAt = stamp(day, 7 + Math.floor((30 + inM) / 60), (30 + inM) % 60);
      const leftToday = day !== today;
      const outM = rng.int(0, 75);
      const outAt = leftToday ? stamp(day, 16 + Math.floor((30 + outM) / 60), (30 + outM) % 60) : null;
      const bringer = rng.pick(['妈妈', '爸爸', '奶奶', '外婆']);
      const picker = rng.pick([['妈妈', 'mother'], ['爸爸', 'father'], ['奶奶', 'grandparent'], ['外公', 'grandparent']] as const);
      attendance.push([uuidv7(), e.unitCode, e.centerId, e.enrolmentId, e.personId, day, inAt, rng.pick(carers), bringer, outAt, outAt ? rng.pick(carers) : null, outAt ? picker[0] : null, outAt ? picker[1] : null, null]);
      if (day === today && !isDemo && !city) continue; // today's reports are written in the afternoon
      if (city && di > 0) continue;
      const meals = JSON.stringify([
        { meal: 'breakfast', amount: rng.pick(['all', 'all', 'most']) },
        { meal: 'lunch', amount: rng.pick(['all', 'most', 'most', 'half']) },
        { meal: 'afternoonSnack', amount: rng.pick(['all', 'most']) },
      ]);
      reports.push([uuidv7(), e.unitCode, e.centerId, e.enrolmentId, e.personId, day, meals, '12:00', rng.pick(['13:50', '14:10', '14:30']), rng.pick(moods), rng.pick(activities), isDemo ? '今天午饭吃得很好，和小朋友一起玩得很开心。' : null, rng.pick(carers), stamp(day, 15, rng.int(10, 50))]);
    }
  }
  await copy(p, 'family_attendance', ['id', 'unit_code', 'center_id', 'enrolment_id', 'person_id', 'day', 'check_in_at', 'check_in_by_name', 'dropped_off_by', 'check_out_at', 'check_out_by_name', 'picked_up_by', 'picked_up_relation', 'absence'], attendance);
  await copy(p, 'family_daily_reports', ['id', 'unit_code', 'center_id', 'enrolment_id', 'person_id', 'day', 'meals', 'nap_from', 'nap_to', 'mood', 'activities', 'notes', 'written_by_name', 'updated_at'], reports);

  // Meal plans of this week, a notice per center with children; the demo family's conversation and an activity.
  const withKids = [...new Map(enrolled.map((e) => [e.centerId, e.unitCode])).entries()];
  const menu = JSON.stringify(weekMenu());
  await copy(p, 'family_meal_plans', ['id', 'unit_code', 'center_id', 'week_start', 'dishes', 'updated_by_name'], withKids.map(([centerId, unit]) => [uuidv7(), unit, centerId, weekStartOf(today), menu, '保健医 周老师']));
  await copy(
    p,
    'family_notices',
    ['id', 'unit_code', 'center_id', 'title', 'body', 'published_at', 'author_name'],
    withKids.map(([centerId, unit]) => [uuidv7(), unit, centerId, '冬季传染病预防提示', '近期气温下降，请家长每天入园前为孩子测量体温，如有发热、咳嗽等症状请在家休息并告知老师。', `${addDays(today, -2)}T01:00:00Z`, '园长']),
  );
  await copy(
    p,
    'health_guidance_tours',
    ['id', 'unit_code', 'center_id', 'doctor_name', 'toured_on', 'topics', 'findings', 'advice', 'follow_up_on'],
    withKids.map(([centerId, unit]) => {
      const on = addDays(today, -rng.int(20, 130));
      return [uuidv7(), unit, centerId, unit === DEMO_TOWNSHIP ? '塔山街道社区卫生服务中心 儿保医生 孙医生' : '社区卫生服务中心 儿保医生', on, '{feeding,injuryPrevention}', '午餐深色蔬菜偏少；活动室插座缺少保护盖。', '每餐安排一种深色蔬菜；一周内加装插座保护盖。', addDays(on, 30)];
    }),
  );
  const demoEnrolment = enrolled.find((e) => e.personId === demoChild);
  if (demoEnrolment && parent) {
    await copy(p, 'family_messages', ['id', 'unit_code', 'center_id', 'person_id', 'sender_id', 'sender_side', 'sender_name', 'body', 'created_at', 'read_at'], [
      [uuidv7(), demoEnrolment.unitCode, demoEnrolment.centerId, demoChild, parent.id, 'parent', parent.display_name, '老师好，孩子这两天有点咳嗽，麻烦午睡后提醒他多喝水。', `${addDays(today, -1)}T00:20:00Z`, `${addDays(today, -1)}T01:00:00Z`],
      [uuidv7(), demoEnrolment.unitCode, demoEnrolment.centerId, demoChild, null, 'staff', '保育员 张老师', '好的，我们会留意，今天喝水很积极，精神也不错。', `${addDays(today, -1)}T07:30:00Z`, null],
    ]);
    await copy(p, 'family_activities', ['id', 'unit_code', 'center_id', 'title', 'description', 'starts_at', 'places'], [
      [uuidv7(), demoEnrolment.unitCode, demoEnrolment.centerId, '婴幼儿营养与辅食添加讲座', '儿保医生讲解 1–3 岁膳食安排，现场答疑。', `${addDays(today, 10)}T01:30:00Z`, 30],
    ]);
  }
  return { centers: centers.length, rounds: rounds.length, applications: appRows.length, enrolments: enrolments.length, attendance: attendance.length, reports: reports.length };
}
