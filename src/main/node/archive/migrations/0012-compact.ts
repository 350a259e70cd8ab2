// Schema version 12: the archive at about a third of its size (bench/search.ts prints what each
// table takes, from SQLite's dbstat). What took the space: each report's text three times (the
// text as read, its parts, the search document), uncompressed; and its findings one row each,
// the long 勾稽 messages spilling onto overflow pages. Now a report's text and parts are one
// compressed value (`body`), the search document's text is compressed, a report's findings are
// one compressed value with the counts the library lists, and originals that compress are kept
// compressed (`packed`). The full-text indexes are unchanged (phrase search needs their
// positions) but merged into one segment. Archive.open runs VACUUM after this upgrade, so the
// file itself shrinks.
import type { Database } from 'better-sqlite3';
import type { Finding, Part } from '../../../../shared/report/model.ts';
import { pack, packBody, packFindings, packOriginal } from '../packed.ts';

export function up(db: Database): void {
  db.exec('ALTER TABLE reports ADD COLUMN body BLOB');
  const setBody = db.prepare('UPDATE reports SET body = ? WHERE id = ?');
  const report = db.prepare('SELECT text, parts_json FROM reports WHERE id = ?');
  // One report at a time: an archive's texts all at once would not fit in memory.
  for (const id of db.prepare('SELECT id FROM reports').pluck().all() as number[]) {
    const r = report.get(id) as { text: string; parts_json: string };
    setBody.run(packBody({ text: r.text, parts: JSON.parse(r.parts_json) as Part[] }), id);
  }
  db.exec('ALTER TABLE reports DROP COLUMN text; ALTER TABLE reports DROP COLUMN parts_json;');

  const setDoc = db.prepare('UPDATE search_docs SET text = ? WHERE report_id = ?');
  const doc = db.prepare('SELECT text FROM search_docs WHERE report_id = ?').pluck();
  for (const id of db.prepare('SELECT report_id FROM search_docs').pluck().all() as number[]) setDoc.run(pack(doc.get(id) as string), id);

  db.exec(`
    CREATE TABLE findings_packed (
      report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      errors INTEGER NOT NULL,
      warnings INTEGER NOT NULL,
      packed BLOB NOT NULL
    );
  `);
  const put = db.prepare('INSERT INTO findings_packed (report_id, errors, warnings, packed) VALUES (?, ?, ?, ?)');
  const of = db.prepare('SELECT rule, severity, message, cells_json, at_json FROM findings WHERE report_id = ? ORDER BY seq');
  // Report by report: an archive's findings all at once could be millions of rows.
  for (const id of db.prepare('SELECT DISTINCT report_id FROM findings').pluck().all() as number[]) {
    const list = (of.all(id) as { rule: string; severity: Finding['severity']; message: string; cells_json: string; at_json: string | null }[]).map(
      (f) => ({ rule: f.rule, severity: f.severity, message: f.message, cells: JSON.parse(f.cells_json), ...(f.at_json ? { at: JSON.parse(f.at_json) } : {}) }) as Finding,
    );
    put.run(id, list.filter((f) => f.severity === 'error').length, list.filter((f) => f.severity === 'warning').length, packFindings(list));
  }
  db.exec('DROP TABLE findings; ALTER TABLE findings_packed RENAME TO findings;');

  db.exec('ALTER TABLE originals ADD COLUMN packed INTEGER NOT NULL DEFAULT 0');
  const setOriginal = db.prepare('UPDATE originals SET bytes = ?, packed = 1 WHERE sha256 = ?');
  const bytes = db.prepare('SELECT bytes FROM originals WHERE sha256 = ?').pluck();
  for (const sha of db.prepare('SELECT sha256 FROM originals').pluck().all() as string[]) {
    const p = packOriginal(bytes.get(sha) as Buffer);
    if (p.packed) setOriginal.run(p.bytes, sha);
  }

  db.exec(`
    INSERT INTO search_tri(search_tri) VALUES('optimize');
    INSERT INTO search_uni(search_uni) VALUES('optimize');
  `);
}
