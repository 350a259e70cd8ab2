// The import's side of the OCR process (ocr-process.ts): an OcrEngine whose detection and
// recognition run in a child process, kept by the pool for its workers (ocr-service.ts) or started
// for one scan read outside the pool and ended after it. What the process
// costs in memory, native memory included, is bounded by its own ceiling; what it kept is given
// back to the system when it ends.
import { launchChild } from '../child/launch.ts';
import type { OcrText } from '../../../shared/ocr/ctc.ts';
import type { Gray } from '../../../shared/ocr/raster.ts';
import type { LineBox, OcrEngine } from './engine.ts';

/** What the engine is asked: the lines of a page, or the text of line and cell images. */
export type OcrAsk = { op: 'detect'; img: Gray } | { op: 'recognize'; crops: Gray[] };
export type OcrRequest = OcrAsk & { id: number };
/** `cpu`: the process's CPU seconds so far (what the OCR costs is counted where the caller can see it). */
export type OcrResponse = { id: number; boxes?: LineBox[]; texts?: OcrText[]; error?: string; cpu?: number };
type Hello = { ready: true } | { failed: string };

/** The exit code by which the OCR process says it outgrew its memory ceiling. */
export const EXIT_MEMORY = 86;

/** The OCR process's memory ceiling: the models and a 300 dpi page's runs take ~350 MB. */
export const OCR_MAX_MB = 640;

let cpuSpent = 0;
/** CPU seconds the OCR processes started from this process have spent, as they last said (bench:ocr). */
export const ocrCpuSeconds = () => cpuSpent;

/** Why the OCR stopped part-way; `memory`: the process outgrew its ceiling (a page too large, a hostile file). */
export class OcrFailed extends Error {
  readonly why: 'memory' | 'crash' | 'unavailable';
  constructor(why: OcrFailed['why'], detail: string) {
    super(detail);
    this.why = why;
  }
}

export interface OcrProcess extends OcrEngine {
  close(): void;
}

/** An engine over whatever answers its requests: this module's process, or the pool's (worker.ts). */
export function engineOver(ask: (req: OcrAsk) => Promise<Pick<OcrResponse, 'boxes' | 'texts'>>, close: () => void = () => undefined): OcrProcess {
  return {
    detect: async (img) => (await ask({ op: 'detect', img })).boxes!,
    recognize: async (crops) => (crops.length ? (await ask({ op: 'recognize', crops })).texts! : []),
    close,
  };
}

/** The script in the sources; the app's bundle is named by the pool's owner (runtime.ts defaultOcrUrl). */
const SOURCE = new URL('./ocr-process.ts', import.meta.url);

/** Starts the OCR process and waits for its models; `OcrFailed('unavailable')` if they cannot load on this machine. */
export async function openOcrProcess(threads: number, entry: URL = SOURCE, maxMb = OCR_MAX_MB): Promise<OcrProcess> {
  // A fork under Node, a utility process in the app (child/launch.ts). Few malloc arenas: the
  // runtime's threads would each keep their own free memory.
  const child = launchChild(entry, { NIANBAO_OCR_MAX_MB: String(maxMb), NIANBAO_OCR_THREADS: String(threads), MALLOC_ARENA_MAX: '1' }, '年报档案文字识别');
  const pending = new Map<number, { resolve: (r: OcrResponse) => void; reject: (e: Error) => void }>();
  let ended: OcrFailed | null = null;
  let nextId = 1;
  let cpu = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.onMessage((m) => {
      const msg = m as OcrResponse | Hello;
      if ('ready' in msg) return resolve();
      if ('failed' in msg) return reject(new OcrFailed('unavailable', msg.failed));
      if (msg.cpu !== undefined) {
        cpuSpent += msg.cpu - cpu;
        cpu = msg.cpu;
      }
      pending.get(msg.id)?.resolve(msg);
      pending.delete(msg.id);
    });
    child.onError((e) => reject(new OcrFailed('unavailable', e.message)));
    child.onExit((code, signal) => {
      ended = code === EXIT_MEMORY ? new OcrFailed('memory', `文字识别进程内存超过${maxMb} MB`) : new OcrFailed('crash', `文字识别进程退出（${signal ?? code}）`);
      reject(ended);
      for (const p of pending.values()) p.reject(ended);
      pending.clear();
    });
  });
  const close = () => child.kill();
  try {
    await ready;
  } catch (e) {
    close();
    throw e;
  }
  const ask = (req: OcrAsk): Promise<OcrResponse> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ ...req, id });
    }).then((r) => {
      const res = r as OcrResponse;
      if (res.error !== undefined) throw new OcrFailed('crash', res.error);
      return res;
    });
  };
  return engineOver(ask, close);
}
