// The import's workers are processes of their own (import/parse-host.ts): what a large or hostile
// file made the allocator keep is given back with the process, which a thread never did, and a
// file that outgrows the ceiling in native memory is stopped as one that does so in the heap.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/main/node/import/pool.ts';
import { defaultWorkerUrl } from '../../src/main/node/runtime.ts';
import { lyingDocx } from '../helpers/bombs.ts';

/** This process's worker processes (Linux: /proc), with their resident memory in MB. */
function workerProcesses(): { pid: number; mb: number }[] {
  const found: { pid: number; mb: number }[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) !== process.pid || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('parse-host')) continue;
      found.push({ pid: Number(pid), mb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024 });
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

const report = new Uint8Array(readFileSync(new URL('../fixtures/real/pt-jsp-2023/tabs.txt', import.meta.url)));
// A .docx of 16 MB of document text (within every byte budget): reading it takes the worker past 200 MB, and the
// C allocator keeps most of that once it is freed.
const large = new Uint8Array(lyingDocx(readFileSync(new URL('../fixtures/reports/word/seed-001.docx', import.meta.url)), 16));

describe.runIf(process.platform === 'linux')('workers as processes', () => {
  it('a worker process left large by a file is replaced before the next file, and the memory goes with it', async () => {
    const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), size: 1, recycleMb: 160 });
    try {
      expect((await pool.run(report, '.txt')).ok).toBe(true);
      const [before] = workerProcesses();
      expect(before.mb).toBeLessThan(160);
      await pool.run(large, '.docx');
      // The old process is gone (its memory with it); a fresh one, small, reads the next file.
      await expect.poll(() => workerProcesses().map((p) => p.pid)).not.toContain(before.pid);
      expect((await pool.run(report, '.txt')).ok).toBe(true);
      const [after] = workerProcesses();
      expect(after.pid).not.toBe(before.pid);
      expect(after.mb).toBeLessThan(160);
    } finally {
      await pool.close();
    }
    expect(workerProcesses()).toEqual([]);
  }, 60_000);

  it('one that stays under the mark is kept (starting a process costs time)', async () => {
    const pool = new ParsePool({ workerUrl: defaultWorkerUrl(), size: 1, recycleMb: 2000 });
    try {
      await pool.run(report, '.txt');
      const [before] = workerProcesses();
      await pool.run(large, '.docx');
      expect((await pool.run(report, '.txt')).ok).toBe(true);
      expect(workerProcesses().map((p) => p.pid)).toEqual([before.pid]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
