// Every stream of a PDF decoded once under a byte budget before pdfjs sees the file: pdfjs
// decodes a stream whole into a growing ArrayBuffer, outside the worker's heap limit, so a
// stream that inflates to gigabytes would be held whole. The guard finds streams as pdfjs does,
// by their objects (`N G obj << … >> stream`), reading each dictionary with a tokenizer (names
// with #xx escapes, comments, strings and nesting anywhere, however far the filter is from
// `stream`), resolves indirect values (/Filter 6 0 R, a /Length object, objects kept in object
// streams), and decodes the whole filter chain as pdfjs would (Flate, LZW, RunLength, ASCIIHex,
// ASCII85, Brotli; /F before /Filter, unknown filters passed through), counting every layer's
// output. Data the guard cannot decode (encrypted streams) is left to pdfjs and the per-file
// memory ceiling.
import { brotliDecompressSync, constants, createBrotliDecompress, createInflate, inflateSync } from 'node:zlib';
import { LIMITS, ReadError } from './errors.ts';

export type Value = number | Name | Ref | Value[] | Dict | null;
export interface Name {
  name: string;
}
export interface Ref {
  ref: number;
}
export type Dict = Map<string, Value>;
export interface Stream {
  dict: Dict;
  /** First byte of the stream's data. */
  start: number;
}

export const isName = (v: Value): v is Name => typeof v === 'object' && v !== null && 'name' in v;
export const isRef = (v: Value): v is Ref => typeof v === 'object' && v !== null && 'ref' in v;
export const isDict = (v: Value): v is Dict => v instanceof Map;

/** Decoded bytes one stream may hold (all layers of its chain); pictures, which are not decoded for text, may be larger. */
const STREAM_BYTES = 64 * 1048576;
const IMAGE_BYTES = 256 * 1048576;
/** All streams of a file together: the time the guard may take. */
const TOTAL_BYTES = 1024 * 1048576;
/** Syntax one object may take. */
const OBJECT_BYTES = 4 * 1048576;

const tooLarge = (cap: number, all = false) => new ReadError('bomb', `PDF中的数据流解压后${all ? '共' : ''}超过${cap / 1048576} MB，可能是压缩炸弹，未导入`);
const tooComplex = () => new ReadError('corrupt', 'PDF文件结构异常（对象过多或嵌套过深），无法读取');

const OVER = Symbol('over');

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const regular = (c: number) => !WS.has(c) && !DELIM.has(c);

type Token = { k: 'num'; v: number; int: boolean } | { k: 'name'; v: string } | { k: 'kw'; v: string } | { k: 'punct'; v: string } | { k: 'str' } | { k: 'eof' };

/** Tokens of PDF syntax from `pos`; `work` counts the bytes read, so crafted files cannot make the scan quadratic. */
class Lexer {
  pos: number;
  private readonly buf: Uint8Array;
  private readonly meter: { left: number };
  private readonly one: { left: number };
  constructor(buf: Uint8Array, start: number, meter: { left: number }, one = { left: Infinity }) {
    this.buf = buf;
    this.pos = start;
    this.meter = meter;
    this.one = one;
  }

  private skip(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos];
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  next(): Token {
    const from = this.pos;
    this.skip();
    const tok = this.read();
    this.meter.left -= this.pos - from + 1;
    this.one.left -= this.pos - from + 1;
    if (this.meter.left < 0) throw tooComplex();
    if (this.one.left < 0) throw OVER;
    return tok;
  }

  private read(): Token {
    const b = this.buf;
    if (this.pos >= b.length) return { k: 'eof' };
    const c = b[this.pos++];
    if (c === 0x28) {
      // A literal string: balanced parentheses, backslash escapes.
      for (let depth = 1; this.pos < b.length && depth > 0; this.pos++) {
        const d = b[this.pos];
        if (d === 0x5c) this.pos++;
        else if (d === 0x28) depth++;
        else if (d === 0x29) depth--;
      }
      return { k: 'str' };
    }
    if (c === 0x3c) {
      if (b[this.pos] === 0x3c) return this.pos++, { k: 'punct', v: '<<' };
      while (this.pos < b.length && b[this.pos] !== 0x3e) this.pos++;
      this.pos++;
      return { k: 'str' };
    }
    if (c === 0x3e) {
      if (b[this.pos] === 0x3e) return this.pos++, { k: 'punct', v: '>>' };
      return { k: 'kw', v: '>' };
    }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) return { k: 'punct', v: String.fromCharCode(c) };
    if (c === 0x2f) {
      const start = this.pos;
      while (this.pos < b.length && regular(b[this.pos])) this.pos++;
      // #xx escapes, as pdfjs reads them: /Fl#61teDecode is /FlateDecode.
      const raw = Buffer.from(b.buffer, b.byteOffset + start, this.pos - start).toString('latin1');
      return { k: 'name', v: raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    const start = this.pos - 1;
    while (this.pos < b.length && regular(b[this.pos])) this.pos++;
    const word = Buffer.from(b.buffer, b.byteOffset + start, this.pos - start).toString('latin1');
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) return { k: 'num', v: Number(word), int: /^[+-]?\d+$/.test(word) };
    return { k: 'kw', v: word || String.fromCharCode(c) };
  }
}

/** Objects read with pdfjs's grammar; a dictionary followed by `stream` is recorded as a stream. */
class Parser {
  private readonly lex: Lexer;
  private readonly streams: Stream[] | null;
  private readonly buf: Uint8Array;
  /** A stream was met: what follows is its data, not syntax. */
  stopped = false;
  constructor(lex: Lexer, streams: Stream[] | null, buf: Uint8Array) {
    this.lex = lex;
    this.streams = streams;
    this.buf = buf;
  }

  /** One object; null where the syntax is broken (the scan goes on at the next object). */
  value(depth = 0, first = this.lex.next()): Value {
    if (depth > 100) throw tooComplex();
    const t = first;
    if (t.k === 'num') {
      if (!t.int) return t.v;
      const save = this.lex.pos;
      const g = this.lex.next();
      if (g.k === 'num' && g.int) {
        const r = this.lex.next();
        if (r.k === 'kw' && r.v === 'R') return { ref: t.v };
      }
      this.lex.pos = save;
      return t.v;
    }
    if (t.k === 'name') return { name: t.v };
    if (t.k === 'punct' && t.v === '[') {
      const out: Value[] = [];
      for (let n = this.lex.next(); n.k !== 'eof' && !(n.k === 'punct' && n.v === ']'); n = this.lex.next()) {
        out.push(this.value(depth + 1, n));
        if (this.stopped) return out;
      }
      return out;
    }
    if (t.k === 'punct' && t.v === '<<') {
      const dict: Dict = new Map();
      for (let n = this.lex.next(); n.k !== 'eof' && !(n.k === 'punct' && n.v === '>>'); n = this.lex.next()) {
        if (n.k !== 'name') continue; // pdfjs skips what is not a key
        const v = this.value(depth + 1);
        if (!dict.has(n.v)) dict.set(n.v, v);
        if (this.stopped) return dict;
      }
      const save = this.lex.pos;
      const s = this.lex.next();
      if (this.streams && s.k === 'kw' && s.v === 'stream') {
        this.streams.push({ dict, start: dataStart(this.buf, this.lex.pos) });
        this.stopped = true;
      } else this.lex.pos = save;
      return dict;
    }
    return null;
  }
}

/** After `stream`, the data starts on the next line (CR LF, LF or CR), as pdfjs's skipToNextLine has it. */
function dataStart(b: Uint8Array, at: number): number {
  for (let p = at; p < b.length; p++) {
    if (b[p] === 13) return b[p + 1] === 10 ? p + 2 : p + 1;
    if (b[p] === 10) return p + 1;
  }
  return b.length;
}

interface Index {
  objects: Map<number, Value[]>;
  streams: Stream[];
  /** The stream a dictionary opens (an object's value is its stream's dictionary). */
  streamOf: Map<Dict, Stream>;
}

/** Every `obj` keyword starts an object (pdfjs reaches objects through the cross-reference table, which points at these). */
function indexObjects(buf: Buffer, meter: { left: number }): Index {
  const objects = new Map<number, Value[]>();
  const streams: Stream[] = [];
  const streamOf = new Map<Dict, Stream>();
  for (let at = buf.indexOf('obj'); at >= 0; at = buf.indexOf('obj', at + 3)) {
    if ((at > 0 && regular(buf[at - 1])) || (at + 3 < buf.length && regular(buf[at + 3]))) continue;
    const num = numberBefore(buf, at);
    // One object may read 4 MB at most (no real dictionary comes near): an `obj` inside binary
    // data may open a string that never closes. The file as a whole is held by the meter.
    const one = { left: OBJECT_BYTES };
    let v: Value;
    try {
      v = new Parser(new Lexer(buf, at + 3, meter, one), streams, buf).value();
    } catch (e) {
      if (e !== OVER) throw e;
      continue;
    }
    if (num !== null) objects.set(num, [...(objects.get(num) ?? []), v]);
    const last = streams[streams.length - 1];
    if (last && isDict(v) && last.dict === v) streamOf.set(v, last);
  }
  return { objects, streams, streamOf };
}

/** N of `N G obj`, read backwards over the generation number. */
function numberBefore(b: Uint8Array, at: number): number | null {
  let p = at - 1;
  const digits = () => {
    while (p >= 0 && WS.has(b[p])) p--;
    const end = p;
    while (p >= 0 && b[p] >= 0x30 && b[p] <= 0x39) p--;
    return end > p ? Number(Buffer.from(b.subarray(p + 1, end + 1)).toString('latin1')) : null;
  };
  return digits() === null ? null : digits();
}

/** Objects kept inside object streams (PDF 1.5): an indirect /Filter may point into one. */
function indexObjectStream(data: Buffer, dict: Dict, into: Map<number, Value[]>, meter: { left: number }): void {
  const n = dict.get('N');
  const first = dict.get('First');
  if (typeof n !== 'number' || typeof first !== 'number' || n > 1_000_000) return;
  const head = new Lexer(data, 0, meter);
  for (let i = 0; i < n; i++) {
    const num = head.next();
    const off = head.next();
    if (num.k !== 'num' || off.k !== 'num') return;
    const v = new Parser(new Lexer(data, first + off.v, meter), null, data).value();
    into.set(num.v, [...(into.get(num.v) ?? []), v]);
  }
}

export const UNRESOLVED = Symbol('unresolved');
type Resolved = Exclude<Value, Ref> | typeof UNRESOLVED;

/** The values a reference may stand for: every definition found (a file may define an object twice), or unresolved. */
export function resolve(v: Value | undefined, objects: Map<number, Value[]>, depth = 0): Resolved[] {
  if (v === undefined) return [null];
  if (!isRef(v)) return [v];
  const defs = objects.get(v.ref);
  if (!defs || depth > 8) return [UNRESOLVED];
  return defs.flatMap((d) => resolve(d, objects, depth + 1));
}

/** The filter chains a stream may be decoded with: one per reading of its /F or /Filter. */
export function chains(dict: Dict, objects: Map<number, Value[]>): string[][] {
  const values = [...(dict.has('F') ? resolve(dict.get('F'), objects) : []), ...resolve(dict.get('Filter'), objects)];
  const out: string[][] = [];
  for (const f of values) {
    if (f === UNRESOLVED) out.push(['?']);
    else if (isName(f)) out.push([f.name]);
    else if (Array.isArray(f)) out.push(f.map((x) => resolve(x, objects)[0]).map((x) => (x === UNRESOLVED ? '?' : isName(x) ? x.name : '')));
  }
  return out.length ? out : [[]];
}

/** Where the stream's data may end: its /Length where `endstream` follows it, else the first `endstream`; the latest of these. */
function dataEnd(buf: Buffer, s: Stream, objects: Map<number, Value[]>): number {
  const first = buf.indexOf('endstream', s.start);
  let end = first < 0 ? buf.length : first;
  for (const len of resolve(s.dict.get('Length'), objects)) {
    if (len === UNRESOLVED) return buf.length; // a /Length we cannot read: decode to the end of the file (decoders stop at their own end)
    if (typeof len !== 'number' || len < 0 || s.start + len > buf.length) continue;
    const after = buf.subarray(s.start + len, s.start + len + 32).toString('latin1');
    if (/^\s*endstream/.test(after)) end = Math.max(end, s.start + len);
  }
  return end;
}

/** Decoded bytes, kept (for the next layer) or only counted, stopping past `cap`. */
class Sink {
  size = 0;
  parts: Uint8Array[] = [];
  readonly cap: number;
  readonly keep: boolean;
  constructor(cap: number, keep: boolean) {
    this.cap = cap;
    this.keep = keep;
  }
  push(b: Uint8Array): void {
    this.size += b.length;
    if (this.size > this.cap) throw OVER;
    if (this.keep) this.parts.push(b);
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Output the one-call decode may hold at once; a larger stream is streamed, chunk by chunk. */
const AT_ONCE = 8 * 1048576;

/**
 * zlib or Brotli. Most streams (a page's text, a font) decode in one synchronous call, which costs
 * a fraction of a stream's set-up; a stream that breaks, or would decode past AT_ONCE, is streamed
 * instead, so what decodes before an error still counts (pdfjs passes it on too).
 */
async function inflateInto(data: Uint8Array, sink: Sink, brotli: boolean): Promise<boolean> {
  const room = sink.cap - sink.size;
  const most = Math.min(room + 1, AT_ONCE);
  let out: Buffer | null = null;
  try {
    out = brotli ? brotliDecompressSync(data, { maxOutputLength: most }) : inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: most });
  } catch (e) {
    // Past the stream's budget: the bomb it looks like. Past AT_ONCE only: streamed below.
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' && most > room) throw OVER;
  }
  if (out === null) return inflateStreamed(data, sink, brotli);
  sink.push(out);
  return true;
}

function inflateStreamed(data: Uint8Array, sink: Sink, brotli: boolean): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const z = brotli ? createBrotliDecompress() : createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let any = false;
    z.on('data', (c: Buffer) => {
      any = true;
      try {
        sink.push(c);
      } catch (e) {
        z.destroy();
        reject(e);
      }
    });
    z.on('error', () => resolve(any));
    z.on('end', () => resolve(true));
    z.end(data);
  });
}

/** A small output buffer for the decoders written here, flushed into the sink. */
function writer(sink: Sink) {
  let chunk = new Uint8Array(65536);
  let n = 0;
  const flush = () => {
    if (n) sink.push(chunk.subarray(0, n));
    chunk = new Uint8Array(65536);
    n = 0;
  };
  return {
    byte(c: number) {
      chunk[n++] = c;
      if (n === chunk.length) flush();
    },
    flush,
  };
}

function lzw(data: Uint8Array, sink: Sink): void {
  const w = writer(sink);
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) (suffix[i] = i), (first[i] = i), (length[i] = 1), (prefix[i] = -1);
  const stack = new Uint8Array(4096);
  let next = 258;
  let bits = 9;
  let prev = -1;
  let acc = 0;
  let have = 0;
  for (let p = 0; ; ) {
    while (have < bits && p < data.length) (acc = ((acc << 8) | data[p++]) & 0xffffff), (have += 8);
    if (have < bits) break;
    const code = (acc >>> (have - bits)) & ((1 << bits) - 1);
    have -= bits;
    if (code === 256) {
      next = 258;
      bits = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    let entry = code;
    if (prev >= 0 && next < 4096) {
      if (code > next || (code === next && prev < 0)) break;
      prefix[next] = prev;
      suffix[next] = code < next ? first[code] : first[prev];
      first[next] = first[prev];
      length[next] = length[prev] + 1;
      if (code === next) entry = next;
      next++;
    } else if (code >= next) break;
    let k = 0;
    for (let e = entry; e >= 0 && k < 4096; e = prefix[e]) stack[k++] = suffix[e];
    while (k > 0) w.byte(stack[--k]);
    prev = code;
    if (next + 1 >= 1 << bits && bits < 12) bits++; // EarlyChange 1, pdfjs's default
  }
  w.flush();
}

function runLength(data: Uint8Array, sink: Sink): void {
  const w = writer(sink);
  for (let p = 0; p < data.length; ) {
    const n = data[p++];
    if (n === 128) break;
    if (n < 128) for (let i = 0; i <= n && p < data.length; i++) w.byte(data[p++]);
    else if (p < data.length) {
      const c = data[p++];
      for (let i = 0; i < 257 - n; i++) w.byte(c);
    }
  }
  w.flush();
}

function asciiHex(data: Uint8Array, sink: Sink): void {
  const w = writer(sink);
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (d < 0) continue;
    if (hi < 0) hi = d;
    else (w.byte((hi << 4) | d), (hi = -1));
  }
  if (hi >= 0) w.byte(hi << 4);
  w.flush();
}

function ascii85(data: Uint8Array, sink: Sink): void {
  const w = writer(sink);
  const group: number[] = [];
  const emit = (g: number[], n: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (i < g.length ? g[i] : 84);
    for (let i = 0; i < n; i++) w.byte((v >>> (24 - 8 * i)) & 0xff);
  };
  for (const c of data) {
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) for (let i = 0; i < 4; i++) w.byte(0);
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 0x21);
      if (group.length === 5) emit(group.splice(0), 4);
    }
  }
  if (group.length > 1) emit(group, group.length - 1);
  w.flush();
}

const FLATE = new Set(['Fl', 'FlateDecode']);
const PICTURES = new Set(['DCT', 'DCTDecode', 'JPX', 'JPXDecode', 'CCF', 'CCITTFaxDecode', 'JBIG2Decode']);

/** One layer into `sink`; false when the layer is passed over (a filter pdfjs leaves the data alone for). */
async function layer(name: string, input: Uint8Array, sink: Sink): Promise<boolean> {
  if (FLATE.has(name) || name === 'BrotliDecode') return (await inflateInto(input, sink, name === 'BrotliDecode'), true);
  if (name === 'LZW' || name === 'LZWDecode') lzw(input, sink);
  else if (name === 'RL' || name === 'RunLengthDecode') runLength(input, sink);
  else if (name === 'AHx' || name === 'ASCIIHexDecode') asciiHex(input, sink);
  else if (name === 'A85' || name === 'ASCII85Decode') ascii85(input, sink);
  else return false; // Crypt and unknown names: pdfjs passes the data on unchanged
  return true;
}

/**
 * Decodes `data` through `chain`, every layer's output counted against `cap` (pdfjs holds every
 * layer); the last layer is kept only when asked. A filter that could not be resolved ('?') is
 * taken as Flate for as many layers as inflate, since a bomb is most likely Flate.
 */
async function decodeChain(data: Uint8Array, chain: string[], cap: number, keepLast = false): Promise<{ total: number; out: Uint8Array }> {
  const names = chain.flatMap((n) => (n === '?' ? ['?', '?', '?', '?'] : [n]));
  let input = data;
  let total = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (PICTURES.has(name)) break; // pictures are not decoded for text
    const unknown = name === '?';
    const sink = new Sink(cap - total, unknown || keepLast || i < names.length - 1);
    if (unknown) {
      if (!(await inflateInto(input, sink, false)) || sink.size === 0) break;
    } else if (!(await layer(name, input, sink))) continue;
    total += sink.size;
    if (sink.keep) input = sink.bytes();
  }
  return { total, out: input };
}

/** A stream's data through its filter chain, as the guard decodes it (within `cap` bytes; for tests). */
export async function decodeStreamData(data: Uint8Array, chain: string[], cap = STREAM_BYTES): Promise<Uint8Array> {
  try {
    return (await decodeChain(data, chain, cap, true)).out;
  } catch (e) {
    throw e === OVER ? tooLarge(cap) : e;
  }
}

const isImage = (dict: Dict, objects: Map<number, Value[]>) => resolve(dict.get('Subtype'), objects).some((v) => v !== UNRESOLVED && isName(v) && v.name === 'Image');
const isObjStm = (dict: Dict, objects: Map<number, Value[]>) => resolve(dict.get('Type'), objects).some((v) => v !== UNRESOLVED && isName(v) && v.name === 'ObjStm');

/** The objects the guard read, for reading a page's drawing without pdfjs (pdf-rules.ts). */
export interface PdfIndex {
  objects: Map<number, Value[]>;
  streamOf: Map<Dict, Stream>;
  /** A stream's data through its one filter chain, within the stream budget; null where the guard cannot say (an unresolved or ambiguous filter, a picture's, Crypt). */
  data(s: Stream): Promise<Uint8Array | null>;
}

export async function guardPdfStreams(bytes: Uint8Array): Promise<void> {
  await guardPdf(bytes);
}

export async function guardPdf(bytes: Uint8Array): Promise<PdfIndex> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const meter = { left: 16 * buf.length + 16 * 1048576 };
  const { objects, streams, streamOf } = indexObjects(buf, meter);
  let left = TOTAL_BYTES;
  const decode = async (s: Stream, chain: string[], keep = false) => {
    const cap = isImage(s.dict, objects) ? IMAGE_BYTES : STREAM_BYTES;
    try {
      const r = await decodeChain(buf.subarray(s.start, dataEnd(buf, s, objects)), chain, Math.min(cap, left + 1), keep);
      left -= r.total;
      if (left < 0) throw tooLarge(TOTAL_BYTES, true);
      return r.out;
    } catch (e) {
      if (e !== OVER) throw e;
      throw left < cap ? tooLarge(TOTAL_BYTES, true) : tooLarge(cap);
    }
  };
  // Object streams first: the objects they hold may be the /Filter or /Length of other streams.
  const rest: Stream[] = [];
  for (const s of streams) {
    if (!isObjStm(s.dict, objects)) {
      rest.push(s);
      continue;
    }
    for (const chain of chains(s.dict, objects)) indexObjectStream(Buffer.from(await decode(s, chain, true)), s.dict, objects, meter);
  }
  for (const s of rest) for (const chain of chains(s.dict, objects)) await decode(s, chain);
  // A `stream` whose dictionary could not be read (too large, broken): its data is tried as Flate.
  const known = new Set(streams.map((s) => s.start));
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    if ((at > 0 && regular(buf[at - 1])) || (at + 6 < buf.length && regular(buf[at + 6]))) continue;
    const start = dataStart(buf, at + 6);
    if (!known.has(start)) await decode({ dict: new Map(), start }, ['?']);
  }
  return {
    objects,
    streamOf,
    async data(s) {
      const all = chains(s.dict, objects);
      if (all.length !== 1 || all[0].some((n) => n === '?' || !DECODED.has(n)) || s.dict.has('DecodeParms') || s.dict.has('DP')) return null;
      try {
        return (await decodeChain(buf.subarray(s.start, dataEnd(buf, s, objects)), all[0], STREAM_BYTES, true)).out;
      } catch (e) {
        if (e === OVER) throw tooLarge(STREAM_BYTES);
        throw e;
      }
    },
  };
}

/** The filters decoded here (a page's drawing in any other is left to pdfjs). */
const DECODED = new Set(['Fl', 'FlateDecode', 'BrotliDecode', 'LZW', 'LZWDecode', 'RL', 'RunLengthDecode', 'AHx', 'ASCIIHexDecode', 'A85', 'ASCII85Decode']);
