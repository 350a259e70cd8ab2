// Schema version 8: the office's own settings, kept with its archive: its name (signed under
// the notices sent back to units) and the 年报体检 checks it has switched off for its area.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
}
