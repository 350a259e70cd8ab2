// How a search is ranked. FTS5's bm25() does two things on every query whose results change
// only with the index: it counts the reports holding each phrase (its IDF; a pass over the
// index per phrase) and looks up every matching report's length. With the extension loaded,
// the rank is nianbao_bm25 (native/nianbao_rank.c): the same score, given IDFs from counts kept
// here and lengths it keeps itself, both until the archive changes. A single-phrase query needs
// no IDF (it is one factor common to every row), and its total is that phrase's count, kept
// for later queries.
import { recordsFrom, type SearchSource, type StatementSource } from './search.ts';

export type FtsTable = 'search_tri' | 'search_uni';

export class SearchRanking {
  /** Names the archive's state: what was counted under another stamp is counted again. */
  private stamp = '';
  private epoch = 0;
  private readonly counts = new Map<string, number>();
  private rows = 0;

  /** The extension is loaded, so nianbao_bm25 exists. */
  readonly native: boolean;

  constructor(native: boolean) {
    this.native = native;
  }

  /**
   * The `rank MATCH` argument for a query whose phrases (FTS5's numbering: left to right) are
   * `phrases`, the first `positive` of them not excluded; null ranks with FTS5's bm25().
   */
  rankFunction(db: SearchSource, table: FtsTable, phrases: string[], positive: number): string | null {
    if (!this.native) return null;
    this.refresh(db);
    // bm25()'s IDF, with its floor for phrases in more than half the reports. Excluded phrases
    // occur in no ranked row: their weight does not matter.
    const idf =
      positive <= 1
        ? []
        : phrases.slice(0, positive).map((p) => {
            const n = this.count(db, table, p);
            const v = Math.log((this.rows - n + 0.5) / (n + 0.5));
            return v <= 0 ? 1e-6 : v;
          });
    // All quoted: FTS5 reads a rank function's numbers without exponents; SQLite converts the text.
    return `nianbao_bm25(${[table, this.stamp, ...idf].map((v) => `'${v}'`).join(', ')})`;
  }

  /** A query of one phrase, unfiltered, counted n reports: that is the phrase's count. */
  noteCount(db: StatementSource, table: FtsTable, phrase: string, n: number): void {
    if (!this.native) return;
    this.refresh(db);
    this.counts.set(`${table}\u0000${phrase}`, n);
  }

  /** Drops what is kept, here and in the extension, as a change to the archive would. */
  forget(): void {
    this.epoch++;
    this.stamp = '';
    this.counts.clear();
  }

  /** Reports holding the phrase; counting stops at half of them, where the IDF reaches its
   *  floor whatever the rest, or, in a large archive, after the newest matchBudget matches (as
   *  search walks them), the rest estimated from the share of reports walked: counting every
   *  match of a common phrase costs ~4 µs a match (200 ms for 50,000). */
  private count(db: SearchSource, table: FtsTable, phrase: string): number {
    const key = `${table}\u0000${phrase}`;
    let n = this.counts.get(key);
    if (n === undefined) {
      const half = Math.ceil(this.rows / 2);
      const cap = Math.min(half, db.matchBudget);
      const walk = db
        .stmt(`SELECT count(*) AS n, min(id) AS last FROM (SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?)`)
        .get(phrase, cap < half ? cap + 1 : half) as { n: number; last: number | null };
      n = walk.n;
      if (cap < half && walk.n > cap) {
        const walked = recordsFrom(db, walk.last!);
        n = Math.min(this.rows, Math.round((cap * this.rows) / Math.max(1, walked)));
      }
      this.counts.set(key, n);
    }
    return n;
  }

  /** The reports search indexes (the reports of record), counted once while the archive is unchanged. */
  records(db: StatementSource): number {
    this.refresh(db);
    return this.rows;
  }

  /** What is kept holds while nothing is written: not by this connection (total_changes), nor
   *  by another one, such as the command line's (data_version). */
  private refresh(db: StatementSource): void {
    const now = (db.stmt('SELECT total_changes() || \'-\' || (SELECT data_version FROM pragma_data_version) AS s').get() as { s: string }).s;
    const stamp = `${this.epoch}-${now}`;
    if (stamp === this.stamp) return;
    this.counts.clear();
    this.rows = (db.stmt('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
    this.stamp = stamp;
  }
}
