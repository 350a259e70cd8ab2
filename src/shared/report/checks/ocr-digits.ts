// Every OCR number is checked by the sums. A digit the recogniser was sure of is kept (a rule
// that then fails is 识别存疑, reading.ts). A number it hesitated over (8/3/6/0, 1/7) must be
// confirmed: it stands if the rules it takes part in hold with it and would not with another
// value; if they fail, the engine's other readings are tried, and the one that alone makes them
// hold is taken, saying so; a number no reading makes consistent, or that no rule checks, is left
// blank with what was read, for the clerk to type from the original. Never a guess.
import { SURE_DIGIT } from '../../ocr/ctc.ts';
import type { Cell, CellValue, Finding, ParseNote, TemplateId } from '../model.ts';
import { columnLabel, rowLabel } from '../templates/index.ts';
import { TABLE_TITLES } from '../templates/types.ts';
import { checkConsistency } from './consistency.ts';
import { checkValues } from './values.ts';

type Settleable = { template: TemplateId; cells: Cell[]; notes: ParseNote[] };

const doubtful = (c: Cell) => c.how === 'ocr' && !c.original && c.conf !== undefined && c.conf < SURE_DIGIT && c.value.kind === 'number';
const BLANK: CellValue = { kind: 'blank', num: null, raw: '' };

export function settleOcrDigits(r: Settleable): void {
  if (r.template === 'unknown' || !r.cells.some(doubtful)) return;
  const rules = () => [...checkConsistency(r.template, r.cells), ...checkValues(r.template, r.cells)];
  const involves = (f: Finding, c: Cell) => f.cells.some((x) => x.table === c.table && x.row === c.row && x.col === c.col);
  const failing = (c: Cell) => rules().filter((f) => involves(f, c));
  const trying = (c: Cell, v: CellValue) => {
    const keep = c.value;
    c.value = v;
    const out = failing(c);
    c.value = keep;
    return out;
  };
  const at = (c: Cell) => `${TABLE_TITLES[c.table].split(' ')[0]}“${short(rowLabel(r.template, c.table, c.row))}”“${columnLabel(r.template, c.table, c.col)}”`;
  const open = new Set(r.cells.filter(doubtful));
  // A number settled may let the sums speak for the next: go round while something changes.
  for (let changed = true; changed && open.size; ) {
    changed = false;
    for (const c of open) {
      const fails = failing(c);
      if (fails.length === 0) {
        // Holding is evidence only if the rules would catch another value.
        const probe = { kind: 'number' as const, num: (c.value.num ?? 0) + 1, raw: String((c.value.num ?? 0) + 1) };
        if (trying(c, probe).length > 0) {
          c.source = `${c.source}，经勾稽关系验证`;
          open.delete(c);
          changed = true;
        }
        continue;
      }
      const fits = (c.alt ?? []).filter((a) => a.why.startsWith('OCR候选') && a.value.kind === 'number' && trying(c, a.value).length === 0);
      if (fits.length === 1) {
        const read = c.value;
        c.value = fits[0].value;
        c.alt = [{ value: read, why: 'OCR首选读法' }, ...(c.alt ?? []).filter((a) => a !== fits[0])];
        c.source = `${c.source}，按勾稽关系在OCR候选中选定（首选读作${read.raw}）`;
        r.notes.push({ code: 'ocr-chosen', message: `${at(c)}：文字识别首选读作${read.raw}，不符合勾稽关系；候选读法${c.value.raw}使其成立，已采用并标为识别，请对照原文核对` });
        open.delete(c);
        changed = true;
      }
    }
  }
  // What no reading settles is not recorded: the clerk types it from the original.
  for (const c of open) {
    const read = c.value;
    const others = (c.alt ?? []).filter((a) => a.why.startsWith('OCR候选')).map((a) => a.value.raw);
    c.alt = [{ value: read, why: 'OCR读作' }, ...(c.alt ?? [])];
    c.value = BLANK;
    c.source = `${c.source}，识别把握不足，未记录`;
    const fails = failing(c).length > 0 || trying(c, read).length > 0;
    r.notes.push({
      code: 'ocr-doubt',
      message: `${at(c)}：文字识别把握不足（读作${read.raw}${others.length ? `，候选${others.join('、')}` : ''}），${fails ? '没有一种读法符合勾稽关系' : '没有勾稽关系可以验证'}，未记录，请对照原文填写`,
    });
  }
}

const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
