// The PDF's objects by number from the stream guard's index, as pdf-text reads them.
import { isDict, isRef, type Dict, type PdfIndex, type Value } from '../pdf-guard.ts';
import { Unhandled } from './fallback.ts';
import type { Font } from './fonts.ts';
/** Objects by number from the guard's index: exactly one definition, or the reading is pdf.js's. */
export class Objects {
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
