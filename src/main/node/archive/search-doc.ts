// What a report contributes to the search index: agency and year, the parts, the source's other
// words (its tables' labels only in snippets); and where each part starts, to say which part a hit is in.
import type { Cell, Part, TemplateId } from '../../../shared/report/model.ts';
import { PART_TITLES } from '../../../shared/report/parse/parts.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../../shared/report/templates/index.ts';

/** Part numbers of the search document: 0 the title line, 1–7 the parts, 8 the tables, 9 the rest of the source. */
export const TITLE_PART = 0;
export const TABLES_PART = 8;
export const SOURCE_PART = 9;

export function searchPartName(no: number): string {
  if (no === TITLE_PART) return '标题';
  if (no === TABLES_PART) return '统计表';
  if (no === SOURCE_PART) return '原文';
  return PART_TITLES[no] ?? '正文';
}

/**
 * What a search document holds beside the report's parts: its title line, the labels of its
 * tables, and the words of the source no part holds. Stored (search_docs) instead of the whole
 * document: the parts are the report's own (its body), so the text is kept once; the labels are
 * made again from the report's cells (tableLabels).
 */
export interface SearchDocPieces {
  title: string;
  tables: string;
  rest: string;
}

/** The search document from its pieces and the report's parts: each piece on its own lines, with where each part starts. */
export function assembleSearchDoc(p: SearchDocPieces, parts: Part[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  const add = (part: number, s: string) => {
    offsets.push([text.length, part]);
    text += `${s}\n`;
  };
  add(TITLE_PART, p.title);
  for (const part of parts) add(part.no, `${part.heading}\n${part.text}`);
  if (p.tables) add(TABLES_PART, p.tables);
  if (p.rest) add(SOURCE_PART, p.rest);
  return { text, offsets };
}

export function buildSearchDoc(r: {
  agency: string | null;
  year: number | null;
  fileName: string;
  template: TemplateId;
  parts: Part[];
  cells: Pick<Cell, 'table' | 'row' | 'col'>[];
  /** The document's own text, whatever the parser made of it. */
  source?: string;
}): {
  text: string;
  offsets: [number, number][];
  feeStated: boolean;
  pieces: SearchDocPieces;
} {
  const title = `${r.agency ?? ''} ${r.year ? `${r.year}年度` : ''} ${r.fileName}`;
  const tables = tableLabels(r.template, r.cells);
  // Everything the document says that no part holds: table cells the parser could not read,
  // text before part 一 or after part 六. The parts stay for snippets; this makes every word findable.
  const rest = sourceRest(r.source ?? '', assembleSearchDoc({ title, tables, rest: '' }, r.parts).text);
  const pieces = { title, tables, rest };
  const six = r.parts.find((p) => p.no === 6);
  // 信息处理费, or 处理费 alone.
  return { ...indexedDoc(pieces, r.parts), feeStated: !!six && /处理费/.test(six.text), pieces };
}

/**
 * What the full-text indexes hold (schema 16): the report's own words, without the labels of
 * its tables. Those are its template's (every cell is keyed by the template's rows and
 * columns), the same words in every report of the format: indexed, every report matched 不予公开
 * or 结果纠正, and they took room in both indexes for every report. Numbers are found with the
 * indicator filters; a free-form table's words are in the source's rest. Snippets are cut from
 * this document too: a hit shows the report's own words that matched.
 */
export function indexedDoc(p: SearchDocPieces, parts: Part[]): { text: string; offsets: [number, number][] } {
  return assembleSearchDoc({ ...p, tables: '' }, parts);
}

/** The labels of the tables a report has cells in: the same for every report of a template, so
 *  not stored (schema 15) but made again from its cells when a snippet needs the document. */
export function tableLabels(template: TemplateId, cells: Pick<Cell, 'table' | 'row' | 'col'>[]): string {
  const labels = new Set<string>();
  for (const c of cells) {
    labels.add(TABLE_TITLES[c.table]);
    labels.add(rowLabel(template, c.table, c.row));
    labels.add(columnLabel(template, c.table, c.col));
  }
  return [...labels].join(' ');
}

export function partAt(offsets: [number, number][], pos: number): number {
  let part = TITLE_PART;
  for (const [start, no] of offsets) if (start <= pos) part = no;
  return part;
}

/** Where the part holding `pos` starts and ends in the document. */
export function partBounds(offsets: [number, number][], pos: number, length: number): [number, number] {
  let lo = 0;
  let hi = length;
  for (let i = 0; i < offsets.length; i++) {
    if (offsets[i][0] <= pos) {
      lo = offsets[i][0];
      hi = offsets[i + 1]?.[0] ?? length;
    }
  }
  return [lo, hi];
}

const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');

/** The source's lines whose words are not already in the document (compared on letters and digits). */
function sourceRest(source: string, doc: string): string {
  const have = letters(doc);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const l = letters(line);
    if (l.length < 2 || seen.has(l) || have.includes(l)) continue;
    seen.add(l);
    out.push(line.trim());
  }
  return out.join('\n');
}
