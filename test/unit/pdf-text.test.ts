// The text read from the content streams by our own reader (pdf-text.ts) against pdf.js's
// getTextContent: the same items to the last bit on PDFs made to use every text operator and
// both kinds of font, the same DocContent on every fixture PDF, and the whole file left to pdf.js
// (counted by reason) where the reader meets what it does not handle.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assets, loadPdfjs, readPdf } from '../../src/main/node/import/readers/pdf.ts';
import { guardPdf } from '../../src/main/node/import/readers/pdf-guard.ts';
import { openText, textFallbacks, textRead, type RawItem } from '../../src/main/node/import/readers/pdf-text.ts';
import { pdfFile } from '../helpers/pdf-file.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Each page's non-blank items as pdf.js gives them. */
async function pdfjsItems(bytes: Uint8Array): Promise<RawItem[][]> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({ data: new Uint8Array(bytes), ...assets(), cMapPacked: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const out: RawItem[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      out.push(content.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, transform: [...(it.transform as number[])], width: it.width }] : [])));
    }
    return out;
  } finally {
    await task.destroy();
  }
}

async function ourItems(bytes: Uint8Array): Promise<RawItem[][]> {
  const doc = await openText(await guardPdf(bytes), bytes);
  const out: RawItem[][] = [];
  for (let p = 1; p <= doc.numPages; p++) out.push((await doc.page(p)).items);
  return out;
}

/** A PDF of one page per content stream (595 × 842), objects 3… shared; `extra` entries go on each page. */
function makePdf(contents: string[], objects: string[], pageEntries: string, info = ''): Uint8Array {
  const first = 3 + objects.length;
  const pages = contents.map((_, i) => first + 2 * i);
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`, ...objects];
  contents.forEach((c, i) => {
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${pageEntries} /Contents ${first + 2 * i + 1} 0 R >>`);
    objs.push(stream('', c));
  });
  if (info) objs.push(info);
  return new Uint8Array(pdfFile(objs, { trailer: info ? `/Info ${objs.length} 0 R ` : '' }));
}
const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
const hex = (s: string) => [...Buffer.from(s, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('');

// A simple TrueType font, codes 0x20-0x3f: bfchar, bfrange (incremented and array form), a
// surrogate pair and a two-character destination; widths varied so every advance is checked.
const simpleCMap = [
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
  '1 begincodespacerange <00> <ff> endcodespacerange',
  `3 beginbfchar <20> <0020> <21> <${hex('年')}> <22> <${hex('𠀋')}> endbfchar`,
  `1 beginbfchar <23> <${hex('fi')}> endbfchar`,
  '1 beginbfrange <30> <39> <0030> endbfrange',
  `1 beginbfrange <24> <27> [<${hex('报')}> <${hex('告')}> <${hex('工')}> <${hex('作')}>] endbfrange`,
  '1 beginbfrange <28> <2a> <4e00> endbfrange',
  'endcmap CMapName currentdict /CMap defineresource pop end end',
].join('\n');
const simpleWidths = Array.from({ length: 32 }, (_, i) => 400 + 37 * i).join(' ');
// A Type0 font, Identity-H: /W in both forms, the rest at /DW.
const cidCMap = [
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
  '1 begincodespacerange <0000> <ffff> endcodespacerange',
  `5 beginbfchar <0001> <${hex('政')}> <0002> <${hex('府')}> <0003> <0020> <0010> <${hex('信息')}> <0020> <0041> endbfchar`,
  '1 beginbfrange <0100> <0109> <0030> endbfrange',
  'endcmap CMapName currentdict /CMap defineresource pop end end',
].join('\n');

const fontObjects = [
  // 3: simple TrueType; 4: its ToUnicode; 5: Type0; 6: its CIDFont; 7: its ToUnicode; 8: a form; 9: the form's font dict.
  `<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+SimSun /FirstChar 32 /LastChar 63 /Widths [${simpleWidths}] /ToUnicode 4 0 R >>`,
  stream('', simpleCMap),
  '<< /Type /Font /Subtype /Type0 /BaseFont /BAAAAA+SimHei /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
  '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BAAAAA+SimHei /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 900 /W [1 [1000 980] 3 [333] 256 265 550] >>',
  stream('', cidCMap),
  stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [0.5 0 0 0.5 100 100] /Resources << /Font << /G 5 0 R >> >>', 'BT /G 20 Tf 10 10 Td <000100020003000100020010> Tj ET'),
];
const resources = '/Resources << /Font << /F1 3 0 R /F2 5 0 R >> /XObject << /Fm 8 0 R >> >>';

const pageOne = [
  'BT /F1 12 Tf 72 770 Td (!$%&'+"'"+') Tj ( !"#) Tj ET',
  // TJ: small gaps (same item), a gap of a space (a space inside the item), a large one (a new item).
  'BT /F1 10 Tf 72 740 Td [(01) -50 (23) -300 (45) -2000 (6789) -650 (01)] TJ ET',
  // Tc Tw Tz Ts TL T* and the quote operators.
  'BT /F1 11 Tf 2 Tc 5 Tw 90 Tz 14 TL 72 700 Td (0 1 2) Tj T* (345) Tj 3 Ts (6) Tj 0 Ts (\'()*) \' 4 1 (78 9) " ET',
  // cm, q/Q, a text matrix, marked content splitting an item.
  'q 1 0 0 1 30 -20 cm BT /F2 14 Tf 1 0 0 1 72 600 Tm <00010002> Tj /P <</MCID 0>> BDC <0003000100020100> Tj EMC <01010102> Tj ET Q',
  // The form, under its /Matrix and in its own state; then text after it, continuing the line.
  'q /Fm Do Q BT /F2 12 Tf 300 100 Td <0105010601070108> Tj ET',
  // Text past the page's edge: pdf.js drops its glyphs (the pen still moves).
  'BT /F1 12 Tf 560 500 Td (0123456789) Tj ET',
  // A rotated line and a scaled one.
  'BT /F1 12 Tf 0 1 -1 0 500 300 Tm (0123) Tj 2 0 0 2 72 300 Tm (45 67) Tj ET',
].join('\n');
const pageTwo = 'BT /F2 10 Tf 7 Tw 100 780 Td <00200001002000010003> Tj 0 Tw 100 800 Td [<00010002> -120 <0010> 400 <0100>] TJ /F1 10 Tf (  0 ) Tj /F2 10 Tf <0101> Tj ET';

describe('text from the content streams', () => {
  it('gives the items pdf.js gives, to the last bit, with every text operator, both kinds of font and a form', async () => {
    const pdf = makePdf([pageOne, pageTwo], fontObjects, resources, `<< /Title <FEFF${hex('2024年度报告')}> /Producer (test) >>`);
    const theirs = await pdfjsItems(pdf);
    const ours = await ourItems(pdf);
    expect(theirs.flat().length).toBeGreaterThan(12);
    expect(ours).toEqual(theirs);
    const doc = await openText(await guardPdf(pdf), pdf);
    expect(doc.title).toBe('2024年度报告');
    // And the DocContent through readPdf, our way (counted) and pdf.js's.
    const read = textRead.files;
    const mine = await readPdf(pdf);
    expect(textRead.files).toBe(read + 1);
    expect(mine).toEqual(await readPdf(pdf, { via: 'pdfjs' }));
    expect(mine.page).toEqual({ title: '2024年度报告' });
  });

  it('reads the title from /Info kept in an object stream (a file with a cross-reference stream), as pdf.js does', async () => {
    // 1 catalog, 2 pages, 3 page, 4 content, 5 the object stream holding 6 (/Info), 7 the cross-reference stream.
    const info = '<< /Title (Annual report \\(2024\\)) >>';
    const head = '6 0 ';
    const parts = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      stream('', 'BT ET'),
      stream(`/Type /ObjStm /N 1 /First ${head.length}`, head + info),
    ];
    let out = '%PDF-1.5\n';
    const offsets: number[] = [];
    parts.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xrefAt = out.length;
    const row = (t: number, a: number, b: number) => String.fromCharCode(t, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255);
    const rows = row(0, 0, 65535) + offsets.map((o) => row(1, o, 0)).join('') + row(2, 5, 0) + row(1, xrefAt, 0);
    out += `7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Info 6 0 R /Length ${rows.length} >>\nstream\n${rows}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`;
    const pdf = new Uint8Array(Buffer.from(out, 'latin1'));
    const doc = await openText(await guardPdf(pdf), pdf);
    expect(doc.title).toBe('Annual report (2024)');
    const read = textRead.files;
    const mine = await readPdf(pdf);
    expect(textRead.files).toBe(read + 1);
    expect(mine).toEqual(await readPdf(pdf, { via: 'pdfjs' }));
    expect(mine.page).toEqual({ title: 'Annual report (2024)' });
  });

  it('refuses a page of over 50,000 text items as readPdf did (our reader stops at the 50,001st)', { timeout: 120_000 }, async () => {
    const cells = Array.from({ length: 50_001 }, (_, i) => `1 0 0 1 ${(10 + (i % 250) * 2.2).toFixed(1)} ${10 + Math.floor(i / 250) * 4} Tm (0) Tj`);
    const pdf = makePdf([`BT /F1 10 Tf ${cells.join(' ')} ET`], fontObjects.slice(0, 2), '/Resources << /Font << /F1 3 0 R >> >>');
    const mine = await readPdf(pdf).catch((e: Error) => e.message);
    expect(mine).toBe('PDF第1页的文字对象过多（超过50000个），不像是年度报告');
    expect(await readPdf(pdf, { via: 'pdfjs' }).catch((e: Error) => e.message)).toBe(mine);
  });

  it('leaves the whole file to pdf.js, counted by reason, where it meets what it does not handle', async () => {
    const count = (why: string) => textFallbacks.get(why) ?? 0;
    const cases: [string, Uint8Array][] = [
      ['font without ToUnicode (Type1)', makePdf(['BT /H 12 Tf 72 700 Td (Annual report) Tj ET'], ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'], '/Resources << /Font << /H 3 0 R >> >>')],
      ['CMap Identity-V', makePdf(['BT /V 12 Tf 72 700 Td <00010002> Tj ET'], [fontObjects[2].replace('Identity-H', 'Identity-V').replace('6 0 R', '4 0 R').replace('7 0 R', '5 0 R'), fontObjects[3], fontObjects[4]], '/Resources << /Font << /V 3 0 R >> >>')],
      ['predefined ToUnicode CMap', makePdf(['BT /C 12 Tf 72 700 Td <00010002> Tj ET'], [fontObjects[2].replace('6 0 R', '4 0 R').replace('7 0 R', '/UniGB-UCS2-H'), fontObjects[3]], '/Resources << /Font << /C 3 0 R >> >>')],
      ['code without a Unicode value', makePdf(['BT /F1 12 Tf 72 700 Td (0:) Tj ET'], fontObjects.slice(0, 2), '/Resources << /Font << /F1 3 0 R >> >>')],
      // A width range past 65,536 codes (a crafted one may span billions): not walked here.
      ['width range too large', makePdf(['BT /F2 12 Tf 72 700 Td <00010002> Tj ET'], [fontObjects[2].replace('6 0 R', '4 0 R').replace('7 0 R', '5 0 R'), fontObjects[3].replace('/W [1 [1000 980] 3 [333] 256 265 550]', '/W [0 70000 500]'), fontObjects[4]], '/Resources << /Font << /F2 3 0 R >> >>')],
      ['inline image', makePdf(['q 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000 EI Q BT /F1 12 Tf 72 700 Td (01) Tj ET'], fontObjects.slice(0, 2), '/Resources << /Font << /F1 3 0 R >> >>')],
    ];
    for (const [why, pdf] of cases) {
      const before = count(why);
      const read = textRead.files;
      const mine = await readPdf(pdf).catch((e: Error) => e.message);
      expect(count(why), why).toBe(before + 1);
      expect(textRead.files, why).toBe(read);
      // pdf.js's reading, as before.
      expect(mine, why).toEqual(await readPdf(pdf, { via: 'pdfjs' }).catch((e: Error) => e.message));
    }
    // A Type3 font (Chromium draws some glyphs so) and an encrypted file, from the fixtures.
    for (const [why, f] of [
      ['Type3 font', 'pdf/chromium/pt-czj-2023-page.pdf'],
      ['encrypted', 'bad/encrypted.pdf'],
    ]) {
      const before = count(why);
      await readPdf(new Uint8Array(readFileSync(FIXTURES + f))).catch(() => null);
      expect(count(why), why).toBe(before + 1);
    }
  });

  it('gives the same DocContent as pdf.js on every fixture PDF, and reads most of them without pdf.js', { timeout: 600_000 }, async () => {
    const files = execSync('find . -name "*.pdf"', { cwd: FIXTURES }).toString().trim().split('\n').sort();
    expect(files.length).toBeGreaterThanOrEqual(99);
    const read = textRead.files;
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(FIXTURES + f));
      const both = await Promise.all([readPdf(bytes).catch((e: Error) => e.message), readPdf(bytes, { via: 'pdfjs' }).catch((e: Error) => e.message)]);
      expect(both[0], f).toEqual(both[1]);
    }
    // 92 of 99 today: the rest use Type3 fonts, vertical writing or encryption.
    expect(textRead.files - read).toBeGreaterThanOrEqual(90);
  });
});
