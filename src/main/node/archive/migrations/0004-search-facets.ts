// Schema version 4: indexes that let search filter without reading the reports' rows (each
// row carries its whole text, so reading thousands of them is what made filtered searches
// slow): the report attributes filters use, and the 信息处理费 flag.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    DROP INDEX IF EXISTS reports_year;
    CREATE INDEX reports_facets ON reports(year, template, status, agency_norm, agency);
    CREATE INDEX search_docs_fee ON search_docs(fee_stated);
  `);
}
