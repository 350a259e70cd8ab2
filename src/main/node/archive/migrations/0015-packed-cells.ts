// Schema version 15: a file's cells as one compressed value (cells.ts). One row per cell, with
// its origin as JSON and an index over every value, the cells took more room than the reports'
// text (bench/search.ts prints it). Now `report_cells` holds each file's cells with their origin
// (at, alt, how, source), in the order the old table's key gave them; `cell_numbers` only the
// numbers the indicator filters read, keyed by a small number per table/row/column (`cell_keys`).
// The search documents no longer store their table labels: they are made from the cells. The
// reports of record get an index by id alone (search's estimate of a total).
// Archive.open runs VACUUM after this upgrade, so the file itself shrinks.
import type { Database } from 'better-sqlite3';
import type { AltReading, Cell, CellOrigin } from '../../../../shared/report/model.ts';
import { CELL_ZEROS_TABLE, writeCells, type StoredCell } from '../cells.ts';
import { packPieces, unpack } from '../packed.ts';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE report_cells (
      report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      packed BLOB NOT NULL
    );
    CREATE TABLE cell_keys (
      id INTEGER PRIMARY KEY,
      tbl TEXT NOT NULL,
      row TEXT NOT NULL,
      col TEXT NOT NULL,
      UNIQUE (tbl, row, col)
    );
    CREATE TABLE cell_numbers (
      key INTEGER NOT NULL,
      num REAL NOT NULL,
      report_id INTEGER NOT NULL,
      PRIMARY KEY (key, num, report_id)
    ) WITHOUT ROWID;
  `);
  // writeCells writes zeros as lists (schema 16): their table is made first.
  db.exec(CELL_ZEROS_TABLE);
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const source = { stmt: (sql: string) => cache.get(sql) ?? (cache.set(sql, db.prepare(sql)), cache.get(sql)!) };
  const of = db.prepare('SELECT tbl, row, col, kind, num, raw, unit, source, how, at_json, alt_json FROM cells WHERE report_id = ?');
  // Report by report: an archive's cells all at once would be millions of rows.
  for (const id of db.prepare('SELECT DISTINCT report_id FROM cells').pluck().all() as number[]) {
    const rows = of.all(id) as { tbl: string; row: string; col: string; kind: string; num: number | null; raw: string; unit: string | null; source: string; how: string | null; at_json: string | null; alt_json: string | null }[];
    // As reports.ts read them from rows.
    const cells = rows.map(
      (c): StoredCell => ({
        table: c.tbl as Cell['table'],
        row: c.row,
        col: c.col,
        value: { kind: c.kind as Cell['value']['kind'], num: c.num, raw: c.raw, ...(c.unit ? { unit: c.unit } : {}) },
        source: c.source,
        ...(c.how === 'inferred' || c.how === 'geometry' || c.how === 'ocr' ? { how: c.how } : {}),
        ...(c.at_json ? { at: JSON.parse(c.at_json) as CellOrigin } : {}),
        ...(c.alt_json ? { alt: JSON.parse(c.alt_json) as AltReading[] } : {}),
      }),
    );
    writeCells(source, id, cells);
  }
  db.exec('DROP TABLE cells');

  // The reports of record by id alone: how many a text search walked (those from its last match
  // on) is counted from here in a few pages, where reports_listed (ordered by year) was read whole.
  db.exec('CREATE INDEX reports_record_ids ON reports (id) WHERE is_record = 1');

  // The search documents' table labels are made from the cells now (search-doc.ts tableLabels):
  // the stored copy of them, the same for every report of a template, goes.
  const setDoc = db.prepare('UPDATE search_docs SET text = ? WHERE report_id = ?');
  const doc = db.prepare('SELECT text FROM search_docs WHERE report_id = ?').pluck();
  for (const id of db.prepare('SELECT report_id FROM search_docs').pluck().all() as number[]) {
    const stored = JSON.parse(unpack(doc.get(id) as Buffer)) as string[];
    if (stored.length === 3) setDoc.run(packPieces({ title: stored[0], tables: stored[1], rest: stored[2] }), id);
  }
}
