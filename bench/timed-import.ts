// One import into a fresh archive in `dir`, timed, with the peak memory of the import's process
// tree sampled every 20 ms (PSS when it may peak; main and its worker threads, the OCR's process; tree-rss.ts): `peak` the
// resident sum, `peakPss` the proportional one; the archive's size read before it is closed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportStatus } from '../src/shared/contract/types.ts';
import { openRuntime } from '../src/main/node/runtime.ts';
import { treeMemory } from './tree-rss.ts';

export async function timedImport(dir: string, inputs: string[]): Promise<{ secs: number; peak: number; peakPss: number; status: ImportStatus; archiveBytes: number }> {
  let peak = 0;
  let peakPss = 0;
  let pssAt = 0;
  // The resident sum every 20 ms; the proportional one only when it could be a new peak (PSS <=
  // RSS, so not while the resident sum is at or under the PSS peak), and then at a new resident
  // peak or at most every 250 ms: read every 20 ms it cost the import a third of its CPU.
  const sampler = setInterval(() => {
    const rss = treeMemory(process.pid, undefined, false).rss;
    const now = performance.now();
    if (rss > peakPss && (rss > peak || now - pssAt >= 250)) {
      pssAt = now;
      peakPss = Math.max(peakPss, treeMemory().pss);
    }
    peak = Math.max(peak, rss);
  }, 20);
  const rt = openRuntime(join(dir, 'archive.sqlite'));
  const t0 = performance.now();
  const id = rt.importer.start(inputs);
  await rt.importer.wait(id);
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const status = rt.importer.status(id)!;
  const archiveBytes = statSync(join(dir, 'archive.sqlite')).size + (statSync(join(dir, 'archive.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0);
  await rt.close();
  return { secs, peak, peakPss, status, archiveBytes };
}
