// Year batches running in main while the summary page polls their progress; one can be
// cancelled between sheets (what was written stays, and the status says so).
import { randomBytes } from 'node:crypto';
import { pageError } from '../../../shared/contract/errors.ts';
import type { BatchStatus } from '../../../shared/contract/types.ts';
import { logTechnical } from '../import/reasons.ts';
import type { Archive } from '../archive/archive.ts';
import { writeYearComparisons, type BatchOptions } from './batch.ts';

interface Job {
  status: BatchStatus;
  abort: AbortController;
}

export class BatchJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly archive: Archive;
  private readonly opts: Pick<BatchOptions, 'pdf' | 'compare'>;

  constructor(archive: Archive, opts: Pick<BatchOptions, 'pdf' | 'compare'> = {}) {
    this.archive = archive;
    this.opts = opts;
  }

  start(year: number, folder: string): string {
    const jobId = randomBytes(12).toString('base64url');
    const status: BatchStatus = { jobId, year, folder, done: 0, total: 0, current: null, finished: false, cancelled: false, written: 0, skipped: [], error: null };
    const job: Job = { status, abort: new AbortController() };
    this.jobs.set(jobId, job);
    const progress = (done: number, total: number, current: string) => Object.assign(status, { done, total, current: current || null });
    writeYearComparisons(this.archive, year, folder, { ...this.opts, progress, signal: job.abort.signal, onWritten: () => void status.written++ })
      .then((r) => Object.assign(status, { skipped: r.skipped, cancelled: r.cancelled }))
      .catch((e: unknown) => {
        // Shown on the summary page: Chinese, the technical text to the log.
        const { message, log } = pageError(e);
        if (log) logTechnical('批量生成比较表', log);
        status.error = message;
      })
      .finally(() => Object.assign(status, { finished: true, current: null }));
    return jobId;
  }

  status(jobId: string): BatchStatus | null {
    const j = this.jobs.get(jobId);
    return j ? { ...j.status, skipped: [...j.status.skipped] } : null;
  }

  /** The last batch started for the year (jobs are kept in start order). */
  latest(year: number): BatchStatus | null {
    const last = [...this.jobs.values()].findLast((j) => j.status.year === year);
    return last ? this.status(last.status.jobId) : null;
  }

  /** A batch is writing sheets from the archive. */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => !j.status.finished);
  }

  cancel(jobId: string): boolean {
    const j = this.jobs.get(jobId);
    if (!j || j.status.finished) return false;
    j.abort.abort();
    return true;
  }

  folder(jobId: string): string | null {
    return this.jobs.get(jobId)?.status.folder ?? null;
  }
}
