/**
 * The z-scores against WHO's own software: jsgrowup ships two outputs of WHO's igrowup
 * (testdata/survey_z_rc.csv and survey_z_st.csv, 498 children each, from the demonstration
 * survey that comes with igrowup), with the age in days, the length/height already
 * corrected for the measuring position (_CLENHEI), the BMI (_CBMI) and the z-scores WHO
 * computed. Every z-score WHO gives is matched to within 0.05, except:
 *
 *  - age-indexed indicators of the children older than 1826 days (60 months; ids 4, 44, 95,
 *    343): the shipped tables are monthly and end at month 60, while igrowup's daily tables
 *    run to 1856 days. Their weight-for-height is checked (it is indexed by height).
 *
 * Rows where WHO gives no z-score are not compared: oedema (weight-based indicators are not
 * computed for a child with oedema), a missing measurement, or a height outside the
 * weight-for-height table (id 287, 120.7 cm); the calculator also refuses the last two.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MAX_AGE_DAYS, zScore, type GrowthMeasure } from './growth.ts';

const require = createRequire(import.meta.url);
const testdata = path.join(path.dirname(require.resolve('jsgrowup/package.json')), 'testdata');

function readSurvey(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(path.join(testdata, file), 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

const INDICATORS: { measure: GrowthMeasure; column: string; value: (r: Record<string, string>) => string; byLength?: boolean }[] = [
  { measure: 'weight-for-age', column: '_ZWEI', value: (r) => r.WEIGHT },
  { measure: 'length-for-age', column: '_ZLEN', value: (r) => r._CLENHEI },
  { measure: 'weight-for-length', column: '_ZWFL', value: (r) => r.WEIGHT, byLength: true },
  { measure: 'bmi-for-age', column: '_ZBMI', value: (r) => r._CBMI },
  { measure: 'head-for-age', column: '_ZHC', value: (r) => r.HEAD },
];

describe.each(['survey_z_rc.csv', 'survey_z_st.csv'])('WHO igrowup output %s', (file) => {
  const rows = readSurvey(file);
  const compared: { id: string; measure: GrowthMeasure; who: number; ours: number }[] = [];
  const excluded: string[] = [];
  const noWhoZ: { id: string; measure: GrowthMeasure; oursOk: boolean; oedema: boolean }[] = [];

  for (const r of rows) {
    const ageDays = Number(r._agedays);
    for (const ind of INDICATORS) {
      if (!(ind.column in r)) continue;
      const result = zScore({
        sex: r.GENDER === '1' ? 'male' : 'female',
        ageDays,
        measure: ind.measure,
        value: Number(ind.value(r) || NaN),
        lengthCm: ind.byLength ? Number(r._CLENHEI || NaN) : undefined,
      });
      if (r[ind.column] === '') {
        noWhoZ.push({ id: r.id, measure: ind.measure, oursOk: result.ok, oedema: r.oedema === 'y' });
        continue;
      }
      if (!ind.byLength && ageDays > MAX_AGE_DAYS) {
        excluded.push(`${r.id}:${ind.measure}`);
        continue;
      }
      if (!result.ok) throw new Error(`${file} id ${r.id} ${ind.measure}: no z-score (${JSON.stringify(result.issue)})`);
      compared.push({ id: r.id, measure: ind.measure, who: Number(r[ind.column]), ours: result.z });
    }
  }

  it('matches every z-score WHO computed to within 0.05', () => {
    const off = compared.filter((c) => Math.abs(c.ours - c.who) > 0.05);
    expect(off).toEqual([]);
    expect(compared.length).toBeGreaterThan(1850);
    expect(compared.filter((c) => Math.abs(c.who) > 3).length).toBeGreaterThanOrEqual(20);
  });

  it('excludes only the age-indexed scores of the four children past 60 months', () => {
    expect([...new Set(excluded.map((e) => e.split(':')[0]))].sort()).toEqual(['343', '4', '44', '95']);
  });

  it('has no z-score where WHO has none, except under oedema (not a measurement fact)', () => {
    expect(noWhoZ.filter((n) => n.oursOk && !n.oedema)).toEqual([]);
  });
});
