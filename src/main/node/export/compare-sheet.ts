// A comparison as a spreadsheet (.xlsx via exceljs: numbers as numbers, blanks blank, header
// rows styled) or as CSV: the same rows the comparison view shows.
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import type { Comparison } from '../../../shared/compare/index.ts';
import { FIGURES } from '../../../shared/compare/figures.ts';
import type { AgencySeries, YearSummary } from '../../../shared/contract/types.ts';
import { STATUS_LABELS } from '../../../shared/report/status.ts';
import { csvFile } from './csv.ts';

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
  const wb = new (await excel()).Workbook();
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
  return csvFile([headers(c), ...rows(c)]);
}

/** The key figures' column heads; rates are written in percent. */
const FIGURE_HEADS = FIGURES.map((f) => (f.kind === 'rate' ? `${f.label}(%)` : f.label));

/** A figure as a spreadsheet value: rates in percent with one decimal. */
function rateOrCount(f: (typeof FIGURES)[number], v: number | null): number | null {
  return v === null ? null : f.kind === 'rate' ? Math.round(v * 1000) / 10 : v;
}

/** The year summary: one row per agency, the key figures, a total row, then the missing. */
function summaryRows(s: YearSummary): { head: string[]; rows: (string | number | null)[][] } {
  const head = ['单位', '状态', ...FIGURE_HEADS];
  const rows: (string | number | null)[][] = s.rows.map((r) => [r.agency, STATUS_LABELS[r.status], ...FIGURES.map((f) => rateOrCount(f, r.figures[f.id]))]);
  rows.push([s.ownTotals ? '各单位合计（不含本级政府报告）' : '合计', null, ...FIGURES.map((f) => (f.kind === 'count' ? (s.totals[f.id] ?? null) : null))]);
  if (s.ownTotals) rows.push(['本级政府报告', null, ...FIGURES.map((f) => (f.kind === 'count' ? (s.ownTotals![f.id] ?? null) : null))]);
  for (const m of s.missing) rows.push([`缺报：${m.agency}`, null, ...FIGURES.map(() => null)]);
  return { head, rows };
}

/** A one-sheet workbook: a styled header row, then the rows; `boldRow` for a total. */
export async function simpleXlsx(title: string, head: string[], rows: (string | number | null)[][], boldRow?: number): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.addRow(head);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
  for (const r of rows) ws.addRow(r);
  if (boldRow !== undefined) ws.getRow(boldRow + 2).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 36 : 14));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function summaryXlsx(s: YearSummary): Promise<Uint8Array> {
  const { head, rows } = summaryRows(s);
  return simpleXlsx(`${s.year}年度汇总`, head, rows, s.rows.length);
}

/** An agency's years: one row per year with the key figures. */
function seriesRows(s: AgencySeries): { head: string[]; rows: (string | number | null)[][] } {
  const head = ['年度', ...FIGURE_HEADS];
  const rows = s.rows.map((r) => [r.year, ...FIGURES.map((f) => rateOrCount(f, r.figures[f.id]))]);
  return { head, rows };
}

export function seriesXlsx(s: AgencySeries): Promise<Uint8Array> {
  const { head, rows } = seriesRows(s);
  return simpleXlsx('历年情况', head, rows);
}

export function seriesCsv(s: AgencySeries): string {
  const { head, rows } = seriesRows(s);
  return csvFile([head, ...rows]);
}

export function summaryCsv(s: YearSummary): string {
  const { head, rows } = summaryRows(s);
  return csvFile([head, ...rows]);
}
