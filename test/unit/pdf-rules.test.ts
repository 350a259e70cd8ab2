// Ruling lines read from a page's content streams by our own reader (pdf-rules.ts) instead of
// pdf.js's operator list: the same lines on real PDFs of every producer, a Form XObject's /Matrix
// applied, and the operator list used where the reader meets what it does not handle.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/shared/doc/grid.ts';
import { assets, loadPdfjs, readPdf, rules } from '../../src/main/node/import/readers/pdf.ts';
import { guardPdf } from '../../src/main/node/import/readers/pdf-guard.ts';
import { pageRules, rulingFallbacks } from '../../src/main/node/import/readers/pdf-rules.ts';

const fx = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));

/** Each page's lines by both readers: ours (null where it left the page to pdf.js) and the operator list's. */
async function bothReadings(bytes: Uint8Array): Promise<{ ours: Segment[] | null; theirs: Segment[] }[]> {
  const index = await guardPdf(bytes);
  const { getDocument } = await loadPdfjs();
  const task = getDocument({ data: new Uint8Array(bytes), ...assets(), cMapPacked: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const out = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [vx0, , , vy1] = page.view as number[];
      out.push({ ours: await pageRules(index, page.ref!.num, vx0, vy1), theirs: await rules(page, vx0, vy1) });
    }
    return out;
  } finally {
    await task.destroy();
  }
}

const rounded = (s: Segment[]) => s.map((x) => [x.x0, x.y0, x.x1, x.y1].map((v) => Math.round(v * 100) / 100));

/** A one-page PDF (595 × 842) from objects 3…: 1 is the catalog, 2 the page tree, `page` the page's own entries. */
function makePdf(page: string, objects: string[], extra = ''): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${3 + objects.length} 0 R] /Count 1 >>`, ...objects, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${page} >>`];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  out += extra;
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

describe('ruling lines from the content stream', () => {
  it('gives the grid the lines pdf.js’s operator list gives, page by page, on PDFs of every producer', async () => {
    const files = [
      'pdf/chromium/pt-gwh-2022-report.pdf',
      'pdf/chromium/pt-zrz-2022-form.pdf',
      'pdf/lo-portrait/pt-jjp-2021.pdf',
      'pdf/lo-landscape/pt-lyy-2024.pdf',
      'pdf/lo-narrow/x-seed-ningbo-bl-2020.pdf',
      'pdf/lo-wide/x-huaian-szf-2024.pdf',
      'pdf/lo-pagebreak/pt-zrz-2022.pdf',
      'pdf/lo-clipped/pt-gwh-2021.pdf',
      'pdf/published/huaian-szf-2024.pdf',
      'real/x-huaian-szf-2024/original.pdf',
      'real/pt-zrz-2022/report.pdf',
      'real/x-seed-ningbo-kjj-2019/report.pdf',
    ];
    let lines = 0;
    for (const f of files) {
      const pages = await bothReadings(fx(f));
      for (const [i, { ours, theirs }] of pages.entries()) {
        expect(ours, `${f} page ${i + 1} left to the operator list`).not.toBeNull();
        expect(rounded(ours!), `${f} page ${i + 1}`).toEqual(rounded(theirs));
        lines += theirs.length;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('draws a Form XObject under its /Matrix, inside its own q/Q, and a thin filled rectangle as one rule (both readings)', async () => {
    const form = stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 100 50]', '1 0 0 1 5 0 cm 0 0 m 0 300 l S 20 0 400 1 re f');
    const pdf = makePdf('/Resources << /XObject << /Fm1 3 0 R >> >> /Contents 4 0 R', [form, stream('', 'q /Fm1 Do Q 10 10 m 200 10 l S')]);
    const [{ ours, theirs }] = await bothReadings(pdf);
    const want = [
      [105, 492, 105, 792],
      [125, 791.5, 525, 791.5],
      [10, 832, 200, 832], // the form's own cm ends with the form
    ];
    expect(rounded(ours!)).toEqual(want);
    // The operator list, where a page is left to it, reads the form the same way.
    expect(rounded(theirs)).toEqual(want);
  });

  it('leaves to the operator list what it does not handle, counted by reason, and the table is still read', async () => {
    const count = (why: string) => rulingFallbacks.get(why) ?? 0;
    const before = { image: count('inline image'), annot: count('annotation with an appearance'), twice: count('object defined more than once') };
    // A ruled 2 × 3 table of numbers with Helvetica text.
    const grid = '0.5 w 50 700 m 350 700 l S 50 660 m 350 660 l S 50 620 m 350 620 l S 50 620 m 50 700 l S 150 620 m 150 700 l S 250 620 m 250 700 l S 350 620 m 350 700 l S';
    const text = 'BT /F1 10 Tf 50 760 Td (Annual report of the office, numbers in the table below) Tj ET BT /F1 10 Tf 90 675 Td (12) Tj 100 0 Td (34) Tj 100 0 Td (56) Tj ET BT /F1 10 Tf 90 635 Td (78) Tj 100 0 Td (90) Tj 100 0 Td (11) Tj ET';
    const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
    const plain = makePdf('/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R', [font, stream('', `${grid} ${text}`)]);
    const withImage = makePdf('/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R', [font, stream('', `q 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000 EI Q ${grid} ${text}`)]);
    const withAnnot = makePdf('/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R /Annots [5 0 R]', [font, stream('', `${grid} ${text}`), '<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] /AP << /N 6 0 R >> >>', stream('/Type /XObject /Subtype /Form /BBox [0 0 10 10]', '0 0 m 10 0 l S')]);
    // An incremental update that defines the page again.
    const base = makePdf('/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R', [font, stream('', `${grid} ${text}`)]);
    const updated = new Uint8Array(Buffer.concat([Buffer.from(base), Buffer.from('5 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>\nendobj\n')]));

    const cells = async (pdf: Uint8Array) => (await readPdf(pdf)).blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((r) => r.map((c) => c.text))] : []));
    const expected = [
      [
        ['12', '34', '56'],
        ['78', '90', '11'],
      ],
    ];
    expect(await cells(plain)).toEqual(expected);
    expect((await bothReadings(plain))[0].ours).not.toBeNull();
    for (const pdf of [withImage, withAnnot, updated]) {
      expect((await bothReadings(pdf))[0].ours).toBeNull();
      expect(await cells(pdf)).toEqual(expected);
    }
    // A form drawn over and over: its drawing read is bounded (the form decoded once), the page left to pdf.js past 128 MB.
    const big = makePdf('/Resources << /XObject << /Fm1 3 0 R >> >> /Contents 4 0 R', [stream('/Type /XObject /Subtype /Form /BBox [0 0 10 10]', `%${'x'.repeat(700_000)}\n0 0 m 10 0 l S`), stream('', '/Fm1 Do '.repeat(200))]);
    const drawnBefore = count('drawing too large');
    expect((await pageRules(await guardPdf(big), 5, 0, 842))).toBeNull();
    expect(count('drawing too large')).toBe(drawnBefore + 1);
    // One path of 600,000 lines, stroked once: read whole (a spread push would overflow the stack).
    const long = makePdf('/Contents 3 0 R', [stream('', `0 0 m ${'10 0 l 0 0 l '.repeat(300_000)}S`)]);
    expect((await pageRules(await guardPdf(long), 4, 0, 842))?.length).toBe(600_000);
    expect(count('inline image')).toBeGreaterThan(before.image);
    expect(count('annotation with an appearance')).toBeGreaterThan(before.annot);
    expect(count('object defined more than once')).toBeGreaterThan(before.twice);
  });
});
