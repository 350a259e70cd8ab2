// The OCR's own process: ONNX Runtime and the models live here, not in the import's workers.
// Its native memory is invisible to a worker's heap statistics and, once allocated, kept by the
// C allocator for good (a worker that had read one scan stayed ~300 MB larger for the rest of the
// import); a process gives all of it back when it ends, and may be ended mid-run, which a worker
// thread may not (ending one during a run aborts the whole program). One process reads one scan.
import { ocrEngine } from './engine.ts';
import { EXIT_MEMORY, type OcrRequest, type OcrResponse } from './ocr-client.ts';

const limit = Number(process.env.NIANBAO_OCR_MAX_MB ?? 0) * 1048576;
const threads = Number(process.env.NIANBAO_OCR_THREADS ?? 1);
// The whole process, native memory included; sampled while a run works on the runtime's threads.
if (limit > 0)
  setInterval(() => {
    if (process.memoryUsage.rss() > limit) process.exit(EXIT_MEMORY);
  }, 25).unref();
// The worker that asked is gone (ended, timed out, stopped): so is its OCR.
process.on('disconnect', () => process.exit(0));

const engine = ocrEngine(threads);
engine.then(
  () => process.send!({ ready: true }),
  (e: unknown) => process.send!({ failed: e instanceof Error ? e.message : String(e) }),
);
process.on('message', async (msg: OcrRequest) => {
  let reply: OcrResponse;
  try {
    const e = await engine;
    reply = msg.op === 'detect' ? { id: msg.id, boxes: await e.detect(msg.img) } : { id: msg.id, texts: await e.recognize(msg.crops) };
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? e.message : String(e) };
  }
  process.send!(reply);
});
