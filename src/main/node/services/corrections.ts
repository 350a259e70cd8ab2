// Corrections: a cell, a report's agency and year, many reports at once (undone by a token of
// this session), reverting to the parsed value, and the names offered while typing an agency.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Handlers } from '../../../shared/contract/index.ts';
import type { UndoResult } from '../../../shared/contract/types.ts';
import { cellTarget, notAValue } from '../../../shared/report/corrections.ts';
import { parseValue } from '../../../shared/report/parse/values.ts';
import type { MetaSnapshot, Restored } from '../archive/archive.ts';
import type { ServiceContext } from './context.ts';

type CorrectionHandlers = Pick<Handlers, 'correctCell' | 'confirmCells' | 'correctMeta' | 'correctMetaMany' | 'undoMetaMany' | 'suggestAgencies' | 'revertCorrection'>;

/** Who made a correction: the local user of this PC. */
export function who(): string {
  try {
    return userInfo().username;
  } catch {
    return '本机用户';
  }
}

export function correctionHandlers({ archive, shownReport, detail }: ServiceContext): CorrectionHandlers {
  // Bulk metadata changes of this session, by token, for 撤销.
  const undos = new Map<string, MetaSnapshot[]>();
  return {
    correctCell: ({ id, table, row, col, text }) => {
      const value = parseValue(text);
      if (!value) throw new Error(notAValue(text)!);
      archive.correct(id, cellTarget(table, row, col), value, who());
      return shownReport(detail(id))!;
    },
    confirmCells: ({ id, cells }) => {
      // Recorded as corrections to the value read: the cell is then the clerk's, and a rule it fails is the document's.
      const now = detail(id);
      for (const c of cells) {
        const cell = now.cells.find((x) => x.table === c.table && x.row === c.row && x.col === c.col);
        if (cell && cell.how && !cell.original) archive.correct(id, cellTarget(c.table, c.row, c.col), cell.value, `${who()}（核对原文）`);
      }
      return shownReport(detail(id))!;
    },
    correctMeta: ({ id, agency, year }) => {
      // Only what changed is recorded: the dialog sends both fields.
      const now = detail(id);
      if (agency !== undefined && agency !== now.agency) archive.correct(id, 'meta:agency', agency, who());
      if (year !== undefined && year !== now.year) archive.correct(id, 'meta:year', year, who());
      return shownReport(detail(id))!;
    },
    correctMetaMany: ({ ids, agency, year }) => {
      const before = archive.correctMetaMany([...new Set(ids)], { agency, year }, who());
      const undo = randomBytes(12).toString('base64url');
      undos.set(undo, before);
      // The last few bulk changes of this session can be undone.
      for (const k of [...undos.keys()].slice(0, -20)) undos.delete(k);
      return { changed: new Set(before.map((b) => b.id)).size, undo };
    },
    undoMetaMany: ({ undo }) => {
      const before = undos.get(undo);
      if (!before) throw new Error('这次修改已无法撤销（程序重新打开过，或已撤销）');
      const restored = archive.restoreMeta(before);
      undos.delete(undo);
      return { undone: new Set(before.map((b) => b.id)).size, ...restoredSummary(restored) };
    },
    suggestAgencies: ({ text }) => archive.suggestAgencies(text),
    revertCorrection: ({ id, target }) => {
      archive.revert(id, target);
      return shownReport(detail(id))!;
    },
  };
}

/** What an undo put back, per field: how many reports, and their values (the first few, for the message). */
function restoredSummary(restored: Restored[]): Omit<UndoResult, 'undone'> {
  const field = <V>(target: Restored['target']) => {
    const of = restored.filter((r) => r.target === target);
    return of.length ? { [target.slice(5)]: { reports: new Set(of.map((r) => r.id)).size, values: [...new Set(of.map((r) => r.value as V))].slice(0, 5) } } : {};
  };
  return { ...field<string | null>('meta:agency'), ...field<number | null>('meta:year') };
}
