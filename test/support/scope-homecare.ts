import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../src/app/context.ts';
import { signIn } from './http.ts';
import { personFixture } from './homecare.ts';

/**
 * Home care inside 嵊州市: an elderly person with a care card, a provider with an item, an
 * order paid from the card and confirmed, a volunteer with confirmed hours, a family link and a
 * visit. Nothing of it is for 越城区 to see.
 */
export async function createHomecareFixture(p: Platform, app: FastifyInstance, today: string): Promise<{ ids: string[]; marks: string[] }> {
  const county = await signIn(app, 'shengzhou-health');
  const must = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 200) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const elder = await personFixture(p, { unitCode: '330683001002', name: '嵊州专测老人', birthDate: '1938-08-08' });
  const volunteer = await personFixture(p, { unitCode: '330683001002', name: '嵊州专测志愿者', birthDate: '1963-08-08' });
  const issued = await must(county.post('/api/homecare/card/issue', { personId: elder.id, amountFen: 123_45, idempotencyKey: 'shengzhou-secret-issue', memo: '嵊州专测发放' }));
  const provider = await must(county.post('/api/homecare/providers', { unitCode: '330683', name: '嵊州专测服务商', categories: ['meal'], address: '嵊州专测服务地址' }), 201);
  const withItem = await must(county.post(`/api/homecare/providers/${provider.id}/items`, { category: 'meal', name: '嵊州专测午餐', chargeUnit: 'service', priceFen: 12_00 }), 201);
  const order = await must(county.post('/api/homecare/orders', { personId: elder.id, itemId: withItem.items[0].id, quantity: 1, scheduledOn: today, payment: 'card', note: '嵊州专测备注' }), 201);
  for (const a of ['accept', 'visit', 'confirm']) await must(county.post(`/api/homecare/orders/${order.id}/${a}`, {}));
  const service = await must(county.post('/api/homecare/time/services', { volunteerId: volunteer.id, recipientId: elder.id, serviceType: 'dailyCare', servedOn: today, minutes: 90, description: '嵊州专测服务内容' }), 201);
  await must(county.post(`/api/homecare/time/services/${service.id}/confirm`, {}));
  await must(county.post('/api/homecare/time/relatives', { personId: volunteer.id, relativeId: elder.id, relation: 'spouse' }), 201);
  await must(county.post('/api/homecare/visits/targets', { personId: elder.id, category: 'alone', tier: 'high' }));
  await must(county.post('/api/homecare/visits', { personId: elder.id, visitedOn: today, mode: 'home', visitorName: '嵊州专测网格员', findings: '嵊州专测探访情况' }), 201);
  const timeAccount = (await must(county.get('/api/homecare/accounts?currency=time'))).items[0].id as string;
  const detail = await must(county.get(`/api/homecare/orders/${order.id}`));
  const statement = await must(county.get(`/api/homecare/accounts/${issued.account.id}/statement`));
  const ids = [elder.id, volunteer.id, issued.account.id, issued.txnId, timeAccount, provider.id, withItem.items[0].id, order.id, service.id, statement.lines[0].txnId];
  void detail;
  return {
    ids,
    marks: ['嵊州专测老人', '嵊州专测志愿者', '嵊州专测发放', '嵊州专测服务商', '嵊州专测服务地址', '嵊州专测午餐', '嵊州专测备注', '嵊州专测服务内容', '嵊州专测网格员', '嵊州专测探访情况', '嵊州市', ...ids],
  };
}
