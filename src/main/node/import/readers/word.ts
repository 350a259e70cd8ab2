// .docx through mammoth (keeps tables and merges); .doc through word-extractor (pure JS).
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import type { DocBlock, DocCell, DocContent } from '../../../../shared/doc/blocks.ts';
import { ReadError } from './errors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { logTechnical } from '../reasons.ts';
import { guardOle } from './ole-guard.ts';
import { hasUtf16Name } from './sniff.ts';
import { zipParts } from './zip-guard.ts';

export async function readDocx(bytes: Uint8Array): Promise<DocContent> {
  const file = zipParts(bytes);
  let html: string;
  try {
    // mammoth takes an opened file (`{ file }`, not in its typings): our ZIP reader with its
    // byte budget instead of its own unzipper, which inflates a part whole whatever its size.
    // Pictures are not read at all: the text is what is imported.
    const res = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = res.value;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    logTechnical('Word文件读取失败', e);
    throw new ReadError('corrupt', 'Word文件已损坏或结构异常，无法读取');
  }
  return { blocks: htmlToBlocks(html).blocks, encoding: 'docx' };
}

export async function readDoc(bytes: Uint8Array): Promise<DocContent> {
  guardOle(bytes);
  if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo'))
    throw new ReadError('encrypted', '文件已加密（设置了打开密码），请在Word中取消密码后再导入');
  if (isEncryptedDoc(bytes)) throw new ReadError('encrypted', '文件已加密（设置了打开密码），请在Word中取消密码后再导入');
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    logTechnical('Word文件读取失败', e);
    throw new ReadError('corrupt', 'Word文件已损坏或结构异常，无法读取');
  }
  return { blocks: docTextToBlocks(body), encoding: 'doc' };
}

/**
 * word-extractor turns both a cell's end and a row's end into a tab, so rows cannot be told
 * apart; the parser needs only the cells in order, which this keeps. A line break inside a
 * cell is a newline followed by more cells; text after a table's last tab with no tab on the
 * next line is the paragraph that follows the table.
 */
export function docTextToBlocks(body: string): DocBlock[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocBlock[] = [];
  let table: DocCell[][] | null = null;
  let pending: string | null = null; // a cell still open at the end of the previous line
  const cell = (text: string): DocCell => ({ text, colSpan: 1, rowSpan: 1 });
  const endTable = () => {
    if (table && table.length) blocks.push({ type: 'table', rows: table });
    table = null;
  };
  lines.forEach((line, i) => {
    if (pending !== null && /^(?:[一二三四五六七八九十]+、|\d+、)\S{2,46}$|。$/.test(pending)) {
      // A heading or a sentence glued to the table's end is a paragraph, even when a table follows.
      endTable();
      blocks.push({ type: 'p', text: pending });
      pending = null;
    }
    if (!line.includes('\t')) {
      if (pending !== null) {
        // Not continued by cells: the open text was a paragraph glued to the table's end.
        endTable();
        if (pending) blocks.push({ type: 'p', text: pending });
        pending = null;
      }
      endTable();
      blocks.push({ type: 'p', text: line });
      return;
    }
    const pieces = line.split('\t');
    if (pending !== null) pieces[0] = `${pending}\n${pieces[0]}`;
    const last = pieces.pop()!;
    table ??= [];
    table.push(pieces.map(cell));
    pending = last === '' ? null : last;
    if (pending !== null && i === lines.length - 1) {
      endTable();
      blocks.push({ type: 'p', text: pending });
      pending = null;
    }
  });
  endTable();
  return blocks;
}

/** FIB flag fEncrypted of the WordDocument stream (its first sector follows the OLE header). */
function isEncryptedDoc(bytes: Uint8Array): boolean {
  // The FIB starts with wIdent 0xA5EC; find it at a sector boundary and test bit 0x0100 of flags.
  for (let off = 512; off + 12 < bytes.length && off < 512 * 64; off += 512) {
    if (bytes[off] === 0xec && bytes[off + 1] === 0xa5) return (bytes[off + 11] & 0x01) !== 0;
  }
  return false;
}
