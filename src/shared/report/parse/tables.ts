// The three statistical tables, from a token stream, keyed by the templates' canonical rows.
import { sameValue, type AltReading, type Cell, type CellValue, type ParseNote, type TableId } from '../model.ts';
import { TEMPLATES, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../templates/index.ts';
import { T3_HEADINGS } from '../templates/t3.ts';
import type { BlockSpec } from '../templates/types.ts';
import { T4_HEADER_FRAGMENTS, T4_HEADER_WORDS } from '../templates/t4.ts';
import { resolveRows, sumsToLast, type Linear, type Resolution } from './recover.ts';
import { directReading, pieces } from './split.ts';
import { parseRows, rowValue, type ParsedRow, type RowValue } from './rows.ts';
import type { Token } from './tokens.ts';
import { parseValue, toWanYuan } from './values.ts';

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

/**
 * Where table 二 starts: its first block label (第二十条第（一）项), or, where a page dropped that
 * label, the block's column header (本年制发件数, 本年新制作数量).
 */
export function t2Start(tokens: Token[]): number {
  const found = [tokens.findIndex((t) => t.norm.includes('第二十条')), tokens.findIndex((t) => /本年制发件数|本年新制作数量/.test(t.norm))].filter((i) => i >= 0);
  return found.length ? Math.min(...found) : -1;
}

export function parseT2(tokens: Token[], template: 'T2019' | 'T2021', stated: Partial<Record<string, number>> = {}): TableResult {
  const res = EMPTY();
  const blocks: BlockSpec[] = TEMPLATES[template].t2;
  const rows = blocks.flatMap((b) => b.rows);
  const colsOf = (rowId: string) => blocks.find((b) => b.rows.some((r) => r.id === rowId))!.columns;
  const start = t2Start(tokens);
  if (start < 0) return res;
  const parsed = withRecovered(parseRows(tokens, rows, (id) => colsOf(id).length, start), 't2', (id) => rowLabelOf(rows, id), res.notes, (runs) =>
    // Table 二 has no sums: each run is read on its own, decided by its block's relation (现行有效 ≥
    // 制发 − 废止) where it has one, else only by the numbers the text states.
    new Map(
      runs.flatMap((r) => {
        const cols = colsOf(r.id);
        const said = r.id === 'normative' ? cols.flatMap((c, at) => (stated[c.id] !== undefined ? [{ id: r.id, at, value: stated[c.id]! }] : [])) : [];
        const block = blocks.find((b) => b.rows.some((x) => x.id === r.id))!;
        const rowCheck = block.holds === 'inForce' ? (_: string, c: (number | null)[]) => c.some((x) => x === null) || c[2]! >= c[0]! - c[1]! : undefined;
        return [...resolveRows({ rows: [r], maxDigits: 8, stated: said, rowCheck })];
      }),
    ),
  (id) => colsOf(id).map((c) => c.id));
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
            // Say the unit the guess took: 8040 with no unit is taken as 万元 and kept, 1234567 as 元 and converted.
            message:
              w.from === '元'
                ? `表二 ${rowLabelOf(rows, pr.rowId)}“${cols[i].label}”写作“${v.value.raw}”，没有写单位，按数值判断为元，已换算为${value.num}万元，请核对`
                : `表二 ${rowLabelOf(rows, pr.rowId)}“${cols[i].label}”写作“${v.value.raw}”，没有写单位，按数值判断为万元（记为${value.num}万元），请核对`,
          });
      }
      res.cells.push(cellOf(res, 't2', pr.rowId, cols[i].id, { ...v, value }));
    });
    if (pr.short && !pr.run) res.notes.push(shortNote('t2', rowLabelOf(rows, pr.rowId), pr.values.length, cols.length));
  }
  span(res, tokens, start, parsed.at(-1)?.end ?? start);
  return res;
}

/** `stated.endsText`: the tokens run to the end of the text (no later part), so a row may be cut off by the page's end. */
export function parseT3(all: Token[], stated?: { newTotal?: number; endsText?: boolean }): TableResult & { rowIds: string[] } {
  const res = { ...EMPTY(), rowIds: [] as string[] };
  // A paragraph above the table that tells its numbers in words ("其中，予以公开2件，部分公开2件…")
  // is no row: the table begins at its own header (the 勾稽 note, 申请人情况), where it has one.
  const own = all.findIndex((t) => t.value === null && T3_OWN_HEADER.test(t.norm));
  const tokens = own > 0 ? all.slice(own) : all;
  const parsed = withRecovered(parseRows(tokens, T3_ROWS, () => T3_COLUMNS.length, 0, T3_HEADINGS), 't3', (id) => T3_ROWS.find((r) => r.id === id)!.label, res.notes, (runs, all) =>
    resolveRows({
      rows: runs,
      maxDigits: 6,
      rowCheck: (_, cells) => sumsToLast(cells),
      linears: t3Linears(all),
      stated: stated?.newTotal !== undefined ? [{ id: 'new', at: 6, value: stated.newTotal }] : [],
    }),
  () => T3_COLUMNS.map((c) => c.id));
  const withValues = parsed.filter((p) => p.values.length > 0);
  // The table starts at its header (勾稽 note, 申请人情况, 自然人…), not at its first row.
  const first = withValues.length ? tokens.indexOf(withValues[0].label) : -1;
  const header = tokens.findIndex((t, i) => i < first && first - i < 60 && t.value === null && T3_HEADER.test(t.norm));
  // A few stray words are not a table: two of its labels quoted in a sentence ("全年新收政府信息公开
  // 申请数量0件,上年结转…0件") say nothing about cells, so no note sends the user looking for them.
  // A page cut off after the first rows is: its header is there and each row has its seven cells.
  const whole = (p: ParsedRow) => p.values.length === T3_COLUMNS.length && !p.short;
  const headed = header >= 0 && withValues.length > 0 && withValues.every(whole);
  // A page cut off inside a row: the rows above it are whole, and nothing follows the cut one. Its
  // few values could be any of its cells, so they are left out.
  const last = withValues.at(-1);
  const cut =
    !headed && stated?.endsText === true && header >= 0 && withValues.length >= 2 && withValues.slice(0, -1).every(whole) && !tokens.slice(last!.end + 1).some((t) => t.value !== null || t.norm !== '');
  if (cut) res.notes.push(shortNote('t3', T3_ROWS.find((r) => r.id === last!.rowId)!.label, last!.values.length, 7));
  const rows = cut ? withValues.slice(0, -1) : withValues;
  if (withValues.length < 3 && !headed && !cut) return parsed.length < 3 ? { ...EMPTY(), rowIds: [] } : res;
  for (const pr of rows) {
    res.rowIds.push(pr.rowId);
    pr.values.forEach((v, i) => res.cells.push(cellOf(res, 't3', pr.rowId, T3_COLUMNS[i].id, v)));
    if (pr.short && !pr.run) res.notes.push(shortNote('t3', T3_ROWS.find((r) => r.id === pr.rowId)!.label, pr.values.length, 7));
  }
  span(res, tokens, header >= 0 ? header : first, withValues.at(-1)!.end);
  return res;
}

const T3_HEADER = /勾稽关系|申请人情况|自然人|法人或其他组织|本列数据/;
/** Words only table 三's header holds (自然人 is said in sentences too). */
const T3_OWN_HEADER = /勾稽关系|本列数据|申请人情况/;

/** Table 四: fifteen numbers after its header; or a sentence saying there were no cases. */
export function parseT4(tokens: Token[], text: string, stated?: { review?: number }): TableResult {
  const res = EMPTY();
  let lastHeader = -1;
  tokens.forEach((t, i) => {
    if (t.value === null && T4_HEADER_FRAGMENTS.some((f) => t.norm.includes(f)) && t.norm.length <= 12) lastHeader = i;
    if (t.value === null && /^(结|计|果)$/.test(t.norm)) lastHeader = i;
    // The whole header run together in one piece of text (a flattened web page).
    if (t.value === null && !t.structured && t.norm.length > 12 && T4_HEADER_WORDS.reduce((n, w) => n.replaceAll(w, ''), t.norm).length <= 2) lastHeader = i;
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
  if (vals.length > 0 && vals.every((v) => !v.structured) && (vals.length < 15 || directReading(pieces(vals.slice(0, 15).map((v) => v.text).join(' ')) ?? [], 15) === null)) {
    return t4FromRun(res, tokens, lastHeader, vals, stated);
  }
  if (vals.filter((v) => v.value!.kind !== 'blank').length >= 5) {
    vals.slice(0, 15).forEach((v, i) => res.cells.push(cellOf(res, 't4', T4_ROWS[Math.floor(i / 5)].id, T4_COLUMNS[i % 5].id, rowValue(v))));
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
        res.cells.push({ table: 't4', row: r.id, col: c.id, value: { kind: 'number', num: 0, raw: '0' }, source: `文字说明：“${sentence[0]}”`, at: { kind: 'words', quote: sentence[0] } });
    res.notes.push({ code: 't4-sentence', message: `表四以文字说明代替表格（“${sentence[0]}”），按全部为0记录` });
  }
  return res;
}

/** 表四 in a text layout whose numbers ran together: one run of 15 cells, R4 in each group decides. */
function t4FromRun(res: TableResult, tokens: Token[], lastHeader: number, vals: Token[], stated?: { review?: number }): TableResult {
  const raw = vals.map((v) => v.text).join(' ');
  const r = resolveRows({
    rows: [{ id: 't4', raw, n: 15 }],
    maxDigits: 5,
    rowCheck: (_, c) => [0, 5, 10].every((from) => sumsToLast(c, from, 5)),
    stated: stated?.review !== undefined ? [{ id: 't4', at: 4, value: stated.review }] : [],
  }).get('t4')!;
  span(res, tokens, lastHeader, tokens.indexOf(vals[vals.length - 1]));
  if (r.kind === 'read' || r.kind === 'inferred') {
    r.cells.forEach((c, i) =>
      res.cells.push({
        table: 't4',
        row: T4_ROWS[Math.floor(i / 5)].id,
        col: T4_COLUMNS[i % 5].id,
        value: parseValue(c) ?? { kind: 'mark', num: null, raw: c },
        source: r.kind === 'inferred' ? `${vals[0].source}，推断（表格分隔丢失）` : vals[0].source,
        at: vals[0].at,
        ...(r.kind === 'inferred' ? { how: 'inferred' as const } : {}),
      }),
    );
    if (r.kind === 'inferred') res.notes.push({ code: 'split-inferred', message: `表四的数字连在一起（“${raw}”），按“不写前导0”和各组“总计=维持+纠正+其他+尚未审结”只有一种拆分：${r.cells.join(' ')}，已记录并标为推断` });
  } else if (r.kind === 'ambiguous') {
    res.notes.push({ code: 'split-ambiguous', message: `表四的数字连在一起（“${raw}”），有${r.candidates.length}种拆分都符合勾稽关系（${r.candidates.slice(0, 3).map((c) => c.join(' ')).join('；')}${r.candidates.length > 3 ? '；……' : ''}），未记录，请对照原文填写` });
  } else res.notes.push({ code: 'split-unreadable', message: `表四的数字（“${raw}”）无法拆成15格，未记录，请对照原文填写` });
  return res;
}

/**
 * A cell from a row's value, with where it came from as data. A PDF cell cut at the page edge was
 * read as blank: a shortened number is still a number, and it would be wrong.
 */
function cellOf(res: TableResult, table: TableId, row: string, col: string, v: RowValue): Cell {
  const code = v.cut === 'edge' ? 'cut-at-edge' : 'cut-clipped';
  if (v.cut && !res.notes.some((n) => n.code === code)) {
    const page = v.at && v.at.kind !== 'words' ? v.at.place?.page : undefined;
    const name = { t2: '表二', t3: '表三', t4: '表四' }[table];
    const at = page ? `（第${page}页）` : '';
    res.notes.push({
      code,
      message:
        v.cut === 'edge'
          ? `${name}有格子超出页面，数字不完整${at}，这些格未记录，请对照原文填写`
          : `${name}有格子的数字超出格子被遮住，数字不完整${at}，这些格未记录，请对照原文填写`,
    });
  }
  return {
    table,
    row,
    col,
    value: v.value,
    source: v.source,
    ...(v.at ? { at: v.at } : {}),
    ...(v.how ? { how: v.how } : {}),
    ...(v.ocr ? { conf: v.ocr.conf } : {}),
    // The engine's other readings of a number it hesitated over: the sums decide (checks/ocr-digits.ts).
    ...(v.ocr?.candidates?.length ? { alt: ocrAlternatives(v.value, v.ocr.candidates) } : {}),
  };
}

function ocrAlternatives(value: CellValue, candidates: string[]): AltReading[] {
  const out: AltReading[] = [];
  for (const c of candidates) {
    const v = parseValue(c);
    if (v && !sameValue(v, value) && !out.some((o) => sameValue(o.value, v))) out.push({ value: v, why: `OCR候选“${c}”` });
  }
  return out;
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

type Recovered = ParsedRow;

/**
 * Rows of a text layout whose cells ran together are read again from their value text, the
 * whole table at once so that relations across rows can decide (see recover.ts). A row read
 * as it stands keeps its values; an inferred one is marked; one with several readings, or
 * none, gets no values and a note that says why.
 */
function withRecovered(
  parsed: ParsedRow[],
  table: TableId,
  labelOf: (id: string) => string,
  notes: ParseNote[],
  resolve: (runs: { id: string; raw: string; n: number }[], all: ParsedRow[]) => Map<string, Resolution>,
  colIds: (id: string) => string[],
): Recovered[] {
  const columns = (id: string) => colIds(id).length;
  const runs = parsed.filter((p) => p.run !== null).map((p) => ({ id: p.rowId, raw: p.run!, n: columns(p.rowId) }));
  if (runs.length === 0) return parsed;
  const resolved = resolve(runs, parsed);
  const name = { t2: '表二', t3: '表三', t4: '表四' }[table];
  const inferred: string[] = [];
  const out = parsed.map((p) => {
    const r = p.run !== null ? resolved.get(p.rowId) : undefined;
    if (!r) return p;
    const source = p.label.source;
    if (r.kind === 'read' || r.kind === 'inferred') {
      const how = r.kind === 'inferred' ? ('inferred' as const) : undefined;
      const values = r.cells.map((c) => ({ value: parseValue(c) ?? { kind: 'mark' as const, num: null, raw: c }, source: how ? `${source}，推断（表格分隔丢失）` : source, at: p.label.at, how: how ?? (p.label.geometry ? ('geometry' as const) : undefined) }));
      if (how) inferred.push(`“${short(labelOf(p.rowId))}”“${p.run!.replace(/\s+/g, ' ')}” → ${r.cells.join('、')}`);
      return { ...p, values, short: false };
    }
    if (r.kind === 'ambiguous') {
      const shown = r.candidates.slice(0, 5).map((c) => c.join('、')).join('；');
      const more = r.candidates.length > 5 ? '；……' : '';
      notes.push({
        code: 'split-ambiguous',
        ...(table === 't2' && r.candidates.length <= 200 ? { pending: { row: p.rowId, cols: colIds(p.rowId), run: p.run!, readings: r.candidates } } : {}),
        message:
          r.candidates.length === 1 && r.blankMayBeLost
            ? `${name}“${labelOf(p.rowId)}”的数字连在一起（“${p.run}”），可以拆成${r.candidates[0].join('、')}，但原表也可能有空白格（空白格在连写中看不出来），未记录，请对照原文填写`
            : `${name}“${labelOf(p.rowId)}”的数字连在一起（“${p.run}”），有${r.candidates.length}种拆分都说得通（${shown}${more}），未记录，请对照原文填写`,
      });
    } else notes.push({ code: 'split-unreadable', message: `${name}“${labelOf(p.rowId)}”的数字（“${p.run}”）无法拆成${columns(p.rowId)}格，未记录，请对照原文填写` });
    return { ...p, values: [], short: false };
  });
  if (inferred.length)
    notes.push({
      code: 'split-inferred',
      message: `${name}有${inferred.length}行的数字连在一起（表格分隔丢失），按“不写前导0”和勾稽关系只有一种拆分，已记录并标为推断：${inferred.slice(0, 4).join('；')}${inferred.length > 4 ? '；……' : ''}`,
    });
  return out;
}

const short = (label: string) => label.replace(/（区分处理的.*）$/, '').replace(/政府信息公开申请数量$/, '');

/** R1 and R3 of 表三, per column, over the rows the report has. */
function t3Linears(rows: ParsedRow[]): Linear[] {
  const ids = new Set(rows.map((r) => r.rowId));
  const six = ['r6_1', 'r6_2', 'r6_3'].some((id) => ids.has(id)) ? ['r6_1', 'r6_2', 'r6_3'] : ['r6'];
  const details = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8', 'r4_1', 'r4_2', 'r4_3', 'r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5', ...six];
  const out: Linear[] = [];
  for (let at = 0; at < T3_COLUMNS.length; at++) {
    out.push({ lhs: ['new', 'carry'], rhs: ['r7', 'next'], at });
    out.push({ lhs: ['r7'], rhs: details, at });
  }
  return out;
}
