import type { FastifyInstance } from 'fastify';
import { signIn, type Session } from './http.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';

/**
 * Protection cases in 嵊州市: one reported for a registered child, one by name only, each
 * assigned to a 嵊州市 child supervisor, with a referral, a note and a step taken. Nothing of
 * it is for 越城区 to see.
 */
export async function createProtectionFixture(app: FastifyInstance, shengzhou: Session): Promise<{ ids: string[]; marks: string[]; receipts: string[] }> {
  const must = async (res: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const child = await must(shengzhou.post('/api/people', { name: '嵊州保护甲', idNumber: composeIdNumber('330683', '2016-05-05', 41), unitCode: '330683001002' }));
  const worker = await must(shengzhou.post('/api/users', { username: 'shengzhou-protect', displayName: '嵊州保护督导', password: 'a-long-password', role: 'child_director', unitCode: '330683001' }));
  const registered = await must(shengzhou.post('/api/protection/reports', { personId: child.id, category: 'violence', situation: '嵊州保护经过甲', location: '嵊州保护地点' }));
  const named = await must(shengzhou.post('/api/protection/reports', { unitCode: '330683001002', childName: '嵊州保护乙', childDescription: '嵊州保护特征', category: 'neglect', situation: '嵊州保护经过乙' }));
  const list = await must(shengzhou.get('/api/protection/cases?pageSize=200'), 200);
  const ids: string[] = list.items.filter((c: { receiptNo: string }) => [registered.receiptNo, named.receiptNo].includes(c.receiptNo)).map((c: { id: string }) => c.id);
  if (ids.length !== 2) throw new Error('setup failed: cases not listed');
  const referralIds: string[] = [];
  for (const id of ids) {
    await must(shengzhou.post(`/api/protection/cases/${id}/assignees`, { userId: worker.id }), 200);
    const view = await must(shengzhou.post(`/api/protection/cases/${id}/referrals`, { department: 'police', request: '嵊州保护转介' }), 200);
    referralIds.push(view.referrals[0].id);
    await must(shengzhou.post(`/api/protection/cases/${id}/notes`, { note: '嵊州保护记录' }), 200);
    await must(shengzhou.post(`/api/protection/cases/${id}/transitions`, { action: 'startEmergency' }), 200);
  }
  const director = await signIn(app, 'shengzhou-protect', 'a-long-password');
  await must(director.get(`/api/protection/cases/${ids[0]}`), 200);
  return {
    ids: [...ids, ...referralIds, child.id, worker.id],
    receipts: [registered.receiptNo, named.receiptNo],
    marks: ['嵊州保护甲', '嵊州保护乙', '嵊州保护特征', '嵊州保护经过', '嵊州保护地点', '嵊州保护转介', '嵊州保护记录', '嵊州保护督导', 'shengzhou-protect', registered.receiptNo, named.receiptNo, ...ids, ...referralIds],
  };
}
