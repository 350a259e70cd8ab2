// Copies and versions: a unit's report of a year may reach the office as several files (the
// unit's Word file, the portal's PDF, the page saved from the portal) and in several versions (a
// draft and its revision). Lists, sums, search and exports count the one file per unit and year
// that stands for the report (is_record); its tables come from the file read most certainly, a
// cell it lacks from its copies (cellsOf in reports.ts).
import type { Archive } from './archive.ts';
import type { ReportFiles } from '../../../shared/contract/types.ts';
import type { Part } from '../../../shared/report/model.ts';
import { certainty, formName, sameReport, type FileReading } from '../../../shared/report/same-report.ts';
import { fileCellsOf } from './reports.ts';
import { groupOf, membersOf } from './agencies.ts';
import { checkOwn, refreshGroup } from './checks.ts';
import { indexReport } from './search.ts';
import { bodyOf } from './packed.ts';

interface FileRow {
  id: number;
  file_name: string;
  format: string;
  date: string | null;
  body: Buffer;
  complete: number;
  chosen: number;
  kept_apart: number;
  copy_of: number | null;
  copy_why: string | null;
  version: number;
  is_record: number;
}

/** Every file of one agency group's year, in import order. */
function filesOf(a: Archive, group: string, year: number): FileRow[] {
  return membersOf(a, group)
    .flatMap(
      (n) =>
        a
          .stmt('SELECT id, file_name, format, date, body, complete, chosen, kept_apart, copy_of, copy_why, version, is_record FROM reports WHERE agency_norm = ? AND year = ?')
          .all(n, year) as FileRow[],
    )
    .sort((x, y) => x.id - y.id);
}

const reading = (a: Archive, f: FileRow): FileReading => ({
  format: f.format,
  date: f.date,
  ...bodyOf(f.body),
  cells: fileCellsOf(a, f.id),
  complete: f.complete === 1,
});

/**
 * Sorts the files of one unit and year into reports: files with the same content are one
 * version, read from its most certain file; versions are ordered by signature date, then import;
 * the newest (or the one the clerk chose) is the report of record. Returns the record's id.
 */
export function regroup(a: Archive, group: string, year: number): number | null {
  const files = filesOf(a, group, year);
  if (!files.length) return null;
  // Read (text, parts, cells) only where a comparison needs it: most unit-years have one file.
  const readings = new Map<number, FileReading>();
  const readOf = (f: FileRow) => readings.get(f.id) ?? readings.set(f.id, reading(a, f)).get(f.id)!;
  // Each file against the first file of each version so far: one comparison per version.
  const versions: FileRow[][] = [];
  const whys = new Map<number, string>();
  for (const f of files) {
    let home: FileRow[] | undefined;
    if (!f.kept_apart)
      for (const v of versions) {
        if (v[0].kept_apart) continue;
        const s = sameReport(readOf(v[0]), readOf(f));
        if (!s.same) continue;
        home = v;
        whys.set(f.id, s.why);
        break;
      }
    if (home) home.push(f);
    else versions.push([f]);
  }
  const primaryOf = (v: FileRow[]) =>
    v.find((f) => f.chosen) ??
    (v.length === 1 ? v[0] : undefined) ??
    [...v].sort((x, y) => certainty(readOf(y)) - certainty(readOf(x)) || x.file_name.localeCompare(y.file_name) || x.id - y.id)[0];
  const dated = versions.map((v) => ({ files: v, primary: primaryOf(v) }));
  dated.sort((x, y) => (x.primary.date ?? '').localeCompare(y.primary.date ?? '') || x.files[0].id - y.files[0].id);
  const record = dated.find((v) => v.files.some((f) => f.chosen)) ?? dated[dated.length - 1];
  const set = a.stmt('UPDATE reports SET copy_of = ?, copy_why = ?, version = ?, is_record = ? WHERE id = ?');
  const changed: number[] = [];
  const touched = new Set<number>();
  dated.forEach((v, i) => {
    for (const f of v.files) {
      const copyOf = f === v.primary ? null : v.primary.id;
      const isRecord = v === record && f === v.primary ? 1 : 0;
      if (f.copy_of === copyOf && f.version === i + 1 && f.is_record === isRecord) continue;
      // Said against the file the tables come from (the clustering compared with the version's first file).
      const why = copyOf === null ? null : ((v.files[0] === v.primary ? whys.get(f.id) : undefined) ?? sameReport(readOf(v.primary), readOf(f)).why);
      set.run(copyOf, why, i + 1, isRecord, f.id);
      changed.push(f.id);
      for (const p of [f.copy_of, copyOf, f.id]) if (p !== null) touched.add(p);
    }
  });
  // A primary whose copies changed takes other cells from them: its own checks see them. Search
  // holds the record only.
  for (const v of dated) if (touched.has(v.primary.id)) checkOwn(a, v.primary.id);
  for (const id of changed) indexReport(a, id);
  return record.primary.id;
}

/** regroup, then the cross-year checks around the year (its record may have changed). */
export function regroupAndRefresh(a: Archive, agencyNorm: string, year: number): void {
  const group = groupOf(a, agencyNorm);
  const record = regroup(a, group, year);
  refreshGroup(a, group, { id: record ?? undefined, year });
}

/**
 * A file just imported: sorted in with the unit's year. A new version later than every other
 * (a revision sent back after the 审核意见) becomes the report of record even where the clerk had
 * chosen an earlier one: that choice was among the versions there were.
 */
export function placeNewFile(a: Archive, id: number, agencyNorm: string, year: number): void {
  regroupAndRefresh(a, agencyNorm, year);
  const group = groupOf(a, agencyNorm);
  const files = filesOf(a, group, year);
  const mine = files.find((f) => f.id === id);
  if (!mine || mine.copy_of !== null || mine.is_record || mine.version < Math.max(...files.map((f) => f.version))) return;
  for (const f of files) if (f.chosen) a.stmt('UPDATE reports SET chosen = 0 WHERE id = ?').run(f.id);
  regroupAndRefresh(a, agencyNorm, year);
}

/** Every year of every group: an archive upgraded from before schema 10, once. */
export function regroupAll(a: Archive): void {
  const rows = a.stmt('SELECT DISTINCT agency_norm AS name, year FROM reports WHERE agency_norm IS NOT NULL AND year IS NOT NULL').all() as { name: string; year: number }[];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${groupOf(a, r.name)}|${r.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    regroup(a, groupOf(a, r.name), r.year);
  }
}

/** Every year of one group (after a merge or unmerge changed which names it holds). */
export function regroupGroup(a: Archive, group: string): void {
  const years = new Set(
    membersOf(a, group).flatMap((n) => (a.stmt('SELECT DISTINCT year FROM reports WHERE agency_norm = ? AND year IS NOT NULL').all(n) as { year: number }[]).map((r) => r.year)),
  );
  for (const y of years) regroup(a, group, y);
}

/** The files and versions of the report a file belongs to, for the report page. */
export function filesOfReport(a: Archive, id: number): ReportFiles | null {
  const r = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
  if (!r?.agency_norm || !r.year) return null;
  const files = filesOf(a, groupOf(a, r.agency_norm), r.year);
  if (files.length < 2) return null;
  const mine = files.find((f) => f.id === id)!;
  const primary = mine.copy_of ?? mine.id;
  return {
    files: files
      .filter((f) => f.id === primary || f.copy_of === primary)
      .map((f) => ({ id: f.id, fileName: f.file_name, form: formName(f.format), primary: f.id === primary, why: f.copy_of === null ? null : f.copy_why, chosen: f.chosen === 1 })),
    versions: files
      .filter((f) => f.copy_of === null)
      .sort((x, y) => x.version - y.version)
      .map((f) => ({ id: f.id, version: f.version, date: f.date, fileName: f.file_name, record: f.is_record === 1, files: 1 + files.filter((c) => c.copy_of === f.id).length })),
    version: mine.version,
  };
}

/**
 * The clerk's word: this file's tables stand for its version, and its version for the report
 * (以此文件为准); the other files of the unit's year lose that choice.
 */
export function chooseFile(a: Archive, id: number): void {
  a.db.transaction(() => {
    const r = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
    if (!r) throw new Error('档案中没有这份报告');
    if (!r.agency_norm || !r.year) throw new Error('这份报告的单位或年度未确定，请先设置');
    const group = groupOf(a, r.agency_norm);
    for (const f of filesOf(a, group, r.year)) a.stmt('UPDATE reports SET chosen = ? WHERE id = ?').run(f.id === id ? 1 : 0, f.id);
    regroupAndRefresh(a, r.agency_norm, r.year);
  })();
}

/** The clerk's word that a file taken as a copy is another version (拆分), or, undone, that it may be a copy again. */
export function keepApart(a: Archive, id: number, apart: boolean): void {
  a.db.transaction(() => {
    const r = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null } | undefined;
    if (!r) throw new Error('档案中没有这份报告');
    a.stmt('UPDATE reports SET kept_apart = ?, chosen = CASE WHEN ? THEN 0 ELSE chosen END WHERE id = ?').run(apart ? 1 : 0, apart ? 1 : 0, id);
    if (r.agency_norm && r.year) regroupAndRefresh(a, r.agency_norm, r.year);
  })();
}
