/**
 * Approximate positions of townships and villages. No published boundary or centroid set
 * for Shaoxing's townships and villages is shipped with the project, so each unit gets a
 * point placed inside its county's published boundary: townships spread out by best-candidate
 * sampling, villages around their township. Positions are marked 'approximate' wherever they
 * are shown; a surveyed set replaces them by loading unit_locations with method 'surveyed'.
 */
export type Ring = [number, number][];
export interface Polygon {
  rings: Ring[];
}

export function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(lon: number, lat: number, poly: Polygon): boolean {
  if (!pointInRing(lon, lat, poly.rings[0])) return false;
  return !poly.rings.slice(1).some((hole) => pointInRing(lon, lat, hole));
}

/** Metres per degree at a latitude (equirectangular; fine within a city). */
export function metresPerDegree(lat: number): { lon: number; lat: number } {
  return { lon: 111_320 * Math.cos((lat * Math.PI) / 180), lat: 110_574 };
}

/** Straight-line distance in metres. */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const m = metresPerDegree((a.lat + b.lat) / 2);
  return Math.hypot((a.lon - b.lon) * m.lon, (a.lat - b.lat) * m.lat);
}

function bbox(ring: Ring) {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    minLon = Math.min(minLon, x);
    maxLon = Math.max(maxLon, x);
    minLat = Math.min(minLat, y);
    maxLat = Math.max(maxLat, y);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Area of a ring in square metres (shoelace on the local projection). */
export function ringAreaM2(ring: Ring): number {
  const m = metresPerDegree(ring[0][1]);
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * m.lon * ring[i][1] * m.lat - ring[i][0] * m.lon * ring[j][1] * m.lat;
  return Math.abs(s) / 2;
}

export interface Placed {
  code: string;
  lon: number;
  lat: number;
}

/** A township to place, with its kind (街道 street, 镇 town, 乡 township) and its villages. */
export interface TownshipToPlace {
  code: string;
  kind: string;
  villages: string[];
}

/**
 * How far from its township's point a village or community lies, by the township's kind:
 * a street's communities sit within a dense urban area, a rural town's villages spread
 * over its farmland and hills. Metres; assumptions of the synthetic placement only.
 */
export const VILLAGE_SPREAD_METRES: Record<string, number> = { street: 1_200, town: 3_500, township: 4_500 };
/** Streets (街道) form the county's urban core: within this distance of its centre. */
export const URBAN_CORE_METRES = 7_000;

/**
 * Places a county's townships and their villages inside the county polygon, by hierarchy:
 * streets around the county's urban centre (its label point), towns and townships spread
 * over the rest by best-candidate sampling, and each township's villages around its point,
 * tight for a street and wide for a rural town. `random` returns [0, 1).
 */
export function placeCounty(poly: Polygon, centre: { lon: number; lat: number }, townships: TownshipToPlace[], random: () => number): Placed[] {
  const box = bbox(poly.rings[0]);
  const anywhere = () => {
    for (;;) {
      const lon = box.minLon + random() * (box.maxLon - box.minLon);
      const lat = box.minLat + random() * (box.maxLat - box.minLat);
      if (pointInPolygon(lon, lat, poly)) return { lon, lat };
    }
  };
  /** A point within `radius` metres of `at`, inside the county (else `at`). */
  const near = (at: { lon: number; lat: number }, radius: number) => {
    const m = metresPerDegree(at.lat);
    for (let tries = 0; tries < 30; tries++) {
      const r = radius * Math.sqrt(random());
      const a = random() * 2 * Math.PI;
      const c = { lon: at.lon + (r * Math.cos(a)) / m.lon, lat: at.lat + (r * Math.sin(a)) / m.lat };
      if (pointInPolygon(c.lon, c.lat, poly)) return c;
    }
    return at;
  };
  const out: Placed[] = [];
  const placed: { lon: number; lat: number }[] = [];
  // Mitchell's best candidate: of ten candidates, the one farthest from those placed.
  const spread = (candidate: () => { lon: number; lat: number }) => {
    let best = candidate();
    let bestD = -1;
    for (let k = 0; k < 10 && placed.length > 0; k++) {
      const c = k === 0 ? best : candidate();
      const d = Math.min(...placed.map((p) => distanceMetres(p, c)));
      if (d > bestD) [best, bestD] = [c, d];
    }
    placed.push(best);
    return best;
  };
  const points = new Map<string, { lon: number; lat: number }>();
  // Streets first, in the core; then the rural units, kept out of the core where they can be.
  for (const t of townships.filter((x) => x.kind === 'street')) points.set(t.code, spread(() => near(centre, URBAN_CORE_METRES)));
  const rural = () => {
    for (let tries = 0; tries < 20; tries++) {
      const c = anywhere();
      if (distanceMetres(c, centre) > URBAN_CORE_METRES) return c;
    }
    return anywhere();
  };
  for (const t of townships.filter((x) => x.kind !== 'street')) points.set(t.code, spread(rural));
  for (const t of townships) {
    const at = points.get(t.code)!;
    out.push({ code: t.code, ...at });
    for (const v of t.villages) out.push({ code: v, ...near(at, VILLAGE_SPREAD_METRES[t.kind] ?? VILLAGE_SPREAD_METRES.town) });
  }
  return out;
}
