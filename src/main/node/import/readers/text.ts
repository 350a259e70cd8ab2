// .txt: BOM, then strict UTF-8, then UTF-16 without BOM, then GB18030 (never GBK: it loses
// the four-byte characters). What decodes but does not read as text is refused.
import type { DocContent } from '../../../../shared/doc/blocks.ts';
import { LIMITS, ReadError } from './errors.ts';

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length === 0) throw new ReadError('empty', '文件为空');
  if (bytes.length > LIMITS.maxTextBytes) throw new ReadError('too-large', `文本文件过大（${mb(bytes.length)}），不像是年度报告`);
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return check(strict('utf-8', b.subarray(3)), 'UTF-8（带BOM）');
  if (b[0] === 0xff && b[1] === 0xfe) return check(strict('utf-16le', b.subarray(2)), 'UTF-16LE');
  if (b[0] === 0xfe && b[1] === 0xff) return check(strict('utf-16be', b.subarray(2)), 'UTF-16BE');
  const utf8 = strict('utf-8', b);
  if (utf8 !== null) return check(utf8, 'UTF-8');
  const u16 = utf16WithoutBom(b);
  if (u16) return check(strict(u16, b), u16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE');
  return check(strict('gb18030', b), 'GB18030');
}

export function readText(bytes: Uint8Array): DocContent {
  const { text, encoding } = decodeText(bytes);
  // Counted before the text is split: 3 MB of empty lines would be millions of blocks.
  if (lineCount(text) > LIMITS.maxLines) throw tooManyLines();
  return { blocks: text.split(/\r\n|\r|\n/).map((t) => ({ type: 'p', text: t })), encoding };
}

/** Lines as the parser splits them (CR LF, CR or LF). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export const tooManyLines = () => new ReadError('too-large', `文件的行数过多（超过${LIMITS.maxLines / 10000}万行），不像是年度报告`);

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: Chinese text has no NUL bytes to go by, so decode both ways and keep
 * the one that reads as Chinese and ASCII (GB18030 bytes read as UTF-16 land in rare ranges).
 */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length % 2 !== 0 || b.length < 4) return null;
  const sample = b.subarray(0, Math.min(b.length, 8192));
  let best: 'utf-16le' | 'utf-16be' | null = null;
  let bestScore = 0;
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const text = strict(label, sample.subarray(0, sample.length - (sample.length % 2)));
    if (!text) continue;
    let good = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) good++;
    }
    const score = good / Math.max(1, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = label;
    }
  }
  return bestScore >= 0.9 ? best : null;
}

function check(text: string | null, encoding: string): { text: string; encoding: string } {
  if (text === null) throw new ReadError('encoding', '无法识别文件编码（不是UTF-8、UTF-16或GB18030），请用记事本另存为UTF-8后再导入');
  if (text.trim() === '') throw new ReadError('empty', '文件没有文字内容');
  // Valid bytes in the wrong encoding decode to control characters and rare ideographs.
  let odd = 0;
  let total = 0;
  for (const ch of text.slice(0, 20000)) {
    const c = ch.codePointAt(0)!;
    total++;
    // Supplementary ideographs (Ext B and later) are real, in people's and places' names.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c > 0xffff && (c < 0x20000 || c > 0x3134f))) odd++;
  }
  if (odd / total > 0.02) throw new ReadError('encoding', `无法识别文件编码（按${encoding}解码后是乱码），可能是二进制文件或其他编码`);
  return { text, encoding };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
