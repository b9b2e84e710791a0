import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';

const { app } = await testApp({ today: () => '2026-11-20' });
const staff = await signIn(app, 'tashan-staff');
const county = await signIn(app, 'yuecheng-health');

describe('children’s homes', () => {
  it('registers a demonstration home with N basic homes ("1+N"), records activities once, and reports the targets', async () => {
    const demo = await staff.post('/api/welfare/homes', { unitCode: '330602001011', name: '塔山社区示范型儿童之家', kind: 'demonstration', openedOn: '2024-05-01' });
    expect(demo.statusCode, demo.body).toBe(201);
    const basics = [];
    for (const [unit, name] of [['330602001004', '花园社区儿童之家'], ['330602001008', '沈园社区儿童之家']]) {
      const b = await staff.post('/api/welfare/homes', { unitCode: unit, name, kind: 'basic', openedOn: '2024-06-01', hubId: demo.json().id });
      expect(b.statusCode, b.body).toBe(201);
      basics.push(b.json());
    }
    const unlinked = (await staff.post('/api/welfare/homes', { unitCode: '330602001010', name: '罗北社区儿童之家', kind: 'basic', openedOn: '2024-06-01' })).json();
    expect((await staff.post('/api/welfare/homes', { unitCode: '330602001010', name: '罗北社区儿童之家', kind: 'basic', openedOn: '2024-06-01' })).statusCode).toBe(409);
    const detail = (await staff.get(`/api/welfare/homes/${demo.json().id}`)).json();
    expect(detail).toMatchObject({ kind: 'demonstration', linked: 2, townshipName: '塔山街道' });
    expect(detail.linkedHomes.map((h: { name: string }) => h.name).sort()).toEqual(['沈园社区儿童之家', '花园社区儿童之家'].sort());

    // A basic home cannot be a hub; a demonstration home cannot link to one.
    const badHub = await staff.put(`/api/welfare/homes/${unlinked.id}/hub`, { hubId: basics[0].id });
    expect(badHub.json().error.fields[0]).toMatchObject({ field: 'hubId', message: '请选择本区、县（市）的一家示范型儿童之家' });
    expect((await staff.put(`/api/welfare/homes/${demo.json().id}/hub`, { hubId: demo.json().id })).json().error.fields[0].field).toBe('hubId');

    const act = { heldOn: '2026-11-15', title: '周末课业辅导', participants: 18 };
    expect((await staff.post(`/api/welfare/homes/${demo.json().id}/activities`, act)).json().activityList).toHaveLength(1);
    expect((await staff.post(`/api/welfare/homes/${demo.json().id}/activities`, act)).json().activityList).toHaveLength(1);
    expect((await staff.post(`/api/welfare/homes/${demo.json().id}/activities`, { ...act, heldOn: '2026-12-01' })).json().error.fields[0].field).toBe('heldOn');

    // 1 demonstration of 4 homes = 25% ≥ 15%; 塔山街道 has one; one basic home unlinked.
    const t = (await staff.get('/api/welfare/homes/targets')).json();
    expect(t).toMatchObject({ homes: 4, demonstration: 1, share: 0.25, shareMet: true, townships: 1, townshipsWithDemonstration: 1, townshipsMissing: [], unlinked: 1 });
    const linked = await staff.put(`/api/welfare/homes/${unlinked.id}/hub`, { hubId: demo.json().id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ hubName: '塔山社区示范型儿童之家' });
    // The county sees the townships still without a demonstration home.
    const ct = (await county.get('/api/welfare/homes/targets')).json();
    expect(ct.townships).toBeGreaterThan(5);
    expect(ct.townshipsMissing.map((m: { unitName: string }) => m.unitName)).not.toContain('塔山街道');
    expect(ct.unlinked).toBe(0);
    expect((await county.get('/api/welfare/homes?kind=demonstration')).json()).toHaveLength(1);
  });
});
