// Which rows of a Word or web table to show for a finding's cells (the check sheet, the 审核意见):
// each cell's row with one row above and below, the table's first row (its header) for the
// columns' names, and no more than MOST rows; null stands for rows left out (shown as …). A
// column rule's cells reach down a whole table; its rows are shown around the first cells.

const MOST = 10;

export function rowsAround(cellRows: number[], total: number, around = 1): (number | null)[] {
  const keep = new Set<number>([0]);
  for (const r of [...new Set(cellRows)].sort((a, b) => a - b)) {
    const add = [r - around, r, r + around].filter((x) => x >= 0 && x < total && !keep.has(x));
    if (keep.size + add.length > MOST) break;
    for (const x of add) keep.add(x);
  }
  const rows = [...keep].sort((a, b) => a - b);
  return rows.flatMap((r, i) => (i > 0 && r !== rows[i - 1] + 1 ? [null, r] : [r]));
}

export interface SpanCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** A cell as drawn in the rows shown: `at` its row and index in the original table, null for the part of a merged cell whose text stands in a row left out. */
export interface ShownCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  at: { row: number; index: number } | null;
}

/**
 * The rows `shown` (rowsAround) of a table whose cells span rows and columns, each cell where it
 * stands: a merged cell reaching into a row left out is cut at the gap, and one whose text is in
 * a row left out is drawn empty, so no number sits under another column's name.
 */
export function sliceTable(rows: SpanCell[][], shown: (number | null)[]): (ShownCell[] | null)[] {
  // Who holds each place of the grid: the cell's row, its index in the row, and its first column.
  type Owner = { row: number; index: number; col: number; cell: SpanCell };
  const owner: Owner[][] = rows.map(() => []);
  rows.forEach((r, i) => {
    let c = 0;
    r.forEach((cell, index) => {
      while (owner[i][c]) c++;
      for (let y = i; y < Math.min(rows.length, i + Math.max(1, cell.rowSpan)); y++) for (let x = c; x < c + Math.max(1, cell.colSpan); x++) owner[y][x] = { row: i, index, col: c, cell };
      c += Math.max(1, cell.colSpan);
    });
  });
  const width = Math.max(0, ...owner.map((o) => o.length));
  return shown.map((r, k) => {
    if (r === null) return null;
    // The run of consecutive rows shown from this one on: a merged cell is cut where it ends.
    const runStart = k === 0 || shown[k - 1] === null;
    let run = 1;
    while (shown[k + run] === r + run) run++;
    const out: ShownCell[] = [];
    for (let c = 0; c < width; c++) {
      const o: Owner | undefined = owner[r][c];
      if (!o) {
        out.push({ text: '', colSpan: 1, rowSpan: 1, at: null });
        continue;
      }
      if (c !== o.col) continue;
      const begins = o.row === r;
      // Covered by a cell drawn in an earlier row of the same run.
      if (!begins && !runStart) continue;
      const rowSpan = Math.min(run, o.row + Math.max(1, o.cell.rowSpan) - r);
      out.push({ text: begins ? o.cell.text : '', colSpan: Math.max(1, o.cell.colSpan), rowSpan, at: begins ? { row: o.row, index: o.index } : null });
    }
    return out;
  });
}
