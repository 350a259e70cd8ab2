// Schema version 16: the archive smaller, as search finds the same (bench/search.ts prints both).
// The zeros of the cells, most of tables 三 and 四, are lists of reports (`cell_zeros`, see
// cells.ts), not one cell_numbers row each; a filter that 0 satisfies reads them.
// The full-text indexes hold a report's own words, not its tables' labels
// (search-doc.ts indexedDoc). The labels are the template's, the same in every report of a
// format: indexed, every 2019/2021-format report matched words such as 不予公开 whatever it
// said, and they took room in both indexes for every report (bench/search.ts prints it). Each
// report of record is indexed again, as an import indexes it now; the indexes are then merged
// into one segment (the deletions' tombstones go with it) and Archive.open runs VACUUM.
import type { Database } from 'better-sqlite3';
import { CELL_ZEROS_TABLE, ZERO_BLOCK } from '../cells.ts';
import { indexReport } from '../search.ts';

export function up(db: Database): void {
  // A cell's zeros as lists of reports (cells.ts ZERO_BLOCK), not one cell_numbers row each.
  db.exec(CELL_ZEROS_TABLE);
  db.exec(`
    INSERT INTO cell_zeros (key, block, ids)
      SELECT key, report_id / ${ZERO_BLOCK}, json_group_array(report_id % ${ZERO_BLOCK}) FROM cell_numbers WHERE num = 0 GROUP BY key, report_id / ${ZERO_BLOCK};
    DELETE FROM cell_numbers WHERE num = 0;
  `);
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const source = { stmt: (sql: string) => cache.get(sql) ?? (cache.set(sql, db.prepare(sql)), cache.get(sql)!) };
  // Report by report (indexReport reads one report's text at a time).
  for (const id of db.prepare('SELECT report_id FROM search_docs').pluck().all() as number[]) indexReport(source, id);
  db.exec(`
    INSERT INTO search_tri(search_tri) VALUES('optimize');
    INSERT INTO search_uni(search_uni) VALUES('optimize');
  `);
}
