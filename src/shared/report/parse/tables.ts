// The three statistical tables, from a token stream, keyed by the templates' canonical rows.
import type { Cell, ParseNote, TableId } from '../model.ts';
import { TEMPLATES, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../templates/index.ts';
import type { BlockSpec } from '../templates/types.ts';
import { T4_HEADER_FRAGMENTS } from '../templates/t4.ts';
import { parseRows } from './rows.ts';
import type { Token } from './tokens.ts';
import { toWanYuan } from './values.ts';

export interface TableResult {
  cells: Cell[];
  notes: ParseNote[];
  /** Last token consumed, to tell table lines from narrative. */
  lastUnit: number;
  firstUnit: number;
}

const EMPTY = (): TableResult => ({ cells: [], notes: [], lastUnit: -1, firstUnit: -1 });

/** Evidence for the template in table 二's header labels: [T2019 hits, T2021 hits]. */
export function templateEvidence(tokens: Token[]): { T2019: number; T2021: number } {
  const count = (labels: string[]) => labels.filter((l) => tokens.some((t) => t.norm.includes(l))).length;
  return { T2019: count(TEMPLATES.T2019.evidence), T2021: count(TEMPLATES.T2021.evidence) };
}

export function parseT2(tokens: Token[], template: 'T2019' | 'T2021'): TableResult {
  const res = EMPTY();
  const blocks: BlockSpec[] = TEMPLATES[template].t2;
  const rows = blocks.flatMap((b) => b.rows);
  const colsOf = (rowId: string) => blocks.find((b) => b.rows.some((r) => r.id === rowId))!.columns;
  const start = tokens.findIndex((t) => t.norm.includes('第二十条'));
  if (start < 0) return res;
  const parsed = parseRows(tokens, rows, (id) => colsOf(id).length, start);
  const moneyHeader = tokens.find((t) => /采购总金额|收费金额/.test(t.norm));
  const headerUnit = moneyHeader ? (/万元/.test(moneyHeader.norm) ? '万元' : /元/.test(moneyHeader.norm) ? '元' : null) : null;
  for (const pr of parsed) {
    const cols = colsOf(pr.rowId);
    pr.values.forEach((v, i) => {
      let value = v.value;
      if (cols[i].money) {
        const w = toWanYuan(value, template === 'T2021' && !headerUnit ? '万元' : headerUnit);
        value = w.value;
        if (w.guessed)
          res.notes.push({
            code: 'unit-guessed',
            message: `表二 ${rowLabelOf(rows, pr.rowId)}“${cols[i].label}”写作“${v.value.raw}”，按数值判断单位为${v.value.unit ?? (value.raw.includes('.') ? '万元' : '元')}，已换算为万元`,
          });
      }
      res.cells.push({ table: 't2', row: pr.rowId, col: cols[i].id, value, source: v.source });
    });
    if (pr.short) res.notes.push(shortNote('t2', rowLabelOf(rows, pr.rowId), pr.values.length, cols.length));
  }
  span(res, tokens, start, parsed.at(-1)?.end ?? start);
  return res;
}

export function parseT3(tokens: Token[]): TableResult & { rowIds: string[] } {
  const res = { ...EMPTY(), rowIds: [] as string[] };
  const parsed = parseRows(tokens, T3_ROWS, () => T3_COLUMNS.length);
  const withValues = parsed.filter((p) => p.values.length > 0);
  if (withValues.length < 3) return res; // a few stray words are not a table
  for (const pr of withValues) {
    res.rowIds.push(pr.rowId);
    pr.values.forEach((v, i) => res.cells.push({ table: 't3', row: pr.rowId, col: T3_COLUMNS[i].id, value: v.value, source: v.source }));
    if (pr.short) res.notes.push(shortNote('t3', T3_ROWS.find((r) => r.id === pr.rowId)!.label, pr.values.length, 7));
  }
  // The table starts at its header (勾稽 note, 申请人情况, 自然人…), not at its first row.
  const first = tokens.indexOf(withValues[0].label);
  const header = tokens.findIndex((t, i) => i < first && first - i < 60 && t.value === null && T3_HEADER.test(t.norm));
  span(res, tokens, header >= 0 ? header : first, withValues.at(-1)!.end);
  return res;
}

const T3_HEADER = /勾稽关系|申请人情况|自然人|法人或其他组织|本列数据/;

/** Table 四: fifteen numbers after its header; or a sentence saying there were no cases. */
export function parseT4(tokens: Token[], text: string): TableResult {
  const res = EMPTY();
  let lastHeader = -1;
  tokens.forEach((t, i) => {
    if (t.value === null && T4_HEADER_FRAGMENTS.some((f) => t.norm.includes(f)) && t.norm.length <= 12) lastHeader = i;
    if (t.value === null && /^(结|计|果)$/.test(t.norm)) lastHeader = i;
  });
  const vals: Token[] = [];
  if (lastHeader >= 0) {
    for (let i = lastHeader + 1; i < tokens.length && vals.filter((v) => v.value!.kind !== 'blank').length < 15; i++) {
      const t = tokens[i];
      if (t.value === null) {
        if (vals.some((v) => v.value!.kind !== 'blank')) break;
        continue;
      }
      vals.push(t);
    }
  }
  while (vals.length > 15 && vals[0].value!.kind === 'blank') vals.shift();
  while (vals.length > 15 && vals[vals.length - 1].value!.kind === 'blank') vals.pop();
  if (vals.filter((v) => v.value!.kind !== 'blank').length >= 5) {
    vals.slice(0, 15).forEach((v, i) =>
      res.cells.push({
        table: 't4',
        row: T4_ROWS[Math.floor(i / 5)].id,
        col: T4_COLUMNS[i % 5].id,
        value: v.value!,
        source: v.source,
      }),
    );
    if (vals.length < 15) res.notes.push(shortNote('t4', '复议诉讼', vals.length, 15));
    // The table starts at its first header cell (行政复议 / 行政诉讼), not at the last one.
    const first = tokens.findIndex((t, i) => i <= lastHeader && lastHeader - i < 60 && t.value === null && /^(行政复议|行政诉讼|结果维持|结果)$/.test(t.norm));
    span(res, tokens, first >= 0 ? first : lastHeader, tokens.indexOf(vals[vals.length - 1]));
    return res;
  }
  const sentence = /(未发生|没有发生|未收到|未有|无)[^。；]{0,40}(行政复议|复议)[^。；]{0,30}(诉讼)|(行政复议|复议)[^。；]{0,12}(行政诉讼|诉讼)[^。；]{0,12}(均为|为)\s*(0|零)/.exec(text);
  if (sentence) {
    for (const r of T4_ROWS)
      for (const c of T4_COLUMNS)
        res.cells.push({ table: 't4', row: r.id, col: c.id, value: { kind: 'number', num: 0, raw: '0' }, source: `文字说明：“${sentence[0]}”` });
    res.notes.push({ code: 't4-sentence', message: `表四以文字说明代替表格（“${sentence[0]}”），按全部为0记录` });
  }
  return res;
}

function span(res: TableResult, tokens: Token[], from: number, to: number): void {
  res.firstUnit = tokens[Math.max(0, from)]?.unit ?? -1;
  res.lastUnit = tokens[Math.max(0, to)]?.unit ?? -1;
}

function rowLabelOf(rows: { id: string; label: string }[], id: string): string {
  return rows.find((r) => r.id === id)?.label ?? id;
}

function shortNote(table: TableId, label: string, got: number, want: number): ParseNote {
  const name = { t2: '表二', t3: '表三', t4: '表四' }[table];
  return { code: 'short-row', message: `${name}“${label}”只识别到${got}个数（应有${want}个），缺少的格未记录` };
}
