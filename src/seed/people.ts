/**
 * Synthetic people of the key groups (一老一小): children 0–17 and people 60+, placed in
 * villages in proportion to their population base, the children under 3 as many as its
 * children 0–2. Names, birth dates and ID numbers are
 * generated; ID numbers are valid GB 11643 numbers whose region code is the county of
 * birth registration (older 柯桥区 residents keep 330621, the former 绍兴县, and a share of
 * residents come from elsewhere in the province and beyond).
 */
import { composeIdNumber } from '../modules/people/idNumber.ts';
import type { Rng } from '../app/random.ts';

export interface SeedPerson {
  unitCode: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone: string | null;
  address: string;
}

// Common surnames in Zhejiang, most frequent first (weights are a rough guide only).
const SURNAMES = '王陈张李徐吴周金沈朱杨俞何胡钱蒋赵孙黄魏袁章冯郑蔡许丁潘宣马楼施斯屠谢方傅应严汪叶';
const GIVEN = {
  male: '伟强磊军勇杰涛斌超明辉刚鹏华建国志文浩宇俊晨博睿轩泽瑞铭航一鸣子豪嘉诚佳乐天宁安康',
  female: '芳娜敏静丽艳娟霞燕玲萍红秀英美慧婷雪琳欣怡雨涵梓萱思语可馨诗琪佳悦紫晴梦瑶若溪',
} as const;
// Region codes (current) of people born elsewhere who now live in Shaoxing: other Zhejiang
// cities, then the provinces most migrants come from.
const ELSEWHERE = ['330102', '330106', '330203', '330302', '330402', '330502', '330702', '331002', '340102', '360102', '341221', '511321', '520304', '430421'];
const FORMER_SHAOXING_COUNTY = '330621';

export interface PeopleScale {
  /** Share of each village's children 0–17 and people 60+ to generate. */
  share: number;
}

export function personName(rng: Rng, sex: 'male' | 'female'): string {
  const given = GIVEN[sex];
  const first = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(rng.next() ** 1.6 * SURNAMES.length))];
  const one = given[rng.int(0, given.length - 1)];
  return rng.chance(0.75) ? first + one + given[rng.int(0, given.length - 1)] : first + one;
}

function isoDaysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export interface VillageQuota {
  code: string;
  name: string;
  townshipName: string;
  /** Children 0–17, of whom `infants` are under 3 (the population base's children 0–2). */
  children: number;
  infants: number;
  elderly: number;
}

/**
 * Generates the people of one village. `sequences` keeps the per-region, per-day sequence
 * numbers across villages so every ID number is unique.
 */
export function* generateVillagePeople(
  rng: Rng,
  village: VillageQuota,
  today: string,
  sequences: Map<string, number>,
): Generator<SeedPerson> {
  const county = village.code.slice(0, 6);
  const groups: { count: number; minDays: number; maxDays: number }[] = [
    { count: village.infants, minDays: 0, maxDays: 3 * 365 - 1 },
    { count: village.children - village.infants, minDays: 3 * 366, maxDays: 18 * 365 - 1 },
    { count: village.elderly, minDays: 60 * 365 + 15, maxDays: 100 * 365 },
  ];
  for (const g of groups) {
    for (let i = 0; i < g.count; i++) {
      const sex = rng.chance(0.5) ? 'male' : 'female';
      // Fewer people at older ages: skew the age towards the lower end for the elderly.
      const span = g.maxDays - g.minDays;
      const days = g.minDays + Math.floor((g.minDays > 0 ? rng.next() ** 1.8 : rng.next()) * span);
      const birthDate = isoDaysBefore(today, days);
      let region = county;
      if (rng.chance(0.08)) region = rng.pick(ELSEWHERE);
      else if (county === '330603' && birthDate < '2013-10-01' && rng.chance(0.8)) region = FORMER_SHAOXING_COUNTY;
      const key = region + birthDate;
      const parity = sex === 'male' ? 1 : 0;
      let seq = sequences.get(key) ?? rng.int(0, 40) * 2 + parity;
      if (seq % 2 !== parity) seq++;
      if (seq > 999) continue;
      sequences.set(key, seq + 1);
      yield {
        unitCode: village.code,
        name: personName(rng, sex),
        sex,
        birthDate,
        idNumber: composeIdNumber(region, birthDate, seq),
        phone: g.minDays > 0 && rng.chance(0.3) ? null : `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        address: `${village.townshipName}${village.name}${rng.int(1, 300)}号`,
      };
    }
  }
}
