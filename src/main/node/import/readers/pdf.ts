// PDF with a text layer: its text and ruling lines read from the content streams by our own
// readers (pdf-text.ts, pdf-rules.ts), which follow pdfjs-dist (Mozilla's PDF.js) step by step;
// pdf.js itself reads the files they leave to it. Tables are read by their ruling lines (grid.ts): each
// cell's text is what stands inside its rules, wrapped or not, and a cell crossing the page's
// edge is cut. The rest of the page is put back into lines by their y, the gaps between items
// becoming cell boundaries where a table has no rules. The same page read as lines only is kept as
// a second reading: where it gives a cell another value, a failed rule that value satisfies is
// our reading's doubt, not the unit's error. Every block carries its page and box. Page numbers
// and the running header and footer repeated on every page are dropped. A PDF whose pages are
// pictures is a scan (kept, with the reason); one whose CJK fonts lack a ToUnicode map gives
// garbage, which is refused rather than imported.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocBlock, DocCell, DocContent } from '../../../../shared/doc/blocks.ts';
import { fromRadicals } from '../../../../shared/doc/radicals.ts';
import { findTables, type Segment, type TextItem } from '../../../../shared/doc/grid.ts';
import type { Box } from '../../../../shared/report/model.ts';
import { LIMITS, ReadError } from './errors.ts';
import { guardPdf, type PdfIndex, type Stream } from './pdf-guard.ts';
import { IDENTITY, MAX_SEGMENTS, pageRules, pathSegments, times } from './pdf-rules.ts';
import { countFallback, openText, textRead, Unhandled, type RawItem } from './pdf-text.ts';

export interface PdfContent extends DocContent {
  /** Pages without text: a scan that still needs its data typed in or recognised. */
  scan: boolean;
  pageCount?: number;
}

export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
export const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
export const assets = () => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdfjs fetches these itself from a URL in Node too; a path with a trailing slash.
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
};

// One pdf.js set-up a thread: its in-thread worker (the parser's message handler) made once, each
// file's document opened on it and destroyed after, rather than a worker made and torn down a file.
type PdfWorker = InstanceType<Awaited<ReturnType<typeof loadPdfjs>>['PDFWorker']>;
let worker: PdfWorker | null = null;
async function pdfWorker(): Promise<PdfWorker> {
  const { PDFWorker } = await loadPdfjs();
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
}

/** How the text is read: ours (pdf-text.ts, pdf.js only where it meets what it does not handle), or pdf.js's alone (the identity test's other side). */
export interface PdfOptions {
  via?: 'ours' | 'pdfjs';
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfContent> {
  const index = await guardPdf(bytes);
  // Pages whose ruling lines pdf-rules already left to the operator list (counted once, not tried again).
  const ruledByPdfjs = new Set<number>();
  if (options.via !== 'pdfjs') {
    const ours = await readOurs(index, bytes, ruledByPdfjs);
    if (ours) return ours;
  }
  const { getDocument } = await loadPdfjs();
  // The text is pdf.js's (~45 CPU-ms a file, mostly parsing and repairing the embedded fonts). No
  // standard font data, disableNormalization and disableFontFace: false each gave the same output on
  // every fixture PDF and no less CPU, so the options stay as they are.

  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes the buffer over
    worker: await pdfWorker(),
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
    return await fromPages(doc.numPages, async (p) => {
      const page = await doc.getPage(p);
      const view = page.view as number[];
      const content = await page.getTextContent();
      const items: RawItem[] = [];
      for (const it of content.items) if ('str' in it && it.str.trim()) items.push({ str: it.str, transform: it.transform as number[], width: it.width });
      return {
        view,
        items,
        rules: async () => (page.ref && !ruledByPdfjs.has(page.ref.num) && (await pageRules(index, page.ref.num, view[0], view[3]))) || (await rules(page, view[0], view[3])),
        done: () => page.cleanup(),
      };
    }, () => pdfTitle(doc));
  } finally {
    await task.destroy();
  }
}

/** The file read by pdf-text.ts, or null (the reason counted) where pdf.js must read it. */
async function readOurs(guarded: PdfIndex, bytes: Uint8Array, ruledByPdfjs: Set<number>): Promise<PdfContent | null> {
  // A page's content streams are read twice (text, then ruling lines): decoded once for both.
  const decoded = new Map<Stream, Promise<Uint8Array | null>>();
  const index: PdfIndex = { ...guarded, data: (s) => decoded.get(s) ?? (decoded.set(s, guarded.data(s)), decoded.get(s)!) };
  try {
    const doc = await openText(index, bytes);
    const out = await fromPages(doc.numPages, async (p) => {
      const { ref, view, items } = await doc.page(p);
      return {
        view,
        items,
        rules: async () => {
          const segments = await pageRules(index, ref, view[0], view[3]);
          if (!segments) {
            ruledByPdfjs.add(ref);
            throw new Unhandled('ruling lines left to the operator list');
          }
          return segments;
        },
      };
    }, async () => (doc.title?.trim() ? { title: doc.title.trim() } : {}));
    textRead.files++;
    return out;
  } catch (e) {
    if (e instanceof ReadError) throw e; // a budget's refusal, the same either way
    countFallback(e);
    return null;
  }
}

interface PageSource {
  view: number[];
  items: RawItem[];
  rules(): Promise<Segment[]>;
  done?(): void;
}

/** Pages of items into the document's blocks: tables by their rules, running lines dropped, scans and garbage told apart. */
async function fromPages(numPages: number, pageAt: (p: number) => Promise<PageSource>, title: () => Promise<{ title?: string }>): Promise<PdfContent> {
  if (numPages > LIMITS.maxPdfPages) throw new ReadError('too-large', `PDF页数过多（${numPages}页，上限${LIMITS.maxPdfPages}页），不像是年度报告`);
  const pages: PageRead[] = [];
  let chars = 0;
  for (let p = 1; p <= numPages; p++) {
    const page = await pageAt(p);
    const [vx0, vy0, vx1, vy1] = page.view;
    const items: Item[] = [];
    for (const it of page.items) {
      const [a, b, , d, x, y] = it.transform;
      items.push({ str: fromRadicals(it.str), x: x - vx0, y: y - vy0, w: it.width, size: Math.max(1, Math.hypot(a, b) || Math.abs(d)) });
      if (items.length > LIMITS.maxPdfItemsPerPage) throw new ReadError('too-large', `PDF第${p}页的文字对象过多（超过${LIMITS.maxPdfItemsPerPage}个），不像是年度报告`);
    }
    // Glyphs beyond the paper's edge are not on the page (the rest of a number a wide table pushed off it).
    const onPage = items.filter((it) => it.x < vx1 - vx0 - 0.5 && it.x + it.w > 0.5);
    // Ruling lines are looked for only on pages with a table's numbers (the drawing operators cost as much as the text).
    const numbers = onPage.filter((it) => /^\s*[\d\s,.]+\s*$/.test(it.str)).length;
    const read = readPage(p, onPage, numbers >= 4 ? await page.rules() : [], vx1 - vx0, vy1 - vy0);
    chars += read.lines.reduce((s, l) => s + l.text.replace(/\s+/g, '').length, 0);
    if (chars > LIMITS.maxTextBytes) throw new ReadError('too-large', 'PDF中的文字过多，不像是年度报告');
    pages.push(read);
    page.done?.();
  }
  if (chars < Math.max(50, 10 * numPages)) return { blocks: [], encoding: 'PDF（扫描件）', scan: true, pageCount: numPages, page: await title() };
  if (garbled(pages.flatMap((p) => p.lines.map((l) => l.text)).join(''))) throw new ReadError('garbled', 'PDF的文字层无法读取（字体缺少编码映射，提取出的是乱码），请用原始Word文件或文字正常的PDF');
  const running = runningLines(pages.map((p) => p.lines.map((l) => l.text)));
  const alternate = pages.flatMap((p) => withoutRunning(p.lines.map((l): DocBlock => ({ type: 'p', text: l.text, place: l.place })), running));
  if (!pages.some((p) => p.tables > 0)) return { blocks: alternate, encoding: 'PDF', scan: false, page: await title() };
  const blocks = joinSplitRows(pages.flatMap((p) => withoutRunning(p.blocks, running)));
  return { blocks, alternate, encoding: 'PDF', scan: false, page: await title() };
}

export interface PlacedLine {
  text: string;
  place: { page: number; box: Box };
}

export interface PageRead {
  /** The page read as lines only. */
  lines: PlacedLine[];
  /** The page with its ruled tables as tables, the rest as lines, top to bottom. */
  blocks: DocBlock[];
  tables: number;
}

/** One page: its ruled tables, and the text around them as lines (PDF points, top-left origin). */
export function readPage(page: number, items: Item[], segments: Segment[], width: number, height: number): PageRead {
  // The same items from the top: baselines measured down from the page's top edge.
  const fromTop = new Map<TextItem, Item>(items.map((it) => [{ str: it.str, x: it.x, y: height - it.y, w: it.w, size: it.size }, it]));
  const lines = placedLines(page, items, height);
  const tables = findTables([...fromTop.keys()], segments, width);
  if (!tables.length) return { lines, blocks: lines.map((l) => ({ type: 'p', text: l.text, place: l.place })), tables: 0 };
  const used = new Set<Item>();
  for (const t of tables) for (const it of t.used) used.add(fromTop.get(it)!);
  const rest = placedLines(page, items.filter((it) => !used.has(it)), height);
  const blocks: { top: number; block: DocBlock }[] = [
    ...rest.map((l) => ({ top: l.place.box[1], block: { type: 'p', text: l.text, place: l.place } as DocBlock })),
    ...tables.map((t) => ({
      top: t.top,
      block: { type: 'table', rows: t.rows.map((r) => r.map((c) => ({ ...c, ...(c.place ? { place: { ...c.place, page } } : {}) }))) } as DocBlock,
    })),
  ];
  return { lines, blocks: blocks.sort((a, b) => a.top - b.top).map((b) => b.block), tables: tables.length };
}

/**
 * A row Word let break across a page ("（六）其他 | 1.申请人无正当理由逾 | 67 …" at the foot of one page,
 * "处理 | 期不补正、行政机关… | (empty cells)" at the head of the next): the continuation's texts are
 * joined to the cells above them. A repeated header row is no continuation: it has text where the
 * row above has numbers.
 */
export function joinSplitRows(blocks: DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.type !== 'table' || prev?.type !== 'table' || !b.rows.length || !prev.rows.length) {
      out.push(b);
      continue;
    }
    const last = prev.rows[prev.rows.length - 1];
    const head = b.rows[0];
    const page = (c: DocCell | undefined) => c?.place?.page ?? 0;
    const overlap = (a: DocCell, c: DocCell) => Math.min(a.place!.box[2], c.place!.box[2]) - Math.max(a.place!.box[0], c.place!.box[0]);
    // The cell above: in the last row, or a merged cell of an earlier row reaching down to it.
    const above = (c: DocCell) => {
      for (let r = prev.rows.length - 1; r >= 0; r--) {
        const hit = prev.rows[r].reduce<DocCell | null>((best, a) => (a.place && (r + a.rowSpan >= prev.rows.length || r === prev.rows.length - 1) && overlap(a, c) > (best ? overlap(best, c) : 2) ? a : best), null);
        if (hit) return hit;
      }
      return null;
    };
    const continues =
      page(head[0]) === page(last[0]) + 1 &&
      head.every((c) => c.place) &&
      head.some((c) => c.text.trim()) &&
      head.every((c) => {
        const a = above(c);
        if (!c.text.trim()) return true;
        return a !== null && !NUMERIC.test(a.text.trim()) && !NUMERIC.test(c.text.trim());
      });
    if (!continues) {
      out.push(b);
      continue;
    }
    for (const c of head) {
      const a = above(c);
      if (a && c.text.trim()) a.text = a.text ? `${a.text}\n${c.text}` : c.text;
    }
    if (b.rows.length > 1) out.push({ type: 'table', rows: b.rows.slice(1) });
  }
  return out;
}

/** Lines of items with their boxes (from the top-left corner). */
function placedLines(page: number, items: Item[], height: number): PlacedLine[] {
  const rows = toRows(items);
  const texts = rowsText(rows);
  return rows.map((row, i) => {
    const x0 = Math.min(...row.map((it) => it.x));
    const x1 = Math.max(...row.map((it) => it.x + it.w));
    const size = Math.max(...row.map((it) => it.size));
    const base = height - row[0].y;
    const r = (n: number) => Math.round(n * 10) / 10;
    return { text: texts[i], place: { page, box: [r(x0), r(base - 0.85 * size), r(x1), r(base + 0.25 * size)] as Box } };
  });
}

/**
 * The page's ruling lines from pdf.js's drawing operators: stroked lines and rectangles, and thin
 * filled rectangles (borders as Chromium and Word draw them), under the current transform, in
 * points from the top-left corner. A page of pictures only has none. Used where our own reading
 * of the content stream (pdf-rules.ts) meets what it does not handle.
 */
export async function rules(page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> }, vx0: number, vy1: number): Promise<Segment[]> {
  const { OPS } = await pdfjs!;
  const list = await page.getOperatorList();
  const out: Segment[] = [];
  const stack: number[][] = [];
  let ctm = IDENTITY;
  const pt = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4] - vx0, vy1 - (ctm[1] * x + ctm[3] * y + ctm[5])];
  for (let i = 0; i < list.fnArray.length && out.length < MAX_SEGMENTS; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = times(args as number[], ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      // A form is drawn in a state of its own, under its /Matrix.
      stack.push(ctm);
      const m = (args as [ArrayLike<number> | null])[0];
      if (m) ctm = times(Array.from(m), ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, (ArrayLike<number> | null)[]];
      if (paint !== OPS.stroke && paint !== OPS.closeStroke && paint !== OPS.fill && paint !== OPS.eoFill && paint !== OPS.fillStroke) continue;
      const path = data?.[0];
      if (!path) continue;
      for (const seg of pathSegments(path, pt)) out.push(seg);
    }
  }
  return out;
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
  return rowsText(toRows(items));
}

function toRows(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && Math.abs(ref.y - it.y) <= 0.5 * Math.max(ref.size, it.size)) row.push(it);
    else rows.push([it]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

/** Each row's text: numbers under their columns where a block of rows allows it. */
function rowsText(rows: Item[][]): string[] {
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
export function runningLines(pages: string[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) for (const k of new Set([...page.slice(0, 2), ...page.slice(-2)].map(runningKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Set([...counts].filter(([k, n]) => n >= Math.ceil(pages.length * 0.6) && k.length < 60).map(([k]) => k));
}

const runningKey = (l: string) => l.replace(/\d+/g, '#').replace(/\s+/g, '');

/** A page's blocks without the running lines among its first two and last two lines. */
export function withoutRunning(blocks: DocBlock[], running: Set<string>): DocBlock[] {
  if (!running.size) return blocks;
  const lines = blocks.flatMap((b, i) => (b.type === 'p' ? [i] : []));
  const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
  return blocks.filter((b, i) => !(b.type === 'p' && edge.has(i) && running.has(runningKey(b.text))));
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
