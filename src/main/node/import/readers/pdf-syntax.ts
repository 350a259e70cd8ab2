// What the PDF readers of content streams share (pdf-rules.ts for the ruling lines, pdf-text/ for
// the text): the byte classes, pdf.js's table of operand counts, and numbers read as pdf.js reads
// them. Each reader keeps its own lexer (the text's keeps strings, the lines' skips them) and its
// own fallback reason for what it cannot read as pdf.js would.

/** White space and delimiters, by byte. */
export const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
export const DELIM = new Uint8Array(256);
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIM[c] = 1;

/** Fixed operand counts of the content operators (pdf.js's table); SC SCN sc scn (VARIABLE) take up to 33. */
export const ARITY: Record<string, number> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6,
  m: 2, l: 2, c: 6, v: 4, y: 4, h: 0, re: 4,
  S: 0, s: 0, f: 0, F: 0, 'f*': 0, B: 0, 'B*': 0, b: 0, 'b*': 0, n: 0, W: 0, 'W*': 0,
  BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, 'T*': 0, Tj: 1, TJ: 1, "'": 1, '"': 3,
  d0: 2, d1: 6, CS: 1, cs: 1, G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4, sh: 1, Do: 1,
  MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0, BX: 0, EX: 0,
};
export const VARIABLE = new Set(['SC', 'SCN', 'sc', 'scn']);

/**
 * A number at `start` as pdf.js reads it: the digits as an integer, divided by the power of ten
 * its decimals make; `end` is where it stops. Null where pdf.js may read it otherwise (no digits,
 * or a character other than white space or a delimiter right after it).
 */
export function pdfNumber(b: Uint8Array, start: number): { value: number; end: number } | null {
  let sign = 1;
  let p = start;
  if (b[p] === 0x2d) (sign = -1), p++;
  else if (b[p] === 0x2b) p++;
  let value = 0;
  let divide = 0;
  let digits = 0;
  for (; p < b.length; p++) {
    const c = b[p];
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      if (divide) divide *= 10;
      digits++;
    } else if (c === 0x2e && !divide) divide = 1;
    else break;
  }
  if ((p < b.length && !WS[b[p]] && !DELIM[b[p]]) || !digits) return null;
  return { value: sign * (divide ? value / divide : value), end: p };
}

/** A page's content streams one after another, a line break between them so no token runs across. */
export function joinStreams(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10;
    at += p.length + 1;
  }
  return out;
}

/** Transformation matrices as pdf.js lists them ([a b c d e f]). */
export type Matrix = number[];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** pdf.js's Util.transform(m1, m2): m2 applied in m1's frame (a `cm` of m2 on a CTM of m1). */
export const transform = (m1: Matrix, m2: Matrix): Matrix => [
  m1[0] * m2[0] + m1[2] * m2[1],
  m1[1] * m2[0] + m1[3] * m2[1],
  m1[0] * m2[2] + m1[2] * m2[3],
  m1[1] * m2[2] + m1[3] * m2[3],
  m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
  m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
];
