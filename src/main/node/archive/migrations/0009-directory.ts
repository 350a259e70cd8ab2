// Schema version 9: the 单位目录: each unit with the government it reports under, its kind,
// whether it must report, and the other names its reports use. Units the office has not
// confirmed are proposed from their names and not stored.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE units (
      name TEXT PRIMARY KEY,
      parent TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('本级政府', '部门', '乡镇街道', '其他')),
      required INTEGER NOT NULL DEFAULT 1,
      aliases_json TEXT NOT NULL DEFAULT '[]'
    ) WITHOUT ROWID;
  `);
}
