// Search over the archive: text clauses through the two FTS5 indexes, filters on reports and
// cells, relevance then newest year, and snippets with the hits highlighted.
import type { Statement } from 'better-sqlite3';
import type { ReportStatus, SearchHit, SearchQuery, SearchResult } from '../../../shared/contract/types.ts';
import type { TemplateId } from '../../../shared/report/model.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { compactSearch, normSearch, spaced } from '../../../shared/search/normalize.ts';
import { parseQuery, snippet, type Clause } from '../../../shared/search/query.ts';
import { columnLabel, rowLabel, TABLE_LABELS } from '../../../shared/report/templates/index.ts';
import { buildSearchDoc, indexedDoc, partAt, partBounds, searchPartName } from './search-doc.ts';
import type { FtsTable, SearchRanking } from './search-rank.ts';
import { bodyOf, packPieces, piecesOf } from './packed.ts';
import { storedCells, ZERO_BLOCK } from './cells.ts';

/** Where statements come from: the archive's cache of prepared statements. */
export interface StatementSource {
  stmt(sql: string): Statement;
}

/** The archive as search uses it: its statements and how it ranks. */
export interface SearchSource extends StatementSource {
  readonly ranking: SearchRanking;
  /** Matches of a text query ranked and counted before the rest is estimated (MATCH_BUDGET). */
  readonly matchBudget: number;
}

const GROUP = `COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = r.agency_norm), r.agency_norm)`;
/** Rows ranked beyond the page, so equal ranks at its end can still be ordered by year. */
const TIE_SLACK = 10;
/** The most hits one page holds. */
const PAGE_MAX = 100;
/**
 * Matches of a text query that are ranked and counted; past it, the newest this many are ranked
 * and the total is estimated. Walking 5,000 matches of the commonest phrase takes about 12 ms on
 * the 2-core machine, counting 20,000 about 80 ms (bench:search).
 */
export const MATCH_BUDGET = 5000;
const OPS: Record<string, string> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '=': '=', '!=': '<>' };
/** Whether a cell of 0 satisfies the condition, as SQL compares (nothing satisfies a comparison with NaN). */
const ZERO_PASSES: Record<string, (v: number) => boolean> = { '>': (v) => 0 > v, '>=': (v) => 0 >= v, '<': (v) => 0 < v, '<=': (v) => 0 <= v, '=': (v) => v === 0, '!=': (v) => v !== 0 && !Number.isNaN(v) };

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
  const cells = storedCells(db, id);
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
 * The filters as one list of report ids, read from indexes only (reports_facets, cell_numbers,
 * search_docs_fee): a report's row holds its whole text, so filters that read rows are slow.
 * With `low`, only ids from it on: the lists of ids a condition reads are built for those alone
 * (building the whole list of a common condition is most of what a filtered text search cost).
 */
function filterIds(q: SearchQuery, low?: number): { sql: string; args: unknown[] } | null {
  const where: string[] = [];
  const args: unknown[] = [];
  const bounded = low !== undefined;
  if (bounded) (where.push('r.id >= ?'), args.push(low)); // first: SQLite checks the terms in order, so an id below it is never looked up in a list
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
    // The numbers alone (cell_numbers, keyed by the cell's number in cell_keys) answer; where 0
    // satisfies the condition, the reports whose cell is 0 too (cell_zeros: lists, see cells.ts).
    const key = '(SELECT k.id FROM cell_keys k WHERE k.tbl = ? AND k.row = ? AND k.col = ?)';
    const zeros = ZERO_PASSES[ind.op](ind.value);
    const zeroSql = zeros ? ` UNION ALL SELECT z.block * ${ZERO_BLOCK} + j.value FROM cell_zeros z, json_each(z.ids) j WHERE z.key = ${key}${bounded ? ' AND z.block >= ?' : ''}` : '';
    where.push(`r.id IN (SELECT n.report_id FROM cell_numbers n WHERE n.key = ${key} AND n.num ${OPS[ind.op]} ?${bounded ? ' AND n.report_id >= ?' : ''}${zeroSql})`);
    args.push(ind.table, ind.row, ind.col, ind.value, ...(bounded ? [low] : []));
    if (zeros) args.push(ind.table, ind.row, ind.col, ...(bounded ? [Math.floor(low / ZERO_BLOCK)] : []));
  }
  if (q.feeStated !== undefined) {
    where.push(`r.id ${q.feeStated ? '' : 'NOT '}IN (SELECT d.report_id FROM search_docs d WHERE d.fee_stated = 1${bounded ? ' AND d.report_id >= ?' : ''})`);
    if (bounded) args.push(low);
  }
  return where.length > (bounded ? 1 : 0) ? { sql: where.join(' AND '), args } : null;
}

/**
 * The number of matches when only the newest ones were walked, down to report `last`, and
 * `counted` of them matched: the matches' share of the reports of record walked, applied to them
 * all, never fewer than `floor`; two significant figures, as it is shown (约 98,000 份).
 */
function estimateTotal(db: SearchSource, counted: number, last: number, floor: number): number {
  // The reports of record: the ranking keeps their number while the archive is unchanged; those
  // walked are a range of a small index (reading every record's entry took ~15 ms at 100,000).
  const records = db.ranking.records(db);
  const walked = recordsFrom(db, last);
  const estimate = Math.min(records, (counted * records) / Math.max(1, walked));
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, estimate))) - 1);
  return Math.max(floor, Math.round(estimate / unit) * unit);
}

/** The reports of record from `id` on (the newest ones: ids grow with import). */
export function recordsFrom(db: StatementSource, id: number): number {
  return (db.stmt('SELECT count(*) AS n FROM reports INDEXED BY reports_record_ids WHERE is_record = 1 AND id >= ?').get(id) as { n: number }).n;
}

export function searchReports(db: SearchSource, q: SearchQuery): SearchResult {
  const parsed = parseQuery(q.text ?? '');
  const positive = parsed.clauses.filter((c) => !c.negated);
  const negative = parsed.clauses.filter((c) => c.negated);
  const filter = filterIds(q);
  const limit = Math.min(q.limit ?? 20, PAGE_MAX);
  const offset = q.offset ?? 0;
  const budget = db.matchBudget;
  const rowsOf = (ids: number[]) => {
    const one = db.stmt('SELECT id, agency, year, template, status, file_name, (SELECT COUNT(*) FROM reports c WHERE c.copy_of = reports.id) AS other_files FROM reports WHERE id = ?');
    return ids.map((id) => one.get(id) as HitRow | undefined).filter((r): r is HitRow => !!r);
  };

  let total: number;
  let approximate = false;
  let lowerBound = false;
  let rows: HitRow[];
  if (positive.length) {
    // Relevance (bm25, as FTS5's rank column: nianbao_bm25 when the extension is loaded, see
    // search-rank.ts) first, then the newest year. The filters are an id list FTS5's rows are
    // checked against in memory ("+" keeps FTS5 from taking the IN as a rowid lookup, which
    // would re-run the match once per id).
    const { table, match, phrases } = ftsQuery(positive, negative);
    const positivePhrases = positive.reduce((n, c) => n + c.any.length, 0);
    const rankWith = db.ranking.rankFunction(db, table, phrases, positivePhrases);
    // The reports of record a filter lets through, as an id list a match is checked against.
    const listed = (f: { sql: string }) => `IN (SELECT r.id FROM reports r INDEXED BY reports_listed WHERE r.is_record = 1 AND ${f.sql})`;
    const within = filter ? ` AND +f.rowid ${listed(filter)}` : '';
    const matchArgs = [match, ...(rankWith ? [rankWith] : [])];
    const filterArgs = filter?.args ?? [];
    const ranked = `SELECT f.rowid AS id, f.rank AS rank FROM ${table} f WHERE ${table} MATCH ?${rankWith ? ' AND f.rank MATCH ?' : ''}`;
    type Walked = { id: number; rank: number }[];
    let pool: Walked;
    /** When not every match was ranked: the matches left are those below this rowid. */
    let restBelow: number | null = null;
    if (!filter) {
      // The matches newest first (FTS5 walks its index in rowid order and stops at the LIMIT),
      // each with its rank: up to the budget, that is every match, ranked and counted exactly.
      // Past it, the page is the best of the newest MATCH_BUDGET and the total an estimate:
      // ranking and counting every match of a common term costs time linear in them (188 ms at 100,000).
      const walked = db.stmt(`${ranked} ORDER BY f.rowid DESC LIMIT ?`).all(...matchArgs, budget + 1) as Walked;
      pool = walked.slice(0, budget);
      if (walked.length <= budget) total = walked.length;
      else {
        approximate = true;
        restBelow = pool[pool.length - 1].id;
        total = estimateTotal(db, budget, restBelow, budget + 1);
      }
    } else {
      // With filters, the walk is bounded by the text's matches, not by those that pass: the
      // newest MATCH_BUDGET of them, the filters checked on them, their lists of ids built from
      // the lowest walked on. Walking every match of a common term for the few that pass, against
      // lists of the whole archive, cost 28 ms at 100,000 (信息处理费: 71,000 matches, 4,622
      // pass). A LIMIT bounds the walk: FTS5 given a rowid bound read the whole doclist (10 ms).
      const newest = db.stmt(`SELECT f.rowid AS id FROM ${table} f WHERE ${table} MATCH ? ORDER BY f.rowid DESC LIMIT ?`).all(match, budget + 1) as { id: number }[];
      const more = newest.length > budget;
      const low = newest.length ? newest[Math.min(newest.length, budget) - 1].id : 0;
      const near = filterIds(q, low)!;
      // Which of them pass, then the rank of those alone: FTS5 computes a row's rank only when
      // the row is returned, so the walk stops at the last that passes and ranks none that do
      // not (ranking all 5,000 and then keeping none cost a second walk when nothing passed).
      const walkedIds = JSON.stringify(newest.slice(0, budget).map((r) => r.id));
      const passing = newest.length ? (db.stmt(`SELECT j.value AS id FROM json_each(?) j WHERE j.value ${listed(near)}`).all(walkedIds, ...near.args) as { id: number }[]) : [];
      pool = passing.length
        ? (db.stmt(`${ranked} AND +f.rowid IN (SELECT value FROM json_each(?)) ORDER BY f.rowid DESC LIMIT ?`).all(...matchArgs, JSON.stringify(passing.map((r) => r.id)), passing.length) as Walked)
        : [];
      if (!more) total = pool.length;
      else {
        let last = low;
        let all = false;
        // Fewer pass than a page holds: the walk goes on to older matches until a page's worth
        // pass or they end (then every match was walked, and the count is exact). A page's worth
        // whatever page is asked: every page of one query is cut from the same ranking.
        const need = Math.min(PAGE_MAX, budget) - pool.length;
        if (need > 0) {
          // Below the walked ones ("+": a rowid bound given to FTS5 made it read the whole
          // doclist), ranking only those that pass, as above.
          const older = db.stmt(`${ranked} AND +f.rowid < ? AND +f.rowid ${listed(filter)} ORDER BY f.rowid DESC LIMIT ?`).all(...matchArgs, low, ...filterArgs, need + 1) as Walked;
          pool.push(...older);
          all = older.length <= need;
          if (!all) last = older[older.length - 1].id;
        }
        if (all) total = pool.length;
        else {
          approximate = true;
          restBelow = last;
          total = estimateTotal(db, pool.length, last, pool.length);
        }
      }
    }
    if (phrases.length === 1 && !filter && !approximate) db.ranking.noteCount(db, table, phrases[0], total);
    const ranks = pool.length;
    // Ties of rank go to the newest year; the few extra rows let a tie across the page's end be ordered too.
    pool.sort((a, b) => a.rank - b.rank || b.id - a.id);
    const best = pool.slice(0, offset + limit + TIE_SLACK);
    const top = rowsOf(best.map((r) => r.id));
    const rank = new Map(best.map((r) => [r.id, r.rank]));
    top.sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || (b.year ?? 0) - (a.year ?? 0) || b.id - a.id);
    rows = top.slice(offset, offset + limit);
    // A page past the ranked ones (an export's later pages): the other matches, newest first.
    if (offset + limit > ranks && restBelow !== null) {
      const from = Math.max(offset, ranks);
      const rest = db
        .stmt(`SELECT f.rowid AS id FROM ${table} f WHERE ${table} MATCH ? AND f.rowid < ?${within} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
        .all(match, restBelow, ...filterArgs, offset + limit - from, from - ranks) as { id: number }[];
      rows.push(...rowsOf(rest.map((r) => r.id)));
    }
  } else {
    // Filters alone, or exclusions alone: newest first. Reports, not files: the records' own
    // index (reports_listed, schema 14) holds what the filters read and is in the listing's
    // order, so the page is read from it without reading a report. One walk gives the page and
    // the count, and stops after MATCH_BUDGET + 1 reports pass: past it the total is said as
    // 超过 N 份 (counting every report of a common condition walked the whole index: 17 ms at
    // 100,000). An estimate from the share walked would mislead: the walk is newest year first.
    const where = ['r.is_record = 1', ...(filter ? [filter.sql] : [])];
    const args = [...(filter?.args ?? [])];
    if (negative.length) {
      const { table, match } = ftsQuery(negative, []);
      where.push(`r.id NOT IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`);
      args.push(match);
    }
    const listed = `SELECT r.id FROM reports r INDEXED BY reports_listed WHERE ${where.join(' AND ')} ORDER BY r.year DESC, r.agency_norm, r.id DESC`;
    const ids = (db.stmt(`${listed} LIMIT ?`).all(...args, budget + 1) as { id: number }[]).map((r) => r.id);
    if (ids.length <= budget) total = ids.length;
    else [approximate, lowerBound, total] = [true, true, budget];
    // A page past the walk (an export's later pages) is read on its own.
    const page =
      offset + limit <= ids.length || ids.length <= budget
        ? ids.slice(offset, offset + limit)
        : (db.stmt(`${listed} LIMIT ? OFFSET ?`).all(...args, limit, offset) as { id: number }[]).map((r) => r.id);
    rows = rowsOf(page);
  }

  // The document again from its stored pieces and the report's parts (search-doc.ts).
  const doc = db.stmt('SELECT d.text AS pieces, r.body FROM search_docs d JOIN reports r ON r.id = d.report_id WHERE d.report_id = ?');
  /** What each numeric condition found in the report, so the hit shows why it matched. */
  const valuesOf = (id: number, template: TemplateId) => {
    const cells = storedCells(db, id);
    return (q.indicators ?? []).map((ind) => {
      const c = cells.find((x) => x.table === ind.table && x.row === ind.row && x.col === ind.col)?.value;
      return {
        label: `${TABLE_LABELS[ind.table]}“${rowLabel(template, ind.table, ind.row)}”${columnLabel(template, ind.table, ind.col)}`,
        value: c ? (c.kind === 'number' ? String(c.num) : c.kind === 'blank' ? '空白' : c.raw) : '无此格',
      };
    });
  };
  const hits: SearchHit[] = rows.map((r) => {
    let part: number | null = null;
    let snip: SearchHit['snippet'] = null;
    if (parsed.highlight.length) {
      const row = doc.get(r.id) as { pieces: Buffer; body: Buffer } | undefined;
      // The document as indexed (search-doc.ts indexedDoc): the hit is in the report's own words,
      // so the snippet is too, and a page of hits reads no report's cells for their labels.
      const d = row && indexedDoc(piecesOf(row.pieces, () => ''), bodyOf(row.body).parts);
      const offsets: [number, number][] = d ? d.offsets : [];
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
  return { total, approximate, lowerBound, hits, terms: parsed.highlight };
}
