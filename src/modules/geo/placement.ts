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

/**
 * Places a county's townships (spread apart) and each township's villages (within the
 * township's share of the county's area) inside the county polygon. `random` returns [0, 1).
 */
export function placeCounty(
  poly: Polygon,
  townships: { code: string; villages: string[] }[],
  random: () => number,
): Placed[] {
  const box = bbox(poly.rings[0]);
  const inside = () => {
    for (;;) {
      const lon = box.minLon + random() * (box.maxLon - box.minLon);
      const lat = box.minLat + random() * (box.maxLat - box.minLat);
      if (pointInPolygon(lon, lat, poly)) return { lon, lat };
    }
  };
  const out: Placed[] = [];
  const towns: { lon: number; lat: number }[] = [];
  for (const t of townships) {
    // Mitchell's best candidate: of ten random points, the one farthest from those placed.
    let best = inside();
    let bestD = -1;
    for (let k = 0; k < 10 && towns.length > 0; k++) {
      const c = k === 0 ? best : inside();
      const d = Math.min(...towns.map((p) => distanceMetres(p, c)));
      if (d > bestD) [best, bestD] = [c, d];
    }
    towns.push(best);
    out.push({ code: t.code, ...best });
  }
  const radius = Math.sqrt(ringAreaM2(poly.rings[0]) / Math.max(1, townships.length) / Math.PI) * 0.8;
  townships.forEach((t, i) => {
    const centre = towns[i];
    const m = metresPerDegree(centre.lat);
    for (const v of t.villages) {
      let placed = centre;
      for (let tries = 0; tries < 30; tries++) {
        const r = radius * Math.sqrt(random());
        const a = random() * 2 * Math.PI;
        const c = { lon: centre.lon + (r * Math.cos(a)) / m.lon, lat: centre.lat + (r * Math.sin(a)) / m.lat };
        if (pointInPolygon(c.lon, c.lat, poly)) {
          placed = c;
          break;
        }
      }
      out.push({ code: v, ...placed });
    }
  });
  return out;
}
