// Worker thread entry: parses files, compares reports and checks archive files off the main thread, so main keeps
// answering the window while a large file or a long text diff is worked on.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { compareReports } from '../../../shared/compare/index.ts';
import type { WorkerJob } from './pool.ts';
import { processFile } from './process-file.ts';
import { checkArchiveFile } from '../archive/backup.ts';
import { engineOver, type OcrAsk, OcrFailed } from '../ocr/ocr-client.ts';
import type { OcrAnswer } from '../ocr/ocr-service.ts';

// The pool stops a file whose worker holds too much memory, counting garbage too: what a large
// file left behind (over half the ceiling) is collected before the next file, so it is not
// counted against that one. Collecting after every file would cost more than parsing small ones.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const LEFTOVER = ((workerData as { maxFileMemoryMb?: number } | undefined)?.maxFileMemoryMb ?? 224) * 1048576 / 2;

// A scan's OCR is asked of the pool's one OCR process (ocr/ocr-service.ts), through the pool.
const asked = new Map<number, (a: OcrAnswer) => void>();
let nextAsk = 1;
function askPool(req: OcrAsk): Promise<OcrAnswer> {
  const rid = nextAsk++;
  return new Promise((resolve) => {
    asked.set(rid, resolve);
    parentPort!.postMessage({ ocr: { rid, req } });
  });
}
async function answered(req: OcrAsk): Promise<OcrAnswer & { ok: true }> {
  const a = await askPool(req);
  if (!a.ok) throw new OcrFailed(a.why, a.detail);
  return a;
}
const poolOcr = engineOver(answered);

parentPort!.on('message', async (msg: { id: number; job: WorkerJob } | { ocrReply: number; answer: OcrAnswer }) => {
  if ('ocrReply' in msg) {
    asked.get(msg.ocrReply)?.(msg.answer);
    asked.delete(msg.ocrReply);
    return;
  }
  const { job } = msg;
  try {
    const result =
      job.kind === 'parse'
        ? await processFile(job.bytes, job.ext, job.file, {
            ocr: job.ocr,
            openOcr: async () => poolOcr,
            ...(job.progress ? { onPage: (page: number, pages: number) => parentPort!.postMessage({ id: msg.id, page: [page, pages] }) } : {}),
          })
        : job.kind === 'compare' ? compareReports(job.inputs, job.granularity) : checkArchiveFile(job.path);
    parentPort!.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
  const s = getHeapStatistics();
  if (s.used_heap_size + s.external_memory > LEFTOVER) gc();
});
