// Label-anchored rows: find each row's label in the token stream, in the template's order,
// and give it the values that follow, up to the next row's label.
import type { OcrReading } from '../../doc/blocks.ts';
import type { CellHow, CellOrigin, CellValue } from '../model.ts';
import type { RowSpec } from '../templates/types.ts';
import { norm } from './normalize.ts';
import type { Token } from './tokens.ts';

export interface ParsedRow {
  rowId: string;
  label: Token;
  values: RowValue[];
  /** Fewer values than columns, in a layout that drops blank cells: positions are uncertain. */
  short: boolean;
  /** Index of the last token the row consumed. */
  end: number;
  /** The row's values came from a text layout (no cell boundaries): its value text, to be re-read by the sums. */
  run: string | null;
}

/** A value of a row and where it came from. */
export interface RowValue {
  value: CellValue;
  source: string;
  at?: CellOrigin;
  how?: CellHow;
  cut?: 'edge' | 'clipped';
  ocr?: OcrReading;
}

/** The value a token gives a row. */
export const rowValue = (t: Token): RowValue => ({
  value: t.value!,
  source: t.ocr ? `${t.source}，文字识别（OCR，把握${Math.round(t.ocr.conf * 100)}%）` : t.source,
  at: t.at,
  ...(t.ocr ? { how: 'ocr' as const, ocr: t.ocr } : t.geometry ? { how: 'geometry' as const } : {}),
  ...(t.cut ? { cut: t.cut } : {}),
});

const WEAK_WINDOW = 4;

const unnumbered = (s: string) => s.replace(/^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十]{1,2}[)）])/, '');

/** A label that is a sentence or a new numbered item, not a wrapped piece of a row's label. */
const PROSE = /[。；;]|(?:19|20)\d\d年|^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)|.{40}/;

/** Index of the row a label token starts, looking only ahead of `expect`. */
export function matchRow(tokenNorm: string, rows: RowSpec[], expect: number): number {
  for (let i = expect; i < rows.length; i++) {
    if (rows[i].keys.some((k) => tokenNorm.includes(norm(k)))) return i;
    // A weak key is the whole label, numbering aside ("3.其他", "总计"): "（六）其他处理" is not "其他".
    if (i < expect + WEAK_WINDOW && rows[i].weakKeys?.some((k) => unnumbered(tokenNorm) === norm(k))) return i;
  }
  return -1;
}

/**
 * `headings`: the table's own headings that are no row (三、本年度办理结果). They and the groups'
 * headings (（六）其他处理) are part of the table wherever a PDF lays them out: beside the middle
 * line of a row's wrapped label, never text after the table.
 */
export function parseRows(
  tokens: Token[],
  rows: RowSpec[],
  columnsOf: (rowId: string) => number,
  startAt = 0,
  tableHeadings: string[] = [],
): ParsedRow[] {
  const out: ParsedRow[] = [];
  const headings = new Set([...tableHeadings.map(norm), ...rows.flatMap((r) => (r.group ? [norm(r.group)] : []))]);
  let expect = 0;
  let cur: { row: number; label: Token; vals: Token[]; end: number } | null = null;
  // A short label that matched no row, and the values no row took after it: the first half of a
  // label a PDF wrapped around its values ("（一）予以" 0 0 0 0 0 0 0 "公开").
  let pending: { label: Token; orphans: Token[] } | null = null;
  const finish = () => {
    if (!cur) return;
    const n = columnsOf(rows[cur.row].id);
    const text = cur.vals.length > 0 && cur.vals.every((t) => !t.structured);
    const vals = text ? cur.vals : fit(cur.vals, n);
    out.push({
      rowId: rows[cur.row].id,
      label: cur.label,
      values: vals.slice(0, n).map(rowValue),
      short: vals.length < n,
      end: cur.end,
      run: text ? cur.vals.map((t) => t.text).join(' ') : null,
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
        pending = null;
        continue;
      }
      if (pending && pending.orphans.length > 0) {
        // The two halves name a row neither names alone, and the values between fit it exactly.
        const joined = matchRow(pending.label.norm + t.norm, rows, expect);
        if (joined >= 0 && pending.orphans.length === columnsOf(rows[joined].id)) {
          finish();
          cur = { row: joined, label: pending.label, vals: pending.orphans, end: i };
          expect = joined + 1;
          pending = null;
          continue;
        }
      }
      if (headings.has(t.norm)) continue;
      if (cur && !t.structured && PROSE.test(t.norm)) {
        // Text after the table ("(二)主动公开政府信息的主要类别2023年…") is not the row's: its
        // numbers must never fill the row's missing cells.
        finish();
      }
      pending = !t.structured && t.norm.length <= 12 ? { label: t, orphans: [] } : null;
      continue;
    }
    // Text laid out with spaces has no blank cells, so once a row is full the rest is not its own.
    if (!cur || (!t.structured && cur.vals.filter((v) => v.value!.kind !== 'blank').length >= columnsOf(rows[cur.row].id))) {
      if (pending && !t.structured) pending.orphans.push(t);
      continue;
    }
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
