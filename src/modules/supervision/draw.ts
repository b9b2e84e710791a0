/**
 * The double-random draw (双随机: random centers, random inspectors) of an inspection plan.
 * Seeded and reproducible: the candidates are sorted by id, the seed is hashed with SHA-256
 * into the state of a xoshiro128** generator, centers are picked by a partial Fisher–Yates
 * shuffle, and inspectors are dealt to the picked centers from a shuffled roster so that the
 * load is even and no center gets the same inspector twice. The same inputs give the same
 * draw on any machine; the plan records them so anyone can redo it.
 */
import { createHash } from 'node:crypto';

export const DRAW_ALGORITHM = 'sha256-xoshiro128ss-fisher-yates-v1';

export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  let a = h.readUInt32LE(0), b = h.readUInt32LE(4), c = h.readUInt32LE(8), d = h.readUInt32LE(12);
  if ((a | b | c | d) === 0) a = 1;
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rnd: () => number, take = items.length): T[] {
  const a = [...items];
  for (let i = 0; i < Math.min(take, a.length - 1); i++) {
    const j = i + Math.floor(rnd() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, take);
}

export interface DrawInput {
  seed: string;
  centers: readonly string[];
  inspectors: readonly string[];
  sampleSize: number;
  inspectorsPerCenter: number;
}

export interface Draw {
  algorithm: string;
  seed: string;
  candidates: string[];
  roster: string[];
  sampleSize: number;
  inspectorsPerCenter: number;
  assignments: { centerId: string; inspectorIds: string[] }[];
}

export type DrawIssue = { field: string; key: string; params: Record<string, number> };

export function checkDraw(input: Omit<DrawInput, 'seed'>): DrawIssue | null {
  if (input.sampleSize > input.centers.length) return { field: 'sampleSize', key: 'supervision.sampleTooLarge', params: { max: input.centers.length } };
  if (input.inspectorsPerCenter > input.inspectors.length) return { field: 'inspectorsPerCenter', key: 'supervision.tooFewInspectors', params: { need: input.inspectorsPerCenter, have: input.inspectors.length } };
  return null;
}

export function drawInspections(input: DrawInput): Draw {
  const candidates = [...new Set(input.centers)].sort();
  const roster = [...new Set(input.inspectors)].sort();
  const rnd = seededRandom(input.seed);
  const picked = shuffled(candidates, rnd, input.sampleSize);
  let deck: string[] = [];
  const assignments = picked.map((centerId) => {
    const team: string[] = [];
    while (team.length < input.inspectorsPerCenter) {
      if (deck.length === 0) deck = shuffled(roster, rnd);
      const i = deck.findIndex((x) => !team.includes(x));
      if (i < 0) {
        deck = shuffled(roster, rnd);
        continue;
      }
      team.push(deck.splice(i, 1)[0]);
    }
    return { centerId, inspectorIds: team };
  });
  return { algorithm: DRAW_ALGORITHM, seed: input.seed, candidates, roster, sampleSize: input.sampleSize, inspectorsPerCenter: input.inspectorsPerCenter, assignments };
}
