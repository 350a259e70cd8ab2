// A scanned page is rarely straight (0.5–2° is common, a photo more). Text lines and table rules
// are horizontal on the page, so the angle that makes the ink's row profile sharpest is the
// page's skew: straighten by it before looking for rules or cells.
import { binarize, type Gray, resize } from './raster.ts';

/** How far the page's content is turned (degrees, counter-clockwise): `rotate` by its negative straightens it; 0 when nothing is found. */
export function skewAngle(img: Gray, maxDegrees = 4): number {
  // Measured on a small copy: a tenth of a degree is 2 px across 1,000.
  const scale = Math.min(1, 1000 / img.width);
  const small = scale < 1 ? resize(img, Math.round(img.width * scale), Math.round(img.height * scale)) : img;
  const ink = binarize(small);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < small.height; y++)
    for (let x = 0; x < small.width; x++)
      if (ink[y * small.width + x]) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 200) return 0;
  const step = Math.max(1, Math.floor(xs.length / 80000));
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (let i = 0; i < xs.length; i += step) {
      const b = Math.round(ys[i] + xs[i] * t);
      bins.set(b, (bins.get(b) ?? 0) + 1);
    }
    let s = 0;
    for (const n of bins.values()) s += n * n;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDegrees; d <= maxDegrees + 1e-9; d += 0.2) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  for (let d = best - 0.2; d <= best + 0.2 + 1e-9; d += 0.02) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}
