// Label-anchored rows: find each row's label in the token stream, in the template's order,
// and give it the values that follow, up to the next row's label.
import type { CellValue } from '../model.ts';
import type { RowSpec } from '../templates/types.ts';
import { norm } from './normalize.ts';
import type { Token } from './tokens.ts';

export interface ParsedRow {
  rowId: string;
  label: Token;
  values: { value: CellValue; source: string }[];
  /** Fewer values than columns, in a layout that drops blank cells: positions are uncertain. */
  short: boolean;
  /** Index of the last token the row consumed. */
  end: number;
}

const WEAK_WINDOW = 4;

/** Index of the row a label token starts, looking only ahead of `expect`. */
export function matchRow(tokenNorm: string, rows: RowSpec[], expect: number): number {
  for (let i = expect; i < rows.length; i++) {
    if (rows[i].keys.some((k) => tokenNorm.includes(norm(k)))) return i;
    if (i < expect + WEAK_WINDOW && rows[i].weakKeys?.some((k) => tokenNorm.includes(norm(k)))) return i;
  }
  return -1;
}

export function parseRows(
  tokens: Token[],
  rows: RowSpec[],
  columnsOf: (rowId: string) => number,
  startAt = 0,
): ParsedRow[] {
  const out: ParsedRow[] = [];
  let expect = 0;
  let cur: { row: number; label: Token; vals: Token[]; end: number } | null = null;
  const finish = () => {
    if (!cur) return;
    const n = columnsOf(rows[cur.row].id);
    const vals = fit(cur.vals, n);
    out.push({
      rowId: rows[cur.row].id,
      label: cur.label,
      values: vals.map((t) => ({ value: t.value!, source: t.source })),
      short: vals.length < n,
      end: cur.end,
    });
    cur = null;
  };
  for (let i = startAt; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.value === null) {
      const m = matchRow(t.norm, rows, expect);
      if (m >= 0) {
        finish();
        cur = { row: m, label: t, vals: [], end: i };
        expect = m + 1;
      }
      continue;
    }
    if (!cur) continue;
    const n = columnsOf(rows[cur.row].id);
    // Text laid out with spaces has no blank cells, so once a row is full the rest is not its own.
    if (!t.structured && cur.vals.filter((v) => v.value!.kind !== 'blank').length >= n) continue;
    cur.vals.push(t);
    cur.end = i;
  }
  finish();
  return out;
}

/** Structured layouts pad rows with empty cells (merged placeholders): drop blanks at the ends first. */
function fit(vals: Token[], n: number): Token[] {
  const v = [...vals];
  while (v.length > n && v[v.length - 1].value!.kind === 'blank') v.pop();
  while (v.length > n && v[0].value!.kind === 'blank') v.shift();
  return v.slice(0, n);
}
