// Schema version 6: where each metadata field came from (标题 / 落款 / 正文 / 网页信息 / 文件名), and
// which cells were worked out rather than read from a cell of their own (推断). Reports
// imported before keep an empty evidence list and no inferred cells: nothing is made up for them.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE reports ADD COLUMN evidence_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE cells ADD COLUMN how TEXT;
  `);
}
