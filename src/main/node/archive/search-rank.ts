// How a search is ranked. FTS5's bm25() recounts, on every query, the reports holding each
// phrase (its IDF): a pass over the whole index per phrase. With the extension loaded, the
// rank is nianbao_bm25 (native/nianbao_rank.c): the same score, given IDFs that are counted
// once and kept until the archive changes. A single-phrase query needs none (its IDF is one
// factor common to every row), and its total is that phrase's count, kept for later queries.
import type { StatementSource } from './search.ts';

export type FtsTable = 'search_tri' | 'search_uni';

export class SearchRanking {
  private stamp = '';
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
  rankFunction(db: StatementSource, table: FtsTable, phrases: string[], positive: number): string | null {
    if (!this.native) return null;
    if (positive <= 1) return 'nianbao_bm25()';
    this.refresh(db);
    // bm25()'s IDF, with its floor for phrases in more than half the reports. Excluded phrases
    // occur in no ranked row: their weight does not matter.
    const idf = phrases.slice(0, positive).map((p) => {
      const n = this.count(db, table, p);
      const v = Math.log((this.rows - n + 0.5) / (n + 0.5));
      return v <= 0 ? 1e-6 : v;
    });
    // Quoted: FTS5 reads a rank function's numbers without exponents; SQLite converts the text.
    return `nianbao_bm25(${idf.map((v) => `'${v}'`).join(', ')})`;
  }

  /** A query of one phrase, unfiltered, counted n reports: that is the phrase's count. */
  noteCount(db: StatementSource, table: FtsTable, phrase: string, n: number): void {
    if (!this.native) return;
    this.refresh(db);
    this.counts.set(`${table}\u0000${phrase}`, n);
  }

  forget(): void {
    this.stamp = '';
    this.counts.clear();
  }

  private count(db: StatementSource, table: FtsTable, phrase: string): number {
    const key = `${table}\u0000${phrase}`;
    let n = this.counts.get(key);
    if (n === undefined) {
      n = (db.stmt(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).get(phrase) as { n: number }).n;
      this.counts.set(key, n);
    }
    return n;
  }

  /** Counts hold while nothing is written: not by this connection (total_changes), nor by
   *  another one, such as the command line's (data_version). */
  private refresh(db: StatementSource): void {
    const stamp = (db.stmt('SELECT total_changes() || \':\' || (SELECT data_version FROM pragma_data_version) AS s').get() as { s: string }).s;
    if (stamp === this.stamp) return;
    this.counts.clear();
    this.rows = (db.stmt('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
    this.stamp = stamp;
  }
}
