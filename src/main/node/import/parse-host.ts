// A parse worker's own process. The pool keeps one per slot; the work itself runs on a thread
// inside it (worker.ts), so this process's main thread stays free to watch the memory while the
// thread is busy in a long synchronous read. What a hostile file made the C allocator hold (an
// inflated bomb, a huge page) stays with the process that read it: a thread would leave it in
// main's process for good, a process gives it all back when the pool ends it. Two ceilings: the
// thread's heap and external memory, and the process's resident memory, which counts the native
// memory those statistics miss.
import { Worker } from 'node:worker_threads';
import { EXIT_MEMORY } from './host-protocol.ts';
import type { HostReply, HostRequest } from './host-protocol.ts';

const workerUrl = new URL(process.env.NIANBAO_WORKER_URL!);
const heapMb = Number(process.env.NIANBAO_PARSE_HEAP_MB ?? 768);
/** A file may take this much of the thread's heap and external memory (ArrayBuffers) together. */
const fileLimit = Number(process.env.NIANBAO_PARSE_MAX_MB ?? 224) * 1048576;
/**
 * And grow the process's resident memory by twice that: native memory (a C inflater, image
 * decoding) is invisible to the heap statistics; the process's memory also grows by what the
 * heap freed but the allocator keeps, so this ceiling cannot be the heap's.
 */
const nativeLimit = 2 * fileLimit;
/** Over this after a file, the process asks to be replaced: what it kept is returned only so. */
const recycleAt = Number(process.env.NIANBAO_PARSE_RECYCLE_MB ?? 0) * 1048576;

const send = (msg: HostReply) => process.send!(msg);
const worker = new Worker(workerUrl, {
  workerData: { maxFileMemoryMb: fileLimit / 1048576 },
  resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
});

/** The file now read: its id, the resident memory when it began, its peak of heap and external memory. */
let current: { id: number; base: number; peak: number } | null = null;
/** Often enough that a fast inflater cannot grow by more than tens of MB between two looks. */
const SAMPLE_MS = 25;
let asking = false;
setInterval(() => {
  const file = current;
  if (!file) return;
  if (process.memoryUsage.rss() - file.base > nativeLimit) process.exit(EXIT_MEMORY);
  if (asking) return;
  asking = true;
  // Taken by an interrupt: a thread busy in a loop answers too.
  worker
    .getHeapStatistics()
    .then((h) => {
      asking = false;
      if (current !== file) return;
      file.peak = Math.max(file.peak, h.used_heap_size + h.external_memory);
      if (file.peak > fileLimit) process.exit(EXIT_MEMORY);
    })
    .catch(() => (asking = false));
}, SAMPLE_MS).unref();

worker.on('message', (msg: { id?: number; result?: unknown; error?: string; page?: [number, number]; ocr?: unknown }) => {
  if (msg.id !== undefined && current?.id === msg.id && !msg.page) {
    // The file is done: say how much it took, and whether this process should now be replaced.
    const { peak } = current;
    current = null;
    send({ ...msg, peak, recycle: recycleAt > 0 && process.memoryUsage.rss() > recycleAt } as HostReply);
    return;
  }
  send(msg as HostReply);
});
// The thread's heap limit or a failure inside it: the pool is told why, and this process ends.
let failing = false;
worker.on('error', (e) => {
  failing = true;
  process.send!({ fatal: /memory|heap/i.test(String(e)) ? 'memory' : 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } satisfies HostReply, () => process.exit(1));
});
worker.on('exit', () => failing || process.exit(1));

process.on('message', (msg: HostRequest) => {
  if ('job' in msg && msg.job.kind === 'parse') current = { id: msg.id, base: process.memoryUsage.rss(), peak: 0 };
  worker.postMessage(msg);
});
// The pool is gone (ended, crashed): so is this process.
process.on('disconnect', () => process.exit(0));
