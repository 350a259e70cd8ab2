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
