// The readers' intermediate form: what every file format becomes before parsing.
// Paragraph text keeps its leading tabs and inner line breaks, because text-file
// tables are recognised from exactly that layout.

export interface DocCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export type DocBlock =
  | { type: 'p'; text: string }
  | { type: 'table'; rows: DocCell[][] };

export interface DocContent {
  blocks: DocBlock[];
  /** How the reader decoded the bytes, e.g. "UTF-8", "GB18030", "docx", "doc". */
  encoding: string;
  /** What a saved web page says about itself (its title, publisher, date): evidence, not text. */
  page?: { title?: string; publisher?: string; published?: string };
}
