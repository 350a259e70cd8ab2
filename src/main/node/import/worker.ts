// Worker thread entry: parses files, compares reports and checks archive files off the main thread, so main keeps
// answering the window while a large file or a long text diff is worked on.
import { parentPort } from 'node:worker_threads';
import { compareReports } from '../../../shared/compare/index.ts';
import type { WorkerJob } from './pool.ts';
import { processFile } from './process-file.ts';
import { checkArchiveFile } from '../archive/backup.ts';

parentPort!.on('message', async (msg: { id: number; job: WorkerJob }) => {
  const { job } = msg;
  try {
    const result =
      job.kind === 'parse' ? await processFile(job.bytes, job.ext, job.file) : job.kind === 'compare' ? compareReports(job.inputs, job.granularity) : checkArchiveFile(job.path);
    parentPort!.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
