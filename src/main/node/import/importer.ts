// Import jobs: walk, hash, skip duplicates, parse in workers, store each file in its own
// transaction. Progress is polled through the contract; a job can be cancelled between files.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, statfs } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
import type { ImportItem, ImportItemStatus, ImportStatus } from '../../../shared/contract/types.ts';
import { allChecks } from '../../../shared/report/checks/index.ts';
import { applyCorrections } from '../../../shared/report/corrections.ts';
import { normalizeAgency } from '../../../shared/report/parse/normalize.ts';
import { PARSER_VERSION } from '../../../shared/report/parse/version.ts';
import { statusOf } from '../../../shared/report/status.ts';
import type { Archive } from '../archive/archive.ts';
import type { ParsePool } from './pool.ts';
import { imagesToPdf, pageOrder } from '../ocr/images-pdf.ts';
import { IMAGE_EXTENSIONS, LIMITS, ReadError } from './readers/index.ts';
import { logTechnical, storageFailure } from './reasons.ts';
import { walk } from './walk.ts';

/** A job is the status it reports, plus the promise of its end. */
interface Job extends Omit<ImportStatus, 'jobId' | 'itemCount' | 'next'> {
  id: string;
  promise: Promise<void>;
  /** Why the import stopped itself (a full disk), and the files it had in hand then. */
  stopWhy?: string;
  stopItems: number;
}

const FORMAT_NAMES: Record<string, string> = { docx: 'Word（.docx）', doc: 'Word 97-2003（.doc）', txt: '文本', html: '网页', mht: '单一网页文件（.mht）', pdf: 'PDF', xlsx: 'Excel填报模板（.xlsx）', image: '图片' };

export interface ImporterOptions {
  /** Free bytes on the disk holding `dir`, or null when unknown; the OS is asked unless a test says. */
  freeBytes?: (dir: string) => Promise<number | null>;
  /** Read scans by OCR (default); off, a scan is kept as a report whose data is still to be typed in. */
  ocr?: boolean;
}

export class Importer {
  private jobs = new Map<string, Job>();
  private readonly archive: Archive;
  private readonly pool: ParsePool;

  private readonly freeBytes: (dir: string) => Promise<number | null>;
  private readonly ocr: boolean;

  /** `freeBytes` asks the disk holding the archive how much room it has (the OS, unless a test says). */
  constructor(archive: Archive, pool: ParsePool, opts: ImporterOptions = {}) {
    this.archive = archive;
    this.pool = pool;
    this.freeBytes = opts.freeBytes ?? (async (dir) => statfs(dir).then((s) => s.bavail * s.bsize, () => null));
    this.ocr = opts.ocr ?? true;
  }

  /**
   * The archive keeps each file itself plus its text, cells and search index: 90–140 KB a
   * report on top of the file (bench:import: 300 reports of 5.1 MB made 32.3 MB, 100 made 13.8 MB with the WAL).
   * Warn before starting when the disk has less than that with room to spare.
   */
  private async spaceWarning(files: number, bytes: number): Promise<string | undefined> {
    const need = bytes + files * 128 * 1024 + 64 * 1048576;
    const free = await this.freeBytes(dirname(this.archive.path));
    if (free === null || free >= need) return undefined;
    const mb = (n: number) => Math.max(1, Math.round(n / 1048576));
    return `档案所在磁盘只剩约 ${mb(free)} MB，这些文件导入后约需 ${mb(need)} MB，空间可能不够。导入会继续；空间用完时会停止，已导入的报告不受影响。`;
  }

  /** `pages`: each path is a folder of one report's page pictures (页1.jpg …), imported as that one report. */
  start(paths: string[], opts: { pages?: boolean } = {}): string {
    const id = randomBytes(12).toString('base64url');
    const job: Job = {
      id,
      total: 0,
      done: 0,
      current: null,
      scanning: true,
      finished: false,
      cancelled: false,
      items: [],
      counts: { imported: 0, duplicate: 0, skipped: 0, failed: 0 },
      promise: Promise.resolve(),
      stopItems: 0,
    };
    this.jobs.set(id, job);
    job.promise = (opts.pages ? this.runPages(job, paths) : this.run(job, paths)).finally(() => {
      job.finished = true;
      job.current = null;
    });
    return id;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  wait(id: string): Promise<void> {
    return this.jobs.get(id)?.promise ?? Promise.resolve();
  }

  status(id: string, since = 0): ImportStatus | null {
    const j = this.jobs.get(id);
    if (!j) return null;
    return {
      jobId: j.id,
      total: j.total,
      done: j.done,
      current: j.current,
      scanning: j.scanning,
      finished: j.finished,
      cancelled: j.cancelled,
      counts: { ...j.counts },
      next: {
        review: j.items.filter((i) => i.review).length,
        copies: j.items.filter((i) => i.role === 'copy').length,
        versions: j.items.filter((i) => i.role === 'version').length,
      },
      items: j.items.slice(since),
      itemCount: j.items.length,
      ...(j.warning ? { warning: j.warning } : {}),
      ...(j.stopped ? { stopped: j.stopped } : {}),
    };
  }

  /** An import is under way: the archive must not be swapped under it (a restore waits). */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => !j.finished);
  }

  cancel(id: string): boolean {
    const j = this.jobs.get(id);
    if (!j || j.finished) return false;
    j.cancelled = true;
    return true;
  }

  private add(job: Job, item: ImportItem): void {
    job.items.push(item);
    job.counts[item.status]++;
  }

  /**
   * Folders of page pictures, each one report: its images in their names' order (页2 before 页10)
   * made one PDF of page pictures (the report's original), then imported as a scanned PDF.
   */
  private async runPages(job: Job, dirs: string[]): Promise<void> {
    job.total = dirs.length;
    job.scanning = false;
    const seen = new Map<string, string>();
    for (const dir of dirs) {
      if (job.cancelled) break;
      const fail = (message: string) => {
        this.add(job, { path: dir, name: basename(dir), status: 'failed', message });
        job.done++;
      };
      try {
        const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && IMAGE_EXTENSIONS.includes(extname(e.name).toLowerCase())).map((e) => e.name).sort(pageOrder);
        if (!names.length) {
          fail('文件夹中没有图片（.jpg、.png、.tif），不能作为一份报告导入');
          continue;
        }
        let size = 0;
        const images: Uint8Array[] = [];
        for (const n of names) {
          const b = new Uint8Array(await readFile(join(dir, n)));
          size += b.length;
          if (size > LIMITS.maxFileBytes) throw new ReadError('too-large', `文件夹中的图片过大（超过${LIMITS.maxFileBytes / 1048576} MB），不像是一份年度报告`);
          images.push(b);
        }
        await this.one(job, join(dirname(dir), `${basename(dir)}（${names.length}张图片）.pdf`), seen, imagesToPdf(images), dir);
      } catch (e) {
        if (e instanceof ReadError) fail(e.message);
        else {
          logTechnical(`读取文件夹“${basename(dir)}”时出错`, e);
          fail('读取文件夹中的图片时出错');
        }
      }
    }
  }

  private async run(job: Job, paths: string[]): Promise<void> {
    const files: string[] = [];
    let bytes = 0;
    for await (const f of walk(paths, () => job.cancelled)) {
      if (f.importable) {
        files.push(f.path);
        bytes += f.size ?? 0;
        job.total++;
      } else this.add(job, { path: f.path, name: basename(f.path), status: 'skipped', message: f.reason ?? '已跳过' });
    }
    job.warning = await this.spaceWarning(files.length, bytes);
    job.scanning = false;
    const seen = new Map<string, string>();
    // Read ahead of the workers a little, never the whole folder: memory stays bounded.
    const inFlight = new Set<Promise<void>>();
    const limit = 4;
    for (const path of files) {
      if (job.cancelled) break;
      const p = this.one(job, path, seen).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    // Left: the files never tried, and those the stop caught in hand (the one the disk refused too).
    if (job.stopWhy) job.stopped = `${job.stopWhy}，导入已停止：${files.length - job.done + job.stopItems} 个文件未导入`;
  }

  /** `given`: the file's bytes when made here (a folder's pictures as one PDF), `from`: the folder they came from. */
  private async one(job: Job, path: string, seen: Map<string, string>, given?: Uint8Array, from?: string): Promise<void> {
    const name = basename(path);
    job.current = name;
    const item = (status: ImportItemStatus, message: string, reportId?: number, more: Pick<ImportItem, 'role' | 'review'> = {}) => {
      this.add(job, { path: from ?? path, name, status, message, ...(reportId ? { reportId } : {}), ...more });
      job.done++;
    };
    try {
      if (!given) {
        const st = await stat(path);
        if (st.size > LIMITS.maxFileBytes) return item('failed', `文件过大（${(st.size / 1048576).toFixed(0)} MB），不像是年度报告`);
      }
      const bytes = given ?? new Uint8Array(await readFile(path));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const existing = this.archive.hasOriginal(sha256);
      if (existing) return item('duplicate', `与档案中已有的文件内容完全相同（报告 #${existing}），未重复导入`, existing);
      if (seen.has(sha256)) return item('duplicate', `与本次导入的“${basename(seen.get(sha256)!)}”内容完全相同，未重复导入`);
      seen.set(sha256, path);

      const res = await this.pool.run(
        bytes,
        extname(name),
        { fileName: name, folder: dirname(path).split(sep).slice(-3).join('/') },
        (page, pages) => {
          job.current = `${name}（文字识别 第 ${page}/${pages} 页）`;
          return !job.cancelled;
        },
        this.ocr,
      );
      // A workbook that is no 填报模板 lay in the folder beside the reports: passed over, as the walk passes over other office files.
      if (!res.ok) return item(res.code === 'not-template' ? 'skipped' : 'failed', res.message);
      // A file imported before, corrected, removed and imported again keeps its corrections.
      const corrections = this.archive.correctionsFor(sha256);
      const r = corrections.length ? applyCorrections(res.report, corrections, normalizeAgency) : res.report;
      if (corrections.length) res.findings = allChecks(r);
      const id = this.archive.insertReport({
        sha256,
        bytes,
        fileName: name,
        sourcePath: from ?? path,
        format: res.format,
        encoding: res.encoding,
        agency: r.agency,
        agencyNorm: r.agencyNormalized,
        year: r.year,
        date: r.date,
        template: r.template,
        complete: r.complete,
        status: statusOf(r.complete, res.findings),
        parts: r.parts,
        notes: r.notes,
        evidence: r.evidence,
        text: res.text,
        cells: r.cells,
        findings: res.findings,
        parserVersion: PARSER_VERSION,
      });
      const notes: string[] = [];
      if (corrections.length) notes.push(`已沿用此前对该文件的${corrections.length}处人工更正`);
      if (res.extensionMismatch) notes.push(`扩展名与内容不符，已按实际格式${FORMAT_NAMES[res.format]}读取`);
      const role = this.archive.roleOf(id);
      if (role?.role === 'copy') notes.push(`为已有报告的另一文件（同“${role.fileName}”，${role.why ?? ''}），统计时只算一份`);
      if (role?.role === 'version') notes.push(`与“${role.fileName}”单位和年度相同而内容不同，为第${role.version}稿`);
      if (!r.agency) notes.push('未识别出单位名称');
      if (!r.year) notes.push('未识别出报告年度');
      const review = this.archive.getReport(id)?.review.length ? true : false;
      return item('imported', notes.join('；') || '已导入', id, { ...(role ? { role: role.role } : {}), ...(review ? { review } : {}) });
    } catch (e) {
      logTechnical(`导入“${name}”时写入档案失败`, e);
      const f = storageFailure(e);
      if (f.duplicate) return item('duplicate', f.message);
      if (f.stop) job.stopItems++;
      if (f.stop && !job.cancelled) {
        // Every later file would fail the same way: stop once, keep what was stored.
        job.cancelled = true;
        job.stopWhy = f.stopWhy;
        return item('failed', f.message);
      }
      return item(f.stop ? 'skipped' : 'failed', f.stop ? '导入已停止，未导入' : f.message);
    }
  }
}
