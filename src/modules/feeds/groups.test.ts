import { describe, expect, it } from 'vitest';
import { groupsOf, type GroupFlags } from './groups.ts';
import { actingUnit, ageOn, alertsForFact } from './alerts.ts';

const none: GroupFlags = { lowIncome: false, destitute: false, disabled: false, outOfSchool: false, leftBehind: false, insuredThisYear: true, deceased: false };

describe('key groups', () => {
  it('places a person by age: under 3, under 18, 60 and over', () => {
    expect(groupsOf('2024-12-01', none, '2026-11-30')).toEqual(['infant', 'minor']);
    expect(groupsOf('2023-11-30', none, '2026-11-30')).toEqual(['minor']);
    expect(groupsOf('2008-12-01', none, '2026-11-30')).toEqual(['minor']);
    expect(groupsOf('2008-11-30', none, '2026-11-30')).toEqual([]);
    expect(groupsOf('1966-11-30', none, '2026-11-30')).toEqual(['elderly']);
  });
  it('adds the facts that matter, and the uninsured minor', () => {
    expect(groupsOf('2015-03-01', { ...none, lowIncome: true, disabled: true, insuredThisYear: false }, '2026-11-30')).toEqual(['minor', 'lowIncome', 'disabled', 'uninsured']);
    expect(groupsOf('1990-03-01', { ...none, outOfSchool: true, insuredThisYear: false }, '2026-11-30')).toEqual([]);
  });
  it('puts the deceased in no other group', () => {
    expect(groupsOf('2015-03-01', { ...none, lowIncome: true, deceased: true }, '2026-11-30')).toEqual(['deceased']);
  });
});

describe('alerts of facts', () => {
  const child = { id: 'c1', unitCode: '330602001001', birthDate: '2016-05-01' };
  const adult = { id: 'a1', unitCode: '330602001002', birthDate: '1980-05-01' };
  it('counts age on the birthday', () => {
    expect(ageOn('2008-05-01', '2026-04-30')).toBe(17);
    expect(ageOn('2008-05-01', '2026-05-01')).toBe(18);
  });
  it('raises the death of a guardian to each minor child’s township, once per child and guardian', () => {
    const grown = { id: 'c2', unitCode: '330602002001', birthDate: '2000-01-01' };
    const raised = alertsForFact({ id: 'f', kind: 'death', stated: { value: {}, validFrom: '2026-10-01', validTo: null } }, adult, '2026-11-30', [child, grown]);
    expect(raised).toEqual([{ kind: 'guardianDeath', personId: 'c1', unitCode: '330602001', dedupeKey: 'guardianDeath:c1:a1', detail: { guardianId: 'a1', deathDate: '2026-10-01' } }]);
  });
  it('raises a minor leaving school, not a graduation or an adult', () => {
    const left = (status: string, who = child) => alertsForFact({ id: 'f', kind: 'school', stated: { value: { status, schoolName: '塔山小学' }, validFrom: '2026-09-01', validTo: null } }, who, '2026-11-30');
    expect(left('dropped').map((a) => a.kind)).toEqual(['leftSchool']);
    expect(left('graduated')).toEqual([]);
    expect(left('dropped', adult)).toEqual([]);
  });
  it('raises a new disability certificate of a minor', () => {
    const raised = alertsForFact({ id: 'f', kind: 'disability', stated: { value: { certificateSuffix: '42', category: 'intellectual', grade: 2 }, validFrom: '2026-08-01', validTo: null } }, child, '2026-11-30');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'newDisability', unitCode: '330602001' });
    expect(actingUnit('330602001')).toBe('330602001');
  });
});
