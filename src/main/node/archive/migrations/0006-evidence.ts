// Schema version 6: where each metadata field came from (标题 / 落款 / 正文 / 网页信息 / 文件名), and
// which cells were worked out rather than read from a cell of their own (推断). Reports
// imported before keep an empty evidence list and no inferred cells: nothing is made up for them.
// The search documents now hold the document's whole text, not only what the parser understood:
// they are dropped with both indexes, and opening the archive indexes every report again.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE reports ADD COLUMN evidence_json TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE cells ADD COLUMN how TEXT;
    DROP TRIGGER search_docs_delete;
    DELETE FROM search_docs;
    INSERT INTO search_tri(search_tri) VALUES('delete-all');
    INSERT INTO search_uni(search_uni) VALUES('delete-all');
    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      DELETE FROM search_tri WHERE rowid = old.report_id;
      DELETE FROM search_uni WHERE rowid = old.report_id;
    END;
  `);
}
