/**
 * Demo protection cases through the same services users call, with clocks in the past so
 * that every stage, overdue cases, referrals and closed cases appear: a full set in 塔山街道
 * (worked by the demo child supervisor), and a few cases in one township of every county.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { systemActor, type Actor } from '../../app/scope.ts';
import type { Rng } from '../../app/random.ts';
import { createUser, users, type Role } from '../access/index.ts';
import { persons } from '../people/index.ts';
import { protectionCases } from './schema.ts';
import { filePublicReport, fileReport } from './reports.service.ts';
import { transitionCase } from './cases.service.ts';
import { assignWorker, linkChild, referCase, updateReferral } from './work.service.ts';
import { transitionOf, type CaseAction } from './stages.ts';
import type { Category, Department } from './vocabulary.ts';

const HOUR = 3_600_000;

interface Scenario {
  category: Category;
  situation: string;
  childName?: string;
  riskLevel?: 'normal' | 'high';
  /** Hours before now that the report came in. */
  reportedHoursAgo: number;
  /** Steps: [action, hours after the report, note]. */
  steps: [CaseAction, number, string?][];
  referrals?: { department: Department; request: string; answers?: ['accepted' | 'done' | 'rejected', number, string?][] }[];
  assign?: boolean;
}

const SCENARIOS: Scenario[] = [
  { category: 'neglect', situation: '邻居反映一名约 6 岁男孩连续多日独自在家，晚上无成人照看，常到邻居家讨要食物。', childName: '小宇', reportedHoursAgo: 3, steps: [], assign: false },
  { category: 'violence', situation: '学校老师发现学生手臂有多处淤青，学生称是父亲酒后殴打。', reportedHoursAgo: 30, steps: [], assign: true },
  { category: 'abandonment', situation: '社区网格员在菜场发现一名幼儿独自哭闹，周边无人认领。', riskLevel: 'high', reportedHoursAgo: 20, steps: [['startEmergency', 0.5, '已联系派出所，幼儿临时安置于未成年人救助保护中心']], assign: true },
  { category: 'noCarer', situation: '父亲服刑、母亲失联，孩子由年迈的奶奶照看，奶奶近日住院。', reportedHoursAgo: 24 * 5, steps: [['startEmergency', 2, '安排邻居临时照看，联系亲属']], assign: true, referrals: [{ department: 'civilAffairs', request: '申请临时生活救助，评估事实无人抚养儿童认定', answers: [['accepted', 30]] }] },
  { category: 'bullying', situation: '家长反映孩子在校多次被同学围堵索要钱物，孩子不愿上学。', reportedHoursAgo: 24 * 10, steps: [['startAssessment', 6]], assign: true, referrals: [{ department: 'education', request: '请学校核实并开展防欺凌干预' }] },
  {
    category: 'violence',
    situation: '儿童医院接诊一名 9 岁女孩，多处陈旧性伤痕，疑似长期遭受家庭暴力。',
    riskLevel: 'high',
    reportedHoursAgo: 24 * 40,
    steps: [['startEmergency', 1, '公安出警，孩子随外婆暂住'], ['startAssessment', 48], ['startIntervention', 24 * 10, '对父亲发出家庭教育指导令，申请人身安全保护令']],
    assign: true,
    referrals: [
      { department: 'police', request: '依法调查家庭暴力情况', answers: [['accepted', 2], ['done', 24 * 12, '已出具告诫书']] },
      { department: 'court', request: '申请人身安全保护令', answers: [['accepted', 24 * 15]] },
    ],
  },
  { category: 'neglect', situation: '留守儿童长期由患病祖父照看，学习和生活无人过问。', reportedHoursAgo: 24 * 90, steps: [['startAssessment', 12], ['startMonitoring', 24 * 20, '落实结对帮扶，儿童主任每月走访']], assign: true, referrals: [{ department: 'womensFederation', request: '安排“妈妈导师”结对关爱', answers: [['accepted', 24 * 21], ['done', 24 * 30]] }] },
  { category: 'other', situation: '有人反映某户家长经常打骂孩子。', reportedHoursAgo: 24 * 20, steps: [['startAssessment', 5], ['closeUnfounded', 24 * 7, '入户核实：家长管教方式偏严，无伤害事实，已做家庭教育指导']], assign: true },
  { category: 'noCarer', situation: '父母外出务工失联，孩子由邻居代为照看。', reportedHoursAgo: 24 * 200, steps: [['startEmergency', 3], ['startAssessment', 24 * 2], ['startMonitoring', 24 * 30], ['close', 24 * 190, '已联系上母亲，孩子随母亲生活，监护到位']], assign: true },
];

/** One township per county with a couple of cases, rotating through the stages. */
const COUNTY_SCENARIOS = [4, 2, 6, 1, 3];

/** The demo accounts this module adds (README.md lists them): a child protection lead (未保科) per county and a child supervisor in 嵊州市. */
export const PROTECTION_DEMO_USERS = [
  { username: 'yuecheng-minzheng', displayName: '越城区民政局 未保科 徐科长', role: 'county_official' as const, unitCode: '330602' },
  { username: 'keqiao-minzheng', displayName: '柯桥区民政局 未保科 陆科长', role: 'county_official' as const, unitCode: '330603' },
  { username: 'shangyu-minzheng', displayName: '上虞区民政局 未保科 谢科长', role: 'county_official' as const, unitCode: '330604' },
  { username: 'xinchang-minzheng', displayName: '新昌县民政局 未保科 梁科长', role: 'county_official' as const, unitCode: '330624' },
  { username: 'zhuji-minzheng', displayName: '诸暨市民政局 未保科 宣科长', role: 'county_official' as const, unitCode: '330681' },
  { username: 'shengzhou-minzheng', displayName: '嵊州市民政局 未保科 袁科长', role: 'county_official' as const, unitCode: '330683' },
  { username: 'shengzhou-director', displayName: '剡湖街道 儿童督导员 钱老师', role: 'child_director' as const, unitCode: '330683001' },
];

/** The people a scenario is worked by: who reports, who handles it, who supervises. */
interface Cast {
  reporter: Actor | null;
  worker: Actor | null;
  supervisor: Actor;
}

async function runScenario(p: Platform, cast: Cast, s: Scenario, unitCode: string, child: { id: string } | undefined, now: number) {
  const t0 = now - s.reportedHoursAgo * HOUR;
  const at = (h: number) => new Date(t0 + h * HOUR);
  const { receiptNo } = cast.reporter
    ? await fileReport(p, cast.reporter, { personId: child?.id, childName: child ? undefined : s.childName, unitCode, category: s.category, riskLevel: s.riskLevel ?? 'normal', situation: s.situation }, { at: at(0) })
    : await filePublicReport(p, { unitCode, childName: s.childName, category: s.category, situation: s.situation, reporterContact: '138****6021' }, { at: at(0) });
  const [c] = await p.db.orm.select({ id: protectionCases.id }).from(protectionCases).where(eq(protectionCases.receiptNo, receiptNo));
  if (!cast.reporter && child) await linkChild(p, cast.supervisor, c.id, child.id);
  const worker = s.assign !== false ? cast.worker : null;
  if (worker) await assignWorker(p, cast.supervisor, c.id, worker.id!, { at: at(0.2) });
  const doer = worker ?? cast.supervisor;
  // Steps, referrals and the departments' answers in the order they happened.
  const ops: { h: number; run: () => Promise<unknown> }[] = s.steps.map(([action, h, note]) => ({
    h,
    run: () => transitionCase(p, transitionOf(action).permission === 'protection.supervise' ? cast.supervisor : doer, c.id, { action, note }, { at: at(h) }),
  }));
  for (const r of s.referrals ?? []) {
    const sentAt = (s.steps[0]?.[1] ?? 0) + 1;
    let referralId = '';
    ops.push({ h: sentAt, run: async () => (referralId = (await referCase(p, doer, c.id, r, { at: at(sentAt) })).referrals.at(-1)!.id) });
    for (const [status, h, response] of r.answers ?? []) ops.push({ h: sentAt + h, run: () => updateReferral(p, doer, referralId, { status, response }, { at: at(sentAt + h) }) });
  }
  for (const op of ops.sort((a, b) => a.h - b.h)) await op.run();
}

async function actorOf(p: Platform, username: string): Promise<Actor | null> {
  const [u] = await p.db.orm.select().from(users).where(eq(users.username, username));
  return u ? { id: u.id, username: u.username, role: u.role as Role, scope: u.unitCode, locale: 'zh-CN' } : null;
}

export async function seedProtection(p: Platform, rng: Rng, opts: { password: string }): Promise<{ cases: number }> {
  const actor = systemActor('seed');
  for (const u of PROTECTION_DEMO_USERS) await createUser(p, actor, { ...u, password: opts.password });
  const now = Date.now();
  const children = async (township: string, n: number) =>
    p.db.orm
      .select({ id: persons.id })
      .from(persons)
      .where(and(sql`${persons.unitCode} LIKE ${`${township}%`}`, sql`${persons.birthDate} > (current_date - interval '17 years')`))
      .orderBy(persons.id)
      .limit(n);

  let cases = 0;
  const tashan: Cast = { reporter: await actorOf(p, 'tashan-doctor'), worker: await actorOf(p, 'tashan-director'), supervisor: (await actorOf(p, 'tashan-staff')) ?? actor };
  const tashanKids = await children('330602001', SCENARIOS.length);
  for (const [i, s] of SCENARIOS.entries()) {
    // Some reports name a registered child; the others only a name or a description; some come from the public form.
    const child = i % 3 === 1 ? tashanKids[i] : undefined;
    await runScenario(p, { ...tashan, reporter: i % 4 === 0 ? null : tashan.reporter }, s, '330602001', child, now);
    cases++;
  }
  const counties = ['330603', '330604', '330624', '330681', '330683'];
  const leads = ['keqiao-minzheng', 'shangyu-minzheng', 'xinchang-minzheng', 'zhuji-minzheng', 'shengzhou-minzheng'];
  for (const [ci, county] of counties.entries()) {
    const township = `${county}001`;
    const kids = await children(township, 2);
    const lead = (await actorOf(p, leads[ci])) ?? actor;
    const cast: Cast = { reporter: null, worker: county === '330683' ? await actorOf(p, 'shengzhou-director') : null, supervisor: lead };
    for (let k = 0; k < 2; k++) {
      const s = SCENARIOS[(COUNTY_SCENARIOS[ci] + k * 3 + rng.int(0, 1)) % SCENARIOS.length];
      await runScenario(p, cast, s, township, k === 0 ? kids[0] : undefined, now - rng.int(0, 5) * HOUR);
      cases++;
    }
  }
  return { cases };
}
