// Search over the archive: text clauses through the two FTS5 indexes, filters on reports and
// cells, relevance then newest year, and snippets with the hits highlighted.
import type { Statement } from 'better-sqlite3';

/** Where statements come from: the archive's cache of prepared statements. */
export interface StatementSource {
  stmt(sql: string): Statement;
}
import type { SearchHit, SearchQuery, SearchResult } from '../../../shared/contract/types.ts';
import { normSearch, spaced } from '../../../shared/search/normalize.ts';
import { parseQuery, type Clause } from '../../../shared/search/query.ts';
import { snippet } from '../../../shared/search/query.ts';
import type { TemplateId } from '../../../shared/report/model.ts';
import type { ReportStatus } from '../../../shared/contract/types.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { buildSearchDoc, partAt, partBounds, searchPartName } from './search-doc.ts';

const GROUP = `COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = r.agency_norm), r.agency_norm)`;
const OPS: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '=', '!=': '<>' };

/**
 * The whole text query as one FTS5 expression on one index, so FTS5 intersects the posting
 * lists itself: the trigram index when every term has three characters or more, otherwise
 * the single-character index (which answers any term, as a phrase of characters).
 */
function ftsQuery(positive: Clause[], negative: Clause[]): { table: 'search_tri' | 'search_uni'; match: string } {
  const all = [...positive, ...negative].flatMap((c) => c.any);
  const table = all.every((t) => [...t].length >= 3) ? 'search_tri' : 'search_uni';
  const phrase = (t: string) => `"${(table === 'search_tri' ? t : spaced(t)).replace(/"/g, '""')}"`;
  const group = (c: Clause) => `(${c.any.map(phrase).join(' OR ')})`;
  let match = positive.map(group).join(' AND ');
  for (const c of negative) match += ` NOT ${group(c)}`;
  return { table, match };
}

export function indexReport(db: StatementSource, id: number): void {
  const r = db.stmt('SELECT agency, year, file_name, template, parts_json FROM reports WHERE id = ?').get(id) as
    | { agency: string | null; year: number | null; file_name: string; template: TemplateId; parts_json: string }
    | undefined;
  if (!r) return;
  // Only which cells exist matters: their labels are indexed.
  const cells = db.stmt('SELECT tbl AS "table", row, col FROM cells WHERE report_id = ?').all(id) as { table: 't2' | 't3' | 't4'; row: string; col: string }[];
  const doc = buildSearchDoc({ agency: r.agency, year: r.year, fileName: r.file_name, template: r.template, parts: JSON.parse(r.parts_json), cells });
  const norm = normSearch(doc.text);
  db.stmt('DELETE FROM search_docs WHERE report_id = ?').run(id);
  db.stmt('INSERT INTO search_docs (report_id, text, part_offsets, fee_stated) VALUES (?, ?, ?, ?)').run(id, doc.text, JSON.stringify(doc.offsets), doc.feeStated ? 1 : 0);
  db.stmt('INSERT INTO search_tri (rowid, text) VALUES (?, ?)').run(id, norm);
  db.stmt('INSERT INTO search_uni (rowid, text) VALUES (?, ?)').run(id, spaced(norm));
}

export function searchReports(db: StatementSource, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.text ?? '');
  const positive = parsed.clauses.filter((c) => !c.negated);
  const negative = parsed.clauses.filter((c) => c.negated);

  const where: string[] = [];
  const whereArgs: unknown[] = [];
  if (q.yearFrom !== undefined) (where.push('r.year >= ?'), whereArgs.push(q.yearFrom));
  if (q.yearTo !== undefined) (where.push('r.year <= ?'), whereArgs.push(q.yearTo));
  if (q.agency?.trim()) {
    where.push(`(r.agency LIKE ? OR r.agency_norm LIKE ? OR ${GROUP} LIKE ?)`);
    const a = q.agency.trim();
    whereArgs.push(`%${a}%`, `%${normalizeAgency(a)}%`, `%${normalizeAgency(a)}%`);
  }
  if (q.template) (where.push('r.template = ?'), whereArgs.push(q.template));
  if (q.status === 'problems') where.push("r.status <> 'ok'");
  else if (q.status) (where.push('r.status = ?'), whereArgs.push(q.status));
  for (const ind of q.indicators ?? []) {
    // IN, not a correlated EXISTS: the (tbl, row, col, num) index finds the reports.
    where.push(`r.id IN (SELECT c.report_id FROM cells c WHERE c.tbl = ? AND c.row = ? AND c.col = ? AND c.kind = 'number' AND c.num ${OPS[ind.op]} ?)`);
    whereArgs.push(ind.table, ind.row, ind.col, ind.value);
  }
  if (q.feeStated !== undefined) where.push(`r.id ${q.feeStated ? '' : 'NOT '}IN (SELECT d.report_id FROM search_docs d WHERE d.fee_stated = 1)`);

  const limit = Math.min(q.limit ?? 20, 100);
  const offset = q.offset ?? 0;
  const cols = 'r.id, r.agency, r.year, r.template, r.status, r.file_name';
  let total: number;
  let rows: { id: number; agency: string | null; year: number | null; template: TemplateId; status: ReportStatus; file_name: string }[];
  if (positive.length) {
    // Relevance (bm25, FTS5's rank) first, then the newest year.
    const { table, match } = ftsQuery(positive, negative);
    if (where.length === 0) {
      // Text alone: FTS5 counts and ranks by itself (ORDER BY rank inside the FTS table), and
      // only the page's reports are read.
      total = (db.stmt(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(match) as { n: number }).n;
      const ids = db.stmt(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT ? OFFSET ?`).all(match, limit, offset) as { id: number }[];
      const one = db.stmt(`SELECT ${cols} FROM reports r WHERE r.id = ?`);
      rows = ids.map((x) => one.get(x.id)).filter(Boolean) as typeof rows;
    } else {
      const from = `FROM ${table} f JOIN reports r ON r.id = f.rowid WHERE ${table} MATCH ? AND ${where.join(' AND ')}`;
      total = (db.stmt(`SELECT COUNT(*) AS n ${from}`).get(match, ...whereArgs) as { n: number }).n;
      rows = db.stmt(`SELECT ${cols} ${from} ORDER BY f.rank, r.year DESC, r.id DESC LIMIT ? OFFSET ?`).all(match, ...whereArgs, limit, offset) as typeof rows;
    }
  } else {
    // Filters alone, or exclusions alone: newest first.
    if (negative.length) {
      const { table, match } = ftsQuery(negative, []);
      where.push(`r.id NOT IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`);
      whereArgs.push(match);
    }
    const from = `FROM reports r${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    total = (db.stmt(`SELECT COUNT(*) AS n ${from}`).get(...whereArgs) as { n: number }).n;
    rows = db.stmt(`SELECT ${cols} ${from} ORDER BY r.year DESC, r.agency_norm, r.id DESC LIMIT ? OFFSET ?`).all(...whereArgs, limit, offset) as typeof rows;
  }

  const doc = db.stmt('SELECT text, part_offsets FROM search_docs WHERE report_id = ?');
  const hits: SearchHit[] = rows.map((r) => {
    let part: number | null = null;
    let snip: SearchHit['snippet'] = null;
    if (parsed.highlight.length) {
      const d = doc.get(r.id) as { text: string; part_offsets: string } | undefined;
      const offsets: [number, number][] = d ? JSON.parse(d.part_offsets) : [];
      const s = d ? snippet(d.text, normSearch(d.text), parsed.highlight, 48, (at) => partBounds(offsets, at, d.text.length)) : null;
      if (d && s) {
        part = partAt(offsets, s.at);
        snip = { text: s.text, highlights: s.highlights };
      }
    }
    return {
      reportId: r.id,
      agency: r.agency,
      year: r.year,
      template: r.template,
      status: r.status,
      fileName: r.file_name,
      part,
      partName: part === null ? null : searchPartName(part),
      snippet: snip,
    };
  });
  return { total, hits, terms: parsed.highlight };
}
