import { describe, expect, it } from 'vitest';
import { checkStaffing, classStandardOn, requiredCaregivers, requiredHealthWorkers } from './ratios.ts';
import type { ClassType } from './vocabulary.ts';

const std = classStandardOn('2026-11-23');
const one = (classType: ClassType, enrolled: number, caregivers: number, capacity = 30) => ({
  classes: [{ classId: 'c1', classType, capacity, enrolled, caregivers }],
  healthWorkers: 1,
});

describe('托育机构设置标准（试行）class sizes and ratios', () => {
  // 国卫人口发〔2019〕58号: 乳儿班 ≤10 1:3, 托小班 ≤15 1:5, 托大班 ≤20 1:7, mixed ≤18 (1:6 local).
  it.each([
    ['infant', 10, 3, 4],
    ['toddler', 15, 5, 3],
    ['older', 20, 7, 3],
    ['mixed', 18, 6, 3],
  ] as const)('%s: at most %i children, 1:%i, so a full class needs %i caregivers', (type, max, ratio, needed) => {
    expect(std.classes[type].maxSize).toBe(max);
    expect(std.classes[type].childrenPerCaregiver).toBe(ratio);
    expect(requiredCaregivers(type, max, std)).toBe(needed);
  });

  it('marks the mixed-class ratio as a local choice, the others as national', () => {
    expect(std.classes.mixed.national).toBe(false);
    expect([std.classes.infant, std.classes.toddler, std.classes.older].every((r) => r.national)).toBe(true);
  });

  it('needs a caregiver per begun group: 1:3 with 3 infants is one, with 4 is two', () => {
    expect(requiredCaregivers('infant', 3, std)).toBe(1);
    expect(requiredCaregivers('infant', 4, std)).toBe(2);
    expect(requiredCaregivers('older', 0, std)).toBe(0);
  });

  it('finds no breach in a class at the limits', () => {
    expect(checkStaffing(one('toddler', 15, 3), std)).toEqual([]);
    expect(checkStaffing(one('infant', 10, 4), std)).toEqual([]);
  });

  it('reports too few caregivers with what was found and what is needed', () => {
    expect(checkStaffing(one('infant', 7, 2), std)).toEqual([{ kind: 'staffRatio', classId: 'c1', actual: 2, limit: 3, standard: 'nhc-2019-58' }]);
  });

  it('reports an oversized class and a class over its own capacity separately', () => {
    const b = checkStaffing(one('older', 21, 3, 18), std);
    expect(b.map((x) => [x.kind, x.actual, x.limit])).toEqual([
      ['classSize', 21, 20],
      ['capacity', 21, 18],
    ]);
  });

  it('asks for one health worker per 100 children begun, none without children', () => {
    expect(requiredHealthWorkers(0, std)).toBe(0);
    expect(requiredHealthWorkers(1, std)).toBe(1);
    expect(requiredHealthWorkers(100, std)).toBe(1);
    expect(requiredHealthWorkers(101, std)).toBe(2);
    const b = checkStaffing({ classes: [{ classId: 'c1', classType: 'older', capacity: 20, enrolled: 7, caregivers: 1 }], healthWorkers: 0 }, std);
    expect(b).toEqual([{ kind: 'healthWorker', classId: null, actual: 0, limit: 1, standard: 'nhc-2019-58' }]);
  });

  it('has no standard before 2019-10-08', () => {
    expect(() => classStandardOn('2019-10-07')).toThrow();
    expect(classStandardOn('2019-10-08').id).toBe('nhc-2019-58');
  });
});
