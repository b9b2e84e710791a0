/**
 * Demo supervision records, written in bulk: two inspectors per county, a drawn
 * double-random plan per county this quarter, routine inspections over the past year with
 * findings and rectification orders in every state (some overdue), incident reports,
 * complaints, and the credit events they leave.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import type { Rng } from '../../app/random.ts';
import { CopyRows } from '../../db/copyRows.ts';
import { hashPassword } from '../access/index.ts';
import { drawInspections } from './draw.ts';
import { CHECKLIST_VERSION, checklistOf, type InspectionType } from './checklist.ts';
import { CREDIT_RULES, pointsFor, type CreditRuleCode } from './credit.ts';

const COLS = {
  users: ['id', 'username', 'display_name', 'password_hash', 'role', 'unit_code', 'locale', 'active'],
  plans: ['id', 'unit_code', 'name', 'inspection_type', 'period_from', 'period_to', 'sample_size', 'inspectors_per_center', 'status', 'draw', 'drawn_at', 'drawn_by_name', 'created_by_name'],
  inspections: ['id', 'unit_code', 'center_id', 'plan_id', 'inspection_type', 'checklist_version', 'scheduled_on', 'inspected_on', 'inspector_ids', 'inspector_names', 'status', 'results', 'summary'],
  findings: ['id', 'unit_code', 'inspection_id', 'center_id', 'item_code', 'severity', 'description'],
  orders: ['id', 'unit_code', 'center_id', 'inspection_id', 'requirement', 'issued_on', 'deadline', 'status', 'response', 'responded_at', 'closed_on', 'overdue_recorded', 'history'],
  incidents: ['id', 'unit_code', 'center_id', 'occurred_at', 'kind', 'severity', 'description', 'children_affected', 'actions_taken', 'status', 'center_at_fault', 'reported_by_name', 'handled_by_name', 'handling_note'],
  complaints: ['id', 'unit_code', 'center_id', 'complainant_name', 'category', 'content', 'status', 'reply', 'handled_by_name', 'handled_at', 'created_at'],
  credit: ['id', 'unit_code', 'center_id', 'rule_code', 'rules_version', 'points', 'source_type', 'source_id', 'occurred_on'],
};

/** What an inspector writes when an item fails, by item. */
const FINDING_TEXT: Record<string, string> = {
  'routine.ratio': '托小班在园 15 人仅 2 名保育人员，配比不足',
  'routine.staffHealth': '1 名保育人员健康证已过期',
  'routine.dailyCheck': '近一周午检记录缺失',
  'routine.admission': '2 名幼儿入托时未查验预防接种证',
  'routine.cctv': '午睡室监控存在盲区，录像仅保存 30 天',
  'routine.publicInfo': '收费标准未在显著位置公示',
  'routine.outdoor': '连续多日户外活动不足 2 小时',
  'fire.certificate': '消防安全检查合格证明已过期',
  'fire.equipment': '灭火器压力不足，月检记录缺失',
  'fire.exits': '疏散通道堆放杂物',
  'fire.drills': '本学期未组织疏散演练',
  'fire.manager': '未明确消防安全管理人员',
  'food.licence': '食品经营许可证已过期',
  'food.menu': '食谱未按周更换',
  'food.allergy': '过敏幼儿名单未张贴于备餐间',
  'food.disinfection': '奶瓶消毒记录不全',
  'special.followUp': '前次整改事项未落实',
  'special.safeguarding': '发现保育人员体罚幼儿',
  'special.insurance': '责任保险已到期未续保',
};

const INCIDENTS = [
  { kind: 'injury', text: '户外活动时一名幼儿摔倒，膝盖擦伤', actions: '保健员现场清创处理，已通知家长' },
  { kind: 'illness', text: '一名幼儿午睡后发热 38.5℃', actions: '隔离观察，通知家长接回就医' },
  { kind: 'outbreak', text: '托小班 3 名幼儿出现手足口病症状', actions: '已报告社区卫生服务中心，班级停课消毒 7 天' },
  { kind: 'foodSafety', text: '午餐后 2 名幼儿呕吐', actions: '留样送检，幼儿送医观察，已通知家长' },
] as const;

export interface SupervisionSeedResult {
  plans: number;
  inspections: number;
  orders: number;
  incidents: number;
  complaints: number;
}

export async function seedSupervision(p: Platform, rng: Rng): Promise<SupervisionSeedResult> {
  const today = p.today();
  const rows = new CopyRows();
  const counties = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 2 ORDER BY code`);
  const centers = await p.db.rows<{ id: string; unit_code: string; filed_on: string }>(sql`
    SELECT id, unit_code, to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS filed_on FROM childcare_centers WHERE status = 'filed' ORDER BY id`);

  // Two inspectors per county beside its demo official, sharing one password hash.
  const hash = await hashPassword('kangyu-demo');
  const existing = await p.db.rows<{ id: string; display_name: string; unit_code: string }>(sql`SELECT id, display_name, unit_code FROM users WHERE role = 'county_official' AND active`);
  const roster = new Map<string, { id: string; name: string }[]>();
  for (const u of existing) roster.set(u.unit_code, [...(roster.get(u.unit_code) ?? []), { id: u.id, name: u.display_name }]);
  for (const c of counties) {
    for (const [k, label] of ['甲', '乙'].entries()) {
      const id = uuidv7();
      const name = `${c.name}卫健局 监督员${label}`;
      rows.add('users', COLS.users, [id, `inspector-${c.code}-${k + 1}`, name, hash, 'county_official', c.code, 'zh-CN', true]);
      roster.set(c.code, [...(roster.get(c.code) ?? []), { id, name }]);
    }
  }
  const nameOf = new Map([...roster.values()].flat().map((u) => [u.id, u.name]));

  const credit = (unitCode: string, centerId: string, rule: CreditRuleCode, sourceType: string, sourceId: string, on: string) =>
    rows.add('credit_events', COLS.credit, [uuidv7(), unitCode, centerId, rule, CREDIT_RULES.version, pointsFor(rule), sourceType, sourceId, on]);

  const addInspection = (c: (typeof centers)[number], type: InspectionType, planId: string | null, scheduledOn: string, team: string[], done: boolean) => {
    const id = uuidv7();
    const items = checklistOf(type);
    const results = Object.fromEntries(items.map((i) => [i.code, rng.chance(0.93) ? 'pass' : 'fail']));
    const failed = items.filter((i) => results[i.code] === 'fail');
    const inspectedOn = scheduledOn;
    rows.add('inspections', COLS.inspections, [
      id, c.unit_code, c.id, planId, type, CHECKLIST_VERSION, scheduledOn, done ? inspectedOn : null, `{${team.join(',')}}`, `{${team.map((t) => `"${nameOf.get(t)}"`).join(',')}}`,
      done ? 'done' : 'scheduled', done ? JSON.stringify(results) : null, done ? (failed.length ? '存在问题，责令限期整改' : '未发现问题') : null,
    ]);
    if (!done || failed.length === 0) return;
    for (const f of failed) {
      const fid = uuidv7();
      rows.add('inspection_findings', COLS.findings, [fid, c.unit_code, id, c.id, f.code, f.severity, FINDING_TEXT[f.code] ?? f.name['zh-CN']]);
      credit(c.unit_code, c.id, `finding.${f.severity}` as CreditRuleCode, 'finding', fid, inspectedOn);
    }
    const deadline = addDays(inspectedOn, 15);
    const by = nameOf.get(team[0]) ?? '卫健局';
    const history: { at: string; by: string; action: string; comment?: string; deadline?: string }[] = [{ at: `${inspectedOn}T17:00:00+08:00`, by, action: 'issued', deadline }];
    let status = 'open';
    let response: string | null = null;
    let closedOn: string | null = null;
    let overdue = false;
    const oid = uuidv7();
    if (deadline < today) {
      const r = rng.next();
      if (r < 0.75) {
        status = 'closed';
        response = '已按要求完成整改，附整改照片';
        const respondedOn = addDays(inspectedOn, rng.int(3, 14));
        closedOn = addDays(respondedOn, 2) > today ? today : addDays(respondedOn, 2);
        history.push({ at: `${respondedOn}T10:00:00+08:00`, by: '机构', action: 'respond', comment: response }, { at: `${closedOn}T15:00:00+08:00`, by, action: 'accept' });
      } else if (r < 0.85) {
        status = 'submitted';
        response = '已整改，请验收';
        history.push({ at: `${addDays(today, -1)}T10:00:00+08:00`, by: '机构', action: 'respond', comment: response });
      } else {
        overdue = true;
        history.push({ at: `${addDays(deadline, 1)}T00:10:00+08:00`, by: 'system', action: 'overdue', deadline });
        credit(c.unit_code, c.id, 'rectification.overdue', 'rectification', oid, addDays(deadline, 1));
      }
    }
    rows.add('rectification_orders', COLS.orders, [
      oid, c.unit_code, c.id, id, failed.map((f) => FINDING_TEXT[f.code] ?? f.name['zh-CN']).join('；') + '，限期整改', inspectedOn, deadline, status, response,
      response ? `${closedOn ?? addDays(today, -1)}T10:00:00+08:00` : null, closedOn, overdue, JSON.stringify(history),
    ]);
  };

  // A drawn double-random fire-safety plan per county for this quarter.
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const qFrom = `${today.slice(0, 4)}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const qTo = addDays(`${quarter === 3 ? Number(today.slice(0, 4)) + 1 : today.slice(0, 4)}-${String(((quarter + 1) % 4) * 3 + 1).padStart(2, '0')}-01`, -1);
  let plans = 0;
  for (const county of counties) {
    const candidates = centers.filter((c) => c.unit_code.startsWith(county.code));
    const team = roster.get(county.code) ?? [];
    if (candidates.length === 0 || team.length < 2) continue;
    const sampleSize = Math.max(1, Math.round(candidates.length * 0.1));
    const seed = `${county.code}-${today.slice(0, 4)}Q${quarter + 1}`;
    const draw = drawInspections({ seed, centers: candidates.map((c) => c.id), inspectors: team.map((t) => t.id), sampleSize, inspectorsPerCenter: 2 });
    const planId = uuidv7();
    rows.add('inspection_plans', COLS.plans, [planId, county.code, `${today.slice(0, 4)}年第${quarter + 1}季度消防安全“双随机”抽查`, 'fireSafety', qFrom, qTo, sampleSize, 2, 'drawn', JSON.stringify(draw), `${qFrom}T09:00:00+08:00`, team[0].name, team[0].name]);
    plans++;
    const byId = new Map(candidates.map((c) => [c.id, c]));
    for (const a of draw.assignments) {
      const on = addDays(qFrom, rng.int(5, 60));
      addInspection(byId.get(a.centerId)!, 'fireSafety', planId, on > today ? today : on, a.inspectorIds, on <= today && rng.chance(0.7));
    }
  }

  // Routine inspections over the past year, incidents and complaints.
  for (const c of centers) {
    const team = roster.get(c.unit_code.slice(0, 6)) ?? [];
    if (team.length >= 2 && rng.chance(0.35)) {
      const on = addDays(today, -rng.int(7, 330));
      if (!c.filed_on || on >= c.filed_on) addInspection(c, rng.pick(['routine', 'routine', 'foodHygiene'] as const), null, on, [team[0].id, team[1].id], true);
    }
    if (rng.chance(0.05)) {
      const it = rng.pick(INCIDENTS);
      const severity = rng.chance(0.8) ? 'general' : 'serious';
      const status = rng.pick(['reported', 'acknowledged', 'closed', 'closed'] as const);
      const atFault = status === 'closed' ? rng.chance(0.4) : null;
      const id = uuidv7();
      const on = addDays(today, -rng.int(1, 200));
      rows.add('center_incidents', COLS.incidents, [id, c.unit_code, c.id, `${on}T10:20:00+08:00`, it.kind, severity, it.text, it.kind === 'outbreak' ? 3 : rng.int(1, 2), it.actions, status, atFault, '园长', status === 'reported' ? null : '卫健局', status === 'closed' ? '已核实处置，责令加强日常管理' : null]);
      if (atFault && severity === 'serious') credit(c.unit_code, c.id, 'incident.serious', 'incident', id, on);
    }
    if (rng.chance(0.04)) {
      const id = uuidv7();
      const status = rng.pick(['received', 'handling', 'upheld', 'dismissed'] as const);
      const on = addDays(today, -rng.int(1, 120));
      const reply = status === 'upheld' ? '经核实属实，已责令机构整改' : status === 'dismissed' ? '经调查，机构做法符合规定，已向家长说明' : null;
      rows.add('center_complaints', COLS.complaints, [id, c.unit_code, c.id, `家长 ${rng.pick(['王', '李', '张', '陈', '杨'])}女士`, rng.pick(['food', 'care', 'fees', 'safety'] as const), rng.pick(['午餐分量不足，孩子回家说吃不饱', '老师对孩子态度粗暴', '临时加收活动费未公示', '接送时门卫未核验身份']), status, reply, status === 'received' ? null : '卫健局', status === 'received' ? null : `${addDays(on, 3)}T10:00:00+08:00`, `${on}T20:00:00+08:00`]);
      if (status === 'upheld') credit(c.unit_code, c.id, 'complaint.upheld', 'complaint', id, addDays(on, 3));
    }
  }
  // Credit events last: they refer to findings, orders, incidents and complaints loaded before them.
  const creditTable = rows.tables.get('credit_events');
  if (creditTable) {
    rows.tables.delete('credit_events');
    rows.tables.set('credit_events', creditTable);
  }
  await rows.load(p.db);
  return { plans, inspections: rows.count('inspections'), orders: rows.count('rectification_orders'), incidents: rows.count('center_incidents'), complaints: rows.count('center_complaints') };
}
