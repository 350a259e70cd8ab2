// Golden test over the 2021-format fixtures, in every format they were written in.
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/main/node/import/process-file.ts';
import { T2021_FIXTURES } from '../fixtures/expected.ts';
import { expectReport } from '../helpers/expect-report.ts';

const dir = new URL('../fixtures/reports/t2021/', import.meta.url);
const files = readdirSync(dir);

describe('2021-format fixtures', () => {
  it('exist as .txt, .docx and .doc', () => {
    expect(new Set(files.map((f) => extname(f)))).toEqual(new Set(['.txt', '.docx', '.doc']));
  });
  for (const file of files) {
    it(file, async () => {
      const r = await processFile(new Uint8Array(readFileSync(new URL(file, dir))), extname(file));
      if (!r.ok) throw new Error(r.message);
      expectReport(r.report, T2021_FIXTURES[file.replace(/\.\w+$/, '')]);
    });
  }
});
