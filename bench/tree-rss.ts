// Memory of this process and every process it started (the OCR's process), read from Linux's
// /proc; elsewhere this process alone, which the caller is told.
// Two sums: resident memory (RSS), which counts the pages the processes share (Node's own code,
// libraries) once per process, and proportional memory (PSS), which splits each shared page
// among its sharers: what the tree takes from the machine.
import { readdirSync, readFileSync } from 'node:fs';

export const treeMeasured = process.platform === 'linux';

export interface TreeMemory {
  rss: number;
  pss: number;
}

/**
 * `withPss` false reads the resident sums alone: /proc/<pid>/status is a counter, while
 * smaps_rollup walks every mapping (26-47 CPU-ms a read in a PDF import's main process).
 */
export function treeMemory(pid = process.pid, total: TreeMemory = { rss: 0, pss: 0 }, withPss = true): TreeMemory {
  if (!treeMeasured) {
    const rss = process.memoryUsage().rss;
    return { rss, pss: rss };
  }
  try {
    total.rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    if (withPss) total.pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) treeMemory(Number(child), total, withPss);
  } catch {
    // the process ended while it was read
  }
  return total;
}

export const treeRss = (pid = process.pid): number => treeMemory(pid).rss;
