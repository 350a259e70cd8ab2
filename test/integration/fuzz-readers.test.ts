// Mutated copies of real files fed to every reader, as a damaged disk or a careless upload gives
// them: each ends in a parsed report or a Chinese reason, never a crash, a hang or English.
// Runs through the worker pool, as the importer does, so a reader that blows up takes only
// its worker with it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/main/node/import/pool.ts';
import { defaultWorkerUrl } from '../../src/main/node/runtime.ts';

const fx = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));
const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), size: 2, timeoutMs: 20_000 });
afterAll(() => pool.close());

const SOURCES: [string, string][] = [
  ['reports/word/seed-001.docx', '.docx'],
  ['reports/word/seed-004.doc', '.doc'],
  ['real/x-hongze-qzf-2023/original.pdf', '.pdf'],
  ['real/pt-zrz-2022/report.html', '.html'],
  ['real/pt-zrz-2022/report.mht', '.mht'],
  ['reports/gb18030/seed-003.txt', '.txt'],
];

/** A copy with some bytes overwritten, a span cut out, or the tail cut off. */
const mutation = (len: number) =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat(len - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }).map((edits) => ({ kind: 'bytes' as const, edits })),
    fc.tuple(fc.nat(len - 1), fc.integer({ min: 1, max: 4096 })).map(([at, n]) => ({ kind: 'cut' as const, at, n })),
    fc.nat(len - 1).map((at) => ({ kind: 'truncate' as const, at })),
  );

function apply(b: Uint8Array, m: { kind: 'bytes'; edits: [number, number][] } | { kind: 'cut'; at: number; n: number } | { kind: 'truncate'; at: number }): Uint8Array {
  if (m.kind === 'truncate') return b.slice(0, m.at);
  if (m.kind === 'cut') return new Uint8Array([...b.subarray(0, m.at), ...b.subarray(Math.min(b.length, m.at + m.n))]);
  const c = new Uint8Array(b);
  for (const [at, v] of m.edits) c[at] = v;
  return c;
}

describe('mutated files', () => {
  for (const [path, ext] of SOURCES) {
    it(`${path}: a report or a Chinese reason, never a crash`, async () => {
      const bytes = fx(path);
      await fc.assert(
        fc.asyncProperty(mutation(bytes.length), async (m) => {
          const res = await pool.run(apply(bytes, m), ext, { fileName: `fuzz${ext}` });
          if (!res.ok) {
            expect(res.message).toMatch(/[\u4e00-\u9fff]/);
            // No library English: no run of four Latin letters except the names of formats.
            expect(res.message.replace(/PDF|Word|WPS|Excel|PowerPoint|UTF-?\d+|GB\d+|MHT|docx?|html?|mht/gi, '')).not.toMatch(/[A-Za-z]{4,}/);
          }
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
      );
    }, 240_000);
  }
});
