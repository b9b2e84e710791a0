import { describe, expect, it } from 'vitest';
import { applyReferralAction, newReferral, referralLevelFor, type ReferralAction, type ReferralState } from './referral.ts';

function run(state: ReferralState, ...actions: ReferralAction[]) {
  let s = state;
  for (const a of actions) {
    const r = applyReferralAction(s, a);
    if (!r.ok) return r;
    s = r.state;
  }
  return { ok: true as const, state: s };
}

describe('graded referral level', () => {
  it.each([
    [['warningSigns'], 'county'],
    [['regression'], 'city'],
    [['warningSigns', 'regression'], 'city'],
    [['mchat'], 'city'],
  ] as const)('%j → %s', (triggers, level) => {
    expect(referralLevelFor(triggers)).toBe(level);
  });
});

describe('a referral to closure', () => {
  const refer = { action: 'refer', on: '2026-03-02', institution: '越城区妇幼保健院' } as const;

  it('goes suggested → referred → attended → closed', () => {
    const r = run(
      newReferral('county'),
      refer,
      { action: 'recordResult', on: '2026-03-20', result: 'delay' },
      { action: 'close', on: '2026-04-01', outcome: 'inIntervention' },
    );
    expect(r).toMatchObject({
      ok: true,
      state: { status: 'closed', institution: '越城区妇幼保健院', referredOn: '2026-03-02', attendedOn: '2026-03-20', result: 'delay', outcome: 'inIntervention' },
    });
  });

  it('may be referred to another level than suggested', () => {
    expect(run(newReferral('county'), { ...refer, level: 'city' })).toMatchObject({ ok: true, state: { level: 'city', status: 'referred' } });
  });

  it('closes without a result only as declined, lost or moved', () => {
    expect(run(newReferral('city'), { action: 'close', on: '2026-03-01', outcome: 'declined' })).toMatchObject({ ok: true, state: { status: 'closed' } });
    expect(run(newReferral('city'), refer, { action: 'close', on: '2026-03-09', outcome: 'lostToFollowUp' })).toMatchObject({ ok: true });
    expect(run(newReferral('city'), { action: 'close', on: '2026-03-01', outcome: 'normal' })).toEqual({ ok: false, field: 'outcome', key: 'health.outcomeForStatus' });
  });

  it('closes as normal only after a normal result', () => {
    const attended = (result: 'normal' | 'asd') => run(newReferral('city'), refer, { action: 'recordResult', on: '2026-03-10', result });
    const normal = attended('normal');
    const asd = attended('asd');
    if (!normal.ok || !asd.ok) throw new Error('setup');
    expect(applyReferralAction(normal.state, { action: 'close', on: '2026-03-11', outcome: 'normal' }).ok).toBe(true);
    expect(applyReferralAction(asd.state, { action: 'close', on: '2026-03-11', outcome: 'normal' })).toMatchObject({ ok: false, field: 'outcome' });
    expect(applyReferralAction(asd.state, { action: 'close', on: '2026-03-11', outcome: 'declined' })).toMatchObject({ ok: false, field: 'outcome' });
  });

  it.each([
    ['a result before the referral is made', [{ action: 'recordResult', on: '2026-03-10', result: 'normal' }], 'action'],
    ['referring twice', [refer, refer], 'action'],
    ['a result dated before the referral', [refer, { action: 'recordResult', on: '2026-03-01', result: 'normal' }], 'on'],
    ['closing a closed referral', [{ action: 'close', on: '2026-03-01', outcome: 'movedAway' }, { action: 'close', on: '2026-03-02', outcome: 'declined' }], 'action'],
  ] as [string, ReferralAction[], string][])('refuses %s', (_name, actions, field) => {
    expect(run(newReferral('county'), ...actions)).toMatchObject({ ok: false, field });
  });
});
