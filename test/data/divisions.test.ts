import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractRegionCodes, extractShaoxing, REGION_CODES_FILE, SHAOXING_FILE } from '../../scripts/extract-divisions.ts';

describe('committed division data', () => {
  it('is exactly what the registry packages give (no hand edits)', () => {
    const committed = JSON.parse(fs.readFileSync(SHAOXING_FILE, 'utf8'));
    expect(committed).toEqual(extractShaoxing());
    const regions = JSON.parse(fs.readFileSync(REGION_CODES_FILE, 'utf8'));
    expect(regions).toEqual(extractRegionCodes());
  });

  it('has the per-county counts of the 2023 statistical codes', () => {
    const { units } = extractShaoxing();
    const count = (county: string, level: number) => units.filter((u) => u.level === level && u.code.startsWith(county)).length;
    expect([count('330602', 3), count('330602', 4)]).toEqual([17, 352]);
    expect([count('330681', 3), count('330681', 4)]).toEqual([23, 515]);
    expect([count('330683', 3), count('330683', 4)]).toEqual([15, 304]);
  });
});
