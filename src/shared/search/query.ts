// The query a clerk types: words separated by spaces must all appear; "quoted phrase" is one
// term; -word excludes; 或 / OR between terms makes alternatives. Punctuation, full/half width
// and common traditional characters do not matter.
import { cleanTerm, compactSearch } from './normalize.ts';

export interface Clause {
  /** Any of these terms (normalised) satisfies the clause. */
  any: string[];
  /** The report must contain none of them. */
  negated: boolean;
}

export interface ParsedQuery {
  clauses: Clause[];
  /** Terms to highlight: every positive term. */
  highlight: string[];
}

interface Tok {
  text: string;
  quoted: boolean;
  negated: boolean;
}

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  const re = /(-?)(?:"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+))/g;
  const input = q.replace(/[\u3000]/g, ' ').replace(/＂/g, '"');
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const quoted = m[2] ?? m[3] ?? m[4];
    out.push({ text: quoted ?? m[5] ?? '', quoted: quoted !== undefined, negated: m[1] === '-' });
  }
  return out;
}

export function parseQuery(q: string): ParsedQuery {
  const clauses: Clause[] = [];
  let orPending = false;
  for (const t of lex(q)) {
    if (!t.quoted && !t.negated && (t.text === '或' || t.text.toUpperCase() === 'OR' || t.text === '|')) {
      orPending = clauses.length > 0;
      continue;
    }
    const term = cleanTerm(t.text);
    if (!term) continue;
    const last = clauses[clauses.length - 1];
    if (orPending && last && !last.negated && !t.negated) last.any.push(term);
    else clauses.push({ any: [term], negated: t.negated });
    orPending = false;
  }
  // Drop repeats; a query of exclusions alone matches nothing useful, so they need a positive.
  for (const c of clauses) c.any = [...new Set(c.any)];
  return { clauses, highlight: [...new Set(clauses.filter((c) => !c.negated).flatMap((c) => c.any))] };
}

/**
 * Ranges [start, end) of every term in a text, merged where they overlap. Terms are found in
 * the text's normalised letters and digits, so a hit may run across punctuation and line
 * breaks; its range then covers them.
 */
export function findRanges(text: string, terms: string[]): [number, number][] {
  const { flat, at } = compactSearch(text);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let i = flat.indexOf(t); i >= 0; i = flat.indexOf(t, i + t.length)) ranges.push([at[i], at[i + t.length - 1] + 1]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/**
 * A window around the first hit that never cuts a hit in half, kept inside [lo, hi) (the part
 * the hit is in), with runs of white space shown as one space.
 */
function lineAround(text: string, at: number): string {
  const a = text.lastIndexOf('\n', at - 1) + 1;
  const b = text.indexOf('\n', at);
  return text.slice(a, b < 0 ? text.length : b);
}

/** A line of running text: a clause ends in it. Header rows and cells of tables have none. */
const isSentence = (line: string) => /[，。；：！？]/.test(line);

export function snippet(
  text: string,
  terms: string[],
  radius = 48,
  bounds?: (hitAt: number) => [number, number],
): { text: string; highlights: [number, number][]; at: number } | null {
  const all = findRanges(text, terms);
  if (all.length === 0) return null;
  // A hit in a sentence says more than one in a table's header row (行政复议 结果维持 结果纠正…):
  // the first hit on a line with sentence punctuation, else the first hit.
  const prose = all.find(([s]) => isSentence(lineAround(text, s))) ?? all[0];
  const [s0, e0] = prose;
  const [lo, hi] = bounds ? bounds(s0) : [0, text.length];
  let start = Math.max(lo, s0 - radius);
  let end = Math.min(hi, e0 + radius);
  for (const [s, e] of all) {
    if (s < start && e > start) start = s;
    if (s < end && e > end) end = e;
  }
  // Copy the window, folding white space, and carry the hit offsets across.
  const map: number[] = [];
  let out = start > lo ? '…' : '';
  for (let i = start; i < end; i++) {
    map[i] = out.length;
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!out.endsWith(' ') && out.length > 0 && !out.endsWith('…')) out += ' ';
    } else out += ch;
  }
  map[end] = out.length;
  const highlights = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [map[s], map[e]] as [number, number]);
  return { text: `${out.trimEnd()}${end < hi ? '…' : ''}`, highlights, at: s0 };
}
