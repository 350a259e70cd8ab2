import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/main/node/import/readers/html-blocks.ts';
import { decodeText } from '../../src/main/node/import/readers/text.ts';
import { sniff } from '../../src/main/node/import/readers/sniff.ts';
import { docTextToBlocks } from '../../src/main/node/import/readers/word.ts';
import { guardZip, zipParts } from '../../src/main/node/import/readers/zip-guard.ts';
import { readFileBytes } from '../../src/main/node/import/readers/index.ts';
import { lyingDocx } from '../helpers/bombs.ts';

const fx = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));
const utf8 = readFileSync(new URL('../fixtures/reports/utf8/seed-001.txt', import.meta.url), 'utf8');

describe('text encodings', () => {
  it('reads UTF-8, GB18030 and UTF-16LE (with and without BOM) to the same text', () => {
    expect(decodeText(fx('reports/utf8/seed-001.txt'))).toEqual({ text: utf8, encoding: 'UTF-8' });
    expect(decodeText(fx('reports/gb18030/seed-001.txt'))).toEqual({ text: utf8, encoding: 'GB18030' });
    expect(decodeText(fx('reports/utf16le/seed-001.txt'))).toEqual({ text: utf8, encoding: 'UTF-16LE' });
    const noBom = decodeText(fx('reports/utf16le/seed-000.txt'));
    expect(noBom.encoding).toBe('UTF-16LE');
    expect(noBom.text).toBe(readFileSync(new URL('../fixtures/reports/utf8/seed-000.txt', import.meta.url), 'utf8'));
  });

  it('keeps GB18030 four-byte characters (GBK would lose them)', () => {
    // 𠀀 (U+20000) and 㐀 (U+3400) are four-byte sequences in GB18030; 年报 two-byte.
    const bytes = new Uint8Array([0x95, 0x32, 0x82, 0x36, 0xc4, 0xea, 0xb1, 0xa8, 0x81, 0x39, 0xee, 0x39]);
    expect(decodeText(bytes)).toEqual({ text: '𠀀年报㐀', encoding: 'GB18030' });
  });

  it('refuses an encoding it cannot read, and an empty file', () => {
    expect(() => decodeText(fx('bad/unknown-encoding.txt'))).toThrow(/无法识别文件编码/);
    expect(() => decodeText(new Uint8Array())).toThrow('文件为空');
    expect(() => decodeText(new TextEncoder().encode('  \n '))).toThrow('文件没有文字内容');
  });
});

describe('format sniffing', () => {
  it('tells formats by content, not extension', () => {
    expect(sniff(fx('reports/word/seed-001.docx'))).toBe('docx');
    expect(sniff(fx('reports/word/seed-001.doc'))).toBe('doc');
    expect(sniff(fx('reports/word/seed-004-really-doc.docx'))).toBe('doc');
    expect(sniff(fx('scan/洪泽区人民政府2024年政府信息公开工作年度报告（扫描件）.pdf'))).toBe('pdf');
    expect(sniff(fx('reports/utf8/seed-000.txt'))).toBe('txt');
  });

  it('refuses a decompression bomb and a truncated .docx before unpacking', () => {
    expect(() => guardZip(fx('bad/bomb.docx'))).toThrow(/压缩炸弹/);
    expect(() => guardZip(fx('bad/truncated.docx'))).toThrow(/截断/);
    expect(() => guardZip(fx('reports/word/seed-001.docx'))).not.toThrow();
  });

  it('inflates a .docx part under a byte budget, whatever size its headers declare', async () => {
    const lying = lyingDocx(fx('reports/word/seed-001.docx'), 100); // declares 5,000 bytes, inflates to 100 MB
    expect(() => guardZip(lying)).not.toThrow(); // the declared sizes are harmless
    const parts = zipParts(lying);
    await expect(parts.read('word/document.xml', 'utf-8')).rejects.toThrow('文件解压后异常巨大（疑似“压缩炸弹”），已拒绝读取');
    await expect(readFileBytes(lying, '.docx')).rejects.toThrow(/压缩炸弹/);
    // Within the budget the parts read as they are.
    const real = zipParts(fx('reports/word/seed-001.docx'));
    expect(await real.read('word/document.xml', 'utf-8')).toMatch(/^<\?xml[\s\S]*<\/w:document>$/);
    expect(real.inflated).toBeGreaterThan(10_000);
  });
});

describe('Word structure', () => {
  it('keeps tables, spans and line breaks from mammoth HTML', () => {
    const { blocks } = htmlToBlocks('<p>二、主动公开</p><table><tr><td rowspan="2"><p>信息内容</p></td><td colspan="2"><p>本年新<br />制作数量</p></td></tr><tr><td><p>1</p></td><td></td></tr></table><p>A &amp; B</p>');
    expect(blocks).toEqual([
      { type: 'p', text: '二、主动公开' },
      {
        type: 'table',
        rows: [
          [
            { text: '信息内容', colSpan: 1, rowSpan: 2 },
            { text: '本年新\n制作数量', colSpan: 2, rowSpan: 1 },
          ],
          [
            { text: '1', colSpan: 1, rowSpan: 1 },
            { text: '', colSpan: 1, rowSpan: 1 },
          ],
        ],
      },
      { type: 'p', text: 'A & B' },
    ]);
  });

  it('rebuilds .doc cells from word-extractor text, splitting off a heading glued to a table', () => {
    const blocks = docTextToBlocks('前言\n信息内容\t本年新\n制作数量\t\n规章\t0\t\t四、政府信息公开行政复议情况\n行政复议\t\n');
    // Rows in .doc text are not recoverable; the cells, in order, are what the parser reads.
    expect(blocks.map((b) => (b.type === 'p' ? b.text : b.rows.flat().map((c) => c.text)))).toEqual([
      '前言',
      ['信息内容', '本年新\n制作数量', '规章', '0', ''],
      '四、政府信息公开行政复议情况',
      ['行政复议'],
      '',
    ]);
  });
});
