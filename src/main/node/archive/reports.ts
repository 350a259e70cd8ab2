// Reports, their cells and findings as stored: one row per imported file, read back as the model.
import type { Archive, NewReport, ExportRow } from './archive.ts';
import type { ReportDetail, ReportListQuery, ReportStatus, ReportSummary } from '../../../shared/contract/types.ts';
import { sameValue, type Cell, type CellValue, type Finding, type MetaEvidence, type ParseNote, type Part, type TemplateId } from '../../../shared/report/model.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { reviewReasons } from '../../../shared/report/review.ts';
import { indexReport } from './search.ts';
import { GROUP, groupOf, byPinyin } from './agencies.ts';
import { insertFindings, refreshGroup } from './checks.ts';
import { correctionsFor } from './corrections.ts';
import { filesOfReport, placeNewFile, regroupAndRefresh } from './versions.ts';
import { familyOf, FORM_ORDER } from '../../../shared/report/same-report.ts';
import { bodyOf, findingsIn, originalOf, packBody, packOriginal } from './packed.ts';
import { dropCells, storedCells, writeCells } from './cells.ts';

/** What the library shows beside a report's own columns: counts of findings, possible duplicates, group. */
const SUMMARY_COLUMNS = `COALESCE((SELECT f.errors FROM findings f WHERE f.report_id = r.id), 0) AS errors,
  COALESCE((SELECT f.warnings FROM findings f WHERE f.report_id = r.id), 0) AS warnings,
  (SELECT COUNT(*) FROM reports c WHERE c.copy_of = COALESCE(r.copy_of, r.id) AND c.id <> r.id) + (r.copy_of IS NOT NULL) AS other_files,
  (SELECT COUNT(*) FROM reports v WHERE v.copy_of IS NULL AND v.year = r.year AND v.agency_norm IS NOT NULL
     AND COALESCE((SELECT a.canonical FROM agency_aliases a WHERE a.alias = v.agency_norm), v.agency_norm) = ${GROUP}) AS versions,
  ${GROUP} AS grp,
  (SELECT group_concat(substr(k.target, 6)) FROM corrections k WHERE k.sha256 = r.sha256 AND k.target IN ('meta:agency', 'meta:year')) AS meta_fixed`;

export function hasOriginal(a: Archive, sha256: string): number | null {
  const row = a.stmt('SELECT id FROM reports WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/** What a file just imported turned out to be: another file of a report the archive has (it may
 *  have taken the tables' place, being read more certainly), or a new version of it. */
export function roleOf(a: Archive, id: number): { role: 'copy' | 'version'; of: number; fileName: string; why: string | null; version: number } | null {
  const r = a.stmt('SELECT copy_of, copy_why, version FROM reports WHERE id = ?').get(id) as { copy_of: number | null; copy_why: string | null; version: number } | undefined;
  if (!r) return null;
  const primary = r.copy_of ?? id;
  const other = a
    .stmt('SELECT id, file_name, copy_why FROM reports WHERE (id = ? OR copy_of = ?) AND id <> ? ORDER BY id LIMIT 1')
    .get(primary, primary, id) as { id: number; file_name: string; copy_why: string | null } | undefined;
  if (other) return { role: 'copy', of: other.id, fileName: other.file_name, why: r.copy_why ?? other.copy_why, version: r.version };
  const earlier = filesOfReport(a, id)?.versions.filter((v) => v.id !== id);
  if (!earlier?.length) return null;
  const last = earlier[earlier.length - 1];
  return { role: 'version', of: last.id, fileName: last.fileName, why: null, version: r.version };
}

/** One file, one transaction: the report is in the archive whole, or not at all. */
export function insertReport(a: Archive, r: NewReport): number {
  // Compressed before the transaction, so the write lock is held no longer than before.
  const original = packOriginal(r.bytes);
  const body = packBody(r);
  return a.db.transaction(() => {
    // A write first: the transaction takes the write lock at once, waiting for another process's
    // (a read first would make it a reader that fails, not waits, once the other has written).
    a.stmt('INSERT OR IGNORE INTO originals (sha256, size, bytes, packed) VALUES (?, ?, ?, ?)').run(r.sha256, r.bytes.length, original.bytes, original.packed);
    const { lastInsertRowid } = a.stmt(
        `INSERT INTO reports (sha256, file_name, source_path, format, encoding, agency, agency_norm, year, date, template,
           complete, status, body, notes_json, evidence_json, parser_version, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.sha256, r.fileName, r.sourcePath, r.format, r.encoding, r.agency, r.agencyNorm, r.year, r.date, r.template,
        r.complete ? 1 : 0, r.status, body, JSON.stringify(r.notes), JSON.stringify(r.evidence), r.parserVersion,
        new Date().toISOString(),
      );
    const id = Number(lastInsertRowid);
    writeCells(a, id, r.cells);
    insertFindings(a, id, r.findings);
    if (r.agencyNorm && r.year) placeNewFile(a, id, r.agencyNorm, r.year);
    else if (r.agencyNorm) refreshGroup(a, groupOf(a, r.agencyNorm));
    // Indexed once placed: a copy of a report already held is not indexed at all (search holds
    // the record only; indexing it and taking it out again was a quarter of main's work on each
    // copy), and a file the placing re-indexed is not indexed twice.
    if (!a.stmt('SELECT 1 FROM search_docs WHERE report_id = ?').get(id)) indexReport(a, id);
    return id;
  })();
}

export function listReports(a: Archive, q: ReportListQuery = {}): ReportSummary[] {
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
  const rows = a.stmt(
      `SELECT r.id, r.file_name, r.source_path, r.format, r.agency, r.agency_norm, r.year, r.date, r.template, r.status, r.complete, r.imported_at, r.evidence_json, r.version, r.is_record, r.copy_of,
         ${SUMMARY_COLUMNS}
       FROM reports r WHERE r.is_record = 1${where.length ? ` AND ${where.join(' AND ')}` : ''} ORDER BY ${order}`,
    )
    .all(...args) as ReportRow[];
  let out = rows.map(toSummary);
  if (q.review) out = out.filter((r) => r.review.length > 0);
  // Chinese names in pinyin order, as a clerk looks them up (SQL orders by code point).
  if ((q.sort ?? 'year') === 'agency') out.sort((a, b) => byPinyin(a.agency ?? '', b.agency ?? '') || (b.year ?? 0) - (a.year ?? 0));
  return out;
}

export function getReport(a: Archive, id: number): ReportDetail | null {
  const r = a.stmt(
      `SELECT r.*, ${SUMMARY_COLUMNS},
         (SELECT size FROM originals o WHERE o.sha256 = r.sha256) AS size
       FROM reports r WHERE r.id = ?`,
    )
    .get(id) as (ReportRow & { body: Buffer; notes_json: string; evidence_json: string; encoding: string; size: number; sha256: string }) | undefined;
  if (!r) return null;
  const { text, parts } = bodyOf(r.body);
  return {
    ...toSummary(r),
    encoding: r.encoding,
    size: r.size,
    sha256: r.sha256,
    parts,
    notes: JSON.parse(r.notes_json) as ParseNote[],
    evidence: JSON.parse(r.evidence_json) as MetaEvidence[],
    cells: cellsOf(a, id),
    findings: findingsOf(a, id),
    corrections: correctionsFor(a, r.sha256),
    text,
    files: filesOfReport(a, id),
  };
}

/**
 * The report's cells: its file's own, and a cell the file lacks from its copies, most certain
 * first (the Word file has no 表二 where the PDF has one), saying which file it is from.
 */
export function cellsOf(a: Archive, id: number): Cell[] {
  const own = fileCellsOf(a, id);
  const copies = a.stmt('SELECT id, file_name, format FROM reports WHERE copy_of = ? ORDER BY id').all(id) as { id: number; file_name: string; format: string }[];
  if (!copies.length) return own;
  const have = new Set(own.map((c) => `${c.table}|${c.row}|${c.col}`));
  const out = [...own];
  const ranked = copies
    .map((c) => ({ ...c, cells: fileCellsOf(a, c.id) }))
    .sort((x, y) => FORM_ORDER.indexOf(familyOf(x.format)) - FORM_ORDER.indexOf(familyOf(y.format)) || x.id - y.id);
  const at = new Map(own.map((c, i) => [`${c.table}|${c.row}|${c.col}`, i]));
  for (const c of ranked)
    for (const cell of c.cells) {
      const k = `${cell.table}|${cell.row}|${cell.col}`;
      const mine = at.get(k);
      // A copy that reads a cell otherwise is another reading of it: a rule it satisfies is the reading's doubt.
      if (mine !== undefined && !sameValue(out[mine].value, cell.value)) {
        const why = `另一文件“${c.file_name}”${cell.source}`;
        out[mine] = { ...out[mine], alt: [...(out[mine].alt ?? []), { value: cell.value, why }] };
      }
      if (have.has(k)) continue;
      have.add(k);
      out.push({ ...cell, source: `另一文件“${c.file_name}”${cell.source}`, file: c.id });
    }
  return out;
}

/** The cells read from one file (with the corrections made to them). */
export function fileCellsOf(a: Archive, id: number): Cell[] {
  const cells = storedCells(a, id);
  if (!cells.length) return [];
  // What each corrected cell held before: the first parsed value, or none (原表无此格).
  const originals = new Map(
    (a.stmt("SELECT k.target, k.original_json FROM corrections k JOIN reports r ON r.sha256 = k.sha256 WHERE r.id = ? AND k.target LIKE 'cell:%'").all(id) as { target: string; original_json: string }[])
      .map((k) => [k.target.slice(5), k.original_json]),
  );
  return cells.map((c) => {
    const original = originals.get(`${c.table}|${c.row}|${c.col}`);
    return original === undefined ? c : { ...c, original: (JSON.parse(original) as CellValue | null) ?? { kind: 'blank' as const, num: null, raw: '（原表无此格）' } };
  });
}

/** A report's findings, in the order they were found (one packed value per report: findings repeat their labels). */
export function findingsOf(a: Archive, id: number): Finding[] {
  const r = a.stmt('SELECT packed FROM findings WHERE report_id = ?').get(id) as { packed: Buffer } | undefined;
  return r ? findingsIn(r.packed) : [];
}

/** Removes a report; its original goes too unless another report was made from the same bytes. */
export function removeReport(a: Archive, id: number): boolean {
  return a.db.transaction(() => {
    const r = a.stmt('SELECT sha256, agency_norm, year FROM reports WHERE id = ?').get(id) as
      | { sha256: string; agency_norm: string | null; year: number | null }
      | undefined;
    if (!r) return false;
    // Its numbers by their keys (cell_numbers is keyed for the filters); its packed cells go with the row.
    dropCells(a, id);
    a.stmt('DELETE FROM reports WHERE id = ?').run(id);
    a.stmt('DELETE FROM originals WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE sha256 = ?)').run(r.sha256, r.sha256);
    // Its copies become files of their own until the year is sorted again.
    if (r.agency_norm && r.year) regroupAndRefresh(a, r.agency_norm, r.year);
    else if (r.agency_norm) refreshGroup(a, groupOf(a, r.agency_norm));
    return true;
  })();
}

export function original(a: Archive, id: number): { fileName: string; bytes: Buffer; sha256: string } | null {
  const r = a.stmt('SELECT r.file_name AS fileName, o.bytes AS bytes, o.packed AS packed, o.sha256 AS sha256 FROM reports r JOIN originals o ON o.sha256 = r.sha256 WHERE r.id = ?')
    .get(id) as { fileName: string; bytes: Buffer; packed: number; sha256: string } | undefined;
  return r ? { fileName: r.fileName, bytes: originalOf(r.bytes, r.packed), sha256: r.sha256 } : null;
}

export function exportRows(a: Archive): ExportRow[] {
  return a.stmt('SELECT id, file_name AS file, agency, year, template, status FROM reports WHERE is_record = 1 ORDER BY year, agency_norm, id')
    .all() as ExportRow[];
}

export function years(a: Archive): number[] {
  return (a.stmt('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL AND is_record = 1 ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
}

/** Reports, not files: each unit's report of a year once. */
export function count(a: Archive): number {
  return (a.stmt('SELECT COUNT(*) AS n FROM reports WHERE is_record = 1').get() as { n: number }).n;
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
  other_files: number;
  versions: number;
  version: number;
  is_record: number;
  copy_of: number | null;
  grp: string | null;
  evidence_json: string;
  meta_fixed: string | null;
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
    otherFiles: r.other_files,
    version: r.version,
    versions: Math.max(1, r.versions),
    record: r.is_record === 1,
    copyOf: r.copy_of,
    agencyGroup: r.grp,
    review: reviewReasons({
      agency: r.agency,
      year: r.year,
      evidence: JSON.parse(r.evidence_json) as MetaEvidence[],
      settled: new Set((r.meta_fixed ?? '').split(',').filter((f): f is 'agency' | 'year' => f === 'agency' || f === 'year')),
    }),
  };
}
