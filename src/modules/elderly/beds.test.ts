import { describe, expect, it } from 'vitest';
import { bedIndicators, dementiaBedsPer10k, nursingShare, socialWorkersRequired } from './beds.ts';

describe('bed indicators of seed 004', () => {
  it('meets the nursing share at exactly 60 % and misses it just below', () => {
    expect(nursingShare({ beds: 100, nursingBeds: 60 })).toBe(60);
    expect(bedIndicators({ beds: 100, nursingBeds: 60, dementiaBeds: 0, socialWorkers: 2, elderly60: 0 })[0].met).toBe(true);
    expect(bedIndicators({ beds: 1000, nursingBeds: 599, dementiaBeds: 0, socialWorkers: 17, elderly60: 0 })[0]).toMatchObject({ value: 59.9, met: false });
    expect(nursingShare({ beds: 0, nursingBeds: 0 })).toBeNull();
  });
  it('counts dementia beds per 10,000 elderly against 20', () => {
    expect(dementiaBedsPer10k({ dementiaBeds: 20, elderly60: 10_000 })).toBe(20);
    expect(dementiaBedsPer10k({ dementiaBeds: 39, elderly60: 20_000 })).toBe(19.5);
    expect(bedIndicators({ beds: 10, nursingBeds: 6, dementiaBeds: 39, socialWorkers: 1, elderly60: 20_000 })[1].met).toBe(false);
  });
  it('asks one social worker per 60 beds or part of 60', () => {
    expect(socialWorkersRequired(0)).toBe(0);
    expect(socialWorkersRequired(60)).toBe(1);
    expect(socialWorkersRequired(61)).toBe(2);
    expect(bedIndicators({ beds: 121, nursingBeds: 80, dementiaBeds: 0, socialWorkers: 2, elderly60: 0 })[2]).toMatchObject({ value: 2, target: 3, met: false });
  });
});
