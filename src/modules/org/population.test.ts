import { describe, expect, it } from 'vitest';
import divisions from './data/shaoxing-divisions.json' with { type: 'json' };
import { cityTotals, generatePopulationBase, type PopulationUnit } from './population.ts';
import { apportion, createRng } from '../../app/random.ts';

const units = (divisions as { units: PopulationUnit[] }).units;

describe('apportion (largest remainder)', () => {
  it('splits a total into integers that sum to it, close to the weights', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
    expect(apportion(7, [0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('the generated population base', () => {
  const rows = generatePopulationBase(units, [2024, 2026], createRng(1));
  const byKey = new Map(rows.map((r) => [`${r.unitCode}/${r.year}`, r]));

  it('matches the city totals of SPEC §5 in the base year', () => {
    expect(byKey.get('3306/2024')).toMatchObject({ residents: 5_371_000, elderly60: 1_400_000, children0to2: 100_000 });
    expect(byKey.get('3306/2026')).toMatchObject(cityTotals(2026));
  });

  it('rolls up exactly: children of every unit sum to the unit', () => {
    for (const parent of units.filter((u) => u.level < 4)) {
      const kids = units.filter((u) => u.parent === parent.code);
      const total = byKey.get(`${parent.code}/2026`)!;
      for (const m of ['residents', 'children0to2', 'children0to17', 'elderly60', 'elderly65'] as const) {
        expect(kids.reduce((s, k) => s + byKey.get(`${k.code}/2026`)![m], 0), `${parent.code} ${m}`).toBe(total[m]);
      }
    }
  });

  it('keeps every unit plausible: 65+ within 60+, 0–2 within 0–17, groups within residents', () => {
    for (const r of rows) {
      expect(r.elderly65).toBeLessThanOrEqual(r.elderly60);
      expect(r.children0to2).toBeLessThanOrEqual(r.children0to17);
      expect(r.children0to17 + r.elderly60).toBeLessThanOrEqual(r.residents);
    }
  });

  it('is deterministic for a seed', () => {
    const again = generatePopulationBase(units, [2024], createRng(1));
    expect(again.find((r) => r.unitCode === '330602001004')).toEqual(byKey.get('330602001004/2024'));
  });

  it('makes a miniature of the city at a share: every unit at about that share of its size, still rolling up exactly', () => {
    const mini = generatePopulationBase(units, [2026], createRng(1), 0.06);
    const miniBy = new Map(mini.map((r) => [r.unitCode, r]));
    expect(miniBy.get('3306')).toMatchObject(cityTotals(2026, 0.06));
    expect(miniBy.get('3306')!.residents).toBe(Math.round(cityTotals(2026).residents * 0.06));
    for (const county of units.filter((u) => u.level === 2)) {
      const full = byKey.get(`${county.code}/2026`)!.residents;
      expect(Math.abs(miniBy.get(county.code)!.residents - full * 0.06)).toBeLessThan(full * 0.001);
      const kids = units.filter((u) => u.parent === county.code);
      expect(kids.reduce((s, k) => s + miniBy.get(k.code)!.residents, 0)).toBe(miniBy.get(county.code)!.residents);
    }
  });
});
