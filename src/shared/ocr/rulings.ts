// The ruling lines of a page image, as the segments a PDF would draw (points from the top-left
// corner), so that one grid reader (doc/grid.ts) reads tables from both. A rule is a long, thin
// run of ink; a character's stroke is short, a bold heading or a filled box is thick.
import type { Segment } from '../doc/grid.ts';

interface Run {
  at: number;
  from: number;
  to: number;
}

/**
 * `ink`: 1 for ink (binarize), `width` × `height` pixels at `dpi`.
 * Rules shorter than `minPoints` (a quarter inch by default) are no rules.
 */
export function findRulings(ink: Uint8Array, width: number, height: number, dpi: number, minPoints = 18, faint?: Uint8Array): Segment[] {
  const found = straightRuns(ink, width, height, dpi, minPoints);
  const px = dpi / 72;
  const done = faint ? [...found, ...completing(found, straightRuns(faint, width, height, dpi, minPoints))] : found;
  // A faint rule fades where it meets a dark one: the ink's threshold follows the neighbourhood,
  // which the dark rule darkens (binarize's window). Its end within that reach of a crossing rule
  // is carried on to it, so that the cells between are closed.
  const reach = (1.5 * Math.max(8, Math.round(dpi / 5))) / px;
  const hs = done.filter((s) => s.y0 === s.y1);
  const vs = done.filter((s) => s.x0 === s.x1);
  // A column's rule that stops short of a spanning header is a merged cell, not a fade: it ends on
  // that header's rule. But a seal pressed over a rule (its ring, its over-inked star) takes a few
  // points out of it, shorter than any row: the pieces are joined, and an end left that near a
  // crossing rule (not on one) is carried on to it.
  const mend = 9;
  const rows = hs.map((h) => reachOut(h, vs, reach, true));
  return [...rows, ...bridged(vs, mend).map((v) => reachOut(v, rows, mend, false))];
}

/** Collinear vertical pieces less than `gap` points apart, one rule. */
function bridged(vs: Segment[], gap: number): Segment[] {
  const out: Segment[] = [];
  for (const v of [...vs].sort((a, b) => a.y0 - b.y0)) {
    const last = out.findLast((o) => Math.abs(o.x0 - v.x0) <= 1.5 && v.y0 <= o.y1 + gap);
    if (last && Math.min(last.y1 - last.y0, v.y1 - v.y0) >= 2 * gap) last.y1 = Math.max(last.y1, v.y1);
    else out.push({ ...v });
  }
  return out;
}

/**
 * Rules found only in the faint ink (inkAgainstPaper) that close a table's cells: a horizontal one
 * running from one vertical rule to another where no rule was found along all its length. Text in a cell stands off its rules, so a line of text is no such run.
 */
function completing(found: Segment[], faint: Segment[]): Segment[] {
  const out: Segment[] = [];
  const hs = found.filter((s) => s.y0 === s.y1);
  const vs = found.filter((s) => s.x0 === s.x1);
  // The rules a run must end on may be faint themselves (a table's faded border), if long: a
  // character's stroke, fattened by this ink, is no border.
  const long = 54;
  const vsAll = [...vs, ...faint.filter((s) => s.x0 === s.x1 && Math.abs(s.y1 - s.y0) >= long)];
  const near = 2.5;
  const meets = (pos: number, at: number, across: Segment[], horizontal: boolean) =>
    across.some((o) => (horizontal ? Math.abs(o.x0 - pos) <= near && at >= Math.min(o.y0, o.y1) - near && at <= Math.max(o.y0, o.y1) + near : Math.abs(o.y0 - pos) <= near && at >= Math.min(o.x0, o.x1) - near && at <= Math.max(o.x0, o.x1) + near));
  const known = (s: Segment, same: Segment[], horizontal: boolean) =>
    same.some((o) => {
      if (horizontal ? Math.abs(o.y0 - s.y0) > near : Math.abs(o.x0 - s.x0) > near) return false;
      const [a, b] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
      const [c, d] = horizontal ? [o.x0, o.x1] : [o.y0, o.y1];
      return Math.min(b, d) - Math.max(a, c) >= b - a - 2 * near;
    });
  // Only rows are completed: in this fattened ink a character's vertical strokes reach from a
  // tight row's rule to the next, and a lost row rule is what a faded table loses first.
  for (const s of faint) {
    if (s.y0 !== s.y1 || s.x1 - s.x0 < long / 1.5) continue;
    if (meets(s.x0, s.y0, vsAll, true) && meets(s.x1, s.y0, vsAll, true) && !known(s, hs, true)) out.push(s);
  }
  return out;
}

function straightRuns(ink: Uint8Array, width: number, height: number, dpi: number, minPoints: number): Segment[] {
  const px = dpi / 72;
  const minLen = Math.round(minPoints * px);
  // A scanned hairline is broken by a pixel or two; a rule's thickness stays under about 1/25 inch.
  const gap = Math.max(2, Math.round(dpi / 100));
  const thick = Math.max(4, Math.round(dpi / 25));
  const pt = (v: number) => Math.round((v / px) * 100) / 100;
  const horizontal = group(runs(ink, width, height, true, minLen, gap), thick, gap * 3).map(
    (g): Segment => ({ x0: pt(g.from), y0: pt(g.at), x1: pt(g.to), y1: pt(g.at) }),
  );
  const vertical = group(runs(ink, width, height, false, minLen, gap), thick, gap * 3).map(
    (g): Segment => ({ x0: pt(g.at), y0: pt(g.from), x1: pt(g.at), y1: pt(g.to) }),
  );
  return [...horizontal, ...vertical];
}

/** A rule's ends carried on to the nearest crossing rule beyond each within `reach` points. */
function reachOut(s: Segment, across: Segment[], reach: number, horizontal: boolean): Segment {
  const at = horizontal ? s.y0 : s.x0;
  const [from, to] = horizontal ? [Math.min(s.x0, s.x1), Math.max(s.x0, s.x1)] : [Math.min(s.y0, s.y1), Math.max(s.y0, s.y1)];
  // A short run (a line of text's strokes) is carried nowhere: only a rule fades at its ends.
  if (to - from < 2 * reach) return s;
  let lo = from;
  let hi = to;
  // An end already on a crossing rule (or a hair past it) stays: it is where the rule ends.
  const ends = across.filter((o) => {
    const [a, b] = horizontal ? [Math.min(o.y0, o.y1), Math.max(o.y0, o.y1)] : [Math.min(o.x0, o.x1), Math.max(o.x0, o.x1)];
    return at >= a - 2 && at <= b + 2;
  }).map((o) => (horizontal ? o.x0 : o.y0));
  const onFrom = ends.some((p) => Math.abs(p - from) <= 2.5);
  const onTo = ends.some((p) => Math.abs(p - to) <= 2.5);
  for (const o of across) {
    const pos = horizontal ? o.x0 : o.y0;
    const [a, b] = horizontal ? [Math.min(o.y0, o.y1), Math.max(o.y0, o.y1)] : [Math.min(o.x0, o.x1), Math.max(o.x0, o.x1)];
    if (at < a - 2 || at > b + 2) continue;
    if (pos < from && from - pos <= reach && pos < lo) lo = pos;
    if (pos > to && pos - to <= reach && pos > hi) hi = pos;
  }
  // The nearest crossing rule, not the farthest within reach.
  for (const o of across) {
    const pos = horizontal ? o.x0 : o.y0;
    const [a, b] = horizontal ? [Math.min(o.y0, o.y1), Math.max(o.y0, o.y1)] : [Math.min(o.x0, o.x1), Math.max(o.x0, o.x1)];
    if (at < a - 2 || at > b + 2) continue;
    if (pos < from && pos > lo) lo = pos;
    if (pos > to && pos < hi) hi = pos;
  }
  if (onFrom) lo = from;
  if (onTo) hi = to;
  return horizontal ? { x0: lo, y0: at, x1: hi, y1: at } : { x0: at, y0: lo, x1: at, y1: hi };
}

/** Long runs of ink along each row (or column), bridging gaps of up to `gap` pixels. */
function runs(ink: Uint8Array, width: number, height: number, rows: boolean, minLen: number, gap: number): Run[] {
  const out: Run[] = [];
  const lines = rows ? height : width;
  const len = rows ? width : height;
  for (let a = 0; a < lines; a++) {
    let start = -1;
    let last = -1;
    for (let b = 0; b <= len; b++) {
      const on = b < len && ink[rows ? a * width + b : b * width + a] === 1;
      if (on) {
        if (start < 0 || b - last > gap + 1) {
          if (start >= 0 && last - start + 1 >= minLen) out.push({ at: a, from: start, to: last + 1 });
          start = b;
        }
        last = b;
      }
    }
    if (start >= 0 && last - start + 1 >= minLen) out.push({ at: a, from: start, to: last + 1 });
  }
  return out;
}

/**
 * Runs on neighbouring rows that overlap are one rule (a rule is several pixels thick, and a rule
 * left slightly skewed steps from row to row). Groups thicker than `thick` are ink masses, not rules.
 */
function group(rs: Run[], thick: number, join: number): Run[] {
  const groups: { first: number; last: number; from: number; to: number; sum: number; n: number }[] = [];
  const open: typeof groups = [];
  for (const r of rs) {
    // Groups that ended more than a row above cannot take this run.
    for (let i = open.length - 1; i >= 0; i--) if (open[i].last < r.at - 1) open.splice(i, 1);
    const g = open.find((o) => r.from <= o.to + join && r.to >= o.from - join);
    if (g) {
      g.last = r.at;
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
      g.sum += r.at * (r.to - r.from);
      g.n += r.to - r.from;
    } else {
      const ng = { first: r.at, last: r.at, from: r.from, to: r.to, sum: r.at * (r.to - r.from), n: r.to - r.from };
      groups.push(ng);
      open.push(ng);
    }
  }
  return groups
    .filter((g) => {
      const len = g.to - g.from;
      // A slightly skewed long rule spans a few more rows than its thickness.
      return g.last - g.first + 1 <= thick + Math.ceil(len * 0.005);
    })
    .map((g) => ({ at: g.sum / g.n, from: g.from, to: g.to }));
}
