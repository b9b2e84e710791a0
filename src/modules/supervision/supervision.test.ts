import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDraw, drawInspections, seededRandom } from './draw.ts';
import { checkAnswers, checklistOf, findingsOf, INSPECTION_TYPES } from './checklist.ts';
import { CREDIT_RULES, creditScore, pointsFor } from './credit.ts';
import { isOverdue, nextOrderStatus } from './rectification.ts';

const centers = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, '0')}`);
const inspectors = ['i1', 'i2', 'i3', 'i4', 'i5'];

describe('the double-random draw (双随机)', () => {
  it('is reproducible from its seed whatever the order of the candidates', () => {
    const a = drawInspections({ seed: '2026-Q4 越城区', centers, inspectors, sampleSize: 8, inspectorsPerCenter: 2 });
    const b = drawInspections({ seed: '2026-Q4 越城区', centers: [...centers].reverse(), inspectors: [...inspectors].reverse(), sampleSize: 8, inspectorsPerCenter: 2 });
    expect(b).toEqual(a);
    expect(drawInspections({ seed: 'another', centers, inspectors, sampleSize: 8, inspectorsPerCenter: 2 }).assignments).not.toEqual(a.assignments);
  });
  it('gives a fixed sequence for a fixed seed (guards recorded draws against a silent change of algorithm)', () => {
    const r = seededRandom('kangyu');
    expect([r(), r(), r()]).toEqual([0.4128451682627201, 0.5762301271315664, 0.3733732437249273]);
    expect(drawInspections({ seed: 'kangyu', centers: ['a', 'b', 'c', 'd', 'e'], inspectors: ['x', 'y', 'z'], sampleSize: 2, inspectorsPerCenter: 2 }).assignments).toEqual([
      { centerId: 'c', inspectorIds: ['y', 'x'] },
      { centerId: 'd', inspectorIds: ['z', 'y'] },
    ]);
  });
  it('picks distinct centers, distinct inspectors per center, and spreads the load evenly (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), (seed, n, k) => {
        const d = drawInspections({ seed, centers, inspectors, sampleSize: n, inspectorsPerCenter: k });
        expect(d.assignments).toHaveLength(n);
        expect(new Set(d.assignments.map((a) => a.centerId)).size).toBe(n);
        const load = new Map<string, number>();
        for (const a of d.assignments) {
          expect(new Set(a.inspectorIds).size).toBe(k);
          for (const i of a.inspectorIds) load.set(i, (load.get(i) ?? 0) + 1);
        }
        const loads = [...load.values()];
        expect(Math.max(...loads) - Math.min(...loads, Math.max(...loads))).toBeLessThanOrEqual(2);
      }),
    );
  });
  it('refuses a sample larger than the candidates, or teams larger than the roster', () => {
    expect(checkDraw({ centers, inspectors, sampleSize: 41, inspectorsPerCenter: 2 })).toEqual({ field: 'sampleSize', key: 'supervision.sampleTooLarge', params: { max: 40 } });
    expect(checkDraw({ centers, inspectors: ['i1'], sampleSize: 4, inspectorsPerCenter: 2 })).toEqual({ field: 'inspectorsPerCenter', key: 'supervision.tooFewInspectors', params: { need: 2, have: 1 } });
  });
});

describe('checklists', () => {
  it('has items for every inspection type, with unique codes', () => {
    const all = INSPECTION_TYPES.flatMap((t) => checklistOf(t).map((i) => i.code));
    expect(new Set(all).size).toBe(all.length);
    for (const t of INSPECTION_TYPES) expect(checklistOf(t).length).toBeGreaterThan(2);
  });
  it('needs every item answered and a description for each failure; failures become findings with their severity', () => {
    const answers = Object.fromEntries(checklistOf('fireSafety').map((i) => [i.code, 'pass' as const]));
    expect(checkAnswers('fireSafety', answers, {})).toEqual([]);
    expect(checkAnswers('fireSafety', { ...answers, 'fire.exits': 'fail', 'x.y': 'pass' }, {})).toEqual([
      { field: 'results.x.y', key: 'supervision.unknownCheckItem' },
      { field: 'findings.fire.exits', key: 'supervision.findingRequired' },
    ]);
    const { 'fire.drills': _omitted, ...missing } = answers;
    expect(checkAnswers('fireSafety', missing, {})).toEqual([{ field: 'results.fire.drills', key: 'supervision.checkItemMissing' }]);
    expect(findingsOf('fireSafety', { ...answers, 'fire.exits': 'fail' }, { 'fire.exits': ' 二楼通道堆放杂物 ' })).toEqual([{ itemCode: 'fire.exits', severity: 'critical', description: '二楼通道堆放杂物' }]);
  });
});

describe('credit', () => {
  it('starts from the base, counts the last 365 days, and bands the score', () => {
    expect(creditScore([], '2026-11-20')).toEqual({ score: 100, level: 'A', jointPunishment: false, counted: 0 });
    const events = [
      { points: pointsFor('finding.critical'), occurredOn: '2026-01-10' },
      { points: pointsFor('rectification.overdue'), occurredOn: '2026-03-01' },
      { points: pointsFor('incident.major'), occurredOn: '2026-06-01' },
      { points: pointsFor('finding.critical'), occurredOn: '2025-11-20' },
    ];
    expect(creditScore(events, '2026-11-20')).toMatchObject({ score: 70, level: 'C', counted: 3 });
    expect(creditScore(events, '2026-11-19')).toMatchObject({ score: 60, level: 'C', counted: 4 });
    expect(creditScore([...events, { points: -1, occurredOn: '2026-11-01' }], '2026-11-19')).toMatchObject({ score: 59, level: 'D', jointPunishment: true });
    expect(CREDIT_RULES.windowDays).toBe(365);
  });
});

describe('rectification orders', () => {
  it('moves open → submitted → closed, or back to open, and nothing else', () => {
    expect(nextOrderStatus('open', { action: 'respond' })).toBe('submitted');
    expect(nextOrderStatus('submitted', { action: 'accept' })).toBe('closed');
    expect(nextOrderStatus('submitted', { action: 'reject', newDeadline: '2026-12-01' })).toBe('open');
    expect(nextOrderStatus('open', { action: 'accept' })).toBeNull();
    expect(nextOrderStatus('closed', { action: 'respond' })).toBeNull();
  });
  it('is overdue only while open past its deadline', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-11-19' }, '2026-11-20')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-11-20' }, '2026-11-20')).toBe(false);
    expect(isOverdue({ status: 'submitted', deadline: '2026-11-01' }, '2026-11-20')).toBe(false);
  });
});
