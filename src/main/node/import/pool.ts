// A small pool of workers for the heavy work main must not do on its own thread: parsing
// files, and comparing reports (a long text diff may take seconds). A worker that hangs or
// runs out of memory (a hostile file) is replaced, and only that task fails.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Comparison, CompareInput } from '../../../shared/compare/index.ts';
import type { Granularity } from '../../../shared/compare/text-diff.ts';
import type { FileContext, Processed } from './process-file.ts';
import { logTechnical } from './reasons.ts';
import type { FileCheck } from '../archive/backup.ts';

/** What a worker is asked to do (worker.ts answers each kind). */
export type WorkerJob =
  | { kind: 'parse'; bytes: Uint8Array; ext: string; file?: FileContext }
  | { kind: 'compare'; inputs: CompareInput[]; granularity: Granularity }
  | { kind: 'check'; path: string };

interface Task {
  id: number;
  job: WorkerJob;
  done: (result: unknown) => void;
  /** Settles the task when its worker failed or timed out. */
  failed: (code: 'internal' | 'timeout', message: string) => void;
  /** Longer than a file may take: an integrity check of a large archive. */
  timeoutMs?: number;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  workerUrl: URL;
  size?: number;
  /** A file taking longer than this is given up. */
  timeoutMs?: number;
  /** Heap limit per worker: bounds memory whatever the file. */
  maxHeapMb?: number;
}

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly opts: Required<PoolOptions>;

  constructor(opts: PoolOptions) {
    this.opts = {
      size: Math.max(1, Math.min(4, availableParallelism())),
      timeoutMs: 60_000,
      maxHeapMb: 768,
      ...opts,
    };
    for (let i = 0; i < this.opts.size; i++) this.slots.push(this.spawn());
  }

  run(bytes: Uint8Array, ext: string, file?: FileContext): Promise<Processed> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'internal', message: '导入已停止' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job: { kind: 'parse', bytes, ext, file }, done: (r) => resolve(r as Processed), failed: (code, message) => resolve({ ok: false, code, message }) });
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
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      if (slot.task?.id !== msg.id) return;
      if (msg.error !== undefined) logTechnical('读取进程报告错误', msg.error);
      this.finish(slot, (t) => (msg.error === undefined ? t.done(msg.result) : t.failed('internal', t.job.kind === 'parse' ? '文件结构异常，读取时出错，已放弃该文件' : '程序内部错误')));
    });
    const fail = (why: string) => {
      if (slot.task) this.finish(slot, (t) => t.failed('internal', why));
      this.replace(slot);
    };
    worker.on('error', (e) => {
      logTechnical('读取进程出错', e);
      fail(/memory|heap/i.test(String(e)) ? '文件过于复杂，读取时内存超限，已放弃该文件' : '文件结构异常，读取时出错，已放弃该文件');
    });
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0 && this.slots.includes(slot)) fail('读取时出错，已放弃该文件');
    });
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.pump();
  }

  private finish(slot: Slot, settle: (t: Task) => void): void {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    settle(task);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      const timeoutMs = task.timeoutMs ?? this.opts.timeoutMs;
      slot.timer = setTimeout(() => {
        this.finish(slot, (t) => t.failed('timeout', `处理超时（超过${timeoutMs / 1000}秒），已放弃该文件`));
        this.replace(slot);
      }, timeoutMs);
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }
}
