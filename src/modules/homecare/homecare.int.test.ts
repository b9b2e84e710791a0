import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { personFixture } from '../../../test/support/homecare.ts';

const { p, app } = await testApp({ today: () => '2026-11-20' });
const county = await signIn(app, 'yuecheng-health');
const staff = await signIn(app, 'tashan-staff');
const provider = await signIn(app, 'yuecheng-provider');
const elderUser = await signIn(app, 'tashan-elder');

const elder = await personFixture(p, { name: '测试王阿婆', birthDate: '1940-05-01' });
const young = await personFixture(p, { name: '测试年轻人', birthDate: '1990-05-01' });

async function auditCount(action: string): Promise<number> {
  const [r] = await p.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);
  return r.n;
}

const providerRes = await county.post('/api/homecare/providers', { unitCode: '330602', name: '测试助餐中心', categories: ['meal', 'cleaning', 'respite', 'careBed'], username: 'yuecheng-provider' });
const providerId = providerRes.json().id as string;
const withItems = await county.post(`/api/homecare/providers/${providerId}/items`, { category: 'meal', name: '午餐送餐', chargeUnit: 'service', priceFen: 15_00 });
const mealItem = withItems.json().items[0].id as string;

describe('providers and items', () => {
  it('registers a provider with priced items, and refuses an item outside its categories', async () => {
    expect(providerRes.statusCode, providerRes.body).toBe(201);
    expect(withItems.statusCode, withItems.body).toBe(201);
    const bath = await county.post(`/api/homecare/providers/${providerId}/items`, { category: 'bath', name: '助浴', chargeUnit: 'service', priceFen: 80_00 });
    expect(bath.json().error.fields[0]).toMatchObject({ field: 'category', code: 'homecare.providerCategory', message: '服务商不提供这一类服务' });
    expect((await staff.post('/api/homecare/providers', { unitCode: '330602001', name: 'x', categories: ['meal'] })).statusCode).toBe(403);
    const list = (await staff.get('/api/homecare/providers')).json();
    expect(list.find((x: { id: string }) => x.id === providerId).items).toHaveLength(1);
  });
});

describe('the care card', () => {
  it('issues once per key, refuses another payload on the same key, and refuses a person under 60', async () => {
    const body = { personId: elder.id, amountFen: 300_00, idempotencyKey: 'test-issue-0001' };
    const first = await county.post('/api/homecare/card/issue', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'issue', amount: 300_00, replayed: false, account: { balance: 300_00, available: 300_00, personName: '测试王阿婆' } });
    const again = await county.post('/api/homecare/card/issue', body);
    expect(again.json()).toMatchObject({ replayed: true, txnId: first.json().txnId, account: { balance: 300_00 } });
    const other = await county.post('/api/homecare/card/issue', { ...body, amountFen: 1 });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields[0].field).toBe('idempotencyKey');
    const tooYoung = await county.post('/api/homecare/card/issue', { ...body, personId: young.id, idempotencyKey: 'test-issue-0002' });
    expect(tooYoung.json().error.fields[0]).toMatchObject({ field: 'personId', message: '只有年满 60 周岁的老年人可以使用' });
    const en = await county.post('/api/homecare/card/issue', { ...body, amountFen: -5 }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0].field).toBe('amountFen');
    expect((await staff.post('/api/homecare/card/issue', { ...body, idempotencyKey: 'test-issue-0003' })).statusCode).toBe(403);
    expect(await auditCount('homecare.ledger.issue')).toBe(1);
  });
});

describe('a 助餐 order paid from the care card', () => {
  it('holds at acceptance, captures at confirmation, is rated; the statement shows the spend', async () => {
    const created = await staff.post('/api/homecare/orders', { personId: elder.id, itemId: mealItem, quantity: 2, scheduledOn: '2026-11-21', payment: 'card' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'requested', amountFen: 30_00, category: 'meal', actions: ['accept', 'cancel'] });
    expect((await staff.post(`/api/homecare/orders/${order.id}/confirm`, {})).json().error.fields[0].code).toBe('homecare.orderTransition');
    // The provider sees and accepts its order: 30 yuan are held.
    const mine = (await provider.get('/api/homecare/orders')).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toContain(order.id);
    const accepted = await provider.post(`/api/homecare/orders/${order.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'accepted', holdStatus: 'held' });
    const account = (await county.get('/api/homecare/accounts?currency=card&q=测试王阿婆')).json().items[0];
    expect(account).toMatchObject({ balance: 300_00, held: 30_00, available: 270_00 });
    expect((await provider.post(`/api/homecare/orders/${order.id}/visit`, {})).json().status).toBe('visited');
    // The provider cannot confirm its own service; the elderly person (linked to their record) can.
    expect((await provider.post(`/api/homecare/orders/${order.id}/confirm`, {})).statusCode).toBe(409);
    await county.post('/api/homecare/self-links', { username: 'tashan-elder', personId: elder.id });
    const me = (await elderUser.get('/api/homecare/me')).json();
    expect(me.orders[0]).toMatchObject({ id: order.id, actions: ['confirm'] });
    const confirmed = await elderUser.post(`/api/homecare/orders/${order.id}/confirm`, {});
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', holdStatus: 'captured' });
    expect((await elderUser.post(`/api/homecare/orders/${order.id}/confirm`, {})).statusCode).toBe(409);
    expect((await elderUser.post(`/api/homecare/orders/${order.id}/rate`, {})).json().error.fields[0].field).toBe('rating');
    const rated = await elderUser.post(`/api/homecare/orders/${order.id}/rate`, { rating: 5, comment: '饭菜可口' });
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 5 });
    expect(rated.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['requested', 'accepted', 'visited', 'confirmed', 'rated']);
    const statement = (await county.get(`/api/homecare/accounts/${account.id}/statement`)).json();
    expect(statement.account).toMatchObject({ balance: 270_00, held: 0 });
    expect(statement.lines.map((l: { kind: string; amount: number; balanceAfter: number }) => [l.kind, l.amount, l.balanceAfter])).toEqual([
      ['spend', -30_00, 270_00],
      ['issue', 300_00, 300_00],
    ]);
    expect(await auditCount('homecare.statement.read')).toBe(1);
    // A refund returns to the card, never more than was spent.
    const spendId = statement.lines[0].txnId;
    expect((await county.post('/api/homecare/card/refund', { txnId: spendId, amountFen: 31_00, idempotencyKey: 'test-refund-01', reason: '送餐迟到' })).json().error.fields[0].code).toBe('homecare.refundTooLarge');
    const refund = await county.post('/api/homecare/card/refund', { txnId: spendId, amountFen: 10_00, idempotencyKey: 'test-refund-02', reason: '送餐迟到' });
    expect(refund.json()).toMatchObject({ kind: 'refund', account: { balance: 280_00 } });
    const summary = (await county.get('/api/homecare/card/summary')).json();
    expect(summary.rows[0]).toMatchObject({ unitCode: '330602', issued: 300_00, spent: 30_00, refunded: 10_00, outstanding: 280_00 });
  });

  it('releases the hold when an accepted order is cancelled, and refuses an order the card cannot cover', async () => {
    const big = await staff.post('/api/homecare/orders', { personId: elder.id, itemId: mealItem, quantity: 18, scheduledOn: '2026-11-22', payment: 'card' });
    const accepted = await provider.post(`/api/homecare/orders/${big.json().id}/accept`, {});
    expect(accepted.json().holdStatus).toBe('held');
    const tooMuch = await staff.post('/api/homecare/orders', { personId: elder.id, itemId: mealItem, quantity: 2, scheduledOn: '2026-11-22', payment: 'card' });
    const refused = await provider.post(`/api/homecare/orders/${tooMuch.json().id}/accept`, {});
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'amount', message: '爱心卡可用余额不足' });
    const cancelled = await staff.post(`/api/homecare/orders/${big.json().id}/cancel`, { reason: '住院' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', holdStatus: 'released' });
    expect((await provider.post(`/api/homecare/orders/${tooMuch.json().id}/accept`, {})).json().status).toBe('accepted');
  });
});

describe('the time bank', () => {
  it('earns hours on confirmation once, redeems from 60, gives hours only to a registered spouse or direct relative', async () => {
    const volunteer = await personFixture(p, { name: '测试志愿者', birthDate: '1962-02-02' });
    const son = await personFixture(p, { name: '测试儿子', birthDate: '1988-02-02' });
    const neighbour = await personFixture(p, { name: '测试邻居', birthDate: '1950-02-02' });
    const rec = await staff.post('/api/homecare/time/services', { volunteerId: volunteer.id, recipientId: elder.id, serviceType: 'dailyCare', servedOn: '2026-11-19', minutes: 120, description: '打扫' });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await staff.post('/api/homecare/time/services', { volunteerId: volunteer.id, serviceType: 'dailyCare', servedOn: '2026-11-21', minutes: 60 })).json().error.fields[0].code).toBe('homecare.inFuture');
    const confirmed = await staff.post(`/api/homecare/time/services/${rec.json().id}/confirm`, {});
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', earnedMinutes: 120 });
    expect((await staff.post(`/api/homecare/time/services/${rec.json().id}/confirm`, {})).statusCode).toBe(409);
    const toNeighbour = await staff.post('/api/homecare/time/transfer', { fromPersonId: volunteer.id, toPersonId: neighbour.id, minutes: 30, idempotencyKey: 'test-transfer-1' });
    expect(toNeighbour.json().error.fields[0].field).toBe('toPersonId');
    await staff.post('/api/homecare/time/relatives', { personId: volunteer.id, relativeId: son.id, relation: 'child' });
    const rels = (await staff.get(`/api/homecare/time/relatives?personId=${son.id}`)).json();
    expect(rels).toEqual([expect.objectContaining({ relativeName: '测试志愿者', relation: 'parent', transferAllowed: true })]);
    const given = await staff.post('/api/homecare/time/transfer', { fromPersonId: volunteer.id, toPersonId: son.id, minutes: 30, idempotencyKey: 'test-transfer-2' });
    expect(given.json()).toMatchObject({ kind: 'transfer', amount: 30, account: { balance: 90 } });
    expect((await staff.post('/api/homecare/time/transfer', { fromPersonId: volunteer.id, toPersonId: son.id, minutes: 30, idempotencyKey: 'test-transfer-2' })).json()).toMatchObject({ replayed: true, account: { balance: 90 } });
    expect((await staff.post('/api/homecare/time/redeem', { personId: son.id, minutes: 30, idempotencyKey: 'test-redeem-1', memo: '兑换' })).json().error.fields[0].code).toBe('homecare.tooYoungToRedeem');
    expect((await staff.post('/api/homecare/time/redeem', { personId: volunteer.id, minutes: 91, idempotencyKey: 'test-redeem-2', memo: '兑换' })).json().error.fields[0].code).toBe('homecare.insufficientTime');
    expect((await staff.post('/api/homecare/time/redeem', { personId: volunteer.id, minutes: 0, idempotencyKey: 'test-redeem-3', memo: '兑换' })).statusCode).toBe(400);
    expect((await staff.post('/api/homecare/time/redeem', { personId: volunteer.id, minutes: 60, idempotencyKey: 'test-redeem-4', memo: '兑换保洁' })).json().account.balance).toBe(30);
    const rules = (await staff.get('/api/homecare/time/rules')).json();
    expect(rules[0]).toMatchObject({ redeemMinAge: 60, inEffect: true, validityMonths: null });
  });
});

describe('visits to special-difficulty elderly', () => {
  it('counts a target covered once visited within its tier’s interval', async () => {
    const target = await staff.post('/api/homecare/visits/targets', { personId: elder.id, category: 'alone', tier: 'high' });
    expect(target.statusCode, target.body).toBe(200);
    expect(target.json().rows[0]).toMatchObject({ unitCode: '330602001', targets: 1, covered: 0 });
    const visited = await staff.post('/api/homecare/visits', { personId: elder.id, visitedOn: '2026-11-18', mode: 'home', visitorName: '网格员' });
    expect(visited.json().rows[0]).toMatchObject({ targets: 1, covered: 1, rate: 1 });
    expect(visited.json().targets[0]).toMatchObject({ lastVisitedOn: '2026-11-18', dueOn: '2026-11-25', overdue: false });
  });
});
