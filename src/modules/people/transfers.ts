/**
 * Who decides a person's move and what each side of it may see. Division codes nest by fixed
 * lengths (GB/T 2260 for the city and counties, then three digits for a township and three for
 * a village): 3306 → 330602 → 330602001 → 330602001004.
 */
const LEVEL_LENGTHS = [12, 9, 6, 4] as const;

/** The lowest unit whose code is a prefix of both codes: the unit that covers both. */
export function lowestCommonUnit(a: string, b: string): string {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const length = LEVEL_LENGTHS.find((l) => l <= common && l <= a.length && l <= b.length);
  if (!length) throw new Error(`units ${a} and ${b} share no unit`);
  return a.slice(0, length);
}

/**
 * How a caller stands to a transfer: the deciding side (their scope covers the deciding unit,
 * so both ends), the side the person leaves, or the side that asked. Null: not theirs to see.
 * The asking side never learns where the person is registered, nor the deciding unit (which
 * would narrow it down).
 */
export type TransferSide = 'decider' | 'from' | 'to';

export function transferSide(scope: string, t: { unitCode: string; fromUnitCode: string; toUnitCode: string }): TransferSide | null {
  if (t.unitCode.startsWith(scope)) return 'decider';
  if (t.fromUnitCode.startsWith(scope)) return 'from';
  if (t.toUnitCode.startsWith(scope)) return 'to';
  return null;
}
