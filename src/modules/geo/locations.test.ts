import { describe, expect, it } from 'vitest';
import { parseLocations } from './locations.ts';

const rec = (line: number, ...fields: string[]) => ({ line, fields });

describe('surveyed positions from CSV', () => {
  it('keeps GCJ-02 as given and converts WGS-84 to GCJ-02 (about 500 m east and north-west here)', () => {
    const gcj = parseLocations([rec(1, 'code', 'lon', 'lat'), rec(2, '330602001', '120.58', '30.0')], 'gcj02');
    expect(gcj.rows).toEqual([{ line: 2, code: '330602001', lon: 120.58, lat: 30 }]);
    const wgs = parseLocations([rec(1, '区划代码', '经度', '纬度'), rec(2, '330602001', '120.58', '30.0')], 'wgs84');
    // The GCJ-02 offset near Shaoxing: about +0.0041° in longitude and −0.0026° in latitude.
    expect(wgs.rows[0].lon - 120.58).toBeGreaterThan(0.003);
    expect(wgs.rows[0].lon - 120.58).toBeLessThan(0.006);
    expect(wgs.rows[0].lat - 30).toBeLessThan(-0.001);
    expect(wgs.rows[0].lat - 30).toBeGreaterThan(-0.004);
  });

  it('reports each bad row by line and field and keeps the good ones', () => {
    const r = parseLocations(
      [rec(1, 'code', 'lat', 'lon'), rec(2, '3306', '30', '120'), rec(3, '330602001', '30', '200'), rec(4, '330602002', '120', '30'), rec(5, '330602003', '30.01', '120.6'), rec(6, '330602003', '30.01', '120.6')],
      'gcj02',
    );
    expect(r.rows.map((x) => x.code)).toEqual(['330602003']);
    expect(r.errors).toEqual([
      { line: 2, field: 'code', code: 'unknownUnit' },
      { line: 3, field: 'lon', code: 'outsideChina' },
      { line: 4, field: 'lon', code: 'outsideChina' },
      { line: 6, field: 'code', code: 'duplicateUnitInFile' },
    ]);
  });

  it('refuses a file without its columns, or empty', () => {
    expect(parseLocations([rec(1, 'code', 'x', 'y')], 'gcj02').errors).toEqual([{ line: 1, field: 'file', code: 'missingColumn' }]);
    expect(parseLocations([], 'gcj02').errors).toEqual([{ line: 1, field: 'file', code: 'emptyFile' }]);
  });
});
