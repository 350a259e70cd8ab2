// Originals as the archive stores them: a web page, a .mht or a .doc compressed (they shrink by
// far more than a tenth), a PDF or .docx kept as it is (compressed already, judged from slices of
// it for large files), and every one read back byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { originalOf, packOriginal } from '../../src/main/node/archive/packed.ts';

const real = (f: string) => readFileSync(new URL(`../fixtures/real/pt-gwh-2021/${f}`, import.meta.url));

describe('packOriginal', () => {
  it.each([
    ['report.html', 1],
    ['report.mht', 1],
    ['report.doc', 1],
    ['report.pdf', 0],
    ['report.docx', 0],
  ] as const)('%s: packed %i, read back byte for byte', (file, packed) => {
    const bytes = real(file);
    const p = packOriginal(bytes);
    expect(p.packed).toBe(packed);
    if (packed) expect(p.bytes.length).toBeLessThan(bytes.length * 0.5);
    expect(Buffer.compare(originalOf(p.bytes, p.packed), bytes)).toBe(0);
  });

  it('compresses a large file whose slices compress, whatever its start holds', () => {
    // 40 KB of a PDF's compressed bytes, then 400 KB of a report's text: the start alone would say no.
    const text = real('page.txt').toString('utf8').repeat(48);
    const bytes = Buffer.concat([real('report.pdf').subarray(0, 40000), Buffer.from(text, 'utf8')]);
    const p = packOriginal(bytes);
    expect(p.packed).toBe(1);
    expect(Buffer.compare(originalOf(p.bytes, p.packed), bytes)).toBe(0);
  });
});
