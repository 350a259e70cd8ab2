// One import into a fresh archive in `dir`, timed, with the peak resident memory of the import's
// process tree sampled every 20 ms (main and its worker threads share one process; the OCR runs
// in a process of its own); the archive's size read before it is closed.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportStatus } from '../src/shared/contract/types.ts';
import { openRuntime } from '../src/main/node/runtime.ts';
import { treeRss } from './tree-rss.ts';

export async function timedImport(dir: string, inputs: string[]): Promise<{ secs: number; peak: number; status: ImportStatus; archiveBytes: number }> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss())), 20);
  const rt = openRuntime(join(dir, 'archive.sqlite'));
  const t0 = performance.now();
  const id = rt.importer.start(inputs);
  await rt.importer.wait(id);
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const status = rt.importer.status(id)!;
  const archiveBytes = statSync(join(dir, 'archive.sqlite')).size + (statSync(join(dir, 'archive.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0);
  await rt.close();
  return { secs, peak, status, archiveBytes };
}
