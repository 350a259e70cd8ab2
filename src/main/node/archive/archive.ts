// The archive: one SQLite file holding originals, parsed reports, cells and findings. This file
// holds the connection (opening, checking, migrating, reopening after a restore) and the typed
// face the services use; the SQL lives in one module per table family beside it (reports,
// checks, corrections, agencies, units, settings, summaries, search, area, overview), each plain
// functions over this connection.
import Database from 'better-sqlite3';
import type { AgencyInfo, AgencySeries, DirectoryUnit, ReportDetail, Settings, ReportListQuery, ReportStatus, ReportSummary, YearSummary } from '../../../shared/contract/types.ts';
import type { Correction } from '../../../shared/report/corrections.ts';
import type { CompareInput } from '../../../shared/compare/index.ts';
import type { Cell, CellValue, Finding, MetaEvidence, ParseNote, Part, TemplateId } from '../../../shared/report/model.ts';
import type { UnitKind } from '../../../shared/area/directory.ts';
import { OWN_WORDS_VERSION, migrate, SCHEMA_VERSION } from './migrations/index.ts';
import { backupDir } from './backup.ts';
import { localDay } from '../../../shared/dates.ts';
import { logTechnical } from '../import/reasons.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { indexReport, MATCH_BUDGET, searchReports } from './search.ts';
import { loadRankExtension } from './rank-extension.ts';
import { SearchRanking } from './search-rank.ts';
import type { SearchQuery, SearchResult } from '../../../shared/contract/types.ts';
import * as reports from './reports.ts';
import * as checks from './checks.ts';
import * as corrections from './corrections.ts';
import type { MetaSnapshot, Restored } from './corrections.ts';
import * as agencies from './agencies.ts';
import * as units from './units.ts';
import * as settings from './settings.ts';
import * as summaries from './summaries.ts';
import * as versions from './versions.ts';
import { holdArchive, upgradeAlone, type Held, type Use } from './lock.ts';

export { DEFAULT_THRESHOLDS } from './settings.ts';

export interface NewReport {
  sha256: string;
  bytes: Uint8Array;
  fileName: string;
  sourcePath: string;
  format: string;
  encoding: string;
  agency: string | null;
  agencyNorm: string | null;
  year: number | null;
  date: string | null;
  template: TemplateId;
  complete: boolean;
  status: ReportStatus;
  parts: Part[];
  notes: ParseNote[];
  evidence: MetaEvidence[];
  text: string;
  cells: Cell[];
  findings: Finding[];
  parserVersion: number;
}

/**
 * Runs `f` again while SQLite answers SQLITE_BUSY without having waited (switching to WAL and
 * a read transaction upgraded after another process wrote do not call the busy handler): up to
 * 15 s, as long as busy_timeout would have waited. Each step it wraps is a statement or a
 * transaction of its own, so a retry starts clean.
 */
function busyRetry<T>(f: () => T): T {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      return f();
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** A bulk change's snapshot and what its undo put back (corrections.ts). */
export type { MetaSnapshot, Restored };

export interface ExportRow {
  id: number;
  file: string;
  agency: string | null;
  year: number | null;
  template: TemplateId;
  status: ReportStatus;
}

export interface ArchiveOptions {
  /** Rank search results with the SQLite extension in resources/sqlite (default), or with
   *  FTS5's own bm25() (same order, slower). */
  nativeRank?: boolean;
  /** quick_check on open (default): a damaged file is refused before it is written to. */
  check?: boolean;
  /** What this process does with the archive, as other processes are told (lock.ts); 查看 by default. */
  use?: Use;
}

export class Archive {
  // Not readonly: restoring a backup while the app runs puts a new connection in place, and
  // everything holding this Archive (importer, batches, handlers) goes on with it.
  db!: Database.Database;
  readonly path: string;
  ranking!: SearchRanking;
  /** Why search ranks with bm25() rather than the extension, or null when the extension is in use. */
  rankFallback!: string | null;
  /** Matches of a text search ranked and counted before the rest is estimated (约 N 份); tests lower it. */
  matchBudget = MATCH_BUDGET;
  private readonly options: ArchiveOptions;
  private readonly lock: Held;

  constructor(path: string, options: ArchiveOptions = {}) {
    this.path = path;
    this.options = options;
    this.lock = holdArchive(path, options.use ?? '查看');
    try {
      this.open();
    } catch (e) {
      this.lock.release();
      throw e;
    }
    this.lock.opened();
  }

  private open(): void {
    this.db = new Database(this.path);
    try {
      // Waiting for a lock comes first: checking, switching to WAL, loading the extension and
      // migrating all take one, and another process (a second import) may hold it for a while.
      this.db.pragma('busy_timeout = 15000');
      // A damaged file is refused before anything is written to it, so that what is left of it
      // stays as it is for a backup to replace (open-failure.ts offers one). quick_check reads
      // every page: bench/import.ts measured 282 ms for 1,000 reports (95 MB), against 2 ms without.
      if (this.options.check !== false) {
        const result = busyRetry(() => this.db.pragma('quick_check(1)', { simple: true }));
        if (result !== 'ok') throw Object.assign(new Error(`database disk image is malformed (quick_check: ${String(result)})`), { code: 'SQLITE_CORRUPT' });
      }
      busyRetry(() => this.db.pragma('journal_mode = WAL'));
      this.db.pragma('foreign_keys = ON');
      this.rankFallback = this.options.nativeRank === false ? '已关闭' : loadRankExtension(this.db);
      this.ranking = new SearchRanking(this.rankFallback === null);
      const from = this.db.pragma('user_version', { simple: true }) as number;
      // An archive with reports, made by an older version (not one another process is creating right now).
      const older = from > 0 && from < SCHEMA_VERSION && this.hasReports();
      // The upgrade alone: not while another process has the archive open (lock.ts).
      if (older)
        upgradeAlone(this.path, () => this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION, () => {
          this.copyBeforeUpgrade(from);
          busyRetry(() => migrate(this.db));
          // The space the compacting upgrades (12, 15, 16) freed goes back to the disk (alone: no other process has the file).
          if (from < OWN_WORDS_VERSION) this.db.exec('VACUUM');
        });
      busyRetry(() => migrate(this.db));
      this.backfillSearch();
      // Schema 7 brought the 年报体检 checks, schema 11 whose a failed rule is (识别存疑): reports
      // stored before get them once, now. Under the
      // write lock from the start (IMMEDIATE): a deferred transaction that read first would fail
      // at once with SQLITE_BUSY, not wait, if another process wrote meanwhile.
      if (older && from < 11) this.db.transaction(() => (this.stmt('SELECT id FROM reports').all() as { id: number }[]).forEach((r) => checks.checkOwn(this, r.id))).immediate();
      // Schema 10: files of one unit's year become one report with copies and versions.
      if (older && from < 10) this.db.transaction(() => versions.regroupAll(this)).immediate();
    } catch (e) {
      // A file that will not open must not stay held open: Windows could not rename it aside
      // to restore a backup in its place.
      this.db.close();
      throw e;
    }
  }

  private hasReports(): boolean {
    try {
      return !!this.db.prepare('SELECT 1 FROM reports LIMIT 1').get();
    } catch {
      return false; // no table yet
    }
  }

  /**
   * A copy of an archive made by an older version, before its schema is upgraded (a newer app
   * installed over an older one): 备份/升级前-版本N-<day>.sqlite, outside the rotation, so the
   * clerk can go back to the older program with the archive as it was. VACUUM INTO writes a
   * consistent copy synchronously. Without the copy, nothing is upgraded.
   */
  private copyBeforeUpgrade(from: number): void {
    const file = join(backupDir(this.path), `升级前-版本${from}-${localDay()}.sqlite`);
    if (existsSync(file)) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      this.db.prepare('VACUUM INTO ?').run(file);
    } catch (e) {
      if (existsSync(file)) return; // another process made it meanwhile
      logTechnical(`升级前备份到“${file}”`, e);
      throw new Error('档案需要升级到新版本的格式，但升级前无法先备份（磁盘空间不足或没有写入权限）。档案未改动。');
    }
  }

  /**
   * Puts another archive file in this one's place while the app runs: the connection is
   * closed, `replace` swaps the files, and the archive opens again. When the new file will not
   * open, `undo` puts the old one back and it is opened again, and the error is thrown.
   */
  reopenWith(replace: () => void, undo: () => void): void {
    this.db.close(); // the connection only: this process keeps holding the archive
    this.statements.clear();
    try {
      replace();
      this.open();
    } catch (e) {
      undo();
      this.open();
      throw e;
    }
  }

  /** Reports stored before the search index existed (schema 2) are indexed on first open. */
  private backfillSearch(): void {
    // Reports, not files: only the file that stands for a unit's year is indexed.
    const sql = 'SELECT id FROM reports WHERE is_record = 1 AND id NOT IN (SELECT report_id FROM search_docs)';
    // Read again under the write lock (IMMEDIATE): another process opening the archive at the
    // same moment may be indexing them too, and a deferred transaction would fail, not wait.
    if (this.stmt(sql).get()) this.db.transaction(() => (this.stmt(sql).all() as { id: number }[]).forEach((r) => indexReport(this, r.id))).immediate();
  }

  search(q: SearchQuery): SearchResult {
    return searchReports(this, q);
  }

  close(): void {
    this.db.close();
    this.lock.release();
  }

  private statements = new Map<string, Database.Statement>();

  /**
   * Prepared once, reused: a statement is a native object the JS heap barely sees, so preparing
   * one per call lets native memory grow through a long import before the GC notices.
   */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  hasOriginal(sha256: string): number | null {
    return reports.hasOriginal(this, sha256);
  }
  roleOf(id: number): ReturnType<typeof reports.roleOf> {
    return reports.roleOf(this, id);
  }
  chooseFile(id: number): void {
    versions.chooseFile(this, id);
  }
  keepApart(id: number, apart: boolean): void {
    versions.keepApart(this, id, apart);
  }
  insertReport(r: NewReport): number {
    return reports.insertReport(this, r);
  }
  listReports(q: ReportListQuery = {}): ReportSummary[] {
    return reports.listReports(this, q);
  }
  getReport(id: number): ReportDetail | null {
    return reports.getReport(this, id);
  }
  fileCellsOf(id: number): Cell[] {
    return reports.fileCellsOf(this, id);
  }
  cellsOf(id: number): Cell[] {
    return reports.cellsOf(this, id);
  }
  findingsOf(id: number): Finding[] {
    return reports.findingsOf(this, id);
  }
  removeReport(id: number): boolean {
    return reports.removeReport(this, id);
  }
  original(id: number): { fileName: string; bytes: Buffer; sha256: string } | null {
    return reports.original(this, id);
  }
  exportRows(): ExportRow[] {
    return reports.exportRows(this);
  }
  years(): number[] {
    return reports.years(this);
  }
  count(): number {
    return reports.count(this);
  }
  refreshGroup(group: string, scope?: { id?: number; year: number }): void {
    return checks.refreshGroup(this, group, scope);
  }
  recheck(id: number): void {
    return checks.recheck(this, id);
  }
  correctionsFor(sha256: string): Correction[] {
    return corrections.correctionsFor(this, sha256);
  }
  correct(id: number, target: string, value: CellValue | string | number | null, by: string): void {
    return corrections.correct(this, id, target, value, by);
  }
  revert(id: number, target: string): void {
    return corrections.revert(this, id, target);
  }
  correctMetaMany(ids: number[], change: { agency?: string; year?: number }, by: string): MetaSnapshot[] {
    return corrections.correctMetaMany(this, ids, change, by);
  }
  restoreMeta(before: MetaSnapshot[]): Restored[] {
    return corrections.restoreMeta(this, before);
  }
  membersOf(group: string): string[] {
    return agencies.membersOf(this, group);
  }
  groupOf(agencyNorm: string): string {
    return agencies.groupOf(this, agencyNorm);
  }
  listAgencies(): AgencyInfo[] {
    return agencies.listAgencies(this);
  }
  mergeAgencies(from: string, into: string): void {
    return agencies.mergeAgencies(this, from, into);
  }
  unmergeAgency(alias: string): void {
    return agencies.unmergeAgency(this, alias);
  }
  suggestAgencies(typed: string, limit = 12): { name: string; reports: number }[] {
    return agencies.suggestAgencies(this, typed, limit);
  }
  agencySeries(agency: string): AgencySeries {
    return agencies.agencySeries(this, agency);
  }
  previousReport(id: number): number | null {
    return agencies.previousReport(this, id);
  }
  directory(): DirectoryUnit[] {
    return units.directory(this);
  }
  saveUnits(list: { name: string; parent: string | null; kind: UnitKind; required: boolean; aliases: string[] }[]): void {
    return units.saveUnits(this, list);
  }
  settings(): Settings {
    return settings.settings(this);
  }
  setSettings(s: Partial<Settings>): Settings {
    return settings.setSettings(this, s);
  }
  yearSummary(year: number): YearSummary {
    return summaries.yearSummary(this, year);
  }
  compareInputs(ids: number[]): CompareInput[] {
    return summaries.compareInputs(this, ids);
  }
  compareInput(id: number): CompareInput | null {
    return summaries.compareInput(this, id);
  }
}
