// Tables of a PDF page read by their ruling lines. Report tables are ruled: the lines a PDF
// draws around the cells say which text belongs to which cell, whatever order the text was
// written in. Text that wraps inside a cell (a label over three lines, "22（其中修订16" / "件）")
// stays in its cell; a label printed one character per line down a merged cell is one label;
// a cell that crosses the page's edge is marked cut, because the digits beyond the edge are not
// on the page. Pure geometry: the reader gives the page's text items and line segments.
import type { Box } from '../report/model.ts';
import type { DocCell } from './blocks.ts';

/** A text item, in points from the page's top-left corner: its left, baseline and width. */
export interface TextItem {
  str: string;
  x: number;
  /** Baseline, from the top. */
  y: number;
  w: number;
  size: number;
}

/** A ruling line: horizontal (y fixed) or vertical (x fixed), from the top-left corner. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface GridTable {
  /** Top of the table, to put it among the page's lines. */
  top: number;
  box: Box;
  rows: DocCell[][];
  /** The items placed in the table's cells (the rest of the page is read as lines). */
  used: Set<TextItem>;
}

/** Two positions closer than this are one line (points): borders are drawn twice, a hair apart. */
const SNAP = 2;
/** The smallest cell: a table's double border is no row. */
const MIN_BAND = 4;

/** Thin filled rectangles are rules too: Chromium and Word draw borders that way. */
export function rectToSegments(x: number, y: number, w: number, h: number): Segment[] {
  const [l, r] = w >= 0 ? [x, x + w] : [x + w, x];
  const [t, b] = h >= 0 ? [y, y + h] : [y + h, y];
  if (r - l <= 2.5 && b - t > 2.5) return [{ x0: (l + r) / 2, y0: t, x1: (l + r) / 2, y1: b }];
  if (b - t <= 2.5 && r - l > 2.5) return [{ x0: l, y0: (t + b) / 2, x1: r, y1: (t + b) / 2 }];
  if (r - l > 2.5 && b - t > 2.5) return [
    { x0: l, y0: t, x1: r, y1: t },
    { x0: l, y0: b, x1: r, y1: b },
    { x0: l, y0: t, x1: l, y1: b },
    { x0: r, y0: t, x1: r, y1: b },
  ];
  return [];
}

const horizontal = (s: Segment) => Math.abs(s.y0 - s.y1) < 0.5 && Math.abs(s.x1 - s.x0) >= MIN_BAND;
const vertical = (s: Segment) => Math.abs(s.x0 - s.x1) < 0.5 && Math.abs(s.y1 - s.y0) >= MIN_BAND;

interface Line {
  at: number;
  from: number;
  to: number;
}

/** Collinear pieces of one rule joined: a border drawn cell by cell is one line. */
function merge(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of [...lines].sort((a, b) => a.from - b.from || a.at - b.at)) {
    const last = out.findLast((o) => Math.abs(o.at - l.at) <= 1 && l.from <= o.to + SNAP);
    if (last) last.to = Math.max(last.to, l.to);
    else out.push({ ...l });
  }
  return out;
}

/** Positions within SNAP of each other as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > SNAP) out.push(v);
  return out;
}

const covers = (l: Line, from: number, to: number) => l.from <= from + SNAP && l.to >= to - SNAP;

/**
 * The ruled tables of a page. `pageWidth`: a cell reaching past it is cut (its text is not all
 * on the page).
 */
export function findTables(items: TextItem[], segments: Segment[], pageWidth: number, opts: { empty?: boolean } = {}): GridTable[] {
  const hs = merge(segments.filter(horizontal).map((s) => ({ at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) })));
  const vs = merge(segments.filter(vertical).map((s) => ({ at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) })));
  const tables: GridTable[] = [];
  for (const group of connected(hs, vs)) {
    const t = buildTable(group.h, group.v, items, pageWidth, !!opts.empty);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => a.top - b.top);
}

/** Rules that touch one another, as groups: one group per table. */
function connected(hs: Line[], vs: Line[]): { h: Line[]; v: Line[] }[] {
  const all = [...hs.map((l) => ({ l, h: true })), ...vs.map((l) => ({ l, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      if (all[i].h === all[j].h) continue;
      const [h, v] = all[i].h ? [all[i].l, all[j].l] : [all[j].l, all[i].l];
      if (v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP) parent[find(i)] = find(j);
    }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  all.forEach((x, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (x.h ? g.h : g.v).push(x.l);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

function buildTable(h: Line[], v: Line[], items: TextItem[], pageWidth: number, empty: boolean): GridTable | null {
  const ys = cluster(h.map((l) => l.at));
  const xs = cluster(v.map((l) => l.at));
  // Rules running on past the last vertical one: the table goes on to where they end, its right
  // border off the page or never drawn. Cells out there reaching the page's edge are cut.
  const reach = Math.max(...h.map((l) => l.to));
  const open = xs.length > 0 && reach > xs[xs.length - 1] + 3 * SNAP;
  if (open) xs.push(reach);
  // Vertical rules running on past the first or the last horizontal one: a row the page break cut,
  // its top or bottom rule drawn on the other page (as Chromium prints a table across pages).
  const down = Math.max(...v.map((l) => l.to));
  const up = Math.min(...v.map((l) => l.from));
  if (ys.length >= 2 && down > ys[ys.length - 1] + 3 * SNAP) ys.push(down);
  if (ys.length >= 2 && up < ys[0] - 3 * SNAP) ys.unshift(up);
  // A box around a paragraph, an underline: no table.
  if (ys.length < 3 || xs.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Between two bands, is there a rule? (A merged cell has none.)
  const wallRight = (r: number, c: number) => (open && c === xs.length - 3) || v.some((l) => Math.abs(l.at - xs[c + 1]) <= SNAP && covers(l, ys[r], ys[r + 1]));
  const wallBelow = (r: number, c: number) => h.some((l) => Math.abs(l.at - ys[r + 1]) <= SNAP && covers(l, xs[c], xs[c + 1]));
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !wallRight(r, c)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !wallBelow(r, c)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  // Each merged region's extent in bands.
  const regions = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const k = find(id(r, c));
      const g = regions.get(k);
      if (!g) regions.set(k, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(g, { r0: Math.min(g.r0, r), r1: Math.max(g.r1, r), c0: Math.min(g.c0, c), c1: Math.max(g.c1, c) });
    }
  const cells: GridCell[] = [...regions.values()].map((g) => ({ ...g, box: [xs[g.c0], ys[g.r0], xs[g.c1 + 1], ys[g.r1 + 1]] as Box, items: [] as Piece[] }));
  const left = xs[0];
  const right = xs[xs.length - 1];
  const top = ys[0];
  const bottom = ys[ys.length - 1];
  const used = new Set<TextItem>();
  const below: Piece[] = [];
  for (const it of items.flatMap(pieces)) {
    const cx = it.x + Math.min(it.w, it.size) / 2; // the first character decides: a run spilling over a rule stays where it starts
    const cy = it.y - 0.35 * it.size;
    // Digits just under a table's bottom rule, under its last row: a number of that row clipped there.
    if (cy > bottom && cy < bottom + 1.2 * it.size && cx > left && cx < right && /^\d[\d,]*$/.test(it.str) && it.y - 0.8 * it.size < bottom) {
      below.push(it);
      used.add(it.whole);
      continue;
    }
    if (cy < top || cy > bottom) continue;
    // Beside a table that runs to the paper's edge: the remains of a cut number, on no cell.
    if (cx > right && right >= pageWidth - 1) {
      used.add(it.whole);
      continue;
    }
    if (cx < left || cx > right) continue;
    const cell = cells.find((c) => cx >= c.box[0] && cx <= c.box[2] && cy >= c.box[1] && cy <= c.box[3]);
    if (!cell) continue;
    cell.items.push(it);
    used.add(it.whole);
  }
  // A one-cell frame around text (a boxed note) is no table of cells. (`empty`: the grid of a
  // page image, asked for before its cells are read.)
  if (cells.length < 4 || (used.size === 0 && !empty)) return null;
  const clipped = spilled(cells, below);
  const out: DocCell[][] = Array.from({ length: rows }, () => []);
  for (const c of [...cells].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const text = cellText(c.items);
    // Reaching the paper's edge (no table is printed to it: the writer clipped it there) or past
    // it: what the cell holds is not all on the page.
    const reachesPast = c.box[2] >= pageWidth - 1 || c.items.some((it) => it.x + it.w > pageWidth + 0.5);
    const cut = reachesPast ? ('edge' as const) : clipped.has(c) ? ('clipped' as const) : null;
    out[c.r0].push({
      text,
      colSpan: c.c1 - c.c0 + 1,
      rowSpan: c.r1 - c.r0 + 1,
      place: { page: 0, box: c.box.map((n) => Math.round(n * 10) / 10) as Box },
      ...(cut ? { cut } : {}),
    });
  }
  return { top, box: [left, top, right, bottom], rows: out.filter((r) => r.length > 0), used };
}

type Piece = TextItem & { whole: TextItem };
type GridCell = { r0: number; r1: number; c0: number; c1: number; box: Box; items: Piece[] };

/**
 * Cells whose text ran out of them: a number wrapped in a row of fixed height goes on below the
 * cell's bottom rule, clipped there, and its second line is drawn inside the cell below ("23" in a
 * one-digit column shows 2; its 3 stands over the 0 below). The runaway line sits higher than the
 * first line of every other cell of its row; both cells, the one it left and the one it entered,
 * hold no number that can be trusted.
 */
function spilled(cells: GridCell[], below: Piece[]): Set<GridCell> {
  const out = new Set<GridCell>();
  const isNumber = (it: TextItem) => /^\d[\d,]*(?:\.\d+)?$/.test(it.str);
  const numeric = (c: GridCell) => c.items.length > 0 && c.items.every(isNumber);
  const lines = (c: GridCell) => new Set(c.items.map((it) => Math.round(it.y))).size;
  const above = (c: GridCell, x: number) => cells.find((a) => a.r1 === c.r0 - 1 && x >= a.box[0] && x <= a.box[2]);
  const byRow = new Map<number, GridCell[]>();
  for (const c of cells) if (c.r0 === c.r1) byRow.set(c.r0, [...(byRow.get(c.r0) ?? []), c]);
  for (const row of byRow.values()) {
    const values = row.filter(numeric);
    // The row's own first line: the lowest first line of its numbers (a runaway line is always higher).
    const own = Math.max(...values.map((c) => Math.min(...c.items.map((it) => it.y))));
    for (const c of values) {
      const size = Math.max(...c.items.map((it) => it.size));
      // Only in a row one line high: a row that grows with its text holds a wrapped number whole.
      if (c.box[3] - c.box[1] >= 1.9 * size) continue;
      const runaway = c.items.filter((it) => it.y < own - 0.25 * it.size);
      if (!runaway.length && lines(c) < 2) continue;
      out.add(c);
      const it = runaway[0] ?? c.items[0];
      const a = above(c, it.x + Math.min(it.w, it.size) / 2);
      if (a && (numeric(a) || !a.items.length)) out.add(a);
    }
    // A label drawn over by the clipped lines of the label above it ("具1.申请人已获取无信息…"):
    // which row it names is no longer sure, so neither are the row's numbers.
    if (row.some((c) => !numeric(c) && overprinted(c.items))) for (const c of values) out.add(c);
  }
  // The second line of a number in the table's last row, clipped below the table.
  for (const it of below) {
    const x = it.x + Math.min(it.w, it.size) / 2;
    const last = Math.max(...cells.map((c) => c.r1));
    const c = cells.find((a) => a.r1 === last && x >= a.box[0] && x <= a.box[2]);
    if (c && (numeric(c) || !c.items.length)) out.add(c);
  }
  return out;
}

/** Text drawn over other text: two pieces whose boxes cover each other (no writer sets text so). */
function overprinted(items: TextItem[]): boolean {
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      if (dx > 0.5 * Math.min(a.size, b.size) && Math.abs(a.y - b.y) < 0.6 * Math.min(a.size, b.size)) return true;
    }
  return false;
}

/**
 * A PDF writer may put the text of several cells in one run ("0 0 0 2" across four cells): the run
 * is cut at its spaces, each piece placed by where its characters stand (a CJK character is about
 * as wide as the font is high, a digit or a Latin letter half that).
 */
function pieces(it: TextItem): Piece[] {
  if (!/\S\s+\S/.test(it.str)) return [{ ...it, whole: it }];
  const chars = [...it.str];
  // Glyphs by the font size (a CJK character one em, a digit half); the spaces share what is left.
  let widths = chars.map((ch) => (/\s/.test(ch) ? 0 : /[\u0000-\u00ff]/.test(ch) ? 0.5 * it.size : it.size));
  const glyphs = widths.reduce((a, b) => a + b, 0);
  const spaces = chars.filter((ch) => /\s/.test(ch)).length;
  if (glyphs <= it.w) widths = chars.map((ch, i) => (/\s/.test(ch) ? (it.w - glyphs) / spaces : widths[i]));
  else widths = chars.map((ch) => (it.w / chars.length) * (/[\u0000-\u00ff]/.test(ch) ? 1 : 2) / ((chars.filter((c) => /[\u0000-\u00ff]/.test(c)).length + 2 * chars.filter((c) => !/[\u0000-\u00ff]/.test(c)).length) / chars.length));
  const out: Piece[] = [];
  let x = it.x;
  let i = 0;
  for (const m of it.str.matchAll(/(\s*)(\S+)/g)) {
    for (const _ of m[1]) x += widths[i++];
    const from = x;
    for (const _ of m[2]) x += widths[i++];
    out.push({ str: m[2], x: from, y: it.y, w: x - from, size: it.size, whole: it });
  }
  return out;
}

/** A cell's text: its lines top to bottom, each left to right; wrapped lines are one text. */
function cellText(items: TextItem[]): string {
  const lines: TextItem[][] = [];
  for (const it of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= 0.5 * Math.max(line[0].size, it.size)) line.push(it);
    else lines.push([it]);
  }
  // Pieces apart on a line keep a space between them: two numbers in one cell must not become one.
  const joined = (l: TextItem[]) => {
    let out = '';
    let end = -Infinity;
    for (const it of l.sort((a, b) => a.x - b.x)) {
      out += out && it.x - end > 0.2 * it.size ? ` ${it.str}` : it.str;
      end = it.x + it.w;
    }
    return out.trim();
  };
  return lines.map(joined).filter(Boolean).join('\n');
}
