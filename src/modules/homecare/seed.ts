/**
 * Demo home-care data, written through the module's own services so every movement is a real,
 * audited ledger transaction: providers with priced items in every county, care cards issued
 * to elderly people, orders in every state (paid from the card or by the family), volunteers
 * with confirmed hours, a redemption and a family transfer, visit targets with visits, and
 * the demo elderly person's and volunteer's sign-ins linked to their person records.
 * Prices are demo figures, not published rates.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { addDays } from '../../app/dates.ts';
import type { Rng } from '../../app/random.ts';
import { systemActor, type Actor } from '../../app/scope.ts';
import type { Role } from '../access/index.ts';
import { actOnOrder, addItem, addRelative, createOrder, createProvider, decideVolunteerService, issueCard, linkUserToPerson, recordVisit, recordVolunteerService, redeemTime, setVisitTarget, transferTime } from './service.ts';
import type { ChargeUnit, ServiceCategory, VisitTier } from './rules.ts';
import type { OrderAction } from './orderFlow.ts';

export const HOMECARE_DEMO_USERS: { username: string; displayName: string; role: Role; unitCode: string }[] = [
  { username: 'tashan-elder', displayName: '塔山街道 老年人 王阿婆', role: 'elderly', unitCode: '330602001' },
  { username: 'tashan-volunteer', displayName: '塔山街道 志愿者 陈阿姨', role: 'volunteer', unitCode: '330602001' },
  { username: 'yuecheng-provider', displayName: '越城区 颐康居家养老服务中心', role: 'service_provider', unitCode: '330602' },
];

const CATALOGUE: { category: ServiceCategory; name: string; chargeUnit: ChargeUnit; priceFen: number }[] = [
  { category: 'meal', name: '午餐送餐', chargeUnit: 'service', priceFen: 15_00 },
  { category: 'meal', name: '中心堂食午餐', chargeUnit: 'service', priceFen: 10_00 },
  { category: 'bath', name: '上门助浴', chargeUnit: 'service', priceFen: 80_00 },
  { category: 'emergency', name: '紧急呼叫上门处置', chargeUnit: 'service', priceFen: 50_00 },
  { category: 'medical', name: '陪同就医', chargeUnit: 'hour', priceFen: 40_00 },
  { category: 'mobility', name: '助行陪护', chargeUnit: 'hour', priceFen: 35_00 },
  { category: 'cleaning', name: '居室保洁', chargeUnit: 'hour', priceFen: 45_00 },
  { category: 'respite', name: '喘息服务（日间照料）', chargeUnit: 'day', priceFen: 120_00 },
  { category: 'careBed', name: '家庭养老床位月度服务', chargeUnit: 'month', priceFen: 600_00 },
];

const COUNTIES = ['330602', '330603', '330604', '330624', '330681', '330683'];
const PROVIDER_NAMES = ['颐康居家养老服务中心', '安心助老服务社'];

export interface HomecareSeedResult {
  providers: number;
  cards: number;
  orders: number;
  volunteers: number;
  visits: number;
}

/** The path of each demo order: how far it goes from "requested". */
const PATHS: OrderAction[][] = [[], ['accept'], ['accept', 'visit'], ['accept', 'visit', 'confirm'], ['accept', 'visit', 'confirm', 'rate'], ['cancel'], ['accept', 'cancel']];

export async function seedHomecare(p: Platform, rng: Rng): Promise<HomecareSeedResult> {
  const today = p.today();
  const actor: Actor = systemActor('seed');
  const result: HomecareSeedResult = { providers: 0, cards: 0, orders: 0, volunteers: 0, visits: 0 };
  const providerUser = HOMECARE_DEMO_USERS.find((u) => u.role === 'service_provider')!.username;
  for (const county of COUNTIES) {
    const elderly = await p.db.rows<{ id: string; unitCode: string; birthDate: string }>(sql`
      SELECT id, unit_code AS "unitCode", birth_date::text AS "birthDate" FROM persons
      WHERE unit_code LIKE ${`${county}%`} AND birth_date <= ${addDays(today, -60 * 366)} ORDER BY id LIMIT 60`);
    if (elderly.length < 12) continue;
    const providers = [];
    for (const [i, name] of PROVIDER_NAMES.entries()) {
      const items = i === 0 ? CATALOGUE : CATALOGUE.filter((c) => ['meal', 'cleaning', 'respite'].includes(c.category));
      let provider = await createProvider(p, actor, {
        unitCode: county,
        name,
        categories: [...new Set(items.map((c) => c.category))],
        phone: `0575-8${county.slice(4)}${String(1000 + i).slice(1)}1`,
        address: `${name}服务站`,
        username: county === '330602' && i === 0 ? providerUser : undefined,
      });
      for (const item of items) provider = await addItem(p, actor, provider.id, { ...item, priceFen: item.priceFen + (i === 1 ? 2_00 : 0) });
      providers.push(provider);
      result.providers += 1;
    }

    // Care cards: the older half of the sample holds one, with 300 or 500 yuan issued.
    const byAge = [...elderly].sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    const holders = byAge.slice(0, Math.min(30, byAge.length - 8));
    const left = new Map<string, number>();
    for (const h of holders) {
      const amountFen = rng.chance(0.5) ? 300_00 : 500_00;
      left.set(h.id, amountFen);
      await issueCard(p, actor, { personId: h.id, amountFen, idempotencyKey: `seed:issue:${h.id}`, memo: '爱心卡季度发放' });
      result.cards += 1;
    }

    // Orders in every state, most paid from the card.
    for (let k = 0; k < 21; k++) {
      const person = holders[k % holders.length];
      const provider = providers[k % 3 === 2 ? 1 : 0];
      const item = provider.items[rng.int(0, provider.items.length - 1)];
      const quantity = item.chargeUnit === 'month' ? 1 : item.chargeUnit === 'day' ? rng.int(1, 3) : rng.int(1, 2);
      // The card pays while it covers the order; beyond that the family pays.
      const amount = item.priceFen * quantity;
      const payment = k % 5 === 4 || amount > (left.get(person.id) ?? 0) ? 'self' : 'card';
      if (payment === 'card') left.set(person.id, (left.get(person.id) ?? 0) - amount);
      const order = await createOrder(p, actor, { personId: person.id, itemId: item.id, quantity, scheduledOn: addDays(today, rng.int(-20, 5)), payment, note: k % 4 === 0 ? '请提前电话联系' : undefined });
      for (const action of PATHS[k % PATHS.length]) {
        await actOnOrder(p, actor, order.id, action, action === 'rate' ? { rating: rng.int(3, 5), comment: '服务认真，准时' } : action === 'cancel' ? { reason: '老人住院，暂不需要' } : {});
      }
      result.orders += 1;
    }

    // Volunteers: younger elderly people with confirmed services; one redeems, one gives hours to a spouse.
    const volunteers = byAge.slice(holders.length).reverse().slice(0, 8);
    for (const [i, v] of volunteers.entries()) {
      for (let s = 0; s < 4; s++) {
        const rec = await recordVolunteerService(p, actor, {
          volunteerId: v.id,
          recipientId: holders[(i + s) % holders.length].id,
          serviceType: (['dailyCare', 'emotionalSupport', 'recreation', 'talks'] as const)[(i + s) % 4],
          servedOn: addDays(today, -rng.int(1, 60)),
          minutes: rng.pick([60, 90, 120, 180]),
          description: ['陪老人聊天', '帮忙打扫房间', '组织手工活动', '讲解防诈骗知识'][(i + s) % 4],
        });
        if (s < 3) await decideVolunteerService(p, actor, rec.id, 'confirm');
      }
      result.volunteers += 1;
    }
    await redeemTime(p, actor, { personId: volunteers[0].id, minutes: 60, idempotencyKey: `seed:redeem:${volunteers[0].id}`, memo: '兑换上门保洁 1 小时' });
    await addRelative(p, actor, { personId: volunteers[1].id, relativeId: holders[0].id, relation: 'spouse' });
    await transferTime(p, actor, { fromPersonId: volunteers[1].id, toPersonId: holders[0].id, minutes: 60, idempotencyKey: `seed:transfer:${volunteers[1].id}` });

    // Visit targets among the oldest, most visited within their interval.
    const tiers: VisitTier[] = ['high', 'key', 'general'];
    for (const [i, t] of holders.slice(0, 12).entries()) {
      await setVisitTarget(p, actor, { personId: t.id, category: (['alone', 'emptyNest', 'veryOld', 'disabled'] as const)[i % 4], tier: tiers[i % 3] });
      if (i % 5 !== 4) {
        await recordVisit(p, actor, { personId: t.id, visitedOn: addDays(today, -rng.int(0, 6)), mode: i % 2 ? 'phone' : 'home', visitorName: '网格员 周师傅', findings: '身体状况稳定，居家安全' });
        result.visits += 1;
      }
    }

    if (county === '330602') {
      const tashan = elderly.filter((e) => e.unitCode.startsWith('330602001'));
      const elder = holders.find((h) => h.unitCode.startsWith('330602001')) ?? tashan[0];
      const volunteer = volunteers.find((v) => v.unitCode.startsWith('330602001')) ?? tashan.at(-1);
      if (elder) await linkUserToPerson(p, actor, { username: 'tashan-elder', personId: elder.id });
      if (volunteer && volunteer.id !== elder?.id) await linkUserToPerson(p, actor, { username: 'tashan-volunteer', personId: volunteer.id });
    }
  }
  return result;
}
