import type { Session } from './http.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';

/**
 * A 嵊州市 key child of 新北社区 with an orphan category, a contact card naming its director
 * and supervisor, a visit, and the county's computed basic living support. Nothing of it is
 * for 越城区 to see.
 */
export async function createWelfareFixture(shengzhou: Session, today: string): Promise<{ childId: string; membershipId: string; runId: string; workerIds: string[]; homeIds: string[]; ids: string[]; marks: string[] }> {
  const created = async (res: Promise<{ statusCode: number; body: string; json(): { id: string } & Record<string, unknown> }>) => {
    const r = await res;
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const person = await created(shengzhou.post('/api/people', { name: '嵊州福利专测童', idNumber: composeIdNumber('330683', '2014-08-08', 61), unitCode: '330683001002', address: '嵊州福利专测地址' }));
  const director = await created(shengzhou.post('/api/welfare/workers', { unitCode: '330683001002', role: 'director', name: '嵊州福利专测主任', phone: '13700009999' }));
  const supervisor = await created(shengzhou.post('/api/welfare/workers', { unitCode: '330683001', role: 'supervisor', name: '嵊州福利专测督导', phone: '13700008888' }));
  const child = await created(
    shengzhou.post('/api/welfare/children', {
      personId: person.id, category: 'orphan', subclass: 'scattered', basis: '嵊州福利专测依据', startDate: '2025-01-01',
      directorId: director.id, supervisorId: supervisor.id, guardianName: '嵊州福利专测监护人', guardianRelation: 'relative', guardianPhone: '13700007777',
    }),
  );
  const memberships = child.memberships as { id: string }[];
  await created(shengzhou.post(`/api/welfare/children/${child.id}/visits`, { visitedOn: today, visitorName: '嵊州福利专测主任', findings: '嵊州福利专测走访情况' }));
  const home = await created(shengzhou.post('/api/welfare/homes', { unitCode: '330683001002', name: '嵊州福利专测儿童之家', kind: 'demonstration', openedOn: '2024-01-01', address: '嵊州福利专测之家地址' }));
  const basic = await created(shengzhou.post('/api/welfare/homes', { unitCode: '330683001003', name: '嵊州福利专测基础之家', kind: 'basic', openedOn: '2024-01-01', hubId: home.id }));
  await created(shengzhou.post(`/api/welfare/homes/${home.id}/activities`, { heldOn: today, title: '嵊州福利专测活动', participants: 9 }));
  const month = today.slice(0, 7);
  const run = await created(shengzhou.post('/api/welfare/support/compute', { month, unitCode: '330683' }));
  return {
    childId: child.id,
    membershipId: memberships[0].id,
    runId: run.id,
    workerIds: [director.id, supervisor.id],
    homeIds: [home.id, basic.id],
    ids: [child.id, memberships[0].id, run.id, director.id, supervisor.id, home.id, basic.id],
    marks: ['嵊州福利专测童', '嵊州福利专测地址', '嵊州福利专测主任', '嵊州福利专测督导', '嵊州福利专测依据', '嵊州福利专测监护人', '13700007777', '13700009999', '嵊州福利专测走访情况', '嵊州福利专测儿童之家', '嵊州福利专测基础之家', '嵊州福利专测之家地址', '嵊州福利专测活动', child.id, run.id, director.id, home.id, '新北社区', '剡湖街道'],
  };
}
