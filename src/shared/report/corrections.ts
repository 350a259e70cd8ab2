// Reviewers' corrections: a target ("cell:t3|new|total", "meta:agency", "meta:year") and the
// new value. Applied over a parsed report, the parsed value is kept as `original`.
import type { Cell, CellValue, TableId } from './model.ts';
import { parseValue } from './parse/values.ts';

export interface Correction {
  target: string;
  value: CellValue | string | number | null;
  original: CellValue | string | number | null;
  by: string;
  at: string;
}

export const cellTarget = (table: TableId, row: string, col: string) => `cell:${table}|${row}|${col}`;

/** Why a typed correction is no value (null when it is one): a number, a mark such as “/”, or nothing for blank. */
export function notAValue(text: string): string | null {
  return parseValue(text) ? null : `“${text}”不是数字，也不是“/”“—”之类的标记；留空表示空白格`;
}

export interface Correctable {
  agency: string | null;
  year: number | null;
  cells: Cell[];
}

export function applyCorrections<T extends Correctable>(r: T, corrections: Correction[], normalizeAgency: (s: string) => string): T & { agencyNormalized: string | null } {
  let agency = r.agency;
  let year = r.year;
  const cells = r.cells.map((c) => ({ ...c }));
  for (const k of corrections) {
    if (k.target === 'meta:agency') agency = (k.value as string | null) ?? null;
    else if (k.target === 'meta:year') year = (k.value as number | null) ?? null;
    else if (k.target.startsWith('cell:')) {
      const [table, row, col] = k.target.slice(5).split('|');
      const i = cells.findIndex((c) => c.table === table && c.row === row && c.col === col);
      const value = k.value as CellValue;
      if (i >= 0) cells[i] = { ...cells[i], value, original: cells[i].original ?? (k.original as CellValue) };
      else cells.push({ table: table as TableId, row, col, value, source: '人工更正', original: k.original as CellValue });
    }
  }
  return { ...r, agency, year, cells, agencyNormalized: agency ? normalizeAgency(agency) : null };
}
