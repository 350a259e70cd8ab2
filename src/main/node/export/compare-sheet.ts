// A comparison as a spreadsheet (.xlsx via exceljs: numbers as numbers, blanks blank, header
// rows styled) or as CSV: the same rows the comparison view shows.
import ExcelJS from 'exceljs';
import { formatRate, type Comparison } from '../../../shared/compare/index.ts';

function headers(c: Comparison): string[] {
  const two = c.reports.length === 2;
  return ['表', '项目', '列', ...c.reports.map((r) => `${r.agency ?? '（未识别单位）'} ${r.year ?? ''}年度`), ...(two ? ['变化', '变化率(%)'] : [])];
}

function rows(c: Comparison): (string | number | null)[][] {
  const two = c.reports.length === 2;
  const out: (string | number | null)[][] = [];
  for (const t of c.tables)
    for (const l of t.lines)
      out.push([
        t.title,
        l.rowLabel,
        l.colLabel,
        ...l.values.map((v) => (v.kind === 'number' ? v.num : v.kind === 'blank' ? null : v.text)),
        ...(two ? [l.delta, l.pct] : []),
      ]);
  for (const i of c.indicators) out.push(['指标', i.label, i.formula, ...i.values.map((v) => (v === null ? '—' : Math.round(v * 10000) / 100)), ...(two ? [null, null] : [])]);
  return out;
}

export async function comparisonXlsx(c: Comparison): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报档案';
  const ws = wb.addWorksheet('报告比较', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  ws.addRow(headers(c));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const r of rows(c)) ws.addRow(r);
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 30 : i === 1 ? 46 : i === 2 ? 16 : 18));
  if (c.text) {
    const tx = wb.addWorksheet('正文重复率');
    tx.addRow(['部分', '重复率(%)']).font = { bold: true };
    for (const p of c.text.parts) tx.addRow([p.title, p.similarity === null ? null : Math.round(p.similarity * 1000) / 10]);
    tx.addRow(['全文', c.text.similarity === null ? null : Math.round(c.text.similarity * 1000) / 10]);
    tx.columns.forEach((col, i) => (col.width = i === 0 ? 40 : 14));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function comparisonCsv(c: Comparison): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[headers(c), ...rows(c)].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

export { formatRate };
