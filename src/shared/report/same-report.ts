// Whether two files of one unit and year hold the same report (copies: the unit's Word file, the
// portal's PDF, the page saved from the portal) or two versions of it (a draft and its revision).
// Decided from the content, never from the names: the texts, the cells both files have, the
// signature dates. Which file's tables stand for the report is decided by how certainly each
// form is read.
import { textSimilarity } from './checks/cross-year.ts';
import type { Cell, Part } from './model.ts';

export interface FileReading {
  format: string;
  date: string | null;
  parts: Part[];
  text: string;
  cells: Cell[];
  complete: boolean;
}

/** The form a file's text comes in: two files of one form that differ in their words are two texts. */
export type FormFamily = 'word' | 'web' | 'text' | 'pdf';

export function familyOf(format: string): FormFamily {
  if (format === 'docx' || format === 'doc') return 'word';
  if (format === 'html' || format === 'mht') return 'web';
  if (format === 'pdf') return 'pdf';
  return 'text';
}

const FORM_NAMES: Record<FormFamily, string> = { word: 'Word', web: '网页', text: '文本', pdf: 'PDF' };
/** The forms by how certainly their tables are read, most certain first. */
export const FORM_ORDER: readonly FormFamily[] = ['word', 'web', 'text', 'pdf'];
export const formName = (format: string) => FORM_NAMES[familyOf(format)];

/** Nothing was read from it (a scan, a file whose text could not be read): content cannot decide. */
export const unreadable = (f: FileReading) => f.cells.length === 0 && f.parts.every((p) => !p.text.trim()) && !f.text.trim();

/**
 * How certainly a file's tables are read, highest first: Word and saved web pages keep their table
 * cells, a text with separators keeps the cells' order, a PDF is read from the positions on the
 * page, a flattened text is split by inference; a scan has nothing. Each cell worked out rather
 * than read costs the file its place.
 */
export function certainty(f: FileReading): number {
  if (unreadable(f)) return 0;
  const inferred = f.cells.some((c) => c.how === 'inferred') ? 1 : 0;
  // A .docx keeps its tables as XML; a .doc is read from its binary streams.
  const base = 50 - 10 * FORM_ORDER.indexOf(familyOf(f.format)) + (f.format === 'docx' ? 1 : 0);
  const numbers = f.cells.filter((c) => c.value.kind === 'number').length;
  // Among files of one form, the one with more cells read.
  return base - inferred * 15 + Math.min(numbers, 400) / 1000;
}

const bodyOf = (f: FileReading) => (f.parts.length ? f.parts.map((p) => p.text).join('\n') : f.text);
const compact = (s: string) => s.replace(/\s+/g, '');
const key = (c: Cell) => `${c.table}|${c.row}|${c.col}`;

export interface Sameness {
  same: boolean;
  /** In the clerk's words: why the two were taken as one report, or as two versions. */
  why: string;
}

/** Whether `b` is another file of the report `a` (same unit and year already established). */
export function sameReport(a: FileReading, b: FileReading): Sameness {
  if (unreadable(a) || unreadable(b)) return { same: true, why: '无法读出内容（如扫描件），按单位和年度归入同一报告' };
  if (a.date && b.date && a.date !== b.date) return { same: false, why: `落款日期不同（${a.date}、${b.date}）` };
  const mine = new Map(a.cells.map((c) => [key(c), c]));
  let both = 0;
  let differ = 0;
  let uncertain = 0;
  for (const c of b.cells) {
    const o = mine.get(key(c));
    if (!o || o.value.kind !== 'number' || c.value.kind !== 'number') continue;
    both++;
    if (o.value.num === c.value.num) continue;
    // A value worked out rather than read may be the reading's, not the document's.
    if (o.how === 'inferred' || c.how === 'inferred') uncertain++;
    else differ++;
  }
  if (differ > 0) return { same: false, why: `表格中有 ${differ} 个数字不同` };
  const [x, y] = [compact(bodyOf(a)), compact(bodyOf(b))];
  // Word files and saved pages give their words as written; texts and PDFs come in many layouts
  // (a crawler's flattened page, a clerk's copy, a PDF's text layer) that move words around.
  const faithful = familyOf(a.format) === familyOf(b.format) && ['word', 'web'].includes(familyOf(a.format));
  const cellWords = both ? `，两份都有的 ${both} 个数字${uncertain ? `中 ${both - uncertain} 个相同（另 ${uncertain} 个为推断，读法不同）` : '全部相同'}` : '';
  if (x === y) return { same: true, why: `正文相同${cellWords}` };
  // Two files of one form read the same way: any change in the words is a change of the text.
  if (faithful) return { same: false, why: `同为${formName(a.format)}文件，正文有改动` };
  const sim = textSimilarity(x, y);
  if (sim >= 0.9) return { same: true, why: `正文相同 ${Math.floor(sim * 100)}%（${formName(a.format)}与${formName(b.format)}的读法不同）${cellWords}` };
  return { same: false, why: `正文只有 ${Math.floor(sim * 100)}% 相同` };
}
