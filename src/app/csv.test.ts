import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvRecord, readCsv, toCsvRow, type CsvRecord } from './csv.ts';

async function readAll(text: string, chunkSize = 7): Promise<CsvRecord[]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const out: CsvRecord[] = [];
  for await (const batch of readCsv(Readable.from(chunks))) out.push(...batch);
  return out;
}

describe('CSV (RFC 4180)', () => {
  it('splits plain and quoted fields', () => {
    expect(parseCsvRecord('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(parseCsvRecord('"a,1","say ""hi""",x')).toEqual(['a,1', 'say "hi"', 'x']);
  });

  it('reads records with their line numbers across chunks, CRLF, BOM, blank lines and line breaks in quotes', async () => {
    const text = '\uFEFFid,name\r\n1,"张\n三"\r\n\r\n2,"李,四"\r\n3,王五';
    expect(await readAll(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', '张\n三'] },
      { line: 5, fields: ['2', '李,四'] },
      { line: 6, fields: ['3', '王五'] },
    ]);
  });

  it('round-trips any table through toCsvRow and readCsv, whatever the chunking (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ',', '"', '\n', ' ', '1') , maxLength: 6 }).filter((s) => s.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 13 }), async (rows, chunk) => {
        const text = rows.map((r) => toCsvRow(r)).join('\n') + '\n';
        const read = await readAll(text, chunk);
        expect(read.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('writes null as an empty unquoted field and the empty string quoted', () => {
    expect(toCsvRow(['a', null, '', 'x"y', 3])).toBe('a,,"","x""y",3');
  });
});
