// A scan's pages -> the readers' blocks, as a PDF's text layer would give them. Each page is
// straightened, its ruling lines found in the image and its tables built by the same grid reader
// as a PDF's (doc/grid.ts); each table cell is recognised on its own (a cell's lines one by one),
// never the page as one text, so a value keeps its cell and its box; the rest of the page is found
// line by line by the detector. Cells carry the recogniser's confidence and, for a number it
// hesitated over, its other readings, which the sums then decide (report/checks/ocr-digits.ts).
import type { DocBlock, DocCell, DocContent } from '../../../shared/doc/blocks.ts';
import { findTables, type Segment } from '../../../shared/doc/grid.ts';
import { asDigits, digitCandidates, type OcrText } from '../../../shared/ocr/ctc.ts';
import { skewAngle } from '../../../shared/ocr/deskew.ts';
import { binarize, crop, type Gray, inkAgainstPaper, rotate } from '../../../shared/ocr/raster.ts';
import { apply, isSquare, pageQuad, warpPage } from '../../../shared/ocr/perspective.ts';
import { lostRules } from '../../../shared/ocr/lost-rules.ts';
import { findRulings } from '../../../shared/ocr/rulings.ts';
import type { Box } from '../../../shared/report/model.ts';
import { type Item, joinSplitRows, readPage, runningLines, withoutRunning } from '../import/readers/pdf.ts';
import { type LineBox, lineImage, type OcrEngine } from './engine.ts';
import type { PageImage } from './page-images.ts';

export interface ScanStats {
  pages: number;
  /** Pages whose picture could not be read (a PDF page of strips, no picture). */
  skipped: number;
  /** Degrees each page was straightened by. */
  angles: number[];
  cells: number;
}

/** A piece of the page the engine read, in points from the page's top-left. */
interface Read {
  text: OcrText;
  box: Box;
  /** Read inside a table cell. */
  cell?: boolean;
}

export async function readScan(
  pages: AsyncIterable<PageImage | null> | Iterable<PageImage | null>,
  count: number,
  engine: OcrEngine,
  onPage?: (page: number, pages: number) => void,
): Promise<{ content: DocContent; stats: ScanStats }> {
  const stats: ScanStats = { pages: count, skipped: 0, angles: [], cells: 0 };
  const reads: { lines: DocBlock[]; blocks: DocBlock[]; tables: number }[] = [];
  let n = 0;
  for await (const p of pages) {
    n++;
    onPage?.(n, count);
    if (!p) {
      stats.skipped++;
      reads.push({ lines: [], blocks: [], tables: 0 });
      continue;
    }
    const r = await readScanPage(n, p, engine, stats);
    reads.push(r);
  }
  const running = runningLines(reads.map((r) => r.lines.map((l) => (l.type === 'p' ? l.text : ''))));
  const alternate = reads.flatMap((r) => withoutRunning(r.lines, running));
  const encoding = 'OCR（扫描件）';
  if (!reads.some((r) => r.tables > 0)) return { content: { blocks: alternate, encoding }, stats };
  const blocks = joinSplitRows(reads.flatMap((r) => withoutRunning(r.blocks, running)));
  return { content: { blocks, alternate, encoding }, stats };
}

async function readScanPage(page: number, p: PageImage, engine: OcrEngine, stats: ScanStats) {
  // A page photographed at an angle is first made a rectangle again: its rules straight and parallel.
  const quad = pageQuad(p.img);
  const flat = quad && !isSquare(quad, p.img.width) ? warpPage(p.img, quad, p.dropout) : null;
  const sheet = flat?.img ?? p.img;
  const angle = skewAngle(sheet);
  stats.angles.push(angle);
  const img = rotate(sheet, -angle);
  // Rules and cells are read where a red seal drops out; the page's lines as printed (a red title stays).
  const dropout = flat ? flat.also : p.dropout;
  const cells = dropout ? rotate(dropout, -angle) : img;
  const ink = binarize(cells);
  const px = img.dpi / 72;
  const W = img.width / px;
  const H = img.height / px;
  const found = findRulings(ink, img.width, img.height, img.dpi, undefined, inkAgainstPaper(cells));
  let { segments, grids } = tablesOf(found, W);
  const reads: Read[] = [];
  const recogniseCells = async () => {
    // Each table cell: its text lines, found by the ink's rows inside the rules.
    const cellLines: { cell: Box; line: [number, number, number, number] }[] = [];
    for (const g of grids)
      for (const row of g.rows)
        for (const c of row) {
          if (!c.place) continue;
          const [x0, y0, x1, y1] = c.place.box.map((v) => v * px);
          for (const line of inkLines(ink, img.width, x0, y0, x1, y1, img.dpi)) cellLines.push({ cell: c.place.box, line });
        }
    const texts = await engine.recognize(cellLines.map((l) => lineImage(cells, { x0: l.line[0], y0: l.line[1], x1: l.line[2], y1: l.line[3] }, Math.max(3, Math.round((l.line[3] - l.line[1]) * 0.15)))));
    return { cellLines, texts };
  };
  let { cellLines, texts: cellTexts } = await recogniseCells();
  // A table whose rules the scan lost (a 1-bit scan's thresholding drops a hairline): a cell holds
  // several rows' numbers. Its rows and columns are rebuilt from its text, and its cells read again.
  const lost = grids.filter((g) => {
    const numeric = new Map<Box, number>();
    cellLines.forEach((l, i) => {
      if (asDigits(cellTexts[i].text) !== null && l.cell[0] >= g.box[0] && l.cell[2] <= g.box[2] && l.cell[1] >= g.box[1] && l.cell[3] <= g.box[3]) numeric.set(l.cell, (numeric.get(l.cell) ?? 0) + 1);
    });
    return [...numeric.values()].some((n) => n > 1);
  });
  const rebuilt = lost.flatMap((g) => lostRules(ink, img.width, img.dpi, g.box, segments));
  if (rebuilt.length) {
    ({ segments, grids } = tablesOf([...found, ...rebuilt], W));
    ({ cellLines, texts: cellTexts } = await recogniseCells());
  }
  stats.cells += cellLines.length;
  cellLines.forEach((l, i) => reads.push({ text: cellTexts[i], box: l.line.map((v) => v / px) as Box, cell: true }));
  // The rest of the page: the tables whited out, the detector finds the lines.
  const masked = grids.length ? maskBoxes(img, grids.map((g) => g.box.map((v) => v * px) as Box)) : img;
  const lines = (await detectTiled(engine, masked)).filter((b) => b.x1 - b.x0 > 4 && b.y1 - b.y0 > 4);
  const lineTexts = await engine.recognize(lines.map((b) => lineImage(masked, b)));
  lines.forEach((b, i) => reads.push({ text: lineTexts[i], box: [b.x0 / px, b.y0 / px, b.x1 / px, b.y1 / px] }));
  // As a PDF's text items: left, baseline from the bottom, width, size.
  const items: Item[] = [];
  const readOf = new Map<Item, Read>();
  for (const r of reads) {
    // A cell of digits and their look-alikes ("O" for 0) is the digits.
    const str = (r.cell ? asDigits(r.text.text) : null) ?? r.text.text.trim();
    if (!str) continue;
    const h = r.box[3] - r.box[1];
    const it: Item = { str, x: r.box[0], y: H - (r.box[3] - 0.18 * h), w: r.box[2] - r.box[0], size: Math.max(1, 0.8 * h) };
    items.push(it);
    readOf.set(it, r);
  }
  const read = readPage(page, items, segments, W, H);
  // Boxes go back to where they stand on the page as scanned or photographed (not straightened), on the PDF's page.
  const photoPx = p.img.dpi / 72;
  const shift = (b: Box): Box => {
    const corners = [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[0], b[3]],
      [b[2], b[3]],
    ]
      .map(([x, y]) => unrotated(x * px, y * px, -angle, img.width, img.height))
      .map(([x, y]) => (flat ? apply(flat.H, x, y) : [x, y]));
    const xs = corners.map((c) => c[0] / photoPx + p.offset[0]);
    const ys = corners.map((c) => c[1] / photoPx + p.offset[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v) => Math.round(v * 10) / 10) as Box;
  };
  const cellReads = reads.filter((r) => r.text.text.trim());
  const blocks = read.blocks.map((b): DocBlock => {
    if (b.type === 'p') return b.place ? { ...b, place: { ...b.place, box: shift(b.place.box) } } : b;
    const rows = b.rows.map((row) => row.map((c) => withOcr(c, cellReads, shift)));
    // A cell holding a label or a header and a number: a rule between rows was not found, so the
    // rows below may stand under another row's label. No number of that table is taken on the
    // recogniser's word; each must be confirmed by the sums.
    if (!b.rows.some((row) => row.some((c) => labelWithNumber(c, cellReads)))) return { type: 'table', rows };
    return { type: 'table', rows: rows.map((row) => row.map((c) => (c.ocr && asDigits(c.text.replace(/\s+/g, '')) !== null ? { ...c, ocr: { ...c.ocr, conf: 0 } } : c))) };
  });
  const pageLines = read.lines.map((l): DocBlock => ({ type: 'p', text: l.text, place: { ...l.place, box: shift(l.place.box) } }));
  return { lines: pageLines, blocks, tables: read.tables };
}

/**
 * The page's tables from its rules. A grid inside a table's cells is no table: the straight edges
 * of a seal's star, a box drawn in a cell. Its lines are dropped; the table's own rules run on past it and stay.
 */
function tablesOf(found: Segment[], W: number) {
  const all = findTables([], found, W, { empty: true });
  const inside = (a: Box, b: Box) => a !== b && a[0] >= b[0] - 1 && a[1] >= b[1] - 1 && a[2] <= b[2] + 1 && a[3] <= b[3] + 1;
  const nested = all.filter((g) => all.some((o) => inside(g.box, o.box))).map((g) => g.box);
  const segments = found.filter((s) => !nested.some((b) => Math.min(s.x0, s.x1) >= b[0] - 1 && Math.max(s.x0, s.x1) <= b[2] + 1 && Math.min(s.y0, s.y1) >= b[1] - 1 && Math.max(s.y0, s.y1) <= b[3] + 1));
  return { segments, grids: all.filter((g) => !nested.includes(g.box)) };
}

const readsIn = (c: DocCell, reads: Read[]) => {
  if (!c.place) return [];
  const [x0, y0, x1, y1] = c.place.box;
  return reads.filter((r) => {
    const cx = (r.box[0] + r.box[2]) / 2;
    const cy = (r.box[1] + r.box[3]) / 2;
    return cx > x0 && cx < x1 && cy > y0 && cy < y1;
  });
};

/** A cell with a line of words (two characters or more: no speck read as a letter) and a line that is a number. */
function labelWithNumber(c: DocCell, reads: Read[]): boolean {
  const inside = readsIn(c, reads);
  return inside.some((r) => asDigits(r.text.text) !== null) && inside.some((r) => /[\u4e00-\u9fff]{2,}/.test(r.text.text));
}

/**
 * The text lines of a page. The detector sees a page shrunk to a fixed size: a long screenshot
 * (长截图, many screens high) would shrink until its text is a few pixels high and lost, so it is
 * read in pieces about a page's proportion high, overlapping by a few lines; a line is taken from
 * the piece whose own part (the overlap halved) holds its middle.
 */
async function detectTiled(engine: OcrEngine, img: Gray): Promise<LineBox[]> {
  const tall = Math.round(img.width * 1.4);
  if (img.height <= tall * 1.2) return engine.detect(img);
  const overlap = Math.round(tall * 0.15);
  const out: LineBox[] = [];
  for (let top = 0; ; top += tall - overlap) {
    const bottom = Math.min(img.height, top + tall);
    const own0 = top === 0 ? 0 : top + overlap / 2;
    const own1 = bottom === img.height ? img.height : bottom - overlap / 2;
    for (const b of await engine.detect(crop(img, 0, top, img.width, bottom))) {
      const mid = top + (b.y0 + b.y1) / 2;
      if (mid >= own0 && mid < own1) out.push({ ...b, y0: b.y0 + top, y1: b.y1 + top });
    }
    if (bottom === img.height) break;
  }
  return out;
}

/** A table cell with what the engine said of it: its least sure character, and a number's other readings. */
function withOcr(c: DocCell, reads: Read[], shift: (b: Box) => Box): DocCell {
  if (!c.place) return c;
  const inside = readsIn(c, reads);
  const place = { ...c.place, box: shift(c.place.box) };
  if (!inside.length) return { ...c, place };
  // A number in a cell spanning several columns or rows: the rules between them were lost (under a
  // seal, broken in the scan), so the digits may be several cells' run together; the sums decide.
  // So are two lines of digits in one cell, or a count with a leading zero ("04"): the cell took in
  // a neighbour's line where a rule between them was not found.
  const numeric = inside.filter((r) => asDigits(r.text.text) !== null);
  const joined = ((c.colSpan > 1 || c.rowSpan > 1) && numeric.length > 0) || numeric.length > 1 || numeric.some((r) => /^0\d/.test(asDigits(r.text.text)!));
  const conf = joined ? 0 : Math.min(...inside.map((r) => r.text.conf));
  const candidates = inside.length === 1 && asDigits(inside[0].text.text) ? digitCandidates(inside[0].text) : [];
  return { ...c, place, ocr: { conf: Math.round(conf * 1000) / 1000, ...(candidates.length ? { candidates } : {}) } };
}

/**
 * The text lines inside a cell: rows of ink separated by blank rows, each with its ink's left and
 * right. The cell's own rules (and a neighbour's text poking in) are left out by an inset.
 */
function inkLines(ink: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number, dpi: number): [number, number, number, number][] {
  const inset = Math.max(3, Math.round(dpi / 40));
  let l = Math.round(x0 + inset);
  let r = Math.round(x1 - inset);
  let t = Math.round(y0 + inset);
  let b = Math.round(y1 - inset);
  if (r - l < 3 || b - t < 3) return [];
  // A rule thicker or less straight than the inset allows (a photo's blur, a warped page) leaves
  // a stripe of ink along the cell's side, which the recogniser reads as "1" or "l": the stripe
  // (ink down most of a column, or along most of a row, at the cell's edge) is left out too.
  const more = Math.max(3, Math.round(dpi / 25));
  const colInk = (x: number) => {
    let n = 0;
    for (let y = t; y < b; y++) n += ink[y * width + x];
    return n > 0.6 * (b - t);
  };
  const rowFull = (y: number) => {
    let n = 0;
    for (let x = l; x < r; x++) n += ink[y * width + x];
    return n > 0.6 * (r - l);
  };
  for (let k = 0; k < more && r - l > 3 && colInk(l); k++) l++;
  for (let k = 0; k < more && r - l > 3 && colInk(r - 1); k++) r--;
  for (let k = 0; k < more && b - t > 3 && rowFull(t); k++) t++;
  for (let k = 0; k < more && b - t > 3 && rowFull(b - 1); k++) b--;
  const rowInk: number[] = [];
  for (let y = t; y < b; y++) {
    let n = 0;
    for (let x = l; x < r; x++) n += ink[y * width + x];
    rowInk.push(n);
  }
  // Speckle (a JPEG's noise, a dot of the seal) is no line: a line has a few pixels of ink on several rows.
  const minRows = Math.max(3, Math.round(dpi / 50));
  const out: [number, number, number, number][] = [];
  let start = -1;
  for (let i = 0; i <= rowInk.length; i++) {
    const on = i < rowInk.length && rowInk[i] > 0;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      if (i - start >= minRows) {
        let lx = r;
        let rx = l;
        for (let y = t + start; y < t + i; y++)
          for (let x = l; x < r; x++)
            if (ink[y * width + x]) {
              if (x < lx) lx = x;
              if (x > rx) rx = x;
            }
        if (rx - lx >= 2) out.push([lx, t + start, rx + 1, t + i]);
      }
      start = -1;
    }
  }
  return mergeClose(out, dpi);
}

/** A character split by a blank row (二, 三, a dot over i) is one line: bands closer than a tenth of their height are joined. */
function mergeClose(lines: [number, number, number, number][], dpi: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const gap = Math.max(2, Math.round(dpi / 60));
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && l[1] - prev[3] <= gap) out[out.length - 1] = [Math.min(prev[0], l[0]), prev[1], Math.max(prev[2], l[2]), l[3]];
    else out.push(l);
  }
  return out;
}

/** Where a point of the image `rotate(original, degrees)` came from in the original (the same mapping `rotate` uses). */
export function unrotated(x: number, y: number, degrees: number, width: number, height: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  const dx = x - width / 2;
  const dy = y - height / 2;
  return [Math.cos(a) * dx - Math.sin(a) * dy + width / 2, Math.sin(a) * dx + Math.cos(a) * dy + height / 2];
}

function maskBoxes(img: Gray, boxes: Box[]): Gray {
  const data = new Uint8Array(img.data);
  for (const [x0, y0, x1, y1] of boxes)
    for (let y = Math.max(0, Math.floor(y0) - 2); y < Math.min(img.height, Math.ceil(y1) + 2); y++) data.fill(255, y * img.width + Math.max(0, Math.floor(x0) - 2), y * img.width + Math.min(img.width, Math.ceil(x1) + 2));
  return { ...img, data };
}

