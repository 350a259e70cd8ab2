// A .docx's ZIP, read by us rather than by the unzipper behind mammoth: the central directory
// is checked before anything unpacks (a truncated file or a declared bomb is refused without
// inflating a byte), and every part a reader asks for is inflated under a byte budget, counted
// on the output, whatever size its headers declare (a part declaring 5 KB may inflate to 4 GB).
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { LIMITS, ReadError } from './errors.ts';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  uncompressed: number;
  /** Where the entry's local header starts. */
  local: number;
}

const corrupt = (why: string) => new ReadError('corrupt', `Word文件已损坏（${why}）`);
const bomb = () => new ReadError('bomb', '文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取');

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), Math.max(0, buf.length - 22));
  if (eocd < 0 || eocd < buf.length - 22 - 65535) throw new ReadError('corrupt', 'Word文件已损坏或不完整（找不到压缩包目录，文件可能被截断）');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ReadError('too-large', 'Word文件过大（ZIP64格式），不像是年度报告');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt('压缩包目录不完整');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen)),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** What the central directory declares: refused here when the declared sizes are already too large. */
export function guardZip(bytes: Uint8Array, main: 'word/document.xml' | 'xl/workbook.xml' = 'word/document.xml'): ZipEntry[] {
  const entries = zipEntries(bytes);
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  const doc = entries.find((e) => e.name === main);
  if (!doc) throw new ReadError('unsupported', main === 'word/document.xml' ? '压缩文件中没有Word正文（不是.docx文档）' : '压缩文件中没有Excel工作簿（不是.xlsx文件）');
  const declaredBomb = entries.some((e) => e.uncompressed > 10 * 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > 200);
  if (total > LIMITS.maxUnzippedBytes || doc.uncompressed > LIMITS.maxDocumentXmlBytes || declaredBomb) throw bomb();
  return entries;
}

/** The file object mammoth reads parts through (its `{ file }` input): exists and read. */
export interface ZipParts {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  /** Bytes inflated so far. */
  readonly inflated: number;
}

/**
 * The parts of a checked ZIP, each inflated when first read. One part may inflate to at most
 * maxDocumentXmlBytes and all parts read together to maxUnzippedBytes. A part is first inflated
 * only to be counted, holding nothing, and stopped past the budget (the file is refused as a
 * bomb); only a part within the budget is inflated to be read.
 */
export function zipParts(bytes: Uint8Array, budget = { part: LIMITS.maxDocumentXmlBytes, total: LIMITS.maxUnzippedBytes }, main?: 'xl/workbook.xml'): ZipParts {
  const entries = new Map(guardZip(bytes, main).map((e) => [e.name, e]));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  const inflate = async (e: ZipEntry): Promise<Uint8Array> => {
    const at = e.local;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw corrupt('压缩包中的文件头无效');
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    if (start + e.compressed > buf.length) throw corrupt('压缩包中的文件不完整');
    const data = buf.subarray(start, start + e.compressed);
    const cap = Math.min(budget.part, budget.total - inflated);
    if (e.method === 0) {
      if (data.length > cap) throw bomb();
      inflated += data.length;
      return data;
    }
    if (e.method !== 8) throw corrupt('压缩包使用了不支持的压缩方式');
    if ((await inflatedSize(data, cap)) > cap) throw bomb();
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
      throw corrupt('压缩数据无法解压');
    }
    inflated += out.length;
    return out;
  };
  return {
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      const e = entries.get(name);
      if (!e) throw corrupt('压缩包中缺少文件');
      const bytes = await inflate(e);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
    get inflated() {
      return inflated;
    },
  };
}

/** How many bytes raw deflate data inflates to, counted as it streams (nothing is kept), up to just past `cap`. */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const z = createInflateRaw();
    let n = 0;
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('error', () => resolve(n)); // damaged: the real inflate below says so
    z.on('end', () => resolve(n));
    z.end(data);
  });
}
