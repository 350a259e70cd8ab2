// Golden test: every text fixture parses to exactly the cells written in expected.ts.
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parseReport } from '../../src/shared/report/parse/index.ts';
import { SAMPLES, SEEDS } from '../fixtures/expected.ts';
import { expectReport } from '../helpers/expect-report.ts';

const dir = new URL('../fixtures/reports/', import.meta.url);
const lines = (path: string) => readFileSync(new URL(path, dir), 'utf8').split('\n').map((text) => ({ type: 'p' as const, text }));

describe('seeds (UTF-8 text)', () => {
  for (const [name, e] of Object.entries(SEEDS)) it(name, () => expectReport(parseReport(lines(`utf8/${name}.txt`)), e));
});

describe('2021-format samples (PDF text layer)', () => {
  for (const [name, e] of Object.entries(SAMPLES)) it(name, () => expectReport(parseReport(lines(`samples/${name}.txt`)), e));
});
