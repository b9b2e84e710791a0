/**
 * CSV as officials' spreadsheets write it (RFC 4180): comma-separated, fields optionally in
 * double quotes, "" for a quote inside quotes, line breaks inside quotes, CRLF or LF, and an
 * optional UTF-8 byte-order mark. Reading is batched per chunk of the file, with the line
 * number of each record for error reports; lines without quotes take a fast path.
 */
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** The 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/** Splits one record's text (no trailing line break) into fields. */
export function parseCsvRecord(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
    i++;
  }
  fields.push(field);
  return fields;
}

/**
 * Reads a CSV stream and yields its records in batches (one batch per chunk read). Empty
 * lines are skipped. A record ends at a line break outside quotes.
 */
export async function* readCsv(stream: Readable): AsyncGenerator<CsvRecord[]> {
  let rest = '';
  let line = 1;
  let first = true;
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const end = lastRecordEnd(text);
    rest = text.slice(end);
    const batch = splitRecords(text.slice(0, end), line);
    line = batch.nextLine;
    if (batch.records.length) yield batch.records;
  }
  if (rest.length) {
    const batch = splitRecords(rest + '\n', line);
    if (batch.records.length) yield batch.records;
  }
}

/** The index just after the last line break that lies outside quotes (0 if none). */
function lastRecordEnd(text: string): number {
  let quotes = 0;
  let end = 0;
  let i = 0;
  for (;;) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return end;
    for (let q = text.indexOf('"', i); q >= 0 && q < nl; q = text.indexOf('"', q + 1)) quotes++;
    if (quotes % 2 === 0) end = nl + 1;
    i = nl + 1;
  }
}

function splitRecords(text: string, startLine: number): { records: CsvRecord[]; nextLine: number } {
  const records: CsvRecord[] = [];
  let line = startLine;
  let start = 0;
  let recordLine = line;
  let quotes = 0;
  let scan = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    for (let q = text.indexOf('"', scan); q >= 0 && q < i; q = text.indexOf('"', q + 1)) quotes++;
    scan = i + 1;
    line++;
    if (quotes % 2 === 1) continue;
    const raw = text.slice(start, text[i - 1] === '\r' ? i - 1 : i);
    if (raw.length) records.push({ line: recordLine, fields: parseCsvRecord(raw) });
    start = i + 1;
    recordLine = line;
    quotes = 0;
  }
  return { records, nextLine: line };
}

/** One CSV line for COPY … (FORMAT csv): null is an empty unquoted field. */
export function toCsvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    if (v === null || v === undefined) continue;
    const s = String(v);
    out += s === '' || /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  }
  return out;
}
