// 填报模板 as .xlsx: one sheet per table in the year's national layout, only the value cells
// unlocked, and beside the table formulas that show each 勾稽 difference as the unit types (the
// unit sees its own errors before it sends). A hidden sheet marks the file for the reader.
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import { formTables, placeCells, TEMPLATE_MARKER, TEMPLATE_VERSION, templateTitle, XLSX_TABLE_TOP, type FormTable, type TemplateMark } from '../../../shared/report/fill-template.ts';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const FONT = { name: '宋体', size: 11 };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF9DB' } };
const CHECK_FONT = { name: '宋体', size: 10, color: { argb: 'FF9C0006' } };

export async function templateXlsx(mark: Omit<TemplateMark, 'version'>): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = '年报档案';
  for (const t of formTables(mark.format)) await tableSheet(wb, t, mark);
  const m = wb.addWorksheet(TEMPLATE_MARKER, { state: 'veryHidden' });
  m.addRows([
    ['格式', mark.format],
    ['模板版本', TEMPLATE_VERSION],
    ['单位', mark.unit],
    ['年度', mark.year],
  ]);
  await m.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function tableSheet(wb: ExcelJS.Workbook, t: FormTable, mark: Omit<TemplateMark, 'version'>): Promise<void> {
  const ws = wb.addWorksheet(t.sheet, {
    views: [{ showGridLines: false }],
    // A4, one page wide: table 三 and 四 are wide, so landscape.
    pageSetup: { paperSize: 9, orientation: t.table === 't2' ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const top = XLSX_TABLE_TOP;
  const at = (r: number, c: number) => ws.getCell(top + r, 1 + c);
  ws.mergeCells(1, 1, 1, t.width);
  Object.assign(ws.getCell(1, 1), { value: `${templateTitle(mark.unit, mark.year)}　${t.title}`, font: { name: '黑体', size: 14 }, alignment: { horizontal: 'center' } });
  Object.assign(ws.getCell(2, 1), { value: `填报单位：${mark.unit}　年度：${mark.year}　（黄色格子填写数字，其余不能修改；右侧和下方的红字是核对结果，应为0）`, font: FONT });
  const placed = placeCells(t);
  for (const p of placed) {
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(top + p.r, 1 + p.c, top + p.r + p.rowSpan - 1, p.c + p.colSpan);
    const cell = at(p.r, p.c);
    cell.font = FONT;
    cell.alignment = { vertical: 'middle', horizontal: p.value ? 'right' : 'center', wrapText: true };
    if (p.value) {
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
    } else cell.value = p.text;
    for (let dr = 0; dr < p.rowSpan; dr++) for (let dc = 0; dc < p.colSpan; dc++) at(p.r + dr, p.c + dc).border = BORDER;
  }
  const addr = (r: number, c: number) => at(r, c).address;
  const valueAt = new Map(placed.filter((p) => p.value).map((p) => [`${p.value!.row}/${p.value!.col}`, p]));
  const ref = (row: string, col: string) => {
    const p = valueAt.get(`${row}/${col}`);
    return p ? addr(p.r, p.c) : null;
  };
  const note = (r: number, c: number, text: string) => Object.assign(at(r, c), { value: text, font: CHECK_FONT, alignment: { wrapText: true, vertical: 'middle' } });
  const check = (r: number, c: number, expr: string, cells: string[]) =>
    Object.assign(at(r, c), { value: { formula: `IF(COUNT(${cells.join(',')})=0,"",${expr})` }, font: CHECK_FONT, numFmt: '0.####;-0.####;0' });
  if (t.table === 't3') {
    // R2 beside each row: 总计 − the applicants; R1 and R3 under each column.
    const dataRows = t.rows.length;
    note(2, t.width, 'R2 核对：总计−各申请人之和（应为0）');
    const ids = [...new Set(placed.filter((p) => p.value).map((p) => p.value!.row))];
    for (const id of ids) {
      const r = valueAt.get(`${id}/total`)!.r;
      const parts = ['natural', 'business', 'research', 'public', 'legal', 'other'].map((c) => ref(id, c)!);
      check(r, t.width, `${ref(id, 'total')}-SUM(${parts.join(',')})`, [ref(id, 'total')!, ...parts]);
    }
    note(dataRows, 0, 'R1 核对：一+二−（七）总计−四（应为0）');
    note(dataRows + 1, 0, 'R3 核对：（七）总计−各办理结果之和（应为0）');
    ws.mergeCells(top + dataRows, 1, top + dataRows, 3);
    ws.mergeCells(top + dataRows + 1, 1, top + dataRows + 1, 3);
    const details = ids.filter((id) => id !== 'new' && id !== 'carry' && id !== 'next' && id !== 'r7');
    for (const col of ['natural', 'business', 'research', 'public', 'legal', 'other', 'total']) {
      const c = valueAt.get(`new/${col}`)!.c;
      const r1 = ['new', 'carry', 'r7', 'next'].map((id) => ref(id, col)!);
      check(dataRows, c, `${r1[0]}+${r1[1]}-${r1[2]}-${r1[3]}`, r1);
      const r3 = details.map((id) => ref(id, col)!);
      check(dataRows + 1, c, `${ref('r7', col)}-SUM(${r3.join(',')})`, [ref('r7', col)!, ...r3]);
    }
    ws.getColumn(t.width + 1).width = 22;
  }
  if (t.table === 't4') {
    // R4 under each group's 总计: 总计 − 维持 − 纠正 − 其他 − 尚未审结.
    const r = t.rows.length;
    for (const id of ['review', 'suit_direct', 'suit_after']) {
      const parts = ['upheld', 'corrected', 'other', 'pending'].map((c) => ref(id, c)!);
      const first = valueAt.get(`${id}/upheld`)!;
      note(r, first.c, 'R4 核对：总计−四项之和');
      ws.mergeCells(top + r, 1 + first.c, top + r, first.c + 4);
      check(r + 1, valueAt.get(`${id}/total`)!.c, `${ref(id, 'total')}-SUM(${parts.join(',')})`, [ref(id, 'total')!, ...parts]);
    }
  }
  for (let c = 1; c <= t.width; c++) ws.getColumn(c).width = t.table === 't3' && c <= 3 ? 16 : t.table === 't2' && c === 1 ? 24 : 12;
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}
