// A small pool of parse workers. A worker that hangs or runs out of memory (a hostile file)
// is replaced, and only that file fails.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Processed } from './process-file.ts';

interface Task {
  id: number;
  bytes: Uint8Array;
  ext: string;
  resolve: (p: Processed) => void;
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

  run(bytes: Uint8Array, ext: string): Promise<Processed> {
    if (this.closed) return Promise.resolve({ ok: false, code: 'internal', message: '导入已停止' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, ext, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue) t.resolve({ ok: false, code: 'internal', message: '导入已停止' });
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (msg: { id: number; result: Processed }) => {
      if (slot.task?.id !== msg.id) return;
      this.finish(slot, msg.result);
    });
    const fail = (why: string) => {
      if (slot.task) this.finish(slot, { ok: false, code: 'internal', message: why });
      this.replace(slot);
    };
    worker.on('error', (e) => fail(/memory|heap/i.test(String(e)) ? '文件过于复杂，读取时内存超限，已放弃该文件' : `读取时出错：${e.message}`));
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

  private finish(slot: Slot, result: Processed): void {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    task.resolve(result);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        this.finish(slot, { ok: false, code: 'timeout', message: `处理超时（超过${this.opts.timeoutMs / 1000}秒），已放弃该文件` });
        this.replace(slot);
      }, this.opts.timeoutMs);
      slot.worker.postMessage({ id: task.id, bytes: task.bytes, ext: task.ext });
    }
  }
}
