// 附原文截图: the crops of originals under a notice's findings in the .docx. Main has no canvas:
// the notice's own print page draws them (pdf.js for a PDF's page, the picture of a scan; see
// renderer/components/OriginalCrops.tsx) and main reads them back from it (Platform.sheetPictures).
// What a page hands over is checked like any input: a PNG by its signature and header, bounded
// in bytes and pixels, for a finding the notice lists.
import { z } from 'zod';
import { SHEET_ROUTES } from '../../../shared/print-page.ts';
import type { Notice } from '../../../shared/report/notice.ts';
import type { ServiceContext } from './context.ts';

export interface NoticePicture {
  png: Uint8Array;
  /** Pixels of the PNG. */
  pixels: { width: number; height: number };
  /** Its width in points of the original page (as large as printed there). */
  width: number;
  caption: string;
}

/** Bounds on what a page may hand over: a crop at 180 dpi of an A3 page is well inside. */
export const PICTURE_LIMITS = { bytes: 8 * 1024 * 1024, pixels: 6000, count: 120 } as const;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

const sent = z
  .array(
    z.object({
      key: z.string().max(2000),
      caption: z.string().max(200),
      width: z.number().finite().min(1).max(3000),
      data: z.string().max(Math.ceil((PICTURE_LIMITS.bytes * 4) / 3) + 64),
    }),
  )
  .max(PICTURE_LIMITS.count);

/** A PNG's width and height from its header, or null when the bytes are not a PNG. */
export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 33 || PNG_SIGNATURE.some((x, i) => b[i] !== x)) return null;
  // The first chunk is IHDR: its length (13), its type, then width and height, big-endian.
  if (String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/**
 * The pictures a page handed over, by the finding (its findingKey) they stand under: only for
 * the notice's findings, only PNGs within the limits. `dropped` counts what was refused.
 */
export function acceptPictures(raw: unknown, n: Notice): { byKey: Map<string, NoticePicture[]>; dropped: number } {
  const parsed = sent.safeParse(raw);
  if (!parsed.success) return { byKey: new Map(), dropped: Array.isArray(raw) ? raw.length : 1 };
  const keys = new Set(n.items.map((i) => i.key));
  const byKey = new Map<string, NoticePicture[]>();
  let dropped = 0;
  for (const p of parsed.data) {
    const m = DATA_URL.exec(p.data);
    const png = m ? new Uint8Array(Buffer.from(m[1], 'base64')) : null;
    const pixels = png ? pngSize(png) : null;
    const fits = !!png && png.length <= PICTURE_LIMITS.bytes && !!pixels && pixels.width > 0 && pixels.height > 0 && pixels.width <= PICTURE_LIMITS.pixels && pixels.height <= PICTURE_LIMITS.pixels;
    if (!fits || !keys.has(p.key)) {
      dropped++;
      continue;
    }
    byKey.set(p.key, [...(byKey.get(p.key) ?? []), { png: png!, pixels: pixels!, width: p.width, caption: p.caption }]);
  }
  return { byKey, dropped };
}

/** The crops of the notice's findings, drawn by its print page (the same the PDF shows). */
export async function noticePictures({ platform }: ServiceContext, id: number, n: Notice, deadline?: string) {
  if (!platform.sheetPictures) throw new Error('无法生成原文截图：本机不能打开打印页面');
  return acceptPictures(await platform.sheetPictures(SHEET_ROUTES.notice(id, deadline, true)), n);
}
