// Findings: a report's own checks, the cross-year ones within its agency group, and its status.
import type { Archive } from './archive.ts';
import type { Finding, ParseNote, Part, TemplateId } from '../../../shared/report/model.ts';
import { allChecks } from '../../../shared/report/checks/index.ts';
import { checkCrossYear } from '../../../shared/report/checks/cross-year.ts';
import { statusOf } from '../../../shared/report/status.ts';
import { cellsOf, findingsOf } from './reports.ts';
import { groupOf, latestByYear, reportsOfGroup, type GroupReport } from './agencies.ts';
import { correctionsFor } from './corrections.ts';
import { bodyOf, packFindings } from './packed.ts';
import { changeCell } from './cells.ts';


const CROSS_YEAR = new Set(['X1', 'X2', 'Y2']);

/** Adds findings after the report's others. */
export function insertFindings(a: Archive, id: number, findings: Finding[]): void {
  if (findings.length) writeFindings(a, id, [...findingsOf(a, id), ...findings]);
}

/** A report's findings as one packed value, with the counts the library lists (no row when there are none). */
export function writeFindings(a: Archive, id: number, findings: Finding[]): void {
  if (!findings.length) {
    a.stmt('DELETE FROM findings WHERE report_id = ?').run(id);
    return;
  }
  // Only what the model says: a finding read back is the finding written.
  const kept = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cells: f.cells,
    ...(f.at ? { at: f.at } : {}),
    ...(f.fault ? { fault: f.fault } : {}),
    ...(f.why ? { why: f.why } : {}),
  }));
  const count = (s: Finding['severity']) => kept.filter((f) => f.severity === s).length;
  a.stmt('INSERT OR REPLACE INTO findings (report_id, errors, warnings, packed) VALUES (?, ?, ?, ?)').run(id, count('error'), count('warning'), packFindings(kept));
}

/** Puts `found` in place of the report's cross-year findings (`cross`) or of its own ones (`!cross`), after the others. */
function replaceFindings(a: Archive, id: number, cross: boolean, found: Finding[]): void {
  const all = findingsOf(a, id);
  const kept = all.filter((f) => CROSS_YEAR.has(f.rule) !== cross);
  if (kept.length !== all.length || found.length) writeFindings(a, id, [...kept, ...found]);
}

/**
 * Recomputes X1/X2 between consecutive years of one agency group, and the statuses. With a
 * scope, only what a change to one report of `year` can affect: that report, and the reports
 * of the next year (they compare against the year's latest report).
 */
export function refreshGroup(a: Archive, group: string, scope?: { id?: number; year: number }): void {
  const reports = reportsOfGroup(a, group);
  // Split rows are settled in every file (a copy read from flattened text too), by the records around it.
  for (const id of resolvePending(a, reportsOfGroup(a, group, true), reports)) checkOwn(a, id);
  const byYear = latestByYear(reports);
  for (const r of reports) {
    if (scope && r.id !== scope.id && r.year !== scope.year + 1) continue;
    const prev = byYear.get(r.year - 1);
    const found = prev ? checkCrossYear({ ...prev, cells: cellsOf(a, prev.id), parts: partsOf(a, prev.id) }, { ...r, cells: cellsOf(a, r.id), parts: partsOf(a, r.id) }) : [];
    replaceFindings(a, r.id, true, found);
    updateStatus(a, r.id);
  }
}

export function partsOf(a: Archive, id: number): Part[] {
  const r = a.stmt('SELECT body FROM reports WHERE id = ?').get(id) as { body: Buffer } | undefined;
  return r ? bodyOf(r.body).parts : [];
}

export function updateStatus(a: Archive, id: number): void {
  const r = a.stmt('SELECT complete FROM reports WHERE id = ?').get(id) as { complete: number } | undefined;
  if (!r) return;
  a.stmt('UPDATE reports SET status = ? WHERE id = ?').run(statusOf(r.complete === 1, findingsOf(a, id)), id);
}

/** Re-runs the report's own checks from what is stored (after a correction). */
export function recheck(a: Archive, id: number): void {
  const r = checkOwn(a, id);
  if (r?.agency_norm) refreshGroup(a, groupOf(a, r.agency_norm), r.year ? { id, year: r.year } : undefined);
}

/** The report's own checks (not the cross-year ones) from what is stored. */
export function checkOwn(a: Archive, id: number): { agency_norm: string | null; year: number | null } | null {
  const r = a.stmt('SELECT agency, agency_norm, year, date, template, body, notes_json FROM reports WHERE id = ?').get(id) as
    | { agency: string | null; agency_norm: string | null; year: number | null; date: string | null; template: TemplateId; body: Buffer; notes_json: string }
    | undefined;
  if (!r) return null;
  const { text, parts } = bodyOf(r.body);
  const findings = allChecks({ agency: r.agency, year: r.year, date: r.date, template: r.template, parts, cells: cellsOf(a, id), notes: openNotes(a, id, JSON.parse(r.notes_json)), text });
  replaceFindings(a, id, false, findings);
  updateStatus(a, id);
  return r;
}

/**
 * Rows of table 二 left blank because their run-together digits read several ways, decided by
 * the neighbouring years (X2): 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N). Taken only
 * where exactly one reading agrees, marked 推断; the ids of the reports that changed.
 */
export function resolvePending(a: Archive, reports: GroupReport[], records: GroupReport[] = reports): number[] {
  const byYear = latestByYear(records);
  const changed: number[] = [];
  const value = (id: number, row: string, col: string) => {
    const c = cellsOf(a, id).find((x) => x.table === 't2' && x.row === row && x.col === col);
    return c?.value.kind === 'number' ? c.value.num : null;
  };
  // Every report of the group (a second file of one year too), against the latest of the years around it.
  for (const r of [...reports].sort((a, b) => a.year - b.year)) {
    if (r.template !== 'T2021') continue;
    const notes = JSON.parse((a.stmt('SELECT notes_json FROM reports WHERE id = ?').get(r.id) as { notes_json: string }).notes_json) as ParseNote[];
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
      // A cell the file has already stays as it is.
      p.cols.forEach((col, k) =>
        changeCell(a, r.id, { table: 't2', row: p.row, col }, (own) => own ?? { table: 't2', row: p.row, col, value: { kind: 'number', num: Number(reading[k]), raw: reading[k] }, source: `推断（表格分隔丢失，按${by}拆分）`, how: 'inferred' }),
      );
      n.code = 'split-inferred';
      n.message = `表二“${p.row === 'rules' ? '规章' : '行政规范性文件'}”的数字连在一起（“${p.run}”），按${by}只有一种拆分：${reading.join('、')}，已记录并标为推断`;
      delete n.pending;
      touched = true;
    }
    if (touched) {
      a.stmt('UPDATE reports SET notes_json = ? WHERE id = ?').run(JSON.stringify(notes), r.id);
      changed.push(r.id);
    }
  }
  return changed;
}

/** A disagreement about agency or year is settled once a reviewer has corrected them. */
export function openNotes(a: Archive, id: number, notes: ParseNote[]): ParseNote[] {
  const sha = (a.stmt('SELECT sha256 FROM reports WHERE id = ?').get(id) as { sha256: string }).sha256;
  return correctionsFor(a, sha).some((c) => c.target.startsWith('meta:')) ? notes.filter((n) => n.code !== 'meta-disagree') : notes;
}
