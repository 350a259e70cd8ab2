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
export function findRulings(ink: Uint8Array, width: number, height: number, dpi: number, minPoints = 18): Segment[] {
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
