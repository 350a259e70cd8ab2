// Schema version 12: the archive compacted (bench/search.ts prints what each table and index
// takes, from SQLite's dbstat). What took the space beside the indexes: each report's text three
// times (the text as read, its parts, the search document), uncompressed; and its findings one
// row each, the long 勾稽 messages spilling onto overflow pages. Now a report's text and parts are
// one compressed value (`body`); the search document keeps only what it adds to the parts (title
// line, table labels, the source's other words), compressed; a report's findings are one
// compressed value with the counts the library lists; originals that compress are kept
// compressed (`packed`). The full-text indexes keep their positions (phrase search needs them)
// but are merged into one segment. Archive.open runs VACUUM after this upgrade, so the file
// itself shrinks.
import type { Database } from 'better-sqlite3';
import type { Finding, Part } from '../../../../shared/report/model.ts';
import { bodyOf, packBody, packFindings, packOriginal, packPieces } from '../packed.ts';
import { assembleSearchDoc, SOURCE_PART, TABLES_PART, TITLE_PART, type SearchDocPieces } from '../search-doc.ts';

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

  // The search document's pieces, cut from it where its parts start; a document that is not its
  // pieces and the report's parts again (indexed otherwise by some older version) is dropped and
  // indexed anew when the archive opens (Archive.backfillSearch).
  const setDoc = db.prepare('UPDATE search_docs SET text = ? WHERE report_id = ?');
  const dropDoc = db.prepare('DELETE FROM search_docs WHERE report_id = ?');
  const doc = db.prepare('SELECT d.text, d.part_offsets, r.body FROM search_docs d JOIN reports r ON r.id = d.report_id WHERE d.report_id = ?');
  for (const id of db.prepare('SELECT report_id FROM search_docs').pluck().all() as number[]) {
    const d = doc.get(id) as { text: string; part_offsets: string; body: Buffer } | undefined;
    const pieces = d && piecesFrom(d.text, JSON.parse(d.part_offsets) as [number, number][]);
    if (d && pieces && assembleSearchDoc(pieces, bodyOf(d.body).parts).text === d.text) setDoc.run(packPieces(pieces), id);
    else dropDoc.run(id);
  }

  db.exec(`
    CREATE TABLE findings_packed (
      report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
      errors INTEGER NOT NULL,
      warnings INTEGER NOT NULL,
      packed BLOB NOT NULL
    );
  `);
  const put = db.prepare('INSERT INTO findings_packed (report_id, errors, warnings, packed) VALUES (?, ?, ?, ?)');
  const of = db.prepare('SELECT rule, severity, message, cells_json, at_json, fault, why FROM findings WHERE report_id = ? ORDER BY seq');
  // Report by report: an archive's findings all at once could be millions of rows.
  for (const id of db.prepare('SELECT DISTINCT report_id FROM findings').pluck().all() as number[]) {
    const rows = of.all(id) as { rule: string; severity: Finding['severity']; message: string; cells_json: string; at_json: string | null; fault: string | null; why: string | null }[];
    // As reports.ts read them from rows.
    const list = rows.map(
      (f) =>
        ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          cells: JSON.parse(f.cells_json),
          ...(f.at_json ? { at: JSON.parse(f.at_json) } : {}),
          ...(f.fault === 'document' || f.fault === 'reading' ? { fault: f.fault } : {}),
          ...(f.why ? { why: f.why } : {}),
        }) as Finding,
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

/** A stored search document cut into its pieces by where each part starts. */
function piecesFrom(text: string, offsets: [number, number][]): SearchDocPieces | null {
  const of = (no: number) => {
    const i = offsets.findIndex(([, n]) => n === no);
    return i < 0 ? '' : text.slice(offsets[i][0], (offsets[i + 1]?.[0] ?? text.length) - 1);
  };
  return offsets[0]?.[1] === TITLE_PART ? { title: of(TITLE_PART), tables: of(TABLES_PART), rest: of(SOURCE_PART) } : null;
}
