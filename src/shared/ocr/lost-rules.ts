// Rules a scan lost, rebuilt from the text between them. A 1-bit scan's thresholding drops a thin
// rule wherever it fell between pixels: a table keeps its frame and pieces of its rules, and its
// cells run together (one cell holding a column's numbers of several rows). The rows are put back
// from the text: a row is a band of text aligned across the columns (a wrapped label and its
// centred numbers are one band), so a row rule is drawn in each blank gap between bands; a column
// rule, seen anywhere in the table or lost all along (a blank stretch most rows share), is drawn
// through each row where no text crosses it and both its sides hold text, so a header spanning
// columns stays whole. The reader calls it only for a table whose cells held several rows' numbers.
import type { Segment } from '../doc/grid.ts';
import type { Box } from '../report/model.ts';

/**
 * The segments (points) to add inside the table `box` (points), whose rules the scan lost.
 * `ink`: 1 for ink, `width` pixels wide, at `dpi`; `rules`: the page's rules found.
 */
export function lostRules(ink: Uint8Array, width: number, dpi: number, table: Box, rules: Segment[]): Segment[] {
  // The table reaches as far as its column rules do: its last rows may have lost the rule under them too.
  const down = rules.filter((s) => s.x0 === s.x1 && s.x0 >= table[0] - 2 && s.x0 <= table[2] + 2 && Math.max(s.y0, s.y1) > table[1] && Math.min(s.y0, s.y1) < table[3]);
  const box: Box = [table[0], Math.min(table[1], ...down.map((s) => Math.min(s.y0, s.y1))), table[2], Math.max(table[3], ...down.map((s) => Math.max(s.y0, s.y1)))];
  const px = dpi / 72;
  const inset = Math.max(2, Math.round(dpi / 50));
  const X0 = Math.round(box[0] * px) + inset;
  const X1 = Math.round(box[2] * px) - inset;
  const Y0 = Math.round(box[1] * px) + inset;
  const Y1 = Math.round(box[3] * px) - inset;
  if (X1 - X0 < 10 || Y1 - Y0 < 10) return [];
  const w = X1 - X0;
  const text = textInk(ink, width, X0, Y0, X1, Y1, dpi);
  const inkIn = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = Math.max(Y0, y0); y < Math.min(Y1, y1); y++) for (let x = Math.max(X0, x0); x < Math.min(X1, x1); x++) if (text[(y - Y0) * w + x - X0]) return true;
    return false;
  };
  const inBox = (s: Segment) => Math.max(s.x0, s.x1) > box[0] - 2 && Math.min(s.x0, s.x1) < box[2] + 2 && Math.max(s.y0, s.y1) > box[1] - 2 && Math.min(s.y0, s.y1) < box[3] + 2;
  const hs = rules.filter((s) => s.y0 === s.y1 && inBox(s));
  const vs = rules.filter((s) => s.x0 === s.x1 && inBox(s));
  const out: Segment[] = [];
  // Strips between the column rules seen (pixels): a label spanning rows (予公开) fills its own
  // strip only, so a row's gap is a line blank in most of the width, not all of it.
  const known: number[] = [];
  for (const s of [...vs].sort((a, b) => a.x0 - b.x0)) if (s.x0 > box[0] + 2 && s.x0 < box[2] - 2 && !known.some((x) => Math.abs(x - s.x0) <= 2)) known.push(s.x0);
  const strips = [box[0], ...known, box[2]].map((x) => Math.round(x * px)).map((x, i, a) => [i ? x + inset : X0, i + 1 < a.length ? a[i + 1] - inset : X1] as const).slice(0, -1);
  const blankIn = (y: number) => strips.map(([a, b]) => !inkIn(a, b, y, y + 1));
  const join = Math.max(2, Math.round(dpi / 60));
  const gaps: [number, number][] = [];
  let start = -1;
  let seenInk = false;
  for (let y = Y0; y <= Y1; y++) {
    const blank = y < Y1 && blankIn(y).reduce((n, b, i) => n + (b ? strips[i][1] - strips[i][0] : 0), 0) >= 0.6 * w;
    if (blank && start < 0) start = y;
    if (!blank) {
      // A gap between text (not the table's blank top or bottom), taller than a character's own (二, 三).
      if (start >= 0 && seenInk && y - start > join) gaps.push([start, y]);
      start = -1;
      seenInk = y < Y1;
    }
  }
  // A sliver of ink between two gaps (what is left of a broken rule, thinner than any character) is no row: the gaps are one.
  const minRows = Math.max(3, Math.round(dpi / 20));
  for (let i = gaps.length - 1; i > 0; i--)
    if (gaps[i][0] - gaps[i - 1][1] < minRows) {
      gaps[i - 1][1] = gaps[i][1];
      gaps.splice(i, 1);
    }
  // Row rules: in each gap, across the strips blank all through it and not ruled there already.
  const edges = [box[1]];
  for (const [a, b] of gaps) {
    const top = a / px;
    const bottom = b / px;
    const there = hs.filter((s) => s.y0 >= top - 1 && s.y0 <= bottom + 1);
    const y = there.length ? there.reduce((l, s) => (s.x1 - s.x0 > l.x1 - l.x0 ? s : l)).y0 : Math.round(((top + bottom) / 2) * 100) / 100;
    edges.push(y);
    for (const [sa, sb] of strips) {
      // A label spanning rows crosses the gap in its strip; a broken rule's sliver leaves a blank line beside it.
      let open = false;
      for (let y = a; y < b && !open; y++) open = !inkIn(sa, sb, y, y + 1);
      if (!open) continue;
      const [l, r] = [(sa - inset) / px, (sb + inset) / px];
      if (there.some((s) => s.x0 <= l + 2 && s.x1 >= r - 2)) continue;
      out.push({ x0: Math.round(l * 100) / 100, y0: y, x1: Math.round(r * 100) / 100, y1: y });
    }
  }
  edges.push(box[3]);
  const rows = edges.slice(1).map((b, i) => [Math.round(edges[i] * px) + inset, Math.round(b * px) - inset] as const).filter(([a, b]) => b > a && inkIn(X0, X1, a, b));
  // Column rules lost all along: where most rows have text either side and none across; in a
  // stretch blank in that many rows, the place blank in the most (a long label narrows its row's gap).
  const found: number[] = [];
  const minWide = Math.max(4, Math.round(dpi / 20));
  const open = new Array<number>(w).fill(0);
  for (const [a, b] of rows) {
    const col = new Uint8Array(w);
    for (let y = a; y < b; y++) for (let x = 0; x < w; x++) if (text[(y - Y0) * w + x]) col[x] = 1;
    const first = col.indexOf(1);
    const last = col.lastIndexOf(1);
    for (let x = first + 1; x < last; x++) if (!col[x]) open[x]++;
  }
  const enough = 0.5 * rows.length;
  for (let x = 0, run = -1; x <= w; x++) {
    const on = x < w && open[x] >= enough;
    if (on && run < 0) run = x;
    if (!on && run >= 0) {
      if (x - run >= minWide && !known.some((k) => k * px >= run + X0 - 2 && k * px <= x + X0 + 2)) {
        const most = Math.max(...open.slice(run, x));
        let best = [run, run];
        for (let i = run, j = -1; i <= x; i++) {
          const top = i < x && open[i] === most;
          if (top && j < 0) j = i;
          if (!top && j >= 0) {
            if (i - j > best[1] - best[0]) best = [j, i];
            j = -1;
          }
        }
        found.push(((best[0] + best[1]) / 2 + X0) / px);
      }
      run = -1;
    }
  }
  const cols = [box[0], ...[...known, ...found].sort((a, b) => a - b), box[2]];
  const hair = Math.max(1, Math.round(dpi / 100));
  for (let i = 1; i < cols.length - 1; i++) {
    const x = cols[i];
    const xp = Math.round(x * px);
    for (let r = 0; r + 1 < edges.length; r++) {
      const [top, bottom] = [edges[r], edges[r + 1]];
      const yt = Math.round(top * px) + inset;
      const yb = Math.round(bottom * px) - inset;
      if (yb <= yt) continue;
      const has = vs.filter((s) => Math.abs(s.x0 - x) <= 2).reduce((n, s) => n + Math.max(0, Math.min(Math.max(s.y0, s.y1), bottom) - Math.max(Math.min(s.y0, s.y1), top)), 0);
      if (has >= 0.8 * (bottom - top)) continue;
      // A row's cell is split only where no text crosses and text stands on both sides (a header spanning columns stays whole).
      if (inkIn(xp - hair, xp + hair + 1, yt, yb)) continue;
      if (!inkIn(Math.round(cols[i - 1] * px) + inset, xp - hair, yt, yb) || !inkIn(xp + hair + 1, Math.round(cols[i + 1] * px) - inset, yt, yb)) continue;
      out.push({ x0: Math.round(x * 100) / 100, y0: top, x1: Math.round(x * 100) / 100, y1: bottom });
    }
  }
  return out;
}

/**
 * The ink of text alone inside a pixel box: runs longer than a character (a quarter inch), across
 * or down, are rules or their pieces and are left out.
 */
function textInk(ink: Uint8Array, width: number, X0: number, Y0: number, X1: number, Y1: number, dpi: number): Uint8Array {
  const w = X1 - X0;
  const h = Y1 - Y0;
  // A character's stroke across is shorter than a quarter inch; down, than a line of 14 pt (a
  // broken column rule leaves pieces a row high, which must not join the rows).
  const long = Math.round(dpi / 4);
  const tall = Math.round(dpi / 5);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = ink[(y + Y0) * width + x + X0];
  const clear = (horizontal: boolean) => {
    const kill: [number, number, number][] = [];
    for (let a = 0; a < (horizontal ? h : w); a++) {
      let start = -1;
      for (let b = 0; b <= (horizontal ? w : h); b++) {
        const on = b < (horizontal ? w : h) && ink[horizontal ? (a + Y0) * width + b + X0 : (b + Y0) * width + a + X0] === 1;
        if (on && start < 0) start = b;
        if (!on && start >= 0) {
          if (b - start >= (horizontal ? long : tall)) kill.push([a, start, b]);
          start = -1;
        }
      }
    }
    // Each run and a pixel either side (a rule's anti-aliased edge).
    for (const [a, from, to] of kill)
      for (let d = -1; d <= 1; d++) {
        const aa = a + d;
        if (aa < 0 || aa >= (horizontal ? h : w)) continue;
        for (let b = from; b < to; b++) out[horizontal ? aa * w + b : b * w + aa] = 0;
      }
  };
  clear(true);
  clear(false);
  return out;
}
