// Every OCR number is checked by the sums. A digit the recogniser was sure of is kept (a rule
// that then fails is 识别存疑, reading.ts). A number it hesitated over (8/3/6/0, 1/7) must be
// confirmed: it stands if the rules it takes part in hold with it and would not with another
// value; if they fail, the engine's other readings are tried, and the one that alone makes them
// hold is taken, saying so; a number no reading makes consistent, or that no rule checks, is left
// blank with what was read, for the clerk to type from the original. Never a guess.
import { SURE_DIGIT } from '../../ocr/ctc.ts';
import type { Cell, CellValue, Finding, ParseNote, TemplateId } from '../model.ts';
import { columnLabel, rowLabel, tableLayout } from '../templates/index.ts';
import { TABLE_TITLES } from '../templates/types.ts';
import { checkConsistency } from './consistency.ts';
import { checkValues } from './values.ts';

type Settleable = { template: TemplateId; cells: Cell[]; notes: ParseNote[] };

const doubtful = (c: Cell) => c.how === 'ocr' && !c.original && c.conf !== undefined && c.conf < SURE_DIGIT && c.value.kind === 'number';
const BLANK: CellValue = { kind: 'blank', num: null, raw: '' };
/** Failed rules that make a whole table's reading doubtful. */
const SHAKEN = 3;

export function settleOcrDigits(r: Settleable): void {
  if (r.template === 'unknown' || !r.cells.some((c) => c.how === 'ocr')) return;
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
  // A row whose numbers do not sit where the form puts them was matched to the wrong cells.
  const misplaced = misplacedCells(r);
  // A table whose sums fail in several places was read wrong as a whole (a column shifted where a
  // rule was not found, rows run together): none of its numbers is trusted until the sums confirm it.
  // Failures a misplaced row explains (a seal's star hid a cell and its row's numbers slid over) are
  // that row's, already doubted, and shake nothing else.
  const failures = new Map<string, number>();
  const known = (f: Finding) => [...misplaced].some((c) => involves(f, c));
  for (const f of rules()) if (!known(f)) for (const t of new Set(f.cells.map((x) => x.table))) failures.set(t, (failures.get(t) ?? 0) + 1);
  for (const c of r.cells) if (c.how === 'ocr' && !c.original && c.value.kind === 'number' && (failures.get(c.table) ?? 0) >= SHAKEN) c.conf = 0;
  for (const c of misplaced) c.conf = 0;
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
    const why = misplaced.has(c) ? '表格的行列与格式不符（表格线可能未识别全），读数位置不可靠' : `文字识别把握不足（读作${read.raw}${others.length ? `，候选${others.join('、')}` : ''}）`;
    r.notes.push({
      code: 'ocr-doubt',
      message: `${at(c)}：${misplaced.has(c) ? `读作${read.raw}，但${why}` : why}，${fails ? '没有一种读法符合勾稽关系' : '没有勾稽关系可以验证'}，未记录，请对照原文填写`,
    });
  }
}

/**
 * OCR numbers whose place in the page's table does not fit the form's row they were matched to:
 * the numbers of one row of the form come from several rows of the page's table, from a ruled
 * table and from text lines at once, or not in the form's column order (a value one column off
 * its neighbours: an empty-read cell let the next number slide in); or two rows of the form came
 * from one row of the page's table (a rule between them lost). Such a grid put the row's label and
 * its numbers apart, so even a surely read digit may belong to another cell.
 */
function misplacedCells(r: Settleable): Set<Cell> {
  const out = new Set<Cell>();
  const rows = new Map<string, Cell[]>();
  for (const c of r.cells) {
    if (c.how !== 'ocr' || c.original || !c.at || c.at.kind === 'words') continue;
    const k = `${c.table}|${c.row}`;
    rows.set(k, [...(rows.get(k) ?? []), c]);
  }
  const pageRow = (c: Cell) => (c.at?.kind === 'cell' ? `${c.at.place?.page ?? 0}|${c.at.table}|${c.at.row}` : null);
  const byPageRow = new Map<string, Set<string>>();
  for (const [k, cells] of rows) {
    const table = cells[0].table;
    const order = tableLayout(r.template, table).columnsOf(cells[0].row).map((x) => x.id);
    const origins = new Set(cells.map((c) => pageRow(c) ?? 'line'));
    const offsets = new Set(cells.flatMap((c) => (c.at?.kind === 'cell' && order.includes(c.col) ? [c.at.col - order.indexOf(c.col)] : [])));
    if (origins.size > 1 || offsets.size > 1) for (const c of cells) out.add(c);
    // 表四's three groups are printed as one row of the page: rows of the form sharing one are expected there.
    if (table === 't4') continue;
    for (const o of origins) if (o !== 'line') byPageRow.set(`${table}|${o}`, new Set([...(byPageRow.get(`${table}|${o}`) ?? []), k]));
  }
  for (const ks of byPageRow.values()) if (ks.size > 1) for (const k of ks) for (const c of rows.get(k)!) out.add(c);
  return new Set([...out].filter((c) => c.value.kind === 'number'));
}

const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s);
