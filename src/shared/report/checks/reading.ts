// Whose a failed rule is. A rule over cells typed into a Word or web table fails in the document.
// A rule over cells we placed ourselves (by their position on a PDF page, by splitting digits that
// ran together, by OCR) may fail in our reading: if another reading the source allows satisfies it
// (the same place read another way, the number the text states, a copy of the report in another
// form), the finding is 识别存疑 — a 提醒 to check the original, never the unit's 错误, and not put
// into a 审核意见 until the clerk has checked. Only a failure every reading shares is the document's.
import { sameValue, type AltReading, type Cell, type Finding, type TemplateId } from '../model.ts';
import { CLAIMS, claimText } from '../templates/claims.ts';
import { columnLabel, rowLabel } from '../templates/index.ts';
import { TABLE_TITLES } from '../templates/types.ts';
import { checkConsistency } from './consistency.ts';
import { checkNarrative } from './narrative.ts';
import { checkValues } from './values.ts';

/** Rules over table cells whose failure may be the reading's. */
const JUDGED = /^(?:R\d|V1|N\d)$/;
/** At most this many combinations of readings are tried for one finding. */
const MAX_TRIES = 256;

type Judgeable = { template: TemplateId; cells: Cell[]; parts: { no: number; text: string }[] };

/** A cell the clerk has not vouched for and that was not read from a cell of its own. */
export const uncertain = (c: Cell) => !!c.how && !c.original;

export const HOW_LABEL: Record<NonNullable<Cell['how']>, string> = {
  geometry: '按PDF版面位置读取',
  inferred: '由连在一起的数字推断拆分',
  ocr: '由文字识别（OCR）读取',
};

export function judgeReadings(r: Judgeable, findings: Finding[]): Finding[] {
  const key = (t: string, row: string, col: string) => `${t}|${row}|${col}`;
  const byKey = new Map(r.cells.map((c) => [key(c.table, c.row, c.col), c]));
  const stated = statedReadings(r);
  return findings.map((f) => {
    if (!JUDGED.test(f.rule) || f.cells.length === 0) return f;
    const cells = f.cells.map((x) => byKey.get(key(x.table, x.row, x.col))).filter((c): c is Cell => !!c);
    const doubtful = cells.filter(uncertain);
    if (doubtful.length === 0) return f;
    // The readings each doubtful cell may have: its own, the others the source allows.
    const options = doubtful.map((c) => {
      const k = key(c.table, c.row, c.col);
      // (The number the text states is no evidence on the rule that compares the text with the table.)
      const said = f.rule.startsWith('N') ? [] : (stated.get(k) ?? []);
      const alts = [...(c.alt ?? []), ...said].filter((a) => !sameValue(a.value, c.value));
      return [null, ...dedupe(alts)];
    });
    const passing = firstPassing(r, f, doubtful, options);
    const at = (c: Cell) => `${TABLE_TITLES[c.table].split(' ')[0]}“${short(rowLabel(r.template, c.table, c.row))}”“${columnLabel(r.template, c.table, c.col)}”`;
    if (passing) {
      const changed = passing.map((a, i) => (a ? `${at(doubtful[i])}读作${a.value.raw || '空白'}（${a.why}）` : '')).filter(Boolean);
      return { ...f, severity: 'warning', fault: 'reading', why: `识别存疑（请核对原文）：按另一种读法，${changed.join('；')}，此规则即成立。读取方式：${hows(doubtful)}。核对原文后可确认数值` };
    }
    // The text against a table we read: which of the two is off, the original tells, not the rule.
    if (f.rule.startsWith('N')) return { ...f, why: `表格中的数值${hows(doubtful)}，与正文不一致时请核对原文` };
    // Digits we split or recognised ourselves are our reading until the clerk has checked them.
    if (doubtful.some((c) => c.how === 'inferred' || c.how === 'ocr'))
      return { ...f, severity: 'warning', fault: 'reading', why: `识别存疑（请核对原文）：相关数值${hows(doubtful)}，未经核对不作为单位的错误` };
    return { ...f, fault: 'document', why: `各种读法都不满足此规则（${hows(doubtful)}，没有其他读法使其成立）：为报告本身的问题` };
  });
}

function hows(cells: Cell[]): string {
  return [...new Set(cells.map((c) => HOW_LABEL[c.how!]))].join('、');
}

/** The numbers the text states for a single cell (N1, N2): another reading of that cell. */
function statedReadings(r: Judgeable): Map<string, AltReading[]> {
  const out = new Map<string, AltReading[]>();
  const text = claimText(r.parts);
  for (const c of CLAIMS) {
    if (c.cells.length !== 1) continue;
    const m = c.re.exec(text);
    if (!m) continue;
    const x = c.cells[0];
    out.set(`${x.table}|${x.row}|${x.col}`, [{ value: { kind: 'number', num: Number(m[1]), raw: m[1] }, why: `正文：“${m[0]}”` }]);
  }
  return out;
}

/** The first combination of readings (null: the cell's own) under which the finding is gone. */
function firstPassing(r: Judgeable, f: Finding, cells: Cell[], options: (AltReading | null)[][]): (AltReading | null)[] | null {
  let tries = 0;
  const pick: (AltReading | null)[] = [];
  const walk = (i: number): (AltReading | null)[] | null => {
    if (i === cells.length) {
      if (pick.every((p) => p === null) || ++tries > MAX_TRIES) return null;
      return stillFails(r, f, cells, pick) ? null : [...pick];
    }
    for (const o of options[i]) {
      pick[i] = o;
      const found = walk(i + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(0);
}

function stillFails(r: Judgeable, f: Finding, cells: Cell[], pick: (AltReading | null)[]): boolean {
  const swap = new Map(cells.map((c, i) => [c, pick[i]]));
  const swapped = r.cells.map((c) => {
    const p = swap.get(c);
    return p ? { ...c, value: p.value } : c;
  });
  const again =
    f.rule.startsWith('R') ? checkConsistency(r.template, swapped) : f.rule === 'V1' ? checkValues(r.template, swapped) : checkNarrative({ parts: r.parts as never, cells: swapped });
  const cellsKey = JSON.stringify(f.cells);
  return again.some((g) => g.rule === f.rule && JSON.stringify(g.cells) === cellsKey);
}

function dedupe(alts: AltReading[]): AltReading[] {
  const out: AltReading[] = [];
  for (const a of alts) if (!out.some((b) => sameValue(a.value, b.value))) out.push(a);
  return out;
}

const short = (label: string) => label.replace(/（区分处理的.*）$/, '').replace(/政府信息公开申请数量$/, '');
