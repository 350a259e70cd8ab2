// Hostile files whose headers lie about how large their compressed parts are, built in a few
// milliseconds: a .docx whose central directory declares 5,000 bytes for a document.xml that
// inflates to hundreds of megabytes, and PDFs whose bomb stream hides from a one-layer guard
// (a filter chain, an indirect /Filter, the filter named far from `stream`).
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { pdfFile } from './pdf-file.ts';

const MB = 1 << 20;

/**
 * Raw deflate of `mb` megabytes of one byte. One megabyte deflated with a full flush (which
 * resets the compressor and byte-aligns) is the same bytes every time, so it is repeated.
 */
export function deflatedRun(mb: number, byte = 0x20): Buffer {
  const one = deflateRawSync(Buffer.alloc(MB, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(mb).fill(one), Buffer.from([0x03, 0x00])]); // a final empty block
}

/** The same as a zlib stream (PDF's FlateDecode): header, raw deflate, Adler-32 worked out for the run. */
export function zlibRun(mb: number, byte = 0x20): Buffer {
  const n = BigInt(mb * MB);
  const c = BigInt(byte);
  const a = (1n + n * c) % 65521n;
  const b = (n + (c * n * (n + 1n)) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflatedRun(mb, byte), adler]);
}

/** A real .docx with its document.xml replaced by `mb` MB of spaces that the directory declares as 5,000 bytes. */
export function lyingDocx(docx: Uint8Array, mb: number): Buffer {
  const src = Buffer.from(docx);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries(src)) {
    const nameLen = src.readUInt16LE(e.local + 26);
    const start = e.local + 30 + nameLen + src.readUInt16LE(e.local + 28);
    const lie = e.name === 'word/document.xml';
    const data = lie ? Buffer.concat([deflateRawSync('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>', { finishFlush: constants.Z_FULL_FLUSH }), deflatedRun(mb)]) : src.subarray(start, start + e.compressed);
    const name = Buffer.from(e.name);
    const head = (sig: number, size: number) => {
      const h = Buffer.alloc(size);
      h.writeUInt32LE(sig, 0);
      return h;
    };
    const local = head(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(lie ? 5000 : e.uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = head(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(lie ? 5000 : e.uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(centrals.length / 2, 8);
  eocd.writeUInt16LE(centrals.length / 2, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The central directory's entries (independent of the reader under test). */
function entries(zip: Buffer): { name: string; compressed: number; uncompressed: number; local: number }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out = [];
  for (let i = 0, p = zip.readUInt32LE(eocd + 16); i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLen = zip.readUInt16LE(p + 28);
    out.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLen), compressed: zip.readUInt32LE(p + 20), uncompressed: zip.readUInt32LE(p + 24), local: zip.readUInt32LE(p + 42) });
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * A one-page PDF whose content stream is `stream`, written with `dict` (the stream's dictionary
 * between << and >>, /Length added) and any `extra` objects (numbered from 5), with a correct
 * cross-reference table.
 */
export function pdfWith(dict: string, stream: Buffer, extra: string[] = []): Buffer {
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>'),
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream')]),
    ...extra.map((e) => Buffer.from(e, 'latin1')),
  ];
  return pdfFile(objects, { header: '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n' });
}

/** The three PDFs the fault campaign imported as reports: a bomb of `mb` MB behind a chain, an indirect filter, a distant filter name. */
export function hostilePdfs(mb: number): Record<string, Buffer> {
  const bomb = zlibRun(mb);
  return {
    'flate-chain.pdf': pdfWith('/Filter [/FlateDecode /FlateDecode]', deflateSync(bomb)),
    'indirect-filter.pdf': pdfWith('/Filter 5 0 R', bomb, ['/FlateDecode']),
    'distant-filter.pdf': pdfWith(`/Filter /FlateDecode /Note (${'x'.repeat(4000)})`, bomb),
  };
}

/**
 * LZW (PDF's LZWDecode, EarlyChange 1) of `mb` MB of one byte: the codes of a run are the byte,
 * then each new table entry in turn (each one byte longer), cleared before the table is full.
 */
export function lzwRun(mb: number, byte = 0x20): Buffer {
  const out: number[] = [];
  let acc = 0;
  let have = 0;
  const put = (code: number, bits: number) => {
    acc = (acc << bits) | code;
    have += bits;
    while (have >= 8) {
      out.push((acc >>> (have - 8)) & 0xff);
      have -= 8;
    }
    acc &= (1 << have) - 1;
  };
  let left = mb * MB;
  let bits = 9;
  while (left > 0) {
    put(256, bits); // a clear code is written at the width in use, and sets it back to 9
    bits = 9;
    put(byte, bits);
    left -= 1;
    for (let next = 258, len = 2; left > 0 && next < 4000; next++, len++) {
      // The decoder adds an entry as it reads each code and widens when the next one would not fit.
      if (next + 1 >= 1 << bits) bits++;
      put(next, bits);
      left -= len;
    }
  }
  put(257, bits);
  if (have) put(0, 8 - have);
  return Buffer.from(out);
}
