// The part of a page a disputed cell is shown in (the check sheet, the 审核意见): the cells'
// rows and a couple of rows above and below, so the row's label and the table's neighbouring
// numbers are in sight. Pure geometry in points from the page's top-left; the page's ink
// decides the width (cropInk).
import type { Box } from '../shared/report/model.ts';

/** Rows of the table shown above and below the named cells. */
const AROUND = 2;
/** Never more than this share of the page's height: a column rule's cells reach down a whole table. */
const MOST = 0.55;
const PAD = 4;

/**
 * The band [top, bottom] of the page to show for `named` cells: from two rows above the first
 * to two rows below the last, rows as the other cells of the same table on the page stand
 * (`rows`); without them, two of the cells' own heights.
 */
export function cropBand(named: Box[], rows: Box[], pageHeight: number): [number, number] {
  const top = Math.min(...named.map((b) => b[1]));
  const bottom = Math.max(...named.map((b) => b[3]));
  const h = Math.max(8, ...named.map((b) => b[3] - b[1]));
  // One interval per row of the table (cells of a row share their top, to a point).
  const tops = [...new Map(rows.map((b) => [Math.round(b[1]), b] as const)).values()].sort((a, b) => a[1] - b[1]);
  const above = tops.filter((b) => b[3] <= top + 1).slice(-AROUND);
  const below = tops.filter((b) => b[1] >= bottom - 1).slice(0, AROUND);
  let y0 = above.length === AROUND ? above[0][1] : Math.min(above[0]?.[1] ?? top, top - AROUND * h);
  let y1 = below.length === AROUND ? below[AROUND - 1][3] : Math.max(below[below.length - 1]?.[3] ?? bottom, bottom + AROUND * h);
  y0 = Math.max(0, y0 - PAD);
  y1 = Math.min(pageHeight, y1 + PAD);
  // Too tall (a column's sum): the band around the first cell, as tall as allowed.
  const most = pageHeight * MOST;
  if (y1 - y0 > most) {
    y0 = Math.max(0, named[0][1] - most / 3);
    y1 = Math.min(pageHeight, y0 + most);
  }
  return [y0, y1];
}

/**
 * The columns [left, right), in pixels, holding ink in the band of a page drawn as RGBA
 * (`data` of `width` pixels a row, rows `y0`..`y1`): the table's width and its labels, the
 * page's empty margins left out. `keep` (pixels) stays inside whatever the ink.
 */
export function cropInk(data: Uint8ClampedArray, width: number, y0: number, y1: number, keep: [number, number], pad: number): [number, number] {
  let left = keep[0];
  let right = keep[1];
  for (let y = y0; y < y1; y++) {
    const row = y * width * 4;
    for (let x = 0; x < left; x++) {
      const i = row + x * 4;
      if (data[i] + data[i + 1] + data[i + 2] < 600) {
        left = x;
        break;
      }
    }
    for (let x = width - 1; x >= right; x--) {
      const i = row + x * 4;
      if (data[i] + data[i + 1] + data[i + 2] < 600) {
        right = x + 1;
        break;
      }
    }
  }
  return [Math.max(0, left - pad), Math.min(width, right + pad)];
}

/**
 * Rows (pixels, from `y0`) of a page drawn as RGBA that are a table's horizontal rule: dark
 * across at least a quarter of the page's width. A band cut on a rule shows whole rows, not
 * half a line of text.
 */
export function ruleRows(data: Uint8ClampedArray, width: number, y0: number, y1: number): number[] {
  const rules: number[] = [];
  for (let y = y0; y < y1; y++) {
    let dark = 0;
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      const i = row + x * 4;
      if (data[i] + data[i + 1] + data[i + 2] < 450) dark++;
    }
    if (dark > width / 4) rules.push(y);
  }
  return rules;
}

/** The rule nearest `at` between `lo` and `hi` (pixels), or `at` when there is none. */
export function nearestRule(rules: number[], at: number, lo: number, hi: number): number {
  let best = at;
  for (const r of rules) if (r >= lo && r <= hi && (best === at || Math.abs(r - at) < Math.abs(best - at))) best = r;
  return best;
}

/** The first and last row (pixels) between y0 and y1 of a page drawn as RGBA holding ink, or null for a blank band. */
export function inkRows(data: Uint8ClampedArray, width: number, y0: number, y1: number): [number, number] | null {
  const inked = (y: number) => {
    for (let x = 0, i = y * width * 4; x < width; x++, i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) return true;
    return false;
  };
  let first = y0;
  while (first < y1 && !inked(first)) first++;
  if (first === y1) return null;
  let last = y1 - 1;
  while (last > first && !inked(last)) last--;
  return [first, last];
}

/** A page drawn as RGBA, `scale` pixels a point. */
export interface Raster {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  scale: number;
}

/**
 * The crop [x0, y0, x1, y1] in pixels of a drawn page showing the `named` cells: cropBand's rows,
 * its edges moved onto the table's rules near them (whole rows, not half a line of text), a blank
 * top or foot of the page left out, as wide as the ink (the table with its labels).
 */
export function cropRect(page: Raster, named: Box[], rows: Box[]): [number, number, number, number] {
  const { data, width, height, scale: S } = page;
  const [b0, b1] = cropBand(named, rows, height / S);
  const row = Math.max(...named.map((b) => b[3] - b[1])) * S;
  const top = Math.floor(Math.min(...named.map((b) => b[1])) * S);
  const bottom = Math.ceil(Math.max(...named.map((b) => b[3])) * S);
  const near = (at: number, lo: number, hi: number) => {
    const from = Math.max(0, Math.floor(lo));
    const to = Math.min(height, Math.ceil(hi));
    return to <= from ? at : nearestRule(ruleRows(data, width, from, to), at, from, to);
  };
  // Within a row of the band's edges, never into the cells and their outline.
  let y0 = Math.max(0, Math.floor(near(b0 * S, b0 * S - row, Math.min(top - 3 * S, b0 * S + row))) - 2);
  let y1 = Math.min(height, Math.ceil(near(b1 * S, Math.max(bottom + 3 * S, b1 * S - row), b1 * S + row)) + 3);
  const inked = inkRows(data, width, y0, y1);
  if (inked) {
    const pad = Math.round(6 * S);
    y0 = Math.max(0, Math.min(Math.max(y0, inked[0] - pad), Math.floor(top - 3 * S)));
    y1 = Math.min(height, Math.max(Math.min(y1, inked[1] + pad), Math.ceil(bottom + 3 * S)));
  }
  const keep: [number, number] = [Math.floor(Math.min(...named.map((b) => b[0])) * S), Math.ceil(Math.max(...named.map((b) => b[2])) * S)];
  const [x0, x1] = cropInk(data, width, y0, y1, keep, Math.round(8 * S));
  return [x0, y0, x1, y1];
}
