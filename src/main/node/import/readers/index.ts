// Bytes -> the intermediate form, by content; the extension is only a hint.
import type { DocContent } from '../../../../shared/doc/blocks.ts';
import { LIMITS, ReadError } from './errors.ts';
import { sniff, type Format } from './sniff.ts';
import { readHtml, readMht } from './html.ts';
import { readPdf } from './pdf.ts';
import { lineCount, readText, tooManyLines } from './text.ts';
import { readDoc, readDocx } from './word.ts';
import { docxMark, isXlsx, readXlsxTemplate } from './template.ts';
import type { TemplateMark } from '../../../../shared/report/fill-template.ts';
import { imageKind, imagePages, type PageImage, pdfPageImages } from '../../ocr/page-images.ts';

export { ReadError, LIMITS };

/** Scans and photos of printed pages, read by OCR. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'];

export interface ReadResult {
  content: DocContent;
  format: 'docx' | 'doc' | 'txt' | 'html' | 'mht' | 'pdf' | 'xlsx' | 'image';
  /** A 填报模板 (its marker found): its tables are read by position. */
  template?: TemplateMark;
  /** A PDF whose pages are pictures, or an image file: read by OCR, or kept as a report that still needs its data. */
  scan?: boolean;
  /** A scan's page images, decoded one at a time as the OCR asks for them. */
  pages?: { count: number; images: () => AsyncIterable<PageImage | null> | Iterable<PageImage | null> };
  /** The extension said one thing and the content another. */
  extensionMismatch: boolean;
}

export const IMPORTABLE = ['.txt', '.md', '.markdown', '.doc', '.docx', '.wps', '.pdf', '.html', '.htm', '.shtml', '.mht', '.mhtml', '.xlsx', ...IMAGE_EXTENSIONS];

/** Office files that are no report's format, with what they are (the walk names them). */
export const NOT_REPORTS: Record<string, string> = {
  '.et': 'WPS表格文件（.et），不是报告的格式',
  '.ett': 'WPS表格模板，不是报告的格式',
  '.dps': 'WPS演示文件（.dps），不是报告的格式',
  '.dpt': 'WPS演示模板，不是报告的格式',
  '.xls': 'Excel表格文件，不是报告的格式',
  '.ppt': 'PowerPoint演示文件，不是报告的格式',
  '.pptx': 'PowerPoint演示文件，不是报告的格式',
};

const UNSUPPORTED: Partial<Record<Format, string>> = {
  rtf: '这是RTF文件，暂不支持导入，请另存为.docx后再导入',
  zip: '这是压缩包而不是Word文档',
  binary: '文件不是Word文档或文本文件（无法识别的二进制格式）',
};

export async function readFileBytes(bytes: Uint8Array, ext: string): Promise<ReadResult> {
  const read = await readByFormat(bytes, ext);
  bounded(read.content);
  return read;
}

/** What a reader produced, within the bounds that keep the parser's memory small: a refused file says which bound it broke. */
function bounded(content: DocContent): void {
  let chars = 0;
  let cells = 0;
  let lines = 0;
  for (const b of content.blocks) {
    if (b.type === 'p') {
      chars += b.text.length;
      lines += lineCount(b.text);
      if (lines > LIMITS.maxLines) throw tooManyLines();
    } else for (const r of b.rows) for (const c of r) {
      chars += c.text.length;
      cells++;
    }
    if (chars > LIMITS.maxTextChars) throw new ReadError('too-large', `文件中的文字过多（超过${LIMITS.maxTextChars / 10000}万字），不像是年度报告`);
    if (cells > LIMITS.maxCells) throw new ReadError('too-large', `文件中的表格单元格过多（超过${LIMITS.maxCells / 10000}万个），不像是年度报告`);
  }
}

async function readByFormat(bytes: Uint8Array, ext: string): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError('empty', '文件为空');
  if (bytes.length > LIMITS.maxFileBytes) throw new ReadError('too-large', `文件过大（${(bytes.length / 1048576).toFixed(0)} MB），不像是年度报告`);
  const format = sniff(bytes);
  const expected = ext.toLowerCase().replace(/^\./, '');
  if (format === 'pdf') {
    const content = await readPdf(bytes);
    if (!content.scan) return { content, format, extensionMismatch: expected !== 'pdf' };
    return { content, format, extensionMismatch: expected !== 'pdf', scan: true, pages: { count: content.pageCount ?? 0, images: () => pdfPageImages(bytes) } };
  }
  const image = imageKind(bytes);
  if (image) {
    const pages = imagePages(bytes);
    const ext = image === 'jpeg' ? ['jpg', 'jpeg'] : image === 'png' ? ['png'] : ['tif', 'tiff'];
    return {
      content: { blocks: [], encoding: `图片（${image === 'tiff' ? `TIFF，${pages.count}页` : image.toUpperCase()}）` },
      format: 'image',
      scan: true,
      pages: { count: pages.count, images: pages.images },
      extensionMismatch: !ext.includes(expected),
    };
  }
  // An Excel workbook is read only as a 填报模板 (its marker found); any other is refused.
  if (format === 'zip' && isXlsx(bytes)) {
    const { content, mark } = await readXlsxTemplate(bytes);
    return { content, format: 'xlsx', template: mark, extensionMismatch: expected !== 'xlsx' };
  }
  if (expected === 'xlsx' && format !== 'docx') throw new ReadError('corrupt', '文件扩展名是.xlsx，但内容不是Excel工作簿（文件已损坏或格式无法识别）');
  if (format === 'html' || format === 'mht') {
    const content = format === 'html' ? readHtml(bytes) : readMht(bytes);
    return { content, format, extensionMismatch: !(format === 'html' ? ['html', 'htm', 'shtml', 'xhtml'] : ['mht', 'mhtml']).includes(expected) };
  }
  // WPS 文字's own .wps: an OLE file that is often a Word document inside; otherwise say how to convert it.
  if (expected === 'wps' && format !== 'doc' && format !== 'docx')
    throw new ReadError('unsupported', '这是WPS文字的.wps文件，其内部格式无法直接读取，请在WPS中“另存为”Word文档（.docx）后再导入');
  if (format === 'docx' || format === 'doc' || format === 'txt') {
    // A Word file cut short before its signature ends ("PK" alone) is damaged, not text.
    if ((expected === 'doc' || expected === 'docx' || expected === 'wps') && format === 'txt' && (bytes.length < 512 && (bytes[0] === 0x50 && bytes[1] === 0x4b || bytes[0] === 0xd0 && bytes[1] === 0xcf)))
      throw new ReadError('corrupt', `Word文件已损坏或不完整（只有${bytes.length}字节），无法读取`);
    if ((expected === 'doc' || expected === 'docx') && format === 'txt' && looksBinary(bytes))
      throw new ReadError('corrupt', `文件扩展名是.${expected}，但内容不是Word文档（文件已损坏或格式无法识别）`);
    const content = format === 'docx' ? await readDocx(bytes) : format === 'doc' ? await readDoc(bytes) : readText(bytes);
    const template = format === 'docx' ? ((await docxMark(bytes)) ?? undefined) : undefined;
    return { content, format, template, extensionMismatch: expected !== format && !(expected === 'wps' && format === 'doc') };
  }
  throw new ReadError('unsupported', UNSUPPORTED[format] ?? '无法识别的文件格式');
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let ctl = 0;
  for (let i = 0; i < n; i++) if (bytes[i] < 9 || (bytes[i] > 13 && bytes[i] < 32)) ctl++;
  return ctl / n > 0.05;
}
