// A PDF's objects by number from the stream guard's index, as our content-stream readers
// (pdf-rules.ts for the ruling lines, pdf-text/ for the text) read them: exactly one definition of
// each, references followed a few deep, keys inherited through the page tree, streams through the
// guard's budgeted decoders. What they cannot read as pdf.js would is Unhandled: the page or the
// file is left to pdf.js, the reason counted by the reader.
import { isDict, isRef, type Dict, type PdfIndex, type Value } from './pdf-guard.ts';

/** What a reader leaves to pdf.js, and why (the reason is counted, never shown to the user). */
export class Unhandled {
  readonly why: string;
  constructor(why: string) {
    this.why = why;
  }
}

export class PdfObjects {
  private readonly index: PdfIndex;
  constructor(index: PdfIndex) {
    this.index = index;
  }
  /** An object by number: exactly one definition, or the reading is not ours to make (an incremental update). */
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
  /** A stream's decoded bytes. */
  async data(v: Value): Promise<Uint8Array> {
    const s = isDict(v) ? this.index.streamOf.get(v) : undefined;
    if (!s) throw new Unhandled('not a stream');
    const bytes = await this.index.data(s);
    if (!bytes) throw new Unhandled('stream filter not decoded here');
    return bytes;
  }
}

/** The reason a reader counts for what it left to pdf.js: its own, or the kind of error it tripped on. */
export const fallbackReason = (e: unknown): string => (e instanceof Unhandled ? e.why : `error: ${(e as Error)?.name ?? 'unknown'}`);
