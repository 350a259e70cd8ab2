// Golden test over the Word fixtures: real .docx/.doc files through the real readers.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { SAMPLES, SEEDS, type Expected } from '../fixtures/expected.ts';
import { expectReport } from '../helpers/expect-report.ts';

const cases: [string, Expected, string][] = [
  ['seed-001.docx', SEEDS['seed-001'], 'docx'],
  ['seed-001.doc', SEEDS['seed-001'], 'doc'],
  ['seed-004.docx', SEEDS['seed-004'], 'docx'],
  ['seed-004.doc', SEEDS['seed-004'], 'doc'],
  ['seed-004-really-doc.docx', SEEDS['seed-004'], 'doc'],
  ['huaian-city-gov-2024.docx', SAMPLES['huaian-city-gov-2024'], 'docx'],
  ['huaian-city-gov-2024.doc', SAMPLES['huaian-city-gov-2024'], 'doc'],
];

describe('Word fixtures', () => {
  for (const [file, expected, format] of cases) {
    it(file, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/reports/word/${file}`, import.meta.url)));
      const r = await processFile(bytes, extname(file));
      if (!r.ok) throw new Error(r.message);
      expect(r.format).toBe(format);
      expect(r.extensionMismatch).toBe(file.includes('really'));
      expectReport(r.report, expected);
    });
  }
});
