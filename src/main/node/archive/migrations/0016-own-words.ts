// Schema version 16: the full-text indexes hold a report's own words, not its tables' labels
// (search-doc.ts indexedDoc). The labels are the template's, the same in every report of a
// format: indexed, every 2019/2021-format report matched words such as 不予公开 whatever it
// said, and they took room in both indexes for every report (bench/search.ts prints it). Each
// report of record is indexed again, as an import indexes it now; the indexes are then merged
// into one segment (the deletions' tombstones go with it) and Archive.open runs VACUUM.
import type { Database } from 'better-sqlite3';
import { indexReport } from '../search.ts';

export function up(db: Database): void {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  const source = { stmt: (sql: string) => cache.get(sql) ?? (cache.set(sql, db.prepare(sql)), cache.get(sql)!) };
  // Report by report (indexReport reads one report's text at a time).
  for (const id of db.prepare('SELECT report_id FROM search_docs').pluck().all() as number[]) indexReport(source, id);
  db.exec(`
    INSERT INTO search_tri(search_tri) VALUES('optimize');
    INSERT INTO search_uni(search_uni) VALUES('optimize');
  `);
}
