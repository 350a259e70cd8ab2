// 填报模板: the template the office sends its units, as data. The .xlsx and .docx writers draw
// these tables, and the reader checks a filled file against the same labels and reads each value
// from the place this layout gives it (never guessed). Pure data: no node:.
import type { TableId } from './model.ts';
import { PART_TITLES } from './parse/parts.ts';
import { T3_LEGAL_PERSON_COLUMNS } from './templates/t3.ts';
import { T3_COLUMNS, T3_ROWS, TEMPLATES, T4_COLUMNS, T4_ROWS, TABLE_TITLES, RULES } from './templates/index.ts';

/** Bumped when the layout changes: a reader knows which layout a filled file was made from. */
export const TEMPLATE_VERSION = 1;
/** The hidden sheet of the .xlsx and the custom property of the .docx that mark a 填报模板. */
export const TEMPLATE_MARKER = '年报档案模板';

export type FormatId = 'T2019' | 'T2021';

/** The national format of a year's report: 2021 onwards the 2021 one, 2019–2020 the 2019 one. */
export const formatOfYear = (year: number): FormatId => (year >= 2021 ? 'T2021' : 'T2019');

/** What the marker carries. */
export interface TemplateMark {
  format: FormatId;
  version: number;
  unit: string;
  year: number;
}

/** A cell of a template table, in the row where it starts (as HTML and Word list them). */
export interface FormCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** A cell the unit fills: which value of the report it is. */
  value?: { row: string; col: string };
}

export interface FormTable {
  table: TableId;
  /** 表二 / 表三 / 表四: the sheet's name. */
  sheet: string;
  title: string;
  width: number;
  rows: FormCell[][];
}

const head = (text: string, colSpan = 1, rowSpan = 1): FormCell => ({ text, colSpan, rowSpan });
const val = (row: string, col: string, colSpan = 1): FormCell => ({ text: '', colSpan, rowSpan: 1, value: { row, col } });

/** A money column says its unit (万元), so what the unit types is read as 万元 without a guess. */
const moneyLabel = (c: { label: string; money?: boolean }) => (c.money && !c.label.includes('万元') ? `${c.label}（单位：万元）` : c.label);

/** Table 二: a 4-column grid (信息内容 and three value columns); a block with fewer columns widens its last. */
function t2Table(format: FormatId): FormTable {
  const rows: FormCell[][] = [];
  const spans = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? 4 - n : 1));
  for (const b of TEMPLATES[format].t2) {
    const w = spans(b.columns.length);
    rows.push([head(b.label, 4)]);
    rows.push([head('信息内容'), ...b.columns.map((c, i) => head(moneyLabel(c), w[i]))]);
    for (const r of b.rows) rows.push([head(r.label), ...b.columns.map((c, i) => val(r.id, c.id, w[i]))]);
  }
  return { table: 't2', sheet: '表二', title: TABLE_TITLES.t2, width: 4, rows };
}

/** Table 三: three label columns (part, group, item) and the seven applicant columns, headed as the national form. */
function t3Table(format: FormatId): FormTable {
  const ids = TEMPLATES[format].t3RowIds;
  const rowsOf = ids.map((id) => T3_ROWS.find((r) => r.id === id)!);
  const values = (id: string) => T3_COLUMNS.map((c) => val(id, c.id));
  const legal = T3_COLUMNS.filter((c) => T3_LEGAL_PERSON_COLUMNS.includes(c.id));
  const rows: FormCell[][] = [
    [head('本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', 3, 3), head('申请人情况', 7)],
    [head('自然人', 1, 2), head('法人或其他组织', 5), head('总计', 1, 2)],
    legal.map((c) => head(c.label)),
  ];
  const results = rowsOf.filter((r) => r.id !== 'new' && r.id !== 'carry' && r.id !== 'next');
  for (const r of rowsOf) {
    if (r.id === 'new' || r.id === 'carry' || r.id === 'next') {
      rows.push([head(r.label, 3), ...values(r.id)]);
      continue;
    }
    const first = r === results[0];
    const lead = first ? [head('三、本年度办理结果', 1, results.length)] : [];
    if (!r.group) rows.push([...lead, head(r.label, 2), ...values(r.id)]);
    else {
      const inGroup = results.filter((x) => x.group === r.group);
      const groupHead = inGroup[0] === r ? [head(r.group, 1, inGroup.length)] : [];
      rows.push([...lead, ...groupHead, head(r.label), ...values(r.id)]);
    }
  }
  return { table: 't3', sheet: '表三', title: TABLE_TITLES.t3, width: 10, rows };
}

/** Table 四: 行政复议 and the two kinds of 行政诉讼, five columns each, in one data row. */
function t4Table(): FormTable {
  const [review, direct, after] = T4_ROWS;
  const labels = T4_ROWS.flatMap(() => T4_COLUMNS.map((c) => head(c.label)));
  return {
    table: 't4',
    sheet: '表四',
    title: TABLE_TITLES.t4,
    width: 15,
    rows: [
      [head(review.label, 5, 2), head(direct.group!, 10)],
      [head(direct.label, 5), head(after.label, 5)],
      labels,
      T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => val(r.id, c.id))),
    ],
  };
}

export function formTables(format: FormatId): FormTable[] {
  return [t2Table(format), t3Table(format), t4Table()];
}

/** A cell placed on the grid: 0-based row and column of its top-left corner. */
export interface PlacedCell extends FormCell {
  r: number;
  c: number;
}

/** Each cell's place on the grid, the columns rowspans above it cover skipped (as in HTML). */
export function placeCells(t: FormTable): PlacedCell[] {
  const taken = new Set<string>();
  const out: PlacedCell[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c++;
      out.push({ ...cell, r, c });
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      c += cell.colSpan;
    }
  });
  return out;
}

/** The six parts of the report, with the line of guidance the template prints under each heading. */
export const TEMPLATE_PARTS: { no: number; heading: string; guidance: string }[] = [
  { no: 1, heading: PART_TITLES[1], guidance: '（填写说明：概述本年度政府信息公开工作总体情况，包括主动公开、依申请公开、政府信息管理、平台建设、监督保障等。）' },
  { no: 2, heading: PART_TITLES[2], guidance: '（填写说明：在下表中填写数字，没有的填0，不要留空；表格的行列不要增删。）' },
  { no: 3, heading: PART_TITLES[3], guidance: '（填写说明：在下表中填写数字，没有的填0；每行总计等于各申请人之和，（七）总计等于各办理结果之和。）' },
  { no: 4, heading: PART_TITLES[4], guidance: '（填写说明：在下表中填写数字，没有的填0；每类总计等于结果维持、结果纠正、其他结果、尚未审结之和。）' },
  { no: 5, heading: PART_TITLES[5], guidance: '（填写说明：如实说明本年度工作存在的主要问题，以及上年度问题的改进情况和下一步措施。）' },
  { no: 6, heading: PART_TITLES[6], guidance: '（填写说明：说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及其他需要报告的事项；没有的写“无”。）' },
];

/** The title of the unit's report, as the template prints it. */
export const templateTitle = (unit: string, year: number) => `${unit}${year}年度政府信息公开工作年度报告`;

/** `<单位名称>-<年度>年度政府信息公开工作年度报告（填报模板）.xlsx` */
export const templateFileName = (unit: string, year: number, ext: 'xlsx' | 'docx') =>
  `${unit}-${year}年度政府信息公开工作年度报告（填报模板）.${ext}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

/** The rules whose differences the .xlsx shows beside its tables. */
export const TEMPLATE_RULES = RULES;

/** Which table of the six parts each table stands in. */
export const PART_OF_TABLE: Record<TableId, number> = { t2: 2, t3: 3, t4: 4 };

/** Labels are compared without spaces and full/half-width differences. */
export const labelKey = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** The .xlsx sheets: title in row 1, unit and year in row 2, the table from this (1-based) row. */
export const XLSX_TABLE_TOP = 4;
