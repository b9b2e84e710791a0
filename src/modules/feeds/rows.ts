/**
 * Reading a feed file into rows: CSV (src/app/csv.ts) or the first sheet of an .xlsx, the
 * header mapped to the kind's fields, cells normalised to strings (dates as ISO dates).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readCsv } from '../../app/csv.ts';
import { AppError } from '../../app/errors.ts';
import { normaliseDate } from '../imports/index.ts';
import { mapFeedHeader, type FactKind } from './kinds.ts';

export interface FeedRecord {
  line: number;
  input: Record<string, string | undefined>;
}

const DATE_FIELD = /(Date|On|validFrom|validTo)$/;

/** One row's cells, by the kind's field names: trimmed, empty cells left out, dates normalised. */
export function toInput(columns: (string | null)[], cells: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  columns.forEach((c, i) => {
    if (!c) return;
    const v = cells[i]?.trim();
    if (!v) return;
    out[c] = DATE_FIELD.test(c) ? normaliseDate(v) : v;
  });
  return out;
}

/** A cell of a sheet as text: dates as ISO dates, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function* csvRows(file: string): AsyncGenerator<{ line: number; cells: string[] }> {
  for await (const batch of readCsv(fs.createReadStream(file))) for (const r of batch) yield { line: r.line, cells: r.fields };
}

async function* xlsxRows(file: string): AsyncGenerator<{ line: number; cells: string[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw AppError.field('file', 'feeds.unreadableFile');
  }
  const ws = wb.worksheets[0];
  if (!ws) return;
  const width = ws.columnCount;
  for (let n = 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((c) => !c.trim())) continue;
    yield { line: n, cells };
  }
}

/** Whether a file is an .xlsx workbook (a zip) rather than text. */
export function isXlsx(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    fs.closeSync(fd);
  }
}

/** The rows of a feed file; the header must name the kind's required columns. */
export async function* readFeedFile(file: string, kind: FactKind): AsyncGenerator<FeedRecord> {
  let columns: (string | null)[] | undefined;
  for await (const { line, cells } of isXlsx(file) ? xlsxRows(file) : csvRows(file)) {
    if (!columns) {
      const header = mapFeedHeader(kind, cells);
      if (header.missing.length) throw new AppError('validation', { fields: header.missing.map((c) => ({ field: c, key: 'missingColumn' })) });
      columns = header.columns;
      continue;
    }
    yield { line, input: toInput(columns, cells) };
  }
  if (!columns) throw AppError.field('file', 'emptyFile');
}
