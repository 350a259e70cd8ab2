// One import into a fresh archive in `dir`, timed, with the peak memory of the import's process
// tree sampled every 20 ms (main and its worker threads, the OCR's process; tree-rss.ts): `peak` the
// resident sum, `peakPss` the proportional one; the archive's size read before it is closed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportStatus } from '../src/shared/contract/types.ts';
import { openRuntime } from '../src/main/node/runtime.ts';
import { treeMemory } from './tree-rss.ts';

export async function timedImport(dir: string, inputs: string[]): Promise<{ secs: number; peak: number; peakPss: number; status: ImportStatus; archiveBytes: number }> {
  let peak = 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    const m = treeMemory();
    peak = Math.max(peak, m.rss);
    peakPss = Math.max(peakPss, m.pss);
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
