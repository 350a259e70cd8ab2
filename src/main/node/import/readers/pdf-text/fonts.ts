// The fonts read here: TrueType with /FirstChar /Widths and Type0 Identity-H (CIDFontType2, /W /DW), each
// with its /ToUnicode map, read once a document; any other kind is Unhandled (the file is pdf.js's).
import { isDict, isName, type Dict } from '../pdf-guard.ts';
import { Unhandled } from './fallback.ts';
import type { Objects } from './objects.ts';
import { CLOSE, Lexer, OPEN, Str, type Tok } from './syntax.ts';

export interface Font {
  /** The font's name as pdf.js's Font has it (its FontName), for its "same font" test. */
  name: string;
  twoByte: boolean;
  widths: Map<number, number>;
  defaultWidth: number;
  toUnicode: Map<number, string>;
}

export async function loadFont(objects: Objects, dict: Dict): Promise<Font> {
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

export function fontName(objects: Objects, dict: Dict): string {
  const d = objects.value(dict.get('FontDescriptor'));
  const n = isDict(d) ? objects.value(d.get('FontName')) : null;
  if (isName(n)) return n.name;
  const b = objects.value(dict.get('BaseFont'));
  return isName(b) ? b.name : '';
}

/** A /ToUnicode CMap's bfchar and bfrange entries (array form too), destinations as pdf.js decodes UTF-16BE. */
export async function readToUnicode(objects: Objects, stream: Dict): Promise<Map<number, string>> {
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
