// 附原文截图 in the .docx, main's side: a real report read from a PDF, its 本年新收 总计 misread as 7
// (the page prints 2) and confirmed by the clerk, so the notice lists the rules it fails. The
// pictures the notice's print page hands over go under their findings as images; what is not a
// PNG, is too large, or names a finding the notice does not list is left out and counted. (The
// crop drawn by pdf.js in a real page: test/browser/original-crops.test.ts.)
import { changeCell } from '../../src/main/node/archive/cells.ts';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/main/node/runtime.ts';
import { createHandlers } from '../../src/main/node/services.ts';
import { PICTURE_LIMITS, pngSize } from '../../src/main/node/services/notice-pictures.ts';
import type { Handlers } from '../../src/shared/contract/index.ts';
import { quietPlatform } from '../helpers/platform.ts';

let rt: Runtime;
let id: number;
let saved: Uint8Array | null = null;
let routes: string[] = [];
let handed: unknown = [];

const api = (): Handlers =>
  createHandlers({
    archive: rt.archive,
    importer: rt.importer,
    pool: rt.pool,
    platform: quietPlatform({
      saveFile: async (bytes, name) => ((saved = bytes), `/tmp/${name}`),
      sheetPictures: async (route) => (routes.push(route), handed),
    }),
  });

/** A grey PNG of w × h pixels with a red frame, as a data URL. */
function png(w: number, h: number): string {
  const p = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const frame = x < 3 || y < 3 || x >= w - 3 || y >= h - 3;
      p.data.set(frame ? [224, 0, 0, 255] : [200, 200, 200, 255], i);
    }
  return `data:image/png;base64,${PNG.sync.write(p).toString('base64')}`;
}

beforeAll(async () => {
  rt = openRuntime(join(mkdtempSync(join(tmpdir(), 'nianbao-pics-')), 'a.sqlite'), undefined, 1);
  await rt.importer.wait(rt.importer.start([new URL('../fixtures/real/pt-jsp-2023/report.pdf', import.meta.url).pathname]));
  id = rt.archive.listReports({})[0].id;
  changeCell(rt.archive, id, { table: 't3', row: 'new', col: 'total' }, (c) => ({ ...c!, value: { kind: 'number', num: 7, raw: '7' } }));
  rt.archive.recheck(id);
  const doubtful = rt.archive.getReport(id)!.findings.filter((f) => f.fault === 'reading');
  expect(doubtful.length).toBeGreaterThan(0);
  await api().confirmCells({ id, cells: doubtful[0].cells.map(({ table, row, col }) => ({ table, row, col })) });
}, 120_000); // an import: over 10 s on a loaded machine
afterAll(async () => rt?.close());

async function docxOf(args: { crops?: boolean }) {
  saved = null;
  routes = [];
  const r = await api().saveNotice({ id, format: 'docx', deadline: '2025-02-20', ...args });
  const zip = await JSZip.loadAsync(saved!);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { r, zip, xml, media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')) };
}

describe('附原文截图 in the .docx', () => {
  it('puts each picture of the notice’s print page under its finding', async () => {
    const listed = rt.archive.getReport(id)!.findings.filter((f) => f.fault !== 'reading' && f.cells.some((c) => c.table === 't3' && c.row === 'new' && c.col === 'total'));
    expect(listed.length).toBeGreaterThan(0);
    const { findingKey } = await import('../../src/shared/report/revision.ts');
    const key = findingKey(listed[0]);
    handed = [{ key, caption: '原文：report.pdf 第2页，红框为所涉格子', width: 480, data: png(1200, 300) }];
    const { r, zip, xml, media } = await docxOf({ crops: true });
    expect(routes).toEqual([`/print/notice?id=${id}&deadline=2025-02-20&crops=1`]);
    expect(r).toMatchObject({ saved: true, pictures: 1, dropped: 0 });
    expect(media).toHaveLength(1);
    const back = PNG.sync.read(Buffer.from(await zip.file(media[0])!.async('uint8array')));
    expect([back.width, back.height]).toEqual([1200, 300]);
    // Under the finding's row: the caption, then the picture at its size on the page (480 pt = 640 px), fitted to the row (570 × 143 px, 9525 EMU a pixel).
    const at = xml.indexOf('原文：report.pdf 第2页，红框为所涉格子');
    expect(at).toBeGreaterThan(xml.indexOf(listed[0].message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 20)));
    expect(xml.slice(at)).toMatch(/<wp:extent cx="5429250" cy="1362075"\/>/);
  });

  it('writes no picture and asks the page for none when the box is not ticked', async () => {
    const { r, media } = await docxOf({});
    expect(routes).toEqual([]);
    expect(media).toHaveLength(0);
    expect(r).toEqual({ saved: true, path: expect.stringMatching(/\.docx$/) });
  });

  it('leaves out what is not a PNG, too large, or for a finding the notice does not list', async () => {
    const key = (await import('../../src/shared/report/revision.ts')).findingKey(rt.archive.getReport(id)!.findings.find((f) => f.fault !== 'reading' && f.cells.length)!);
    const jpeg = `data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]).toString('base64')}`;
    handed = [
      { key, caption: 'a', width: 400, data: png(40, 20) },
      { key: 'R9#t3|new|total#', caption: 'b', width: 400, data: png(40, 20) },
      { key, caption: 'c', width: 400, data: jpeg },
      { key, caption: 'd', width: 400, data: png(PICTURE_LIMITS.pixels + 1, 2) },
      { key, caption: 'e', width: 400, data: 'https://example.com/x.png' },
    ];
    const { r, media } = await docxOf({ crops: true });
    expect(r).toMatchObject({ pictures: 1, dropped: 4 });
    expect(media).toHaveLength(1);
    // Not a list of pictures at all: none taken.
    handed = { key };
    expect((await docxOf({ crops: true })).r).toMatchObject({ pictures: 0, dropped: 1 });
  });

  it('puts the pictures under their findings in the year’s notices written from 汇总, each from its own report’s print page', async () => {
    const { findingKey } = await import('../../src/shared/report/revision.ts');
    const d = rt.archive.getReport(id)!;
    const key = findingKey(d.findings.find((f) => f.fault !== 'reading' && f.cells.some((c) => c.table === 't3' && c.row === 'new'))!);
    handed = [{ key, caption: '原文：report.pdf 第2页，红框为所涉格子', width: 480, data: png(1200, 300) }];
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-notices-'));
    const batch = (crops?: boolean) => {
      routes = [];
      return createHandlers({
        archive: rt.archive,
        importer: rt.importer,
        pool: rt.pool,
        platform: quietPlatform({ chooseOutputFolder: async () => folder, sheetPictures: async (route) => (routes.push(route), handed) }),
      }).saveNotices({ year: d.year!, deadline: '2025-02-20', ...(crops === undefined ? {} : { crops }) });
    };
    const docx = async () => {
      const zip = await JSZip.loadAsync(readFileSync(join(folder, readdirSync(folder).find((f) => f.endsWith('.docx'))!)));
      return { xml: await zip.file('word/document.xml')!.async('string'), media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')) };
    };
    expect(await batch(true)).toEqual({ written: 1, folder, pictures: 1, dropped: 0 });
    expect(routes).toEqual([`/print/notice?id=${id}&deadline=2025-02-20&crops=1`]);
    const withCrops = await docx();
    expect(withCrops.media).toHaveLength(1);
    expect(withCrops.xml).toContain('原文：report.pdf 第2页，红框为所涉格子');
    // Not ticked: as before, no print page opened and no picture.
    expect(await batch()).toEqual({ written: 1, folder });
    expect(routes).toEqual([]);
    expect((await docx()).media).toHaveLength(0);
  });

  it('reads a PNG’s size from its header, and nothing else as a PNG', () => {
    const bytes = Buffer.from(png(7, 5).split(',')[1], 'base64');
    expect(pngSize(bytes)).toEqual({ width: 7, height: 5 });
    expect(pngSize(bytes.subarray(0, 20))).toBeNull();
    expect(pngSize(Buffer.concat([Buffer.from('GIF89a'), bytes.subarray(6)]))).toBeNull();
  });
});

describe('附原文截图 for a Word report', () => {
  it('puts the Word table’s rows around the cell under the finding, the cell framed in red, without opening a print page', async () => {
    const word = openRuntime(join(mkdtempSync(join(tmpdir(), 'nianbao-pics-')), 'a.sqlite'), undefined, 1);
    try {
      await word.importer.wait(word.importer.start([new URL('../fixtures/real/pt-jsp-2023/report.docx', import.meta.url).pathname]));
      const wid = word.archive.listReports({})[0].id;
      // A typing slip in the unit's own table: 本年新收 总计 7 where its row sums to 2 (the document's error).
      changeCell(word.archive, wid, { table: 't3', row: 'new', col: 'total' }, (c) => ({ ...c!, value: { kind: 'number', num: 7, raw: '7' } }));
      word.archive.recheck(wid);
      let bytes: Uint8Array | null = null;
      let asked = 0;
      const h = createHandlers({
        archive: word.archive,
        importer: word.importer,
        pool: word.pool,
        platform: quietPlatform({ saveFile: async (b, name) => ((bytes = b), `/tmp/${name}`), sheetPictures: async () => (asked++, []) }),
      });
      const r = await h.saveNotice({ id: wid, format: 'docx', crops: true });
      expect(asked).toBe(0);
      expect(r.pictures).toBeGreaterThanOrEqual(1);
      const xml = await (await JSZip.loadAsync(bytes!)).file('word/document.xml')!.async('string');
      expect(xml).toMatch(/第1条的原文：report\.docx 表格\d+，加框为所涉格子/);
      // The row of 本年新收 with its label, and the cell as the file holds it (2), framed in red and bold.
      const from = xml.indexOf('第1条的原文：report.docx');
      const table = xml.slice(from, xml.indexOf('</w:tbl>', from));
      expect(table).toContain('一、本年新收政府信息公开申请数量');
      const marked = [...table.matchAll(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/g)].map((m) => m[0]).filter((tc) => tc.includes('w:color="E00000"'));
      expect(marked.length).toBeGreaterThanOrEqual(1);
      for (const tc of marked) expect(tc).toContain('<w:b/>');
      expect(marked.some((tc) => tc.includes('<w:t xml:space="preserve">2</w:t>'))).toBe(true);
      // Not every cell: the rows around are there unmarked.
      expect((table.match(/<w:tc>/g) ?? []).length).toBeGreaterThan(marked.length + 10);
    } finally {
      await word.close();
    }
  });
});
