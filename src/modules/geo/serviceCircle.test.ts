import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coverageShare, DEFAULT_CIRCLE, populationGrid, reachMetres, serviceCircle, serviceCircleBruteForce, type Facility } from './serviceCircle.ts';
import { distanceMetres, metresPerDegree, placeCounty, pointInPolygon, URBAN_CORE_METRES, VILLAGE_SPREAD_METRES } from './placement.ts';

const LAT = 30;
const m = metresPerDegree(LAT);
const at = (eastM: number, northM: number) => ({ lon: 120 + eastM / m.lon, lat: LAT + northM / m.lat });

describe('15-minute service circle', () => {
  it('turns distance into walking minutes with the detour factor (80 m/min, ×1.3)', () => {
    const res = serviceCircle([{ code: 'v', ...at(0, 0), population: 100 }], [{ id: 'a', ...at(800, 0), capacity: 30 }]);
    expect(res[0].nearestMinutes).toBe(13); // 800 × 1.3 ÷ 80
    expect(res[0]).toMatchObject({ covered: true, placesWithin: 30, facilitiesWithin: 1 });
    expect(reachMetres(DEFAULT_CIRCLE)).toBeCloseTo(923.08, 1);
  });

  it('counts places within the circle only, and finds the nearest beyond it', () => {
    const facilities: Facility[] = [
      { id: 'near', ...at(500, 0), capacity: 20 },
      { id: 'edge', ...at(0, 900), capacity: 15 },
      { id: 'far', ...at(3000, 0), capacity: 100 },
    ];
    const [r] = serviceCircle([{ code: 'v', ...at(0, 0), population: 10 }], facilities);
    expect(r).toMatchObject({ nearestId: 'near', placesWithin: 35, facilitiesWithin: 2, covered: true });
    const [lonely] = serviceCircle([{ code: 'w', ...at(10_000, 10_000), population: 10 }], facilities);
    expect(lonely.covered).toBe(false);
    expect(lonely.nearestId).toBe('far');
    expect(lonely.nearestMinutes).toBeCloseTo((Math.hypot(7000, 10000) * 1.3) / 80, 0);
  });

  it('gives the same answer as the brute-force scan for any layout (property)', () => {
    const pt = fc.record({ e: fc.integer({ min: -20000, max: 20000 }), n: fc.integer({ min: -20000, max: 20000 }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 30 }), fc.array(pt, { maxLength: 30 }), (ps, fs) => {
        const points = ps.map((p, i) => ({ code: `p${i}`, ...at(p.e, p.n), population: 1 }));
        const facilities = fs.map((f, i) => ({ id: `f${String(i).padStart(2, '0')}`, ...at(f.e, f.n), capacity: i + 1 }));
        expect(serviceCircle(points, facilities)).toEqual(serviceCircleBruteForce(points, facilities));
      }),
      { numRuns: 200 },
    );
  });

  it('weights coverage by population', () => {
    const res = serviceCircle(
      [{ code: 'a', ...at(0, 0), population: 300 }, { code: 'b', ...at(5000, 0), population: 100 }],
      [{ id: 'f', ...at(100, 0), capacity: 10 }],
    );
    expect(coverageShare(res)).toBe(0.75);
  });

  it('spreads a village over the 250 m cells around it, keeping its population', () => {
    const cells = populationGrid([{ code: 'v', ...at(0, 0), population: 1000 }]);
    expect(cells.length).toBeGreaterThan(9);
    expect(cells.reduce((s, c) => s + c.population, 0)).toBeCloseTo(1000, 6);
    for (const c of cells) expect(distanceMetres(c, at(0, 0))).toBeLessThanOrEqual(500 + 1);
  });
});

describe('approximate placement', () => {
  const square = { rings: [[[120, 30], [120.4, 30], [120.4, 30.4], [120, 30.4], [120, 30]] as [number, number][]] };
  const centre = { lon: 120.2, lat: 30.2 };
  const seeded = () => {
    let s = 1;
    return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  };
  const towns = [
    { code: 's1', kind: 'street', villages: ['c1', 'c2', 'c3'] },
    { code: 's2', kind: 'street', villages: ['c4'] },
    { code: 't1', kind: 'town', villages: ['v1', 'v2', 'v3', 'v4'] },
    { code: 't2', kind: 'township', villages: ['v5'] },
  ];

  it('puts every township and village inside the county', () => {
    const placed = placeCounty(square, centre, towns, seeded());
    expect(placed.map((p) => p.code).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 's1', 's2', 't1', 't2', 'v1', 'v2', 'v3', 'v4', 'v5']);
    for (const p of placed) expect(pointInPolygon(p.lon, p.lat, square)).toBe(true);
  });

  it('places by hierarchy: streets in the urban core, communities close to their street, villages within their town’s spread', () => {
    const placed = new Map(placeCounty(square, centre, towns, seeded()).map((p) => [p.code, p]));
    for (const s of ['s1', 's2']) expect(distanceMetres(placed.get(s)!, centre)).toBeLessThanOrEqual(URBAN_CORE_METRES + 1);
    for (const t of ['t1', 't2']) expect(distanceMetres(placed.get(t)!, centre)).toBeGreaterThan(URBAN_CORE_METRES);
    for (const c of ['c1', 'c2', 'c3']) expect(distanceMetres(placed.get(c)!, placed.get('s1')!)).toBeLessThanOrEqual(VILLAGE_SPREAD_METRES.street + 1);
    for (const v of ['v1', 'v2', 'v3', 'v4']) expect(distanceMetres(placed.get(v)!, placed.get('t1')!)).toBeLessThanOrEqual(VILLAGE_SPREAD_METRES.town + 1);
  });
});
