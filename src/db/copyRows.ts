import type { Database } from './client.ts';
import { toCsvRow } from '../app/csv.ts';

/** Rows gathered by table and loaded with COPY in batches: the bulk path of the seed. */
export class CopyRows {
  readonly tables = new Map<string, { columns: string[]; lines: string[] }>();

  add(table: string, columns: readonly string[], values: readonly (string | number | boolean | null)[]): void {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = { columns: [...columns], lines: [] }));
    t.lines.push(toCsvRow(values));
  }

  count(table: string): number {
    return this.tables.get(table)?.lines.length ?? 0;
  }

  /** Loads every table in the order the tables were first added (parents before children). */
  async load(db: Database, batch = 20_000): Promise<void> {
    for (const [table, t] of this.tables) {
      for (let i = 0; i < t.lines.length; i += batch) await db.copyCsv(table, t.columns, t.lines.slice(i, i + batch).join('\n') + '\n');
    }
  }
}
