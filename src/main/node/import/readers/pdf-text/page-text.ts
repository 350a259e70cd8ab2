// A page's text, as pdf.js's getTextContent makes it.
import { LIMITS, ReadError } from '../errors.ts';
import { isDict, isName, type Dict, type PdfIndex } from '../pdf-guard.ts';
import { ARITY, IDENTITY, joinStreams, transform as mul, VARIABLE, type Matrix } from '../pdf-syntax.ts';
import type { RawItem } from '../pdf-text.ts';
import { Unhandled } from './fallback.ts';
import { loadFont, type Font } from './fonts.ts';
import type { Objects } from './objects.ts';
import { CLOSE, DCLOSE, DOPEN, Lexer, OPEN, Str, type Tok } from './syntax.ts';

type M = Matrix;

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

const OTHER = Symbol('other');
type Operand = number | { name: string } | Str | Operand[] | typeof OTHER;

/** Drawing read for one page, forms counted each time drawn: past it the file is pdf.js's. */
const DRAWING_BYTES = 128 * 1048576;

export class PageText {
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
    await this.text(joinStreams(parts), isDict(res) ? res : new Map(), new State(), 0);
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

