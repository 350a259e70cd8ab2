// The archive: one SQLite file holding originals, parsed reports, cells and findings.
// Everything SQL lives here, behind typed methods.
import Database from 'better-sqlite3';
import type { AgencyInfo, AgencySeries, DirectoryUnit, ReportDetail, Settings, ReportListQuery, ReportStatus, ReportSummary, SummaryRow, YearSummary } from '../../../shared/contract/types.ts';
import { figuresOf, FIGURES } from '../../../shared/compare/figures.ts';
import { allChecks } from '../../../shared/report/checks/index.ts';
import { checkCrossYear } from '../../../shared/report/checks/cross-year.ts';
import type { Correction } from '../../../shared/report/corrections.ts';
import type { CompareInput } from '../../../shared/compare/index.ts';
import { placeCore } from '../../../shared/places/gazetteer.ts';
import type { Cell, CellValue, Finding, MetaEvidence, ParseNote, Part, TemplateId } from '../../../shared/report/model.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { statusOf } from '../../../shared/report/status.ts';
import { reviewReasons } from '../../../shared/report/review.ts';
import { proposeDirectory, type UnitKind } from '../../../shared/area/directory.ts';
import { agencyMatch } from '../../../shared/search/agency-match.ts';
import { migrate, SCHEMA_VERSION } from './migrations/index.ts';
import { backupDir } from './backup.ts';
import { localDay } from '../../../shared/dates.ts';
import { logTechnical } from '../import/reasons.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { indexReport, searchReports } from './search.ts';
import { loadRankExtension } from './rank-extension.ts';
import { SearchRanking } from './search-rank.ts';
import type { SearchQuery, SearchResult } from '../../../shared/contract/types.ts';

/** The agency group a report belongs to: its name, or the name it was merged into. */
const GROUP = `COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = r.agency_norm), r.agency_norm)`;
const CROSS_YEAR_RULES = "('X1','X2','Y2')";

/** What the library shows beside a report's own columns: counts of findings, possible duplicates, group. */
const SUMMARY_COLUMNS = `(SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
  (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings,
  (SELECT COUNT(*) FROM reports d WHERE d.id <> r.id AND d.year = r.year
     AND COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = d.agency_norm), d.agency_norm) = ${GROUP}) AS dups,
  ${GROUP} AS grp,
  (SELECT group_concat(substr(k.target, 6)) FROM corrections k WHERE k.sha256 = r.sha256 AND k.target IN ('meta:agency', 'meta:year')) AS meta_fixed`;

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

/** 态势's thresholds until the office sets its own: 纠错率 above 15 %, 不予公开率 above 30 %. */
export const DEFAULT_THRESHOLDS: Record<string, number> = { reviewCorrection: 0.15, suitCorrection: 0.15, withheldRate: 0.3 };

/** A metadata field of one report before a bulk change: its correction record, or none. */
export interface MetaSnapshot {
  id: number;
  target: 'meta:agency' | 'meta:year';
  previous: Correction | null;
}

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
}

export class Archive {
  // Not readonly: restoring a backup while the app runs puts a new connection in place, and
  // everything holding this Archive (importer, batches, handlers) goes on with it.
  db!: Database.Database;
  readonly path: string;
  ranking!: SearchRanking;
  /** Why search ranks with bm25() rather than the extension, or null when the extension is in use. */
  rankFallback!: string | null;
  private readonly options: ArchiveOptions;

  constructor(path: string, options: ArchiveOptions = {}) {
    this.path = path;
    this.options = options;
    this.open();
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
      if (older) this.copyBeforeUpgrade(from);
      busyRetry(() => migrate(this.db));
      this.backfillSearch();
      // Schema 7 brought the 年报体检 checks: reports stored before get them once, now. Under the
      // write lock from the start (IMMEDIATE): a deferred transaction that read first would fail
      // at once with SQLITE_BUSY, not wait, if another process wrote meanwhile.
      if (older && from < 7) this.db.transaction(() => (this.stmt('SELECT id FROM reports').all() as { id: number }[]).forEach((r) => this.checkOwn(r.id))).immediate();
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
    this.close();
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
    const missing = this.stmt('SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM search_docs)').all() as { id: number }[];
    if (missing.length) this.db.transaction(() => missing.forEach((r) => indexReport(this, r.id)))();
  }

  search(q: SearchQuery): SearchResult {
    return searchReports(this, q);
  }

  close(): void {
    this.db.close();
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
    const row = this.stmt('SELECT id FROM reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Another report of the same agency and year: a possible duplicate from a different file. */
  sameAgencyYear(agencyNorm: string, year: number, exceptId: number): { id: number; fileName: string } | null {
    const r = this.stmt('SELECT id, file_name AS fileName FROM reports WHERE agency_norm = ? AND year = ? AND id <> ? ORDER BY id LIMIT 1')
      .get(agencyNorm, year, exceptId) as { id: number; fileName: string } | undefined;
    return r ?? null;
  }

  /** One file, one transaction: the report is in the archive whole, or not at all. */
  insertReport(r: NewReport): number {
    return this.db.transaction(() => {
      this.stmt('INSERT OR IGNORE INTO originals (sha256, size, bytes) VALUES (?, ?, ?)').run(r.sha256, r.bytes.length, Buffer.from(r.bytes));
      const { lastInsertRowid } = this.stmt(
          `INSERT INTO reports (sha256, file_name, source_path, format, encoding, agency, agency_norm, year, date, template,
             complete, status, parts_json, notes_json, evidence_json, text, parser_version, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.sha256, r.fileName, r.sourcePath, r.format, r.encoding, r.agency, r.agencyNorm, r.year, r.date, r.template,
          r.complete ? 1 : 0, r.status, JSON.stringify(r.parts), JSON.stringify(r.notes), JSON.stringify(r.evidence), r.text, r.parserVersion,
          new Date().toISOString(),
        );
      const id = Number(lastInsertRowid);
      const cell = this.stmt('INSERT INTO cells (report_id, tbl, row, col, kind, num, raw, unit, source, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of r.cells) cell.run(id, c.table, c.row, c.col, c.value.kind, c.value.num, c.value.raw, c.value.unit ?? null, c.source, c.how ?? null);
      this.insertFindings(id, r.findings);
      indexReport(this, id);
      if (r.agencyNorm) this.refreshGroup(this.groupOf(r.agencyNorm), r.year ? { id, year: r.year } : undefined);
      return id;
    })();
  }

  private insertFindings(id: number, findings: Finding[]): void {
    const base = (this.stmt('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM findings WHERE report_id = ?').get(id) as { n: number }).n;
    const stmt = this.stmt('INSERT INTO findings (report_id, seq, rule, severity, message, cells_json, at_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    findings.forEach((f, i) => stmt.run(id, base + i, f.rule, f.severity, f.message, JSON.stringify(f.cells), f.at ? JSON.stringify(f.at) : null));
  }

  /** Every name in an agency group: the group's own and the names merged into it. */
  membersOf(group: string): string[] {
    return [group, ...(this.stmt('SELECT alias FROM agency_aliases WHERE canonical = ?').all(group) as { alias: string }[]).map((a) => a.alias)];
  }

  /** The group key of an agency name (aliases resolved). */
  groupOf(agencyNorm: string): string {
    const r = this.stmt('SELECT canonical FROM agency_aliases WHERE alias = ?').get(agencyNorm) as { canonical: string } | undefined;
    return r?.canonical ?? agencyNorm;
  }

  /**
   * Recomputes X1/X2 between consecutive years of one agency group, and the statuses. With a
   * scope, only what a change to one report of `year` can affect: that report, and the reports
   * of the next year (they compare against the year's latest report).
   */
  refreshGroup(group: string, scope?: { id?: number; year: number }): void {
    const reports = this.reportsOfGroup(group);
    for (const id of this.resolvePending(reports)) this.checkOwn(id);
    const del = this.stmt(`DELETE FROM findings WHERE report_id = ? AND rule IN ${CROSS_YEAR_RULES}`);
    const byYear = latestByYear(reports);
    for (const r of reports) {
      if (scope && r.id !== scope.id && r.year !== scope.year + 1) continue;
      del.run(r.id);
      const prev = byYear.get(r.year - 1);
      if (prev) {
        const found = checkCrossYear({ ...prev, cells: this.cellsOf(prev.id), parts: this.partsOf(prev.id) }, { ...r, cells: this.cellsOf(r.id), parts: this.partsOf(r.id) });
        this.insertFindings(r.id, found);
      }
      this.updateStatus(r.id);
    }
  }

  private partsOf(id: number): Part[] {
    const r = this.stmt('SELECT parts_json FROM reports WHERE id = ?').get(id) as { parts_json: string } | undefined;
    return r ? (JSON.parse(r.parts_json) as Part[]) : [];
  }

  private updateStatus(id: number): void {
    const r = this.stmt('SELECT complete FROM reports WHERE id = ?').get(id) as { complete: number } | undefined;
    if (!r) return;
    this.stmt('UPDATE reports SET status = ? WHERE id = ?').run(statusOf(r.complete === 1, this.findingsOf(id)), id);
  }

  /** Re-runs the report's own checks from what is stored (after a correction). */
  recheck(id: number): void {
    const r = this.checkOwn(id);
    if (r?.agency_norm) this.refreshGroup(this.groupOf(r.agency_norm), r.year ? { id, year: r.year } : undefined);
  }

  /** The report's own checks (not the cross-year ones) from what is stored. */
  private checkOwn(id: number): { agency_norm: string | null; year: number | null } | null {
    const r = this.stmt('SELECT agency, agency_norm, year, date, template, parts_json, notes_json, text FROM reports WHERE id = ?').get(id) as
      | { agency: string | null; agency_norm: string | null; year: number | null; date: string | null; template: TemplateId; parts_json: string; notes_json: string; text: string }
      | undefined;
    if (!r) return null;
    const findings = allChecks({ agency: r.agency, year: r.year, date: r.date, template: r.template, parts: JSON.parse(r.parts_json), cells: this.cellsOf(id), notes: this.openNotes(id, JSON.parse(r.notes_json)), text: r.text });
    this.stmt(`DELETE FROM findings WHERE report_id = ? AND rule NOT IN ${CROSS_YEAR_RULES}`).run(id);
    this.insertFindings(id, findings);
    this.updateStatus(id);
    return r;
  }

  /**
   * Rows of table 二 left blank because their run-together digits read several ways, decided by
   * the neighbouring years (X2): 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N). Taken only
   * where exactly one reading agrees, marked 推断; the ids of the reports that changed.
   */
  private resolvePending(reports: GroupReport[]): number[] {
    const byYear = latestByYear(reports);
    const changed: number[] = [];
    const value = (id: number, row: string, col: string) => {
      const c = this.cellsOf(id).find((x) => x.table === 't2' && x.row === row && x.col === col);
      return c?.value.kind === 'number' ? c.value.num : null;
    };
    // Every report of the group (a second file of one year too), against the latest of the years around it.
    for (const r of [...reports].sort((a, b) => a.year - b.year)) {
      if (r.template !== 'T2021') continue;
      const notes = JSON.parse((this.stmt('SELECT notes_json FROM reports WHERE id = ?').get(r.id) as { notes_json: string }).notes_json) as ParseNote[];
      let touched = false;
      for (const n of notes) {
        const p = n.pending;
        if (!p || !['issued', 'repealed', 'inForce'].every((c) => p.cols.includes(c))) continue;
        const at = (reading: string[], col: string) => Number(reading[p.cols.indexOf(col)]);
        const prev = byYear.get(r.year - 1);
        const next = byYear.get(r.year + 1);
        const before = prev?.template === 'T2021' ? value(prev.id, p.row, 'inForce') : null;
        const after = next?.template === 'T2021' ? [value(next.id, p.row, 'inForce'), value(next.id, p.row, 'issued'), value(next.id, p.row, 'repealed')] : [null];
        const fits = p.readings.filter(
          (x) =>
            (before === null || at(x, 'inForce') === before + at(x, 'issued') - at(x, 'repealed')) &&
            (after.some((v) => v === null) || at(x, 'inForce') === after[0]! - after[1]! + after[2]!),
        );
        if ((before === null && after.some((v) => v === null)) || fits.length !== 1) continue;
        const reading = fits[0];
        const by = [before !== null ? `${r.year - 1}年度现行有效${before}件` : '', !after.some((v) => v === null) ? `${r.year + 1}年度的现行有效、制发和废止件数` : ''].filter(Boolean).join('和');
        const cell = this.stmt(`INSERT OR IGNORE INTO cells (report_id, tbl, row, col, kind, num, raw, unit, source, how) VALUES (?, 't2', ?, ?, 'number', ?, ?, NULL, ?, 'inferred')`);
        p.cols.forEach((col, k) => cell.run(r.id, p.row, col, Number(reading[k]), reading[k], `推断（表格分隔丢失，按${by}拆分）`));
        n.code = 'split-inferred';
        n.message = `表二“${p.row === 'rules' ? '规章' : '行政规范性文件'}”的数字连在一起（“${p.run}”），按${by}只有一种拆分：${reading.join('、')}，已记录并标为推断`;
        delete n.pending;
        touched = true;
      }
      if (touched) {
        this.stmt('UPDATE reports SET notes_json = ? WHERE id = ?').run(JSON.stringify(notes), r.id);
        changed.push(r.id);
      }
    }
    return changed;
  }

  /** A disagreement about agency or year is settled once a reviewer has corrected them. */
  private openNotes(id: number, notes: ParseNote[]): ParseNote[] {
    const sha = (this.stmt('SELECT sha256 FROM reports WHERE id = ?').get(id) as { sha256: string }).sha256;
    return this.correctionsFor(sha).some((c) => c.target.startsWith('meta:')) ? notes.filter((n) => n.code !== 'meta-disagree') : notes;
  }

  correctionsFor(sha256: string): Correction[] {
    const rows = this.stmt('SELECT target, original_json, value_json, corrected_by, corrected_at FROM corrections WHERE sha256 = ? ORDER BY corrected_at').all(sha256) as {
      target: string;
      original_json: string;
      value_json: string;
      corrected_by: string;
      corrected_at: string;
    }[];
    return rows.map((c) => ({ target: c.target, original: JSON.parse(c.original_json), value: JSON.parse(c.value_json), by: c.corrected_by, at: c.corrected_at }));
  }

  /** Records a correction (the first parsed value stays the original), applies it, re-checks. */
  correct(id: number, target: string, value: CellValue | string | number | null, by: string): void {
    this.db.transaction(() => {
      const r = this.stmt('SELECT sha256, agency, agency_norm, year FROM reports WHERE id = ?').get(id) as
        | { sha256: string; agency: string | null; agency_norm: string | null; year: number | null }
        | undefined;
      if (!r) throw new Error('档案中没有这份报告');
      const previous = this.correctionsFor(r.sha256).find((c) => c.target === target);
      let current: unknown;
      if (target === 'meta:agency') {
        current = r.agency;
        const name = (value as string | null)?.trim() || null;
        this.stmt('UPDATE reports SET agency = ?, agency_norm = ? WHERE id = ?').run(name, name ? normalizeAgency(name) : null, id);
      } else if (target === 'meta:year') {
        current = r.year;
        this.stmt('UPDATE reports SET year = ? WHERE id = ?').run(value, id);
      } else {
        const [table, row, col] = target.slice(5).split('|');
        const cell = this.cellsOf(id).find((c) => c.table === table && c.row === row && c.col === col);
        current = cell ? cell.value : null;
        const v = value as CellValue;
        this.stmt(
            `INSERT INTO cells (report_id, tbl, row, col, kind, num, raw, unit, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '人工更正')
             ON CONFLICT (report_id, tbl, row, col) DO UPDATE SET kind = excluded.kind, num = excluded.num, raw = excluded.raw, unit = excluded.unit, how = NULL`,
          )
          .run(id, table, row, col, v.kind, v.num, v.raw, v.unit ?? cell?.value.unit ?? null);
      }
      this.stmt(
          `INSERT INTO corrections (sha256, target, original_json, value_json, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (sha256, target) DO UPDATE SET value_json = excluded.value_json, corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at`,
        )
        .run(r.sha256, target, JSON.stringify(previous ? previous.original : (current ?? null)), JSON.stringify(value), by, new Date().toISOString());
      this.recheck(id);
      if (target.startsWith('meta:')) indexReport(this, id);
      // A new agency or year moves the report: its old group is recomputed whole.
      if (target.startsWith('meta:') && r.agency_norm) this.refreshGroup(this.groupOf(r.agency_norm));
    })();
  }

  /** Puts the parsed value back and forgets the correction. */
  revert(id: number, target: string): void {
    this.db.transaction(() => {
      const r = this.stmt('SELECT sha256 FROM reports WHERE id = ?').get(id) as { sha256: string } | undefined;
      if (!r) throw new Error('档案中没有这份报告');
      const c = this.correctionsFor(r.sha256).find((x) => x.target === target);
      if (!c) return;
      // Put the original back through correct(), then drop the record so nothing says "corrected".
      this.correct(id, target, c.original, c.by);
      this.stmt('DELETE FROM corrections WHERE sha256 = ? AND target = ?').run(r.sha256, target);
      if (target.startsWith('cell:') && c.original === null) {
        const [table, row, col] = target.slice(5).split('|');
        this.stmt('DELETE FROM cells WHERE report_id = ? AND tbl = ? AND row = ? AND col = ?').run(id, table, row, col);
        this.recheck(id);
      }
    })();
  }

  /**
   * One agency and/or year for many reports, in one transaction; what each field was before
   * (its correction record, or none) comes back, so the whole change can be undone.
   */
  correctMetaMany(ids: number[], change: { agency?: string; year?: number }, by: string): MetaSnapshot[] {
    return this.db.transaction(() => {
      const before: MetaSnapshot[] = [];
      for (const id of ids) {
        const r = this.stmt('SELECT sha256, agency, year FROM reports WHERE id = ?').get(id) as { sha256: string; agency: string | null; year: number | null } | undefined;
        if (!r) throw new Error(`档案中没有报告 #${id}`);
        for (const [target, value, now] of [
          ['meta:agency', change.agency, r.agency],
          ['meta:year', change.year, r.year],
        ] as const) {
          if (value === undefined) continue;
          // Setting what is already there confirms it; it is recorded all the same, as settled.
          const previous = this.correctionsFor(r.sha256).find((c) => c.target === target) ?? null;
          before.push({ id, target, previous });
          if (value === now && previous) continue;
          this.correct(id, target, value, by);
        }
      }
      return before;
    })();
  }

  /** Undoes correctMetaMany: each field back to its record before, or to the parsed value. */
  restoreMeta(before: MetaSnapshot[]): void {
    this.db.transaction(() => {
      for (const b of [...before].reverse()) {
        const r = this.stmt('SELECT sha256 FROM reports WHERE id = ?').get(b.id) as { sha256: string } | undefined;
        if (!r) continue; // removed meanwhile
        if (!b.previous) {
          this.revert(b.id, b.target);
          continue;
        }
        this.correct(b.id, b.target, b.previous.value as string | number, b.previous.by);
        this.stmt('UPDATE corrections SET original_json = ?, corrected_by = ?, corrected_at = ? WHERE sha256 = ? AND target = ?').run(
          JSON.stringify(b.previous.original),
          b.previous.by,
          b.previous.at,
          r.sha256,
          b.target,
        );
      }
    })();
  }

  /**
   * The 单位目录: the units the office confirmed, and every other agency of the archive with a
   * proposal from its name; with the reports and years each has. The names one agency goes by
   * (the directory's aliases, and the names merged on the 单位 page) are one unit: merged names
   * show as its aliases, not as units of their own.
   */
  directory(): DirectoryUnit[] {
    const stored = this.stmt('SELECT name, parent, kind, required, aliases_json FROM units').all() as { name: string; parent: string | null; kind: UnitKind; required: number; aliases_json: string }[];
    const counts = this.stmt(`SELECT r.agency AS name, ${GROUP} AS grp, COUNT(*) AS n, group_concat(DISTINCT r.year) AS years FROM reports r WHERE r.agency IS NOT NULL GROUP BY r.agency`).all() as { name: string; grp: string; n: number; years: string | null }[];
    const byName = new Map(counts.map((c) => [c.name, c]));
    const confirmed = new Map(stored.map((u) => [u.name, u]));
    const storedAliases = new Map(stored.map((u) => [u.name, JSON.parse(u.aliases_json) as string[]]));
    const aliasOf = new Map(stored.flatMap((u) => storedAliases.get(u.name)!.map((a) => [a, u.name] as const)));
    const names = [...new Set([...stored.map((u) => u.name), ...counts.map((c) => c.name)])].filter((n) => !aliasOf.has(n) || confirmed.has(n));
    // One unit per agency group: a confirmed name, else the group's own name, else the one with most reports.
    const groupOf = (n: string) => byName.get(n)?.grp ?? this.groupOf(normalizeAgency(n));
    const rank = (n: string) => (confirmed.has(n) ? 2 : normalizeAgency(n) === groupOf(n) ? 1 : 0) * 1e6 + (byName.get(n)?.n ?? 0);
    const lead = new Map<string, string>();
    for (const n of [...names].sort((a, b) => rank(b) - rank(a))) if (!lead.has(groupOf(n))) lead.set(groupOf(n), n);
    const merged = new Map<string, string[]>();
    const shown = names.filter((n) => {
      const into = lead.get(groupOf(n))!;
      if (into === n || confirmed.has(n)) return true;
      merged.set(into, [...(merged.get(into) ?? []), n]);
      return false;
    });
    const proposals = new Map(proposeDirectory(shown).map((p) => [p.name, p]));
    return shown
      .map((name) => {
        const u = confirmed.get(name);
        const aliases = [...new Set([...(storedAliases.get(name) ?? []), ...(merged.get(name) ?? [])])];
        const own = [name, ...aliases].map((n) => byName.get(n)).filter((c): c is NonNullable<typeof c> => !!c);
        const years = [...new Set(own.flatMap((c) => (c.years ?? '').split(',').filter(Boolean).map(Number)))].sort();
        const p = proposals.get(name)!;
        return {
          name,
          parent: u ? u.parent : p.parent,
          kind: u ? u.kind : p.kind,
          required: u ? u.required === 1 : true,
          aliases,
          proposed: !u,
          reports: own.reduce((s, c) => s + c.n, 0),
          years,
        };
      })
      .sort((a, b) => byPinyin(a.parent ?? a.name, b.parent ?? b.name) || (a.kind === '本级政府' ? -1 : b.kind === '本级政府' ? 1 : 0) || byPinyin(a.name, b.name));
  }

  /**
   * Confirms (stores) units as given: the office's own word replaces a proposal. An alias is
   * the same agency, so its reports join the unit's years (as a merge on the 单位 page); an
   * alias taken away is unmerged again.
   */
  saveUnits(units: { name: string; parent: string | null; kind: UnitKind; required: boolean; aliases: string[] }[]): void {
    const put = this.stmt(
      `INSERT INTO units (name, parent, kind, required, aliases_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET parent = excluded.parent, kind = excluded.kind, required = excluded.required, aliases_json = excluded.aliases_json`,
    );
    this.db.transaction(() => {
      const before = new Map(this.directory().map((u) => [u.name, u.aliases]));
      for (const u of units) {
        const name = u.name.trim();
        const aliases = [...new Set(u.aliases.map((a) => a.trim()).filter((a) => a && a !== name))];
        put.run(name, u.parent?.trim() || null, u.kind, u.required ? 1 : 0, JSON.stringify(aliases));
        // A name confirmed as a unit before and now given as an alias is no longer a unit of its own.
        for (const a of aliases) this.stmt('DELETE FROM units WHERE name = ?').run(a);
        const into = normalizeAgency(name);
        for (const a of aliases) if (this.groupOf(normalizeAgency(a)) !== this.groupOf(into)) this.mergeAgencies(normalizeAgency(a), into);
        for (const a of before.get(name) ?? [])
          if (!aliases.includes(a) && this.stmt('SELECT 1 FROM agency_aliases WHERE alias = ? AND canonical = ?').get(normalizeAgency(a), this.groupOf(into))) this.unmergeAgency(normalizeAgency(a));
      }
    })();
  }

  /** The office's settings; unset ones have their defaults. */
  settings(): Settings {
    const get = (key: string) => (this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    const disabled = get('disabledRules');
    const thresholds = get('thresholds');
    return {
      officeName: get('officeName') ?? '',
      disabledRules: disabled ? (JSON.parse(disabled) as string[]) : [],
      thresholds: { ...DEFAULT_THRESHOLDS, ...(thresholds ? (JSON.parse(thresholds) as Record<string, number>) : {}) },
    };
  }

  setSettings(s: Partial<Settings>): Settings {
    const put = this.stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      if (s.officeName !== undefined) put.run('officeName', s.officeName.trim());
      if (s.disabledRules !== undefined) put.run('disabledRules', JSON.stringify([...new Set(s.disabledRules)].sort()));
      if (s.thresholds !== undefined) put.run('thresholds', JSON.stringify(s.thresholds));
    })();
    return this.settings();
  }

  /** Agency names in the archive matching what is typed (part of the name or its pinyin), best first. */
  suggestAgencies(typed: string, limit = 12): { name: string; reports: number }[] {
    const rows = this.stmt('SELECT agency AS name, COUNT(*) AS reports FROM reports WHERE agency IS NOT NULL GROUP BY agency').all() as { name: string; reports: number }[];
    return rows
      .map((r) => ({ ...r, at: agencyMatch(r.name, typed) }))
      .filter((r) => r.at !== null)
      .sort((a, b) => a.at! - b.at! || b.reports - a.reports || byPinyin(a.name, b.name))
      .slice(0, limit)
      .map(({ name, reports }) => ({ name, reports }));
  }

  /** The reports to compare, in the order given; a number not in the archive is said so. */
  compareInputs(ids: number[]): CompareInput[] {
    return ids.map((id) => {
      const r = this.compareInput(id);
      if (!r) throw new Error(`档案中没有报告 #${id}`);
      return r;
    });
  }

  /** What the comparison needs of a report. */
  compareInput(id: number): CompareInput | null {
    const d = this.getReport(id);
    if (!d) return null;
    return { id, agency: d.agency, agencyGroup: d.agencyGroup, year: d.year, template: d.template, cells: d.cells, findings: d.findings, parts: d.parts, fileName: d.fileName };
  }

  /** The same agency group's report of the previous year (the latest imported, if several). */
  previousReport(id: number): number | null {
    const r = this.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
    if (!r?.agency_norm || !r.year) return null;
    return latestByYear(this.reportsOfGroup(this.groupOf(r.agency_norm))).get(r.year - 1)?.id ?? null;
  }

  /**
   * Every report of one agency group that has a year, by year and then import order. Read by
   * member names, so the (agency_norm, year) index serves it; never a scan of the archive.
   */
  private reportsOfGroup(group: string): GroupReport[] {
    return this.membersOf(group)
      .flatMap((n) => this.stmt('SELECT id, year, template, agency, status FROM reports WHERE agency_norm = ? AND year IS NOT NULL').all(n) as GroupReport[])
      .sort((a, b) => a.year - b.year || a.id - b.id);
  }

  yearSummary(year: number): YearSummary {
    const rows = this.stmt(`SELECT r.id, r.agency, r.year, r.status, ${GROUP} AS grp FROM reports r WHERE r.year = ? ORDER BY grp, r.id`).all(year) as {
      id: number; agency: string | null; year: number; status: ReportStatus; grp: string | null;
    }[];
    // One row per agency group: the latest imported report of the year.
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) latest.set(r.grp ?? `#${r.id}`, r);
    const out: SummaryRow[] = [...latest.values()].map((r) => ({ reportId: r.id, agency: r.agency, group: r.grp, year: r.year, status: r.status, figures: figuresOf(this.cellsOf(r.id)) }));
    const totals: Record<string, number | null> = {};
    for (const f of FIGURES) {
      if (f.kind !== 'count') continue;
      const vals = out.map((r) => r.figures[f.id]).filter((v): v is number => v !== null);
      totals[f.id] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    }
    const prev = this.stmt(`SELECT r.id, r.agency, ${GROUP} AS grp FROM reports r WHERE r.year = ? ORDER BY r.id`).all(year - 1) as { id: number; agency: string | null; grp: string | null }[];
    const missing = new Map<string, { agency: string; lastReportId: number }>();
    for (const p of prev) if (p.grp && !latest.has(p.grp)) missing.set(p.grp, { agency: p.agency ?? p.grp, lastReportId: p.id });
    return { year, rows: out, totals, missing: [...missing.values()] };
  }

  agencySeries(agency: string): AgencySeries {
    const group = this.groupOf(normalizeAgency(agency));
    const names = this.membersOf(group);
    const rows = [...latestByYear(this.reportsOfGroup(group)).values()].map((r) => ({ reportId: r.id, agency: r.agency, group, year: r.year, status: r.status, figures: figuresOf(this.cellsOf(r.id)) }));
    return { group, names, rows };
  }

  listAgencies(): AgencyInfo[] {
    const rows = this.stmt(
        `SELECT r.agency_norm AS name, ${GROUP} AS grp, COUNT(*) AS reports, MIN(r.year) AS first, MAX(r.year) AS last,
           (SELECT x.agency FROM reports x WHERE x.agency_norm = r.agency_norm ORDER BY x.year DESC, x.id DESC LIMIT 1) AS display
         FROM reports r WHERE r.agency_norm IS NOT NULL GROUP BY r.agency_norm ORDER BY grp, name`,
      )
      .all() as { name: string; grp: string; reports: number; first: number | null; last: number | null; display: string }[];
    const out: AgencyInfo[] = rows.map((r) => ({ name: r.name, display: r.display, group: r.grp, reports: r.reports, firstYear: r.first, lastYear: r.last }));
    // Names of one body that differ only by the places above it: proposed for merging, never merged unasked.
    const groups = out.filter((a) => a.group === a.name);
    const byCore = new Map<string, AgencyInfo[]>();
    for (const a of groups) byCore.set(placeCore(a.name), [...(byCore.get(placeCore(a.name)) ?? []), a]);
    for (const same of byCore.values()) {
      if (same.length < 2) continue;
      const into = [...same].sort((a, b) => b.reports - a.reports || b.name.length - a.name.length)[0];
      for (const a of same)
        if (a !== into) {
          const longer = a.name.length > into.name.length ? a.name : into.name;
          const prefix = longer.slice(0, longer.length - placeCore(longer).length);
          a.suggestion = { into: into.name, display: into.display, why: `两个名称只差地名前缀“${prefix}”` };
        }
    }
    return out;
  }

  /** Declares `from` the same body as `into`: their years become one series. */
  mergeAgencies(from: string, into: string): void {
    this.db.transaction(() => {
      const target = this.groupOf(into);
      if (target === from) throw new Error('不能把单位合并到它自己');
      // A name already merged into another group leaves that group: its years are recomputed too.
      const before = this.groupOf(from);
      const now = new Date().toISOString();
      this.stmt('UPDATE agency_aliases SET canonical = ? WHERE canonical = ?').run(target, from);
      this.stmt('INSERT INTO agency_aliases (alias, canonical, created_at) VALUES (?, ?, ?) ON CONFLICT (alias) DO UPDATE SET canonical = excluded.canonical').run(from, target, now);
      this.refreshGroup(target);
      if (before !== target && before !== from) this.refreshGroup(before);
    })();
  }

  unmergeAgency(alias: string): void {
    this.db.transaction(() => {
      const r = this.stmt('SELECT canonical FROM agency_aliases WHERE alias = ?').get(alias) as { canonical: string } | undefined;
      if (!r) return;
      this.stmt('DELETE FROM agency_aliases WHERE alias = ?').run(alias);
      this.refreshGroup(r.canonical);
      this.refreshGroup(alias);
    })();
  }

  listReports(q: ReportListQuery = {}): ReportSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.year !== undefined) {
      where.push('r.year = ?');
      args.push(q.year);
    }
    if (q.agency) {
      where.push(`(r.agency_norm LIKE ? OR r.agency LIKE ? OR ${GROUP} LIKE ?)`);
      args.push(`%${q.agency}%`, `%${q.agency}%`, `%${normalizeAgency(q.agency)}%`);
    }
    if (q.onlyProblems || q.status === 'problems') where.push("r.status <> 'ok'");
    else if (q.status) {
      where.push('r.status = ?');
      args.push(q.status);
    }
    const order = {
      year: 'r.year DESC, r.agency_norm',
      agency: 'r.agency_norm, r.year DESC',
      imported: 'r.imported_at DESC, r.id DESC',
      status: "CASE r.status WHEN 'error' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, r.year DESC",
    }[q.sort ?? 'year'];
    const rows = this.stmt(
        `SELECT r.id, r.file_name, r.source_path, r.format, r.agency, r.agency_norm, r.year, r.date, r.template, r.status, r.complete, r.imported_at, r.evidence_json,
           ${SUMMARY_COLUMNS}
         FROM reports r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`,
      )
      .all(...args) as ReportRow[];
    let out = rows.map(toSummary);
    if (q.review) out = out.filter((r) => r.review.length > 0);
    // Chinese names in pinyin order, as a clerk looks them up (SQL orders by code point).
    if ((q.sort ?? 'year') === 'agency') out.sort((a, b) => byPinyin(a.agency ?? '', b.agency ?? '') || (b.year ?? 0) - (a.year ?? 0));
    return out;
  }

  getReport(id: number): ReportDetail | null {
    const r = this.stmt(
        `SELECT r.*, ${SUMMARY_COLUMNS},
           (SELECT size FROM originals o WHERE o.sha256 = r.sha256) AS size
         FROM reports r WHERE r.id = ?`,
      )
      .get(id) as (ReportRow & { parts_json: string; notes_json: string; evidence_json: string; encoding: string; size: number; sha256: string; text: string }) | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      encoding: r.encoding,
      size: r.size,
      sha256: r.sha256,
      parts: JSON.parse(r.parts_json) as Part[],
      notes: JSON.parse(r.notes_json) as ParseNote[],
      evidence: JSON.parse(r.evidence_json) as MetaEvidence[],
      cells: this.cellsOf(id),
      findings: this.findingsOf(id),
      corrections: this.correctionsFor(r.sha256),
      text: r.text,
    };
  }

  cellsOf(id: number): Cell[] {
    const rows = this.stmt(
        `SELECT c.tbl, c.row, c.col, c.kind, c.num, c.raw, c.unit, c.source, c.how, k.original_json
         FROM cells c JOIN reports r ON r.id = c.report_id
         LEFT JOIN corrections k ON k.sha256 = r.sha256 AND k.target = 'cell:' || c.tbl || '|' || c.row || '|' || c.col
         WHERE c.report_id = ?`,
      )
      .all(id) as (CellRow & { how: string | null; original_json: string | null })[];
    return rows.map((c) => ({
      table: c.tbl as Cell['table'],
      row: c.row,
      col: c.col,
      value: { kind: c.kind as Cell['value']['kind'], num: c.num, raw: c.raw, ...(c.unit ? { unit: c.unit } : {}) },
      source: c.source,
      ...(c.how === 'inferred' ? { how: 'inferred' as const } : {}),
      ...(c.original_json ? { original: (JSON.parse(c.original_json) as CellValue | null) ?? { kind: 'blank' as const, num: null, raw: '（原表无此格）' } } : {}),
    }));
  }

  findingsOf(id: number): Finding[] {
    const rows = this.stmt('SELECT rule, severity, message, cells_json, at_json FROM findings WHERE report_id = ? ORDER BY seq').all(id) as FindingRow[];
    return rows.map((f) => ({ rule: f.rule, severity: f.severity as Finding['severity'], message: f.message, cells: JSON.parse(f.cells_json), ...(f.at_json ? { at: JSON.parse(f.at_json) } : {}) }));
  }

  /** Removes a report; its original goes too unless another report was made from the same bytes. */
  removeReport(id: number): boolean {
    return this.db.transaction(() => {
      const r = this.stmt('SELECT sha256, agency_norm, year FROM reports WHERE id = ?').get(id) as
        | { sha256: string; agency_norm: string | null; year: number | null }
        | undefined;
      if (!r) return false;
      this.stmt('DELETE FROM reports WHERE id = ?').run(id);
      this.stmt('DELETE FROM originals WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE sha256 = ?)').run(r.sha256, r.sha256);
      if (r.agency_norm) this.refreshGroup(this.groupOf(r.agency_norm), r.year ? { year: r.year } : undefined);
      return true;
    })();
  }

  original(id: number): { fileName: string; bytes: Buffer; sha256: string } | null {
    const r = this.stmt('SELECT r.file_name AS fileName, o.bytes AS bytes, o.sha256 AS sha256 FROM reports r JOIN originals o ON o.sha256 = r.sha256 WHERE r.id = ?')
      .get(id) as { fileName: string; bytes: Buffer; sha256: string } | undefined;
    return r ?? null;
  }

  exportRows(): ExportRow[] {
    return this.stmt('SELECT id, file_name AS file, agency, year, template, status FROM reports ORDER BY year, agency_norm, id')
      .all() as ExportRow[];
  }

  years(): number[] {
    return (this.stmt('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
  }

  count(): number {
    return (this.stmt('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  }
}

interface GroupReport {
  id: number;
  year: number;
  template: TemplateId;
  agency: string | null;
  status: ReportStatus;
}

/** Of several reports for one year (possible duplicates) the latest imported stands for it;
 *  reports come by year and import order, so the map runs by year. */
function latestByYear(reports: GroupReport[]): Map<number, GroupReport> {
  const byYear = new Map<number, GroupReport>();
  for (const r of reports) byYear.set(r.year, r);
  return byYear;
}

interface ReportRow {
  id: number;
  file_name: string;
  source_path: string;
  format: string;
  agency: string | null;
  agency_norm: string | null;
  year: number | null;
  date: string | null;
  template: TemplateId;
  status: ReportStatus;
  complete: number;
  imported_at: string;
  errors: number;
  warnings: number;
  dups: number;
  grp: string | null;
  evidence_json: string;
  meta_fixed: string | null;
}
interface CellRow {
  tbl: string;
  row: string;
  col: string;
  kind: string;
  num: number | null;
  raw: string;
  unit: string | null;
  source: string;
}
interface FindingRow {
  rule: string;
  severity: string;
  message: string;
  cells_json: string;
  at_json: string | null;
}

function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    fileName: r.file_name,
    sourcePath: r.source_path,
    format: r.format,
    agency: r.agency,
    agencyNormalized: r.agency_norm,
    year: r.year,
    date: r.date,
    template: r.template,
    status: r.status,
    complete: r.complete === 1,
    importedAt: r.imported_at,
    errors: r.errors,
    warnings: r.warnings,
    possibleDuplicate: r.dups > 0,
    agencyGroup: r.grp,
    review: reviewReasons({
      agency: r.agency,
      year: r.year,
      evidence: JSON.parse(r.evidence_json) as MetaEvidence[],
      settled: new Set((r.meta_fixed ?? '').split(',').filter((f): f is 'agency' | 'year' => f === 'agency' || f === 'year')),
    }),
  };
}

const byPinyin = new Intl.Collator('zh-Hans-CN').compare;
