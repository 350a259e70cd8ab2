// A page image as grey levels, and the few operations the OCR needs on it. Pure code: the
// decoders (JPEG, PNG, TIFF, a PDF's page images) live in main and hand over this form.

/** 8-bit grey, row-major, 0 = black. `dpi` says how big the page was (72 points to the inch). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
  dpi: number;
}

export function gray(width: number, height: number, dpi: number, fill = 255): Gray {
  return { width, height, data: new Uint8Array(width * height).fill(fill), dpi };
}

/**
 * Interleaved pixels with 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) channels to grey; alpha
 * over white. `dropRed`: the red channel alone, in which a red seal (公章) is as light as the paper
 * and black ink stays black: the page's rules and the table's digits are read through the seal.
 */
export function toGray(px: ArrayLike<number>, width: number, height: number, channels: number, dpi: number, dropRed = false): Gray {
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    let g: number;
    if (channels >= 3) g = dropRed ? px[p] : (px[p] * 299 + px[p + 1] * 587 + px[p + 2] * 114) / 1000;
    else g = px[p];
    const a = channels === 2 ? px[p + 1] : channels === 4 ? px[p + 3] : 255;
    out[i] = Math.round((g * a + 255 * (255 - a)) / 255);
  }
  return { width, height, data: out, dpi };
}

/** A rectangle of the image (clamped to it). */
export function crop(img: Gray, x0: number, y0: number, x1: number, y1: number): Gray {
  const l = Math.max(0, Math.floor(x0));
  const t = Math.max(0, Math.floor(y0));
  const r = Math.min(img.width, Math.ceil(x1));
  const b = Math.min(img.height, Math.ceil(y1));
  const w = Math.max(0, r - l);
  const h = Math.max(0, b - t);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(img.data.subarray((t + y) * img.width + l, (t + y) * img.width + l + w), y * w);
  return { width: w, height: h, data: out, dpi: img.dpi };
}

/** Whether a colour page has colour at all (a grey scan saved as RGB has none): sampled. */
export function hasColour(px: ArrayLike<number>, count: number, channels: number): boolean {
  if (channels < 3) return false;
  const step = Math.max(1, Math.floor(count / 20000));
  let coloured = 0;
  for (let i = 0; i < count; i += step) {
    const p = i * channels;
    if (Math.max(px[p], px[p + 1], px[p + 2]) - Math.min(px[p], px[p + 1], px[p + 2]) > 60) coloured++;
  }
  return coloured > 20;
}

/** Bilinear resize. */
export function resize(img: Gray, width: number, height: number): Gray {
  const out = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = fx - x0;
      const a = img.data[y0 * img.width + x0] * (1 - wx) + img.data[y0 * img.width + x1] * wx;
      const b = img.data[y1 * img.width + x0] * (1 - wx) + img.data[y1 * img.width + x1] * wx;
      out[y * width + x] = Math.round(a * (1 - wy) + b * wy);
    }
  }
  return { width, height, data: out, dpi: (img.dpi * width) / img.width };
}

/** Rotate about the centre by `degrees` (counter-clockwise on screen), same size, white where nothing maps. */
export function rotate(img: Gray, degrees: number): Gray {
  if (Math.abs(degrees) < 0.01) return img;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const out = new Uint8Array(img.width * img.height).fill(255);
  for (let y = 0; y < img.height; y++) {
    const dy = y - cy;
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      // The source pixel that lands here.
      const v = sample(img, cos * dx - sin * dy + cx, sin * dx + cos * dy + cy);
      if (v >= 0) out[y * img.width + x] = v;
    }
  }
  return { ...img, data: out };
}

/** Otsu's threshold: the grey level that best splits ink from paper. */
export function otsu(img: Gray): number {
  const hist = new Array<number>(256).fill(0);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
  const total = img.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let at = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      at = t;
    }
  }
  return at;
}

/** Ink as 1, paper as 0. Uneven light (a photo, a fold's shadow) is evened by comparing each pixel with its neighbourhood's mean. */
export function binarize(img: Gray): Uint8Array {
  const { width: w, height: h, data } = img;
  const global = otsu(img);
  // Integral image for the local mean (a window about a fifth of an inch).
  const r = Math.max(8, Math.round(img.dpi / 5));
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x];
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const t = Math.max(0, y - r);
    const b = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const l = Math.max(0, x - r);
      const rr = Math.min(w, x + r + 1);
      const n = (b - t) * (rr - l);
      const s = integral[b * (w + 1) + rr] - integral[t * (w + 1) + rr] - integral[b * (w + 1) + l] + integral[t * (w + 1) + l];
      const v = data[y * w + x];
      // Darker than its surroundings by a margin, and not paper by the page's own measure.
      out[y * w + x] = v < (s / n) * 0.85 && v < Math.max(global, 200) ? 1 : 0;
    }
  }
  return out;
}

/**
 * Ink as 1 against the paper nearby: the lightest grey within about a sixth of an inch. A faint
 * rule (a photo's blur, a scanner's threshold, a web page's light grey) stays ink beside dark text
 * or a dark rule, which pull a neighbourhood's mean down (binarize) but not its paper.
 */
export function inkAgainstPaper(img: Gray, ratio = 0.85): Uint8Array {
  const { width: w, height: h, data } = img;
  const B = Math.max(4, Math.round(img.dpi / 12));
  const bw = Math.ceil(w / B);
  const bh = Math.ceil(h / B);
  const block = new Uint8Array(bw * bh);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / B) * bw;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x];
      const i = row + Math.floor(x / B);
      if (v > block[i]) block[i] = v;
    }
  }
  // The paper at each block: the lightest of it and its eight neighbours.
  const paper = new Uint8Array(bw * bh);
  for (let by = 0; by < bh; by++)
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const y = by + dy;
          const x = bx + dx;
          if (y >= 0 && y < bh && x >= 0 && x < bw && block[y * bw + x] > m) m = block[y * bw + x];
        }
      paper[by * bw + bx] = m;
    }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / B) * bw;
    for (let x = 0; x < w; x++) {
      const p = paper[row + Math.floor(x / B)];
      const v = data[y * w + x];
      out[y * w + x] = v < p * ratio && p - v > 24 ? 1 : 0;
    }
  }
  return out;
}

/** The grey at a point between pixels (bilinear), or -1 outside the picture. */
export function sample(img: Gray, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= img.width - 1 || y0 >= img.height - 1) return -1;
  const wx = x - x0;
  const wy = y - y0;
  const i = y0 * img.width + x0;
  const top = img.data[i] * (1 - wx) + img.data[i + 1] * wx;
  const bot = img.data[i + img.width] * (1 - wx) + img.data[i + img.width + 1] * wx;
  return Math.round(top * (1 - wy) + bot * wy);
}
