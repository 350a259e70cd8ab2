// Schema version 10: a report is a unit's report of a year, not a file. Files holding the same
// report (the unit's Word file, the portal's PDF, the saved page) are copies of the one whose
// tables are read most certainly (copy_of, copy_why); different texts of one unit and year are
// versions (第N稿), the newest the report of record unless the clerk chose another (chosen);
// kept_apart: the clerk said a file is not a copy. is_record marks the one file per unit and year
// that lists, sums and searches count. Existing archives are grouped when they open
// (versions.ts), after the upgrade copy.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE reports ADD COLUMN copy_of INTEGER REFERENCES reports(id) ON DELETE SET NULL;
    ALTER TABLE reports ADD COLUMN copy_why TEXT;
    ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reports ADD COLUMN is_record INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE reports ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reports ADD COLUMN kept_apart INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX reports_copy_of ON reports (copy_of) WHERE copy_of IS NOT NULL;
  `);
}
