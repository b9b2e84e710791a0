/**
 * Reports for the periodic reviews: chosen indicators × units × years, as a spreadsheet or a
 * PDF set in Source Han Sans CN so Chinese prints correctly. Read from stored values, scoped.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { assertWithinScope, inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { toXlsx } from '../../app/spreadsheet.ts';
import type { ReportQuery } from './contract.ts';

const require = createRequire(import.meta.url);
const FONT = path.join(path.dirname(require.resolve('source-han-sans-cn/package.json')), 'SourceHanSansCN-Regular.otf');

const COLOR_ZH: Record<string, string> = { blue: '蓝（大幅领先）', green: '绿（达标）', yellow: '黄（略有差距）', orange: '橙（差距较大）', red: '红（严重滞后）' };
const COLOR_EN: Record<string, string> = { blue: 'blue (well ahead)', green: 'green (on track)', yellow: 'yellow (slightly behind)', orange: 'orange (behind)', red: 'red (seriously behind)' };
const UNIT_LABEL: Record<string, string> = { percent: '%', permille: '‰', per1000: '/千人', per10000: '/万人', count: '' };

export interface ReportRow {
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  unitCode: string;
  unitName: string;
  year: number;
  numerator: number;
  denominator: number | null;
  value: number | null;
  target: number | null;
  color: string | null;
}

async function reportRows(p: Platform, actor: Actor, q: ReportQuery): Promise<ReportRow[]> {
  requirePermission(actor, 'indicators.read');
  for (const u of q.units) assertWithinScope(u, actor);
  const zh = actor.locale === 'zh-CN';
  const rows = await p.db.rows<{
    indicator_code: string; name_zh: string; name_en: string; unit: string; unit_code: string; unit_name: string; year: number;
    numerator: string; denominator: string | null; value: string | null; target: string | null; color: string | null;
  }>(sql`
    SELECT v.indicator_code, i.name_zh, i.name_en, i.unit, v.unit_code, u.name AS unit_name, v.year, v.numerator, v.denominator, v.value, v.target, v.color
    FROM indicator_values v JOIN indicators i ON i.code = v.indicator_code JOIN org_units u ON u.code = v.unit_code
    WHERE v.indicator_code = ANY(string_to_array(${q.indicators.join(',')}, ',')) AND v.unit_code = ANY(string_to_array(${q.units.join(',')}, ',')) AND v.year = ANY(string_to_array(${q.years.join(',')}, ',')::int[])
      AND ${inScope(sql`v.unit_code`, actor)}
    ORDER BY i.sort_order, v.indicator_code, v.unit_code, v.year`);
  const n = (x: string | null) => (x === null ? null : Number(x));
  return rows.map((r) => ({
    indicatorCode: r.indicator_code,
    indicatorName: zh ? r.name_zh : r.name_en,
    unit: r.unit,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    year: r.year,
    numerator: Number(r.numerator),
    denominator: n(r.denominator),
    value: n(r.value),
    target: n(r.target),
    color: r.color ? (zh ? COLOR_ZH : COLOR_EN)[r.color] : null,
  }));
}

const HEAD_ZH = ['指标', '单位', '地区', '年份', '分子', '分母', '数值', '目标', '预警'];
const HEAD_EN = ['Indicator', 'Unit', 'Area', 'Year', 'Numerator', 'Denominator', 'Value', 'Target', 'Warning'];

export async function indicatorReportXlsx(p: Platform, actor: Actor, q: ReportQuery): Promise<Buffer> {
  const rows = await reportRows(p, actor, q);
  const h = actor.locale === 'zh-CN' ? HEAD_ZH : HEAD_EN;
  return toXlsx(actor.locale === 'zh-CN' ? '监测指标' : 'Indicators', [
    { header: h[0], width: 36, value: (r: ReportRow) => r.indicatorName },
    { header: h[1], width: 8, value: (r) => UNIT_LABEL[r.unit] },
    { header: h[2], width: 18, value: (r) => r.unitName },
    { header: h[3], width: 8, value: (r) => r.year },
    { header: h[4], value: (r) => r.numerator },
    { header: h[5], value: (r) => r.denominator },
    { header: h[6], value: (r) => r.value },
    { header: h[7], value: (r) => r.target },
    { header: h[8], width: 18, value: (r) => r.color },
  ], rows);
}

const fmt = (x: number | null) => (x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(2));

export async function indicatorReportPdf(p: Platform, actor: Actor, q: ReportQuery): Promise<Buffer> {
  const rows = await reportRows(p, actor, q);
  const zh = actor.locale === 'zh-CN';
  const h = zh ? HEAD_ZH : HEAD_EN;
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: zh ? '一老一小监测指标报告' : 'Indicator report' } });
  doc.registerFont('cjk', FONT);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(zh ? '绍兴市"一老一小"监测指标报告' : 'Shaoxing indicator report', { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor('#555').text(`${zh ? '生成时间' : 'Generated'}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${actor.username}`, { align: 'center' });
  doc.fillColor('#000').moveDown(0.8);
  const widths = [200, 40, 90, 40, 70, 70, 60, 60, 100];
  const x0 = doc.page.margins.left;
  const drawRow = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.fontSize(bold ? 9.5 : 9);
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y, { width: widths[i] - 4, lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.moveTo(x0, y + 14).lineTo(x, y + 14).strokeColor(bold ? '#333' : '#ccc').lineWidth(0.5).stroke();
    doc.y = y + 17;
  };
  drawRow(h, true);
  for (const r of rows) drawRow([r.indicatorName, UNIT_LABEL[r.unit], r.unitName, String(r.year), fmt(r.numerator), fmt(r.denominator), fmt(r.value), fmt(r.target), r.color ?? '—']);
  if (rows.length === 0) doc.text(zh ? '所选范围内没有数据。' : 'No values in the chosen range.');
  doc.end();
  return done;
}
