import { describe, expect, it } from 'vitest';
import { assessMeasurement } from './measurement.ts';

describe('assessing a measurement', () => {
  it('scores every indicator the measurement allows (WHO igrowup demonstration row 1: girl, 683 days)', () => {
    const a = assessMeasurement('female', 683, { weightKg: 10.4, lengthCm: 84.8, position: 'recumbent', headCm: 46 });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.bmi).toBeCloseTo(14.46, 2);
    // WHO: weight-for-age −0.57, length-for-age −0.07, weight-for-length −0.81, BMI −0.79.
    expect(a.z.weightForAge).toBeCloseTo(-0.57, 1);
    expect(a.z.lengthForAge).toBeCloseTo(-0.07, 1);
    expect(a.z.weightForLength).toBeCloseTo(-0.81, 1);
    expect(a.z.bmiForAge).toBeCloseTo(-0.79, 1);
    expect(a.z.headForAge).not.toBeNull();
  });

  it('takes a standing height under 731 days as length (+0.7 cm)', () => {
    const lying = assessMeasurement('female', 683, { lengthCm: 84.8, position: 'recumbent' });
    const standing = assessMeasurement('female', 683, { lengthCm: 84.1, position: 'standing' });
    expect(lying.ok && standing.ok && lying.z.lengthForAge).toBe(standing.ok && standing.z.lengthForAge);
  });

  it('leaves out what was not measured', () => {
    const a = assessMeasurement('male', 100, { weightKg: 6 });
    expect(a).toMatchObject({ ok: true, bmi: null, z: { lengthForAge: null, weightForLength: null, bmiForAge: null, headForAge: null } });
  });

  it.each([
    ['a weight of 60 kg at 100 days', { weightKg: 45 }, 'weightKg'],
    ['a length of 40 cm at 300 days', { lengthCm: 40, position: 'recumbent' as const }, 'lengthCm'],
    ['a head of 25 cm at 300 days', { headCm: 25 }, 'headCm'],
  ])('refuses %s as implausible (WHO flag limits)', (_n, m, field) => {
    expect(assessMeasurement('male', 300, m)).toMatchObject({ ok: false, field, key: 'health.implausible' });
  });
});
