// 原文对照: where a cell's value stands in its original file. A PDF cell placed by geometry has
// its page and box; a Word or web cell its table, row and column, answered with that table as the
// file holds it (read again by the same readers); a text line its neighbours. The page gets bytes
// and text, never a path.
import { PNG } from 'pngjs';
import type { OriginalView } from '../../shared/contract/types.ts';
import type { DocBlock } from '../../shared/doc/blocks.ts';
import type { Cell, TableId } from '../../shared/report/model.ts';
import type { Archive } from './archive/archive.ts';
import { readFileBytes } from './import/readers/index.ts';
import { imageKind, imagePages } from './ocr/page-images.ts';

/** Lines shown around a cell's line. */
const AROUND = 3;

export async function originalOf(archive: Archive, id: number, table: TableId, row: string, col: string, bytes = true): Promise<OriginalView> {
  const report = archive.getReport(id);
  if (!report) return { kind: 'none', why: '档案中没有这份报告' };
  const cell: Cell | undefined = report.cells.find((c) => c.table === table && c.row === row && c.col === col);
  if (!cell) return { kind: 'none', why: '报告中没有这一格' };
  if (cell.original && cell.source === '人工更正') return { kind: 'none', why: '这一格是人工补录的，原文中没有' };
  if (!cell.at) return { kind: 'none', why: '这一格读取时没有记下位置（较早导入的报告），请打开原文件查看' };
  const file = archive.original(cell.file ?? id);
  if (!file) return { kind: 'none', why: '档案中没有这份报告的原文件' };
  return originalIn(cell, file, cell.file ?? id, bytes);
}

/**
 * Where a cell stands in the file it was read from (`file`: the archive's copy, or a self-checked
 * draft read again); `fileId` names those bytes to the page (the archive's file, the draft's index).
 */
export async function originalIn(cell: Cell, file: { fileName: string; bytes: Uint8Array }, fileId: number, bytes: boolean): Promise<OriginalView> {
  const at = cell.at;
  if (!at) return { kind: 'none', why: '这一格读取时没有记下位置，请打开原文件查看' };
  const fileName = file.fileName;
  if (at.kind === 'words') return { kind: 'words', fileName, quote: at.quote };
  if (at.place && imageKind(file.bytes)) return imageOriginal(fileName, file.bytes, at.place.page, at.place.box);
  if (at.place) return { kind: 'pdf', file: fileId, fileName, page: at.place.page, box: at.place.box, ...(bytes ? { data: Buffer.from(file.bytes).toString('base64') } : {}) };
  const read = await readFileBytes(file.bytes, fileName.slice(fileName.lastIndexOf('.')));
  const blocks = read.content.blocks;
  if (at.kind === 'cell') {
    const t = blocks.filter((b): b is Extract<DocBlock, { type: 'table' }> => b.type === 'table')[at.table - 1];
    if (!t) return { kind: 'none', why: `原文件中找不到表格${at.table}` };
    return { kind: 'table', fileName, table: at.table, rows: t.rows.map((r) => r.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan }))), at: { row: at.row - 1, col: at.col - 1 } };
  }
  // Lines counted as the parser counts them: every line of the text blocks, tables apart.
  const lines: { no: number; text: string }[] = [];
  let no = 0;
  for (const b of blocks) {
    if (b.type !== 'p') continue;
    for (const text of b.text.split(/\r\n|\r|\n/)) {
      no++;
      if (Math.abs(no - at.line) <= AROUND) lines.push({ no, text });
    }
    if (no > at.line + AROUND) break;
  }
  return lines.length ? { kind: 'lines', fileName, lines, at: at.line } : { kind: 'none', why: `原文件中找不到第${at.line}行` };
}

/** A scanned image's page as PNG (a TIFF's page, a photo), with the cell's box: the page is drawn by the window as a picture. */
function imageOriginal(fileName: string, bytes: Uint8Array, page: number, box: [number, number, number, number] | null): OriginalView {
  const pages = imagePages(bytes);
  let n = 0;
  for (const p of pages.images()) {
    if (++n !== page) continue;
    const png = new PNG({ width: p.img.width, height: p.img.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
    png.data = Buffer.from(p.img.data);
    const data = PNG.sync.write(png, { colorType: 0, inputColorType: 0 }).toString('base64');
    return { kind: 'image', fileName, page, pages: pages.count, box, width: (p.img.width * 72) / p.img.dpi, data };
  }
  return { kind: 'none', why: `原文件中没有第${page}页` };
}
