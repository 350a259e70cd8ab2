// A file's cells as stored (schema 15): every cell with where it came from (at, alt, how,
// source) as one compressed value per report (`report_cells`), and beside it only what the
// indicator filters read, the numbers, one narrow row each (`cell_numbers`, keyed by a small
// number per table/row/column in `cell_keys`). Row by row with their origins, the cells took
// more room than the report's text; the numbers alone take a fraction of it, and zeros, most of
// them, are lists of reports (`cell_zeros`). Every write goes through here, so they never disagree.
import type { AltReading, Cell, CellOrigin } from '../../../shared/report/model.ts';
import { pack, unpack } from './packed.ts';
import { TABLE_TITLES } from '../../../shared/report/templates/index.ts';
import type { StatementSource } from './search.ts';

/** A cell as a file holds it: no correction's original, no copy's file number (those are the archive's, added on reading). */
export type StoredCell = Pick<Cell, 'table' | 'row' | 'col' | 'value' | 'source' | 'how' | 'at' | 'alt'>;

const keyOf = (c: Pick<Cell, 'table' | 'row' | 'col'>) => `${c.table}|${c.row}|${c.col}`;

/** The order rows of the old cells table came back in (its key: table, row, column), which readers and tests saw. */
const byKey = (a: StoredCell, b: StoredCell) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** Only what a stored cell holds, in a fixed shape: unit, how, at and alt when present. */
function stored(c: StoredCell): StoredCell {
  return {
    table: c.table,
    row: c.row,
    col: c.col,
    value: { kind: c.value.kind, num: c.value.num, raw: c.value.raw, ...(c.value.unit ? { unit: c.value.unit } : {}) },
    source: c.source,
    ...(c.how === 'inferred' || c.how === 'geometry' || c.how === 'ocr' ? { how: c.how } : {}),
    ...(c.at ? { at: c.at as CellOrigin } : {}),
    ...(c.alt?.length ? { alt: c.alt as AltReading[] } : {}),
  };
}

export const packCells = (cells: StoredCell[]): Buffer => pack(JSON.stringify(cells));
export const cellsIn = (packed: Buffer | Uint8Array): StoredCell[] => JSON.parse(unpack(packed)) as StoredCell[];

/** The cells one file holds, in table/row/column order. */
export function storedCells(db: StatementSource, id: number): StoredCell[] {
  const r = db.stmt('SELECT packed FROM report_cells WHERE report_id = ?').get(id) as { packed: Buffer } | undefined;
  return r ? cellsIn(r.packed) : [];
}

/** The small number standing for a table/row/column in cell_numbers (made on first use). */
function keyId(db: StatementSource, c: Pick<Cell, 'table' | 'row' | 'col'>): number {
  const found = db.stmt('SELECT id FROM cell_keys WHERE tbl = ? AND row = ? AND col = ?').get(c.table, c.row, c.col) as { id: number } | undefined;
  if (found) return found.id;
  return Number(db.stmt('INSERT INTO cell_keys (tbl, row, col) VALUES (?, ?, ?)').run(c.table, c.row, c.col).lastInsertRowid);
}

/** What an indicator filter finds: numbers only (a blank or a mark has no num). */
const isNumber = (c: StoredCell) => c.value.kind === 'number' && typeof c.value.num === 'number' && Number.isFinite(c.value.num);

/**
 * Reports per row of `cell_zeros` (schema 16): a cell's zeros are kept as lists of report ids,
 * one row per table/row/column and block of ZERO_BLOCK ids (the id's offset in its block, a JSON
 * array), not one cell_numbers row each. Most cells of tables 三 and 四 are 0: as rows they took
 * half of cell_numbers. A filter that 0 satisfies reads the lists too (search.ts filterIds).
 * Part of the stored format: another block size needs a migration.
 */
export const ZERO_BLOCK = 128;

/** The zeros' table (schema 16). Made by 0015 too: an upgrade across it writes cells with writeCells, as now. */
export const CELL_ZEROS_TABLE = `
  CREATE TABLE IF NOT EXISTS cell_zeros (
    key INTEGER NOT NULL,
    block INTEGER NOT NULL,
    ids TEXT NOT NULL,
    PRIMARY KEY (key, block)
  ) WITHOUT ROWID`;

function putNumber(db: StatementSource, key: number, num: number, id: number): void {
  if (num === 0)
    db.stmt(
      "INSERT INTO cell_zeros (key, block, ids) VALUES (?, ?, json_array(?)) ON CONFLICT (key, block) DO UPDATE SET ids = json_insert(ids, '$[#]', ?)",
    ).run(key, Math.floor(id / ZERO_BLOCK), id % ZERO_BLOCK, id % ZERO_BLOCK);
  else db.stmt('INSERT OR IGNORE INTO cell_numbers (key, num, report_id) VALUES (?, ?, ?)').run(key, num, id);
}

function dropNumber(db: StatementSource, key: number, num: number, id: number): void {
  if (num !== 0) {
    db.stmt('DELETE FROM cell_numbers WHERE key = ? AND num = ? AND report_id = ?').run(key, num, id);
    return;
  }
  const block = Math.floor(id / ZERO_BLOCK);
  db.stmt('UPDATE cell_zeros SET ids = (SELECT json_group_array(value) FROM json_each(cell_zeros.ids) WHERE value <> ?) WHERE key = ? AND block = ?').run(id % ZERO_BLOCK, key, block);
  db.stmt("DELETE FROM cell_zeros WHERE key = ? AND block = ? AND ids = '[]'").run(key, block);
}

/**
 * A file's cells replaced by `cells` (one of each table/row/column), packed and with
 * their numbers; none removes them. The numbers it had are removed by their exact keys, read from
 * the value being replaced: cell_numbers is keyed for the filters, not by report.
 */
export function writeCells(db: StatementSource, id: number, cells: StoredCell[]): void {
  for (const c of storedCells(db, id).filter(isNumber)) dropNumber(db, keyId(db, c), c.value.num!, id);
  // A cell read twice is a reader's fault: the file is refused whole, as the old table's key refused it.
  const seen = new Set<string>();
  for (const c of cells) {
    if (seen.has(keyOf(c))) throw new Error(`同一单元格读出两次：${TABLE_TITLES[c.table] ?? c.table} ${c.row} ${c.col}`);
    seen.add(keyOf(c));
  }
  const list = cells.map(stored).sort(byKey);
  if (!list.length) {
    db.stmt('DELETE FROM report_cells WHERE report_id = ?').run(id);
    return;
  }
  db.stmt('INSERT INTO report_cells (report_id, packed) VALUES (?, ?) ON CONFLICT (report_id) DO UPDATE SET packed = excluded.packed').run(id, packCells(list));
  for (const c of list.filter(isNumber)) putNumber(db, keyId(db, c), c.value.num!, id);
}

/** A report about to be removed: its numbers go first (its packed cells go with the report). */
export function dropCells(db: StatementSource, id: number): void {
  writeCells(db, id, []);
}

/** One cell changed (or added) by `change`, the file's other cells as they are. */
export function changeCell(db: StatementSource, id: number, key: Pick<Cell, 'table' | 'row' | 'col'>, change: (c: StoredCell | undefined) => StoredCell | null): void {
  const cells = storedCells(db, id);
  const i = cells.findIndex((c) => keyOf(c) === keyOf(key));
  const next = change(i < 0 ? undefined : cells[i]);
  if (next === null && i < 0) return;
  if (next === null) cells.splice(i, 1);
  else if (i < 0) cells.push(next);
  else cells[i] = next;
  writeCells(db, id, cells);
}
