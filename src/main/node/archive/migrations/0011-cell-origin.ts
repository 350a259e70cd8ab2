// Schema version 11: where each cell stands in the original, as data (page and box of a PDF,
// table/row/column of a Word or web table, line of a text), the other readings the source allows
// for it, and whose a failed rule is (the document's, or the reading's: 识别存疑). Cells read from
// a PDF before are marked as placed by geometry (every PDF cell was); the archive re-checks the
// reports of an older schema once after migrating, so their findings say whose they are.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE cells ADD COLUMN at_json TEXT;
    ALTER TABLE cells ADD COLUMN alt_json TEXT;
    ALTER TABLE findings ADD COLUMN fault TEXT;
    ALTER TABLE findings ADD COLUMN why TEXT;
    UPDATE cells SET how = 'geometry'
      WHERE how IS NULL AND report_id IN (SELECT id FROM reports WHERE format = 'pdf');
  `);
}
