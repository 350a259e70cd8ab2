// A small pool of workers for the heavy work main must not do on its own thread: parsing
// files, and comparing reports (a long text diff may take seconds). A worker that hangs or
// runs out of memory (a hostile file) is replaced, and only that task fails. The heap limit does
// not bound ArrayBuffers (decoded streams, inflated parts), so while a file is parsed its
// worker's whole memory (heap and external) is sampled, and a file over the ceiling is stopped.
// A scan is read alone: the OCR process (~100-220 MB) beside other files' workers was the top of
// the import's peak (bench/import-hostile.ts), so its OCR waits until the files started before it
// are done, and no file starts while it is read (its asking for the OCR, not its heap, says it is a scan).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Comparison, CompareInput } from '../../../shared/compare/index.ts';
import type { Granularity } from '../../../shared/compare/text-diff.ts';
import type { FileContext, Processed } from './process-file.ts';
import { logTechnical } from './reasons.ts';
import type { FileCheck } from '../archive/backup.ts';
import type { OcrAsk } from '../ocr/ocr-client.ts';
import { OcrService } from '../ocr/ocr-service.ts';

/** What a worker is asked to do (worker.ts answers each kind). */
export type WorkerJob =
  | { kind: 'parse'; bytes: Uint8Array; ext: string; file?: FileContext; progress?: boolean; ocr?: boolean }
  | { kind: 'compare'; inputs: CompareInput[]; granularity: Granularity }
  | { kind: 'check'; path: string };

interface Task {
  id: number;
  job: WorkerJob;
  done: (result: unknown) => void;
  /** Settles the task when its worker failed, timed out or took too much memory. */
  failed: (code: 'internal' | 'timeout' | 'memory', message: string) => void;
  /** Longer than a file may take: an integrity check of a large archive. */
  timeoutMs?: number;
  /** Told the worker's progress on the task (a scan's OCR page); each report restarts the timeout. Answering false stops the task. */
  progress?: (page: number, pages: number) => boolean | void;
  /** Its worker asked for the OCR: a scan, read alone. */
  scan?: boolean;
}

/** The pool's scheduling, told as it happens (tests and benches). */
export type ScheduleEvent =
  | { at: 'start'; id: number; name?: string; beside: { id: number; name?: string; scan: boolean }[] }
  | { at: 'end'; id: number; name?: string; scan: boolean }
  | { at: 'ocr-wait' | 'ocr-go'; id: number; name?: string }
  /** A request sent to the OCR process, with how many other files were being read then (not held waiting for it). */
  | { at: 'ocr-ask'; id: number; name?: string; beside: number }
  | { at: 'ocr-ended' };

/** A scan's OCR request held until its file is the only one read. */
interface HeldOcr {
  slot: Slot;
  rid: number;
  req: OcrAsk;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Samples the worker's memory while it parses a file. */
  watch: NodeJS.Timeout | null;
}

export interface PoolOptions {
  workerUrl: URL;
  size?: number;
  /** A file taking longer than this is given up. */
  timeoutMs?: number;
  /** Heap limit per worker: bounds the JavaScript heap whatever the file. */
  maxHeapMb?: number;
  /** Ceiling on one file's worker, heap and external memory (ArrayBuffers) together. */
  maxFileMemoryMb?: number;
  /** Told each parsed file's peak of that memory (for the benchmarks). */
  onFilePeak?: (bytes: number) => void;
  /** The OCR process's script (the app's bundle); the sources' by default. */
  ocrEntry?: URL;
  /** Told each scheduling step. */
  onSchedule?: (e: ScheduleEvent) => void;
}

/** Ends a worker (a scan's OCR runs in a process of its own, which ends with it: ocr/ocr-client.ts). */
async function end(slot: Slot): Promise<void> {
  await slot.worker.terminate();
}

/** How often a parsing worker's memory is sampled: a fast inflater grows by tens of MB in this time. */
const SAMPLE_MS = 25;
export const MEMORY_REASON = '文件解析时占用内存过多，已停止（可能是损坏或恶意构造的文件）';

const nameOf = (t: Task) => (t.job.kind === 'parse' ? t.job.file?.fileName : undefined);

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly opts: Required<Omit<PoolOptions, 'onFilePeak' | 'ocrEntry' | 'onSchedule'>> & Pick<PoolOptions, 'onFilePeak' | 'ocrEntry' | 'onSchedule'>;
  /** One OCR process for all the workers' scans (ocr/ocr-service.ts). */
  private readonly ocr: OcrService;
  private ocrHeld: HeldOcr[] = [];

  constructor(opts: PoolOptions) {
    this.opts = {
      size: Math.max(1, Math.min(4, availableParallelism())),
      timeoutMs: 60_000,
      maxHeapMb: 768,
      maxFileMemoryMb: 224,
      ...opts,
    };
    this.ocr = new OcrService(Math.min(2, availableParallelism()), this.opts.ocrEntry);
    for (let i = 0; i < this.opts.size; i++) this.slots.push(this.spawn());
  }

  /** `progress`: told each page of a scan's OCR (a scan is given the timeout per page, not for the whole file). */
  run(bytes: Uint8Array, ext: string, file?: FileContext, progress?: (page: number, pages: number) => boolean | void, ocr = true): Promise<Processed> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'internal', message: '导入已停止' });
    return new Promise((resolve) => {
      this.queue.push({
        id: this.nextId++,
        job: { kind: 'parse', bytes, ext, file, progress: !!progress, ocr },
        progress,
        done: (r) => resolve(r as Processed),
        failed: (code, message) => resolve({ ok: false, code, message }),
      });
      this.pump();
    });
  }

  /** A comparison in a worker; it goes ahead of queued files, since someone is waiting on it. */
  compare(inputs: CompareInput[], granularity: Granularity): Promise<Comparison> {
    if (this.closed) return Promise.reject(new Error('程序正在关闭'));
    return new Promise((resolve, reject) => {
      this.queue.unshift({ id: this.nextId++, job: { kind: 'compare', inputs, granularity }, done: (r) => resolve(r as Comparison), failed: (_, message) => reject(new Error(`比较失败：${message}`)) });
      this.pump();
    });
  }

  /**
   * The integrity check of an archive file (a backup just made, or one about to be restored),
   * in a worker: on a large archive it takes seconds, which main's thread must not spend.
   */
  checkArchive(path: string): Promise<FileCheck> {
    if (this.closed) return Promise.resolve({ ok: false, why: '程序正在关闭' });
    return new Promise((resolve) => {
      this.queue.unshift({ id: this.nextId++, job: { kind: 'check', path }, timeoutMs: 30 * 60_000, done: (r) => resolve(r as FileCheck), failed: () => resolve({ ok: false, why: '完整性检查未能完成' }) });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue) t.failed('internal', '导入已停止');
    this.queue = [];
    await Promise.all(this.slots.map((s) => end(s)));
    this.ocr.close();
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerUrl, {
      workerData: { maxFileMemoryMb: this.opts.maxFileMemoryMb },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, task: null, timer: null, watch: null };
    worker.on('message', (msg: { id: number; result?: unknown; error?: string; page?: [number, number]; ocr?: { rid: number; req: OcrAsk } }) => {
      if (msg.ocr) {
        // A scan's page asks the shared OCR process. Beside another file's worker it would take the
        // tree past its bound: the request waits, the scan's clock stopped, until that file is done.
        if (slot.task) slot.task.scan = true;
        if (this.readBesides(slot).length) {
          if (slot.timer) clearTimeout(slot.timer);
          slot.timer = null;
          this.ocrHeld.push({ slot, ...msg.ocr });
          if (slot.task) this.tell({ at: 'ocr-wait', id: slot.task.id, name: nameOf(slot.task) });
          return;
        }
        this.askOcr(slot, msg.ocr.rid, msg.ocr.req);
        return;
      }
      if (slot.task?.id !== msg.id) return;
      if (msg.page) {
        // A scan's next page: the worker is alive and working; the clock starts again for this page.
        // Stopped by the user: a long scan is not finished first; its worker is ended and replaced.
        if (slot.task.progress?.(msg.page[0], msg.page[1]) === false) return this.abandon(slot, (t) => t.failed('internal', '导入已停止'));
        this.restartTimer(slot);
        return;
      }
      if (msg.error !== undefined) logTechnical('读取进程报告错误', msg.error);
      this.finish(slot, (t) => (msg.error === undefined ? t.done(msg.result) : t.failed('internal', t.job.kind === 'parse' ? '文件结构异常，读取时出错，已放弃该文件' : '程序内部错误')));
    });
    const fail = (why: string) => this.abandon(slot, (t) => t.failed('internal', why));
    worker.on('error', (e) => {
      logTechnical('读取进程出错', e);
      fail(/memory|heap/i.test(String(e)) ? '文件过于复杂，读取时内存超限，已放弃该文件' : '文件结构异常，读取时出错，已放弃该文件');
    });
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0 && this.slots.includes(slot)) fail('读取时出错，已放弃该文件');
    });
    return slot;
  }

  /**
   * Ends a worker that failed, hung or grew too large, settling its task. The fresh worker takes
   * the old one's place before the task is settled, so the next queued file goes to it, not to
   * the worker being ended (where it was lost until its own timeout).
   */
  private abandon(slot: Slot, settle: (t: Task) => void): void {
    this.ocrHeld = this.ocrHeld.filter((h) => h.slot !== slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    void end(slot);
    if (slot.task) this.finish(slot, settle);
    else this.pump();
  }

  private finish(slot: Slot, settle: (t: Task) => void): void {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.watch) clearInterval(slot.watch);
    slot.task = null;
    slot.timer = null;
    slot.watch = null;
    if (task.job.kind === 'parse') this.tell({ at: 'end', id: task.id, name: nameOf(task), scan: !!task.scan });
    // The last scan read: the OCR process ends now rather than after its idle wait, in which the
    // next files would be read beside it (a restart for the next scan costs its models' load).
    if (task.scan && !this.slots.some((s) => s.task?.scan)) {
      this.ocr.close();
      this.tell({ at: 'ocr-ended' });
    }
    settle(task);
    this.pump();
  }

  private tell(e: ScheduleEvent): void {
    this.opts.onSchedule?.(e);
  }

  /** The files other than `slot`'s being read and not held waiting for the OCR. */
  private readBesides(slot: Slot | null): Slot[] {
    return this.slots.filter((s) => s !== slot && s.task?.job.kind === 'parse' && !this.ocrHeld.some((h) => h.slot === s));
  }

  private askOcr(slot: Slot, rid: number, req: OcrAsk): void {
    if (slot.task) this.tell({ at: 'ocr-ask', id: slot.task.id, name: nameOf(slot.task), beside: this.readBesides(slot).length });
    // The answer goes back to this worker if it still runs.
    void this.ocr.ask(req).then((answer) => {
      if (this.slots.includes(slot)) slot.worker.postMessage({ ocrReply: rid, answer });
    });
  }

  private pump(): void {
    // No file starts beside a scan (comparisons and checks, which someone waits for, still do).
    const scanning = () => this.slots.some((s) => s.task?.scan);
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      if (this.queue[0].job.kind === 'parse' && scanning()) break;
      const task = this.queue.shift()!;
      slot.task = task;
      this.restartTimer(slot);
      if (task.job.kind === 'parse') {
        slot.watch = this.watchMemory(slot, task);
        const beside = this.slots.flatMap((s) => (s !== slot && s.task?.job.kind === 'parse' ? [{ id: s.task.id, name: nameOf(s.task), scan: !!s.task.scan }] : []));
        this.tell({ at: 'start', id: task.id, name: nameOf(task), beside });
      }
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
    // The held scans go on once no other file is read beside them (they share the one OCR process).
    if (this.ocrHeld.length && !this.readBesides(null).length) {
      const held = this.ocrHeld;
      this.ocrHeld = [];
      for (const h of held) {
        if (!this.slots.includes(h.slot) || !h.slot.task) continue;
        this.tell({ at: 'ocr-go', id: h.slot.task.id, name: nameOf(h.slot.task) });
        this.restartTimer(h.slot);
        this.askOcr(h.slot, h.rid, h.req);
      }
    }
  }

  private restartTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const timeoutMs = slot.task!.timeoutMs ?? this.opts.timeoutMs;
    slot.timer = setTimeout(() => this.abandon(slot, (t) => t.failed('timeout', `处理超时（超过${timeoutMs / 1000}秒），已放弃该文件`)), timeoutMs);
  }

  /**
   * Samples the worker's heap and external memory while it parses `task` (the statistics are
   * taken by an interrupt, so a worker busy in a loop answers too); over the ceiling, the worker
   * is ended and the file refused. The next file gets a fresh worker.
   */
  private watchMemory(slot: Slot, task: Task): NodeJS.Timeout {
    const limit = this.opts.maxFileMemoryMb * 1048576;
    let peak = 0;
    let asking = false;
    const worker = slot.worker;
    const report = () => this.opts.onFilePeak?.(peak);
    const watch = setInterval(() => {
      if (asking) return;
      asking = true;
      worker
        .getHeapStatistics()
        .then((s) => {
          asking = false;
          if (slot.task !== task) return;
          peak = Math.max(peak, s.used_heap_size + s.external_memory);
          if (peak <= limit) return;
          logTechnical('读取进程内存超限', `${(peak / 1048576).toFixed(0)} MB > ${this.opts.maxFileMemoryMb} MB`);
          this.abandon(slot, (t) => t.failed('memory', MEMORY_REASON));
        })
        .catch(() => (asking = false)); // not yet started or already ended
    }, SAMPLE_MS);
    const done = task.done;
    task.done = (r) => (report(), done(r));
    return watch;
  }
}
