// Which reading of each run-together row is right, decided by the 勾稽 relations the table
// must satisfy (R2 within a row, R4 within a 表四 group, R1 and R3 across rows) and by the
// numbers the text states. A reading is taken only when it is the only one that satisfies
// them; otherwise the row stays blank and the candidates are reported. Never a value no
// reading supports.
import { directReading, pieces, readings, toNumber } from './split.ts';

export type Resolution =
  | { kind: 'read'; cells: string[] }
  | { kind: 'inferred'; cells: string[] }
  | { kind: 'ambiguous'; candidates: string[][]; blankMayBeLost?: boolean }
  | { kind: 'unreadable' };

export interface RowInput {
  id: string;
  raw: string;
  n: number;
}

/** Σ lhs = Σ rhs at one position of the rows' cells (a column of 表三). */
export interface Linear {
  lhs: string[];
  rhs: string[];
  at: number;
}

export interface Problem {
  rows: RowInput[];
  /** A reading of one row that cannot be right on its own (R2, R4). */
  rowCheck?: (id: string, cells: (number | null)[]) => boolean;
  linears?: Linear[];
  /** Values stated elsewhere (the text): row id, position, value. Used only while they leave a solution. */
  stated?: { id: string; at: number; value: number }[];
  maxDigits: number;
}

const SOLUTION_LIMIT = 64;
const NODE_LIMIT = 200000;

export function resolveRows(p: Problem): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  const domains = new Map<string, (number | null)[][]>();
  const texts = new Map<string, string[][]>();
  const fixed = new Set<string>();
  const check = (id: string, c: (number | null)[]) => !p.rowCheck || p.rowCheck(id, c);
  /** A row settled before the search: its one reading constrains the others. */
  const settle = (id: string, kind: 'read' | 'inferred', cells: string[]) => {
    out.set(id, { kind, cells });
    domains.set(id, [cells.map(toNumber)]);
    texts.set(id, [cells]);
    fixed.add(id);
  };

  for (const r of p.rows) {
    const ps = pieces(r.raw);
    if (!ps || ps.length === 0) {
      out.set(r.id, { kind: 'unreadable' });
      continue;
    }
    const direct = directReading(ps, r.n, p.maxDigits);
    if (direct) {
      settle(r.id, 'read', direct);
      continue;
    }
    const all = readings(ps, r.n, 1, p.maxDigits);
    // An empty cell leaves no digit: "215" may be 2 | 1 | 5 or 2 | (blank) | 15. A reading is
    // forced by the layout alone only where the run cannot be fewer cells ("008", "0 0 0 0 0 00":
    // a count has no leading zero). Any other reading must satisfy the sums or the text, and
    // "10 0 0 0 01" read as 100 | 0 | 0 | 0 | 1 by its digits alone would be invented.
    const blankMayBeLost = readings(ps, r.n - 1, 1, p.maxDigits, 1).length > 0;
    if (all.length === 1 && !blankMayBeLost) {
      settle(r.id, 'inferred', all[0]);
      continue;
    }
    const said = (p.stated ?? []).filter((x) => x.id === r.id);
    if (!p.rowCheck) {
      // No sums within the row (table 二): only the numbers the text states can decide.
      const agree = said.length ? all.filter((c) => said.every((x) => toNumber(c[x.at]) === x.value)) : [];
      if (agree.length === 1) settle(r.id, 'inferred', agree[0]);
      else out.set(r.id, all.length ? { kind: 'ambiguous', candidates: all, blankMayBeLost } : { kind: 'unreadable' });
      continue;
    }
    let cands = all.filter((c) => check(r.id, c.map(toNumber)));
    if (cands.length === 0) cands = readings(ps, r.n, 2, p.maxDigits).filter((c) => check(r.id, c.map(toNumber)));
    if (cands.length === 0) {
      out.set(r.id, all.length ? { kind: 'ambiguous', candidates: all } : { kind: 'unreadable' });
      continue;
    }
    domains.set(r.id, cands.map((c) => c.map(toNumber)));
    texts.set(r.id, cands);
  }

  const linears = (p.linears ?? []).filter((l) => [...l.lhs, ...l.rhs].every((id) => domains.has(id)));
  const search = solve(domains, linears);
  let solutions = search.solutions;
  for (const s of p.stated ?? []) {
    if (!domains.has(s.id)) continue;
    const kept = solutions.filter((sol) => domains.get(s.id)![sol.get(s.id)!][s.at] === s.value);
    if (kept.length) solutions = kept;
  }

  for (const [id, cands] of texts) {
    if (fixed.has(id)) continue;
    const chosen = new Set(solutions.map((s) => s.get(id)!));
    // A search cut off at its limits has not shown that no other solution exists: only a row
    // with one reading of its own is taken.
    if (!search.complete) out.set(id, cands.length === 1 ? { kind: 'inferred', cells: cands[0] } : { kind: 'ambiguous', candidates: cands });
    else if (solutions.length > 0 && chosen.size === 1) out.set(id, { kind: 'inferred', cells: cands[[...chosen][0]] });
    else if (solutions.length === 0 && cands.length === 1) out.set(id, { kind: 'inferred', cells: cands[0] });
    else {
      const shown = solutions.length > 0 ? [...chosen].map((i) => cands[i]) : cands;
      out.set(id, { kind: 'ambiguous', candidates: shown });
    }
  }
  return out;
}

/**
 * Every assignment of one reading per row that satisfies the linear relations; `complete` is
 * false when the search stopped at a limit, so the solutions found may not be all.
 */
function solve(domains: Map<string, (number | null)[][]>, linears: Linear[]): { solutions: Map<string, number>[]; complete: boolean } {
  const ids = [...domains.keys()].sort((a, b) => domains.get(a)!.length - domains.get(b)!.length);
  const assign = new Map<string, number>();
  const out: Map<string, number>[] = [];
  let nodes = 0;
  const value = (id: string, at: number) => domains.get(id)![assign.get(id)!][at];
  /** The column's sum over the rows, or null when a cell is a mark (the relation cannot be decided). */
  const sum = (rows: string[], at: number) => {
    let total = 0;
    for (const id of rows) {
      const v = value(id, at);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  const holds = (l: Linear) => {
    const left = sum(l.lhs, l.at);
    const right = sum(l.rhs, l.at);
    return left === null || right === null || Math.abs(left - right) < 1e-9;
  };
  // Each relation is checked as soon as its last row is assigned.
  const order = new Map(ids.map((id, i) => [id, i]));
  const due = ids.map(() => [] as Linear[]);
  for (const l of linears) due[Math.max(...[...l.lhs, ...l.rhs].map((id) => order.get(id)!))].push(l);
  const walk = (i: number) => {
    if (out.length >= SOLUTION_LIMIT || ++nodes > NODE_LIMIT) return;
    if (i === ids.length) {
      out.push(new Map(assign));
      return;
    }
    const id = ids[i];
    for (let k = 0; k < domains.get(id)!.length; k++) {
      assign.set(id, k);
      if (due[i].every(holds)) walk(i + 1);
    }
    assign.delete(id);
  };
  walk(0);
  return { solutions: out, complete: out.length < SOLUTION_LIMIT && nodes <= NODE_LIMIT };
}

/** R2 for a 表三 row (总计 is the last of seven), R4 for a 表四 row of three groups of five. */
export function sumsToLast(cells: (number | null)[], from = 0, width = cells.length): boolean {
  const group = cells.slice(from, from + width);
  if (group.some((c) => c === null)) return true;
  const total = group[group.length - 1]!;
  return Math.abs(group.slice(0, -1).reduce((s: number, c) => s + c!, 0) - total) < 1e-9;
}
