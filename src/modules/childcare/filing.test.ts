import { describe, expect, it } from 'vitest';
import { isValidCreditCode, missingEvidence, nextFilingStatus, pendingDepartments, simplifiedFireAllowed, withCreditCheck } from './filing.ts';
import { DEPARTMENTS } from './vocabulary.ts';

describe('filing workflow', () => {
  it.each([
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'review', 'inReview'],
    ['inReview', 'review', 'inReview'],
    ['inReview', 'file', 'filed'],
    ['inReview', 'return', 'returned'],
    ['draft', 'file', null],
    ['draft', 'review', null],
    ['filed', 'submit', null],
    ['filed', 'return', null],
    ['returned', 'file', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextFilingStatus(from, action)).toBe(to);
  });

  it('may file only when all ten departments approved', () => {
    const all = DEPARTMENTS.map((department) => ({ department, decision: 'approved' as const }));
    expect(pendingDepartments(all)).toEqual([]);
    const oneLeft = all.map((r) => (r.department === 'fireRescue' ? { ...r, decision: 'pending' as const } : r));
    expect(pendingDepartments(oneLeft)).toEqual(['fireRescue']);
    expect(pendingDepartments([])).toHaveLength(10);
  });
});

describe('evidence', () => {
  it('asks for registration, fire, health evaluation and staff certificates', () => {
    expect(missingEvidence([], 'standard')).toEqual(['registration', 'fireSafety', 'healthEvaluation', 'staffCertificate']);
    expect(missingEvidence(['registration', 'fireSimplified', 'healthEvaluation', 'staffCertificate'], 'simplified')).toEqual([]);
    expect(missingEvidence(['registration', 'fireSimplified', 'healthEvaluation', 'staffCertificate'], 'standard')).toEqual(['fireSafety']);
  });

  it('opens the simplified fire procedure at ≤300 m² or ≤300,000 yuan', () => {
    expect(simplifiedFireAllowed(300, null)).toBe(true);
    expect(simplifiedFireAllowed(300.5, null)).toBe(false);
    expect(simplifiedFireAllowed(800, 300_000_00)).toBe(true);
    expect(simplifiedFireAllowed(800, 300_000_01)).toBe(false);
    expect(simplifiedFireAllowed(null, null)).toBe(false);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes and refuses a wrong check character', () => {
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91440300192203821I')).toBe(false);
    expect(isValidCreditCode('9144')).toBe(false);
  });

  it('completes a code with its check character', () => {
    expect(withCreditCheck('91330100799655058')).toBe('91330100799655058B');
  });
});
