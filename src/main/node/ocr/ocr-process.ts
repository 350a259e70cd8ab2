// The OCR's own process: ONNX Runtime and the models live here, not in the import's workers.
// Its native memory is invisible to a worker's heap statistics and, once allocated, kept by the
// C allocator for good (a worker that had read one scan stayed ~300 MB larger for the rest of the
// import); a process gives all of it back when it ends, and may be ended mid-run, which a worker
// thread may not (ending one during a run aborts the whole program). The import's pool keeps one,
// shared by its workers, and ends it when no scan has asked for a while (ocr-service.ts).
import { ocrEngine } from './engine.ts';
import { EXIT_MEMORY, type OcrRequest, type OcrResponse } from './ocr-client.ts';
import { fromParent, toParent, whenParentGone } from '../child/parent.ts';

const limit = Number(process.env.NIANBAO_OCR_MAX_MB ?? 0) * 1048576;
const threads = Number(process.env.NIANBAO_OCR_THREADS ?? 1);
// The whole process, native memory included; sampled while a run works on the runtime's threads.
if (limit > 0)
  setInterval(() => {
    if (process.memoryUsage.rss() > limit) process.exit(EXIT_MEMORY);
  }, 25).unref();
// The worker that asked is gone (ended, timed out, stopped): so is its OCR.
whenParentGone(() => process.exit(0));

const engine = ocrEngine(threads);
engine.then(
  () => toParent({ ready: true }),
  (e: unknown) => toParent({ failed: e instanceof Error ? e.message : String(e) }),
);
// One run at a time, in the order asked: two scans read at once share this process, and two runs
// at once would take twice the memory.
let queue: Promise<void> = Promise.resolve();
fromParent((m) => {
  const msg = m as OcrRequest;
  queue = queue.then(async () => {
    let reply: OcrResponse;
    try {
      const e = await engine;
      reply = msg.op === 'detect' ? { id: msg.id, boxes: await e.detect(msg.img) } : { id: msg.id, texts: await e.recognize(msg.crops) };
      const cpu = process.cpuUsage();
      reply.cpu = (cpu.user + cpu.system) / 1e6;
    } catch (e) {
      reply = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
    }
    toParent(reply);
  });
});
