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
