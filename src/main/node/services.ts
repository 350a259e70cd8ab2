// The operations behind the contract, shared by Electron's IPC, the CLI and the browser
// test host. What needs Electron itself (dialogs, opening files) comes in as a Platform.
import { originalOf } from './original.ts';
import { trackFindings } from '../../shared/report/revision.ts';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { userInfo } from 'node:os';
import { stat } from 'node:fs/promises';
import { withReason, type Handlers, type ReportDetail, type SearchHit } from '../../shared/contract/index.ts';
import { logTechnical } from './import/reasons.ts';
import type { UndoResult } from '../../shared/contract/types.ts';
import { BatchJobs } from './export/batch-jobs.ts';
import { comparisonCsv, comparisonXlsx, seriesCsv, seriesXlsx, summaryCsv, summaryXlsx } from './export/compare-sheet.ts';
import { reportListCsv, reportListXlsx, searchCsv, searchXlsx } from './export/report-list.ts';
import { noticeDocx } from './export/notice-docx.ts';
import { areaDocx, areaXlsx } from './export/area-sheet.ts';
import { areaSummary, withAreaFindings } from './archive/area.ts';
import { overview } from './archive/overview.ts';
import { directoryXlsx, readDirectoryXlsx } from './export/directory-sheet.ts';
import { overviewXlsx } from './export/overview-sheet.ts';
import { buildNotice, previousNotice, type Notice } from '../../shared/report/notice.ts';
import { fileSafe, SHEET_ROUTES, summarySheetName, trackingSheetName } from '../../shared/print-page.ts';
import { recordNotice, rectificationOf } from './archive/notices.ts';
import { trackingHandlers } from './tracking-service.ts';
import { cellTarget, notAValue } from '../../shared/report/corrections.ts';
import { parseValue } from '../../shared/report/parse/values.ts';
import type { Archive, MetaSnapshot, Restored } from './archive/archive.ts';
import { latestBackupDay } from './archive/backup.ts';
import { backupHandlers } from './archive/backup-service.ts';
import type { Importer } from './import/importer.ts';
import type { ParsePool } from './import/pool.ts';

export interface Platform {
  /** The native open dialog; null when the user cancels. */
  chooseSources(kind: 'folder' | 'files'): Promise<string[] | null>;
  /** Opens a file with the system's default program; an error message, or '' on success. */
  openPath(path: string): Promise<string>;
  /** The native save dialog, then writes the bytes; the path, or null when the user cancels. */
  saveFile(bytes: Uint8Array, defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  /** Renders a print route of the app to PDF (A4; landscape for wide sheets). */
  renderPdf(route: string, landscape: boolean): Promise<Uint8Array>;
  /** The native dialog for a folder to write into (a batch's sheets, or a backup); null when the user cancels. */
  chooseOutputFolder(purpose: 'batch' | 'backup' | 'notices'): Promise<string | null>;
  /** The native open dialog for an archive file to restore from; null when the user cancels. */
  chooseArchiveFile(): Promise<string | null>;
  /** The native open dialog for an Excel workbook (a 单位目录); null when the user cancels. */
  chooseSpreadsheet(): Promise<string | null>;
  /** Sends a print route to the system's print dialog. */
  printRoute(route: string, landscape: boolean): Promise<string>;
  version: string;
}

export interface ServiceDeps {
  archive: Archive;
  importer: Importer;
  /** The workers: comparisons (long text diffs) run there, not on main's thread. */
  pool: ParsePool;
  platform: Platform;
}

/** A file name for a comparison sheet: agencies and years. */
function sheetName(c: { reports: { agency: string | null; year: number | null }[] }): string {
  const agencies = [...new Set(c.reports.map((r) => r.agency ?? '未识别单位'))];
  const years = [...new Set(c.reports.map((r) => r.year ?? ''))].join('-');
  return fileSafe(`报告比较_${agencies.slice(0, 2).join('_')}${agencies.length > 2 ? '等' : ''}_${years}`);
}

/** 审核意见_<单位>_<年度>: the notice's file name. */
const noticeName = (r: { agency: string | null; year: number | null; fileName: string }) => fileSafe(`审核意见_${r.agency ?? r.fileName}${r.year ? `_${r.year}年度` : ''}`);

/** Who made a correction: the local user of this PC. */
function who(): string {
  try {
    return userInfo().username;
  } catch {
    return '本机用户';
  }
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

export function createHandlers({ archive, importer, pool, platform }: ServiceDeps): Handlers {
  // Bulk metadata changes of this session, by token, for 撤销.
  const undos = new Map<string, MetaSnapshot[]>();
  // Paths the user chose in main's dialog or dropped on the window, behind an opaque token.
  const grants = new Map<string, string[]>();
  /** A failure the system explains (opening a file, printing): its reason shown when Chinese, else logged. */
  const said = (what: string, reason: string) => {
    const { message, log } = withReason(what, reason);
    if (log) logTechnical(what, log);
    return message;
  };
  // Year batches print landscape sheets through the platform's PDF renderer.
  const batches = new BatchJobs(archive, { pdf: (route) => platform.renderPdf(route, true), compare: (inputs) => pool.compare(inputs, 'word') });
  const grant = (paths: string[]) => {
    const token = randomBytes(12).toString('base64url');
    grants.set(token, paths);
    return { grant: token, labels: paths.map((p) => basename(p) || p) };
  };

  return {
    appInfo: () => ({
      version: platform.version,
      archivePath: archive.path,
      reportCount: archive.count(),
      years: archive.years(),
      lastBackup: latestBackupDay(archive.path),
      reviewCount: archive.listReports({ review: true }).length,
    }),
    ...backupHandlers({
      archive,
      pool,
      busy: () => (importer.busy() ? '正在导入报告' : batches.busy() ? '正在批量生成比较表' : null),
      chooseFolder: () => platform.chooseOutputFolder('backup'),
      chooseArchiveFile: () => platform.chooseArchiveFile(),
    }),
    ...trackingHandlers(archive, platform, who),
    listReports: (q) => archive.listReports(q),
    // The checks the office switched off are not shown (they stay stored, and come back when switched on).
    getReport: ({ id }) => shownReport(archive.getReport(id)),
    exportReportList: async ({ ids, format }) => {
      const byId = new Map(archive.listReports({}).map((r) => [r.id, r]));
      const list = ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
      if (!list.length) throw new Error('所选的报告已不在档案中');
      return saveSheet(`报告列表_${list.length}份`, format, () => reportListXlsx(list), () => reportListCsv(list));
    },
    removeReport: ({ id }) => ({ removed: archive.removeReport(id) }),
    chooseFile: ({ id }) => (archive.chooseFile(id), shownReport(archive.getReport(id))),
    keepApart: ({ id, apart }) => (archive.keepApart(id, apart), shownReport(archive.getReport(id))),
    originalOf: ({ id, table, row, col, bytes }) => originalOf(archive, id, table, row, col, bytes ?? true),
    openOriginal: async ({ id }) => {
      const o = archive.original(id);
      if (!o) return { opened: false, message: '档案中没有这份报告' };
      // Written from the archive's copy, so it opens even when the source folder is gone.
      const { err } = await openTemp(o.fileName, o.bytes);
      return err ? { opened: false, message: said('无法打开原文件', err) } : { opened: true };
    },
    chooseImportSources: async ({ kind }) => {
      const paths = await platform.chooseSources(kind);
      return paths && paths.length ? grant(paths) : null;
    },
    grantDroppedPaths: async ({ paths }) => {
      // Only absolute paths of things that exist; importing only reads them.
      const ok: string[] = [];
      for (const p of paths) {
        if (!isAbsolute(p)) continue;
        try {
          const st = await stat(p);
          if (st.isFile() || st.isDirectory()) ok.push(p);
        } catch {
          /* gone since the drop */
        }
      }
      if (ok.length === 0) throw new Error('拖入的文件或文件夹不存在或无法读取');
      return grant(ok);
    },
    startImport: ({ grant: token }) => {
      const paths = grants.get(token);
      if (!paths) throw new Error('导入授权已失效，请重新选择文件或文件夹');
      grants.delete(token);
      return { jobId: importer.start(paths) };
    },
    importStatus: ({ jobId, since }) => importer.status(jobId, since),
    cancelImport: ({ jobId }) => ({ cancelled: importer.cancel(jobId) }),
    correctCell: ({ id, table, row, col, text }) => {
      const value = parseValue(text);
      if (!value) throw new Error(notAValue(text)!);
      archive.correct(id, cellTarget(table, row, col), value, who());
      return shownReport(detail(id))!;
    },
    confirmCells: ({ id, cells }) => {
      // Recorded as corrections to the value read: the cell is then the clerk's, and a rule it fails is the document's.
      const now = detail(id);
      for (const c of cells) {
        const cell = now.cells.find((x) => x.table === c.table && x.row === c.row && x.col === c.col);
        if (cell && cell.how && !cell.original) archive.correct(id, cellTarget(c.table, c.row, c.col), cell.value, `${who()}（核对原文）`);
      }
      return shownReport(detail(id))!;
    },
    correctMeta: ({ id, agency, year }) => {
      // Only what changed is recorded: the dialog sends both fields.
      const now = detail(id);
      if (agency !== undefined && agency !== now.agency) archive.correct(id, 'meta:agency', agency, who());
      if (year !== undefined && year !== now.year) archive.correct(id, 'meta:year', year, who());
      return shownReport(detail(id))!;
    },
    correctMetaMany: ({ ids, agency, year }) => {
      const before = archive.correctMetaMany([...new Set(ids)], { agency, year }, who());
      const undo = randomBytes(12).toString('base64url');
      undos.set(undo, before);
      // The last few bulk changes of this session can be undone.
      for (const k of [...undos.keys()].slice(0, -20)) undos.delete(k);
      return { changed: new Set(before.map((b) => b.id)).size, undo };
    },
    undoMetaMany: ({ undo }) => {
      const before = undos.get(undo);
      if (!before) throw new Error('这次修改已无法撤销（程序重新打开过，或已撤销）');
      const restored = archive.restoreMeta(before);
      undos.delete(undo);
      return { undone: new Set(before.map((b) => b.id)).size, ...restoredSummary(restored) };
    },
    suggestAgencies: ({ text }) => archive.suggestAgencies(text),
    revertCorrection: ({ id, target }) => {
      archive.revert(id, target);
      return shownReport(detail(id))!;
    },
    search: (q) => archive.search(q),
    exportSearch: async ({ format, ...q }) => {
      // Page by page, as the list is ranked; an export is capped where a sheet stays usable.
      const hits: SearchHit[] = [];
      for (let total = Infinity; hits.length < Math.min(total, 5000); ) {
        const r = archive.search({ ...q, offset: hits.length, limit: 100 });
        total = r.total;
        if (!r.hits.length) break;
        hits.push(...r.hits);
      }
      if (!hits.length) throw new Error('没有检索结果可以导出');
      return saveSheet(`检索结果_${q.text?.trim() || '筛选'}_${hits.length}份`, format, () => searchXlsx(hits), () => searchCsv(hits));
    },
    compare: ({ ids, granularity }) => compare(ids, granularity),
    exportComparison: async ({ ids, format }) => {
      const c = await compare(ids);
      return saveSheet(sheetName(c), format, () => comparisonXlsx(c), () => comparisonCsv(c));
    },
    printSheet: async (args) => {
      // Each sheet is a print route of the renderer; wide sheets print landscape.
      const { route, name, landscape } = await sheetOf(args);
      const { action } = args;
      // A notice printed or saved is sent: recorded for 整改跟踪 (a preview is not).
      if (args.sheet === 'notice' && action !== 'preview') record(args.id, args.deadline);
      if (action === 'print') {
        const err = await platform.printRoute(route, landscape);
        return { message: err ? said('打印失败', err) : '已发送到打印机' };
      }
      const pdf = await platform.renderPdf(route, landscape);
      if (action === 'save') {
        const path = await platform.saveFile(pdf, `${name}.pdf`, { name: 'PDF 文件', extensions: ['pdf'] });
        return path ? { message: `已保存：${path}`, path } : { message: '已取消保存' };
      }
      const { err, file } = await openTemp(`${name}.pdf`, pdf);
      return err ? { message: said('无法打开预览', err), path: file } : { message: '已在PDF阅读器中打开打印预览', path: file };
    },
    yearSummary: ({ year }) => archive.yearSummary(year),
    exportSummary: async ({ year, format }) => {
      const s = archive.yearSummary(year);
      return saveSheet(summarySheetName(year), format, () => summaryXlsx(s), () => summaryCsv(s));
    },
    startBatch: async ({ year }) => {
      const folder = await platform.chooseOutputFolder('batch');
      return folder ? { jobId: batches.start(year, folder) } : null;
    },
    batchStatus: ({ jobId }) => batches.status(jobId),
    latestBatch: ({ year }) => batches.latest(year),
    cancelBatch: ({ jobId }) => ({ cancelled: batches.cancel(jobId) }),
    openBatchFolder: async ({ jobId }) => {
      const folder = batches.folder(jobId);
      if (!folder) return { opened: false, message: '找不到这次批量生成的文件夹' };
      const err = await platform.openPath(folder);
      return err ? { opened: false, message: said('无法打开文件夹', err) } : { opened: true };
    },
    exportSeries: async ({ agency, format }) => {
      const s = archive.agencySeries(agency);
      return saveSheet(`${s.group}历年情况`, format, () => seriesXlsx(s), () => seriesCsv(s));
    },
    agencySeries: ({ agency }) => archive.agencySeries(agency),
    previousReport: ({ id }) => {
      const prev = archive.previousReport(id);
      return prev ? { id: prev } : null;
    },
    getSettings: () => archive.settings(),
    setSettings: (s) => archive.setSettings(s),
    saveNotice: async ({ id, format, deadline }) => {
      const d = detail(id);
      const name = noticeName(d);
      if (format === 'docx') {
        const n = noticeOf(shownReport(d)!, deadline);
        const path = await platform.saveFile(await noticeDocx(n), `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] });
        if (path) recordNotice(archive, id, n, deadline ?? null);
        return path ? { saved: true, path } : { saved: false };
      }
      const path = await platform.saveFile(await platform.renderPdf(SHEET_ROUTES.notice(id, deadline), false), `${name}.pdf`, { name: 'PDF 文件', extensions: ['pdf'] });
      if (path) record(id, deadline);
      return path ? { saved: true, path } : { saved: false };
    },
    saveNotices: async ({ year, deadline }) => {
      const folder = await platform.chooseOutputFolder('notices');
      if (!folder) return null;
      let written = 0;
      for (const r of archive.listReports({ year, sort: 'agency' })) {
        const d = shownReport(archive.getReport(r.id));
        if (!d || d.findings.length === 0) continue;
        const n = noticeOf(d, deadline);
        await writeFile(join(folder, `${fileSafe(noticeName(d))}.docx`), await noticeDocx(n));
        recordNotice(archive, d.id, n, deadline ?? null);
        written++;
      }
      return { written, folder };
    },
    areaSummary: ({ year, region, own }) => areaSummary(archive, year, { region, own }),
    exportArea: async ({ year, region, own, format }) => {
      const a = areaSummary(archive, year, { region, own });
      if (!a.units.length) throw new Error(`${year}年度${region ? `“${region}”下` : ''}没有报告可以汇总`);
      const name = fileSafe(`${region ?? ''}${year}年度政府信息公开工作情况汇总表`);
      const path =
        format === 'docx'
          ? await platform.saveFile(await areaDocx(a), `${name}.docx`, { name: 'Word 文档', extensions: ['docx'] })
          : await platform.saveFile(await areaXlsx(a), `${name}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    overview: ({ year, region }) => overview(archive, year, region),
    exportOverview: async ({ year, region }) => {
      const o = overview(archive, year, region);
      if (!o.units.length) throw new Error(`${year}年度${region ? `“${region}”下` : ''}没有报告`);
      const path = await platform.saveFile(await overviewXlsx(o), `${fileSafe(`${region ?? ''}${year}年度政府信息公开工作年度报告态势`)}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    listDirectory: () => archive.directory(),
    saveUnits: ({ units }) => {
      archive.saveUnits(units);
      return archive.directory();
    },
    exportDirectory: async () => {
      const path = await platform.saveFile(await directoryXlsx(archive.directory()), '单位目录.xlsx', { name: 'Excel 工作簿', extensions: ['xlsx'] });
      return path ? { saved: true, path } : { saved: false };
    },
    importDirectory: async () => {
      const file = await platform.chooseSpreadsheet();
      if (!file) return null;
      const rows = await readDirectoryXlsx(new Uint8Array(await readFile(file)));
      archive.saveUnits(rows);
      return { imported: rows.length };
    },
    listAgencies: () => archive.listAgencies(),
    mergeAgencies: ({ from, into }) => {
      archive.mergeAgencies(from, into);
      return { merged: true };
    },
    unmergeAgency: ({ alias }) => {
      archive.unmergeAgency(alias);
      return { unmerged: true };
    },
  };

  /** A report as the user sees it: with its A1 提醒 against its units, without the checks the office switched off. */
  function shownReport(stored: ReportDetail | null): ReportDetail | null {
    const off = archive.settings().disabledRules;
    const d = stored && withAreaFindings(archive, stored);
    const shown = d && off.length ? { ...d, findings: d.findings.filter((f) => !off.includes(f.rule)) } : d;
    const revised = shown && withRevision(shown, off);
    const rectification = revised && rectificationOf(archive, revised.id, revised.findings);
    return revised && (rectification ? { ...revised, rectification } : revised);
  }

  /** Records the notice of a report as written now (the same as the printed sheet builds). */
  function record(id: number, deadline?: string): Notice {
    const n = noticeOf(shownReport(detail(id))!, deadline);
    recordNotice(archive, id, n, deadline ?? null);
    return n;
  }

  /** A later version's findings against the version before it (已整改 / 未整改 / 新问题). */
  function withRevision(d: ReportDetail, off: string[]): ReportDetail {
    const prev = d.files && d.copyOf === null && d.version > 1 ? d.files.versions.find((v) => v.version === d.version - 1) : undefined;
    if (!prev) return d;
    const t = trackFindings(archive.findingsOf(prev.id).filter((f) => !off.includes(f.rule)), d.findings);
    return { ...d, revision: { previousId: prev.id, previousVersion: prev.version, fixed: t.fixed, states: t.current.map((c) => c.state) } };
  }

  /** The 审核意见 of a report as shown (shownReport: A1 included); a 再次审核意见 when it answers one. */
  function noticeOf(d: ReportDetail, deadline?: string) {
    const s = archive.settings();
    return buildNotice(d, { officeName: s.officeName, deadline: deadline ?? null, disabledRules: s.disabledRules, previous: previousNotice(d) });
  }

  /** Writes bytes to a temporary file and opens it with the system's default program. */
  async function openTemp(name: string, bytes: Uint8Array) {
    await mkdir(OPEN_COPIES, { recursive: true });
    const dir = await mkdtemp(join(OPEN_COPIES, 'f-'));
    const file = join(dir, fileSafe(name));
    await writeFile(file, bytes);
    return { file, err: await platform.openPath(file) };
  }

  /** The print route of a sheet, its file name, and whether it is wide (landscape). */
  async function sheetOf(
    args: { sheet: 'compare'; ids: number[] } | { sheet: 'summary'; year: number } | { sheet: 'series'; agency: string } | { sheet: 'report'; id: number } | { sheet: 'notice'; id: number; deadline?: string }
      | { sheet: 'area'; year: number; region?: string; own?: 'include' | 'exclude' }
      | { sheet: 'overview'; year: number; region?: string }
      | { sheet: 'tracking'; year: number },
  ) {
    switch (args.sheet) {
      case 'compare':
        return { route: SHEET_ROUTES.compare(args.ids), name: sheetName(reportsOf(args.ids)), landscape: true };
      case 'summary':
        return { route: SHEET_ROUTES.summary(args.year), name: summarySheetName(args.year), landscape: true };
      case 'series': {
        const s = archive.agencySeries(args.agency);
        return { route: SHEET_ROUTES.series(s.group), name: `${s.group}历年情况`, landscape: true };
      }
      case 'overview':
        return { route: SHEET_ROUTES.overview(args.year, args.region), name: fileSafe(`${args.region ?? ''}${args.year}年度政府信息公开工作年度报告态势`), landscape: true };
      case 'area':
        return { route: SHEET_ROUTES.area(args.year, args.region, args.own), name: fileSafe(`${args.region ?? ''}${args.year}年度政府信息公开工作情况汇总表`), landscape: false };
      case 'tracking':
        return { route: SHEET_ROUTES.tracking(args.year), name: trackingSheetName(args.year), landscape: true };
      case 'notice': {
        const r = detail(args.id);
        return { route: SHEET_ROUTES.notice(args.id, args.deadline), name: noticeName(r), landscape: false };
      }
      case 'report': {
        const r = detail(args.id);
        return { route: SHEET_ROUTES.report(args.id), name: `${r.agency ?? r.fileName}${r.year ? `${r.year}年度` : ''}报告核对表`, landscape: false };
      }
    }
  }

  async function saveSheet(name: string, format: 'xlsx' | 'csv', xlsx: () => Promise<Uint8Array>, csv: () => string) {
    const file = fileSafe(name);
    const path =
      format === 'xlsx'
        ? await platform.saveFile(await xlsx(), `${file}.xlsx`, { name: 'Excel 工作簿', extensions: ['xlsx'] })
        : await platform.saveFile(new TextEncoder().encode(csv()), `${file}.csv`, { name: 'CSV 文件', extensions: ['csv'] });
    return path ? { saved: true, path } : { saved: false };
  }

  function inputsOf(ids: number[]) {
    const inputs = archive.compareInputs([...new Set(ids)]);
    if (inputs.length < 2) throw new Error('请选择至少两份不同的报告进行比较');
    return inputs;
  }

  /** Agencies and years of the reports, for a sheet's file name. */
  function reportsOf(ids: number[]) {
    return { reports: inputsOf(ids).map((r) => ({ agency: r.agency, year: r.year })) };
  }

  /** Built in a worker: a long text diff (up to its time limit) never holds up main. */
  function compare(ids: number[], granularity: 'word' | 'char' = 'word') {
    return pool.compare(inputsOf(ids), granularity);
  }

  function detail(id: number) {
    const d = archive.getReport(id);
    if (!d) throw new Error('档案中没有这份报告');
    return d;
  }
}

/** What an undo put back, per field: how many reports, and their values (the first few, for the message). */
function restoredSummary(restored: Restored[]): Omit<UndoResult, 'undone'> {
  const field = <V>(target: Restored['target']) => {
    const of = restored.filter((r) => r.target === target);
    return of.length ? { [target.slice(5)]: { reports: new Set(of.map((r) => r.id)).size, values: [...new Set(of.map((r) => r.value as V))].slice(0, 5) } } : {};
  };
  return { ...field<string | null>('meta:agency'), ...field<number | null>('meta:year') };
}
