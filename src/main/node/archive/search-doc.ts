// What a report contributes to the search index: agency and year, the parts, the labels of
// its tables; and where each part starts, to say which part a hit is in.
import type { Cell, Part, TemplateId } from '../../../shared/report/model.ts';
import { PART_TITLES } from '../../../shared/report/parse/parts.ts';
import { columnLabel, rowLabel, TABLE_TITLES } from '../../../shared/report/templates/index.ts';

/** Part numbers of the search document: 0 the title line, 1–7 the parts, 8 the tables. */
export const TITLE_PART = 0;
export const TABLES_PART = 8;

export function searchPartName(no: number): string {
  if (no === TITLE_PART) return '标题';
  if (no === TABLES_PART) return '统计表';
  return PART_TITLES[no] ?? '正文';
}

export function buildSearchDoc(r: { agency: string | null; year: number | null; fileName: string; template: TemplateId; parts: Part[]; cells: Pick<Cell, 'table' | 'row' | 'col'>[] }): {
  text: string;
  offsets: [number, number][];
  feeStated: boolean;
} {
  let text = '';
  const offsets: [number, number][] = [];
  const add = (part: number, s: string) => {
    offsets.push([text.length, part]);
    text += `${s}\n`;
  };
  add(TITLE_PART, `${r.agency ?? ''} ${r.year ? `${r.year}年度` : ''} ${r.fileName}`);
  for (const p of r.parts) add(p.no, `${p.heading}\n${p.text}`);
  const labels = new Set<string>();
  for (const c of r.cells) {
    labels.add(TABLE_TITLES[c.table]);
    labels.add(rowLabel(r.template, c.table, c.row));
    labels.add(columnLabel(r.template, c.table, c.col));
  }
  if (labels.size) add(TABLES_PART, [...labels].join(' '));
  const six = r.parts.find((p) => p.no === 6);
  // 信息处理费, or 处理费 alone.
  return { text, offsets, feeStated: !!six && /处理费/.test(six.text) };
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
