// ONNX Runtime must not be torn down while it runs: a worker thread ended during a run aborts
// the whole process ("terminate called after throwing an instance of 'Napi::Error'", seen here).
// So a worker that runs the OCR shares two flags with the pool: whether a run is under way, and a
// request to stop. The pool that must end the worker (a timeout, the memory ceiling, the user's
// stop, closing) asks it to stop, waits for the run in flight to finish, then ends it.
const RUNNING = 0;
const STOP = 1;

let flags: Int32Array | null = null;

/** A worker's flags, shared with its pool (workerData). */
export function useRunGuard(buffer: SharedArrayBuffer | undefined): void {
  flags = buffer ? new Int32Array(buffer) : null;
}

export class OcrStopped extends Error {
  constructor() {
    super('文字识别已停止');
  }
}

/** One ONNX Runtime run, marked as under way; a stop requested meanwhile ends the work after it. */
export async function guardedRun<T>(run: () => Promise<T>): Promise<T> {
  if (flags && Atomics.load(flags, STOP)) throw new OcrStopped();
  if (flags) Atomics.store(flags, RUNNING, 1);
  try {
    return await run();
  } finally {
    if (flags) Atomics.store(flags, RUNNING, 0);
  }
}

/** The pool's side: new flags for a worker. */
export const newRunFlags = () => new SharedArrayBuffer(8);

/**
 * Asks the worker to stop and resolves once no run is under way (at most `maxMs`: a run is a
 * second or two), so that ending the worker is safe.
 */
export async function stopRuns(buffer: SharedArrayBuffer, maxMs = 15_000): Promise<void> {
  const f = new Int32Array(buffer);
  Atomics.store(f, STOP, 1);
  const until = Date.now() + maxMs;
  const pause = () => new Promise((r) => setTimeout(r, 20));
  // Twice idle: a run that began just as the stop was asked is seen on the second look.
  for (let idle = 0; idle < 2 && Date.now() < until; ) {
    await pause();
    idle = Atomics.load(f, RUNNING) ? 0 : idle + 1;
  }
}
