/**
 * The 15-minute service circle (15分钟服务圈, SPEC §3.13; 004 §13). Without a road network the
 * walk is estimated from the straight-line distance:
 *   walking time = straight-line distance × detour factor ÷ walking speed.
 * Defaults: 4.8 km/h (80 m per minute), the walking speed the 15-minute community-life-circle
 * planning guide assumes (自然资源部《社区生活圈规划技术指南》TD/T 1062-2021: 15 minutes ≈
 * 800–1,000 m of walking), and a detour factor of 1.3 for the ratio of street to
 * straight-line distance in Chinese towns. A facility within 15 minutes is 15 × 80 ÷ 1.3 ≈
 * 923 m away in a straight line. Both are parameters of the analysis.
 */
import { distanceMetres, metresPerDegree } from './placement.ts';

export interface CircleParams {
  walkMetresPerMinute: number;
  detourFactor: number;
  minutes: number;
}

export const DEFAULT_CIRCLE: CircleParams = { walkMetresPerMinute: 80, detourFactor: 1.3, minutes: 15 };

export interface Facility {
  id: string;
  lon: number;
  lat: number;
  capacity: number;
}

export interface DemandPoint {
  code: string;
  lon: number;
  lat: number;
  population: number;
}

export interface CircleResult {
  code: string;
  population: number;
  /** Walking minutes to the nearest facility; null when there is none. */
  nearestMinutes: number | null;
  nearestId: string | null;
  /** Places (capacity) of every facility within the circle. */
  placesWithin: number;
  facilitiesWithin: number;
  covered: boolean;
}

export const minutesFor = (metres: number, p: CircleParams) => (metres * p.detourFactor) / p.walkMetresPerMinute;
export const reachMetres = (p: CircleParams) => (p.minutes * p.walkMetresPerMinute) / p.detourFactor;

/** Every demand point against every facility: the reference the indexed version must equal. */
export function serviceCircleBruteForce(points: DemandPoint[], facilities: Facility[], p: CircleParams = DEFAULT_CIRCLE): CircleResult[] {
  const reach = reachMetres(p);
  return points.map((pt) => {
    let best = Infinity;
    let bestId: string | null = null;
    let places = 0;
    let n = 0;
    for (const f of facilities) {
      const d = distanceMetres(pt, f);
      if (d < best || (d === best && bestId !== null && f.id < bestId)) [best, bestId] = [d, f.id];
      if (d <= reach) {
        places += f.capacity;
        n++;
      }
    }
    return result(pt, best, bestId, places, n, p);
  });
}

function result(pt: DemandPoint, best: number, bestId: string | null, places: number, n: number, p: CircleParams): CircleResult {
  const minutes = bestId === null ? null : Math.round(minutesFor(best, p) * 10) / 10;
  return { code: pt.code, population: pt.population, nearestMinutes: minutes, nearestId: bestId, placesWithin: places, facilitiesWithin: n, covered: bestId !== null && best <= reachMetres(p) };
}

/**
 * The same answer from a uniform grid of cells one reach wide: the facilities within reach
 * lie in the 3 × 3 cells around a point, and the nearest is found by widening rings of
 * cells until no unvisited cell can hold a nearer one.
 */
export function serviceCircle(points: DemandPoint[], facilities: Facility[], p: CircleParams = DEFAULT_CIRCLE): CircleResult[] {
  if (facilities.length === 0) return points.map((pt) => result(pt, Infinity, null, 0, 0, p));
  const reach = reachMetres(p);
  const lat0 = facilities.reduce((s, f) => s + f.lat, 0) / facilities.length;
  const m = metresPerDegree(lat0);
  const cellOf = (lon: number, lat: number) => [Math.floor((lon * m.lon) / reach), Math.floor((lat * m.lat) / reach)] as const;
  const grid = new Map<string, Facility[]>();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of facilities) {
    const [x, y] = cellOf(f.lon, f.lat);
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    const k = `${x},${y}`;
    const list = grid.get(k);
    if (list) list.push(f);
    else grid.set(k, [f]);
  }
  return points.map((pt) => {
    const [cx, cy] = cellOf(pt.lon, pt.lat);
    let best = Infinity;
    let bestId: string | null = null;
    let places = 0;
    let n = 0;
    const visit = (f: Facility) => {
      const d = distanceMetres(pt, f);
      if (d < best || (d === best && bestId !== null && f.id < bestId)) [best, bestId] = [d, f.id];
      return d;
    };
    const maxRing = Math.max(Math.abs(cx - minX), Math.abs(cx - maxX), Math.abs(cy - minY), Math.abs(cy - maxY)) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every point of a cell in ring r is at least (r − 1) cells away; stop once that is farther
      // than the best found. The small slack covers the projection's latitude difference.
      if (ring >= 2 && (ring - 1) * reach * 0.98 > best) break;
      for (let x = cx - ring; x <= cx + ring; x++) {
        for (let y = cy - ring; y <= cy + ring; y++) {
          if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) !== ring) continue;
          const list = grid.get(`${x},${y}`);
          if (!list) continue;
          for (const f of list) {
            const d = visit(f);
            if (d <= reach) {
              places += f.capacity;
              n++;
            }
          }
        }
      }
    }
    return result(pt, best, bestId, places, n, p);
  });
}

/**
 * A population grid of square cells (250 m by default): each village's residents spread
 * evenly over the cells whose centres lie within `spreadMetres` of its point (at least its
 * own cell), approximating a settlement's extent where no census grid is loaded.
 */
export function populationGrid(villages: DemandPoint[], cellMetres = 250, spreadMetres = 500): DemandPoint[] {
  if (villages.length === 0) return [];
  const lat0 = villages.reduce((s, v) => s + v.lat, 0) / villages.length;
  const m = metresPerDegree(lat0);
  const cells = new Map<string, DemandPoint>();
  const k = Math.ceil(spreadMetres / cellMetres);
  for (const v of villages) {
    const gx = Math.floor((v.lon * m.lon) / cellMetres);
    const gy = Math.floor((v.lat * m.lat) / cellMetres);
    const mine: [number, number][] = [];
    for (let dx = -k; dx <= k; dx++)
      for (let dy = -k; dy <= k; dy++) {
        const x = gx + dx;
        const y = gy + dy;
        const cxm = (x + 0.5) * cellMetres;
        const cym = (y + 0.5) * cellMetres;
        if (Math.hypot(cxm - v.lon * m.lon, cym - v.lat * m.lat) <= spreadMetres) mine.push([x, y]);
      }
    if (mine.length === 0) mine.push([gx, gy]);
    const share = v.population / mine.length;
    for (const [x, y] of mine) {
      const key = `${x},${y}`;
      const c = cells.get(key);
      if (c) c.population += share;
      else cells.set(key, { code: key, lon: ((x + 0.5) * cellMetres) / m.lon, lat: ((y + 0.5) * cellMetres) / m.lat, population: share });
    }
  }
  return [...cells.values()];
}

export function coverageShare(results: CircleResult[]): number | null {
  const total = results.reduce((s, r) => s + r.population, 0);
  if (total === 0) return null;
  return results.reduce((s, r) => s + (r.covered ? r.population : 0), 0) / total;
}
