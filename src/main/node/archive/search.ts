// Search over the archive: text clauses through the two FTS5 indexes, filters on reports and
// cells, relevance then newest year, and snippets with the hits highlighted.
import type { Statement } from 'better-sqlite3';
import type { ReportStatus, SearchHit, SearchQuery, SearchResult } from '../../../shared/contract/types.ts';
import type { TemplateId } from '../../../shared/report/model.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { compactSearch, normSearch, spaced } from '../../../shared/search/normalize.ts';
import { parseQuery, snippet, type Clause } from '../../../shared/search/query.ts';
import { columnLabel, rowLabel, TABLE_LABELS } from '../../../shared/report/templates/index.ts';
import { assembleSearchDoc, buildSearchDoc, partAt, partBounds, searchPartName } from './search-doc.ts';
import type { FtsTable, SearchRanking } from './search-rank.ts';
import { bodyOf, packPieces, piecesOf } from './packed.ts';

/** Where statements come from: the archive's cache of prepared statements. */
export interface StatementSource {
  stmt(sql: string): Statement;
}

/** The archive as search uses it: its statements and how it ranks. */
export interface SearchSource extends StatementSource {
  readonly ranking: SearchRanking;
}

const GROUP = `COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = r.agency_norm), r.agency_norm)`;
/** Rows ranked beyond the page, so equal ranks at its end can still be ordered by year. */
const TIE_SLACK = 10;
const OPS: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '=', '!=': '<>' };

/**
 * The whole text query as one FTS5 expression on one index, so FTS5 intersects the posting
 * lists itself: the trigram index when every term has three characters or more, otherwise
 * the single-character index (which answers any term, as a phrase of characters).
 */
function ftsQuery(positive: Clause[], negative: Clause[]): { table: FtsTable; match: string; phrases: string[] } {
  const all = [...positive, ...negative].flatMap((c) => c.any);
  const table = all.every((t) => [...t].length >= 3) ? 'search_tri' : 'search_uni';
  const phrase = (t: string) => `"${(table === 'search_tri' ? t : spaced(t)).replace(/"/g, '""')}"`;
  const group = (c: Clause) => `(${c.any.map(phrase).join(' OR ')})`;
  let match = positive.map(group).join(' AND ');
  for (const c of negative) match += ` NOT ${group(c)}`;
  // FTS5 numbers the phrases left to right: positive ones first, as written.
  return { table, match, phrases: all.map(phrase) };
}

export function indexReport(db: StatementSource, id: number): void {
  const r = db.stmt('SELECT agency, year, file_name, template, body, is_record FROM reports WHERE id = ?').get(id) as
    | { agency: string | null; year: number | null; file_name: string; template: TemplateId; body: Buffer; is_record: number }
    | undefined;
  if (!r) return;
  // Search finds reports, not files: only the file that stands for a unit's year is indexed (the
  // trigger on search_docs takes the others out of the full-text tables).
  if (!r.is_record) {
    db.stmt('DELETE FROM search_docs WHERE report_id = ?').run(id);
    return;
  }
  // Only which cells exist matters: their labels are indexed.
  const cells = db.stmt('SELECT tbl AS "table", row, col FROM cells WHERE report_id = ?').all(id) as { table: 't2' | 't3' | 't4'; row: string; col: string }[];
  const { text, parts } = bodyOf(r.body);
  const doc = buildSearchDoc({ agency: r.agency, year: r.year, fileName: r.file_name, template: r.template, parts, cells, source: text });
  const norm = normSearch(doc.text);
  db.stmt('DELETE FROM search_docs WHERE report_id = ?').run(id);
  db.stmt('INSERT INTO search_docs (report_id, text, part_offsets, fee_stated) VALUES (?, ?, ?, ?)').run(id, packPieces(doc.pieces), JSON.stringify(doc.offsets), doc.feeStated ? 1 : 0);
  // Letters and digits only, as query terms are: punctuation and line breaks never stop a phrase.
  db.stmt('INSERT INTO search_tri (rowid, text) VALUES (?, ?)').run(id, compactSearch(doc.text).flat);
  db.stmt('INSERT INTO search_uni (rowid, text) VALUES (?, ?)').run(id, spaced(norm));
}

type HitRow = { id: number; agency: string | null; year: number | null; template: TemplateId; status: ReportStatus; file_name: string; other_files: number };

/**
 * The filters as one list of report ids, read from indexes only (reports_facets, cells_value,
 * search_docs_fee): a report's row holds its whole text, so filters that read rows are slow.
 */
function filterIds(q: SearchQuery): { sql: string; args: unknown[] } | null {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.yearFrom !== undefined) (where.push('r.year >= ?'), args.push(q.yearFrom));
  if (q.yearTo !== undefined) (where.push('r.year <= ?'), args.push(q.yearTo));
  if (q.agency?.trim()) {
    where.push(`(r.agency LIKE ? OR r.agency_norm LIKE ? OR ${GROUP} LIKE ?)`);
    const a = q.agency.trim();
    args.push(`%${a}%`, `%${normalizeAgency(a)}%`, `%${normalizeAgency(a)}%`);
  }
  if (q.template) (where.push('r.template = ?'), args.push(q.template));
  if (q.status === 'problems') where.push("r.status <> 'ok'");
  else if (q.status) (where.push('r.status = ?'), args.push(q.status));
  for (const ind of q.indicators ?? []) {
    // Only numbers have a num, so no condition on kind: cells_value alone answers.
    where.push(`r.id IN (SELECT c.report_id FROM cells c WHERE c.tbl = ? AND c.row = ? AND c.col = ? AND c.num ${OPS[ind.op]} ?)`);
    args.push(ind.table, ind.row, ind.col, ind.value);
  }
  if (q.feeStated !== undefined) where.push(`r.id ${q.feeStated ? '' : 'NOT '}IN (SELECT d.report_id FROM search_docs d WHERE d.fee_stated = 1)`);
  return where.length ? { sql: where.join(' AND '), args } : null;
}

export function searchReports(db: SearchSource, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.text ?? '');
  const positive = parsed.clauses.filter((c) => !c.negated);
  const negative = parsed.clauses.filter((c) => c.negated);
  const filter = filterIds(q);
  const limit = Math.min(q.limit ?? 20, 100);
  const offset = q.offset ?? 0;
  const rowsOf = (ids: number[]) => {
    const one = db.stmt('SELECT id, agency, year, template, status, file_name, (SELECT COUNT(*) FROM reports c WHERE c.copy_of = reports.id) AS other_files FROM reports WHERE id = ?');
    return ids.map((id) => one.get(id) as HitRow | undefined).filter((r): r is HitRow => !!r);
  };

  let total: number;
  let rows: HitRow[];
  if (positive.length) {
    // Relevance (bm25, as FTS5's rank column: nianbao_bm25 when the extension is loaded, see
    // search-rank.ts) first, then the newest year. FTS5 ranks inside its own scan; the filters
    // are an id list it checks in memory ("+" keeps FTS5 from taking the IN as a rowid lookup,
    // which would re-run the match once per id).
    const { table, match, phrases } = ftsQuery(positive, negative);
    const positivePhrases = positive.reduce((n, c) => n + c.any.length, 0);
    const rankWith = db.ranking.rankFunction(db, table, phrases, positivePhrases);
    const within = filter ? ` AND +f.rowid IN (SELECT r.id FROM reports r WHERE ${filter.sql})` : '';
    const args = [match, ...(rankWith ? [rankWith] : []), ...(filter?.args ?? [])];
    // One pass gives the top of the ranking and the count; a page past the end still counts.
    const ranked = db
      .stmt(`SELECT f.rowid AS id, f.rank AS rank, count(*) OVER () AS n FROM ${table} f WHERE ${table} MATCH ?${rankWith ? ' AND f.rank MATCH ?' : ''}${within} ORDER BY f.rank LIMIT ?`)
      .all(...args, offset + limit + TIE_SLACK) as { id: number; rank: number; n: number }[];
    total = ranked[0]?.n ?? 0;
    if (phrases.length === 1 && !filter) db.ranking.noteCount(db, table, phrases[0], total);
    // Ties of rank go to the newest year; the few extra rows let a tie across the page's end be ordered too.
    const top = rowsOf(ranked.map((r) => r.id));
    const rank = new Map(ranked.map((r) => [r.id, r.rank]));
    top.sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || (b.year ?? 0) - (a.year ?? 0) || b.id - a.id);
    rows = top.slice(offset, offset + limit);
  } else {
    // Filters alone, or exclusions alone: newest first.
    // Reports, not files: the full-text tables hold records only; here the filters read the reports table.
    const where = ['r.is_record = 1', ...(filter ? [filter.sql] : [])];
    const args = [...(filter?.args ?? [])];
    if (negative.length) {
      const { table, match } = ftsQuery(negative, []);
      where.push(`r.id NOT IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`);
      args.push(match);
    }
    const from = `FROM reports r${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    total = (db.stmt(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
    // Ids first, from the index; then the page's rows.
    const ids = (db.stmt(`SELECT r.id ${from} ORDER BY r.year DESC, r.agency_norm, r.id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as { id: number }[]).map((r) => r.id);
    rows = rowsOf(ids);
  }

  // The document again from its stored pieces and the report's parts (search-doc.ts).
  const doc = db.stmt('SELECT d.text AS pieces, d.part_offsets, r.body FROM search_docs d JOIN reports r ON r.id = d.report_id WHERE d.report_id = ?');
  const cell = db.stmt('SELECT kind, num, raw FROM cells WHERE report_id = ? AND tbl = ? AND row = ? AND col = ?');
  /** What each numeric condition found in the report, so the hit shows why it matched. */
  const valuesOf = (id: number, template: TemplateId) =>
    (q.indicators ?? []).map((ind) => {
      const c = cell.get(id, ind.table, ind.row, ind.col) as { kind: string; num: number | null; raw: string } | undefined;
      return {
        label: `${TABLE_LABELS[ind.table]}“${rowLabel(template, ind.table, ind.row)}”${columnLabel(template, ind.table, ind.col)}`,
        value: c ? (c.kind === 'number' ? String(c.num) : c.kind === 'blank' ? '空白' : c.raw) : '无此格',
      };
    });
  const hits: SearchHit[] = rows.map((r) => {
    let part: number | null = null;
    let snip: SearchHit['snippet'] = null;
    if (parsed.highlight.length) {
      const row = doc.get(r.id) as { pieces: Buffer; part_offsets: string; body: Buffer } | undefined;
      const d = row && { text: assembleSearchDoc(piecesOf(row.pieces), bodyOf(row.body).parts).text, part_offsets: row.part_offsets };
      const offsets: [number, number][] = d ? JSON.parse(d.part_offsets) : [];
      const s = d ? snippet(d.text, parsed.highlight, 48, (at) => partBounds(offsets, at, d.text.length)) : null;
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
      otherFiles: r.other_files,
      part,
      partName: part === null ? null : searchPartName(part),
      snippet: snip,
      ...(q.indicators?.length ? { values: valuesOf(r.id, r.template) } : {}),
    };
  });
  return { total, hits, terms: parsed.highlight };
}
