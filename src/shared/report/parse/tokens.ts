// Units -> a stream of cell tokens. Every table layout real files use becomes the same
// stream: Word cells, " | " cells, tab cells (one per line or per row), and cells
// separated by runs of spaces in text copied out of a PDF.
import type { OcrReading } from '../../doc/blocks.ts';
import type { CellOrigin, CellValue } from '../model.ts';
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
  at: CellOrigin;
  /** Placed by its position on a PDF page (a cell of a ruled table, or a line's text layout). */
  geometry?: boolean;
  /** A PDF cell whose digits are incomplete (read as blank): past the page edge, or clipped by the cell. */
  cut?: 'edge' | 'clipped';
  /** Read by OCR from a page image: how sure, and a number's other readings. */
  ocr?: OcrReading;
}

export function tokenize(units: Unit[], from: number, to: number): Token[] {
  const out: Token[] = [];
  let prevTabLine = false;
  for (let i = from; i < to && i < units.length; i++) {
    const u = units[i];
    if (u.kind === 'table') {
      u.rows.forEach((row, r) =>
        row.forEach((c, ci) => {
          const at: CellOrigin = { kind: 'cell', table: u.tableNo, row: r + 1, col: ci + 1, ...(c.place ? { place: c.place } : {}) };
          const where = c.place ? `第${c.place.page}页 表格${u.tableNo} 第${r + 1}行 第${ci + 1}格` : `表格${u.tableNo} 第${r + 1}行 第${ci + 1}格`;
          // A number cut at the page edge is no number: the cell is blank, and the parser says why.
          const t = make(c.cut ? '' : c.text.replace(/\s*\n\s*/g, ''), true, i, where, at, !!c.place);
          out.push({ ...t, ...(c.cut ? { cut: c.cut } : {}), ...(c.ocr ? { ocr: c.ocr } : {}) });
        }),
      );
      prevTabLine = false;
      continue;
    }
    const line = u.text;
    const src = u.place ? `第${u.place.page}页 第${u.line}行` : `第${u.line}行`;
    const at: CellOrigin = { kind: 'line', line: u.line, ...(u.place ? { place: u.place } : {}) };
    const geo = !!u.place;
    if (line.includes('|')) {
      const pieces = line.split('|');
      if (line.trimEnd().endsWith('|')) pieces.pop();
      for (const p of pieces) out.push(make(p, true, i, src, at, geo));
      prevTabLine = false;
    } else if (line.includes('\t')) {
      const pieces = line.split('\t');
      if (pieces[0].trim() === '') pieces.shift();
      for (const p of pieces) out.push(make(p, true, i, src, at, geo));
      prevTabLine = true;
    } else if (line.trim() === '') {
      prevTabLine = false;
    } else if (prevTabLine && out.length > 0 && out[out.length - 1].value === null) {
      // A header cell broken over lines ("本年新\n制作数量") in a tab layout.
      const last = out[out.length - 1];
      out[out.length - 1] = make(last.text + line.trim(), true, last.unit, last.source, last.at, last.geometry);
    } else {
      for (const p of splitText(line)) out.push(make(p, false, i, src, at, geo));
      prevTabLine = false;
    }
  }
  return out;
}

function make(text: string, structured: boolean, unit: number, source: string, at: CellOrigin, geometry?: boolean): Token {
  return { text: text.trim(), norm: norm(text), value: parseValue(text), structured, unit, source, at, ...(geometry ? { geometry } : {}) };
}

const SUB_ITEM = /^(?:[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// A count, a decimal or signed change, a mark: what a table cell of a text layout holds.
const VALUE = /[+\-−＋－]?\d+(?:[.,，]\d+)*(?:万元|元)?|[\/／]|[—–－─―]{1,3}/y;
// "22（其中修订16件）": a note after a value is not a cell of its own.
const NOTE = /^[（(](?:其中|含|包括|另有|注)[^（()）]{0,30}[）)]/;

/**
 * Cells of a text line: runs of two or more spaces separate cells (PDF text layer); inside a
 * piece, text and numbers are told apart where they touch ("确认或重新出具0",
 * "规章000行政规范性文件008", the crawler's flattened tables). A digit before "." or "、" and
 * then text is a sub-item's number ("…0 0 002.其他法律…" ends a run with 00 and starts
 * "2.其他法律"), not a value. Numbers separated by single spaces stay apart.
 */
export function splitText(line: string): string[] {
  const out: string[] = [];
  for (const piece of line.split(/[ \t]{2,}|\u3000/)) {
    const p = piece.trim();
    if (p) splitPiece(p, out);
  }
  return out;
}

function splitPiece(p: string, out: string[]): void {
  let label = '';
  const flush = () => {
    if (label.trim()) out.push(label.trim());
    label = '';
  };
  let i = 0;
  while (i < p.length) {
    const ch = p[i];
    const prev = p[i - 1] ?? '';
    // "三、本年度办理结果（一）予以公开", "（三）不予公开1.属于国家秘密": each numbered label apart.
    // (The label's last character is looked at, not the label: reading a string built by
    // appending flattens it, which on a 300,000-character line is quadratic.)
    if (prev.trim() && label && SUB_ITEM.test(p.slice(i, i + 5))) flush();
    const startsValue = /[\d\/／—–－─―+\-−＋]/.test(ch) && !(/[\/／—–－─―+\-−＋]/.test(ch) && /[\u3400-\u9fff（(“"]/.test(p[i + 1] ?? ''));
    if (!startsValue) {
      label += ch;
      i++;
      continue;
    }
    VALUE.lastIndex = i;
    const m = VALUE.exec(p);
    if (!m) {
      label += ch;
      i++;
      continue;
    }
    let text = m[0];
    let end = i + text.length;
    // "2.其他法律" / "3、其他": the last digit numbers the next label.
    // (Also "4. 保 护 第 三": a justified label printed with spaces between its characters.)
    if (/\d$/.test(text) && /^[.、．]/.test(p.slice(end)) && CJK.test(p.slice(end + 1).trimStart()[0] ?? '')) {
      text = text.slice(0, -1);
      end -= 1;
    }
    // A digit inside a word ("第1项", "12345热线") belongs to the label.
    if (text === '') {
      // A sub-item number starts a label of its own: "（六）其他处理" | "1.申请人…".
      flush();
      label = ch;
      i++;
      continue;
    }
    // (Not "采购1个246900元": a count word followed by another number is a table cell, 1个.)
    if (/^[年月日号]/.test(p.slice(end)) || (CJK.test(prev) && /^[项条款次个期](?!\d)/.test(p.slice(end)))) {
      label += p.slice(i, end);
      i = end;
      continue;
    }
    flush();
    out.push(text);
    i = end;
    const note = NOTE.exec(p.slice(i));
    if (note) i += note[0].length;
    // Single spaces between numbers separate cells.
    while (p[i] === ' ' && /[\d\/／—–－─―+\-−＋]/.test(p[i + 1] ?? '')) i++;
  }
  flush();
}
