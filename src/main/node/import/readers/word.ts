// .docx through mammoth (keeps tables and merges); .doc through word-extractor (pure JS).
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import type { DocBlock, DocContent } from '../../../../shared/doc/blocks.ts';
import { ReadError } from './errors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { hasUtf16Name } from './sniff.ts';
import { guardZip } from './zip-guard.ts';

export async function readDocx(bytes: Uint8Array): Promise<DocContent> {
  guardZip(bytes);
  let html: string;
  try {
    const res = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = res.value;
  } catch (e) {
    throw new ReadError('corrupt', `Word文件已损坏，无法读取（${shortError(e)}）`);
  }
  return { blocks: htmlToBlocks(html), encoding: 'docx' };
}

export async function readDoc(bytes: Uint8Array): Promise<DocContent> {
  if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo'))
    throw new ReadError('encrypted', '文件已加密（设置了打开密码），请在Word中取消密码后再导入');
  if (isEncryptedDoc(bytes)) throw new ReadError('encrypted', '文件已加密（设置了打开密码），请在Word中取消密码后再导入');
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new ReadError('corrupt', `Word文件已损坏，无法读取（${shortError(e)}）`);
  }
  return { blocks: docTextToBlocks(body), encoding: 'doc' };
}

/**
 * word-extractor ends each table cell with a tab and each row with a newline; a line break
 * inside a cell is a newline too, so a row is complete only at a line that ends with a tab.
 */
export function docTextToBlocks(body: string): DocBlock[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: DocBlock[] = [];
  let rows: DocBlock & { type: 'table' } = { type: 'table', rows: [] };
  const flushTable = () => {
    if (rows.rows.length) blocks.push(rows);
    rows = { type: 'table', rows: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.includes('\t') && !line.endsWith('\t')) {
      // A cell with a line break: join up to the line that closes the row.
      let j = i + 1;
      while (j < lines.length && j - i < 8 && !lines[j].endsWith('\t')) j++;
      if (j < lines.length && lines[j].endsWith('\t')) {
        line = lines.slice(i, j + 1).join('\n');
        i = j;
      }
    }
    if (line.endsWith('\t')) {
      rows.rows.push(line.slice(0, -1).split('\t').map((text) => ({ text, colSpan: 1, rowSpan: 1 })));
    } else {
      flushTable();
      blocks.push({ type: 'p', text: line });
    }
  }
  flushTable();
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

function shortError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 80 ? `${msg.slice(0, 80)}…` : msg;
}
