// Schema version 2: agency aliases (two names, one body) and corrections made by reviewers.
// Corrections are keyed by the original file's hash, so they survive removing and re-importing it.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE agency_aliases (
      alias TEXT PRIMARY KEY,
      canonical TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE corrections (
      sha256 TEXT NOT NULL,
      target TEXT NOT NULL,
      original_json TEXT NOT NULL,
      value_json TEXT NOT NULL,
      corrected_by TEXT NOT NULL,
      corrected_at TEXT NOT NULL,
      PRIMARY KEY (sha256, target)
    ) WITHOUT ROWID;
  `);
}
