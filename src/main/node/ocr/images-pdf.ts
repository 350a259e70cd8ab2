// A folder of page photos or scans (页1.jpg, 页2.jpg … or scan_001.png …) becomes one report: the
// pictures are put, in their names' order, into one PDF of page pictures, which is then imported
// as any scanned PDF (kept as the report's original, read by OCR, shown page by page in 原文对照).
// A JPEG goes in as it is (DCTDecode); PNG and TIFF pages are stored deflated.
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { createRequire } from 'node:module';
import { ReadError } from '../import/readers/errors.ts';
import { imageKind } from './page-images.ts';

/** Page width in points (A4); the height follows each picture's proportions. */
const WIDTH = 595.28;

interface Picture {
  width: number;
  height: number;
  colour: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK';
  filter: 'DCTDecode' | 'FlateDecode';
  data: Uint8Array;
}

/** Names in page order: 页2 before 页10, scan_001 before scan_002. */
export const pageOrder = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

export function imagesToPdf(images: Uint8Array[]): Uint8Array {
  const pages = images.flatMap(picturesOf);
  if (!pages.length) throw new ReadError('empty', '文件夹中没有图片');
  const objects: (string | Uint8Array)[][] = [];
  const add = (...parts: (string | Uint8Array)[]) => objects.push(parts) + 2; // 1 and 2 are the catalog and the page tree
  const kids: number[] = [];
  for (const p of pages) {
    const h = Math.round(((WIDTH * p.height) / p.width) * 100) / 100;
    const img = add(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /${p.colour} /BitsPerComponent 8 /Filter /${p.filter} /Length ${p.data.length} >>\nstream\n`, p.data, '\nendstream');
    const draw = `q ${WIDTH} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const content = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${WIDTH} ${h}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  const all: (string | Uint8Array)[][] = [['<< /Type /Catalog /Pages 2 0 R >>'], [`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`], ...objects];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = chunks[0].length;
  const offsets: number[] = [];
  all.forEach((parts, i) => {
    offsets.push(at);
    for (const part of [`${i + 1} 0 obj\n`, ...parts, '\nendobj\n']) {
      const b = typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      chunks.push(b);
      at += b.length;
    }
  });
  const xref = [`xref\n0 ${all.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`), `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`].join('');
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

function picturesOf(bytes: Uint8Array): Picture[] {
  const kind = imageKind(bytes);
  if (kind === 'jpeg') return [jpegPicture(bytes)];
  if (kind === 'png') {
    let d: PNG;
    try {
      d = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      throw new ReadError('corrupt', '图片文件已损坏或格式无法识别');
    }
    return [rgbaPicture(d.data, d.width, d.height)];
  }
  if (kind === 'tiff') {
    const UTIF = createRequire(import.meta.url)('utif2') as typeof import('utif2');
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    try {
      return UTIF.decode(buf)
        .filter((ifd) => ifd.t256 && ifd.t257)
        .map((ifd) => {
          UTIF.decodeImage(buf, ifd);
          return rgbaPicture(UTIF.toRGBA8(ifd), ifd.width, ifd.height);
        });
    } catch {
      throw new ReadError('corrupt', 'TIFF文件已损坏或格式无法识别');
    }
  }
  throw new ReadError('unsupported', '文件夹中有不是图片的文件，不能作为一份报告的各页导入');
}

/** A JPEG's size and colours from its frame header (SOF); its bytes go in unchanged. */
function jpegPicture(b: Uint8Array): Picture {
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5] << 8) | b[i + 6];
      const width = (b[i + 7] << 8) | b[i + 8];
      const n = b[i + 9];
      return { width, height, colour: n === 1 ? 'DeviceGray' : n === 4 ? 'DeviceCMYK' : 'DeviceRGB', filter: 'DCTDecode', data: b };
    }
    i += 2 + len;
  }
  throw new ReadError('corrupt', 'JPEG图片已损坏，读不出图片大小');
}

function rgbaPicture(px: Uint8Array, width: number, height: number): Picture {
  let grey = true;
  for (let i = 0; i < px.length && grey; i += 4) grey = px[i] === px[i + 1] && px[i] === px[i + 2];
  const n = grey ? 1 : 3;
  const out = new Uint8Array(width * height * n);
  for (let i = 0, o = 0; i < px.length; i += 4) {
    // Transparent pixels over white paper.
    const a = px[i + 3] / 255;
    for (let c = 0; c < n; c++) out[o++] = Math.round(px[i + c] * a + 255 * (1 - a));
  }
  return { width, height, colour: grey ? 'DeviceGray' : 'DeviceRGB', filter: 'FlateDecode', data: deflateSync(out) };
}
