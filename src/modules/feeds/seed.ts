/**
 * Demo data of the feeds: a data officer for each department (市民政局's is the platform's
 * city-data account), and at the demo and city scales one feed of every department over the
 * seeded people, run through the same path as an upload, so facts, supersedes and alerts are real.
 */
import { eq, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { systemActor } from '../../app/scope.ts';
import type { Rng } from '../../app/random.ts';
import { createUser } from '../access/index.ts';
import { users } from '../access/index.ts';
import { decryptIdNumber } from '../people/index.ts';
import type { Department, FactKind } from './kinds.ts';
import { runFeed } from './service.ts';
import { feedOfficers } from './schema.ts';
import type { FeedRecord } from './rows.ts';

export const FEED_DEMO_USERS: { username: string; displayName: string; department: Department }[] = [
  { username: 'city-data-education', displayName: '市教育局 数据专员', department: 'education' },
  { username: 'city-data-police', displayName: '市公安局 数据专员', department: 'publicSecurity' },
  { username: 'city-data-health', displayName: '市卫健委 数据专员', department: 'health' },
  { username: 'city-data-hr', displayName: '市人社局 数据专员', department: 'humanResources' },
  { username: 'city-data-insurance', displayName: '市医保局 数据专员', department: 'medicalInsurance' },
  { username: 'city-data-women', displayName: '市妇联 数据专员', department: 'womensFederation' },
  { username: 'city-data-disabled', displayName: '市残联 数据专员', department: 'disabledPersons' },
  { username: 'city-data-youth', displayName: '团市委 数据专员', department: 'youthLeague' },
];

export async function seedFeeds(p: Platform, rng: Rng, opts: { scale: 'base' | 'demo' | 'city'; password: string; onProgress?: (done: number, total: number) => void }): Promise<void> {
  const actor = systemActor('seed');
  for (const u of FEED_DEMO_USERS) await createUser(p, actor, { username: u.username, displayName: u.displayName, role: 'data_officer', unitCode: '3306', password: opts.password });
  const officers = [{ username: 'city-data', department: 'civilAffairs' as Department }, ...FEED_DEMO_USERS];
  for (const o of officers) {
    const [u] = await p.db.orm.select({ id: users.id }).from(users).where(eq(users.username, o.username)).limit(1);
    if (u) await p.db.orm.insert(feedOfficers).values({ userId: u.id, department: o.department }).onConflictDoNothing();
  }
  if (opts.scale === 'base') return;

  const today = p.today();
  const year = Number(today.slice(0, 4));
  const people = await p.db.rows<{ id_cipher: Uint8Array; name: string; unit_code: string; birth_date: string }>(
    sql`SELECT id_cipher, name, unit_code, birth_date::text AS birth_date FROM persons ORDER BY id`,
  );
  const all = people.map((r) => ({ idNumber: decryptIdNumber(p.keys, r.id_cipher), name: r.name, unitCode: r.unit_code, birthDate: r.birth_date, age: year - Number(r.birth_date.slice(0, 4)) }));
  const children = all.filter((x) => x.age < 18);
  const elderly = all.filter((x) => x.age >= 60);
  const pick = <T>(xs: T[], share: number) => xs.filter(() => rng.chance(share));
  const seq = (n: number) => String(n).padStart(9, '0');
  let certificate = 1;

  const feeds: { department: Department; kind: FactKind; fileName: string; rows: Record<string, string>[] }[] = [
    {
      department: 'health',
      kind: 'birth',
      fileName: '出生医学证明信息（示例）.csv',
      rows: children.filter((c) => c.age <= 3).map((c) => ({ idNumber: c.idNumber, name: c.name, unitCode: c.unitCode, birthDate: c.birthDate, certificateNo: `Q${seq(certificate++)}`, birthPlace: '绍兴市妇幼保健院' })),
    },
    {
      department: 'publicSecurity',
      kind: 'household',
      fileName: '户籍登记信息（示例）.csv',
      rows: pick(all, 0.3).map((x) => ({ idNumber: x.idNumber, name: x.name, unitCode: x.unitCode, event: x.age === 0 ? '出生登记' : '户籍登记', eventDate: x.age === 0 ? x.birthDate : `${year - 1}-06-30` })),
    },
    {
      department: 'education',
      kind: 'school',
      fileName: '中小学学籍信息（示例）.csv',
      rows: children.filter((c) => c.age >= 6 && c.age <= 15).map((c) => {
        const dropped = rng.chance(0.004);
        return { idNumber: c.idNumber, schoolName: c.age <= 12 ? '绍兴市实验小学' : '绍兴市第一初级中学', status: dropped ? '辍学' : '在读', statusDate: dropped ? `${year}-09-15` : `${year}-09-01` };
      }),
    },
    {
      department: 'disabledPersons',
      kind: 'disability',
      fileName: '残疾人证信息（示例）.csv',
      rows: [...pick(children, 0.01), ...pick(elderly, 0.03)].map((x) => ({ idNumber: x.idNumber, certificateNo: `${x.idNumber}${rng.int(1, 7)}${rng.int(1, 4)}`, category: '', grade: '', issuedOn: `${year - rng.int(0, 3)}-0${rng.int(1, 9)}-15` })).map((r) => ({ ...r, category: String(['视力', '听力', '言语', '肢体', '智力', '精神', '多重'][Number(r.certificateNo[18]) - 1]), grade: String(r.certificateNo[19]) })),
    },
    {
      department: 'civilAffairs',
      kind: 'lowIncome',
      fileName: '低保低边特困对象（示例）.csv',
      rows: [...pick(children, 0.03), ...pick(elderly, 0.04)].map((x) => ({ idNumber: x.idNumber, status: rng.chance(0.7) ? '低保' : rng.chance(0.6) ? '低边' : '特困', validFrom: `${year - rng.int(0, 3)}-0${rng.int(1, 9)}-01` })),
    },
    {
      department: 'publicSecurity',
      kind: 'death',
      fileName: '死亡注销信息（示例）.csv',
      rows: pick(elderly.filter((e) => e.age >= 80), 0.01).map((x) => ({ idNumber: x.idNumber, deathDate: `${year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` })).filter((r) => r.deathDate <= today),
    },
    {
      department: 'humanResources',
      kind: 'migrantWork',
      fileName: '外出务工人员登记（示例）.csv',
      rows: pick(elderly.filter((e) => e.age < 65), 0.05).map((x) => ({ idNumber: x.idNumber, workPlace: rng.chance(0.5) ? '杭州市' : '宁波市', validFrom: `${year - 1}-03-01` })),
    },
    {
      department: 'womensFederation',
      kind: 'leftBehind',
      fileName: '留守儿童关爱登记（示例）.csv',
      rows: pick(children.filter((c) => c.age >= 3), 0.03).map((x) => ({ idNumber: x.idNumber, caregiver: rng.chance(0.7) ? '祖父母' : '外祖父母', validFrom: `${year - 1}-09-01` })),
    },
    {
      department: 'youthLeague',
      kind: 'careProgramme',
      fileName: '青少年结对关爱（示例）.csv',
      rows: pick(children.filter((c) => c.age >= 6), 0.01).map((x) => ({ idNumber: x.idNumber, programme: '“青春护航”结对关爱', validFrom: `${year}-03-05` })),
    },
  ];
  // Enrolment: most children every year, fewer newborns in their birth year, the last year a little lower (a demo of gaps).
  const insurance: Record<string, string>[] = [];
  for (const c of children) {
    for (const y of [year - 2, year - 1, year]) {
      if (Number(c.birthDate.slice(0, 4)) > y) continue;
      const newborn = Number(c.birthDate.slice(0, 4)) === y;
      if (!rng.chance(newborn ? 0.84 : y === year ? 0.955 : 0.97)) continue;
      const enrolledOn = newborn ? c.birthDate : `${y - 1}-11-${String(rng.int(1, 28)).padStart(2, '0')}`;
      insurance.push({ idNumber: c.idNumber, year: String(y), place: c.unitCode.slice(0, 6), enrolledOn: enrolledOn > today ? today : enrolledOn });
    }
  }
  // Enrolment before assistance, so the gaps the assistance feed raises are read against the enrolment data.
  feeds.unshift({ department: 'medicalInsurance', kind: 'insurance', fileName: '城乡居民医保参保信息（示例）.csv', rows: insurance });

  let done = 0;
  for (const f of feeds) {
    async function* records(): AsyncGenerator<FeedRecord> {
      for (const [i, r] of f.rows.entries()) yield { line: i + 2, input: r };
    }
    await runFeed(p, { ...actor, username: `seed:${f.department}` }, { department: f.department, kind: f.kind, channel: 'upload', fileName: f.fileName, fileSha256: 'seed' }, records(), 5000);
    opts.onProgress?.(++done, feeds.length);
  }
}
