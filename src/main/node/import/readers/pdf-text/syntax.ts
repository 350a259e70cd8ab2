// Syntax: a lexer for content streams, CMaps and the few objects read from the raw file.
import { DELIM, pdfNumber, WS } from '../pdf-syntax.ts';
import { Unhandled } from './fallback.ts';


/** A string operand: its bytes as a latin1 string, as pdf.js holds them. */
export class Str {
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
}
export type Tok = number | { name: string } | Str | string;
export const OPEN = '[';
export const CLOSE = ']';
export const DOPEN = '<<';
export const DCLOSE = '>>';

export class Lexer {
  pos: number;
  private readonly b: Uint8Array;
  constructor(b: Uint8Array, pos = 0) {
    this.b = b;
    this.pos = pos;
  }

  /** A token; brackets and keywords as strings; null at the end. */
  next(): Tok | null {
    const b = this.b;
    for (;;) {
      while (this.pos < b.length && WS[b[this.pos]]) this.pos++;
      if (b[this.pos] !== 0x25) break;
      while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
    }
    if (this.pos >= b.length) return null;
    const c = b[this.pos];
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) return (this.pos += 2), DOPEN;
      return this.hex();
    }
    if (c === 0x3e) {
      if (b[this.pos + 1] === 0x3e) return (this.pos += 2), DCLOSE;
      throw new Unhandled('stray delimiter');
    }
    if (c === 0x5b) return this.pos++, OPEN;
    if (c === 0x5d) return this.pos++, CLOSE;
    if (c === 0x2f) {
      const start = ++this.pos;
      while (this.pos < b.length && !WS[b[this.pos]] && !DELIM[b[this.pos]]) this.pos++;
      const raw = latin1(b, start, this.pos);
      return { name: raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw };
    }
    if (DELIM[c]) throw new Unhandled('stray delimiter');
    const start = this.pos;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number(start);
    while (this.pos < b.length && !WS[b[this.pos]] && !DELIM[b[this.pos]]) this.pos++;
    return latin1(b, start, this.pos);
  }

  /** A number as pdf.js reads it (pdf-syntax.ts). */
  private number(start: number): number {
    const n = pdfNumber(this.b, start);
    if (!n) throw new Unhandled('number pdf.js may read otherwise');
    this.pos = n.end;
    return n.value;
  }

  /** A literal string with pdf.js's escapes. */
  private literal(): Str {
    const b = this.b;
    let out = '';
    let depth = 1;
    let p = this.pos + 1;
    let run = p;
    for (;;) {
      if (p >= b.length) throw new Unhandled('unterminated string');
      const d = b[p];
      if (d === 0x28) depth++;
      else if (d === 0x29) {
        if (--depth === 0) break;
      } else if (d === 0x5c) {
        out += latin1(b, run, p);
        const e = b[++p];
        p++;
        if (e === undefined) throw new Unhandled('unterminated string');
        if (e === 0x6e) out += '\n';
        else if (e === 0x72) out += '\r';
        else if (e === 0x74) out += '\t';
        else if (e === 0x62) out += '\b';
        else if (e === 0x66) out += '\f';
        else if (e >= 0x30 && e <= 0x37) {
          let x = e & 0x0f;
          if (b[p] >= 0x30 && b[p] <= 0x37) {
            x = (x << 3) + (b[p++] & 0x0f);
            if (b[p] >= 0x30 && b[p] <= 0x37) x = (x << 3) + (b[p++] & 0x0f);
          }
          out += String.fromCharCode(x & 0xff);
        } else if (e === 0x0d) {
          if (b[p] === 0x0a) p++;
        } else if (e !== 0x0a) out += String.fromCharCode(e);
        run = p;
        continue;
      }
      p++;
    }
    out += latin1(b, run, p);
    this.pos = p + 1;
    return new Str(out);
  }

  private hex(): Str {
    const b = this.b;
    let out = '';
    let first = -1;
    let p = this.pos + 1;
    for (;; p++) {
      if (p >= b.length) throw new Unhandled('unterminated string');
      const c = b[p];
      if (c === 0x3e) break;
      if (WS[c]) continue;
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (d < 0) throw new Unhandled('hex string');
      if (first < 0) first = d;
      else {
        out += String.fromCharCode((first << 4) | d);
        first = -1;
      }
    }
    if (first >= 0) out += String.fromCharCode(first << 4);
    this.pos = p + 1;
    return new Str(out);
  }
}

/** Bytes as a latin1 string; short ones (operators, names, most strings) by char codes, cheaper than a Buffer view. */
export function latin1(b: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** An object as pdf.js's parser reads it, strings kept (for the trailer and /Info). */
export type Obj = number | { name: string } | { ref: number } | Str | Obj[] | Map<string, Obj> | null;
export function parseObject(lex: Lexer, first: Tok | null = lex.next(), depth = 0): Obj {
  if (depth > 32) throw new Unhandled('nesting');
  const t = first;
  if (t === null) throw new Unhandled('object syntax');
  if (typeof t === 'number') {
    if (Number.isInteger(t) && t >= 0) {
      const save = lex.pos;
      const g = lex.next();
      if (typeof g === 'number' && Number.isInteger(g) && lex.next() === 'R') return { ref: t };
      lex.pos = save;
    }
    return t;
  }
  if (t instanceof Str || typeof t === 'object') return t;
  if (t === OPEN) {
    const out: Obj[] = [];
    for (let n = lex.next(); n !== CLOSE; n = lex.next()) {
      if (n === null) throw new Unhandled('object syntax');
      out.push(parseObject(lex, n, depth + 1));
    }
    return out;
  }
  if (t === DOPEN) {
    const d = new Map<string, Obj>();
    for (let n = lex.next(); n !== DCLOSE; n = lex.next()) {
      if (n === null || typeof n !== 'object' || n instanceof Str) throw new Unhandled('object syntax');
      const v = parseObject(lex, undefined, depth + 1);
      if (!d.has(n.name)) d.set(n.name, v);
    }
    return d;
  }
  if (t === 'null') return null;
  throw new Unhandled('object syntax');
}
