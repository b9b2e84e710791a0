import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, completedMonths, dayNumber, daysBetween } from './dates.ts';

describe('calendar arithmetic', () => {
  it('agrees with the JavaScript calendar on every day from 1900 to 2100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), fc.integer({ min: -800, max: 800 }), (day, delta) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(day);
        expect(addDays(iso, delta)).toBe(new Date((day + delta) * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-10', 18, '2026-09-10'],
    ['2025-12-15', -12, '2024-12-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['1900-02-28', 12, '1901-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
  ])('%s + %s months = %s', (d, m, r) => {
    expect(addMonths(d, m)).toBe(r);
  });

  it('counts days and completed months', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-10', '2026-09-12')).toBe(551);
    expect(completedMonths('2025-01-31', '2025-02-28')).toBe(1);
    expect(completedMonths('2025-03-10', '2025-04-09')).toBe(0);
    expect(completedMonths('2025-03-10', '2026-09-10')).toBe(18);
  });
});
