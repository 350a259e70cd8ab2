// A PDF's text read from its content streams ourselves, as pdf.js's getTextContent reads it, so
// that pdf.js (and its parsing and repair of every embedded font program, ~45 CPU-ms and ~100 MB
// of heap a file) need not be loaded for most PDFs. The objects come from the stream guard's
// index (pdf-guard.ts), streams through its budgeted decoders. The text state, the grouping of
// glyphs into items (its thresholds for a space, a gap, a new line) and the arithmetic follow
// pdf.js 6.5 (evaluator.js getTextContent) step by step, so the items are the same to the last
// bit. Fonts read here: TrueType with /Widths and Type0 (Identity-H, a CIDFontType2 with /W /DW),
// each with a /ToUnicode map. Anything else (an encrypted file, an incremental update, Type1,
// Type3, CFF or vertical fonts, a predefined CMap, a code without a Unicode value, an unknown
// operator or a malformed one, an inline image, a crop box we cannot intersect, right-to-left
// text) makes the whole file pdf.js's, counted by reason: a character is never guessed.
import { LIMITS, ReadError } from './errors.ts';
import { isDict, isName, isRef, type Dict, type PdfIndex, type Value } from './pdf-guard.ts';

/** One text item as pdf.js gives it (non-blank ones only). */
export interface RawItem {
  str: string;
  /** pdf.js's item transform [a b c d e f]. */
  transform: number[];
  width: number;
}

export interface TextPage {
  /** The page object's number (for pdf-rules). */
  ref: number;
  /** pdf.js's page.view: [x0 y0 x1 y1]. */
  view: number[];
  items: RawItem[];
}

export interface TextDoc {
  numPages: number;
  title?: string;
  /** Each page's text, read when asked (one page's objects held at a time). */
  page(p: number): Promise<TextPage>;
}

/** Files whose text was read here, and files left to pdf.js by reason (printed by bench:pdf). */
export const textFallbacks = new Map<string, number>();
export const textRead = { files: 0 };

export class Unhandled {
  readonly why: string;
  constructor(why: string) {
    this.why = why;
  }
}

export function countFallback(e: unknown): void {
  const why = e instanceof Unhandled ? e.why : `error: ${(e as Error)?.name ?? 'unknown'}`;
  textFallbacks.set(why, (textFallbacks.get(why) ?? 0) + 1);
}

// ---------------------------------------------------------------------------------------------
// Syntax: a lexer for content streams, CMaps and the few objects read from the raw file.

const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIM[c] = 1;

/** A string operand: its bytes as a latin1 string, as pdf.js holds them. */
export class Str {
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
}
export type Tok = number | { name: string } | Str | string;
const OPEN = '[';
const CLOSE = ']';
const DOPEN = '<<';
const DCLOSE = '>>';

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

  /** As pdf.js reads a number: the digits as an integer, divided by the power of ten its decimals make. */
  private number(start: number): number {
    const b = this.b;
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
    this.pos = p;
    if (p < b.length && !WS[b[p]] && !DELIM[b[p]]) throw new Unhandled('number pdf.js may read otherwise');
    if (!digits) throw new Unhandled('number pdf.js may read otherwise');
    return sign * (divide ? value / divide : value);
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
function latin1(b: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** An object as pdf.js's parser reads it, strings kept (for the trailer and /Info). */
type Obj = number | { name: string } | { ref: number } | Str | Obj[] | Map<string, Obj> | null;
function parseObject(lex: Lexer, first: Tok | null = lex.next(), depth = 0): Obj {
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

// ---------------------------------------------------------------------------------------------
// The document: trailer, catalog, page tree, /Info's title.

/** The document as pdf.js would open it, or Unhandled where pdf.js may see it otherwise. */
export async function openText(index: PdfIndex, bytes: Uint8Array): Promise<TextDoc> {
  const objects = new Objects(index);
  const trailer = findTrailer(index, bytes);
  if (trailer.has('Encrypt')) throw new Unhandled('encrypted');
  const root = objects.value(refOf(trailer.get('Root')));
  if (!isDict(root)) throw new Unhandled('no catalog');
  const tree = objects.value(root.get('Pages'));
  if (!isDict(tree)) throw new Unhandled('no page tree');
  const pages: { ref: number; dict: Dict }[] = [];
  const walk = (node: Dict, ref: number, depth: number, seen: Set<number>) => {
    if (depth > 32 || pages.length > 10000) throw new Unhandled('page tree');
    const kids = node.get('Kids');
    const type = objects.value(node.get('Type'));
    if (kids === undefined || (isName(type) && type.name === 'Page')) {
      if (!isName(type) || type.name !== 'Page') throw new Unhandled('page tree');
      pages.push({ ref, dict: node });
      return;
    }
    const list = objects.value(kids);
    if (!Array.isArray(list)) throw new Unhandled('page tree');
    for (const k of list) {
      if (!isRef(k) || seen.has(k.ref)) throw new Unhandled('page tree');
      seen.add(k.ref);
      const kid = objects.value(k);
      if (!isDict(kid)) throw new Unhandled('page tree');
      walk(kid, k.ref, depth + 1, seen);
    }
  };
  walk(tree, -1, 0, new Set());
  const count = objects.value(tree.get('Count'));
  if (count !== pages.length) throw new Unhandled('page count differs from /Count');
  // pdf.js's document info: /Info's /Title when it is a string.
  const title = await infoTitle(index, objects, bytes, trailer);
  return {
    numPages: pages.length,
    ...(title !== undefined ? { title } : {}),
    async page(p: number) {
      const { ref, dict } = pages[p - 1];
      const view = pageView(objects, dict);
      const items = await new PageText(objects, index, view, p).run(dict);
      return { ref, view, items };
    },
  };
}

const refOf = (v: Obj | undefined): Value => (v && typeof v === 'object' && 'ref' in v ? { ref: v.ref } : null);

/**
 * The trailer: a classic one or a cross-reference stream's dictionary. A linearized file has two
 * (the first page's and the main one); more are incremental updates. They must agree on /Root and
 * /Info; an object an update redefined is refused where it is read (Objects.object).
 */
function findTrailer(index: PdfIndex, bytes: Uint8Array): Map<string, Obj> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const all: Map<string, Obj>[] = [];
  for (let i = buf.indexOf('trailer'); i >= 0; i = buf.indexOf('trailer', i + 7)) {
    if ((i > 0 && !WS[buf[i - 1]] && !DELIM[buf[i - 1]]) || (!WS[buf[i + 7]] && !DELIM[buf[i + 7]])) continue;
    const d = parseObject(new Lexer(bytes, i + 7));
    if (!(d instanceof Map)) throw new Unhandled('trailer syntax');
    all.push(d);
  }
  for (const [, defs] of index.objects) {
    for (const d of defs) {
      const type = isDict(d) ? d.get('Type') : undefined;
      if (isDict(d) && type && isName(type) && type.name === 'XRef') all.push(new Map([...d].map(([k, v]) => [k, v as Obj])));
    }
  }
  if (!all.length) throw new Unhandled('no trailer');
  if (all.length > 2) throw new Unhandled('more than two trailers (updates)');
  const out = new Map<string, Obj>();
  for (const t of all) {
    if (t.has('Encrypt')) throw new Unhandled('encrypted');
    for (const key of ['Root', 'Info']) {
      const v = t.get(key);
      if (v === undefined) continue;
      const seen = out.get(key);
      if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(v)) throw new Unhandled('trailers disagree');
      out.set(key, v);
    }
  }
  return out;
}

/** Objects by number from the guard's index: exactly one definition, or the reading is pdf.js's. */
class Objects {
  private readonly index: PdfIndex;
  /** Fonts read once for the whole document (pages share them). */
  readonly fonts = new Map<Dict, Font>();
  constructor(index: PdfIndex) {
    this.index = index;
  }
  object(n: number): Value {
    const defs = this.index.objects.get(n);
    if (!defs) return null;
    if (defs.length !== 1) throw new Unhandled('object defined more than once');
    return defs[0];
  }
  value(v: Value | undefined, depth = 0): Value {
    if (v === undefined) return null;
    if (!isRef(v)) return v;
    if (depth > 8) throw new Unhandled('reference chain');
    return this.value(this.object(v.ref), depth + 1);
  }
  /** A dictionary key inherited through /Parent, as pdf.js's page reads it. */
  inherited(page: Dict, key: string): Value {
    let d: Dict = page;
    for (let depth = 0; depth < 32; depth++) {
      if (d.has(key)) return this.value(d.get(key));
      const parent = this.value(d.get('Parent'));
      if (!isDict(parent)) return null;
      d = parent;
    }
    return null;
  }
  async data(v: Value): Promise<Uint8Array> {
    const s = isDict(v) ? this.index.streamOf.get(v) : undefined;
    if (!s) throw new Unhandled('not a stream');
    const bytes = await this.index.data(s);
    if (!bytes) throw new Unhandled('stream filter not decoded here');
    return bytes;
  }
}

/** pdf.js's page.view: the crop box within the media box, each normalized. */
function pageView(objects: Objects, page: Dict): number[] {
  const box = (key: string) => {
    const v = objects.inherited(page, key);
    if (v === null) return null;
    const a = Array.isArray(v) ? v.map((x) => objects.value(x)) : [];
    if (a.length !== 4 || !a.every((x) => typeof x === 'number')) throw new Unhandled('page box');
    const [x0, y0, x1, y1] = a as number[];
    const r = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
    if (r[2] - r[0] <= 0 || r[3] - r[1] <= 0) throw new Unhandled('page box');
    return { raw: a as number[], r };
  };
  const media = box('MediaBox');
  if (!media) throw new Unhandled('no media box');
  const crop = box('CropBox');
  if (!crop || crop.raw.every((x, i) => x === media.raw[i])) return media.r;
  const x0 = Math.max(crop.r[0], media.r[0]);
  const y0 = Math.max(crop.r[1], media.r[1]);
  const x1 = Math.min(crop.r[2], media.r[2]);
  const y1 = Math.min(crop.r[3], media.r[3]);
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return media.r;
  return [x0, y0, x1, y1];
}

/** /Info's /Title as pdf.js decodes it; Unhandled where its bytes cannot be read for sure. */
async function infoTitle(index: PdfIndex, objects: Objects, bytes: Uint8Array, trailer: Map<string, Obj>): Promise<string | undefined> {
  const ref = trailer.get('Info');
  if (ref === undefined || ref === null) return undefined;
  if (typeof ref !== 'object' || !('ref' in ref)) throw new Unhandled('info not a reference');
  const info = await rawObject(index, objects, bytes, ref.ref);
  if (!(info instanceof Map)) return undefined;
  let t = info.get('Title');
  if (t && typeof t === 'object' && 'ref' in t) t = await rawObject(index, objects, bytes, t.ref);
  if (!(t instanceof Str)) return undefined;
  return pdfString(t.s);
}

/** An object read from the file with its strings (the index drops them): `n g obj`, or in an object stream. */
async function rawObject(index: PdfIndex, objects: Objects, bytes: Uint8Array, n: number): Promise<Obj> {
  const v = objects.object(n); // one definition, or Unhandled
  if (v === null && !index.objects.has(n)) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // `n 0 obj` where a token starts (generation 0: any other is left to pdf.js below).
  const key = `${n} 0 obj`;
  const hits: number[] = [];
  for (let i = buf.indexOf(key); i >= 0; i = buf.indexOf(key, i + 1)) {
    const after = buf[i + key.length];
    if ((i === 0 || WS[buf[i - 1]] || DELIM[buf[i - 1]]) && (after === undefined || WS[after] || DELIM[after])) hits.push(i + key.length);
  }
  if (hits.length > 1) throw new Unhandled('object defined more than once');
  if (hits.length === 1) return parseObject(new Lexer(bytes, hits[0]));
  // In an object stream.
  for (const [, defs] of index.objects) {
    const d = defs[0];
    if (!isDict(d) || !index.streamOf.has(d)) continue;
    const type = d.get('Type');
    if (!isName(type ?? null) || (type as { name: string }).name !== 'ObjStm') continue;
    const first = objects.value(d.get('First'));
    const count = objects.value(d.get('N'));
    if (typeof first !== 'number' || typeof count !== 'number') continue;
    const data = await objects.data(d);
    const head = new Lexer(data.subarray(0, first));
    for (let i = 0; i < count; i++) {
      const num = head.next();
      const off = head.next();
      if (typeof num !== 'number' || typeof off !== 'number') break;
      if (num === n) return parseObject(new Lexer(data, first + off));
    }
  }
  throw new Unhandled('info object not found');
}

/** pdf.js's stringToPDFString: UTF-16 or UTF-8 by their marks, else PDFDocEncoding (its ASCII and Latin-1 part only here). */
function pdfString(s: string): string {
  let bytes = Buffer.from(s, 'latin1');
  let encoding: string | null = null;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  if (encoding) {
    if (encoding !== 'utf-8' && bytes.length % 2) bytes = bytes.subarray(0, -1);
    let out: string;
    try {
      out = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new Unhandled('title not decodable');
    }
    if (out.includes('\x1b')) throw new Unhandled('title with escape sequences');
    return out;
  }
  for (const c of bytes) if ((c >= 0x18 && c <= 0x1f) || (c >= 0x7f && c <= 0xa0) || c === 0xad) throw new Unhandled('title in PDFDocEncoding');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Fonts.

interface Font {
  /** The font's name as pdf.js's Font has it (its FontName), for its "same font" test. */
  name: string;
  twoByte: boolean;
  widths: Map<number, number>;
  defaultWidth: number;
  toUnicode: Map<number, string>;
}

async function loadFont(objects: Objects, dict: Dict): Promise<Font> {
  const sub = objects.value(dict.get('Subtype'));
  const subtype = isName(sub) ? sub.name : '';
  const toUnicodeValue = objects.value(dict.get('ToUnicode'));
  if (!isDict(toUnicodeValue)) throw new Unhandled(isName(toUnicodeValue) ? 'predefined ToUnicode CMap' : `font without ToUnicode (${subtype || 'no subtype'})`);
  if (subtype === 'Type0') {
    const enc = objects.value(dict.get('Encoding'));
    if (!isName(enc) || enc.name !== 'Identity-H') throw new Unhandled(isName(enc) ? `CMap ${enc.name}` : 'embedded CMap');
    const list = objects.value(dict.get('DescendantFonts'));
    const desc = objects.value(Array.isArray(list) ? list[0] : list);
    if (!isDict(desc)) throw new Unhandled('no descendant font');
    const dsub = objects.value(desc.get('Subtype'));
    if (!isName(dsub) || dsub.name !== 'CIDFontType2') throw new Unhandled(`descendant ${isName(dsub) ? dsub.name : '?'}`);
    // pdf.js takes the descendant's own /ToUnicode first.
    if (desc.has('ToUnicode')) throw new Unhandled('descendant font with its own ToUnicode');
    const widths = new Map<number, number>();
    const w = objects.value(desc.get('W'));
    if (Array.isArray(w)) {
      for (let i = 0; i < w.length; i++) {
        let start = objects.value(w[i++]);
        if (typeof start !== 'number' || !Number.isInteger(start)) break;
        const code = objects.value(w[i]);
        if (Array.isArray(code)) {
          for (const c of code) {
            const width = objects.value(c);
            if (typeof width === 'number') widths.set(start, width);
            start++;
          }
        } else if (typeof code === 'number' && Number.isInteger(code)) {
          const width = objects.value(w[++i]);
          if (typeof width !== 'number') continue;
          if (code - start > 0xffff) throw new Unhandled('width range too large');
          for (let j = start; j <= code; j++) widths.set(j, width);
        } else break;
      }
    }
    const dw = objects.value(desc.get('DW'));
    return { name: fontName(objects, desc), twoByte: true, widths, defaultWidth: (typeof dw === 'number' && dw) || 1000, toUnicode: await readToUnicode(objects, toUnicodeValue) };
  }
  if (subtype !== 'TrueType') throw new Unhandled(`${subtype || 'unknown'} font`);
  const first = objects.value(dict.get('FirstChar'));
  const list = objects.value(dict.get('Widths'));
  if (!Array.isArray(list) || typeof first !== 'number' || !Number.isInteger(first)) throw new Unhandled('simple font without /Widths');
  const widths = new Map<number, number>();
  let j = first;
  for (const x of list) {
    const width = objects.value(x);
    if (typeof width === 'number') widths.set(j, width);
    j++;
  }
  const descriptor = objects.value(dict.get('FontDescriptor'));
  const missing = isDict(descriptor) ? objects.value(descriptor.get('MissingWidth')) : null;
  return { name: fontName(objects, dict), twoByte: false, widths, defaultWidth: (typeof missing === 'number' && missing) || 0, toUnicode: await readToUnicode(objects, toUnicodeValue) };
}

function fontName(objects: Objects, dict: Dict): string {
  const d = objects.value(dict.get('FontDescriptor'));
  const n = isDict(d) ? objects.value(d.get('FontName')) : null;
  if (isName(n)) return n.name;
  const b = objects.value(dict.get('BaseFont'));
  return isName(b) ? b.name : '';
}

/** A /ToUnicode CMap's bfchar and bfrange entries (array form too), destinations as pdf.js decodes UTF-16BE. */
async function readToUnicode(objects: Objects, stream: Dict): Promise<Map<number, string>> {
  const lex = new Lexer(await objects.data(stream));
  const raw = new Map<number, string>();
  // Codes mapped, counted: a crafted CMap of many full ranges must not take the time pdf.js's budget refuses.
  let budget = 1 << 20;
  const int = (s: Str) => {
    let n = 0;
    for (let i = 0; i < s.s.length; i++) n = (n << 8) | s.s.charCodeAt(i);
    return n >>> 0;
  };
  const str = (t: Tok | null): Str => {
    if (!(t instanceof Str)) throw new Unhandled('ToUnicode syntax');
    return t;
  };
  for (let t = lex.next(); t !== null; t = lex.next()) {
    if (t === 'usecmap') throw new Unhandled('ToUnicode with usecmap');
    if (t === 'begincidchar' || t === 'begincidrange') throw new Unhandled('ToUnicode with CIDs');
    if (t === 'beginbfchar') {
      for (let s = lex.next(); s !== 'endbfchar'; s = lex.next()) {
        const src = int(str(s));
        if (--budget < 0) throw new Unhandled('ToUnicode too large');
        raw.set(src, str(lex.next()).s);
      }
    } else if (t === 'beginbfrange') {
      for (let s = lex.next(); s !== 'endbfrange'; s = lex.next()) {
        let low = int(str(s));
        const high = int(str(lex.next()));
        if (high - low > 0xffff || (budget -= high - low + 1) < 0) throw new Unhandled('ToUnicode too large');
        const d = lex.next();
        if (typeof d === 'number' && Number.isInteger(d)) throw new Unhandled('ToUnicode range to a number');
        if (d instanceof Str) {
          let dst = d.s;
          const last = dst.length - 1;
          if (last < 0) throw new Unhandled('ToUnicode syntax');
          while (low <= high) {
            raw.set(low++, dst);
            const next = dst.charCodeAt(last) + 1;
            if (next > 0xff) {
              dst = dst.substring(0, last - 1) + String.fromCharCode(dst.charCodeAt(last - 1) + 1) + '\x00';
              continue;
            }
            dst = dst.substring(0, last) + String.fromCharCode(next);
          }
        } else if (d === OPEN) {
          for (let a = lex.next(); a !== CLOSE; a = lex.next()) {
            const v = str(a);
            if (low <= high) raw.set(low++, v.s);
          }
        } else throw new Unhandled('ToUnicode syntax');
      }
    }
  }
  const out = new Map<number, string>();
  for (const [code, token0] of raw) {
    let token = token0;
    if (token.length % 2 !== 0) token = '\u0000' + token;
    const cps: number[] = [];
    for (let k = 0; k < token.length; k += 2) {
      const w1 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
      if ((w1 & 0xf800) !== 0xd800) {
        cps.push(w1);
        continue;
      }
      k += 2;
      const w2 = (token.charCodeAt(k) << 8) | token.charCodeAt(k + 1);
      cps.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
    }
    out.set(code, String.fromCodePoint(...cps));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A page's text, as pdf.js's getTextContent makes it.

type M = number[];
/** pdf.js's Util.transform(m1, m2). */
const mul = (m1: M, m2: M): M => [
  m1[0] * m2[0] + m1[2] * m2[1],
  m1[1] * m2[0] + m1[3] * m2[1],
  m1[0] * m2[2] + m1[2] * m2[3],
  m1[1] * m2[2] + m1[3] * m2[3],
  m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
  m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
];
const IDENTITY: M = [1, 0, 0, 1, 0, 0];

/** pdf.js's TextState (graphics state and text state together; q/Q save and restore all of it). */
class State {
  ctm: M = IDENTITY;
  fontName: string | null = null;
  fontSize = 0;
  font: Font | null = null;
  textMatrix: M = IDENTITY.slice();
  textLineMatrix: M = IDENTITY.slice();
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;
  clone(): State {
    const c = Object.assign(new State(), this);
    c.textMatrix = this.textMatrix.slice();
    c.textLineMatrix = this.textLineMatrix.slice();
    return c;
  }
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
}

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
const SPECIAL = /^(?:(\s+)|(\p{Mn}+)|(\p{Cf}+))$/u;
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
/** Strong right-to-left characters: pdf.js's bidi would reorder the item. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Operand counts as pdf.js's table has them (variable ones: SC SCN sc scn). */
const ARITY: Record<string, number> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6,
  m: 2, l: 2, c: 6, v: 4, y: 4, h: 0, re: 4,
  S: 0, s: 0, f: 0, F: 0, 'f*': 0, B: 0, 'B*': 0, b: 0, 'b*': 0, n: 0, W: 0, 'W*': 0,
  BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, 'T*': 0, Tj: 1, TJ: 1, "'": 1, '"': 3,
  d0: 2, d1: 6, CS: 1, cs: 1, G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4, sh: 1, Do: 1,
  MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0, BX: 0, EX: 0,
};
const VARIABLE = new Set(['SC', 'SCN', 'sc', 'scn']);
const OTHER = Symbol('other');
type Operand = number | { name: string } | Str | Operand[] | typeof OTHER;

/** Drawing read for one page, forms counted each time drawn: past it the file is pdf.js's. */
const DRAWING_BYTES = 128 * 1048576;

class PageText {
  private readonly objects: Objects;
  private readonly index: PdfIndex;
  private readonly view: number[];
  readonly out: RawItem[] = [];
  private readonly forms = new Set<Dict>();
  private drawn = 0;
  private readonly page: number;

  constructor(objects: Objects, index: PdfIndex, view: number[], page: number) {
    this.objects = objects;
    this.index = index;
    this.view = view;
    this.page = page;
  }

  async run(page: Dict): Promise<RawItem[]> {
    const contents = this.objects.value(page.get('Contents'));
    const streams = Array.isArray(contents) ? contents.map((c) => this.objects.value(c)) : contents === null ? [] : [contents];
    const parts: Uint8Array[] = [];
    for (const s of streams) parts.push(await this.objects.data(s));
    const res = this.objects.inherited(page, 'Resources');
    await this.text(join(parts), isDict(res) ? res : new Map(), new State(), 0);
    return this.out;
  }

  private async font(resources: Dict, name: string): Promise<Font> {
    const fonts = this.objects.value(resources.get('Font'));
    const dict = isDict(fonts) ? this.objects.value(fonts.get(name)) : null;
    if (!isDict(dict)) throw new Unhandled('font not found');
    let f = this.objects.fonts.get(dict);
    if (!f) this.objects.fonts.set(dict, (f = await loadFont(this.objects, dict)));
    return f;
  }

  /** One content stream (a page's or a form's): pdf.js's getTextContent, one call of it. */
  private async text(bytes: Uint8Array, resources: Dict, start: State, depth: number): Promise<void> {
    this.drawn += bytes.length;
    if (this.drawn > DRAWING_BYTES) throw new Unhandled('drawing too large');
    const view = this.view;
    const out = this.out;
    let state = start;
    const stack: State[] = [];
    let current: { fontSize: number; fontName: string | null; font: Font | null } | null = null;
    // The item being built (pdf.js's textContentItem).
    const item = {
      initialized: false,
      str: [] as string[],
      totalWidth: 0,
      width: 0,
      height: 0,
      prevTransform: null as M | null,
      prevTextRise: 0,
      textAdvanceScale: 0,
      spaceInFlowMin: 0,
      spaceInFlowMax: 0,
      trackingSpaceMin: Infinity,
      negativeSpaceMax: -Infinity,
      notASpace: -Infinity,
      transform: null as M | null,
    };
    const last = [' ', ' '];
    let lastPos = 0;
    const saveLastChar = (ch: string) => {
      const nextPos = (lastPos + 1) % 2;
      const ret = last[lastPos] !== ' ' && last[nextPos] === ' ';
      last[lastPos] = ch;
      lastPos = nextPos;
      return ret;
    };
    const shouldAddWhitespace = () => last[lastPos] !== ' ' && last[(lastPos + 1) % 2] === ' ';
    const resetLastChars = () => {
      last[0] = last[1] = ' ';
      lastPos = 0;
    };
    const textTransform = () => mul(state.ctm, mul(state.textMatrix, [state.fontSize * state.textHScale, 0, 0, state.fontSize, 0, state.textRise]));
    const ensureItem = () => {
      if (item.initialized) return item;
      const trm = (item.transform = textTransform());
      item.width = item.totalWidth = 0;
      item.height = Math.hypot(trm[2], trm[3]);
      item.textAdvanceScale = Math.hypot(state.ctm[0], state.ctm[1]) * Math.hypot(state.textLineMatrix[0], state.textLineMatrix[1]);
      const size = state.fontSize;
      item.trackingSpaceMin = size * TRACKING_SPACE_FACTOR;
      item.notASpace = size * NOT_A_SPACE_FACTOR;
      item.negativeSpaceMax = size * NEGATIVE_SPACE_FACTOR;
      item.spaceInFlowMin = size * SPACE_IN_FLOW_MIN_FACTOR;
      item.spaceInFlowMax = size * SPACE_IN_FLOW_MAX_FACTOR;
      item.initialized = true;
      return item;
    };
    const updateAdvanceScale = () => {
      if (!item.initialized) return;
      const scale = Math.hypot(state.ctm[0], state.ctm[1]) * Math.hypot(state.textLineMatrix[0], state.textLineMatrix[1]);
      if (scale === item.textAdvanceScale) return;
      item.totalWidth += item.width * item.textAdvanceScale;
      item.width = 0;
      item.textAdvanceScale = scale;
    };
    const flush = () => {
      if (!item.initialized) return;
      item.totalWidth += item.width * item.textAdvanceScale;
      let str = item.str.join('');
      str = str.replace(NORMALIZE, (_, p1: string | undefined) => {
        if (!p1) throw new Unhandled('ligature pdf.js maps oddly');
        return p1.normalize('NFKC');
      });
      if (RTL.test(str)) throw new Unhandled('right-to-left text');
      // Blank items (spaces, line ends) are of no use downstream: only the others are kept.
      if (str.trim()) out.push({ str, transform: item.transform!, width: Math.abs(item.totalWidth) });
      // readPdf's refusal, made before a crafted page's millions of items are held.
      if (out.length > LIMITS.maxPdfItemsPerPage) throw new ReadError('too-large', `PDF第${this.page}页的文字对象过多（超过${LIMITS.maxPdfItemsPerPage}个），不像是年度报告`);
      item.initialized = false;
      item.str.length = 0;
    };
    const appendEOL = () => {
      resetLastChars();
      if (item.initialized) flush();
    };
    const addFakeSpaces = (width: number, orientation: number) => {
      if (orientation * item.spaceInFlowMin <= width && width <= orientation * item.spaceInFlowMax) {
        if (item.initialized) {
          resetLastChars();
          item.str.push(' ');
        }
        return false;
      }
      flush();
      resetLastChars();
      return true;
    };
    const compareWithLastPosition = (glyphWidth: number) => {
      const tr = textTransform();
      let posX = tr[4];
      let posY = tr[5];
      if (posX + glyphWidth < view[0] || posX > view[2] || posY < view[1] || posY > view[3]) return false;
      if (!state.font || !item.prevTransform) return true;
      let lastX = item.prevTransform[4];
      let lastY = item.prevTransform[5];
      if (lastX === posX && lastY === posY) return true;
      let rotate = -1;
      if (tr[0] && tr[1] === 0 && tr[2] === 0) rotate = tr[0] > 0 ? 0 : 180;
      else if (tr[1] && tr[0] === 0 && tr[3] === 0) rotate = tr[1] > 0 ? 90 : 270;
      switch (rotate) {
        case 0:
          break;
        case 90:
          [posX, posY] = [posY, posX];
          [lastX, lastY] = [lastY, lastX];
          break;
        case 180:
          [posX, posY, lastX, lastY] = [-posX, -posY, -lastX, -lastY];
          break;
        case 270:
          [posX, posY] = [-posY, -posX];
          [lastX, lastY] = [-lastY, -lastX];
          break;
        default: {
          const inv = (x: number, y: number, m: M) => {
            const scale = Math.hypot(m[0], m[1]);
            return [(m[0] * x + m[1] * y) / scale, (m[2] * x + m[3] * y) / scale];
          };
          [posX, posY] = inv(posX, posY, tr);
          [lastX, lastY] = inv(lastX, lastY, item.prevTransform);
        }
      }
      const advanceX = (posX - lastX) / item.textAdvanceScale;
      const advanceY = posY - lastY;
      const orientation = Math.sign(item.width || item.totalWidth);
      if (advanceX < orientation * item.negativeSpaceMax) {
        if (Math.abs(advanceY) > 0.5 * item.height) {
          appendEOL();
          return true;
        }
        resetLastChars();
        flush();
        return true;
      }
      const riseDelta = state.textRise - item.prevTextRise;
      const corrected = riseDelta === 0 ? advanceY : advanceY - (tr[3] / state.fontSize) * riseDelta;
      if (Math.abs(corrected) > item.height) {
        appendEOL();
        return true;
      }
      if (advanceX <= orientation * item.notASpace) resetLastChars();
      if (advanceX <= orientation * item.trackingSpaceMin) {
        if (shouldAddWhitespace()) {
          resetLastChars();
          flush();
        } else item.width += advanceX;
      } else if (!addFakeSpaces(advanceX, orientation)) {
        if (item.str.length === 0) resetLastChars();
        else item.width += advanceX;
      }
      if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flush();
      return true;
    };
    const build = (chars: string, extraSpacing: number) => {
      const font = state.font;
      if (!font) throw new Unhandled('text without a font');
      if (current !== null && (current.fontSize !== state.fontSize || (current.fontName !== state.fontName && current.font?.name !== font.name))) {
        flush();
        current = { fontSize: state.fontSize, fontName: state.fontName, font: state.font };
      }
      const base = state.charSpacing;
      if (!chars) {
        const cs = base + extraSpacing;
        if (cs) state.translateTextMatrix(cs * state.textHScale, 0);
        return;
      }
      if (font.twoByte && chars.length % 2) throw new Unhandled('odd byte count in a two-byte font');
      const scale = 0.001 * state.fontSize;
      const n = font.twoByte ? chars.length / 2 : chars.length;
      for (let i = 0; i < n; i++) {
        const code = font.twoByte ? (chars.charCodeAt(2 * i) << 8) | chars.charCodeAt(2 * i + 1) : chars.charCodeAt(i);
        const unicode = font.toUnicode.get(code);
        if (!unicode) throw new Unhandled('code without a Unicode value');
        const groups = SPECIAL.exec(unicode);
        if (groups?.[3]) continue; // an invisible format mark
        let charSpacing = base + (i + 1 === n ? extraSpacing : 0);
        const w = font.widths.get(code);
        let dim = (w === undefined ? font.defaultWidth : w) * scale;
        if (!font.twoByte && code === 0x20) charSpacing += state.wordSpacing;
        if (groups?.[1]) {
          charSpacing += dim;
          state.translateTextMatrix(charSpacing * state.textHScale, 0);
          saveLastChar(' ');
          continue;
        }
        const diacritic = !!groups?.[2];
        if (!diacritic && !compareWithLastPosition(dim)) {
          state.translateTextMatrix(dim * state.textHScale, 0);
          continue;
        }
        const chunk = ensureItem();
        if (diacritic) dim = 0;
        dim *= state.textHScale;
        state.translateTextMatrix(dim, 0);
        chunk.width += dim;
        if (dim) {
          chunk.prevTransform = textTransform();
          chunk.prevTextRise = state.textRise;
        }
        if (saveLastChar(unicode)) chunk.str.push(' ');
        chunk.str.push(unicode);
        if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
      }
    };

    const lex = new Lexer(bytes);
    const args: Operand[] = [];
    const num = (k: number) => {
      const v = args[k];
      if (typeof v !== 'number') throw new Unhandled('operand not a number');
      return v;
    };
    const string = (v: Operand) => {
      if (!(v instanceof Str)) throw new Unhandled('operand not a string');
      return v.s;
    };
    const operand = (t: Tok, d: number): Operand => {
      if (t === OPEN) {
        if (d > 8) throw new Unhandled('nesting');
        const a: Operand[] = [];
        for (let n = lex.next(); n !== CLOSE; n = lex.next()) {
          if (n === null) throw new Unhandled('unterminated array');
          a.push(operand(n, d + 1));
        }
        return a;
      }
      if (t === DOPEN) {
        if (d > 8) throw new Unhandled('nesting');
        for (let n = lex.next(); n !== DCLOSE; n = lex.next()) {
          if (n === null) throw new Unhandled('unterminated dictionary');
          operand(n, d + 1);
        }
        return OTHER;
      }
      if (typeof t === 'string') {
        if (t === 'true' || t === 'false' || t === 'null') return OTHER;
        throw new Unhandled('keyword inside an operand');
      }
      return t;
    };
    for (;;) {
      const t = lex.next();
      if (t === null) break;
      if (typeof t !== 'string' || t === OPEN || t === DOPEN || t === 'true' || t === 'false' || t === 'null') {
        args.push(operand(t, 0));
        if (args.length > 33) throw new Unhandled('too many operands');
        continue;
      }
      if (t === 'BI') throw new Unhandled('inline image');
      const arity = ARITY[t];
      if (arity === undefined && !VARIABLE.has(t)) throw new Unhandled('unknown operator');
      if (arity !== undefined && args.length !== arity) throw new Unhandled('operand count');
      current ??= { fontSize: state.fontSize, fontName: state.fontName, font: state.font };
      switch (t) {
        case 'q':
          stack.push(state);
          state = state.clone();
          break;
        case 'Q':
          if (stack.length) state = stack.pop()!;
          break;
        case 'cm':
          state.ctm = mul(state.ctm, [num(0), num(1), num(2), num(3), num(4), num(5)]);
          break;
        case 'Tf': {
          const name = args[0];
          if (typeof name !== 'object' || name instanceof Str || Array.isArray(name)) throw new Unhandled('font operand');
          const size = num(1);
          if (state.font && name.name === state.fontName && size === state.fontSize) break;
          state.fontName = name.name;
          state.fontSize = size;
          state.font = await this.font(resources, name.name);
          break;
        }
        case 'Ts':
          state.textRise = num(0);
          break;
        case 'Tz':
          state.textHScale = num(0) / 100;
          break;
        case 'TL':
          state.leading = num(0);
          break;
        case 'Td':
          state.translateTextLineMatrix(num(0), num(1));
          state.textMatrix = state.textLineMatrix.slice();
          break;
        case 'TD':
          state.leading = -num(1);
          state.translateTextLineMatrix(num(0), num(1));
          state.textMatrix = state.textLineMatrix.slice();
          break;
        case 'T*':
          state.carriageReturn();
          break;
        case 'Tm': {
          const m = [num(0), num(1), num(2), num(3), num(4), num(5)];
          state.textMatrix = m.slice();
          state.textLineMatrix = m.slice();
          updateAdvanceScale();
          break;
        }
        case 'Tc':
          state.charSpacing = num(0);
          break;
        case 'Tw':
          state.wordSpacing = num(0);
          break;
        case 'BT':
          state.textMatrix = IDENTITY.slice();
          state.textLineMatrix = IDENTITY.slice();
          break;
        case 'TJ': {
          if (!state.font) throw new Unhandled('text without a font');
          const list = args[0];
          if (!Array.isArray(list)) throw new Unhandled('TJ operand');
          const spaceFactor = -state.fontSize / 1000;
          let buffer = '';
          let pending = false;
          for (const el of list) {
            if (el instanceof Str) {
              buffer += el.s;
              pending = true;
            } else if (typeof el === 'number') {
              if (el !== 0) {
                build(buffer, el * spaceFactor);
                buffer = '';
                pending = false;
              }
            } else throw new Unhandled('TJ element');
          }
          if (pending) build(buffer, 0);
          break;
        }
        case 'Tj':
          build(string(args[0]), 0);
          break;
        case "'":
          if (!state.font) throw new Unhandled('text without a font');
          state.carriageReturn();
          build(string(args[0]), 0);
          break;
        case '"':
          if (!state.font) throw new Unhandled('text without a font');
          state.wordSpacing = num(0);
          state.charSpacing = num(1);
          state.carriageReturn();
          build(string(args[2]), 0);
          break;
        case 'Do': {
          flush();
          const name = args[0];
          if (typeof name !== 'object' || name instanceof Str || Array.isArray(name)) throw new Unhandled('XObject operand');
          await this.form(name.name, resources, state, depth);
          break;
        }
        case 'gs': {
          const name = args[0];
          if (typeof name !== 'object' || name instanceof Str || Array.isArray(name)) throw new Unhandled('gs operand');
          const ext = this.objects.value(resources.get('ExtGState'));
          const g = isDict(ext) ? this.objects.value(ext.get(name.name)) : null;
          if (!isDict(g)) throw new Unhandled('graphics state not found');
          if (g.has('Font')) throw new Unhandled('font set by a graphics state');
          break;
        }
        case 'BMC':
        case 'BDC':
        case 'EMC':
          flush();
          break;
      }
      args.length = 0;
    }
    flush();
  }

  /** A Form XObject: pdf.js reads it as a getTextContent of its own, in a clone of the state, under its /Matrix. */
  private async form(name: string, resources: Dict, state: State, depth: number): Promise<void> {
    const xobjects = this.objects.value(resources.get('XObject'));
    if (!isDict(xobjects)) throw new Unhandled('XObject not found');
    const x = this.objects.value(xobjects.get(name));
    if (!isDict(x) || !this.index.streamOf.has(x)) throw new Unhandled('XObject not a stream');
    const subtype = this.objects.value(x.get('Subtype'));
    if (!isName(subtype)) throw new Unhandled('XObject without a subtype');
    if (subtype.name !== 'Form') return;
    if (depth >= 12 || this.forms.has(x)) throw new Unhandled('forms nested too deep or drawing themselves');
    const inner = state.clone();
    const m = this.objects.value(x.get('Matrix'));
    if (Array.isArray(m)) {
      const nums = m.map((v) => this.objects.value(v));
      if (nums.length !== 6 || !nums.every((v) => typeof v === 'number')) throw new Unhandled('form matrix not numbers');
      inner.ctm = mul(inner.ctm, nums as number[]);
    } else if (m !== null) throw new Unhandled('form matrix');
    const own = this.objects.value(x.get('Resources'));
    this.forms.add(x);
    await this.text(await this.objects.data(x), isDict(own) ? own : resources, inner, depth + 1);
    this.forms.delete(x);
  }
}

/** A page's streams one after another, a line break between them so no token runs across. */
function join(parts: Uint8Array[]): Uint8Array {
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

