// The page images of a scan: a PDF of page pictures (pdf.js decodes them, JPEG included, with no
// canvas), a JPEG or PNG, a TIFF of one or several pages. Each page comes as grey with its
// resolution, and for a PDF where the picture stands on the page (so that a box found on the
// picture is a box on the PDF page, for 原文对照).
import { createRequire } from 'node:module';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { type Gray, hasColour, toGray } from '../../../shared/ocr/raster.ts';
import { LIMITS, ReadError } from '../import/readers/errors.ts';
import { assets, loadPdfjs } from '../import/readers/pdf.ts';
import { IDENTITY, times } from '../import/readers/pdf-rules.ts';

export interface PageImage {
  img: Gray;
  /** A colour page's red channel: a red seal drops out of it (the rules and the table's digits are read from it). */
  dropout?: Gray;
  /** Where the picture's top-left corner stands on the PDF page (points from the top-left); 0,0 for an image file. */
  offset: [number, number];
}

/** Pixels a page may have (a 400 dpi A4 page is 15.5 million): more is no office scan, and would not fit the memory bound. */
const MAX_PIXELS = 40_000_000;
/** A photo or an image without a usable resolution: taken as an A4 page's width. */
const A4_WIDTH_IN = 8.27;

const tooLarge = (w: number, h: number) => {
  if (w * h > MAX_PIXELS) throw new ReadError('too-large', `图片过大（${w}×${h}像素），无法识别`);
};

export type ImageKind = 'jpeg' | 'png' | 'tiff';

/** What an image file is, by its first bytes (never by its name). */
export function imageKind(b: Uint8Array): ImageKind | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  return null;
}

/** The pages of an image file (a TIFF may hold several), decoded one at a time. */
export function imagePages(bytes: Uint8Array): { count: number; images: () => Generator<PageImage> } {
  const kind = imageKind(bytes);
  const page = (img: Gray, dropout?: Gray): PageImage => ({ img, ...(dropout ? { dropout } : {}), offset: [0, 0] });
  const dpiOf = (w: number) => w / A4_WIDTH_IN;
  const fromRgba = (px: Uint8Array, w: number, h: number) =>
    page(toGray(px, w, h, 4, dpiOf(w)), hasColour(px, w * h, 4) ? toGray(px, w, h, 4, dpiOf(w), true) : undefined);
  const damaged = (e: unknown) => (e instanceof ReadError ? e : new ReadError('corrupt', '图片文件已损坏或格式无法识别'));
  if (kind === 'jpeg' || kind === 'png')
    return {
      count: 1,
      *images() {
        try {
          if (kind === 'jpeg') {
            const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
            yield fromRgba(d.data, d.width, d.height);
          } else {
            const d = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
            tooLarge(d.width, d.height);
            yield fromRgba(d.data, d.width, d.height);
          }
        } catch (e) {
          throw damaged(e);
        }
      },
    };
  if (kind === 'tiff') {
    const UTIF = createRequire(import.meta.url)('utif2') as typeof import('utif2');
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    let ifds: ReturnType<typeof UTIF.decode>;
    try {
      ifds = UTIF.decode(buf).filter((ifd) => ifd.t256 && ifd.t257);
    } catch (e) {
      throw damaged(e);
    }
    if (!ifds.length) throw new ReadError('corrupt', 'TIFF文件中没有图像');
    if (ifds.length > LIMITS.maxPdfPages) throw new ReadError('too-large', `TIFF页数过多（${ifds.length}页），不像是年度报告`);
    return {
      count: ifds.length,
      *images() {
        for (const ifd of ifds) {
          try {
            tooLarge(Number((ifd.t256 as number[])[0]), Number((ifd.t257 as number[])[0]));
            UTIF.decodeImage(buf, ifd);
            const rgba = UTIF.toRGBA8(ifd);
            ifd.data = new Uint8Array(0); // the page's pixels are not kept once grey
            yield fromRgba(rgba, ifd.width, ifd.height);
          } catch (e) {
            throw damaged(e);
          }
        }
      },
    };
  }
  throw new ReadError('unsupported', '不是可识别的图片文件');
}

/** A scanned PDF's page pictures, one page at a time (null for a page without one). */
export async function* pdfPageImages(bytes: Uint8Array): AsyncGenerator<PageImage | null> {
  const { getDocument, OPS } = await loadPdfjs();
  const task = getDocument({ data: new Uint8Array(bytes), ...assets(), cMapPacked: true, disableFontFace: true, useSystemFonts: false, verbosity: 0, isOffscreenCanvasSupported: false });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) yield await pdfPageImage(doc, n, OPS as unknown as Record<string, number>);
  } finally {
    await task.destroy();
  }
}

type PdfDoc = { numPages: number; getPage(n: number): Promise<PdfPage> };
type PdfPage = {
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  objs: { get(name: string, cb: (v: unknown) => void): void };
  cleanup(): void;
};

/**
 * The largest picture of a PDF page, as grey, with the resolution it is printed at and where it
 * stands. Pages made of strips or with no picture give null.
 */
export async function pdfPageImage(doc: PdfDoc, n: number, OPS: Record<string, number>): Promise<PageImage | null> {
  const page = await doc.getPage(n);
  const [vx0, , , vy1] = page.view;
  const list = await page.getOperatorList();
  let ctm = IDENTITY;
  const stack: number[][] = [];
  let best: { name: string; w: number; h: number; ctm: number[] } | null = null;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = times(args as number[], ctm);
    else if (fn === OPS.paintImageXObject) {
      const [name, w, h] = args as [string, number, number];
      if (!best || w * h > best.w * best.h) best = { name, w, h, ctm };
    }
  }
  if (!best) {
    page.cleanup();
    return null;
  }
  tooLarge(best.w, best.h);
  const name = best.name;
  const data = (await new Promise<unknown>((res) => page.objs.get(name, res))) as { width: number; height: number; kind: number; data: Uint8Array } | null;
  page.cleanup();
  if (!data?.data) return null;
  // pdf.js image kinds: 1 one bit per pixel, 2 RGB, 3 RGBA.
  let img: Gray;
  let dropout: Gray | undefined;
  if (data.kind === 1) {
    const out = new Uint8Array(data.width * data.height);
    const stride = Math.ceil(data.width / 8);
    for (let y = 0; y < data.height; y++)
      for (let x = 0; x < data.width; x++) out[y * data.width + x] = data.data[y * stride + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    img = { width: data.width, height: data.height, data: out, dpi: 0 };
  } else {
    const ch = data.kind === 3 ? 4 : 3;
    img = toGray(data.data, data.width, data.height, ch, 0);
    if (hasColour(data.data, data.width * data.height, ch)) dropout = toGray(data.data, data.width, data.height, ch, 0, true);
  }
  // The picture is drawn into the unit square under the CTM: its printed size gives the resolution.
  const [a, b, c, d, e, f] = best.ctm;
  const wPt = Math.hypot(a, b);
  img.dpi = wPt > 1 ? (data.width * 72) / wPt : data.width / A4_WIDTH_IN;
  if (dropout) dropout.dpi = img.dpi;
  // Its top-left corner: the unit square's (0, 1) point, in points from the page's top-left.
  const offset: [number, number] = [c + e - vx0, vy1 - (d + f)];
  return { img, ...(dropout ? { dropout } : {}), offset };
}
