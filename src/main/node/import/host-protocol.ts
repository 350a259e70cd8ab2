// What the pool (pool.ts) and a parse worker's process (parse-host.ts) say to each other. The
// job messages are worker.ts's own, passed through; the process adds what only it can measure.
import type { WorkerJob } from './pool.ts';
import type { OcrAsk } from '../ocr/ocr-client.ts';
import type { OcrAnswer } from '../ocr/ocr-service.ts';

/** The exit code by which a parse worker's process says a file outgrew the ceiling. */
export const EXIT_MEMORY = 86;

export type HostRequest = { id: number; job: WorkerJob } | { ocrReply: number; answer: OcrAnswer };

export type HostReply =
  /** A task's end. `peak`: a file's peak of heap and external memory; `recycle`: replace the process now. */
  | { id: number; result?: unknown; error?: string; peak?: number; recycle?: boolean }
  /** A scan's next page (the task is alive). */
  | { id: number; page: [number, number] }
  /** A scan's OCR, asked of the pool's one OCR process. */
  | { ocr: { rid: number; req: OcrAsk } }
  /** The thread failed (its heap limit, or a crash); the process ends after this. */
  | { fatal: 'memory' | 'crash'; detail: string };
