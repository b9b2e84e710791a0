import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** One-sheet .xlsx with a bold, frozen header row: the format officials work in. */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: readonly T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kangyu 康育';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
