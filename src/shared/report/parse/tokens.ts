// Units -> a stream of cell tokens. Every table layout real files use becomes the same
// stream: Word cells, " | " cells, tab cells (one per line or per row), and cells
// separated by runs of spaces in text copied out of a PDF.
import type { CellValue } from '../model.ts';
import { norm } from './normalize.ts';
import type { Unit } from './units.ts';
import { parseValue } from './values.ts';

export interface Token {
  text: string;
  norm: string;
  /** A parsed value, or null for a label. */
  value: CellValue | null;
  /** Layouts that keep empty cells (Word, pipes, tabs); in space-separated text blanks are lost. */
  structured: boolean;
  unit: number;
  source: string;
}

export function tokenize(units: Unit[], from: number, to: number): Token[] {
  const out: Token[] = [];
  let prevTabLine = false;
  for (let i = from; i < to && i < units.length; i++) {
    const u = units[i];
    if (u.kind === 'table') {
      u.rows.forEach((row, r) =>
        row.forEach((c, ci) =>
          out.push(make(c.text.replace(/\s*\n\s*/g, ''), true, i, `表格${u.tableNo} 第${r + 1}行 第${ci + 1}格`)),
        ),
      );
      prevTabLine = false;
      continue;
    }
    const line = u.text;
    const src = `第${i + 1}行`;
    if (line.includes('|')) {
      const pieces = line.split('|');
      if (line.trimEnd().endsWith('|')) pieces.pop();
      for (const p of pieces) out.push(make(p, true, i, src));
      prevTabLine = false;
    } else if (line.includes('\t')) {
      const pieces = line.split('\t');
      if (pieces[0].trim() === '') pieces.shift();
      for (const p of pieces) out.push(make(p, true, i, src));
      prevTabLine = true;
    } else if (line.trim() === '') {
      prevTabLine = false;
    } else if (prevTabLine && out.length > 0 && out[out.length - 1].value === null) {
      // A header cell broken over lines ("本年新\n制作数量") in a tab layout.
      const last = out[out.length - 1];
      out[out.length - 1] = make(last.text + line.trim(), true, last.unit, last.source);
    } else {
      for (const p of splitSpaced(line)) out.push(make(p, false, i, src));
      prevTabLine = false;
    }
  }
  return out;
}

function make(text: string, structured: boolean, unit: number, source: string): Token {
  return { text: text.trim(), norm: norm(text), value: parseValue(text), structured, unit, source };
}

/** Cells of a line laid out with spaces (PDF text layer). */
export function splitSpaced(line: string): string[] {
  const out: string[] = [];
  for (const piece of line.split(/[ \u3000\t]{2,}|\u3000/)) {
    const p = piece.trim();
    if (!p) continue;
    // "0 0 0" - numbers separated by single spaces are separate cells.
    if (/^[+\-]?\d[\d.,]*(\s+[+\-]?\d[\d.,]*)+$/.test(p)) {
      out.push(...p.split(/\s+/));
      continue;
    }
    // A label with its first value glued on: "确认或重新出具0".
    const glued = /^(.*[\u4e00-\u9fff）)”])\s?(\d{1,9})$/.exec(p);
    if (glued && glued[1].length >= 2) {
      out.push(glued[1], glued[2]);
      continue;
    }
    out.push(p);
  }
  return out;
}
