/**
 * Synthetic infant-health records for the seeded children under 3 (demo and city scales):
 * newborn visits, measurements at the routine check ages drawn around each child's own
 * growth track on the WHO standards, warning-signs screens at each check and M-CHAT-R/F at
 * 18 and 24 months (a few positive, in referral at every stage), and vaccinations on the
 * national schedule with realistic delays and a few missed doses. Also the registry of
 * "医、防、护" centers, and the demo parent's two children in 塔山街道. Deterministic for a
 * seed; written with COPY.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { systemActor } from '../../app/scope.ts';
import { toCsvRow } from '../../app/csv.ts';
import { addDays, addMonths, completedMonths, daysBetween } from '../../app/dates.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { appendAudit } from '../audit/index.ts';
import { composeIdNumber, registerPerson } from '../people/index.ts';
import { linkGuardian } from '../guardianship/index.ts';
import type { Rng } from '../../app/random.ts';
import { STANDING_FROM_DAYS, valueForZ, type Sex } from './growth.ts';
import { assessMeasurement } from './measurement.ts';
import { dosesFor, seriesOf, type VaccineCode } from './immunisation.ts';
import { bandFor } from './warningSigns.ts';
import { mchatOutcome, scoreMchat, MCHAT_REVERSE_ITEMS } from './mchat.ts';
import { applyReferralAction, newReferral, referralLevelFor, type ReferralState, type ReferralTrigger } from './referral.ts';
import { GUIDANCE_TOPICS } from './vocabulary.ts';

/** Routine check ages in months (the 4-2-1 schedule of the first three years, with the one-month check). */
const CHECK_MONTHS = [1, 3, 6, 8, 12, 18, 24, 30, 36];
const MCHAT_MONTHS = [18, 24];

export interface HealthSeedResult {
  children: number;
  measurements: number;
  screenings: number;
  referrals: number;
  vaccinations: number;
  visits: number;
  centers: number;
}

/**
 * What a child's records show: null for the random share; the demo family's children are
 * models (every check, every dose on time, nothing positive); a few children of the demo
 * township carry an open referral, a pending M-CHAT-R/F Follow-Up or overdue doses, so the
 * demo doctor has each kind of case at hand.
 */
type Scenario = 'model' | 'openReferral' | 'followUp' | 'laggard' | null;

/** The demo township of the demo doctor and parent (塔山街道). */
const DEMO_TOWNSHIP = '330602001';

interface SeedChild {
  id: string;
  unitCode: string;
  sex: Sex;
  birthDate: string;
}

/** Normal deviate from the generator (Box–Muller). */
function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const pgArray = (xs: readonly (string | number | boolean)[]) => `{${xs.map((x) => (typeof x === 'boolean' ? (x ? 't' : 'f') : x)).join(',')}}`;

/**
 * Buffers COPY rows per table and writes them in batches, one batch in flight while the
 * next is generated, so the database works while the records are made.
 */
class CopyBuffer {
  private rows = new Map<string, { columns: string[]; lines: string[] }>();
  private inFlight: Promise<void>[] = [];
  readonly counts = new Map<string, number>();
  private readonly p: Platform;
  constructor(p: Platform) {
    this.p = p;
  }
  async add(table: string, columns: string[], values: (string | number | boolean | null)[]): Promise<void> {
    return this.addLine(table, columns, toCsvRow(values));
  }
  /** A ready CSV line, for the bulkiest table, whose fields never need quoting. */
  async addLine(table: string, columns: string[], line: string): Promise<void> {
    let t = this.rows.get(table);
    if (!t) this.rows.set(table, (t = { columns, lines: [] }));
    t.lines.push(line);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (t.lines.length >= 50_000) await this.send(table, t);
  }
  private async send(table: string, t: { columns: string[]; lines: string[] }): Promise<void> {
    const csv = t.lines.join('\n') + '\n';
    t.lines = [];
    while (this.inFlight.length >= 2) await this.inFlight.shift();
    const copy = this.p.db.copyCsv(table, t.columns, csv);
    // Awaited in turn below; the handler only keeps an early failure from counting as unhandled.
    copy.catch(() => {});
    this.inFlight.push(copy);
  }
  async flush(): Promise<void> {
    for (const [name, t] of this.rows) if (t.lines.length > 0) await this.send(name, t);
    await Promise.all(this.inFlight.splice(0));
  }
}

const MEASUREMENT_COLUMNS = ['id', 'unit_code', 'person_id', 'measured_on', 'age_days', 'weight_kg', 'length_cm', 'position', 'head_cm', 'bmi', 'z_weight', 'z_length', 'z_weight_length', 'z_bmi', 'z_head', 'recorded_by_name'];
const SCREENING_COLUMNS = ['id', 'unit_code', 'person_id', 'instrument', 'screened_on', 'age_months', 'band_months', 'signs_present', 'regression', 'answers', 'score', 'risk', 'follow_up_on', 'follow_up_items', 'follow_up_score', 'result', 'recorded_by_name'];
const REFERRAL_COLUMNS = ['id', 'unit_code', 'person_id', 'screening_id', 'triggers', 'level', 'status', 'suggested_on', 'institution', 'referred_on', 'attended_on', 'result', 'outcome', 'closed_on'];
const VACCINATION_COLUMNS = ['id', 'unit_code', 'person_id', 'vaccine', 'series', 'dose', 'given_on', 'lot', 'place', 'recorded_by_name'];
const VISIT_COLUMNS = ['id', 'unit_code', 'person_id', 'visited_on', 'kind', 'weight_kg', 'feeding', 'jaundice', 'umbilicus_normal', 'findings', 'guidance', 'referred', 'recorded_by_name'];
const CENTER_COLUMNS = ['id', 'unit_code', 'name', 'host_institution', 'address', 'phone', 'status', 'grade', 'services', 'child_health_staff', 'opened_on'];

/** The township health center that serves a unit: 社区卫生服务中心 for a street, 卫生院 for a town. */
function hostOf(townshipName: string): string {
  return townshipName.endsWith('街道') ? `${townshipName}社区卫生服务中心` : `${townshipName}卫生院`;
}

/** Answers with exactly the given items at risk. */
function mchatAnswers(atRisk: Set<number>): boolean[] {
  return Array.from({ length: 20 }, (_, i) => {
    const reverse = MCHAT_REVERSE_ITEMS.includes(i + 1);
    return atRisk.has(i + 1) ? reverse : !reverse;
  });
}

function pickItems(rng: Rng, n: number): Set<number> {
  const items = new Set<number>();
  while (items.size < n) items.add(rng.int(1, 20));
  return items;
}

/** Moves a seeded referral along as far as the time since the screen allows. */
function progressReferral(rng: Rng, level: ReferralState['level'], suggestedOn: string, today: string, institutions: Record<string, string>): ReferralState {
  let s = newReferral(level);
  const elapsed = daysBetween(suggestedOn, today);
  const step = (act: Parameters<typeof applyReferralAction>[1]) => {
    const r = applyReferralAction(s, act);
    if (r.ok) s = r.state;
  };
  if (elapsed >= 7 && rng.chance(0.85)) step({ action: 'refer', on: addDays(suggestedOn, rng.int(2, 7)), institution: institutions[level] });
  else if (elapsed >= 30 && rng.chance(0.5)) step({ action: 'close', on: addDays(suggestedOn, rng.int(20, 30)), outcome: rng.pick(['declined', 'movedAway'] as const) });
  if (s.status === 'referred' && elapsed >= 35 && rng.chance(0.8)) {
    const result = rng.pick(['normal', 'normal', 'delay', level === 'city' ? 'asd' : 'other'] as const);
    step({ action: 'recordResult', on: addDays(s.referredOn!, rng.int(10, 28)), result });
  }
  if (s.status === 'attended' && elapsed >= 60 && rng.chance(0.8)) step({ action: 'close', on: addDays(s.attendedOn!, rng.int(3, 20)), outcome: s.result === 'normal' ? 'normal' : 'inIntervention' });
  return s;
}

/** The demo parent's children: a girl of about 14 months and a boy of about 29 months in 塔山街道. */
async function seedDemoFamily(p: Platform, parentUsername: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const actor = systemActor('seed');
  const today = p.today();
  const family = [
    { name: '沈知夏', birthDate: addDays(addMonths(today, -14), -5), seq: 902, relation: 'mother' as const },
    { name: '沈知远', birthDate: addDays(addMonths(today, -29), -12), seq: 911, relation: 'mother' as const },
  ];
  for (const f of family) {
    const person = await registerPerson(p, actor, {
      name: f.name,
      idNumber: composeIdNumber('330602', f.birthDate, f.seq),
      sex: f.seq % 2 === 1 ? 'male' : 'female',
      birthDate: f.birthDate,
      unitCode: '330602001004',
      phone: '13905750123',
      address: '塔山街道花园社区解放北路88号',
    });
    await linkGuardian(p, actor, { personId: person.id, username: parentUsername, relation: f.relation });
    ids.add(person.id);
  }
  return ids;
}

async function seedCenters(p: Platform, rng: Rng, buf: CopyBuffer, townships: { code: string; name: string }[]): Promise<void> {
  // 004: six city model centers, and county-level centers at about 30% of health centers.
  let cityModels = 0;
  for (const t of townships) {
    const status = rng.chance(0.72) ? 'operating' : rng.chance(0.55) ? 'building' : 'planned';
    const cityModel = status === 'operating' && cityModels < 6 && rng.chance(0.1);
    if (cityModel) cityModels++;
    const grade = cityModel ? 'cityModel' : status === 'operating' && rng.chance(0.35) ? 'countyModel' : 'standard';
    const services = ['medical', 'childCare', 'vaccination', 'riskScreening', 'earlyDevelopment', 'homeVisits', 'centerGuidance'].filter((s, i) => i < 3 || rng.chance(0.75));
    await buf.add('child_health_centers', CENTER_COLUMNS, [
      uuidv7(),
      t.code,
      `${t.name}“医防护”儿童健康管理中心`,
      hostOf(t.name),
      `${t.name}${rng.int(1, 200)}号`,
      `0575-${rng.int(8000_0000, 8999_9999)}`,
      status,
      grade,
      pgArray(status === 'operating' ? services : services.slice(0, 3)),
      status === 'operating' ? rng.int(2, 6) : rng.int(0, 2),
      status === 'operating' ? addDays('2022-01-01', rng.int(0, 1200)) : null,
    ]);
  }
}

/**
 * Seeds the health records. `withFamily` adds the demo parent's children (when the demo
 * parent account exists).
 */
export async function seedHealth(p: Platform, rng: Rng, opts: { parentUsername?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<HealthSeedResult> {
  const today = p.today();
  const family = opts.parentUsername ? await seedDemoFamily(p, opts.parentUsername) : new Set<string>();
  const buf = new CopyBuffer(p);
  const townships = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 3 ORDER BY code`);
  const counties = await p.db.rows<{ code: string; name: string }>(sql`SELECT code, name FROM org_units WHERE level = 2 ORDER BY code`);
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const countyName = new Map(counties.map((t) => [t.code, t.name]));
  await seedCenters(p, rng.fork('centers'), buf, townships);
  const children = await p.db.rows<SeedChild>(sql`
    SELECT id, unit_code AS "unitCode", sex, birth_date::text AS "birthDate" FROM persons
    WHERE birth_date > ${addMonths(today, -36)} AND birth_date <= ${today} ORDER BY unit_code, birth_date, name, id`);
  let referrals = 0;
  const showcase = new Map<string, Scenario>();
  if (family.size > 0) {
    const local = children.filter((c) => c.unitCode.startsWith(DEMO_TOWNSHIP) && !family.has(c.id));
    const age = (c: SeedChild) => completedMonths(c.birthDate, today);
    const pick = (test: (c: SeedChild) => boolean, scenario: Scenario, n: number) => {
      for (const c of local.filter((x) => !showcase.has(x.id) && test(x)).slice(0, n)) showcase.set(c.id, scenario);
    };
    pick((c) => age(c) >= 19 && age(c) <= 30, 'followUp', 1);
    pick((c) => age(c) >= 4, 'openReferral', 2);
    pick((c) => age(c) >= 13, 'laggard', 1);
  }
  for (const [i, c] of children.entries()) {
    // Forked by position, not by the (time-based) id, so the same seed gives the same records.
    const r = rng.fork(`child:${i}`);
    const township = townshipName.get(c.unitCode.slice(0, 9)) ?? '';
    const host = hostOf(township);
    const doctor = `${host} 儿保科`;
    const institutions = { county: `${countyName.get(c.unitCode.slice(0, 6)) ?? ''}妇幼保健院`, city: '绍兴市妇幼保健院' };
    const scenario: Scenario = family.has(c.id) ? 'model' : (showcase.get(c.id) ?? null);
    referrals += await seedChild(buf, r, c, today, doctor, host, institutions, scenario);
    if (i % 5000 === 0) opts.onProgress?.(i, children.length);
  }
  await buf.flush();
  opts.onProgress?.(children.length, children.length);
  const count = (t: string) => buf.counts.get(t) ?? 0;
  const result: HealthSeedResult = {
    children: children.length,
    measurements: count('growth_measurements'),
    screenings: count('dev_screenings'),
    referrals,
    vaccinations: count('vaccinations'),
    visits: count('newborn_visits'),
    centers: count('child_health_centers'),
  };
  await p.db.transaction((tx) => appendAudit(tx, systemActor('seed'), { action: 'seed.health', unitCode: '3306', detail: { ...result } }));
  return result;
}

async function seedChild(
  buf: CopyBuffer,
  r: Rng,
  c: SeedChild,
  today: string,
  doctor: string,
  host: string,
  institutions: Record<string, string>,
  scenario: Scenario,
): Promise<number> {
  let referrals = 0;
  const model = scenario === 'model';
  // The last routine check from 3 months that has taken place (checks fall 0–12 days after the month).
  const lastCheck = [...CHECK_MONTHS].reverse().find((m) => m >= 3 && addDays(addMonths(c.birthDate, m), 12) <= today);
  const lastMchat = [...MCHAT_MONTHS].reverse().find((m) => addDays(addMonths(c.birthDate, m), 12) <= today);
  const ageToday = daysBetween(c.birthDate, today);
  // The child's own track on the standards, drifting a little from check to check.
  const track = { weight: normal(r) * 0.9, length: normal(r) * 0.9, head: normal(r) * 0.85 };

  // Newborn home visits: after discharge (day 3–7) and at the full month (day 28–30).
  for (const [kind, from, to, p] of [['postDischarge', 3, 7, 0.95], ['fullMonth', 28, 30, 0.9]] as const) {
    const day = r.int(from, to);
    if (day > ageToday || (!model && !r.chance(p))) continue;
    const w = valueForZ(c.sex, 'weight-for-age', day, track.weight + normal(r) * 0.2);
    await buf.add('newborn_visits', VISIT_COLUMNS, [
      uuidv7(), c.unitCode, c.id, addDays(c.birthDate, day), kind, w ? round2(w) : null,
      r.pick(['breast', 'breast', 'breast', 'mixed', 'formula']), r.chance(kind === 'postDischarge' ? 0.25 : 0.05), !r.chance(0.03),
      null, pgArray(GUIDANCE_TOPICS.filter(() => r.chance(0.7))), r.chance(0.01), doctor,
    ]);
  }

  for (const months of CHECK_MONTHS) {
    const on = addDays(addMonths(c.birthDate, months), r.int(0, 12));
    if (on > today || (scenario === null && !r.chance(0.9))) continue;
    const ageDays = daysBetween(c.birthDate, on);
    for (const k of ['weight', 'length', 'head'] as const) track[k] += normal(r) * 0.12;
    const standing = ageDays >= STANDING_FROM_DAYS;
    const length = valueForZ(c.sex, 'length-for-age', ageDays, track.length);
    const weight = valueForZ(c.sex, 'weight-for-age', ageDays, track.weight);
    const head = valueForZ(c.sex, 'head-for-age', ageDays, track.head);
    const m = { weightKg: weight ? round2(weight) : undefined, lengthCm: length ? round1(length) : undefined, position: standing ? ('standing' as const) : ('recumbent' as const), headCm: head && months <= 24 ? round1(head) : undefined };
    const a = assessMeasurement(c.sex, ageDays, m);
    if (a.ok) {
      await buf.add('growth_measurements', MEASUREMENT_COLUMNS, [
        uuidv7(), c.unitCode, c.id, on, ageDays, m.weightKg ?? null, m.lengthCm ?? null, m.lengthCm ? m.position : null, m.headCm ?? null,
        a.bmi, a.z.weightForAge, a.z.lengthForAge, a.z.weightForLength, a.z.bmiForAge, a.z.headForAge, doctor,
      ]);
    }

    // Developmental surveillance at every check from 3 months.
    const ageMonths = completedMonths(c.birthDate, on);
    const band = bandFor(ageMonths);
    if (band) {
      const sign = scenario === 'openReferral' ? months === lastCheck : !model && r.chance(0.03);
      const regression = !model && r.chance(0.002);
      const signs = sign ? [r.int(1, 4)] : [];
      const positive = sign || regression;
      const screeningId = uuidv7();
      await buf.add('dev_screenings', SCREENING_COLUMNS, [
        screeningId, c.unitCode, c.id, 'warningSigns', on, ageMonths, band.ageMonths, pgArray(signs), regression, null, null, null, null, null, null,
        positive ? 'positive' : 'negative', doctor,
      ]);
      if (positive) {
        const triggers: ReferralTrigger[] = [...(sign ? (['warningSigns'] as const) : []), ...(regression ? (['regression'] as const) : [])];
        await addReferral(buf, r, c, screeningId, on, triggers, today, institutions, scenario === 'openReferral');
        referrals++;
      }
    }
    if (MCHAT_MONTHS.includes(months)) {
      const roll = r.next();
      const pending = scenario === 'followUp' && months === lastMchat;
      const n = model ? 0 : pending ? 4 : roll < 0.01 ? r.int(8, 12) : roll < 0.05 ? r.int(3, 7) : r.int(0, 2);
      const answers = mchatAnswers(pickItems(r, n));
      const s = scoreMchat(answers);
      let result = mchatOutcome(s, ageMonths).result as 'negative' | 'positive' | 'followUpNeeded';
      let followUp: [string, number[], number] | null = null;
      if (result === 'followUpNeeded' && !pending && daysBetween(on, today) > 14 && r.chance(0.9)) {
        const still = s.atRiskItems.filter(() => r.chance(0.2));
        followUp = [addDays(on, r.int(3, 14)), still, still.length];
        result = still.length >= 2 ? 'positive' : 'negative';
      }
      const screeningId = uuidv7();
      await buf.add('dev_screenings', SCREENING_COLUMNS, [
        screeningId, c.unitCode, c.id, 'mchat', on, ageMonths, null, null, null, pgArray(answers), s.score, s.risk,
        followUp?.[0] ?? null, followUp ? pgArray(followUp[1]) : null, followUp?.[2] ?? null, result, doctor,
      ]);
      if (result === 'positive') {
        await addReferral(buf, r, c, screeningId, followUp?.[0] ?? on, ['mchat'], today, institutions);
        referrals++;
      }
    }
  }

  // Vaccinations on the schedule: most on time or a few days late; a few doses missed, most
  // of them caught up weeks later; a few children fall behind on many doses.
  const jeOption: VaccineCode = r.chance(0.1) ? 'JE-I' : 'JE-L';
  const hepaOption: VaccineCode = r.chance(0.1) ? 'HepA-I' : 'HepA-L';
  const laggard = scenario === 'laggard' || (!model && r.chance(0.02));
  const given = new Map<string, string>();
  for (const d of dosesFor(c.birthDate, [], { je: jeOption, hepa: hepaOption })) {
    const previous = given.get(`${d.series}:${d.dose - 1}`);
    if (d.dose > 1 && !previous) continue;
    let on = addMonths(c.birthDate, d.dueMonths);
    // Doses of a series keep their minimum interval (four weeks unless the schedule says otherwise).
    const earliest = previous && (d.minMonthsAfterPrevious ? addMonths(previous, d.minMonthsAfterPrevious) : addDays(previous, d.minDaysAfterPrevious ?? 28));
    if (earliest && earliest > on) on = earliest;
    if (d.dueMonths === 0) on = addDays(on, d.vaccine === 'BCG' ? r.int(0, 2) : 0);
    else on = addDays(on, model ? r.int(0, 6) : Math.floor(r.next() ** 3 * 40));
    if (!model && r.chance(laggard ? 0.35 : 0.008)) {
      if (laggard || !r.chance(0.6)) continue;
      on = addDays(on, r.int(60, 180));
    }
    if (on > today) continue;
    given.set(`${d.series}:${d.dose}`, on);
    // Codes, dates, digits and unit names: nothing a CSV field would need to quote.
    const lot = `${d.vaccine.replace('-', '')}${on.slice(0, 4)}${String(r.int(1, 999)).padStart(3, '0')}`;
    const place = d.dueMonths === 0 ? '绍兴市妇幼保健院产科' : `${host}预防接种门诊`;
    await buf.addLine('vaccinations', VACCINATION_COLUMNS, `${uuidv7()},${c.unitCode},${c.id},${d.vaccine},${seriesOf(d.vaccine)},${d.dose},${on},${lot},${place},${doctor}`);
  }
  return referrals;
}

async function addReferral(
  buf: CopyBuffer,
  r: Rng,
  c: SeedChild,
  screeningId: string,
  on: string,
  triggers: ReferralTrigger[],
  today: string,
  institutions: Record<string, string>,
  keepOpen = false,
): Promise<void> {
  let s = progressReferral(r, referralLevelFor(triggers), on, today, institutions);
  if (keepOpen) {
    const referred = applyReferralAction(newReferral(referralLevelFor(triggers)), { action: 'refer', on: addDays(on, 2), institution: institutions[referralLevelFor(triggers)] });
    s = referred.ok && addDays(on, 2) <= today ? referred.state : newReferral(referralLevelFor(triggers));
  }
  await buf.add('dev_referrals', REFERRAL_COLUMNS, [
    uuidv7(), c.unitCode, c.id, screeningId, pgArray(triggers), s.level, s.status, on, s.institution,
    s.referredOn, s.attendedOn, s.result, s.outcome, s.closedOn,
  ]);
}
