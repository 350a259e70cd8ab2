// Schema version 1: originals (content-addressed), reports, their cells and findings.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE originals (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      bytes BLOB NOT NULL
    );
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE REFERENCES originals(sha256),
      file_name TEXT NOT NULL,
      source_path TEXT NOT NULL,
      format TEXT NOT NULL,
      encoding TEXT NOT NULL,
      agency TEXT,
      agency_norm TEXT,
      year INTEGER,
      date TEXT,
      template TEXT NOT NULL,
      complete INTEGER NOT NULL,
      status TEXT NOT NULL,
      parts_json TEXT NOT NULL,
      notes_json TEXT NOT NULL,
      text TEXT NOT NULL,
      parser_version INTEGER NOT NULL,
      imported_at TEXT NOT NULL
    );
    CREATE INDEX reports_agency_year ON reports(agency_norm, year);
    CREATE INDEX reports_year ON reports(year);
    CREATE TABLE cells (
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      tbl TEXT NOT NULL,
      row TEXT NOT NULL,
      col TEXT NOT NULL,
      kind TEXT NOT NULL,
      num REAL,
      raw TEXT NOT NULL,
      unit TEXT,
      source TEXT NOT NULL,
      PRIMARY KEY (report_id, tbl, row, col)
    ) WITHOUT ROWID;
    CREATE TABLE findings (
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      rule TEXT NOT NULL,
      severity TEXT NOT NULL,
      message TEXT NOT NULL,
      cells_json TEXT NOT NULL,
      PRIMARY KEY (report_id, seq)
    ) WITHOUT ROWID;
  `);
}
