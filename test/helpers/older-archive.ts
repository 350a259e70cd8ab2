// An archive file of an older schema holding real data: the rows of an archive the program
// writes now, put into a file migrated only to `version`, as that version stored them (text and
// parts in their own columns, one row per finding and per cell, originals and search documents uncompressed,
// the full-text indexes filled as indexReport filled them).
import Database from 'better-sqlite3';
import { compactSearch, normSearch, spaced } from '../../src/shared/search/normalize.ts';
import { COMPACT_VERSION, migrate, OWN_WORDS_VERSION } from '../../src/main/node/archive/migrations/index.ts';
import { bodyOf, findingsIn, originalOf, piecesOf } from '../../src/main/node/archive/packed.ts';
import { assembleSearchDoc, tableLabels } from '../../src/main/node/archive/search-doc.ts';
import type { TemplateId } from '../../src/shared/report/model.ts';
import { cellsIn, ZERO_BLOCK } from '../../src/main/node/archive/cells.ts';

const columnsOf = (db: Database.Database, schema: string, t: string) =>
  (db.prepare(`PRAGMA ${schema}.table_info(${t})`).all() as { name: string }[]).map((c) => c.name);

/** The tables of the archive `now` whose rows an older archive is made from: all but SQLite's own and the full-text indexes' (which are built again). */
function ownTables(now: string): string[] {
  const src = new Database(now, { readonly: true });
  const tables = src.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_tri%' AND name NOT LIKE 'search_uni%'").pluck().all() as string[];
  src.close();
  return tables;
}

export function olderArchive(file: string, version: number, now: string, tables: string[] = ownTables(now)): void {
  const db = new Database(file);
  migrate(db, version);
  // The zeros' lists came with 16 (0015 makes their table for the cells it writes now).
  if (version < OWN_WORDS_VERSION) db.exec('DROP TABLE IF EXISTS cell_zeros');
  db.function('body_text', (b: Buffer) => bodyOf(b).text);
  db.function('body_parts', (b: Buffer) => JSON.stringify(bodyOf(b).parts));
  db.function('original', (b: Buffer, packed: number) => originalOf(b, packed));
  db.exec(`ATTACH '${now}' AS now`);
  // A report's table labels, which the search document holds (made from its cells since version 15).
  const labelsOf = (id: number) => {
    const r = db.prepare('SELECT r.template, c.packed FROM now.reports r LEFT JOIN now.report_cells c ON c.report_id = r.id WHERE r.id = ?').get(id) as { template: TemplateId; packed: Buffer | null };
    return tableLabels(r.template, r.packed ? cellsIn(r.packed) : []);
  };
  for (const t of tables) {
    if (t === 'report_cells' && columnsOf(db, 'main', 'cells').length) {
      // One row per cell, as versions before 15 stored them (how came with 6, where from with 11).
      const cellCols = columnsOf(db, 'main', 'cells');
      const put = db.prepare(`INSERT INTO main.cells (${cellCols.join(', ')}) VALUES (${cellCols.map(() => '?').join(', ')})`);
      for (const r of db.prepare('SELECT report_id, packed FROM now.report_cells').all() as { report_id: number; packed: Buffer }[])
        for (const c of cellsIn(r.packed)) {
          const row: Record<string, unknown> = {
            report_id: r.report_id, tbl: c.table, row: c.row, col: c.col, kind: c.value.kind, num: c.value.num, raw: c.value.raw, unit: c.value.unit ?? null,
            source: c.source, how: c.how ?? null, at_json: c.at ? JSON.stringify(c.at) : null, alt_json: c.alt?.length ? JSON.stringify(c.alt) : null,
          };
          put.run(...cellCols.map((k) => row[k]));
        }
      continue;
    }
    if (t === 'cell_numbers' && columnsOf(db, 'main', 'cell_numbers').length && !columnsOf(db, 'main', 'cell_zeros').length) {
      // Before 16, a zero was a row like any number (now a list entry of cell_zeros).
      db.exec('INSERT INTO main.cell_numbers (key, num, report_id) SELECT key, num, report_id FROM now.cell_numbers');
      db.exec(`INSERT INTO main.cell_numbers (key, num, report_id) SELECT z.key, 0, z.block * ${ZERO_BLOCK} + j.value FROM now.cell_zeros z, json_each(z.ids) j`);
      continue;
    }
    const cols = columnsOf(db, 'main', t);
    if (!cols.length) continue; // a table a later version brought (notices: 13)
    if (t === 'findings' && cols.includes('seq')) {
      // Whose a failed rule is came with version 11.
      const fault = cols.includes('fault');
      const put = db.prepare(`INSERT INTO main.findings (report_id, seq, rule, severity, message, cells_json, at_json${fault ? ', fault, why' : ''}) VALUES (?, ?, ?, ?, ?, ?, ?${fault ? ', ?, ?' : ''})`);
      for (const r of db.prepare('SELECT report_id, packed FROM now.findings').all() as { report_id: number; packed: Buffer }[])
        findingsIn(r.packed).forEach((f, i) =>
          put.run(r.report_id, i, f.rule, f.severity, f.message, JSON.stringify(f.cells), f.at ? JSON.stringify(f.at) : null, ...(fault ? [f.fault ?? null, f.why ?? null] : [])),
        );
      continue;
    }
    const has = new Set(columnsOf(db, 'now', t));
    const source = (c: string) => {
      if (t === 'reports' && c === 'text' && !has.has('text')) return 'body_text(body)';
      if (t === 'reports' && c === 'parts_json' && !has.has('parts_json')) return 'body_parts(body)';
      if (t === 'originals' && c === 'bytes' && !cols.includes('packed')) return 'original(bytes, packed)';
      return c;
    };
    if (t === 'search_docs' && version >= COMPACT_VERSION) db.exec('INSERT INTO main.search_docs SELECT * FROM now.search_docs'); // stored as now
    else if (t === 'search_docs') {
      // The whole search document, as versions before 12 stored it: its pieces and the report's parts.
      const put = db.prepare('INSERT INTO main.search_docs (report_id, text, part_offsets, fee_stated) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT d.report_id, d.text AS pieces, d.part_offsets, d.fee_stated, r.body FROM now.search_docs d JOIN now.reports r ON r.id = d.report_id').all() as {
        report_id: number; pieces: Buffer; part_offsets: string; fee_stated: number; body: Buffer;
      }[];
      for (const d of rows) put.run(d.report_id, assembleSearchDoc(piecesOf(d.pieces, () => labelsOf(d.report_id)), bodyOf(d.body).parts).text, d.part_offsets, d.fee_stated);
    } else db.exec(`INSERT INTO main.${t} (${cols.join(', ')}) SELECT ${cols.map(source).join(', ')} FROM now.${t}`);
    if (t === 'search_docs') {
      const tri = db.prepare('INSERT INTO search_tri (rowid, text) VALUES (?, ?)');
      const uni = db.prepare('INSERT INTO search_uni (rowid, text) VALUES (?, ?)');
      const docs = db.prepare('SELECT d.report_id, d.text, r.body FROM main.search_docs d JOIN now.reports r ON r.id = d.report_id').all() as { report_id: number; text: string | Buffer; body: Buffer }[];
      for (const d of docs) {
        const text = typeof d.text === 'string' ? d.text : assembleSearchDoc(piecesOf(d.text, () => labelsOf(d.report_id)), bodyOf(d.body).parts).text;
        tri.run(d.report_id, compactSearch(text).flat);
        uni.run(d.report_id, spaced(normSearch(text)));
      }
    }
  }
  db.exec('DETACH now');
  db.close();
}
