/**
 * Roll-up of measure amounts up the admin tree. A unit's amount is the sum of the amounts of
 * every record held at it or below it: division codes nest by prefix (3306 → 330683 →
 * 330683001 → 330683001001), so each leaf row adds to the units whose codes prefix its own.
 * Ratios are never rolled up: an indicator is recomputed per unit from these sums.
 */
export interface MeasureRow {
  unitCode: string;
  year: number;
  amount: number;
}

/** The lengths of division codes at levels 1–4. */
export const CODE_LENGTHS = [4, 6, 9, 12] as const;

export function ancestorsAndSelf(unitCode: string): string[] {
  return CODE_LENGTHS.filter((n) => n <= unitCode.length).map((n) => unitCode.slice(0, n));
}

export const amountKey = (unitCode: string, year: number) => `${unitCode}|${year}`;

/** Sums leaf rows into every unit at or above them; the key is `unit|year`. */
export function rollUp(rows: Iterable<MeasureRow>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    for (const code of ancestorsAndSelf(r.unitCode)) {
      const k = amountKey(code, r.year);
      out.set(k, (out.get(k) ?? 0) + r.amount);
    }
  }
  return out;
}
