import { describe, expect, it } from 'vitest';
import { tourInterval, tourStatus } from './tours.ts';

describe('guidance tour schedule', () => {
  it('has no date before a first tour', () => {
    expect(tourStatus(null, '2026-11-23')).toEqual({ nextDue: null, status: 'never' });
  });
  it('is due 90 days after the last tour, from 14 days before, and overdue after', () => {
    expect(tourStatus('2026-09-01', '2026-11-15')).toEqual({ nextDue: '2026-11-30', status: 'done' });
    expect(tourStatus('2026-09-01', '2026-11-16')).toEqual({ nextDue: '2026-11-30', status: 'due' });
    expect(tourStatus('2026-09-01', '2026-11-30')).toEqual({ nextDue: '2026-11-30', status: 'due' });
    expect(tourStatus('2026-09-01', '2026-12-01')).toEqual({ nextDue: '2026-11-30', status: 'overdue' });
  });
  it('refuses a date before the setting is in force', () => {
    expect(() => tourInterval('2019-12-31')).toThrow(RangeError);
  });
});
