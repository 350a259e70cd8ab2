// The 填报模板's marker, and the .xlsx template read into blocks: a filled template is found by
// the marker it carries (a custom property of the .docx, a very hidden sheet of the .xlsx), never
// by its file name. An .xlsx without the marker is no report.
// exceljs is loaded by the one file that needs it (a workbook): loaded with the readers, it was
// ~58 MB of resident memory and over a second in every parse worker that never saw a workbook.
import type { CellValue, Worksheet } from 'exceljs';
import type { DocBlock, DocCell, DocContent } from '../../../../shared/doc/blocks.ts';
import { formTables, TEMPLATE_MARKER, XLSX_TABLE_TOP, type FormatId, type TemplateMark } from '../../../../shared/report/fill-template.ts';
import { logTechnical } from '../reasons.ts';
import { ReadError } from './errors.ts';
import { guardZip, zipParts } from './zip-guard.ts';

const mark = (format: unknown, version: unknown, year: unknown, unit: unknown): TemplateMark | null => {
  if ((format !== 'T2019' && format !== 'T2021') || typeof unit !== 'string' || !unit.trim()) return null;
  const y = Number(year);
  const v = Number(version);
  if (!Number.isInteger(y) || y < 1990 || y > 2100 || !Number.isInteger(v) || v < 1) return null;
  return { format: format as FormatId, version: v, year: y, unit: unit.trim().slice(0, 100) };
};

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => XML_ENTITIES[e] ?? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));

/** The marker of a .docx template: its custom property 年报档案模板 (format;version;year;unit). */
export async function docxMark(bytes: Uint8Array): Promise<TemplateMark | null> {
  const parts = zipParts(bytes);
  if (!parts.exists('docProps/custom.xml')) return null;
  const xml = String(await parts.read('docProps/custom.xml', 'utf-8'));
  const m = new RegExp(`<property\\b[^>]*\\bname="${TEMPLATE_MARKER}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
  if (!m) return null;
  const [format, version, year, ...unit] = unescapeXml(m[1]).split(';');
  return mark(format, version, year, unit.join(';'));
}

/** Is this ZIP an Excel workbook? */
export const isXlsx = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('xl/workbook.xml', 'latin1'));

const NOT_TEMPLATE = 'Excel表格文件，不是报告的格式（只有本程序生成的填报模板可以导入）';

/** An .xlsx 填报模板: its marker, and its three sheets as tables (only the table's columns, not the checks beside it). */
export async function readXlsxTemplate(bytes: Uint8Array): Promise<{ content: DocContent; mark: TemplateMark }> {
  // Every part inflated once under the byte budget before exceljs unpacks it whole.
  const parts = zipParts(bytes, undefined, 'xl/workbook.xml');
  for (const e of guardZip(bytes, 'xl/workbook.xml')) if (!e.name.endsWith('/')) await parts.read(e.name);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    logTechnical('Excel文件读取失败', e);
    throw new ReadError('corrupt', 'Excel文件已损坏或结构异常，无法读取');
  }
  const ms = wb.getWorksheet(TEMPLATE_MARKER);
  const found = ms ? mark(text(ms.getCell('B1').value), text(ms.getCell('B2').value), text(ms.getCell('B4').value), text(ms.getCell('B3').value)) : null;
  // Not an error of the file: a workbook in the folder that is no template is passed over.
  if (!found) throw new ReadError('not-template', NOT_TEMPLATE);
  const blocks: DocBlock[] = [{ type: 'p', text: `${found.unit}${found.year}年度政府信息公开工作年度报告` }];
  for (const form of formTables(found.format)) {
    const ws = wb.getWorksheet(form.sheet);
    if (!ws) continue;
    blocks.push({ type: 'p', text: form.title }, { type: 'table', rows: sheetRows(ws, form.width, form.rows.length) });
  }
  return { content: { blocks, encoding: 'xlsx' }, mark: found };
}

/** A sheet's table as rows of cells (merged cells once, with their spans), up to the check rows under it. */
function sheetRows(ws: Worksheet, width: number, formRows: number): DocCell[][] {
  const isValueRowOfForm = (n: number) => n <= formRows;
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  const covered = new Set<string>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = range.split(':').map((x) => ws.getCell(x));
    spans.set(`${a.row},${a.col}`, { colSpan: Number(b.col) - Number(a.col) + 1, rowSpan: Number(b.row) - Number(a.row) + 1 });
    for (let r = Number(a.row); r <= Number(b.row); r++) for (let c = Number(a.col); c <= Number(b.col); c++) if (r !== Number(a.row) || c !== Number(a.col)) covered.add(`${r},${c}`);
  }
  const rows: DocCell[][] = [];
  for (let r = XLSX_TABLE_TOP; r <= ws.rowCount; r++) {
    const row: DocCell[] = [];
    for (let c = 1; c <= width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const v = ws.getCell(r, c).value;
      const isFormula = !!v && typeof v === 'object' && 'formula' in v;
      const s = spans.get(`${r},${c}`);
      row.push({ text: isFormula ? '' : text(v), colSpan: Math.min(s?.colSpan ?? 1, width - c + 1), rowSpan: s?.rowSpan ?? 1 });
    }
    // The checks under the table (R1/R3, R4) are not the table.
    if (/^R\d\s*核对/.test(row.find((x) => x.text)?.text ?? '')) break;
    rows.push(row);
  }
  // Blank rows after the table (a unit's stray formatting) are no rows of it; a blank row inside stays.
  while (rows.length && rows[rows.length - 1].every((x) => x.text === '') && rows.length > 1 && !isValueRowOfForm(rows.length)) rows.pop();
  return rows;
}

/** A cell's value as the text the unit sees. */
function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result === undefined || v.result === null || typeof v.result === 'object' ? '' : String(v.result);
  if ('text' in v) return String(v.text);
  return '';
}
