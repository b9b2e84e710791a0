/**
 * Planning-norm checks of SPEC §3.13 (004): childcare places per 1,000 residents in new and
 * existing residential communities, and the affordable share of the places added in a year
 * per township. The norms are dated data (data/planning-norms.json); this is the pure check.
 */
import normsFile from './data/planning-norms.json' with { type: 'json' };

export type NormCode = 'placesNewCommunity' | 'placesExistingCommunity' | 'affordableShareOfNewPlaces';
export interface Norm {
  code: NormCode;
  effectiveFrom: string;
  effectiveTo: string | null;
  min: number;
  per: number;
}
export const PLANNING_NORMS = normsFile as { source: string; norms: Norm[]; notCheckable: { code: string; reason: string }[] };

export interface CommunitySupply {
  code: string;
  name: string;
  residentialArea: 'new' | 'existing';
  residents: number;
  places: number;
}
export interface TownshipAdditions {
  code: string;
  name: string;
  newPlaces: number;
  newAffordablePlaces: number;
}
export interface Finding {
  unitCode: string;
  unitName: string;
  norm: NormCode;
  actual: number;
  required: number;
  /** Places (or affordable places) missing to meet the norm. */
  shortfall: number;
}

export function normsInForce(norms: Norm[], year: number): Map<NormCode, Norm> {
  const day = `${year}-12-31`;
  return new Map(norms.filter((n) => n.effectiveFrom <= day && (n.effectiveTo === null || n.effectiveTo > day)).map((n) => [n.code, n]));
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function checkPlanningNorms(communities: CommunitySupply[], townships: TownshipAdditions[], norms: Map<NormCode, Norm>): { checked: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let checked = 0;
  for (const c of communities) {
    const norm = norms.get(c.residentialArea === 'new' ? 'placesNewCommunity' : 'placesExistingCommunity');
    if (!norm || c.residents <= 0) continue;
    checked++;
    const actual = (c.places / c.residents) * norm.per;
    if (actual < norm.min) findings.push({ unitCode: c.code, unitName: c.name, norm: norm.code, actual: r2(actual), required: norm.min, shortfall: Math.ceil((norm.min * c.residents) / norm.per - c.places) });
  }
  const share = norms.get('affordableShareOfNewPlaces');
  if (share) {
    for (const t of townships) {
      if (t.newPlaces <= 0) continue;
      checked++;
      const actual = (t.newAffordablePlaces / t.newPlaces) * share.per;
      if (actual < share.min)
        findings.push({ unitCode: t.code, unitName: t.name, norm: share.code, actual: r2(actual), required: share.min, shortfall: Math.ceil((share.min * t.newPlaces) / share.per - t.newAffordablePlaces) });
    }
  }
  return { checked, findings };
}
