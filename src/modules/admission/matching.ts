/**
 * Allocation of childcare places in one round (入托全智慧, SPEC §3.5): a stable matching by
 * applicant-proposing deferred acceptance (Gale & Shapley 1962). Applicants propose to their
 * ranked choices (a center's places of one class type: a program) in order; each program
 * holds the best applicants by its priority up to its capacity and rejects the rest; a
 * rejected applicant proposes to the next choice. The result is stable — no applicant and
 * program both prefer each other to what they got — and the best stable result for every
 * applicant; no applicant gains by misstating their ranking.
 *
 * Plain data in and out, no database: the admission workflow builds the programs (places
 * left in the round) and the applications, and stores the offers. Each outcome carries its
 * explanation: the applicant's rank at each choice and the rule that decided it.
 */
import { comparePriority, decidingEntry, priorityKey, TIE_BREAK, type ApplicantFacts, type PriorityRule } from './priority.ts';

export interface Program {
  id: string;
  centerId: string;
  /** Places to fill in this round (≥ 0). */
  capacity: number;
  /** How the center ranks applicants for these places, most important first. */
  rules: readonly PriorityRule[];
}

export interface Choice {
  programId: string;
  /** Distance from home to the center in metres (for a distance rule). */
  distanceM?: number;
}

export interface Application {
  id: string;
  /** Ranked, best first; a program at most once. */
  choices: readonly Choice[];
  facts: ApplicantFacts;
  /** The round's lottery number (lower wins ties); see lotteryNumber(). */
  lottery: number;
}

export interface MatchInput {
  programs: readonly Program[];
  applications: readonly Application[];
}

export interface ChoiceExplanation {
  programId: string;
  /** 1 for the first choice. */
  choiceRank: number;
  /**
   * offered: a place here; notOffered: asked here and ranked below the places; notNeeded:
   * never asked, because a choice ranked higher made an offer.
   */
  result: 'offered' | 'notOffered' | 'notNeeded';
  /** Position among all applicants who asked this program, by its priority (1 = first). */
  rank: number | null;
  /** How many asked, and the places. */
  applicants: number;
  capacity: number;
  /** For notOffered: the position on the waiting list (rank − capacity). */
  waitlistPosition: number | null;
  /**
   * The rule that decided it: for notOffered, where the applicant fell behind the last one
   * offered a place here; for offered, where they came ahead of the first one not offered.
   * TIE_BREAK when only the lottery separated them; null when there was room for everyone
   * who asked (offered) or no places at all (notOffered).
   */
  decidingRule: string | null;
  /** The applicant's own values and the other applicant's for the deciding rule. */
  own: number | null;
  other: number | null;
}

export interface Outcome {
  applicationId: string;
  programId: string | null;
  choiceRank: number | null;
  choices: ChoiceExplanation[];
}

export interface Proposal {
  app: number;
  program: number;
  choice: number;
  key: number[];
}

/** The compiled input: indices instead of ids, each proposal's priority vector computed once. */
interface Compiled {
  programs: readonly Program[];
  proposals: Proposal[][];
}

function compile(input: MatchInput): Compiled {
  const index = new Map(input.programs.map((p, i) => [p.id, i]));
  const proposals = input.applications.map((a, ai) =>
    a.choices.map((c, ci) => {
      const pi = index.get(c.programId);
      if (pi === undefined) throw new Error(`application ${a.id} names an unknown program ${c.programId}`);
      const p = input.programs[pi];
      return { app: ai, program: pi, choice: ci, key: priorityKey(p.rules, p.centerId, a.facts, c.distanceM, a.lottery) };
    }),
  );
  return { programs: input.programs, proposals };
}

/** A binary heap of held proposals, the lowest priority on top, so the worst is evicted first. */
class HeldHeap {
  readonly items: Proposal[] = [];
  /** a is worse than b: lower priority. */
  private worse(a: Proposal, b: Proposal): boolean {
    return comparePriority(a.key, b.key) > 0;
  }
  get size(): number {
    return this.items.length;
  }
  peek(): Proposal {
    return this.items[0];
  }
  push(p: Proposal): void {
    const h = this.items;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }
  /** Replaces the top (the worst) with p and restores the heap; returns the evicted one. */
  replaceTop(p: Proposal): Proposal {
    const h = this.items;
    const top = h[0];
    h[0] = p;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.worse(h[l], h[m])) m = l;
      if (r < h.length && this.worse(h[r], h[m])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
    return top;
  }
}

export interface Assignment {
  /** Per application (input order): the program index it holds, or −1. */
  program: Int32Array;
  /** Per application: the choice index it holds, or −1. */
  choice: Int32Array;
}

function defer(c: Compiled): { assignment: Assignment; asked: Proposal[][] } {
  const nApps = c.proposals.length;
  const held = c.programs.map(() => new HeldHeap());
  const asked: Proposal[][] = c.programs.map(() => []);
  const next = new Int32Array(nApps);
  const program = new Int32Array(nApps).fill(-1);
  const choice = new Int32Array(nApps).fill(-1);
  const free: number[] = [];
  for (let a = nApps - 1; a >= 0; a--) free.push(a);
  while (free.length > 0) {
    const a = free.pop()!;
    const list = c.proposals[a];
    while (next[a] < list.length) {
      const prop = list[next[a]++];
      asked[prop.program].push(prop);
      const heap = held[prop.program];
      const cap = c.programs[prop.program].capacity;
      if (heap.size < cap) {
        heap.push(prop);
        program[a] = prop.program;
        choice[a] = prop.choice;
        break;
      }
      if (cap > 0 && comparePriority(prop.key, heap.peek().key) < 0) {
        const out = heap.replaceTop(prop);
        program[a] = prop.program;
        choice[a] = prop.choice;
        program[out.app] = -1;
        choice[out.app] = -1;
        free.push(out.app);
        break;
      }
    }
  }
  return { assignment: { program, choice }, asked };
}

/** The stable allocation only (what the benchmark times): program and choice index per application. */
export function deferredAcceptance(input: MatchInput): Assignment {
  return defer(compile(input)).assignment;
}

/** A priority entry as people read it: 1/0 for a rule met or not, metres, the lottery number. */
function plainValue(program: Program, entry: number, value: number): number {
  const isNegated = entry === program.rules.length || program.rules[entry].kind === 'distance';
  return isNegated ? -value : value;
}

/** The stable allocation with an explanation of every choice of every application. */
export function allocatePlaces(input: MatchInput): Outcome[] {
  const c = compile(input);
  const { assignment, asked } = defer(c);
  // Everyone who asked a program, by its priority: the first `capacity` of them hold it.
  const rankOf = c.programs.map(() => new Map<number, number>());
  const ordered = asked.map((list, pi) => {
    const sorted = [...list].sort((x, y) => comparePriority(x.key, y.key));
    sorted.forEach((p, i) => rankOf[pi].set(p.app, i + 1));
    return sorted;
  });
  return input.applications.map((app, ai) => {
    const got = assignment.choice[ai];
    const choices = c.proposals[ai].map((prop): ChoiceExplanation => {
      const program = c.programs[prop.program];
      const base = { programId: program.id, choiceRank: prop.choice + 1, applicants: ordered[prop.program].length, capacity: program.capacity };
      if (got >= 0 && prop.choice > got) {
        return { ...base, result: 'notNeeded', rank: null, waitlistPosition: null, decidingRule: null, own: null, other: null };
      }
      const rank = rankOf[prop.program].get(ai)!;
      const offered = prop.choice === got;
      // The applicant on the other side of the line: the last offered, or the first not offered.
      const other = offered ? ordered[prop.program][program.capacity] : ordered[prop.program][program.capacity - 1];
      const entry = other ? decidingEntry(prop.key, other.key) : null;
      return {
        ...base,
        result: offered ? 'offered' : 'notOffered',
        rank,
        waitlistPosition: offered ? null : rank - program.capacity,
        decidingRule: entry === null ? null : entry === program.rules.length ? TIE_BREAK : program.rules[entry].id,
        own: entry === null ? null : plainValue(program, entry, prop.key[entry]),
        other: entry === null || !other ? null : plainValue(program, entry, other.key[entry]),
      };
    });
    return {
      applicationId: app.id,
      programId: got >= 0 ? c.programs[assignment.program[ai]].id : null,
      choiceRank: got >= 0 ? got + 1 : null,
      choices,
    };
  });
}

/**
 * First come, first served, the naive baseline: applications in the order given (their
 * submission order), each taking its highest choice that still has a place, no priorities.
 */
export function firstComeFirstServed(input: MatchInput): Assignment {
  const index = new Map(input.programs.map((p, i) => [p.id, i]));
  const left = Int32Array.from(input.programs, (p) => p.capacity);
  const n = input.applications.length;
  const program = new Int32Array(n).fill(-1);
  const choice = new Int32Array(n).fill(-1);
  input.applications.forEach((a, ai) => {
    for (let ci = 0; ci < a.choices.length; ci++) {
      const pi = index.get(a.choices[ci].programId)!;
      if (left[pi] > 0) {
        left[pi]--;
        program[ai] = pi;
        choice[ai] = ci;
        break;
      }
    }
  });
  return { program, choice };
}

/**
 * The blocking pairs of an allocation: an applicant and a program the applicant ranks above
 * what they got, where the program has a place left or holds someone of lower priority.
 * None means the allocation is stable.
 */
export function blockingPairs(input: MatchInput, assignment: Assignment): { applicationId: string; programId: string }[] {
  const c = compile(input);
  const held = c.programs.map(() => ({ count: 0, worst: null as number[] | null }));
  c.proposals.forEach((list, ai) => {
    const ci = assignment.choice[ai];
    if (ci < 0) return;
    const h = held[list[ci].program];
    h.count++;
    if (!h.worst || comparePriority(list[ci].key, h.worst) > 0) h.worst = list[ci].key;
  });
  const pairs: { applicationId: string; programId: string }[] = [];
  c.proposals.forEach((list, ai) => {
    const got = assignment.choice[ai] < 0 ? list.length : assignment.choice[ai];
    for (let ci = 0; ci < got; ci++) {
      const prop = list[ci];
      const h = held[prop.program];
      const cap = c.programs[prop.program].capacity;
      if (h.count < cap || (cap > 0 && h.worst && comparePriority(prop.key, h.worst) < 0)) {
        pairs.push({ applicationId: input.applications[ai].id, programId: c.programs[prop.program].id });
      }
    }
  });
  return pairs;
}
