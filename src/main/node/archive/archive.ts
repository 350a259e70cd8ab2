// The archive: one SQLite file holding originals, parsed reports, cells and findings.
// Everything SQL lives here, behind typed methods.
import Database from 'better-sqlite3';
import type { Cell, Finding, ParseNote, Part, TemplateId } from '../../../shared/report/model.ts';
import type { ReportDetail, ReportListQuery, ReportStatus, ReportSummary } from '../../../shared/contract/types.ts';
import { migrate } from './migrations/index.ts';

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
  text: string;
  cells: Cell[];
  findings: Finding[];
  parserVersion: number;
}

export interface ExportRow {
  id: number;
  file: string;
  agency: string | null;
  year: number | null;
  template: TemplateId;
  status: ReportStatus;
}

export class Archive {
  readonly db: Database.Database;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
  }

  close(): void {
    this.db.close();
  }

  hasOriginal(sha256: string): number | null {
    const row = this.db.prepare('SELECT id FROM reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** Another report of the same agency and year: a possible duplicate from a different file. */
  sameAgencyYear(agencyNorm: string, year: number, exceptId: number): { id: number; fileName: string } | null {
    const r = this.db
      .prepare('SELECT id, file_name AS fileName FROM reports WHERE agency_norm = ? AND year = ? AND id <> ? ORDER BY id LIMIT 1')
      .get(agencyNorm, year, exceptId) as { id: number; fileName: string } | undefined;
    return r ?? null;
  }

  /** One file, one transaction: the report is in the archive whole, or not at all. */
  insertReport(r: NewReport): number {
    return this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO originals (sha256, size, bytes) VALUES (?, ?, ?)').run(r.sha256, r.bytes.length, Buffer.from(r.bytes));
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO reports (sha256, file_name, source_path, format, encoding, agency, agency_norm, year, date, template,
             complete, status, parts_json, notes_json, text, parser_version, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.sha256, r.fileName, r.sourcePath, r.format, r.encoding, r.agency, r.agencyNorm, r.year, r.date, r.template,
          r.complete ? 1 : 0, r.status, JSON.stringify(r.parts), JSON.stringify(r.notes), r.text, r.parserVersion,
          new Date().toISOString(),
        );
      const id = Number(lastInsertRowid);
      const cell = this.db.prepare('INSERT INTO cells (report_id, tbl, row, col, kind, num, raw, unit, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of r.cells) cell.run(id, c.table, c.row, c.col, c.value.kind, c.value.num, c.value.raw, c.value.unit ?? null, c.source);
      const finding = this.db.prepare('INSERT INTO findings (report_id, seq, rule, severity, message, cells_json) VALUES (?, ?, ?, ?, ?, ?)');
      r.findings.forEach((f, i) => finding.run(id, i, f.rule, f.severity, f.message, JSON.stringify(f.cells)));
      return id;
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
      where.push('(r.agency_norm LIKE ? OR r.agency LIKE ?)');
      args.push(`%${q.agency}%`, `%${q.agency}%`);
    }
    if (q.onlyProblems) where.push("r.status <> 'ok'");
    const order = {
      year: 'r.year DESC, r.agency_norm',
      agency: 'r.agency_norm, r.year DESC',
      imported: 'r.imported_at DESC, r.id DESC',
      status: "CASE r.status WHEN 'error' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, r.year DESC",
    }[q.sort ?? 'year'];
    const rows = this.db
      .prepare(
        `SELECT r.id, r.file_name, r.source_path, r.format, r.agency, r.agency_norm, r.year, r.date, r.template, r.status, r.complete, r.imported_at,
           (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
           (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings,
           (SELECT COUNT(*) FROM reports d WHERE d.id <> r.id AND d.agency_norm = r.agency_norm AND d.year = r.year) AS dups
         FROM reports r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`,
      )
      .all(...args) as SummaryRow[];
    return rows.map(toSummary);
  }

  getReport(id: number): ReportDetail | null {
    const r = this.db
      .prepare(
        `SELECT r.*, (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
           (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings,
           (SELECT COUNT(*) FROM reports d WHERE d.id <> r.id AND d.agency_norm = r.agency_norm AND d.year = r.year) AS dups,
           (SELECT size FROM originals o WHERE o.sha256 = r.sha256) AS size
         FROM reports r WHERE r.id = ?`,
      )
      .get(id) as (SummaryRow & { parts_json: string; notes_json: string; encoding: string; size: number; sha256: string }) | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      encoding: r.encoding,
      size: r.size,
      sha256: r.sha256,
      parts: JSON.parse(r.parts_json) as Part[],
      notes: JSON.parse(r.notes_json) as ParseNote[],
      cells: this.cellsOf(id),
      findings: this.findingsOf(id),
    };
  }

  cellsOf(id: number): Cell[] {
    const rows = this.db.prepare('SELECT tbl, row, col, kind, num, raw, unit, source FROM cells WHERE report_id = ?').all(id) as CellRow[];
    return rows.map((c) => ({
      table: c.tbl as Cell['table'],
      row: c.row,
      col: c.col,
      value: { kind: c.kind as Cell['value']['kind'], num: c.num, raw: c.raw, ...(c.unit ? { unit: c.unit } : {}) },
      source: c.source,
    }));
  }

  findingsOf(id: number): Finding[] {
    const rows = this.db.prepare('SELECT rule, severity, message, cells_json FROM findings WHERE report_id = ? ORDER BY seq').all(id) as FindingRow[];
    return rows.map((f) => ({ rule: f.rule, severity: f.severity as Finding['severity'], message: f.message, cells: JSON.parse(f.cells_json) }));
  }

  /** Removes a report; its original goes too unless another report was made from the same bytes. */
  removeReport(id: number): boolean {
    return this.db.transaction(() => {
      const r = this.db.prepare('SELECT sha256 FROM reports WHERE id = ?').get(id) as { sha256: string } | undefined;
      if (!r) return false;
      this.db.prepare('DELETE FROM reports WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM originals WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE sha256 = ?)').run(r.sha256, r.sha256);
      return true;
    })();
  }

  original(id: number): { fileName: string; bytes: Buffer; sha256: string } | null {
    const r = this.db
      .prepare('SELECT r.file_name AS fileName, o.bytes AS bytes, o.sha256 AS sha256 FROM reports r JOIN originals o ON o.sha256 = r.sha256 WHERE r.id = ?')
      .get(id) as { fileName: string; bytes: Buffer; sha256: string } | undefined;
    return r ?? null;
  }

  exportRows(): ExportRow[] {
    return this.db
      .prepare('SELECT id, file_name AS file, agency, year, template, status FROM reports ORDER BY year, agency_norm, id')
      .all() as ExportRow[];
  }

  years(): number[] {
    return (this.db.prepare('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  }
}

interface SummaryRow {
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
}

function toSummary(r: SummaryRow): ReportSummary {
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
  };
}
