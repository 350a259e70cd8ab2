// A page's ruling lines read from its content streams ourselves, not from pdf.js's operator list:
// the operator list builds every glyph's outline and copies it across to the reader (about a third
// of a PDF's CPU), while the grid needs only the path operators. The objects come from the stream
// guard's index (pdf-guard.ts), the streams through its budgeted decoders. The page's drawing is
// run as pdf.js runs it (q Q cm, paths built as pdf.js builds them, in float32, Form XObjects with
// their /Matrix) so the grid gets the same segments. What this reader does not handle (an object
// defined twice, an annotation's appearance, an inline image, an unknown or malformed operator, a
// filter it does not decode, a page whose drawing, forms counted each time drawn, passes 128 MB, a
// path of over a million lines, and any error of its own) is left to the operator list, and counted
// by reason: never the file's failure.
import { rectToSegments, type Segment } from '../../../../shared/doc/grid.ts';
import { ReadError } from './errors.ts';
import { isDict, isName, type Dict, type PdfIndex, type Value } from './pdf-guard.ts';
import { fallbackReason, PdfObjects, Unhandled } from './pdf-objects.ts';
import { ARITY, DELIM, IDENTITY, joinStreams, pdfNumber, transform, VARIABLE, WS, type Matrix } from './pdf-syntax.ts';

/** `times(m, n)` is m applied after n's frame (PDF's `cm`): pdf.js's transform(n, m), the same products summed in the same order. */
export { IDENTITY };
export const times = (m: Matrix, n: Matrix): Matrix => transform(n, m);

/** Drawing one page may take to read, forms counted each time they are drawn. */
const DRAWING_BYTES = 128 * 1048576;

/** Numbers one path may hold before it is painted (a million lines or so). */
const MAX_PATH = 4_000_000;

/** Segments one page may give (the operator-list reading stops there too). */
export const MAX_SEGMENTS = 20000;

/** Why pages were left to the operator list, by reason, and pages read here (printed by bench:pdf). */
export const rulingFallbacks = new Map<string, number>();
export const rulingRead = { pages: 0 };


/** pdf.js's path encoding (DrawOPS): 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUADRATIC = 3;
const CLOSE = 4;

/**
 * The page's ruling lines, in points from the top-left corner (the page's view at vx0, vy1), or
 * null when the page holds something this reader leaves to the operator list.
 */
export async function pageRules(index: PdfIndex, pageObject: number, vx0: number, vy1: number): Promise<Segment[] | null> {
  try {
    const segments = await new PageDrawing(index, vx0, vy1).run(pageObject);
    rulingRead.pages++;
    return segments;
  } catch (e) {
    if (e instanceof ReadError) throw e; // a bomb the budget caught: the file's reason
    // Anything else this reader trips on is pdf.js's to read, as it was before: counted, never the file's failure.
    const why = fallbackReason(e);
    rulingFallbacks.set(why, (rulingFallbacks.get(why) ?? 0) + 1);
    return null;
  }
}

/** Paints whose path the operator-list reading took as lines (it passed over B*, b, b*: kept so, to read the same). */
const PAINTED = new Set(['S', 's', 'f', 'F', 'f*', 'B']);
const ENDS = new Set(['B*', 'b', 'b*', 'n']);

const OTHER = Symbol('operand'); // a string, array or dictionary: never a path's number
type Operand = number | { name: string } | typeof OTHER;

class PageDrawing {
  private readonly objects: PdfObjects;
  private readonly vx0: number;
  private readonly vy1: number;
  private readonly out: Segment[] = [];
  private readonly forms = new Set<Dict>();
  /** A form's data, decoded once however often the page draws it. */
  private readonly decoded = new Map<Dict, Uint8Array>();
  /** Bytes of drawing read for the page, forms as often as they are drawn: past DRAWING_BYTES the page is pdf.js's (and its per-file timeout's). */
  private drawn = 0;

  constructor(index: PdfIndex, vx0: number, vy1: number) {
    this.objects = new PdfObjects(index);
    this.vx0 = vx0;
    this.vy1 = vy1;
  }

  async run(pageObject: number): Promise<Segment[]> {
    const page = this.objects.object(pageObject);
    if (!isDict(page)) throw new Unhandled('page object not a dictionary');
    for (const a of this.array(page.get('Annots'))) {
      const annot = this.objects.value(a);
      if (isDict(annot) && annot.has('AP')) throw new Unhandled('annotation with an appearance');
    }
    const contents = this.objects.value(page.get('Contents'));
    const streams = Array.isArray(contents) ? contents.map((c) => this.objects.value(c)) : contents === null ? [] : [contents];
    const parts: Uint8Array[] = [];
    for (const s of streams) parts.push(await this.objects.data(s));
    await this.draw(joinStreams(parts), this.resources(page), IDENTITY, 0);
    return this.out;
  }

  private array(v: Value | undefined): Value[] {
    const a = this.objects.value(v);
    return Array.isArray(a) ? a : [];
  }

  /** /Resources, inherited from the page tree where the page has none. */
  private resources(page: Dict): Dict {
    const r = this.objects.inherited(page, 'Resources');
    return isDict(r) ? r : new Map();
  }

  /** One content stream (a page's or a form's) under `start`: pdf.js's q/Q/cm and path building, every painted path's lines kept. */
  private async draw(bytes: Uint8Array, resources: Dict, start: number[], depth: number): Promise<void> {
    this.drawn += bytes.length;
    if (this.drawn > DRAWING_BYTES) throw new Unhandled('drawing too large');
    let ctm = start;
    const stack: number[][] = [];
    const path: number[] = [];
    const args: Operand[] = [];
    const lex = new ContentLexer(bytes);
    const num = (k: number) => {
      const v = args[k];
      if (typeof v !== 'number') throw new Unhandled('path operand not a number');
      return v;
    };
    const f = Math.fround;
    const pt = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4] - this.vx0, this.vy1 - (ctm[1] * x + ctm[3] * y + ctm[5])];
    for (;;) {
      if (this.out.length >= MAX_SEGMENTS) return;
      const t = lex.next();
      if (t === null) break;
      if (typeof t !== 'string') {
        args.push(t);
        if (args.length > 33) throw new Unhandled('too many operands');
        continue;
      }
      if (t === 'true' || t === 'false') {
        args.push(OTHER);
        continue;
      }
      if (t === 'null') continue;
      if (t === 'BI') throw new Unhandled('inline image');
      const arity = ARITY[t];
      if (arity === undefined && !VARIABLE.has(t)) throw new Unhandled('unknown operator');
      if (arity !== undefined && args.length !== arity) throw new Unhandled('operand count');
      if (path.length > MAX_PATH) throw new Unhandled('path too long');
      switch (t) {
        case 'q':
          stack.push(ctm);
          break;
        case 'Q':
          if (!stack.length) throw new Unhandled('Q without q');
          ctm = stack.pop()!;
          break;
        case 'cm':
          ctm = times([num(0), num(1), num(2), num(3), num(4), num(5)], ctm);
          break;
        case 'm':
          path.push(MOVE, f(num(0)), f(num(1)));
          break;
        case 'l':
          path.push(LINE, f(num(0)), f(num(1)));
          break;
        case 'c':
          path.push(CURVE, f(num(0)), f(num(1)), f(num(2)), f(num(3)), f(num(4)), f(num(5)));
          break;
        case 'v':
        case 'y':
          // Only the end point counts for lines; pdf.js's control points are not needed.
          path.push(CURVE, 0, 0, 0, 0, f(num(2)), f(num(3)));
          break;
        case 'h':
          path.push(CLOSE);
          break;
        case 're': {
          const [x, y, w, h] = [num(0), num(1), num(2), num(3)];
          if (w === 0 || h === 0) path.push(MOVE, f(x), f(y), LINE, f(x + w), f(y + h), CLOSE);
          else path.push(MOVE, f(x), f(y), LINE, f(x + w), f(y), LINE, f(x + w), f(y + h), LINE, f(x), f(y + h), CLOSE);
          break;
        }
        case 'Do':
          if (typeof args[0] === 'object') await this.form(args[0].name, resources, ctm, depth);
          break;
        default:
          if (PAINTED.has(t)) {
            if (t === 's') path.push(CLOSE);
            // One by one: a path of a million lines would overflow push(...spread).
            if (path.length) for (const seg of pathSegments(path, pt)) this.out.push(seg);
            path.length = 0;
          } else if (ENDS.has(t)) path.length = 0;
      }
      args.length = 0;
    }
  }

  /** A Form XObject drawn where `Do` names it: its own q/Q and path, under its /Matrix; pictures draw no lines. */
  private async form(name: string, resources: Dict, ctm: number[], depth: number): Promise<void> {
    const xobjects = this.objects.value(resources.get('XObject'));
    if (!isDict(xobjects)) return;
    const x = this.objects.value(xobjects.get(name));
    if (!isDict(x)) return;
    const subtype = this.objects.value(x.get('Subtype'));
    if (!isName(subtype) || subtype.name !== 'Form') return;
    if (depth >= 12 || this.forms.has(x)) throw new Unhandled('forms nested too deep or drawing themselves');
    const m = this.array(x.get('Matrix')).map((v) => this.objects.value(v));
    let start = ctm;
    if (m.length === 6) {
      if (!m.every((v) => typeof v === 'number')) throw new Unhandled('form matrix not numbers');
      start = times((m as number[]).map(Math.fround), ctm);
    }
    const own = this.objects.value(x.get('Resources'));
    this.forms.add(x);
    let data = this.decoded.get(x);
    if (!data) this.decoded.set(x, (data = await this.objects.data(x)));
    await this.draw(data, isDict(own) ? own : resources, start, depth + 1);
    this.forms.delete(x);
  }
}



/**
 * Content-stream tokens: a number, a name, OTHER for a string, array or dictionary (read whole),
 * or an operator's keyword as a string; null at the end.
 */
class ContentLexer {
  private pos = 0;
  private readonly b: Uint8Array;
  constructor(b: Uint8Array) {
    this.b = b;
  }

  next(): Operand | string | null {
    const b = this.b;
    this.skip();
    if (this.pos >= b.length) return null;
    const c = b[this.pos];
    if (c === 0x28) return this.literal(), OTHER;
    if (c === 0x3c && b[this.pos + 1] !== 0x3c) return this.hex(), OTHER;
    if (c === 0x5b || (c === 0x3c && b[this.pos + 1] === 0x3c)) return this.container(), OTHER;
    if (c === 0x2f) {
      const start = ++this.pos;
      while (this.pos < b.length && !WS[b[this.pos]] && !DELIM[b[this.pos]]) this.pos++;
      const raw = Buffer.from(b.buffer, b.byteOffset + start, this.pos - start).toString('latin1');
      return { name: raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw };
    }
    if (DELIM[c]) throw new Unhandled('stray delimiter');
    const start = this.pos;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number(start);
    while (this.pos < b.length && !WS[b[this.pos]] && !DELIM[b[this.pos]]) this.pos++;
    return Buffer.from(b.buffer, b.byteOffset + start, this.pos - start).toString('latin1');
  }

  private skip(): void {
    const b = this.b;
    while (this.pos < b.length) {
      const c = b[this.pos];
      if (WS[c]) this.pos++;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else break;
    }
  }

  /** A number as pdf.js reads it (pdf-syntax.ts). */
  private number(start: number): number {
    const n = pdfNumber(this.b, start);
    if (!n) throw new Unhandled('number pdf.js may read otherwise');
    this.pos = n.end;
    return n.value;
  }

  private literal(): void {
    const b = this.b;
    let depth = 0;
    for (; this.pos < b.length; this.pos++) {
      const d = b[this.pos];
      if (d === 0x5c) this.pos++;
      else if (d === 0x28) depth++;
      else if (d === 0x29 && --depth === 0) {
        this.pos++;
        return;
      }
    }
  }

  private hex(): void {
    const end = this.b.indexOf(0x3e, this.pos);
    this.pos = end < 0 ? this.b.length : end + 1;
  }

  /** An array or dictionary, nested ones and strings inside it included, read past as one operand. */
  private container(): void {
    const b = this.b;
    let depth = 0;
    while (this.pos < b.length) {
      this.skip();
      const c = b[this.pos];
      if (c === 0x28) this.literal();
      else if (c === 0x5b) (depth++, this.pos++);
      else if (c === 0x5d) (depth--, this.pos++);
      else if (c === 0x3c && b[this.pos + 1] === 0x3c) (depth++, (this.pos += 2));
      else if (c === 0x3e && b[this.pos + 1] === 0x3e) (depth--, (this.pos += 2));
      else if (c === 0x3c) this.hex();
      else this.pos++;
      if (depth === 0) return;
    }
  }
}

/** Straight pieces of a path in pdf.js's encoding (above). */
export function pathSegments(path: ArrayLike<number>, pt: (x: number, y: number) => [number, number]): Segment[] {
  const out: Segment[] = [];
  const points: [number, number][] = [];
  let start: [number, number] | null = null;
  let cur: [number, number] | null = null;
  const line = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[0] - b[0]) < 0.5 || Math.abs(a[1] - b[1]) < 0.5) out.push({ x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i];
    if (op === MOVE) {
      cur = start = pt(path[i + 1], path[i + 2]);
      points.push(cur);
      i += 3;
    } else if (op === LINE) {
      const p = pt(path[i + 1], path[i + 2]);
      if (cur) line(cur, p);
      cur = p;
      points.push(p);
      i += 3;
    } else if (op === CURVE) {
      cur = pt(path[i + 5], path[i + 6]);
      i += 7;
    } else if (op === QUADRATIC) {
      cur = pt(path[i + 3], path[i + 4]);
      i += 5;
    } else {
      if (cur && start) line(cur, start);
      cur = start;
      i += 1;
    }
  }
  // A filled rectangle as thin as a rule is a rule (its four sides would be two lines a hair apart).
  if (points.length >= 4 && points.length <= 5) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    if (w <= 2.5 || h <= 2.5) return rectToSegments(Math.min(...xs), Math.min(...ys), w, h);
  }
  return out;
}
