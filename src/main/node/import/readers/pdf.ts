// PDF with a text layer, through pdfjs-dist (Mozilla's PDF.js, the reader Firefox ships; its
// Node build needs no canvas for text). Text items are put back into lines by their y, and the
// gaps between items on a line become cell boundaries, so tables read as the text layout the
// parser knows (cells apart by runs of spaces); page numbers and the running header and footer
// repeated on every page are dropped. A PDF whose pages are pictures is a scan (kept, with the
// reason); one whose CJK fonts lack a ToUnicode map gives garbage, which is refused rather than
// imported. OCR can be added behind the same interface (readPdf returns blocks).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocBlock, DocContent } from '../../../../shared/doc/blocks.ts';
import { LIMITS, ReadError } from './errors.ts';
import { guardPdfStreams } from './pdf-guard.ts';

export interface PdfContent extends DocContent {
  /** Pages without text: a scan that still needs its data typed in or recognised. */
  scan: boolean;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
const assets = () => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdfjs fetches these itself from a URL in Node too; a path with a trailing slash.
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
};

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  await guardPdfStreams(bytes);
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes the buffer over
    ...assets(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new ReadError('encrypted', 'PDF文件已加密（设置了打开密码），请取消密码后再导入');
    throw new ReadError('corrupt', 'PDF文件已损坏或不完整，无法读取');
  }
  try {
    if (doc.numPages > LIMITS.maxPdfPages) throw new ReadError('too-large', `PDF页数过多（${doc.numPages}页，上限${LIMITS.maxPdfPages}页），不像是年度报告`);
    const pages: string[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , d, x, y] = it.transform as number[];
        items.push({ str: it.str, x, y, w: it.width, size: Math.max(1, Math.hypot(a, b) || Math.abs(d)) });
        if (items.length > LIMITS.maxPdfItemsPerPage) throw new ReadError('too-large', `PDF第${p}页的文字对象过多（超过${LIMITS.maxPdfItemsPerPage}个），不像是年度报告`);
      }
      const lines = toLines(items);
      chars += lines.reduce((s, l) => s + l.replace(/\s+/g, '').length, 0);
      if (chars > LIMITS.maxTextBytes) throw new ReadError('too-large', 'PDF中的文字过多，不像是年度报告');
      pages.push(lines);
      page.cleanup();
    }
    if (chars < Math.max(50, 10 * doc.numPages)) return { blocks: [], encoding: 'PDF（扫描件）', scan: true, page: await pdfTitle(doc) };
    if (garbled(pages.flat().join(''))) throw new ReadError('garbled', 'PDF的文字层无法读取（字体缺少编码映射，提取出的是乱码），请用原始Word文件或文字正常的PDF');
    const blocks: DocBlock[] = withoutRunningLines(pages).flat().map((text) => ({ type: 'p', text }));
    return { blocks, encoding: 'PDF', scan: false, page: await pdfTitle(doc) };
  } finally {
    await task.destroy();
  }
}

async function pdfTitle(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<{ title?: string }> {
  const info = (await doc.getMetadata().catch(() => ({ info: {} }))).info as { Title?: string };
  return info.Title?.trim() ? { title: info.Title.trim() } : {};
}

/**
 * Items into lines, top to bottom: one line while the baselines are within half a character's
 * height (a 14-point number sits two points below its 9-point label). Between items, a gap of
 * most of a character is a cell boundary (written as three spaces), a small one a space. In a
 * table whose rows end in numbers, a row with fewer numbers than the others (an empty cell,
 * drawn as nothing) has its numbers put under the columns they stand in, tab-separated with the
 * empty cell kept, so no number moves into its neighbour's column.
 */
export function toLines(items: Item[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && Math.abs(ref.y - it.y) <= 0.5 * Math.max(ref.size, it.size)) row.push(it);
    else rows.push([it]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  const aligned = alignColumns(rows.map(splitNumbers));
  return rows.map((row, i) => aligned.get(i) ?? spaced(row));
}

function spaced(row: Item[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of row) {
    const gap = it.x - end;
    if (out) out += gap > 0.9 * it.size ? '   ' : gap > 0.2 * it.size ? ' ' : '';
    out += it.str.replace(/\s+$/, '');
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/** "0 0 0 8" drawn as one run: one item per number, placed along the run by character position. */
function splitNumbers(row: Item[]): Item[] {
  return row.flatMap((it) => {
    if (!/^[\d\s,.]+$/.test(it.str) || !/\d\s+\d/.test(it.str)) return [it];
    const per = it.w / Math.max(1, it.str.length);
    return [...it.str.matchAll(/\S+/g)].map((m) => ({ ...it, str: m[0], x: it.x + m.index * per, w: m[0].length * per }));
  });
}

const NUMERIC = /^(?:[+\-]?\d[\d,.]*|[\/／—–-])$/;
/** A row's trailing numbers (its cells) and what stands before them (its label). */
function tail(row: Item[]): { label: Item[]; nums: Item[] } {
  let k = row.length;
  while (k > 0 && NUMERIC.test(row[k - 1].str.trim())) k--;
  return { label: row.slice(0, k), nums: row.slice(k) };
}

/** Tab-separated lines for the rows of tables with a short row whose numbers can be placed by x. */
function alignColumns(rows: Item[][]): Map<number, string> {
  const out = new Map<number, string>();
  let i = 0;
  while (i < rows.length) {
    // A block: rows ending in numbers, with the short label pieces wrapped between them.
    const block: number[] = [];
    let j = i;
    for (; j < rows.length; j++) {
      const { nums, label } = tail(rows[j]);
      const text = label.map((x) => x.str).join('');
      if (nums.length > 0) block.push(j);
      else if (text.length > 30 || /第二十条|^[一二三四五六七]、/.test(text)) break;
    }
    if (block.length >= 2) placeBlock(rows, block, out);
    i = Math.max(j, i + 1);
  }
  return out;
}

function placeBlock(rows: Item[][], block: number[], out: Map<number, string>): void {
  const parts = block.map((r) => tail(rows[r]));
  const width = Math.max(...parts.map((p) => p.nums.length));
  if (width < 2 || !parts.some((p) => p.nums.length < width)) return;
  const full = parts.filter((p) => p.nums.length === width);
  if (full.length < 2) return;
  const centre = (it: Item) => it.x + it.w / 2;
  const columns = Array.from({ length: width }, (_, c) => full.reduce((s, p) => s + centre(p.nums[c]), 0) / full.length);
  const placed: string[][] = [];
  for (const p of parts) {
    const cells = Array<string>(width).fill('');
    let last = -1;
    for (const n of p.nums) {
      const c = columns.reduce((b, x, k) => (Math.abs(x - centre(n)) < Math.abs(columns[b] - centre(n)) ? k : b), 0);
      // Not under any column, or two numbers under one: the row is not placed, nothing is guessed.
      if (c <= last || Math.abs(columns[c] - centre(n)) > 1.2 * n.size) return;
      cells[c] = n.str.trim();
      last = c;
    }
    placed.push(cells);
  }
  block.forEach((r, k) => out.set(r, [spaced(parts[k].label), ...placed[k]].join('\t')));
}

/** The running header and footer: a line repeated on most pages (a page number differs only by its digits). */
function withoutRunningLines(pages: string[][]): string[][] {
  if (pages.length < 3) return pages;
  const key = (l: string) => l.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (const page of pages) for (const k of new Set([...page.slice(0, 2), ...page.slice(-2)].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const running = new Set([...counts].filter(([k, n]) => n >= Math.ceil(pages.length * 0.6) && k.length < 60).map(([k]) => k));
  return pages.map((page) => page.filter((l, i) => !((i < 2 || i >= page.length - 2) && running.has(key(l)))));
}

/**
 * Text drawn in a CJK font without a ToUnicode map comes out as private-use characters,
 * control codes or Latin glyph names: a Chinese report in which few characters are Chinese.
 */
export function garbled(text: string): boolean {
  let cjk = 0;
  let bad = 0;
  let all = 0;
  for (const ch of text.replace(/\s+/g, '')) {
    const c = ch.codePointAt(0)!;
    all++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else if ((c >= 0xe000 && c <= 0xf8ff) || c < 0x20 || c === 0xfffd || (c >= 0x80 && c < 0xa0)) bad++;
  }
  return all >= 100 && (bad / all > 0.2 || cjk / all < 0.15);
}
