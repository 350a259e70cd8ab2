// R1–R4: the 勾稽 rules of the templates, evaluated cell by cell.
import type { Cell, Finding, TableId, TemplateId } from '../model.ts';
import { columnLabel, RULES, rowLabel, tableLayout, type RuleSpec, type Term } from '../templates/index.ts';
import { TABLE_TITLES } from '../templates/types.ts';

type Lookup = (table: TableId, row: string, col: string) => Cell | undefined;

export function lookupOf(cells: Cell[]): Lookup {
  const m = new Map(cells.map((c) => [`${c.table}|${c.row}|${c.col}`, c]));
  return (t, r, c) => m.get(`${t}|${r}|${c}`);
}

export function checkConsistency(template: TemplateId, cells: Cell[]): Finding[] {
  if (template !== 'T2019' && template !== 'T2021') return [];
  const get = lookupOf(cells);
  const out: Finding[] = [];
  for (const rule of RULES) {
    const present = new Set(cells.filter((c) => c.table === rule.table).map((c) => (rule.over === 'perColumn' ? c.col : c.row)));
    const layout = tableLayout(template, rule.table);
    const lines = (rule.over === 'perColumn' ? layout.columns : layout.rows).filter((x) => present.has(x.id));
    for (const line of lines) {
      const f = evaluate(rule, template, line.id, get);
      if (f) out.push(f);
    }
  }
  return out;
}

function evaluate(rule: RuleSpec, template: TemplateId, line: string, get: Lookup): Finding | null {
  const at = (id: string) => (rule.over === 'perColumn' ? get(rule.table, id, line) : get(rule.table, line, id));
  const expand = (terms: Term[]): string[] =>
    terms.flatMap((t) => (typeof t === 'string' ? [t] : (t.anyOf.find((alt) => alt.some((id) => at(id))) ?? [])));
  const lhs = expand(rule.lhs);
  const rhs = expand(rule.rhs);
  const cells = [...lhs, ...rhs].map((id) => ({ id, cell: at(id) }));
  // A rule over cells that are missing or not numbers cannot be decided: leave it to completeness.
  if (cells.some((c) => !c.cell || c.cell.value.kind !== 'number')) return null;
  const sum = (ids: string[]) => ids.reduce((s, id) => s + (at(id)!.value.num ?? 0), 0);
  const left = sum(lhs);
  const right = sum(rhs);
  if (Math.abs(left - right) < 1e-9) return null;
  const label = (id: string) => (rule.over === 'perColumn' ? rowLabel(template, rule.table, id) : columnLabel(template, rule.table, id));
  const lineLabel = rule.over === 'perColumn' ? columnLabel(template, rule.table, line) : rowLabel(template, rule.table, line);
  const side = (ids: string[]) => {
    const shown = ids.length > 4 ? ids.filter((id) => at(id)!.value.num !== 0) : ids;
    const terms = shown.map((id) => `${short(label(id))}(${at(id)!.value.num})`);
    if (shown.length < ids.length) terms.push(`其余${ids.length - shown.length}项(均为0)`);
    return terms.join(' + ');
  };
  const where = rule.over === 'perColumn' ? `“${lineLabel}”列` : `“${lineLabel}”行`;
  return {
    rule: rule.id,
    severity: 'error',
    message: `${TABLE_TITLES[rule.table]}，${where}：${side(lhs)} = ${left}，而 ${side(rhs)} = ${right}，相差 ${fmt(left - right)}（${rule.id}：${rule.text}）`,
    cells: cells.map((c) =>
      rule.over === 'perColumn' ? { table: rule.table, row: c.id, col: line } : { table: rule.table, row: line, col: c.id },
    ),
  };
}

function short(label: string): string {
  // "一、本年新收政府信息公开申请数量" reads better as "一、本年新收"; sub-items keep their number.
  return label
    .replace(/政府信息公开申请数量$/, '')
    .replace(/（区分处理的.*）$/, '')
    .replace(/^(（[三四五六]）\S+) /, '$1 ');
}

function fmt(n: number): string {
  const r = Math.round(n * 1e6) / 1e6;
  return r > 0 ? `+${r}` : String(r);
}
