// Reading a run of digits as a table row's cells when the separators between cells were lost
// (text copied from a web page: "0 0 0 0 0 00", "15130000154", "25380363300630003").
// A count is written without leading zeros, so a "0" that starts a number is a cell of its own;
// spaces the run still has are cell boundaries (level 1) unless no reading respects them
// (level 2: they are ignored). Which reading is right is decided by the sums (recover.ts).

export type Piece = { kind: 'digits'; text: string } | { kind: 'atom'; text: string };

const DIGITS = /^\d+$/;
/** A whole cell that is never split: a decimal, a signed change, a number with thousands separators, a mark. */
const ATOM = /^(?:[+\-−＋－]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|[+\-−＋－]?\d+\.\d+|[+\-−＋－]\d+|[\/／\\]+|[—–－─―\-]+|\d+(?:\.\d+)?(?:万元|元|个|笔|项|件|条))$/;
/** A unit word ends its cell: "1个246900元" is 1个 | 246900元 (表二's 政府集中采购). */
const UNIT_END = /(\d)(万元|元|个|笔|项|件|条)(?=\d)/g;

/** The run's pieces between white space; null when a piece is not a cell at all. */
export function pieces(raw: string): Piece[] | null {
  const out: Piece[] = [];
  for (const p of raw.normalize('NFKC').replace(UNIT_END, '$1$2 ').split(/[\s\u3000]+/)) {
    if (!p) continue;
    if (DIGITS.test(p)) out.push({ kind: 'digits', text: p });
    else if (ATOM.test(p)) out.push({ kind: 'atom', text: p });
    else return null;
  }
  return out;
}

const validCount = (s: string, maxDigits: number) => s.length <= maxDigits && (s === '0' || s[0] !== '0');

/** The run read as it stands: every piece one cell, none with a leading zero. */
export function directReading(ps: Piece[], n: number, maxDigits = 9): string[] | null {
  if (ps.length !== n) return null;
  if (ps.some((p) => p.kind === 'digits' && !validCount(p.text, maxDigits))) return null;
  return ps.map((p) => p.text);
}

/** Every way to cut one digit string into k counts. */
function cuts(s: string, k: number, maxDigits: number, limit: number): string[][] {
  const out: string[][] = [];
  const walk = (from: number, left: number, acc: string[]) => {
    if (out.length >= limit) return;
    if (left === 0) {
      if (from === s.length) out.push([...acc]);
      return;
    }
    const rest = s.length - from;
    if (rest < left || rest > left * maxDigits) return;
    const max = s[from] === '0' ? 1 : Math.min(maxDigits, rest - (left - 1));
    for (let len = 1; len <= max; len++) {
      acc.push(s.slice(from, from + len));
      walk(from + len, left - 1, acc);
      acc.pop();
    }
  };
  walk(0, k, []);
  return out;
}

/**
 * Every reading of the pieces as exactly n cells. Level 1 keeps the spaces as boundaries;
 * level 2 joins neighbouring digit pieces first (stray spaces inside a number).
 */
export function readings(ps: Piece[], n: number, level: 1 | 2, maxDigits = 9, limit = 20000): string[][] {
  const parts: Piece[] = [];
  for (const p of ps) {
    const last = parts[parts.length - 1];
    if (level === 2 && p.kind === 'digits' && last?.kind === 'digits') parts[parts.length - 1] = { kind: 'digits', text: last.text + p.text };
    else parts.push(p);
  }
  const out: string[][] = [];
  const walk = (i: number, left: number, acc: string[]) => {
    if (out.length >= limit) return;
    if (i === parts.length) {
      if (left === 0) out.push([...acc]);
      return;
    }
    const p = parts[i];
    const after = parts.length - i - 1; // every later piece takes one cell at least
    if (p.kind === 'atom') {
      if (left - 1 < after) return;
      acc.push(p.text);
      walk(i + 1, left - 1, acc);
      acc.pop();
      return;
    }
    for (let k = 1; k <= Math.min(p.text.length, left - after); k++) {
      for (const c of cuts(p.text, k, maxDigits, limit)) {
        acc.push(...c);
        walk(i + 1, left - k, acc);
        acc.length -= k;
        if (out.length >= limit) return;
      }
    }
  };
  walk(0, n, []);
  return out;
}

export function toNumber(cell: string): number | null {
  const t = cell.normalize('NFKC').replace(/[,，]/g, '').replace(/^[−－]/, '-').replace(/^＋/, '+');
  return /^[+\-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}
