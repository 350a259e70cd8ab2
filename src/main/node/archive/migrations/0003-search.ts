// Schema version 3: full-text search. One document per report (its parts, table labels and
// agency, with where each part starts); two contentless FTS5 indexes over its normalised text:
// trigrams for terms of three characters or more, single characters for shorter ones (trigram
// cannot match them). An index on cell values serves the indicator filters.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE search_docs (
      report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      part_offsets TEXT NOT NULL,
      fee_stated INTEGER NOT NULL
    );
    CREATE VIRTUAL TABLE search_tri USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
    CREATE VIRTUAL TABLE search_uni USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');
    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      DELETE FROM search_tri WHERE rowid = old.report_id;
      DELETE FROM search_uni WHERE rowid = old.report_id;
    END;
    CREATE INDEX cells_value ON cells(tbl, row, col, num);
  `);
}
