import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractWhoGrowth, formatWhoGrowth, WHO_GROWTH_FILE } from '../../scripts/extract-who-growth.ts';

describe('committed WHO growth standards', () => {
  it('are exactly what jsgrowup gives (no hand edits)', () => {
    expect(fs.readFileSync(WHO_GROWTH_FILE, 'utf8')).toBe(formatWhoGrowth(extractWhoGrowth()));
  });

  it('hold the WHO values checked by hand: weight-for-age, boys, months 0–3', () => {
    const rows = extractWhoGrowth().tables['weight-for-age'].male;
    const at = (days: number) => rows.find((r) => r[0] === days)!;
    expect(at(0)).toEqual([0, 0.3487, 3.3464, 0.14602]);
    expect(at(30.4375 * 4).slice(1)).toEqual([0.1553, 7.0023, 0.11316]);
    expect(rows.every((r, i) => i === 0 || r[0] > rows[i - 1][0])).toBe(true);
  });
});
