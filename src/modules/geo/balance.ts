/**
 * Balance indices (均衡度, SPEC §3.13) of per-capita supply across units, weighted by
 * population so that each resident counts once (a small township does not weigh as much as a
 * large one):
 *   mean      μ = Σ pᵢxᵢ / P
 *   Gini      G = Σᵢ Σⱼ pᵢpⱼ |xᵢ − xⱼ| / (2 P² μ)
 *   Theil     T = Σᵢ (pᵢ / P) (xᵢ / μ) ln(xᵢ / μ), with 0 · ln 0 = 0
 * (Theil, Economic Aspects and Information Theory, 1967; the population-weighted Gini as in
 * the health-resource allocation literature.) Both are 0 for perfect equality.
 */
export interface Share {
  /** Per-capita supply of the unit, e.g. places per 1,000 residents. */
  value: number;
  /** Its population (the weight). */
  weight: number;
}

export function weightedMean(xs: Share[]): number {
  const P = xs.reduce((s, x) => s + x.weight, 0);
  return P === 0 ? 0 : xs.reduce((s, x) => s + x.weight * x.value, 0) / P;
}

export function gini(xs: Share[]): number | null {
  const P = xs.reduce((s, x) => s + x.weight, 0);
  const mu = weightedMean(xs);
  if (P === 0 || mu === 0) return null;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += a.weight * b.weight * Math.abs(a.value - b.value);
  return sum / (2 * P * P * mu);
}

export function theil(xs: Share[]): number | null {
  const P = xs.reduce((s, x) => s + x.weight, 0);
  const mu = weightedMean(xs);
  if (P === 0 || mu === 0) return null;
  let t = 0;
  for (const x of xs) {
    if (x.value === 0 || x.weight === 0) continue;
    const r = x.value / mu;
    t += (x.weight / P) * r * Math.log(r);
  }
  return t;
}
