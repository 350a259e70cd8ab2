// A filled 填报模板 read back by position: its tables are compared with the template's labels
// cell by cell, and when every label stands where the template put it each value cell is read
// as the unit typed it (source 填报模板, no `how`: typed, so certain). A table whose layout was
// changed is not read by position at all: the report is then parsed as any other, with a 提醒.
import type { DocBlock, DocCell } from '../doc/blocks.ts';
import type { Cell, CellValue, ParseNote, ParsedReport } from './model.ts';
import { formTables, labelKey, TEMPLATE_PARTS, type FormCell, type FormTable, type TemplateMark } from './fill-template.ts';
import { parseValue, toWanYuan } from './parse/values.ts';
import { TEMPLATES } from './templates/index.ts';

/** The template's guidance lines are not the unit's text: dropped before parsing. */
export function withoutGuidance(blocks: DocBlock[]): DocBlock[] {
  const guidance = new Set(TEMPLATE_PARTS.map((p) => labelKey(p.guidance)));
  return blocks.filter((b) => b.type !== 'p' || !guidance.has(labelKey(b.text)));
}

export type TablesRead = { ok: true; cells: Cell[]; notes: ParseNote[] } | { ok: false; why: string };

/**
 * The template's tables from the document's tables, in order. `at` counts tables, rows and cells
 * from 1 as the parser does, so 原文对照 opens the cell. Every row must have the template's cells,
 * each label its label: otherwise why not.
 */
export function readFormTables(mark: TemplateMark, tables: { index: number; rows: DocCell[][] }[]): TablesRead {
  const cells: Cell[] = [];
  const notes: ParseNote[] = [];
  let next = 0;
  for (const form of formTables(mark.format)) {
    // The form's table is the next one headed as it is: a table the unit added elsewhere (in 总体情况) is no reason to doubt the form.
    const at = tables.findIndex((t, i) => i >= next && sameRow(form.rows[0], t.rows[0]));
    if (at < 0) return { ok: false, why: `找不到${form.sheet}（表头与模板不同）` };
    next = at + 1;
    const got = readOne(mark, form, tables[at], cells, notes);
    if (got) return { ok: false, why: got };
  }
  return { ok: true, cells, notes };
}

/** A header row as the template has it: the same cells, each with its label. */
const sameRow = (want: FormCell[], have: DocCell[] | undefined) =>
  !!have && have.length === want.length && want.every((w, k) => w.value !== undefined || labelKey(have[k].text) === labelKey(w.text));

/** Reads one table into `cells`; what differs from the template, or null. */
function readOne(mark: TemplateMark, form: FormTable, table: { index: number; rows: DocCell[][] }, cells: Cell[], notes: ParseNote[]): string | null {
  if (table.rows.length !== form.rows.length) return `${form.sheet}应有${form.rows.length}行，现有${table.rows.length}行`;
  const money = new Set(TEMPLATES[mark.format].t2.flatMap((b) => b.columns.filter((c) => c.money).map((c) => c.id)));
  let gridCol: number[] = [];
  const taken = new Set<string>();
  for (let r = 0; r < form.rows.length; r++) {
    const want = form.rows[r];
    const have = table.rows[r];
    if (have.length !== want.length) return `${form.sheet}第${r + 1}行应有${want.length}格，现有${have.length}格`;
    // Grid columns of this row's cells, the rowspans above skipped (the source names the column the unit sees).
    gridCol = [];
    let c = 0;
    for (const w of want) {
      while (taken.has(`${r},${c}`)) c++;
      gridCol.push(c);
      for (let dr = 0; dr < w.rowSpan; dr++) for (let dc = 0; dc < w.colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      c += w.colSpan;
    }
    for (let k = 0; k < want.length; k++) {
      const w = want[k];
      const h = have[k];
      if (!w.value) {
        if (labelKey(h.text) !== labelKey(w.text)) return `${form.sheet}第${r + 1}行第${gridCol[k] + 1}列应为“${w.text}”，现为“${h.text.trim() || '空白'}”`;
        continue;
      }
      const source = `填报模板 ${form.sheet} 第${r + 1}行 第${gridCol[k] + 1}列`;
      let value = typed(h.text);
      if (!value) {
        value = { kind: 'mark', num: null, raw: h.text.trim() };
        notes.push({ code: 'template-text', message: `${source}填写的“${h.text.trim()}”不是数字，按非数字保存` });
      }
      if (money.has(w.value.col) && form.table === 't2') value = toWanYuan(value, '万元').value;
      cells.push({ table: form.table, row: w.value.row, col: w.value.col, value, source, at: { kind: 'cell', table: table.index + 1, row: r + 1, col: k + 1 } });
    }
  }
  return null;
}

/** What the unit typed in a value cell; null for words that are no value. */
function typed(text: string): CellValue | null {
  return parseValue(text.replace(/\n+/g, ''));
}

/** The parser's notes about how it read tables (split digits, short rows, the template's basis). */
const TABLE_NOTES = new Set(['short-row', 'split-ambiguous', 'split-inferred', 'split-unreadable', 't4-sentence', 'template-basis', 'unit-guessed']);

/**
 * The report a filled template gives: the parse of its words (parts, title, signature) with the
 * tables read by position, or, when its layout was changed, the parse as it stands with a 提醒.
 */
export function applyTemplate(report: ParsedReport, mark: TemplateMark, blocks: DocBlock[], tablesOnly: boolean): void {
  const tables = blocks.flatMap((b) => (b.type === 'table' ? [b.rows] : [])).map((rows, index) => ({ index, rows }));
  const read = readFormTables(mark, tables);
  if (!read.ok) {
    report.notes.unshift({ code: 'template-changed', message: `提醒：填报模板的表格被改动（${read.why}），已按普通报告识别` });
    return;
  }
  report.cells = read.cells;
  report.template = mark.format;
  // What the parser said of its own reading of the tables no longer applies.
  report.notes = report.notes.filter((n) => !TABLE_NOTES.has(n.code) && !n.pending);
  report.notes.push({ code: 'template', message: `填报模板（${mark.format === 'T2021' ? '2021' : '2019'}年版格式）：表格按填报位置读取` }, ...read.notes);
  if (!report.agency) {
    report.agency = mark.unit;
    report.evidence.push({ field: 'agency', value: mark.unit, source: '标题', text: mark.unit });
  }
  report.year ??= mark.year;
  report.isReport = true;
  report.complete = !tablesOnly && TEMPLATE_PARTS.every((p) => report.parts.some((x) => x.no === p.no));
  if (tablesOnly) {
    report.notes.push({ code: 'template-tables-only', message: '填报模板的Excel文件只有表二、表三、表四，没有报告正文的六个部分，报告不完整（需要Word版）' });
  }
}
