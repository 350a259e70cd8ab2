// Schema version 13: the 审核意见 the office wrote (整改跟踪). A notice is of one file of a unit's
// report (the version it reviewed, by id and by content hash: the id may later stand for another
// version's file after a regrouping, the hash does not), written on a day with a deadline; it lists
// findings by findingKey (revision.ts), with the message and rule as written, so a later version is
// measured against what the unit was told. The clerk may say a listed finding no longer applies
// (不再适用, with the reason). Written again on the same day for the same file: one notice.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE notices (
      id INTEGER PRIMARY KEY,
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      version INTEGER NOT NULL,
      day TEXT NOT NULL,
      deadline TEXT,
      written_at TEXT NOT NULL,
      UNIQUE (sha256, day)
    );
    CREATE INDEX notices_report ON notices (report_id);
    CREATE TABLE notice_findings (
      notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
      no INTEGER NOT NULL,
      key TEXT NOT NULL,
      rule TEXT NOT NULL,
      message TEXT NOT NULL,
      dismissed_reason TEXT,
      dismissed_by TEXT,
      dismissed_at TEXT,
      PRIMARY KEY (notice_id, key)
    );
  `);
}
