// The query a clerk types: words separated by spaces must all appear; "quoted phrase" is one
// term; -word excludes; 或 / OR between terms makes alternatives. Punctuation, full/half width
// and common traditional characters do not matter.
import { cleanTerm } from './normalize.ts';

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

/** Ranges [start, end) of every term in a normalised text, merged where they overlap. */
export function findRanges(norm: string, terms: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of terms) {
    if (!t) continue;
    for (let i = norm.indexOf(t); i >= 0; i = norm.indexOf(t, i + t.length)) ranges.push([i, i + t.length]);
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

/** A window around the first hit that never cuts a hit in half. */
export function snippet(text: string, norm: string, terms: string[], radius = 48): { text: string; highlights: [number, number][]; at: number } | null {
  const all = findRanges(norm, terms);
  if (all.length === 0) return null;
  const [s0, e0] = all[0];
  let start = Math.max(0, s0 - radius);
  let end = Math.min(text.length, e0 + radius);
  // Widen so no hit straddles an edge.
  for (const [s, e] of all) {
    if (s < start && e > start) start = s;
    if (s < end && e > end) end = e;
  }
  const prefix = start > 0 ? '…' : '';
  const inWindow = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as [number, number]);
  return { text: `${prefix}${text.slice(start, end).replace(/\n/g, ' ')}${end < text.length ? '…' : ''}`, highlights: inWindow, at: s0 };
}
