// The forms reports are published in: PDF (text layer, scan, encrypted, damaged, huge, a bomb)
// and saved web pages (.html, .mht; a page named .doc; charsets; portal chrome; hostile pages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFileBytes } from '../../src/main/node/import/readers/index.ts';
import { garbled, readPdf } from '../../src/main/node/import/readers/pdf.ts';
import { htmlToBlocks } from '../../src/main/node/import/readers/html-blocks.ts';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { decodeStreamData, guardPdfStreams } from '../../src/main/node/import/readers/pdf-guard.ts';
import { lzwRun, pdfWith, zlibRun } from '../helpers/bombs.ts';
import { pdfFile } from '../helpers/pdf-file.ts';

const fx = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));
const text = (blocks: { type: string; text?: string }[]) => blocks.map((b) => b.text ?? '').join('\n');

/** A PDF of `pages` empty pages, with an optional content stream on the first. */
function makePdf(pages: number, content?: Buffer): Uint8Array {
  const objs: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objs.push(content ? `<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n${content.toString('latin1')}\nendstream` : '<< /Length 0 >>\nstream\n\nendstream');
  for (let i = 0; i < pages; i++) objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${i === 0 ? '/Contents 3 0 R' : ''} >>`);
  return new Uint8Array(pdfFile(objs));
}

describe('PDF', () => {
  it('keeps a row whose group heading the PDF prints beside its wrapped label (（六）其他处理 on the middle line of 1.申请人无正当理由逾期不补正…)', async () => {
    const cellsOf = async (p: string, ext: string) => {
      const res = await processFile(fx(p), ext);
      if (!res.ok) throw new Error(res.message);
      return res.report.cells.filter((c) => c.table === 't3');
    };
    const pdf = await cellsOf('real/pt-gwh-2022/report.pdf', '.pdf');
    const row = (id: string) => pdf.filter((c) => c.row === id).map((c) => c.value.num);
    expect(row('r6_1')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('r6_2')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Every cell of 表三, in a 2021-form PDF and 2019-form ones (（四）无法提供, （五）不予处理 the same way;
    // pt-lyy-2019 also wraps “（一）予以 / 三、本年度办理结果 0 … / 公开” and “1.属于国家 / （三）不予公开 0 … / 秘密”), as in the clean copy.
    for (const id of ['pt-gwh-2022', 'pt-czj-2020', 'pt-lyy-2019']) {
      const [got, want] = [await cellsOf(`real/${id}/report.pdf`, '.pdf'), await cellsOf(`real/${id}/tabs.txt`, '.txt')];
      expect(got.map((c) => [c.row, c.col, c.value.kind, c.value.num])).toEqual(want.map((c) => [c.row, c.col, c.value.kind, c.value.num]));
    }
  });

  it('reads a published PDF back into the table rows the parser knows', async () => {
    const res = await processFile(fx('real/x-huaian-szf-2024/original.pdf'), '.pdf');
    if (!res.ok) throw new Error(res.message);
    expect(res.format).toBe('pdf');
    const get = (t: string, r: string, c: string) => res.report.cells.find((x) => x.table === t && x.row === r && x.col === c)?.value.num;
    expect([get('t3', 'new', 'natural'), get('t3', 'new', 'total'), get('t3', 'r7', 'total'), get('t4', 'review', 'total')]).toEqual([3001, 3119, 3050, 351]);
    // Page numbers (-1- … -6-) are not text.
    expect(res.report.text).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m);
  });

  it('keeps a scan as a report that needs its data, with the reason', async () => {
    const c = await readPdf(fx('scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf'));
    expect(c.scan).toBe(true);
    expect(c.blocks).toEqual([]);
  });

  it('gives encrypted, damaged, oversized and bomb PDFs their own Chinese reason', async () => {
    await expect(readPdf(fx('bad/encrypted.pdf'))).rejects.toThrow('PDF文件已加密（设置了打开密码），请取消密码后再导入');
    const real = fx('real/x-hongze-qzf-2023/original.pdf');
    await expect(readPdf(real.subarray(0, 2000))).rejects.toThrow(/已损坏或不完整/);
    await expect(readPdf(makePdf(2000))).rejects.toThrow('PDF页数过多（2000页，上限300页），不像是年度报告');
    // 1 GB of zeros compresses to about a megabyte.
    const bomb = deflateSync(Buffer.alloc(300 * 1024 * 1024), { level: 9 });
    await expect(readPdf(makePdf(1, bomb))).rejects.toThrow(/解压后超过\d+ MB，可能是压缩炸弹/);
  });

  it('decodes every stream under a byte budget however its dictionary is written: chains, indirect filters, escapes, distance, object streams', async () => {
    const bomb = zlibRun(100); // 100 MB of spaces, over the 64 MB a stream may hold
    const refused = /^PDF中的数据流解压后超过64 MB，可能是压缩炸弹，未导入$/;
    const hex = Buffer.from(bomb.toString('hex') + '>');
    const runs = Buffer.alloc(2 * Math.ceil((100 * 1048576) / 128), Buffer.from([129, 0x20])); // RunLength: 128 spaces per two bytes
    // A zlib stream whose first (stored) block holds the bytes "endstream": only its /Length (indirect) tells where it ends.
    const stored = Buffer.from('\nendstream\n');
    const fake = Buffer.concat([bomb.subarray(0, 2), Buffer.from([0, stored.length, 0, ~stored.length & 0xff, 0xff]), stored, bomb.subarray(2)]);
    const objStm = deflateSync('7 0 /FlateDecode');
    const cases: [string, Buffer][] = [
      ['chain', pdfWith('/Filter [/FlateDecode /FlateDecode]', deflateSync(bomb))],
      ['indirect', pdfWith('/Filter 5 0 R', bomb, ['/FlateDecode'])],
      ['indirect array', pdfWith('/Filter 5 0 R', bomb, ['[/FlateDecode]'])],
      ['indirect element', pdfWith('/Filter [5 0 R]', bomb, ['/FlateDecode'])],
      ['distant', pdfWith(`/Filter /FlateDecode /Note (${'x'.repeat(4000)})`, bomb)],
      ['beyond one object', pdfWith(`/Filter /FlateDecode /Note (${'x'.repeat(5 * 1048576)})`, bomb)],
      ['escaped name', pdfWith('/Filter /Fl#61teDecode', bomb)],
      ['abbreviated, under /F', pdfWith('/F /Fl', bomb)],
      ['comments', pdfWith('/Filter % the filter >> stream\n/FlateDecode', bomb)],
      ['hex then flate', pdfWith('/Filter [/AHx /Fl]', hex)],
      ['run length', pdfWith('/Filter /RunLengthDecode', runs)],
      ['LZW', pdfWith('/Filter /LZWDecode', lzwRun(100))],
      ['endstream inside', pdfWith('/Filter /FlateDecode /Length 5 0 R /Unused 0', fake, [String(fake.length)])],
      ['filter in an object stream', pdfWith('/Filter 7 0 R', bomb, [`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n${objStm.toString('latin1')}\nendstream`])],
    ];
    for (const [what, pdf] of cases) await expect(guardPdfStreams(pdf), what).rejects.toThrow(refused);
    // The decoders written for the guard, on the PDF reference's own LZW example and an ASCII85 text.
    expect(Buffer.from(await decodeStreamData(Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), ['LZWDecode'])).toString('latin1')).toBe('-----A---B');
    expect(Buffer.from(await decodeStreamData(Buffer.from('87cURD_*#TDfTZ)+Wpab!!"-QDI`~>'), ['A85'])).toString('latin1')).toBe('Hello, world! \0\0\0\0 end');
    expect(Buffer.from(await decodeStreamData(Buffer.from('z~>'), ['ASCII85Decode']))).toEqual(Buffer.alloc(4));
    expect(Buffer.from(await decodeStreamData(Buffer.from([2, 0x61, 0x62, 0x63, 253, 0x78, 128]), ['RL'])).toString('latin1')).toBe('abcxxxx');
    // The same streams within the budget pass, and so does every PDF of the corpus.
    await expect(guardPdfStreams(pdfWith('/Filter [/FlateDecode /FlateDecode]', deflateSync(zlibRun(8))))).resolves.toBeUndefined();
    for (const d of readdirSync(new URL('../fixtures/real/', import.meta.url)))
      for (const f of ['report.pdf', 'original.pdf']) if (existsSync(new URL(`../fixtures/real/${d}/${f}`, import.meta.url))) await expect(guardPdfStreams(fx(`real/${d}/${f}`)), f).resolves.toBeUndefined();
  }, 60_000);

  it('tells a text layer that is garbage (CJK fonts without ToUnicode) from Chinese text', () => {
    expect(garbled('一、总体情况 2023年，我局认真贯彻《中华人民共和国政府信息公开条例》'.repeat(5))).toBe(false);
    expect(garbled('\ue001\ue002\ue003\ue004、\ue005\ue006'.repeat(30))).toBe(true);
    expect(garbled('gid0012gid0045gid0078 uni4E00 gid0099'.repeat(10))).toBe(true);
  });
});

describe('WPS files', () => {
  it('reads a .wps that is a Word document inside, and says how to convert one that is not', async () => {
    const doc = await readFileBytes(fx('reports/word/seed-001.doc'), '.wps');
    expect(doc).toMatchObject({ format: 'doc', extensionMismatch: false });
    await expect(readFileBytes(fx('bad/random-bytes.doc'), '.wps')).rejects.toThrow('请在WPS中“另存为”Word文档（.docx）后再导入');
  });
});

describe('saved web pages', () => {
  it('reads a page and its one-file (.mht, GB2312, quoted-printable) copy to the same report', async () => {
    const html = await processFile(fx('real/pt-zrz-2022/report.html'), '.html');
    const mht = await processFile(fx('real/pt-zrz-2022/report.mht'), '.mht');
    if (!html.ok || !mht.ok) throw new Error('not read');
    expect(mht.encoding).toBe('MHT GB18030');
    expect(mht.report.cells).toEqual(html.report.cells);
    expect(html.report.agency).toBe('平潭综合实验区自然资源与生态环境局');
  });

  it('reads a real portal page (平潭, as the crawler saved it): the report without the portal around it', async () => {
    const res = await processFile(fx('real/pt-czj-2023/page.html'), '.html');
    if (!res.ok) throw new Error(res.message);
    expect(res.report).toMatchObject({ agency: '平潭综合实验区财政金融局', year: 2023, date: '2024-01-29', template: 'T2021' });
    expect(res.report.parts.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(res.report.cells).toHaveLength(200); // every cell of the three tables
    expect(res.report.evidence.find((e) => e.field === 'agency')!.source).toBe('网页信息'); // its ArticleTitle
    expect(res.report.text.startsWith('根据《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(res.report.text).not.toMatch(/当前位置|长者模式|无障碍|闽政通|网站支持IPV6|登录/);
  });

  it('reads a page for what it is whatever its extension, and says so', async () => {
    const r = await readFileBytes(fx('real/pt-zrz-2022/report.html'), '.doc');
    expect(r).toMatchObject({ format: 'html', extensionMismatch: true });
  });

  it('drops a portal’s menus, breadcrumb and footer around the report, and never keeps a script', () => {
    const menu = Array.from({ length: 40 }, (_, i) => `<li><a href="/c${i}">栏目${i}导航链接</a></li>`).join('');
    const report = ['某县教育局2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我局认真贯彻落实《条例》。'.repeat(20), '六、其他需要报告的事项', '无。'].map((p) => `<p>${p}</p>`).join('');
    const page = `<html><head><title>某县教育局2023年政府信息公开工作年度报告_政府信息公开年报_某县人民政府</title><meta name="ArticleTitle" content="某县教育局2023年政府信息公开工作年度报告"><meta name="PubDate" content="2024-01-20 10:00"><script>document.write('恶意')</script></head>
      <body><div class="header"><ul>${menu}</ul></div><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/x">政府信息公开</a></div>
      <div class="main"><div class="article">${report}<script>alert('x')</script></div></div>
      <div class="footer">主办单位：某县人民政府办公室 地址：某县某路1号 电话：0000-0000000 备案号：某ICP备00000000号</div></body></html>`;
    const { blocks, page: info } = htmlToBlocks(page);
    const t = text(blocks);
    expect(t.startsWith('某县教育局2023年政府信息公开工作年度报告')).toBe(true);
    expect(t).not.toMatch(/导航链接|当前位置|主办单位|恶意|alert/);
    expect(info).toMatchObject({ title: '某县教育局2023年政府信息公开工作年度报告', published: '2024-01-20 10:00' });
  });

  it('keeps the cells of a table whose layout is another table (older portals)', () => {
    const data = '<table><tr><td>规章</td><td>0</td><td></td><td>0</td></tr></table>';
    const page = `<html><body><table><tr><td><a href="/">首页</a></td></tr><tr><td>${'<p>2023年，我局认真贯彻落实《条例》要求。</p>'.repeat(8)}${data}</td></tr></table></body></html>`;
    const { blocks } = htmlToBlocks(page);
    expect(blocks.find((b) => b.type === 'table')).toEqual({ type: 'table', rows: [[{ text: '规章', colSpan: 1, rowSpan: 1 }, { text: '0', colSpan: 1, rowSpan: 1 }, { text: '', colSpan: 1, rowSpan: 1 }, { text: '0', colSpan: 1, rowSpan: 1 }]] });
  });

  it('decodes a GBK page by its meta charset', async () => {
    const gbk = new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>');
    const body = Buffer.from([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    const r = await readFileBytes(new Uint8Array(Buffer.concat([gbk, body, Buffer.from('</p></body></html>')])), '.htm');
    expect(text(r.content.blocks)).toBe('年报');
    expect(r.content.encoding).toBe('GB18030');
  });

  it('refuses hostile pages with a reason: too large, too many elements', async () => {
    await expect(readFileBytes(new Uint8Array(Buffer.from(`<html><body>${'<div>'.repeat(150_000)}年报</body></html>`)), '.html')).rejects.toThrow(/网页结构过于复杂（超过10万个元素）/);
    await expect(readFileBytes(new Uint8Array(Buffer.from(`<html><body><p>${'年'.repeat(5_000_000)}</p></body></html>`)), '.html')).rejects.toThrow(/网页文件过大/);
    // Deep nesting under the element limit parses without recursion.
    expect(text(htmlToBlocks(`${'<div>'.repeat(50_000)}<p>年报</p>`).blocks)).toBe('年报');
  });
});

describe('the folder walk', () => {
  it('names office files that are no report format instead of trying them', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { walk } = await import('../../src/main/node/import/walk.ts');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-walk-'));
    for (const f of ['统计表.et', '汇报.dps', '台账.xlsx', '年报.wps']) writeFileSync(join(dir, f), 'x');
    const seen: Record<string, string | undefined> = {};
    for await (const f of walk([dir], () => false)) seen[f.path.slice(dir.length + 1)] = f.importable ? 'importable' : f.reason;
    expect(seen).toEqual({
      '统计表.et': 'WPS表格文件（.et），不是报告的格式',
      '汇报.dps': 'WPS演示文件（.dps），不是报告的格式',
      // An .xlsx may be a filled 填报模板: read, and refused when it carries no template's marker.
      '台账.xlsx': 'importable',
      '年报.wps': 'importable',
    });
  });
});

describe('bounds', () => {
  it('refuses a file whose text or cells break a bound, saying which', async () => {
    const huge = new TextEncoder().encode(`2023年政府信息公开工作年度报告\n${'年'.repeat(2_100_000)}`);
    await expect(readFileBytes(huge, '.txt')).rejects.toThrow('文件中的文字过多（超过200万字），不像是年度报告');
    const cells = `<html><body><table>${'<tr><td>1</td><td>2</td></tr>'.repeat(45_000)}</table></body></html>`;
    await expect(readFileBytes(new TextEncoder().encode(cells), '.html')).rejects.toThrow(/网页结构过于复杂|表格单元格过多/);
    // 3.3 MB of empty lines before a report: millions of lines, each a block and a unit in memory.
    const report = readFileSync(new URL('../fixtures/reports/utf8/seed-000.txt', import.meta.url), 'utf8');
    await expect(readFileBytes(new TextEncoder().encode('\n'.repeat(3_300_000) + report), '.txt')).rejects.toThrow('文件的行数过多（超过10万行），不像是年度报告');
    await expect(readFileBytes(new TextEncoder().encode(`${report}\n${'\r'.repeat(100_000)}`), '.txt')).rejects.toThrow('文件的行数过多');
    await expect(readFileBytes(new TextEncoder().encode(`<html><body>${'<p></p>'.repeat(20)}${'<p>一<br>二</p>'.repeat(50_001)}</body></html>`), '.html')).rejects.toThrow(/行数过多|元素/);
  });

  it('parses a report after 90,000 blank lines as it parses the report alone (a scan of every line so far once made this quadratic)', async () => {
    const report = readFileSync(new URL('../fixtures/reports/utf8/seed-000.txt', import.meta.url), 'utf8');
    const alone = await processFile(new TextEncoder().encode(report), '.txt');
    const after = await processFile(new TextEncoder().encode('\n'.repeat(90_000) + report), '.txt');
    if (!alone.ok || !after.ok) throw new Error('not parsed');
    expect(after.report.agency).toBe(alone.report.agency);
    expect(after.report.year).toBe(alone.report.year);
    expect(after.report.template).toBe(alone.report.template);
    // The same cells, each found 90,000 lines further down.
    const cells = (r: typeof alone.report) => r.cells.map(({ source, at, ...c }) => ({ ...c, line: Number(/第(\d+)行/.exec(source ?? '')?.[1]), at: at?.kind === 'line' ? at.line : null }));
    expect(cells(after.report)).toEqual(cells(alone.report).map((c) => ({ ...c, line: c.line + 90_000, at: c.at === null ? null : c.at + 90_000 })));
  });

  it('calls a 2-byte “PK” .docx damaged, not a text that is no report', async () => {
    await expect(readFileBytes(new Uint8Array([0x50, 0x4b]), '.docx')).rejects.toThrow('Word文件已损坏或不完整（只有2字节），无法读取');
  });

  it('still finds a real report after 5,000 tiny tables', async () => {
    const { blocks } = htmlToBlocks(`${'<table><tr><td>x</td></tr></table>'.repeat(5000)}${readFileSync(new URL('../fixtures/real/pt-zrz-2022/report.html', import.meta.url), 'utf8')}`);
    const { parseReport } = await import('../../src/shared/report/parse/index.ts');
    const r = parseReport(blocks);
    expect(r).toMatchObject({ agency: '平潭综合实验区自然资源与生态环境局', year: 2022, template: 'T2021' });
    expect(r.cells.find((c) => c.table === 't3' && c.row === 'new' && c.col === 'total')?.value.num).toBe(30);
  });
});
