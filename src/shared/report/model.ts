// The report model shared by the parser, the checks, the archive and the views.

export type TemplateId = 'T2019' | 'T2021' | 'pre2019' | 'unknown';
export type TableId = 't2' | 't3' | 't4';

export interface CellValue {
  /** number: a numeric value; blank: an empty cell; mark: '/', '—' and the like (never 0). */
  kind: 'number' | 'blank' | 'mark';
  num: number | null;
  /** The text as found in the source. */
  raw: string;
  /** Unit the number is stored in (money: 万元), when the column has one. */
  unit?: string;
}

/** A rectangle on a PDF page, in points from the page's top-left corner: [left, top, right, bottom]. */
export type Box = [number, number, number, number];

/** Where on a page of a PDF something stands (1-based page). */
export interface PagePlace {
  page: number;
  box: Box;
}

/**
 * Where a cell's value stands in the original, as data a view can open: a cell of a table
 * (Word and web tables; a PDF table read by its ruling lines adds the page and the cell's box),
 * a line of the text (text files; a PDF line adds its page and box), or the report's own words.
 */
export type CellOrigin =
  | { kind: 'cell'; table: number; row: number; col: number; place?: PagePlace }
  | { kind: 'line'; line: number; place?: PagePlace }
  | { kind: 'words'; quote: string };

/**
 * How a value was obtained when it was not typed into a cell of its own: `inferred` (run-together
 * digits split by the sums), `geometry` (placed in its cell by its position on a PDF page), `ocr`.
 */
export type CellHow = 'inferred' | 'geometry' | 'ocr';

/** Another value the source allows for a cell (another reading of the page, the number the text states). */
export interface AltReading {
  value: CellValue;
  /** Which reading gives it, for the finding: "按文字顺序读取", "正文：“…”". */
  why: string;
}

/** Two readings give a cell the same value: the same number, or both blank, or both a mark. */
export const sameValue = (x: CellValue, y: CellValue) => x.kind === y.kind && (x.kind !== 'number' || x.num === y.num);

export interface Cell {
  table: TableId;
  row: string;
  col: string;
  value: CellValue;
  /** Where it came from, for people: "表格2 第5行 第3格" or "第120行". */
  source: string;
  /** Where it came from, as data. */
  at?: CellOrigin;
  /** Set when a correction replaced the parsed value. */
  original?: CellValue;
  /** How the value was obtained when it was not read from a cell of its own. */
  how?: CellHow;
  /** Other readings of the same place that differ from `value`: a failed rule they satisfy is the reading's doubt. */
  alt?: AltReading[];
  /** The archive's file (its report id) the cell was taken from, when a copy of the report filled it. */
  file?: number;
  /** Read by OCR: the recogniser's probability for its least sure character (0–1). */
  conf?: number;
}

export interface Part {
  no: number; // 1..6; 7 = 收费及减免 (pre-2019 only)
  heading: string; // as found in the document
  text: string;
}

export interface ParseNote {
  code: string;
  message: string; // Chinese, for the user
  /** A row of table 二 left blank because its run-together digits read several ways: the readings, for the archive to decide by last year's figures (X2). */
  pending?: { row: string; cols: string[]; run: string; readings: string[][] };
}

/** Where a metadata field was read: the title, the closing signature, the body, the page's own information, the file name. */
export type MetaSource = '标题' | '落款' | '正文' | '网页信息' | '文件名';

export interface MetaEvidence {
  field: 'agency' | 'year' | 'date';
  value: string | number;
  source: MetaSource;
  /** The words it was read from. */
  text: string;
  /** Not stated but worked out (the year from a signature in January of the next). */
  inferred?: boolean;
}

export interface ParsedReport {
  agency: string | null;
  agencyNormalized: string | null;
  year: number | null;
  /** Signature date, YYYY-MM-DD (or YYYY-MM when only a month is printed). */
  date: string | null;
  template: TemplateId;
  parts: Part[];
  cells: Cell[];
  notes: ParseNote[];
  /** For each metadata field found, where it came from. */
  evidence: MetaEvidence[];
  /** The document's own text (tables as tab-separated rows), without page chrome: what search indexes. */
  text: string;
  /** False when parts or tables the template requires are missing (truncated, unreadable). */
  complete: boolean;
  /** True when the text looked like a report at all. */
  isReport: boolean;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  cells: { table: TableId; row: string; col: string }[];
  /** Where in the text, for a finding about the writing: the part (0 before part 一) and the words. */
  at?: { part: number; quote: string };
  /**
   * For a failed rule over cells that were not read from cells of their own (PDF geometry,
   * inferred, OCR): `reading` when another reading the source allows satisfies the rule (识别存疑:
   * not the unit's error until the clerk confirms it against the original), `document` when every
   * reading fails it. Absent for cells typed into a Word or web table: the document's.
   */
  fault?: 'document' | 'reading';
  /** Why, in Chinese: the reading that satisfies the rule, or that every reading fails it. */
  why?: string;
}
