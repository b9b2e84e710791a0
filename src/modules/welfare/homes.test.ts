import { describe, expect, it } from 'vitest';
import { homeTargets } from './homes.ts';

describe('the children’s-home targets (《绍兴市儿童与福利发展“十四五”规划》: demonstration ≥ 15%, ≥ 1 per township, "1+N")', () => {
  it('meets 15% exactly at 3 of 20 and misses at 2 of 20', () => {
    expect(homeTargets([{ township: 'a', basic: 17, demonstration: 3, unlinked: 0 }], ['a'])).toMatchObject({ homes: 20, demonstration: 3, share: 0.15, shareMet: true, townshipsMissing: [] });
    expect(homeTargets([{ township: 'a', basic: 18, demonstration: 2, unlinked: 0 }], ['a']).shareMet).toBe(false);
  });

  it('names the townships without a demonstration home, including those without any home', () => {
    const r = homeTargets([{ township: 'a', basic: 2, demonstration: 1, unlinked: 1 }, { township: 'b', basic: 4, demonstration: 0, unlinked: 4 }], ['a', 'b', 'c']);
    expect(r).toMatchObject({ townships: 3, townshipsWithDemonstration: 1, townshipsMissing: ['b', 'c'], unlinked: 5 });
  });

  it('has no share without homes', () => {
    expect(homeTargets([], ['a'])).toMatchObject({ share: null, shareMet: false });
  });
});
