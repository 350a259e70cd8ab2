// A file the importer cannot take, with the reason the user reads.
export class ReadError extends Error {
  readonly code: string;
  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type ReadErrorCode = 'empty' | 'too-large' | 'corrupt' | 'encrypted' | 'encoding' | 'unsupported' | 'bomb' | 'not-report' | 'timeout' | 'garbled' | 'not-template';

export const LIMITS = {
  /** Largest file read at all; real reports are well under 20 MB even with pictures. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Largest total a .docx may unpack to (pictures included). */
  maxUnzippedBytes: 256 * 1024 * 1024,
  /** Largest unpacked document.xml: the text mammoth must hold in memory. */
  maxDocumentXmlBytes: 64 * 1024 * 1024,
  /** Larger text files are not reports. */
  maxTextBytes: 16 * 1024 * 1024,
  /** A saved page is parsed into a tree: larger ones are refused (portal pages are under 1 MB). */
  maxHtmlBytes: 8 * 1024 * 1024,
  /** Characters of text in one document, tables included: a long report has 100,000. */
  maxTextChars: 2_000_000,
  /** Lines of text in one document (paragraphs and the lines within them): a long report has a few thousand, and each costs the parser a few hundred bytes. */
  maxLines: 100_000,
  /** Table cells in one document: the three tables hold about 250. */
  maxCells: 200_000,
  /** Decoded bytes one PDF stream may hold, all layers of its filter chain (pdfjs holds each whole). */
  maxPdfStreamBytes: 64 * 1024 * 1024,
  /** The same for a picture, which is not decoded for text but may be large (an A4 page at 600 dpi in colour is 100 MB). */
  maxPdfImageBytes: 256 * 1024 * 1024,
  /** All streams of one PDF together: the time its guard may take. */
  maxPdfDecodedBytes: 1024 * 1024 * 1024,
  /** Real reports are a few dozen pages. */
  maxPdfPages: 300,
  /** Text items on one page: a dense table page has a few thousand. */
  maxPdfItemsPerPage: 50_000,
  /** Elements of a page: each costs about a kilobyte in the tree (a portal page has a few thousand). */
  maxHtmlElements: 100_000,
};
