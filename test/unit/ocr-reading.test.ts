// The OCR's pure parts on real pages: a scan of the corpus, printed and fed askew at 200 dpi
// (test/fixtures/scan/pdf-200-skew, each page's rotation recorded when it was made), is
// straightened by the angle the ink gives and its 表三 grid found from the ruling lines in the
// picture; the recogniser's output decoded with each character's probability and second choice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imagePages, pdfPageImages, type PageImage } from '../../src/main/node/ocr/page-images.ts';
import { findTables } from '../../src/shared/doc/grid.ts';
import { asDigits, decodeCtc, digitCandidates } from '../../src/shared/ocr/ctc.ts';
import { skewAngle } from '../../src/shared/ocr/deskew.ts';
import { apply, pageQuad, warpPage } from '../../src/shared/ocr/perspective.ts';
import { binarize, inkAgainstPaper, rotate } from '../../src/shared/ocr/raster.ts';
import { lostRules } from '../../src/shared/ocr/lost-rules.ts';
import { findRulings } from '../../src/shared/ocr/rulings.ts';

const SCAN = new URL('../fixtures/scan/pdf-200-skew/pt-jjp-2021.pdf', import.meta.url).pathname;
const facts = JSON.parse(readFileSync(SCAN.replace(/\.pdf$/, '.json'), 'utf8')) as { rotation: number[]; dpi: number };

async function pages(): Promise<PageImage[]> {
  const out: PageImage[] = [];
  for await (const p of pdfPageImages(new Uint8Array(readFileSync(SCAN)))) if (p) out.push(p);
  return out;
}

describe('a scanned page', () => {
  it('is straightened by the angle its ink gives, within 0.1° of how far it was turned', async () => {
    const ps = await pages();
    expect(ps).toHaveLength(facts.rotation.length);
    expect(Math.round(ps[0].img.dpi)).toBe(facts.dpi);
    ps.forEach((p, i) => expect(Math.abs(skewAngle(p.img) - facts.rotation[i]), `第${i + 1}页`).toBeLessThan(0.1));
  }, 60_000);

  it('gives its ruling lines, and 表三 as a grid of 9 columns, once straightened', async () => {
    const p = (await pages())[3];
    const grids = (img: typeof p.img) => findTables([], findRulings(binarize(img), img.width, img.height, img.dpi), (img.width * 72) / img.dpi, { empty: true });
    const straight = rotate(p.img, -skewAngle(p.img));
    const t3 = grids(straight).find((t) => t.rows.length >= 20);
    expect(t3, '表三').toBeDefined();
    expect(Math.max(...t3!.rows.map((r) => r.length))).toBe(9);
  }, 60_000);
});

const STAMPED = new URL('../fixtures/scan/stamp/pt-zrz-2022.pdf', import.meta.url).pathname;

describe('a page with a seal pressed over 表三’s header', () => {
  it('has the column rules the seal broke mended: the label, 自然人 and 总计 stay cells of their own', async () => {
    let n = 0;
    let page: PageImage | null = null;
    for await (const p of pdfPageImages(new Uint8Array(readFileSync(STAMPED)))) if (++n === 3) page = p;
    // As read-scan.ts reads it: straightened, its rules from the red channel (where the seal's red drops out).
    const angle = skewAngle(page!.img);
    const cells = rotate(page!.dropout!, -angle);
    const t3 = findTables([], findRulings(binarize(cells), cells.width, cells.height, cells.dpi, undefined, inkAgainstPaper(cells)), (cells.width * 72) / cells.dpi, { empty: true }).find((t) => t.rows.length >= 20);
    expect(t3, '表三').toBeDefined();
    const [label, applicants] = t3!.rows[0];
    // The table's label cell spans its three left columns and three header rows, no further right.
    expect(label.colSpan).toBe(3);
    expect(label.rowSpan).toBe(3);
    expect(applicants.colSpan).toBe(7);
    // Second header row: 自然人 (two rows high), 法人或其他组织 (five columns), 总计 (two rows high).
    expect(t3!.rows[1].map((c) => [c.colSpan, c.rowSpan])).toEqual([[1, 2], [5, 1], [1, 2]]);
    // 本年新收: its label and the eight numbers' cells, 总计 last.
    expect(t3!.rows[3]).toHaveLength(8);
  }, 60_000);
});

const PHOTO = new URL('../fixtures/scan/photo/pt-gwh-2022/', import.meta.url).pathname;
const shots = (JSON.parse(readFileSync(PHOTO.replace(/\/$/, '.json'), 'utf8')) as { files: string[]; shots: { quad: [number, number][] }[] });
const photo = (i: number) => [...imagePages(new Uint8Array(readFileSync(PHOTO + shots.files[i]))).images()][0];

describe('a page photographed at an angle', () => {
  it('has its four corners found within 4 px of where the camera put them; a scan, whose paper fills the picture, has none', async () => {
    shots.files.forEach((_, i) => {
      const q = pageQuad(photo(i).img);
      expect(q, `第${i + 1}页`).not.toBeNull();
      q!.forEach((c, k) => expect(Math.hypot(c[0] - shots.shots[i].quad[k][0], c[1] - shots.shots[i].quad[k][1]), `第${i + 1}页 角${k + 1}`).toBeLessThan(4));
    });
    for (const p of await pages()) expect(pageQuad(p.img)).toBeNull();
  }, 60_000);

  it('made a rectangle again, gives 表二’s first block as 3 rows × 4 columns, its faded rules found, and maps its corners back to the photo', () => {
    const p = photo(1);
    const q = pageQuad(p.img)!;
    const flat = warpPage(p.img, q);
    const img = rotate(flat.img, -skewAngle(flat.img));
    const segs = findRulings(binarize(img), img.width, img.height, img.dpi, undefined, inkAgainstPaper(img));
    const grids = findTables([], segs, (img.width * 72) / img.dpi, { empty: true });
    // The first grid on the page: 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数, then 规章 and 行政规范性文件.
    expect(grids[0].rows.map((r) => r.length)).toEqual([4, 4, 4]);
    const [x, y] = apply(flat.H, flat.img.width, flat.img.height);
    expect(Math.hypot(x - q[2][0], y - q[2][1])).toBeLessThan(1);
  }, 60_000);
});

describe('the recogniser\'s output', () => {
  const dict = ['8', '3', '0', 'O', '6', '元'];
  // Classes: 0 blank, then the dictionary's entries in order.
  const steps = (...rows: number[][]) => rows.flat();
  const at = (cls: number, p: number, second?: [number, number]) => {
    const row = new Array(dict.length + 1).fill(0);
    row[cls] = p;
    if (second) row[second[0]] = second[1];
    const rest = 1 - row.reduce((s: number, x: number) => s + x, 0);
    if (rest > 0) row[0] += rest;
    return row;
  };

  it('collapses repeats, keeps each character\'s probability and the engine\'s second choice', () => {
    const t = decodeCtc(steps(at(1, 0.97), at(1, 0.99), at(0, 1), at(2, 0.6, [1, 0.35]), at(0, 1)), 5, dict.length + 1, dict);
    expect(t.text).toBe('83');
    expect(t.chars[0].p).toBeCloseTo(0.99);
    expect(t.chars[1].alt).toEqual({ ch: '8', p: 0.35 });
    expect(t.conf).toBeCloseTo(0.6);
    expect(digitCandidates(t)).toEqual(['88']);
  });

  it('counts a digit\'s look-alikes as the digit (0 and O are one glyph to the eye)', () => {
    const t = decodeCtc(steps(at(4, 0.5, [3, 0.45]), at(0, 1)), 2, dict.length + 1, dict);
    expect(t.text).toBe('O');
    expect(t.conf).toBeCloseTo(0.95);
    expect(asDigits(t.text)).toBe('0');
    expect(asDigits('1O5')).toBe('105');
    expect(asDigits('元')).toBeNull();
    expect(asDigits('OK')).toBeNull();
  });
});

describe('a table whose rules the scan lost (a 1-bit scan keeps its frame and a few column rules)', () => {
  // 72 dpi: a pixel is a point. A frame 20..420 × 20..200, one column rule kept at x 200; two rows
  // of text in each of three columns (label, a number left of a lost rule at 300, a number after it).
  const W = 440;
  const H = 220;
  const ink = new Uint8Array(W * H);
  const box = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) ink.fill(1, y * W + x0, y * W + x1);
  };
  box(20, 20, 421, 21);
  box(20, 200, 421, 201);
  box(20, 20, 21, 201);
  box(420, 20, 421, 201);
  box(200, 20, 201, 201);
  // Text: 10 px high glyphs in rows at 40, 80, 120 (the label "五 六" wraps a row's text; here one line a row).
  const glyphs = (x: number, y: number, n: number) => {
    for (let i = 0; i < n; i++) box(x + i * 10, y, x + i * 10 + 9, y + 10);
  };
  for (const y of [40, 80, 120, 160]) {
    glyphs(30, y, 6);
    glyphs(210, y, 2);
    glyphs(320, y, 1);
  }
  const rules = findRulings(ink, W, H, 72, 18);

  it('rebuilds a rule in each gap between rows and the column rule where every row has a blank column', () => {
    const out = lostRules(ink, W, 72, [20, 20, 420, 200], rules);
    const rows = [...new Set(out.filter((s) => s.y0 === s.y1).map((s) => Math.round(s.y0)))].sort((a, b) => a - b);
    expect(rows).toHaveLength(3);
    for (const [y, between] of rows.map((y, i) => [y, [50, 90, 130][i] + 15] as const)) expect(Math.abs(y - between)).toBeLessThanOrEqual(3);
    const cols = out.filter((s) => s.x0 === s.x1);
    // The lost column rule between the two numbers (229..320): in all four rows, nowhere through a number.
    expect(new Set(cols.map((s) => Math.round(s.x0))).size).toBe(1);
    expect(cols[0].x0).toBeGreaterThan(229);
    expect(cols[0].x0).toBeLessThan(320);
    expect(cols).toHaveLength(4);
    // The table then reads as 4 rows × 3 columns.
    const [t] = findTables([], [...rules, ...out], W, { empty: true });
    expect(t.rows.length).toBe(4);
    expect(t.rows.every((r) => r.length === 3)).toBe(true);
  });
});
