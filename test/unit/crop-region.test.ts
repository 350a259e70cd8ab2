// Where a disputed cell's crop is cut (renderer/crop-region.ts), on a page drawn as pixels: a
// ruled table of ten rows with a label column, 2 pixels a point. The crop shows the cell's row
// and two rows above and below it, cut on the table's rules, as wide as the table's ink; a table
// at the top of a page leaves the blank above out; a column's cells never make it taller than
// about half the page.
import { describe, expect, it } from 'vitest';
import { cropBand, cropRect, type Raster } from '../../src/renderer/crop-region.ts';
import type { Box } from '../../src/shared/report/model.ts';
import { rowsAround, sliceTable } from '../../src/shared/original-rows.ts';

const S = 2;
const PAGE = { w: 595, h: 842 };
/** The table: left 60 pt, right 540 pt, rows of 20 pt from `top`, the label column to 200 pt, numbers in 6 columns after it. */
function page(top: number) {
  const width = PAGE.w * S;
  const height = PAGE.h * S;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.round(y0 * S); y < Math.round(y1 * S); y++) for (let x = Math.round(x0 * S); x < Math.round(x1 * S); x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
  };
  const cols = [60, 200, 260, 320, 380, 440, 500, 540];
  const cells: Box[] = [];
  for (let r = 0; r <= 10; r++) ink(60, top + r * 20, 540.5, top + r * 20 + 0.5);
  for (const x of cols) ink(x, top, x + 0.5, top + 200);
  for (let r = 0; r < 10; r++) {
    ink(70, top + r * 20 + 6, 150, top + r * 20 + 14); // the label
    for (let c = 1; c < cols.length - 1; c++) {
      ink(cols[c] + 20, top + r * 20 + 6, cols[c] + 26, top + r * 20 + 14); // a digit
      cells.push([cols[c], top + r * 20, cols[c + 1], top + r * 20 + 20]);
    }
  }
  const raster: Raster = { data, width, height, scale: S };
  return { raster, cells, rowTop: (r: number) => top + r * 20 };
}

describe('the crop of a disputed cell', () => {
  it('shows its row, two rows above and two below, cut on the rules, as wide as the table', () => {
    const { raster, cells, rowTop } = page(300);
    const cell = cells[5 * 6 + 2]; // row 5, third number
    const [x0, y0, x1, y1] = cropRect(raster, [cell], cells);
    expect(Math.abs(y0 - rowTop(3) * S)).toBeLessThanOrEqual(3);
    expect(Math.abs(y1 - rowTop(8) * S)).toBeLessThanOrEqual(4);
    // The label column and the table's right rule are in, the page's margins out (8 pt of padding).
    expect(x0).toBe((60 - 8) * S);
    expect(x1).toBe(Math.round(540.5 * S) + 8 * S);
  });

  it('leaves out the blank top of a page when the table starts it', () => {
    const { raster, cells } = page(0);
    const [, y0, , y1] = cropRect(raster, [cells[2]], cells);
    expect(y0).toBe(0);
    expect(y1).toBeLessThanOrEqual(60 * S + 4);
  });

  it('skips the page’s empty space above a table lower down', () => {
    const { raster, cells, rowTop } = page(500);
    // The first row has no rows above: the band reaches up two rows' height, then shrinks to the ink.
    const [, y0] = cropRect(raster, [cells[0]], cells);
    expect(y0).toBeGreaterThanOrEqual((rowTop(0) - 6) * S - 3);
    expect(y0).toBeLessThan(rowTop(0) * S);
  });

  it('keeps a column rule’s band to about half the page', () => {
    const { cells } = page(100);
    const column = cells.filter((_, i) => i % 6 === 0);
    const tall = [column[0], ...column, [200, 100, 260, 800] as Box];
    const [y0, y1] = cropBand(tall, cells, PAGE.h);
    expect(y1 - y0).toBeLessThanOrEqual(PAGE.h * 0.55 + 0.01);
    expect(y0).toBeLessThanOrEqual(100);
  });
});

describe('the rows of a Word table shown for a finding', () => {
  it('shows the header, each cell’s row with one above and below, and … for what is left out', () => {
    expect(rowsAround([5], 20)).toEqual([0, null, 4, 5, 6]);
    expect(rowsAround([1], 20)).toEqual([0, 1, 2]);
    expect(rowsAround([3, 12], 13)).toEqual([0, null, 2, 3, 4, null, 11, 12]);
  });

  it('keeps a column rule’s fifteen rows to ten around its first cells', () => {
    const rows = rowsAround([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18], 20);
    expect(rows.filter((r) => r !== null).length).toBeLessThanOrEqual(10);
    expect(rows.slice(0, 3)).toEqual([0, null, 3]);
  });
});

describe('the rows shown of a table with merged cells', () => {
  const c = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });
  // 表三's head: a label over two rows, 申请人情况 over three columns, then 自然人 over two rows beside 法人 over two columns.
  const rows = [
    [c('（本列数据的勾稽关系…）', 1, 3), c('申请人情况', 3)],
    [c('自然人', 1, 2), c('法人或其他组织', 2)],
    [c('商业企业'), c('科研机构')],
    [c('一、本年新收'), c('1'), c('0'), c('0')],
    [c('二、上年结转'), c('0'), c('0'), c('0')],
  ];

  it('keeps each number under its own column when the head’s merged cells start in a row left out', () => {
    const shown = sliceTable(rows, [0, null, 2, 3, 4]);
    expect(shown[1]).toBeNull();
    // Row 2: the label column and 自然人 are held by cells of rows above: drawn empty, then 商业企业 and 科研机构.
    expect(shown[2]!.map((x) => x.text)).toEqual(['', '', '商业企业', '科研机构']);
    expect(shown[3]!.map((x) => [x.text, x.at])).toEqual([
      ['一、本年新收', { row: 3, index: 0 }],
      ['1', { row: 3, index: 1 }],
      ['0', { row: 3, index: 2 }],
      ['0', { row: 3, index: 3 }],
    ]);
  });

  it('cuts a merged cell at the rows left out', () => {
    const shown = sliceTable(rows, [0, 1, null, 4]);
    expect(shown[0]![0]).toMatchObject({ text: '（本列数据的勾稽关系…）', rowSpan: 2 });
    expect(shown[1]!.map((x) => x.text)).toEqual(['自然人', '法人或其他组织']);
    expect(shown[1]![0].rowSpan).toBe(1);
  });
});
