import type { Session } from './http.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { ABILITY_STANDARD } from '../../src/modules/elderly/ability.ts';

/** Item scores of GB/T 42195-2022 adding up to a total: full marks less points off items in form order. */
export function abilityScores(total: number): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const d of ABILITY_STANDARD.dimensions) for (const i of d.items) scores[i.code] = i.max;
  let off = 90 - total;
  for (const d of ABILITY_STANDARD.dimensions)
    for (const i of d.items) {
      const take = Math.min(off, i.max);
      scores[i.code] -= take;
      off -= take;
    }
  return scores;
}

let sequence = 100;
/** Registers a person through the people API and returns its id. */
export async function elderlyPerson(s: Session, opts: { name: string; birthDate: string; unitCode: string; region?: string }): Promise<string> {
  const idNumber = composeIdNumber(opts.region ?? opts.unitCode.slice(0, 6), opts.birthDate, sequence++);
  const res = await s.post('/api/people', { name: opts.name, idNumber, unitCode: opts.unitCode });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  return res.json().id as string;
}

export const PROFILE = { household: 'localUrban', livingArrangement: 'alone', economicStatus: 'lowIncome', healthStatus: 'chronic', careMode: 'home', flags: [] };
