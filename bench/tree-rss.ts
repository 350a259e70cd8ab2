// Resident memory of this process and every process it started (the OCR's own process), read
// from Linux's /proc; elsewhere this process alone, which the caller is told.
import { readdirSync, readFileSync } from 'node:fs';

export const treeMeasured = process.platform === 'linux';

export function treeRss(pid = process.pid): number {
  if (!treeMeasured) return process.memoryUsage().rss;
  let total = 0;
  try {
    total = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) total += treeRss(Number(child));
  } catch {
    // the process ended while it was read
  }
  return total;
}
