// The PDF's objects as pdf-text reads them (pdf-objects.ts), with the fonts read once a document.
import type { Dict } from '../pdf-guard.ts';
import { PdfObjects } from '../pdf-objects.ts';
import type { Font } from './fonts.ts';

export class Objects extends PdfObjects {
  /** Fonts read once for the whole document (pages share them). */
  readonly fonts = new Map<Dict, Font>();
}
