// A page photographed at an angle: its four edges found against the desk around it, and the page
// warped to a rectangle (a homography), so that the table's rules are straight and parallel again
// before the page is deskewed and its grid found. A scan (the paper fills the picture, no desk on
// some side) is left as it is. Pure code.
import { type Gray, otsu, sample } from './raster.ts';

export type Point = [number, number];
/** Corners clockwise from the top-left: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];
/** Maps (u, v) to ((h0 u + h1 v + h2) / w, (h3 u + h4 v + h5) / w), w = h6 u + h7 v + 1. */
export type Homography = readonly number[];

/** A line x = a·t + b along the page's side (t is y for a left or right edge, x for a top or bottom one). */
interface Edge {
  a: number;
  b: number;
}

/**
 * The page's quadrilateral in a photo, or null where the picture is no photo of a page on a
 * darker ground: an edge not found on every side (a scan, the paper running off the picture),
 * sides that are no straight lines, or a page already square to the picture (deskew is enough).
 */
export function pageQuad(img: Gray): Quad | null {
  const { width: w, height: h, data } = img;
  const t = otsu(img);
  // The paper and the ground must differ clearly; a plain scan's "ground" is its ink.
  let paper = 0;
  let ground = 0;
  let np = 0;
  let ng = 0;
  for (let i = 0; i < data.length; i += 7) {
    if (data[i] > t) {
      paper += data[i];
      np++;
    } else {
      ground += data[i];
      ng++;
    }
  }
  if (!np || !ng || np < ng || paper / np - ground / ng < 50) return null;
  const at = (x: number, y: number) => data[y * w + x] > t;
  // An edge is where a run of paper begins that goes on for a fortieth of the picture: a
  // bright speck on the desk is no page, text near the page's edge does not end the paper.
  const run = Math.max(8, Math.round(Math.min(w, h) / 40));
  const from = (len: number, pixel: (i: number) => boolean): number | null => {
    let n = 0;
    for (let i = 0; i < len; i++) {
      if (pixel(i)) {
        if (++n >= run) return i - run + 1 > 1 ? i - run + 1 : null;
      } else n = 0;
    }
    return null;
  };
  const samples = 60;
  const side = (across: number, along: number, pixel: (t: number, i: number) => boolean): Edge | null => {
    const pts: Point[] = [];
    for (let k = 0; k < samples; k++) {
      const t0 = Math.round(along * (0.15 + (0.7 * k) / (samples - 1)));
      const i = from(across, (i) => pixel(t0, i));
      if (i !== null) pts.push([t0, i]);
    }
    return fitEdge(pts, samples, Math.max(2, across / 300));
  };
  const left = side(w, h, (y, i) => at(i, y));
  const right = side(w, h, (y, i) => at(w - 1 - i, y));
  const top = side(h, w, (x, i) => at(x, i));
  const bottom = side(h, w, (x, i) => at(x, h - 1 - i));
  if (!left || !right || !top || !bottom) return null;
  // x = a·y + b on the left and right (right measured from the picture's right edge), y = a·x + b on the top and bottom.
  const L: Edge = left;
  const R: Edge = { a: -right.a, b: w - 1 - right.b };
  const T: Edge = top;
  const B: Edge = { a: -bottom.a, b: h - 1 - bottom.b };
  const corner = (v: Edge, hz: Edge): Point => {
    // x = v.a·y + v.b, y = hz.a·x + hz.b
    const y = (hz.a * v.b + hz.b) / (1 - hz.a * v.a);
    return [v.a * y + v.b, y];
  };
  const q: Quad = [corner(L, T), corner(R, T), corner(R, B), corner(L, B)];
  if (q.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y) || x < -w * 0.05 || y < -h * 0.05 || x > w * 1.05 || y > h * 1.05)) return null;
  // A page of less than a third of the picture is no page photographed to be read.
  if (area(q) < (w * h) / 3) return null;
  return q;
}

/** The edge through the points (t, i): least squares, the points far from it dropped, fitted again. Null if too few fit. */
function fitEdge(pts: Point[], samples: number, tolerance: number): Edge | null {
  let use = pts;
  for (let round = 0; round < 3; round++) {
    if (use.length < samples / 2) return null;
    const n = use.length;
    const st = use.reduce((s, p) => s + p[0], 0);
    const si = use.reduce((s, p) => s + p[1], 0);
    const stt = use.reduce((s, p) => s + p[0] * p[0], 0);
    const sti = use.reduce((s, p) => s + p[0] * p[1], 0);
    const d = n * stt - st * st;
    if (!d) return null;
    const a = (n * sti - st * si) / d;
    const b = (si - a * st) / n;
    const res = pts.map((p) => Math.abs(p[1] - (a * p[0] + b)));
    const sorted = [...res].sort((x, y) => x - y);
    // Keep what lies near the line: the page's edge, not a shadow or a pen on the desk.
    const cut = Math.max(tolerance, sorted[Math.floor(sorted.length * 0.6)] * 3);
    const next = pts.filter((_, k) => res[k] <= cut);
    if (round === 2 || next.length === use.length) return next.length >= samples / 2 && Math.abs(a) < 0.3 ? { a, b } : null;
    use = next;
  }
  return null;
}

function area(q: Quad): number {
  let s = 0;
  for (let i = 0; i < 4; i++) s += q[i][0] * q[(i + 1) % 4][1] - q[(i + 1) % 4][0] * q[i][1];
  return Math.abs(s) / 2;
}

/** Whether the quad is (nearly) an upright rectangle already: warping would gain nothing. */
export function isSquare(q: Quad, width: number): boolean {
  const tol = width / 400;
  return Math.abs(q[0][1] - q[1][1]) < tol && Math.abs(q[3][1] - q[2][1]) < tol && Math.abs(q[0][0] - q[3][0]) < tol && Math.abs(q[1][0] - q[2][0]) < tol;
}

/** The homography taking the rectangle's corners (0,0), (w,0), (w,h), (0,h) to the quad's. */
export function rectToQuad(q: Quad, w: number, h: number): Homography {
  const src: Point[] = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  const A: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [u, v] = src[i];
    const [x, yy] = q[i];
    A.push([u, v, 1, 0, 0, 0, -u * x, -v * x]);
    y.push(x);
    A.push([0, 0, 0, u, v, 1, -u * yy, -v * yy]);
    y.push(yy);
  }
  return solve(A, y);
}

export function apply(H: Homography, u: number, v: number): Point {
  const d = H[6] * u + H[7] * v + 1;
  return [(H[0] * u + H[1] * v + H[2]) / d, (H[3] * u + H[4] * v + H[5]) / d];
}

/** Gaussian elimination with partial pivoting (8 unknowns). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((r, i) => r[n] / r[i]);
}

/**
 * The page inside the quad as an upright rectangle: as wide as its top and bottom edges on
 * average, as high as its sides. Its resolution: an A4 page's short side (8.27 in) across the
 * rectangle's short side, for a photo's pixels say nothing of inches. `H` maps a pixel of the
 * rectangle back to the photo (for the boxes of 原文对照).
 */
export function warpPage(img: Gray, q: Quad, also?: Gray): { img: Gray; also?: Gray; H: Homography } {
  const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const w = Math.round((dist(q[0], q[1]) + dist(q[3], q[2])) / 2);
  const h = Math.round((dist(q[0], q[3]) + dist(q[1], q[2])) / 2);
  const H = rectToQuad(q, w, h);
  const dpi = Math.min(w, h) / 8.27;
  const warp = (src: Gray): Gray => {
    const out = new Uint8Array(w * h).fill(255);
    for (let v = 0; v < h; v++)
      for (let u = 0; u < w; u++) {
        const [fx, fy] = apply(H, u + 0.5, v + 0.5);
        const g = sample(src, fx - 0.5, fy - 0.5);
        if (g >= 0) out[v * w + u] = g;
      }
    return { width: w, height: h, data: out, dpi };
  };
  return { img: warp(img), ...(also ? { also: warp(also) } : {}), H };
}
