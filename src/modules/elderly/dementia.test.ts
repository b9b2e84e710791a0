import { describe, expect, it } from 'vitest';
import { allowedActions, checkScreen, screenPositive, stepDementiaCase } from './dementia.ts';

describe('dementia screening cut-offs', () => {
  it('reads AD8 ≥ 2 as positive', () => {
    expect(screenPositive('ad8', 1, null)).toBe(false);
    expect(screenPositive('ad8', 2, null)).toBe(true);
  });
  it.each([
    ['none', 17, true],
    ['none', 18, false],
    ['primary', 20, true],
    ['primary', 21, false],
    ['juniorOrAbove', 24, true],
    ['juniorOrAbove', 25, false],
  ] as const)('MMSE with schooling %s: %i is abnormal = %s', (education, score, positive) => {
    expect(screenPositive('mmse', score, education)).toBe(positive);
  });
  it('refuses a score past the tool’s maximum and an MMSE without schooling', () => {
    expect(checkScreen('ad8', 9, null)).toMatchObject({ field: 'score' });
    expect(checkScreen('mmse', 20, null)).toMatchObject({ field: 'education' });
    expect(checkScreen('mmse', 20, 'primary')).toBeNull();
  });
});

describe('the loop screen → intervention → referral → care → closed', () => {
  it('walks the loop with due dates and refuses illegal steps', () => {
    expect(stepDementiaCase('screened', 'intervene', '2026-03-01', '2026-02-20')).toEqual({ ok: true, to: 'intervening', dueOn: '2026-03-15' });
    expect(stepDementiaCase('intervening', 'refer', '2026-03-10', '2026-03-01')).toEqual({ ok: true, to: 'referred', dueOn: '2026-04-09' });
    expect(stepDementiaCase('referred', 'startCare', '2026-04-01', '2026-03-10')).toMatchObject({ ok: true, to: 'inCare' });
    expect(stepDementiaCase('inCare', 'close', '2026-06-01', '2026-04-01')).toEqual({ ok: true, to: 'closed', dueOn: null });
    expect(stepDementiaCase('screened', 'startCare', '2026-03-01', '2026-02-20')).toEqual({ ok: false, field: 'action', key: 'elderly.illegalTransition' });
    expect(stepDementiaCase('closed', 'refer', '2026-03-01', '2026-02-20')).toMatchObject({ ok: false });
    expect(stepDementiaCase('screened', 'refer', '2026-02-01', '2026-02-20')).toMatchObject({ ok: false, field: 'on' });
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('screened')).toEqual(['intervene', 'refer', 'close']);
  });
});
