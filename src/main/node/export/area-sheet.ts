// The area's tables for the government's own report: .docx in the official layout (merged
// headers, ready to paste) and .xlsx with who added what. Built from the same AreaSummary the
// 汇总 page shows.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import type { AreaSummary } from '../../../shared/contract/types.ts';
import type { AreaCell } from '../../../shared/area/sum.ts';
import { TEMPLATES, T3_COLUMNS, T3_ROWS, T4_COLUMNS, TABLE_TITLES, rowLabel, columnLabel } from '../../../shared/report/templates/index.ts';
import { T3_LEGAL_PERSON_COLUMNS } from '../../../shared/report/templates/t3.ts';
import { CELL_BORDERS, FONTS } from './docx-style.ts';

const FONT = FONTS.song;

/** A table cell: text, and how many columns and rows it spans. */
function td(text: string, opts: { span?: number; rows?: number; bold?: boolean; right?: boolean; left?: boolean } = {}) {
  return new TableCell({
    columnSpan: opts.span,
    rowSpan: opts.rows,
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : opts.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun({ text, font: FONT, size: 18, bold: opts.bold })] })],
  });
}

const title = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: FONTS.hei, size: 24 })] });

export async function areaDocx(a: AreaSummary): Promise<Uint8Array> {
  const cellOf = (table: string, row: string, col: string) => a.cells.find((c) => c.table === table && c.row === row && c.col === col);
  const shown = (c: AreaCell | undefined) => (c?.sum === null || c?.sum === undefined ? '' : String(c.sum));
  const width = { size: 100, type: WidthType.PERCENTAGE };
  const def = TEMPLATES[a.template];

  // 表二: each block its label, then 信息内容 and its columns, then its rows (as the national form).
  const t2: TableRow[] = [];
  for (const b of def.t2) {
    t2.push(new TableRow({ children: [td(b.label, { span: 4, bold: true })] }));
    const span = (i: number) => (i === b.columns.length - 1 ? 4 - b.columns.length : 1);
    t2.push(new TableRow({ children: [td('信息内容'), ...b.columns.map((c, i) => td(c.label, { span: span(i) }))] }));
    for (const r of b.rows) t2.push(new TableRow({ children: [td(r.label, { left: true }), ...b.columns.map((c, i) => td(shown(cellOf('t2', r.id, c.id)), { span: span(i), right: true }))] }));
  }

  // 表三: 申请人情况 over the seven columns, 法人或其他组织 over five of them.
  const t3Rows = T3_ROWS.filter((r) => a.cells.some((c) => c.table === 't3' && c.row === r.id));
  const legal = T3_COLUMNS.filter((c) => T3_LEGAL_PERSON_COLUMNS.includes(c.id));
  const t3: TableRow[] = [
    new TableRow({ tableHeader: true, children: [td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rows: 3 }), td('申请人情况', { span: 7 })] }),
    new TableRow({ tableHeader: true, children: [td('自然人', { rows: 2 }), td('法人或其他组织', { span: legal.length }), td('总计', { rows: 2 })] }),
    new TableRow({ tableHeader: true, children: legal.map((c) => td(c.label)) }),
    ...t3Rows.map((r) => new TableRow({ children: [td(rowLabel(a.template, 't3', r.id), { left: true }), ...T3_COLUMNS.map((c) => td(shown(cellOf('t3', r.id, c.id)), { right: true }))] })),
  ];

  // 表四: 行政复议 (five) and 行政诉讼 (未经复议直接起诉 five, 复议后起诉 five), one data row.
  const t4: TableRow[] = [
    new TableRow({ tableHeader: true, children: [td('行政复议', { span: 5, rows: 2 }), td('行政诉讼', { span: 10 })] }),
    new TableRow({ tableHeader: true, children: [td('未经复议直接起诉', { span: 5 }), td('复议后起诉', { span: 5 })] }),
    new TableRow({ tableHeader: true, children: [...T4_COLUMNS, ...T4_COLUMNS, ...T4_COLUMNS].map((c) => td(c.label)) }),
    new TableRow({ children: ['review', 'suit_direct', 'suit_after'].flatMap((row) => T4_COLUMNS.map((c) => td(shown(cellOf('t4', row, c.id)), { right: true }))) }),
  ];

  const heading = `${a.region ?? ''}${a.year}年度政府信息公开工作情况汇总（${a.units.length}个单位${a.own ? (a.own.included ? '，含本级' : '，不含本级') : ''}）`;
  const notes = a.notes.map((n) => new Paragraph({ children: [new TextRun({ text: `注：${n}`, font: FONT, size: 18 })] }));
  const doc = new Document({
    creator: '年报档案',
    title: heading,
    sections: [
      {
        children: [
          title(heading),
          title(TABLE_TITLES.t2),
          new Table({ width, layout: TableLayoutType.FIXED, columnWidths: [3000, 2000, 2000, 2000], rows: t2 }),
          title(TABLE_TITLES.t3),
          // The label column takes what the seven counts leave (A4 text width, 9000 twips).
          new Table({ width, layout: TableLayoutType.FIXED, columnWidths: [3400, ...Array(7).fill(800)], rows: t3 }),
          title(TABLE_TITLES.t4),
          new Table({ width, layout: TableLayoutType.FIXED, columnWidths: Array(15).fill(600), rows: t4 }),
          ...notes,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function areaXlsx(a: AreaSummary): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  const ws = wb.addWorksheet(`${a.year}年度汇总表`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['表', '行', '列', '合计', '计入的单位数', '未填的单位', '无此项的单位', '各单位']);
  ws.getRow(1).font = { bold: true };
  for (const c of a.cells)
    ws.addRow([
      TABLE_TITLES[c.table],
      rowLabel(a.template, c.table, c.row),
      columnLabel(a.template, c.table, c.col),
      c.sum,
      c.parts.length,
      c.blank.join('、'),
      c.absent.join('、'),
      c.parts.map((p) => `${p.agency} ${p.value}${p.mapped ? `（${p.mapped}）` : ''}`).join('；'),
    ]);
  ws.columns.forEach((col, i) => (col.width = [28, 40, 14, 12, 12, 30, 30, 60][i]));
  const units = wb.addWorksheet('单位');
  units.addRow(['报告编号', '单位']);
  for (const u of a.units) units.addRow([u.reportId, u.agency]);
  if (a.own && a.differences.length) {
    const d = wb.addWorksheet('本级报告与汇总不一致');
    d.addRow(['表', '行', '列', `${a.own.agency}报告`, '各单位之和']);
    for (const x of a.differences) d.addRow([TABLE_TITLES[x.table], rowLabel(a.template, x.table, x.row), columnLabel(a.template, x.table, x.col), x.own, x.sum]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
