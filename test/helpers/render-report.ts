// Renders a report (template, values, prose) in the layouts real files use: " | " cells, one
// cell per line after a tab, cells separated by spaces (PDF text), and Word tables (HTML in
// the national layout with merged cells, as mammoth returns it). Used by the property tests
// and to write the 2021-format fixtures.
import { PART_TITLES } from '../../src/shared/report/parse/parts.ts';
import { TEMPLATES, T3_ROWS, T3_COLUMNS, T4_COLUMNS, T4_ROWS } from '../../src/shared/report/templates/index.ts';

export interface ReportSpec {
  template: 'T2019' | 'T2021';
  agency: string;
  year: number;
  date: string; // "2025年1月20日"
  /** "table|row|col" -> value; absent cells are rendered as 0. */
  values: Record<string, number>;
  /** Paragraphs per part 1..6. */
  prose: Record<number, string[]>;
}

/** pipe: "a | b |" lines; pipe-cell: one cell per line ending in "|"; tab: one cell per line
 *  after a tab; tab-row: a row's cells on one line between tabs; spaced: PDF text; pdf: PDF
 *  text as copied from real files (sub-items "1、", page numbers "-3-" inside the tables, long
 *  labels wrapped after their numbers); html: Word. */
export type Layout = 'pipe' | 'pipe-cell' | 'tab' | 'tab-row' | 'spaced' | 'pdf' | 'pdf-wrapped' | 'html';

const HEADINGS = PART_TITLES;

export function t3RowIds(template: 'T2019' | 'T2021'): string[] {
  return TEMPLATES[template].t3RowIds;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string | number, attrs = '') => `<td${attrs}>${esc(String(text)).replace(/\n/g, '<br>')}</td>`;

/** Table rows as lists of cells (labels and values), in printed order, for the text layouts. */
function textTables(spec: ReportSpec): { t2: string[][]; t3: string[][]; t4: string[][] } {
  const v = (k: string) => String(spec.values[k] ?? 0);
  const t2: string[][] = [];
  for (const b of TEMPLATES[spec.template].t2) {
    t2.push([b.label]);
    t2.push(['信息内容', ...b.columns.map((c) => c.label)]);
    for (const r of b.rows) t2.push([r.label, ...b.columns.map((c) => v(`t2|${r.id}|${c.id}`))]);
  }
  const t3: string[][] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['', '自然人', '法人或其他组织', '总计'],
    ['', '', ...T3_COLUMNS.slice(1, 6).map((c) => c.label), ''],
  ];
  let group = '';
  for (const id of t3RowIds(spec.template)) {
    const r = T3_ROWS.find((x) => x.id === id)!;
    const vals = T3_COLUMNS.map((c) => v(`t3|${id}|${c.id}`));
    if (id === 'r1') t3.push(['三、本年度办理结果', r.label, ...vals]);
    else if (r.group && r.group !== group) t3.push(['', r.group, r.label, ...vals]);
    else if (r.group) t3.push(['', '', r.label, ...vals]);
    else if (id === 'new' || id === 'carry' || id === 'next') t3.push([r.label, ...vals]);
    else t3.push(['', r.label, ...vals]);
    group = r.group ?? '';
  }
  const t4: string[][] = [
    ['行政复议', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
    [...T4_COLUMNS.map((c) => c.label), ...T4_COLUMNS.map((c) => c.label)],
    T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => v(`t4|${r.id}|${c.id}`))),
  ];
  return { t2, t3, t4 };
}

/** What copying text out of a PDF does to the spaced rows. */
function pdfNoise(lines: string[]): string[] {
  const out: string[] = [];
  let page = 1;
  // The vertical label of table 三 comes out one character per line between the rows.
  const vertical = [...'三、本年度办理结果'];
  let down = 0;
  for (const [i, line] of lines.entries()) {
    let l = line.replace(/(\d)\.(?=\D)/g, '$1、');
    if (l.startsWith('三、本年度办理结果')) {
      l = l.slice(vertical.length).trimStart();
      down = 1;
    }
    if (down > 0 && down <= vertical.length) out.push(vertical[down++ - 1]);
    // A label too long for its column: its tail lands on the line after the numbers.
    const m = /^(\S{17,})(\s{4}.*\d.*)$/.exec(l);
    if (m) out.push(`${m[1].slice(0, 14)}${m[2]}`, m[1].slice(14));
    else out.push(l);
    if (i % 13 === 12) out.push(`-${page++}-`);
  }
  return out;
}

/**
 * What PDFs of table 三 print where a heading spans rows (三、本年度办理结果, （三）不予公开…): the
 * heading on the middle line of its first row's label, beside the numbers, the label wrapped
 * around them ("（一）予以" / "三、本年度办理结果 0 0 …" / "公开").
 */
function wrapAroundValues(row: string[]): string[] {
  const spaced = (cells: string[]) => cells.filter((c) => c !== '').join('    ');
  const heading = row[0] === '三、本年度办理结果' ? { h: row[0], label: row[1], vals: row.slice(2) } : row[0] === '' && /^（[三四五六]）/.test(row[1] ?? '') && row.length === 10 ? { h: row[1], label: row[2], vals: row.slice(3) } : null;
  if (!heading) return [spaced(row)];
  const k = Math.ceil(heading.label.length * 0.55);
  return [heading.label.slice(0, k), spaced([heading.h, ...heading.vals]), heading.label.slice(k)];
}

function renderRows(rows: string[][], layout: Exclude<Layout, 'html'>): string[] {
  if (layout === 'pdf') return pdfNoise(renderRows(rows, 'spaced'));
  if (layout === 'pdf-wrapped') return rows.flatMap(wrapAroundValues);
  if (layout === 'pipe') return rows.map((r) => `${r.join(' | ')} |`);
  if (layout === 'pipe-cell') return rows.flatMap((r) => [...r.map((c) => `${c}|`), '']);
  if (layout === 'tab') return rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);
  if (layout === 'tab-row') return rows.map((r) => r.join('\t'));
  return rows.map((r) => r.filter((c) => c !== '').join('    '));
}

export function renderText(spec: ReportSpec, layout: Exclude<Layout, 'html'>): string {
  const tables = textTables(spec);
  const lines = [spec.agency, `${spec.year}年政府信息公开工作年度报告`];
  for (let n = 1; n <= 6; n++) {
    lines.push(HEADINGS[n], ...(spec.prose[n] ?? []));
    if (n === 2) lines.push(...renderRows(tables.t2, layout));
    if (n === 3) lines.push(...renderRows(tables.t3, layout));
    if (n === 4) lines.push(...renderRows(tables.t4, layout));
  }
  lines.push(spec.agency, spec.date);
  return lines.join('\n');
}

/** Word's layout: the national form with merged cells, as HTML (mammoth's output form). */
export function renderHtml(spec: ReportSpec): string {
  const v = (k: string) => spec.values[k] ?? 0;
  const t2rows: string[] = [];
  for (const b of TEMPLATES[spec.template].t2) {
    const span = (i: number) => (i === b.columns.length - 1 && b.columns.length < 3 ? ` colspan="${4 - b.columns.length}"` : '');
    t2rows.push(`<tr>${td(b.label, ' colspan="4"')}</tr>`);
    t2rows.push(`<tr>${td('信息内容')}${b.columns.map((c, i) => td(c.label.replace(/^(本年新)(.+)$/, '$1\n$2'), span(i))).join('')}</tr>`);
    for (const r of b.rows) t2rows.push(`<tr>${td(r.label)}${b.columns.map((c, i) => td(v(`t2|${r.id}|${c.id}`), span(i))).join('')}</tr>`);
  }
  const ids = t3RowIds(spec.template);
  const result = ids.filter((id) => !['new', 'carry', 'next'].includes(id));
  const vals = (id: string) => T3_COLUMNS.map((c) => td(v(`t3|${id}|${c.id}`))).join('');
  const t3rows = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${['商业\n企业', '科研\n机构', '社会公益\n组织', '法律服务\n机构', '其他'].map((l) => td(l)).join('')}</tr>`,
  ];
  for (const id of ids) {
    const r = T3_ROWS.find((x) => x.id === id)!;
    if (!result.includes(id)) {
      t3rows.push(`<tr>${td(r.label, ' colspan="3"')}${vals(id)}</tr>`);
      continue;
    }
    const first = id === result[0] ? td('三、本年度办理结果', ` rowspan="${result.length}"`) : '';
    if (!r.group) t3rows.push(`<tr>${first}${td(r.label, ' colspan="2"')}${vals(id)}</tr>`);
    else {
      const group = result.filter((x) => T3_ROWS.find((y) => y.id === x)!.group === r.group);
      t3rows.push(`<tr>${first}${id === group[0] ? td(r.group, ` rowspan="${group.length}"`) : ''}${td(r.label)}${vals(id)}</tr>`);
    }
  }
  const heads = ['结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计'];
  const t4 = `<table border="1"><tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>
<tr>${heads.map((h) => td(h, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...heads, ...heads].map((h) => td(h)).join('')}</tr><tr>${T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => td(v(`t4|${r.id}|${c.id}`)))).join('')}</tr></table>`;
  const p = (t: string) => `<p>${esc(t)}</p>`;
  const out = [p(spec.agency), p(`${spec.year}年政府信息公开工作年度报告`)];
  for (let n = 1; n <= 6; n++) {
    out.push(p(HEADINGS[n]), ...(spec.prose[n] ?? []).map(p));
    if (n === 2) out.push(`<table border="1">${t2rows.join('')}</table>`);
    if (n === 3) out.push(`<table border="1">${t3rows.join('')}</table>`);
    if (n === 4) out.push(t4);
  }
  out.push(p(spec.agency), p(spec.date));
  return out.join('\n');
}
