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
