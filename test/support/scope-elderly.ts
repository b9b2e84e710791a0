import type { Session } from './http.ts';
import { PROFILE, abilityScores, elderlyPerson } from './elderly.ts';

/**
 * Elderly records of 嵊州市: a person with a profile, an ability assessment, a health
 * assessment and an open dementia case, a public home with that person on its waiting list,
 * and a care worker. Nothing of it is for 越城区 to see.
 */
export async function createElderlyFixture(shengzhou: Session, today: string): Promise<{ ids: string[]; marks: string[]; personId: string }> {
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: string } }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`setup failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const personId = await elderlyPerson(shengzhou, { name: '嵊州专测老人', birthDate: '1946-04-04', unitCode: '330683001002' });
  await ok(shengzhou.put(`/api/elderly/profiles/${personId}`, { ...PROFILE, note: '嵊州专测备注' }));
  const assessment = await ok(shengzhou.post(`/api/elderly/profiles/${personId}/assessments`, { assessedOn: today, reason: 'first', scores: abilityScores(40) }));
  const health = await ok(
    shengzhou.post(`/api/elderly/profiles/${personId}/health-assessments`, { assessedOn: today, smoking: false, drinking: false, exercise: 'weekly', systolic: 140, diastolic: 90, heightCm: 160, weightKg: 55, tcmConstitution: 'balanced', selfCare: 'dependent' }),
  );
  const dementia = await ok(shengzhou.post(`/api/elderly/profiles/${personId}/dementia-screens`, { screenedOn: today, tool: 'ad8', score: 4 }));
  const home = await ok(shengzhou.post('/api/elderly/institutions', { unitCode: '330683001', name: '嵊州专测敬老院', publicHome: true, beds: 50, nursingBeds: 30, dementiaBeds: 4, socialWorkers: 1, address: '嵊州专测院址' }));
  const list = (await ok(shengzhou.post(`/api/elderly/institutions/${home.id}/waiting-list`, { personId, appliedOn: today }))) as unknown as { entries: { id: string }[] };
  const worker = await ok(shengzhou.post('/api/elderly/workers', { institutionId: home.id, name: '嵊州专测护理员', startedOn: '2022-01-01', certificates: [{ level: 2, certifiedOn: '2022-06-01' }] }));
  const ids = [personId, assessment.id, health.id, dementia.id, home.id, list.entries[0].id, worker.id];
  return { ids, personId, marks: ['嵊州专测老人', '嵊州专测备注', '嵊州专测敬老院', '嵊州专测院址', '嵊州专测护理员', ...ids] };
}
