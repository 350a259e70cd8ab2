// Corrections: what a reviewer changed in a report (cells, agency, year), kept against the file's
// hash so that the parsed value stays the original; bulk changes and their undo.
import type { Archive } from './archive.ts';
import type { Correction } from '../../../shared/report/corrections.ts';
import type { CellValue } from '../../../shared/report/model.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { indexReport } from './search.ts';
import { cellsOf } from './reports.ts';
import { recheck, refreshGroup } from './checks.ts';
import { groupOf } from './agencies.ts';
import { regroup } from './versions.ts';
import { changeCell, type StoredCell } from './cells.ts';

export function correctionsFor(a: Archive, sha256: string): Correction[] {
  const rows = a.stmt('SELECT target, original_json, value_json, corrected_by, corrected_at FROM corrections WHERE sha256 = ? ORDER BY corrected_at').all(sha256) as {
    target: string;
    original_json: string;
    value_json: string;
    corrected_by: string;
    corrected_at: string;
  }[];
  return rows.map((c) => ({ target: c.target, original: JSON.parse(c.original_json), value: JSON.parse(c.value_json), by: c.corrected_by, at: c.corrected_at }));
}

/** Records a correction (the first parsed value stays the original), applies it, re-checks. */
export function correct(a: Archive, id: number, target: string, value: CellValue | string | number | null, by: string): void {
  a.db.transaction(() => {
    const r = a.stmt('SELECT sha256, agency, agency_norm, year FROM reports WHERE id = ?').get(id) as
      | { sha256: string; agency: string | null; agency_norm: string | null; year: number | null }
      | undefined;
    if (!r) throw new Error('档案中没有这份报告');
    // A report's agency and year are its files': its copies move with it (each keeps its own record).
    const copies = target.startsWith('meta:') ? (a.stmt('SELECT id FROM reports WHERE copy_of = ?').all(id) as { id: number }[]).map((c) => c.id) : [];
    const previous = correctionsFor(a, r.sha256).find((c) => c.target === target);
    let current: unknown;
    if (target === 'meta:agency') {
      current = r.agency;
      const name = (value as string | null)?.trim() || null;
      a.stmt('UPDATE reports SET agency = ?, agency_norm = ? WHERE id = ?').run(name, name ? normalizeAgency(name) : null, id);
    } else if (target === 'meta:year') {
      current = r.year;
      a.stmt('UPDATE reports SET year = ? WHERE id = ?').run(value, id);
    } else {
      const [table, row, col] = target.slice(5).split('|');
      const cell = cellsOf(a, id).find((c) => c.table === table && c.row === row && c.col === col);
      current = cell ? cell.value : null;
      const v = value as CellValue | null;
      const unit = v?.unit ?? cell?.value.unit;
      const next = v && { kind: v.kind, num: v.num, raw: v.raw, ...(unit ? { unit } : {}) };
      // The file's own cell keeps where it stands (source, at, alt); it is no longer worked out (how).
      // None (a cell the table lacked, put back by revert) removes it.
      changeCell(a, id, { table: table as StoredCell['table'], row, col }, (own) => {
        if (!next) return null;
        if (!own) return { table: table as StoredCell['table'], row, col, value: next, source: '人工更正' };
        const { how: _how, ...rest } = own;
        return { ...rest, value: next };
      });
    }
    a.stmt(
        `INSERT INTO corrections (sha256, target, original_json, value_json, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256, target) DO UPDATE SET value_json = excluded.value_json, corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at`,
      )
      .run(r.sha256, target, JSON.stringify(previous ? previous.original : (current ?? null)), JSON.stringify(value), by, new Date().toISOString());
    for (const c of copies) correct(a, c, target, value, by);
    if (target.startsWith('meta:')) moved(a, id, r);
    recheck(a, id);
    if (target.startsWith('meta:')) indexReport(a, id);
    // A new agency or year moves the report: its old group is recomputed whole.
    if (target.startsWith('meta:') && r.agency_norm) refreshGroup(a, groupOf(a, r.agency_norm));
  })();
}

/** A file's agency or year changed: the unit's years it left and joined are sorted into reports again. */
function moved(a: Archive, id: number, before: { agency_norm: string | null; year: number | null }): void {
  const now = a.stmt('SELECT agency_norm, year FROM reports WHERE id = ?').get(id) as { agency_norm: string | null; year: number | null };
  if (before.agency_norm && before.year) regroup(a, groupOf(a, before.agency_norm), before.year);
  if (now.agency_norm && now.year) regroup(a, groupOf(a, now.agency_norm), now.year);
  else a.stmt('UPDATE reports SET copy_of = NULL, copy_why = NULL, version = 1, is_record = 1 WHERE id = ?').run(id);
}

/** Puts the parsed value back and forgets the correction. */
export function revert(a: Archive, id: number, target: string): void {
  a.db.transaction(() => {
    const r = a.stmt('SELECT sha256 FROM reports WHERE id = ?').get(id) as { sha256: string } | undefined;
    if (!r) throw new Error('档案中没有这份报告');
    const c = correctionsFor(a, r.sha256).find((x) => x.target === target);
    if (!c) return;
    if (target.startsWith('meta:')) for (const k of a.stmt('SELECT id FROM reports WHERE copy_of = ?').all(id) as { id: number }[]) revert(a, k.id, target);
    // Put the original back through correct(), then drop the record so nothing says "corrected".
    correct(a, id, target, c.original, c.by);
    a.stmt('DELETE FROM corrections WHERE sha256 = ? AND target = ?').run(r.sha256, target);
    if (target.startsWith('cell:') && c.original === null) {
      const [table, row, col] = target.slice(5).split('|');
      changeCell(a, id, { table: table as StoredCell['table'], row, col }, () => null);
      recheck(a, id);
    }
  })();
}

/** A metadata field of one report before a bulk change: the correction record that held it, or none. */
export interface MetaSnapshot {
  id: number;
  target: 'meta:agency' | 'meta:year';
  previous: Correction | null;
}

/**
 * What each bulk change found, by the record it wrote (file hash and field): a change applied
 * again (Enter pressed twice) finds its own value there, and its snapshot must hold what the
 * first change found, or its undo would put back the first's value. Per archive, bounded.
 */
const foundBefore = new WeakMap<Archive, Map<string, { wrote: Correction; previous: Correction | null }>>();
const REMEMBERED = 50_000;

function memoryOf(a: Archive) {
  let m = foundBefore.get(a);
  if (!m) foundBefore.set(a, (m = new Map()));
  return m;
}

const sameRecord = (x: Correction, y: Correction) => x.at === y.at && x.by === y.by && JSON.stringify(x.value) === JSON.stringify(y.value);

/**
 * One agency and/or year for many reports, in one transaction; what each field was before
 * (its correction record, or none) comes back, so the whole change can be undone. A field that
 * already holds the value through an earlier bulk change's record keeps that change's snapshot.
 */
export function correctMetaMany(a: Archive, ids: number[], change: { agency?: string; year?: number }, by: string): MetaSnapshot[] {
  const memory = memoryOf(a);
  return a.db.transaction(() => {
    const before: MetaSnapshot[] = [];
    for (const id of ids) {
      const r = a.stmt('SELECT sha256, agency, year FROM reports WHERE id = ?').get(id) as { sha256: string; agency: string | null; year: number | null } | undefined;
      if (!r) throw new Error(`档案中没有报告 #${id}`);
      for (const [target, value, now] of [
        ['meta:agency', change.agency, r.agency],
        ['meta:year', change.year, r.year],
      ] as const) {
        if (value === undefined) continue;
        const key = `${r.sha256}|${target}`;
        const current = correctionsFor(a, r.sha256).find((c) => c.target === target) ?? null;
        const earlier = memory.get(key);
        if (value === now && current) {
          // Already so: a repeat of a bulk change undoes to what that change found; otherwise it is a no-op.
          before.push({ id, target, previous: earlier && sameRecord(earlier.wrote, current) ? earlier.previous : current });
          continue;
        }
        // Setting what is already there (with no record) confirms it; it is recorded all the same, as settled.
        before.push({ id, target, previous: current });
        correct(a, id, target, value, by);
        const wrote = correctionsFor(a, r.sha256).find((c) => c.target === target)!;
        memory.delete(key);
        memory.set(key, { wrote, previous: current });
      }
    }
    for (const k of memory.keys()) {
      if (memory.size <= REMEMBERED) break;
      memory.delete(k);
    }
    return before;
  })();
}

/** What an undo put back: each field's value after it, by report. */
export interface Restored {
  id: number;
  target: 'meta:agency' | 'meta:year';
  value: string | number | null;
}

/** Undoes correctMetaMany: each field back to its record before, or to the parsed value. */
export function restoreMeta(a: Archive, before: MetaSnapshot[]): Restored[] {
  const memory = memoryOf(a);
  return a.db.transaction(() => {
    const restored: Restored[] = [];
    for (const b of [...before].reverse()) {
      const r = a.stmt('SELECT sha256 FROM reports WHERE id = ?').get(b.id) as { sha256: string } | undefined;
      if (!r) continue; // removed meanwhile
      memory.delete(`${r.sha256}|${b.target}`);
      if (!b.previous) revert(a, b.id, b.target);
      else {
        correct(a, b.id, b.target, b.previous.value as string | number, b.previous.by);
        a.stmt('UPDATE corrections SET original_json = ?, corrected_by = ?, corrected_at = ? WHERE sha256 = ? AND target = ?').run(
          JSON.stringify(b.previous.original),
          b.previous.by,
          b.previous.at,
          r.sha256,
          b.target,
        );
      }
      const now = a.stmt('SELECT agency, year FROM reports WHERE id = ?').get(b.id) as { agency: string | null; year: number | null };
      restored.push({ id: b.id, target: b.target, value: b.target === 'meta:agency' ? now.agency : now.year });
    }
    return restored.reverse();
  })();
}
