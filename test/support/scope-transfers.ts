import type { FastifyInstance } from 'fastify';
import { signIn, type Session } from './http.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';

/**
 * A transfer inside 嵊州市: a person of 剡湖街道 that a 三江街道 staff member tried to register,
 * decided by 嵊州市's administrator. Nothing of it is for 越城区 to see.
 */
export async function createTransferFixture(app: FastifyInstance, shengzhou: Session): Promise<{ ids: string[]; marks: string[] }> {
  const idNumber = composeIdNumber('330683', '1969-06-06', 33);
  const person = await shengzhou.post('/api/people', { name: '嵊州专测迁出', idNumber, unitCode: '330683001002' });
  if (person.statusCode !== 201) throw new Error(`setup failed: ${person.body}`);
  const staff = await shengzhou.post('/api/users', { username: 'shengzhou-sanjiang', displayName: '嵊州专测三江', password: 'a-long-password', role: 'township_staff', unitCode: '330683002' });
  if (staff.statusCode !== 201) throw new Error(`setup failed: ${staff.body}`);
  const sanjiang = await signIn(app, 'shengzhou-sanjiang', 'a-long-password');
  const refused = await sanjiang.post('/api/people', { name: '嵊州专测迁入', idNumber, unitCode: '330683002001', address: '嵊州专测新址' });
  if (refused.statusCode !== 409) throw new Error(`setup failed: ${refused.body}`);
  const [transfer] = (await shengzhou.get('/api/people/transfers')).json().items as { id: string }[];
  return { ids: [transfer.id, person.json().id], marks: ['嵊州专测迁出', '嵊州专测迁入', '嵊州专测三江', 'shengzhou-sanjiang', '嵊州专测新址', transfer.id] };
}
