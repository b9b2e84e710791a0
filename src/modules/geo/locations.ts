/**
 * Surveyed positions of townships and villages from a CSV of `code, lon, lat`, in WGS-84 (GPS,
 * 天地图) or GCJ-02 (高德, 腾讯). Stored in GCJ-02, the system of the county outlines the map
 * draws; the conversion is gcoord's. Pure: the service checks the codes against the tree.
 */
import * as gcoordModule from 'gcoord';
import type { CsvRecord } from '../../app/csv.ts';

/** The part of gcoord used here (its bundled types describe an ESM build that Node does not load). */
interface Gcoord {
  transform(input: [number, number], from: string, to: string): [number, number];
  WGS84: string;
  GCJ02: string;
}
/** gcoord is CommonJS: under Node's ESM loader its exports object arrives as the default import. */
const gcoordDefault = (gcoordModule as unknown as { default: Gcoord & { default?: Gcoord } }).default;
const gcoord: Gcoord = gcoordDefault.default ?? gcoordDefault;

export const LOCATION_SYSTEMS = ['wgs84', 'gcj02'] as const;
export type LocationSystem = (typeof LOCATION_SYSTEMS)[number];

export interface LocationRow {
  line: number;
  code: string;
  lon: number;
  lat: number;
}

export interface LocationError {
  line: number;
  field: 'code' | 'lon' | 'lat' | 'file';
  code: string;
}

/** Header names accepted for each column, in the two languages. */
const HEADERS: Record<'code' | 'lon' | 'lat', string[]> = {
  code: ['code', 'unit_code', '区划代码', '代码'],
  lon: ['lon', 'lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
};

/** China's extent, as the database checks it (migrations/0310_geo.sql). */
const LON = [73, 136];
const LAT = [3, 54];

export function parseLocations(records: CsvRecord[], system: LocationSystem): { rows: LocationRow[]; errors: LocationError[] } {
  if (records.length === 0) return { rows: [], errors: [{ line: 1, field: 'file', code: 'emptyFile' }] };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const at = (k: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[k].includes(h));
  const idx = { code: at('code'), lon: at('lon'), lat: at('lat') };
  if (idx.code < 0 || idx.lon < 0 || idx.lat < 0) return { rows: [], errors: [{ line: records[0].line, field: 'file', code: 'missingColumn' }] };
  const rows: LocationRow[] = [];
  const errors: LocationError[] = [];
  const seen = new Set<string>();
  for (const r of records.slice(1)) {
    const code = (r.fields[idx.code] ?? '').trim();
    const lon = Number((r.fields[idx.lon] ?? '').trim());
    const lat = Number((r.fields[idx.lat] ?? '').trim());
    if (!/^\d{9}(\d{3})?$/.test(code)) errors.push({ line: r.line, field: 'code', code: 'unknownUnit' });
    else if (seen.has(code)) errors.push({ line: r.line, field: 'code', code: 'duplicateUnitInFile' });
    else if (!Number.isFinite(lon) || lon < LON[0] || lon > LON[1]) errors.push({ line: r.line, field: 'lon', code: 'outsideChina' });
    else if (!Number.isFinite(lat) || lat < LAT[0] || lat > LAT[1]) errors.push({ line: r.line, field: 'lat', code: 'outsideChina' });
    else {
      seen.add(code);
      const [x, y] = system === 'gcj02' ? [lon, lat] : gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
      rows.push({ line: r.line, code, lon: Math.round(x * 1e6) / 1e6, lat: Math.round(y * 1e6) / 1e6 });
    }
  }
  return { rows, errors };
}
