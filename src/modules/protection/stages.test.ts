import { describe, expect, it } from 'vitest';
import { ACTIONS, STAGES, legalActions, nextStage, type CaseAction, type Stage } from './stages.ts';
import { DEADLINE_VERSIONS, deadlineVersionOn, isOverdue, stageDueAt, type DeadlineVersion } from './deadlines.ts';

const WORKER = ['protection.handle'];
const SUPERVISOR = ['protection.supervise'];

/** Every legal move of the five-in-one workflow, written out by hand: [from, action, to, who]. */
const LEGAL: [Stage, CaseAction, Stage, 'worker' | 'supervisor'][] = [
  ['report', 'startEmergency', 'emergency', 'worker'],
  ['report', 'startAssessment', 'assessment', 'worker'],
  ['report', 'closeUnfounded', 'closed', 'supervisor'],
  ['emergency', 'startAssessment', 'assessment', 'worker'],
  ['assessment', 'startIntervention', 'intervention', 'worker'],
  ['assessment', 'startMonitoring', 'monitoring', 'worker'],
  ['assessment', 'escalate', 'emergency', 'worker'],
  ['assessment', 'closeUnfounded', 'closed', 'supervisor'],
  ['intervention', 'startMonitoring', 'monitoring', 'worker'],
  ['intervention', 'escalate', 'emergency', 'worker'],
  ['monitoring', 'startIntervention', 'intervention', 'worker'],
  ['monitoring', 'escalate', 'emergency', 'worker'],
  ['monitoring', 'reassess', 'assessment', 'worker'],
  ['monitoring', 'close', 'closed', 'supervisor'],
  ['closed', 'reopen', 'assessment', 'supervisor'],
];

describe('the case workflow', () => {
  it.each(LEGAL)('%s —%s→ %s (%s)', (from, action, to, who) => {
    const note = 'reason';
    expect(nextStage(from, action, { permissions: SUPERVISOR, note })).toMatchObject({ ok: true, to });
    expect(nextStage(from, action, { permissions: WORKER, note })).toEqual(who === 'worker' ? expect.objectContaining({ ok: true, to }) : { ok: false, reason: 'forbidden' });
  });

  const legal = new Set(LEGAL.map(([from, action]) => `${from}/${action}`));
  const illegal = STAGES.flatMap((from) => ACTIONS.filter((a) => !legal.has(`${from}/${a}`)).map((a) => [from, a] as const));
  it('has 54 stage/action pairs of which 15 are legal', () => {
    expect(STAGES.length * ACTIONS.length).toBe(54);
    expect(illegal).toHaveLength(39);
  });
  it.each(illegal)('refuses %s —%s→ for everyone', (from, action) => {
    expect(nextStage(from, action, { permissions: SUPERVISOR, note: 'reason' })).toEqual({ ok: false, reason: 'illegal' });
    expect(nextStage(from, action, { permissions: WORKER, note: 'reason' })).toEqual({ ok: false, reason: 'illegal' });
  });

  it('needs a reason to close, reopen, escalate and reassess, but not to move forward', () => {
    expect(nextStage('monitoring', 'close', { permissions: SUPERVISOR, note: '  ' })).toEqual({ ok: false, reason: 'noteRequired' });
    expect(nextStage('closed', 'reopen', { permissions: SUPERVISOR })).toEqual({ ok: false, reason: 'noteRequired' });
    expect(nextStage('assessment', 'escalate', { permissions: WORKER })).toEqual({ ok: false, reason: 'noteRequired' });
    expect(nextStage('monitoring', 'reassess', { permissions: WORKER })).toEqual({ ok: false, reason: 'noteRequired' });
    expect(nextStage('report', 'startEmergency', { permissions: WORKER })).toMatchObject({ ok: true, to: 'emergency' });
  });

  it('says a closed case was unfounded or resolved', () => {
    expect(nextStage('assessment', 'closeUnfounded', { permissions: SUPERVISOR, note: 'x' })).toMatchObject({ transition: { closedReason: 'unfounded' } });
    expect(nextStage('monitoring', 'close', { permissions: SUPERVISOR, note: 'x' })).toMatchObject({ transition: { closedReason: 'resolved' } });
  });

  it('refuses everything to someone without a protection permission', () => {
    for (const [from, action] of LEGAL) expect(nextStage(from, action, { permissions: ['people.read'], note: 'x' })).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('offers a worker the forward steps and a supervisor the closing steps too', () => {
    expect(legalActions('report', WORKER).map((t) => t.action)).toEqual(['startEmergency', 'startAssessment']);
    expect(legalActions('report', SUPERVISOR).map((t) => t.action)).toEqual(['startEmergency', 'startAssessment', 'closeUnfounded']);
    expect(legalActions('closed', WORKER)).toEqual([]);
    expect(legalActions('closed', SUPERVISOR).map((t) => t.action)).toEqual(['reopen']);
  });
});

describe('stage deadlines', () => {
  const at = (iso: string) => new Date(iso);
  it('gives a report 24 hours, and 1 hour for a child in immediate danger', () => {
    expect(stageDueAt('report', 'normal', at('2026-12-01T10:00:00+08:00'))?.toISOString()).toBe(at('2026-12-02T10:00:00+08:00').toISOString());
    expect(stageDueAt('report', 'high', at('2026-12-01T10:00:00+08:00'))?.toISOString()).toBe(at('2026-12-01T11:00:00+08:00').toISOString());
  });
  it('counts the later stages from when they were entered', () => {
    expect(stageDueAt('emergency', 'normal', at('2026-12-01T00:00:00+08:00'))?.toISOString()).toBe(at('2026-12-04T00:00:00+08:00').toISOString());
    expect(stageDueAt('assessment', 'normal', at('2026-12-01T00:00:00+08:00'))?.toISOString()).toBe(at('2026-12-16T00:00:00+08:00').toISOString());
    expect(stageDueAt('monitoring', 'high', at('2026-12-01T00:00:00+08:00'))?.toISOString()).toBe(at('2027-03-01T00:00:00+08:00').toISOString());
    expect(stageDueAt('closed', 'normal', at('2026-12-01T00:00:00+08:00'))).toBeNull();
  });
  it('applies the version in force on the Shanghai date the stage was entered', () => {
    const versions: DeadlineVersion[] = [
      { ...DEADLINE_VERSIONS[0], version: 'old', effectiveTo: '2026-12-31' },
      { ...DEADLINE_VERSIONS[0], version: 'new', effectiveFrom: '2027-01-01', hours: { ...DEADLINE_VERSIONS[0].hours, report: { normal: 12, high: 1 } } },
    ];
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Shanghai.
    expect(stageDueAt('report', 'normal', at('2026-12-31T15:00:00Z'), versions)?.toISOString()).toBe('2027-01-01T15:00:00.000Z');
    expect(stageDueAt('report', 'normal', at('2026-12-31T17:00:00Z'), versions)?.toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(() => deadlineVersionOn('2020-01-01', versions)).toThrow();
  });
  it('is overdue only when open and past its due time', () => {
    const now = at('2026-12-02T12:00:00+08:00');
    expect(isOverdue({ stage: 'report', dueAt: '2026-12-02T11:59:00+08:00' }, now)).toBe(true);
    expect(isOverdue({ stage: 'report', dueAt: '2026-12-02T12:01:00+08:00' }, now)).toBe(false);
    expect(isOverdue({ stage: 'closed', dueAt: '2026-12-01T00:00:00+08:00' }, now)).toBe(false);
  });
});
