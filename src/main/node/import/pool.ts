// A small pool of workers for the heavy work main must not do on its own thread: parsing
// files, and comparing reports (a long text diff may take seconds). Each worker is a process of
// its own (parse-host.ts) running the work on a thread: a file that hangs or outgrows the memory
// ceiling ends that process, and only that task fails; what a hostile file made the allocator
// keep is given back with the process, which a thread in main's process never did.
import { availableParallelism } from 'node:os';
import { type ChildProcess, fork } from 'node:child_process';
import type { Comparison, CompareInput } from '../../../shared/compare/index.ts';
import type { Granularity } from '../../../shared/compare/text-diff.ts';
import type { FileContext, Processed } from './process-file.ts';
import { logTechnical } from './reasons.ts';
import type { FileCheck } from '../archive/backup.ts';
import { OcrService } from '../ocr/ocr-service.ts';
import { EXIT_MEMORY, type HostReply, type HostRequest } from './host-protocol.ts';

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
}

interface Slot {
  host: ChildProcess;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Why the process is failing, as it said before it ended (its thread's heap limit, a crash). */
  fatal?: 'memory' | 'crash';
}

export interface PoolOptions {
  /** The work's thread (worker.ts, or the app's bundle of it). */
  workerUrl: URL;
  /** The worker's process around that thread (parse-host.ts, or the app's bundle of it). */
  hostUrl?: URL;
  size?: number;
  /** A file taking longer than this is given up. */
  timeoutMs?: number;
  /** Heap limit per worker: bounds the JavaScript heap whatever the file. */
  maxHeapMb?: number;
  /** Ceiling on one file's worker, heap and external memory (ArrayBuffers) together; twice this on what the file adds to the process's resident memory, native memory included. */
  maxFileMemoryMb?: number;
  /** A worker process holding more than this after a file is replaced, returning what the file left. */
  recycleMb?: number;
  /** Told each parsed file's peak of heap and external memory (for the benchmarks). */
  onFilePeak?: (bytes: number) => void;
  /** The OCR process's script (the app's bundle); the sources' by default. */
  ocrEntry?: URL;
}

/** Ends a worker's process, whatever it is doing. */
function end(slot: Slot): Promise<void> {
  const { host } = slot;
  if (host.exitCode !== null || host.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    host.once('exit', () => resolve());
    host.kill('SIGKILL');
  });
}

/** The process script beside the worker's: the sources' under Node, the app's bundle (electron.vite.config.ts). */
function hostBeside(workerUrl: URL): URL {
  return workerUrl.pathname.endsWith('.ts') ? new URL('./parse-host.ts', workerUrl) : new URL('./parse-host.js', workerUrl);
}
export const MEMORY_REASON = '文件解析时占用内存过多，已停止（可能是损坏或恶意构造的文件）';

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private readonly opts: Required<Omit<PoolOptions, 'onFilePeak' | 'ocrEntry'>> & Pick<PoolOptions, 'onFilePeak' | 'ocrEntry'>;
  /** One OCR process for all the workers' scans (ocr/ocr-service.ts). */
  private readonly ocr: OcrService;

  constructor(opts: PoolOptions) {
    this.opts = {
      size: Math.max(1, Math.min(4, availableParallelism())),
      timeoutMs: 60_000,
      maxHeapMb: 768,
      maxFileMemoryMb: 224,
      recycleMb: 160,
      hostUrl: hostBeside(opts.workerUrl),
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
    const host = fork(this.opts.hostUrl, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Few malloc arenas: each thread's arena would keep its own free memory.
      env: { ...process.env, NIANBAO_WORKER_URL: this.opts.workerUrl.href, NIANBAO_PARSE_HEAP_MB: String(this.opts.maxHeapMb), NIANBAO_PARSE_MAX_MB: String(this.opts.maxFileMemoryMb), NIANBAO_PARSE_RECYCLE_MB: String(this.opts.recycleMb), MALLOC_ARENA_MAX: '2' },
    });
    const slot: Slot = { host, task: null, timer: null };
    const tell = (msg: HostRequest) => {
      if (host.connected) host.send(msg, () => undefined); // a process that ended is dealt with on its exit
    };
    host.on('message', (msg: HostReply) => {
      if ('ocr' in msg) {
        // A scan's page asks the shared OCR process; the answer goes back to this worker if it still runs.
        const { rid, req } = msg.ocr;
        void this.ocr.ask(req).then((answer) => {
          if (this.slots.includes(slot)) tell({ ocrReply: rid, answer });
        });
        return;
      }
      if ('fatal' in msg) {
        logTechnical('读取进程出错', msg.detail);
        slot.fatal = msg.fatal;
        return;
      }
      if (slot.task?.id !== msg.id) return;
      if ('page' in msg) {
        // A scan's next page: the worker is alive and working; the clock starts again for this page.
        // Stopped by the user: a long scan is not finished first; its worker is ended and replaced.
        if (slot.task.progress?.(msg.page[0], msg.page[1]) === false) return this.abandon(slot, (t) => t.failed('internal', '导入已停止'));
        this.restartTimer(slot);
        return;
      }
      if (msg.error !== undefined) logTechnical('读取进程报告错误', msg.error);
      if (msg.peak !== undefined) this.opts.onFilePeak?.(msg.peak);
      // Grown past what a fresh process holds: replaced before the next file, returning the memory.
      if (msg.recycle) this.replace(slot);
      this.finish(slot, (t) => (msg.error === undefined ? t.done(msg.result) : t.failed('internal', t.job.kind === 'parse' ? '文件结构异常，读取时出错，已放弃该文件' : '程序内部错误')));
    });
    host.on('error', (e) => logTechnical('读取进程无法启动', e));
    host.on('exit', (code, signal) => {
      if (this.closed || !this.slots.includes(slot)) return;
      if (code === EXIT_MEMORY) {
        logTechnical('读取进程内存超限', `> ${this.opts.maxFileMemoryMb} MB`);
        return this.abandon(slot, (t) => t.failed('memory', MEMORY_REASON));
      }
      this.abandon(slot, (t) => t.failed('internal', slot.fatal === 'memory' ? '文件过于复杂，读取时内存超限，已放弃该文件' : slot.fatal ? '文件结构异常，读取时出错，已放弃该文件' : `读取时出错，已放弃该文件`));
      if (!slot.fatal) logTechnical('读取进程退出', signal ?? code);
    });
    return slot;
  }

  /** Puts a fresh process in the slot's place; the old one is ended (its task, if any, is the caller's). */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    void end(slot);
  }

  /**
   * Ends a worker that failed, hung or grew too large, settling its task. The fresh worker takes
   * the old one's place before the task is settled, so the next queued file goes to it, not to
   * the worker being ended (where it was lost until its own timeout).
   */
  private abandon(slot: Slot, settle: (t: Task) => void): void {
    this.replace(slot);
    if (slot.task) this.finish(slot, settle);
    else this.pump();
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
      this.restartTimer(slot);
      if (slot.host.connected) slot.host.send({ id: task.id, job: task.job } satisfies HostRequest, () => undefined);
    }
  }

  private restartTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const timeoutMs = slot.task!.timeoutMs ?? this.opts.timeoutMs;
    slot.timer = setTimeout(() => this.abandon(slot, (t) => t.failed('timeout', `处理超时（超过${timeoutMs / 1000}秒），已放弃该文件`)), timeoutMs);
  }
}
