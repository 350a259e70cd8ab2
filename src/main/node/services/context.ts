// What every room of the services shares: the archive, the platform (dialogs, opening files,
// printing), and the few helpers several areas use (a report as shown, saving a sheet, opening
// a temporary copy). Built once per createHandlers, so the rooms hold no state of their own
// beyond what they say.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { withReason, type ReportDetail } from '../../../shared/contract/index.ts';
import { trackFindings } from '../../../shared/report/revision.ts';
import { fileSafe } from '../../../shared/print-page.ts';
import { logTechnical } from '../import/reasons.ts';
import { withAreaFindings } from '../archive/area.ts';
import { rectificationOf } from '../archive/notices.ts';
import { BatchJobs } from '../export/batch-jobs.ts';
import type { Archive } from '../archive/archive.ts';
import type { Importer } from '../import/importer.ts';
import type { ParsePool } from '../import/pool.ts';
import { Grants } from './grants.ts';
import { SelfChecks } from './self-check-store.ts';

export interface Platform {
  /** The native open dialog, worded for importing or for 报送前自查 (check); null when the user cancels. */
  chooseSources(kind: 'folder' | 'files', purpose?: 'import' | 'check'): Promise<string[] | null>;
  /** Opens a file with the system's default program; an error message, or '' on success. */
  openPath(path: string): Promise<string>;
  /** The native save dialog, then writes the bytes; the path, or null when the user cancels. */
  saveFile(bytes: Uint8Array, defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  /** Renders a print route of the app to PDF (A4; landscape for wide sheets). */
  renderPdf(route: string, landscape: boolean): Promise<Uint8Array>;
  /** The native dialog for a folder to write into (a batch's sheets, or a backup); null when the user cancels. */
  chooseOutputFolder(purpose: 'batch' | 'backup' | 'notices' | 'templates'): Promise<string | null>;
  /** The native open dialog for an archive file to restore from; null when the user cancels. */
  chooseArchiveFile(): Promise<string | null>;
  /** The native open dialog for an Excel workbook (a 单位目录); null when the user cancels. */
  chooseSpreadsheet(): Promise<string | null>;
  /** Sends a print route to the system's print dialog. */
  printRoute(route: string, landscape: boolean): Promise<string>;
  /**
   * The pictures a print route draws (the crops of originals a notice shows under its findings),
   * as the page holds them: unchecked, main validates them (services/notice-pictures.ts).
   * Absent where no page can be drawn (the tests' quiet desktop).
   */
  sheetPictures?(route: string): Promise<unknown>;
  version: string;
}

export interface ServiceDeps {
  archive: Archive;
  importer: Importer;
  /** The workers: comparisons (long text diffs) run there, not on main's thread. */
  pool: ParsePool;
  platform: Platform;
}

/** Copies written for 打开原文件 and opened sheets: one folder, emptied when the app starts and quits. */
export const OPEN_COPIES = join(tmpdir(), 'nianbao-opened');

/** Removes the copies a session opened; a copy still open in another program (Windows) stays until next time. */
export function removeOpenCopies(): void {
  try {
    rmSync(OPEN_COPIES, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // still in use: removed at the next start
  }
}

export interface ServiceContext extends ServiceDeps {
  /** Year batches (comparison sheets of a year); the backup room asks whether one runs. */
  batches: BatchJobs;
  /** Files and folders the user chose or dropped, behind tokens (an import's, a self-check's). */
  grants: Grants;
  /** The latest self-checks (报送前自查), by token: their sheet and notice read them back. */
  selfChecks: SelfChecks;
  /** A failure the system explains (opening a file, printing): its reason shown when Chinese, else logged. */
  said(what: string, reason: string): string;
  /** A report as the user sees it: with its A1 提醒 against its units, without the checks the office switched off. */
  shownReport(stored: ReportDetail | null): ReportDetail | null;
  /** The stored report, or the Chinese error that it is gone. */
  detail(id: number): ReportDetail;
  /** Writes bytes to a temporary file and opens it with the system's default program. */
  openTemp(name: string, bytes: Uint8Array): Promise<{ file: string; err: string }>;
  /** An Excel or CSV sheet, saved where the user chooses. */
  saveSheet(name: string, format: 'xlsx' | 'csv', xlsx: () => Promise<Uint8Array>, csv: () => string): Promise<{ saved: boolean; path?: string }>;
}

export function serviceContext(deps: ServiceDeps): ServiceContext {
  const { archive, pool, platform } = deps;
  // Year batches print landscape sheets through the platform's PDF renderer.
  const batches = new BatchJobs(archive, { pdf: (route) => platform.renderPdf(route, true), compare: (inputs) => pool.compare(inputs, 'word') });

  const said = (what: string, reason: string) => {
    const { message, log } = withReason(what, reason);
    if (log) logTechnical(what, log);
    return message;
  };

  function shownReport(stored: ReportDetail | null): ReportDetail | null {
    const off = archive.settings().disabledRules;
    const d = stored && withAreaFindings(archive, stored);
    const shown = d && off.length ? { ...d, findings: d.findings.filter((f) => !off.includes(f.rule)) } : d;
    const revised = shown && withRevision(shown, off);
    // The 审核意见 this file answers (or was written on), its findings' states (整改跟踪).
    const rectification = revised && rectificationOf(archive, revised.id, revised.findings);
    return revised && (rectification ? { ...revised, rectification } : revised);
  }

  /** A later version's findings against the version before it (已整改 / 未整改 / 新问题). */
  function withRevision(d: ReportDetail, off: string[]): ReportDetail {
    const prev = d.files && d.copyOf === null && d.version > 1 ? d.files.versions.find((v) => v.version === d.version - 1) : undefined;
    if (!prev) return d;
    const t = trackFindings(archive.findingsOf(prev.id).filter((f) => !off.includes(f.rule)), d.findings);
    return { ...d, revision: { previousId: prev.id, previousVersion: prev.version, fixed: t.fixed, states: t.current.map((c) => c.state) } };
  }

  function detail(id: number) {
    const d = archive.getReport(id);
    if (!d) throw new Error('档案中没有这份报告');
    return d;
  }

  async function openTemp(name: string, bytes: Uint8Array) {
    await mkdir(OPEN_COPIES, { recursive: true });
    const dir = await mkdtemp(join(OPEN_COPIES, 'f-'));
    const file = join(dir, fileSafe(name));
    await writeFile(file, bytes);
    return { file, err: await platform.openPath(file) };
  }

  async function saveSheet(name: string, format: 'xlsx' | 'csv', xlsx: () => Promise<Uint8Array>, csv: () => string) {
    const file = fileSafe(name);
    const path =
      format === 'xlsx'
        ? await platform.saveFile(await xlsx(), `${file}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] })
        : await platform.saveFile(new TextEncoder().encode(csv()), `${file}.csv`, { name: 'CSV 文件', extensions: ['csv'] });
    return path ? { saved: true, path } : { saved: false };
  }

  return { ...deps, batches, grants: new Grants(), selfChecks: new SelfChecks(), said, shownReport, detail, openTemp, saveSheet };
}
