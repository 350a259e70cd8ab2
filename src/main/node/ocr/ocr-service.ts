// The import's one OCR process, shared by the pool's workers: a worker reading a scan sends its
// pages' detection and recognition here (through the pool), and they are run one at a time in one
// process, so two scans read at once cost one engine's memory, not two. The process starts on the
// first request and ends when none has come for a few seconds, giving its memory back between scans.
import { type OcrAsk, OcrFailed, type OcrProcess, openOcrProcess, type OcrResponse } from './ocr-client.ts';

/** How long the process waits for the next request before it ends (a scan asks every second or so). */
const IDLE_MS = 4000;

/** What a worker is answered: the reply, or why the OCR could not do it (OcrFailed's `why`). */
export type OcrAnswer = { ok: true; boxes?: OcrResponse['boxes']; texts?: OcrResponse['texts'] } | { ok: false; why: OcrFailed['why']; detail: string };

export class OcrService {
  private proc: Promise<OcrProcess> | null = null;
  private busy = 0;
  private idle: NodeJS.Timeout | null = null;

  private readonly threads: number;
  private readonly entry: URL | undefined;

  constructor(threads: number, entry?: URL) {
    this.threads = threads;
    this.entry = entry;
  }

  async ask(req: OcrAsk): Promise<OcrAnswer> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.busy++;
    const proc = (this.proc ??= openOcrProcess(this.threads, this.entry));
    try {
      const p = await proc;
      return req.op === 'detect' ? { ok: true, boxes: await p.detect(req.img) } : { ok: true, texts: await p.recognize(req.crops) };
    } catch (e) {
      // A process that failed is not asked again: the next request starts a fresh one.
      if (this.proc === proc) this.drop();
      return e instanceof OcrFailed ? { ok: false, why: e.why, detail: e.message } : { ok: false, why: 'crash', detail: String(e) };
    } finally {
      if (--this.busy === 0 && (this.proc as Promise<OcrProcess> | null)) this.idle = setTimeout(() => this.drop(), IDLE_MS);
    }
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.drop();
  }

  private drop(): void {
    const proc = this.proc;
    this.proc = null;
    void proc?.then(
      (p) => p.close(),
      () => undefined,
    );
  }
}
