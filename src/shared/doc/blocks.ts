// The readers' intermediate form: what every file format becomes before parsing.
// Paragraph text keeps its leading tabs and inner line breaks, because text-file
// tables are recognised from exactly that layout.

import type { PagePlace } from '../report/model.ts';

export interface DocCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** A PDF table cell: its page and box (read by the ruling lines around it). */
  place?: PagePlace;
  /** A PDF cell whose digits are incomplete, read as blank: its text runs past the page edge, or out of the cell (clipped). */
  cut?: 'edge' | 'clipped';
  /** A cell of a page image read by OCR: the least sure character's probability, and the other readings of a number the engine hesitated over. */
  ocr?: OcrReading;
}

export interface OcrReading {
  conf: number;
  candidates?: string[];
}

export type DocBlock =
  /** `place`: a PDF line's page and box. */
  | { type: 'p'; text: string; place?: PagePlace }
  | { type: 'table'; rows: DocCell[][] };

export interface DocContent {
  blocks: DocBlock[];
  /** How the reader decoded the bytes, e.g. "UTF-8", "GB18030", "docx", "doc". */
  encoding: string;
  /** The same document read another way (a PDF's pages as lines only): each of its cells is another reading. */
  alternate?: DocBlock[];
  /** What a saved web page says about itself (its title, publisher, date): evidence, not text. */
  page?: { title?: string; publisher?: string; published?: string };
}
