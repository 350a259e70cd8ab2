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
// In pdf-text/: syntax.ts (the lexer and the objects read from the raw file), objects.ts (the
// guard's index), document.ts (trailer, page tree, view box, title), fonts.ts, page-text.ts (the
// text operators and pdf.js's grouping of glyphs into items).

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

export { openText } from './pdf-text/document.ts';
export { countFallback, textFallbacks, textRead, Unhandled } from './pdf-text/fallback.ts';
