import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocatePlaces, blockingPairs, deferredAcceptance, firstComeFirstServed, type Application, type MatchInput, type Program } from './matching.ts';
import { comparePriority, lotteryNumber, priorityKey, TIE_BREAK, type PriorityRule } from './priority.ts';

describe('priority rules as data', () => {
  const rules: PriorityRule[] = [
    { id: 'employee', kind: 'employeeChild', employerId: 'hospital' },
    { id: 'sibling', kind: 'sibling' },
    { id: 'affordable', kind: 'affordableEligible' },
    { id: 'resident', kind: 'residentOf', unitPrefix: '330602001' },
    { id: 'distance', kind: 'distance' },
  ];
  const key = (facts: Parameters<typeof priorityKey>[2], distanceM: number, lottery = 5) => priorityKey(rules, 'c1', facts, distanceM, lottery);

  it.each([
    ['an employee’s child before a sibling', key({ employerIds: ['hospital'] }, 900), key({ siblingCenterIds: ['c1'] }, 100)],
    ['a sibling before an affordable-place family', key({ siblingCenterIds: ['c1'] }, 900), key({ affordableEligible: true }, 100)],
    ['an affordable-place family before a resident', key({ affordableEligible: true }, 900), key({ unitCode: '330602001004' }, 100)],
    ['a resident before a nearer non-resident', key({ unitCode: '330602001004' }, 900), key({ unitCode: '330602002001' }, 100)],
    ['nearer before farther, all else equal', key({}, 100), key({}, 900)],
    ['the lower lottery number on a tie', key({}, 100, 3), key({}, 100, 4)],
  ])('ranks %s', (_name, first, second) => {
    expect(comparePriority(first, second)).toBeLessThan(0);
    expect(comparePriority(second, first)).toBeGreaterThan(0);
  });

  it('counts the sibling rule only at the sibling’s center, the employer rule only for that employer', () => {
    expect(priorityKey(rules, 'c2', { siblingCenterIds: ['c1'], employerIds: ['school'] }, 100, 1).slice(0, 2)).toEqual([0, 0]);
  });

  it('draws the same lottery number for the same round and applicant, and spreads them', () => {
    expect(lotteryNumber(7, 'app-1')).toBe(lotteryNumber(7, 'app-1'));
    expect(lotteryNumber(7, 'app-1')).not.toBe(lotteryNumber(8, 'app-1'));
    const draws = new Set(Array.from({ length: 1000 }, (_, i) => lotteryNumber(1, `a${i}`)));
    expect(draws.size).toBe(1000);
  });
});

describe('a worked round with explanations', () => {
  // Two centers' 托小班 places: an employer-run one (2 places) and a community one (1 place).
  const programs: Program[] = [
    { id: 'employer:toddler', centerId: 'employer', capacity: 2, rules: [{ id: 'employee', kind: 'employeeChild', employerId: 'factory' }, { id: 'distance', kind: 'distance' }] },
    { id: 'community:toddler', centerId: 'community', capacity: 1, rules: [{ id: 'sibling', kind: 'sibling' }, { id: 'distance', kind: 'distance' }] },
  ];
  const app = (id: string, choices: [string, number][], facts: Application['facts'], lottery: number): Application => ({
    id,
    choices: choices.map(([programId, distanceM]) => ({ programId, distanceM })),
    facts,
    lottery,
  });
  const input: MatchInput = {
    programs,
    applications: [
      app('A', [['employer:toddler', 3000], ['community:toddler', 500]], { employerIds: ['factory'] }, 4),
      app('B', [['employer:toddler', 400], ['community:toddler', 800]], {}, 2),
      app('C', [['employer:toddler', 200]], {}, 3),
      app('D', [['community:toddler', 2500], ['employer:toddler', 100]], { siblingCenterIds: ['community'] }, 1),
    ],
  };
  const outcomes = allocatePlaces(input);
  const of = (id: string) => outcomes.find((o) => o.applicationId === id)!;

  it('gives the employer’s places to the employee’s child, then the nearest; the community place to the sibling', () => {
    expect(outcomes.map((o) => [o.applicationId, o.programId, o.choiceRank])).toEqual([
      ['A', 'employer:toddler', 1],
      ['B', null, null],
      ['C', 'employer:toddler', 1],
      ['D', 'community:toddler', 1],
    ]);
    expect(blockingPairs(input, deferredAcceptance(input))).toEqual([]);
  });

  it('tells B why each choice made no offer: the rule and the rank', () => {
    expect(of('B').choices).toEqual([
      {
        programId: 'employer:toddler',
        choiceRank: 1,
        result: 'notOffered',
        rank: 3,
        applicants: 3,
        capacity: 2,
        waitlistPosition: 1,
        decidingRule: 'distance',
        own: 400,
        other: 200,
      },
      {
        programId: 'community:toddler',
        choiceRank: 2,
        result: 'notOffered',
        rank: 2,
        applicants: 2,
        capacity: 1,
        waitlistPosition: 1,
        decidingRule: 'sibling',
        own: 0,
        other: 1,
      },
    ]);
  });

  it('tells A which rule gave the place, and that a lower choice was not needed', () => {
    expect(of('A').choices[0]).toMatchObject({ result: 'offered', rank: 1, decidingRule: 'employee', own: 1, other: 0 });
    expect(of('C').choices[0]).toMatchObject({ result: 'offered', rank: 2, decidingRule: 'distance', own: 200, other: 400 });
    expect(of('A').choices[1]).toMatchObject({ result: 'notNeeded', rank: null });
  });

  it('breaks a full tie by the lottery and says so', () => {
    const tie: MatchInput = {
      programs: [{ id: 'p', centerId: 'c', capacity: 1, rules: [{ id: 'distance', kind: 'distance' }] }],
      applications: [app('X', [['p', 500]], {}, 9), app('Y', [['p', 500]], {}, 2)],
    };
    const [x, y] = allocatePlaces(tie);
    expect(y.programId).toBe('p');
    expect(x.choices[0]).toMatchObject({ result: 'notOffered', decidingRule: TIE_BREAK, own: 9, other: 2 });
  });

  it('first come, first served ignores priorities and is unstable here', () => {
    const fcfs = firstComeFirstServed({ ...input, applications: [input.applications[1], input.applications[2], input.applications[0], input.applications[3]] });
    expect(blockingPairs({ ...input, applications: [input.applications[1], input.applications[2], input.applications[0], input.applications[3]] }, fcfs).length).toBeGreaterThan(0);
  });
});

/** Random rounds: programs with random rules and capacities, applications with up to 5 choices. */
const roundArb = fc
  .record({
    programs: fc.array(
      fc.record({
        capacity: fc.integer({ min: 0, max: 4 }),
        rules: fc.subarray(['employee', 'sibling', 'affordable', 'resident', 'distance'] as const),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    applications: fc.array(
      fc.record({
        choices: fc.uniqueArray(fc.record({ program: fc.nat(7), distanceM: fc.integer({ min: 0, max: 20 }) }), { maxLength: 5, selector: (c) => c.program }),
        employee: fc.boolean(),
        sibling: fc.nat(7),
        affordable: fc.boolean(),
        resident: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ programs, applications }): MatchInput => {
    const progs: Program[] = programs.map((p, i) => ({
      id: `p${i}`,
      centerId: `c${i}`,
      capacity: p.capacity,
      rules: p.rules.map((r): PriorityRule => {
        if (r === 'employee') return { id: r, kind: 'employeeChild', employerId: 'e' };
        if (r === 'sibling') return { id: r, kind: 'sibling' };
        if (r === 'affordable') return { id: r, kind: 'affordableEligible' };
        if (r === 'resident') return { id: r, kind: 'residentOf', unitPrefix: '3306' };
        return { id: r, kind: 'distance' };
      }),
    }));
    return {
      programs: progs,
      applications: applications.map((a, i) => ({
        id: `a${i}`,
        choices: a.choices.filter((c) => c.program < progs.length).map((c) => ({ programId: `p${c.program}`, distanceM: c.distanceM * 100 })),
        facts: {
          employerIds: a.employee ? ['e'] : [],
          siblingCenterIds: [`c${a.sibling}`],
          affordableEligible: a.affordable,
          unitCode: a.resident ? '330602001001' : '330100000000',
        },
        lottery: i,
      })),
    };
  });

describe('deferred acceptance on random rounds (property)', () => {
  it('is stable: no applicant and program both prefer each other to what they got', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const outcomes = allocatePlaces(input);
        const key = (ai: number, programId: string) => {
          const p = input.programs.find((x) => x.id === programId)!;
          const a = input.applications[ai];
          return priorityKey(p.rules, p.centerId, a.facts, a.choices.find((c) => c.programId === programId)!.distanceM, a.lottery);
        };
        const holders = new Map<string, number[]>();
        outcomes.forEach((o, ai) => o.programId && holders.set(o.programId, [...(holders.get(o.programId) ?? []), ai]));
        outcomes.forEach((o, ai) => {
          const better = input.applications[ai].choices.slice(0, o.choiceRank === null ? undefined : o.choiceRank - 1);
          for (const c of better) {
            const p = input.programs.find((x) => x.id === c.programId)!;
            const held = holders.get(p.id) ?? [];
            expect(held.length, `${p.id} has room for ${o.applicationId}`).toBe(p.capacity);
            for (const h of held) expect(comparePriority(key(h, p.id), key(ai, p.id)), `${p.id} prefers ${o.applicationId}`).toBeLessThan(0);
          }
        });
        expect(blockingPairs(input, deferredAcceptance(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('respects capacities, assigns only chosen programs, and explains consistently', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const outcomes = allocatePlaces(input);
        for (const p of input.programs) expect(outcomes.filter((o) => o.programId === p.id).length).toBeLessThanOrEqual(p.capacity);
        outcomes.forEach((o, ai) => {
          const app = input.applications[ai];
          if (o.programId) expect(app.choices[o.choiceRank! - 1].programId).toBe(o.programId);
          for (const c of o.choices) {
            if (o.choiceRank === null || c.choiceRank < o.choiceRank) {
              expect(c.result).toBe('notOffered');
              expect(c.rank!).toBeGreaterThan(c.capacity);
            } else if (c.choiceRank === o.choiceRank) {
              expect(c.result).toBe('offered');
              expect(c.rank!).toBeLessThanOrEqual(c.capacity);
            } else expect(c.result).toBe('notNeeded');
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the explained allocation', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const plain = deferredAcceptance(input);
        const explained = allocatePlaces(input);
        explained.forEach((o, ai) => expect(o.choiceRank === null ? -1 : o.choiceRank - 1).toBe(plain.choice[ai]));
      }),
    );
  });
});
