// Reads a .docx's ZIP central directory before anything unpacks it, so a decompression
// bomb or a truncated file is refused without inflating a byte.
import { LIMITS, ReadError } from './errors.ts';

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

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
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ReadError('corrupt', 'Word文件已损坏（压缩包目录不完整）');
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function guardZip(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) throw new ReadError('unsupported', '压缩文件中没有Word正文（不是.docx文档）');
  const bomb = entries.some((e) => e.uncompressed > 10 * 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > 200);
  if (total > LIMITS.maxUnzippedBytes || doc.uncompressed > LIMITS.maxDocumentXmlBytes || bomb)
    throw new ReadError('bomb', '文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取');
}
