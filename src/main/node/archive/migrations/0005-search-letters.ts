// Schema version 5: the trigram index holds only letters and digits, as query terms do, so
// punctuation and line breaks inside a phrase no longer stop it matching. The search documents
// are dropped with both indexes; opening the archive indexes every report again (backfill).
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
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
