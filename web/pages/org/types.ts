export interface Population {
  year: number;
  residents: number;
  children0to2: number;
  children0to17: number;
  elderly60: number;
  elderly65: number;
}

export interface UnitSummary {
  code: string;
  name: string;
  level: number;
  kind: string;
  urban: boolean;
  futureCommunity: boolean;
  residentialArea: string | null;
  childCount: number;
  population: Population | null;
}

export interface UnitDetail extends Omit<UnitSummary, 'population'> {
  parentCode: string | null;
  divisionYear: number;
  path: { code: string; name: string; level: number; inScope: boolean }[];
  population: Population[];
}
