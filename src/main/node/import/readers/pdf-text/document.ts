// The document as pdf.js opens it: trailer, catalog, page tree, each page's view box, /Info's title.
import { isDict, isName, isRef, type Dict, type PdfIndex, type Value } from '../pdf-guard.ts';
import type { TextDoc } from '../pdf-text.ts';
import { Unhandled } from './fallback.ts';
import { Objects } from './objects.ts';
import { PageText } from './page-text.ts';
import { DELIM, WS } from '../pdf-syntax.ts';
import { Lexer, parseObject, Str, type Obj } from './syntax.ts';

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

export const refOf = (v: Obj | undefined): Value => (v && typeof v === 'object' && 'ref' in v ? { ref: v.ref } : null);

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
