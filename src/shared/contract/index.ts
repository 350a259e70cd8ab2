// The one contract between renderer and main. Main registers a handler per method and
// validates every argument with these schemas; the preload and the browser test host are
// generated from the same map. Adding a method: one entry here, one handler in services.
import { z } from 'zod';
import type { Comparison } from '../compare/index.ts';
import { BAD_REQUEST, ContractError, isChineseMessage } from './errors.ts';
import type { AgencyInfo, AgencySeries, AppInfo, AreaSummary, BackupList, BatchStatus, DirectoryUnit, Overview, Settings, ImportGrant, ImportStatus, OriginalView, ReportDetail, ReportSummary, SearchResult, SelfCheck, Tracking, UndoResult, YearSummary } from './types.ts';

export * from './types.ts';
export { BAD_REQUEST, ContractError, FAILED, REFUSED, isChineseMessage, pageError, withReason } from './errors.ts';

const id = z.number().int().positive();
const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A search: its text and filters, and the page of hits asked for. */
const searchArgs = z
  .object({
    text: z.string().max(200).optional(),
    yearFrom: z.number().int().min(1990).max(2100).optional(),
    yearTo: z.number().int().min(1990).max(2100).optional(),
    agency: z.string().max(100).optional(),
    template: z.enum(['T2019', 'T2021', 'pre2019', 'unknown']).optional(),
    status: z.enum(['ok', 'error', 'warning', 'incomplete', 'problems']).optional(),
    indicators: z
      .array(
        z
          .object({
            table: z.enum(['t2', 't3', 't4']),
            row: z.string().regex(/^[a-z0-9_]{1,24}$/i),
            col: z.string().regex(/^[a-z0-9_]{1,24}$/i),
            op: z.enum(['>', '>=', '<', '<=', '=', '!=']),
            value: z.number().finite(),
          })
          .strict(),
      )
      .max(8)
      .optional(),
    feeStated: z.boolean().optional(),
    offset: z.number().int().min(0).max(100000).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();

/** `returns<R>()(schema)`: the schema's type is inferred, the result type is declared. */
function returns<R>() {
  return <A extends z.ZodType>(args: A): { args: A; result: R } => ({ args, result: undefined as R });
}

export const contract = {
  appInfo: returns<AppInfo>()(z.object({}).strict()),
  listReports: returns<ReportSummary[]>()(
    z
      .object({
        year: z.number().int().min(1990).max(2100).optional(),
        agency: z.string().max(100).optional(),
        onlyProblems: z.boolean().optional(),
        status: z.enum(['ok', 'error', 'warning', 'incomplete', 'problems']).optional(),
        review: z.boolean().optional(),
        sort: z.enum(['year', 'agency', 'imported', 'status']).optional(),
      })
      .strict(),
  ),
  /** The library's list as Excel or CSV: these reports, in this order (what the clerk sees or picked). */
  exportReportList: returns<{ saved: boolean; path?: string }>()(z.object({ ids: z.array(id).min(1).max(20000), format: z.enum(['xlsx', 'csv']) }).strict()),
  getReport: returns<ReportDetail | null>()(z.object({ id }).strict()),
  removeReport: returns<{ removed: boolean }>()(z.object({ id }).strict()),
  /** 以此文件为准: this file's tables stand for its version, and its version for the unit's report of the year. */
  chooseFile: returns<ReportDetail | null>()(z.object({ id }).strict()),
  /** A file taken as another file of a report is not (拆分为另一稿), or may be again. */
  keepApart: returns<ReportDetail | null>()(z.object({ id, apart: z.boolean() }).strict()),
  openOriginal: returns<{ opened: boolean; message?: string }>()(z.object({ id }).strict()),
  /** Where a cell's value stands in the original file (原文对照). */
  originalOf: returns<OriginalView>()(
    z
      .object({
        id,
        table: z.enum(['t2', 't3', 't4']),
        row: z.string().regex(/^[a-z0-9_]{1,24}$/i),
        col: z.string().regex(/^[a-z0-9_]{1,24}$/i),
        /** false: the page already holds the PDF's bytes (of `file`), send only where the cell is. */
        bytes: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Shows the native dialog in main (worded for 报送前自查 when `purpose` is check); the renderer gets a grant, never sends paths of its own. */
  chooseImportSources: returns<ImportGrant | null>()(z.object({ kind: z.enum(['folder', 'files']), purpose: z.enum(['import', 'check']).optional() }).strict()),
  /** Paths of files dropped on the window, resolved by the preload from the drop's File objects. */
  grantDroppedPaths: returns<ImportGrant>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
  ),
  /** `pages`: each granted folder holds one report's page pictures (页1.jpg …), imported as that one report. */
  startImport: returns<{ jobId: string }>()(z.object({ grant: token, pages: z.boolean().optional() }).strict()),
  /** Items come from index `since` on, so polling stays cheap on large imports. */
  importStatus: returns<ImportStatus | null>()(z.object({ jobId: token, since: z.number().int().min(0).optional() }).strict()),
  cancelImport: returns<{ cancelled: boolean }>()(z.object({ jobId: token }).strict()),
  /** A reviewer's correction of one cell: a number, '' for blank, or a mark such as '/'. */
  correctCell: returns<ReportDetail>()(
    z.object({ id, table: z.enum(['t2', 't3', 't4']), row: z.string().regex(/^[a-z0-9_]{1,24}$/i), col: z.string().regex(/^[a-z0-9_]{1,24}$/i), text: z.string().max(40) }).strict(),
  ),
  /** The clerk checked doubtful cells (识别存疑) against the original: their values stand as read. */
  confirmCells: returns<ReportDetail>()(
    z
      .object({ id, cells: z.array(z.object({ table: z.enum(['t2', 't3', 't4']), row: z.string().regex(/^[a-z0-9_]{1,24}$/i), col: z.string().regex(/^[a-z0-9_]{1,24}$/i) }).strict()).min(1).max(60) })
      .strict(),
  ),
  correctMeta: returns<ReportDetail>()(
    z.object({ id, agency: z.string().trim().min(1).max(100).optional(), year: z.number().int().min(1990).max(2100).optional() }).strict(),
  ),
  /** One agency and/or year for many reports at once (or the same values, to confirm them); undone by its token. */
  correctMetaMany: returns<{ changed: number; undo: string }>()(
    z
      .object({ ids: z.array(id).min(1).max(5000), agency: z.string().trim().min(1).max(100).optional(), year: z.number().int().min(1990).max(2100).optional() })
      .strict()
      .refine((a) => a.agency !== undefined || a.year !== undefined, '单位和年度至少填一项'),
  ),
  undoMetaMany: returns<UndoResult>()(z.object({ undo: token }).strict()),
  /** Agency names in the archive for what is typed: part of the name, or its pinyin or initials (ptzh). */
  suggestAgencies: returns<{ name: string; reports: number }[]>()(z.object({ text: z.string().max(100) }).strict()),
  revertCorrection: returns<ReportDetail>()(z.object({ id, target: z.string().regex(/^(cell:t[234]\|[a-z0-9_]+\|[a-z0-9_]+|meta:(agency|year))$/i) }).strict()),
  search: returns<SearchResult>()(searchArgs),
  /** Every hit of a search (up to 5,000) as Excel or CSV, with the values its conditions found. */
  exportSearch: returns<{ saved: boolean; path?: string }>()(searchArgs.omit({ offset: true, limit: true }).extend({ format: z.enum(['xlsx', 'csv']) }).strict()),
  /** 2 to 6 reports side by side; the text diff for two, at word or character level. */
  compare: returns<Comparison>()(
    z.object({ ids: z.array(id).min(2).max(6), granularity: z.enum(['word', 'char']).optional() }).strict(),
  ),
  exportComparison: returns<{ saved: boolean; path?: string }>()(
    z.object({ ids: z.array(id).min(2).max(6), format: z.enum(['xlsx', 'csv']) }).strict(),
  ),
  /** A printed sheet: shown in the system's PDF viewer, saved where the user chooses, or printed. */
  printSheet: returns<{ message: string; path?: string }>()(
    z.union([
      z.object({ sheet: z.literal('compare'), ids: z.array(id).min(2).max(6), action: z.enum(['preview', 'save', 'print']) }).strict(),
      z.object({ sheet: z.literal('summary'), year: z.number().int().min(1990).max(2100), action: z.enum(['preview', 'save', 'print']) }).strict(),
      z.object({ sheet: z.literal('series'), agency: z.string().min(1).max(100), action: z.enum(['preview', 'save', 'print']) }).strict(),
      /** `crops`: the findings (by index) printed with the crop of their original; absent: the 识别存疑 ones. */
      z.object({ sheet: z.literal('report'), id, crops: z.array(z.number().int().min(0).max(9999)).max(2000).optional(), action: z.enum(['preview', 'save', 'print']) }).strict(),
      /** `crops` (附原文截图): each finding with the crop of its original. */
      z.object({ sheet: z.literal('notice'), id, deadline: day.optional(), crops: z.boolean().optional(), action: z.enum(['preview', 'save', 'print']) }).strict(),
      z.object({ sheet: z.literal('overview'), year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional(), action: z.enum(['preview', 'save', 'print']) }).strict(),
      z.object({ sheet: z.literal('tracking'), year: z.number().int().min(1990).max(2100), action: z.enum(['preview', 'save', 'print']) }).strict(),
      /** `crops`: the findings printed with their original's crop, each as file.finding (indexes); absent: the 识别存疑 ones. */
      z
        .object({ sheet: z.literal('selfcheck'), token, crops: z.array(z.string().regex(/^\d{1,3}\.\d{1,4}$/)).max(2000).optional(), action: z.enum(['preview', 'save', 'print']) })
        .strict(),
      z
        .object({ sheet: z.literal('area'), year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional(), own: z.enum(['include', 'exclude']).optional(), action: z.enum(['preview', 'save', 'print']) })
        .strict(),
    ]),
  ),
  exportSummary: returns<{ saved: boolean; path?: string }>()(
    z.object({ year: z.number().int().min(1990).max(2100), format: z.enum(['xlsx', 'csv']) }).strict(),
  ),
  /** Every agency of `year` compared with its previous year, as .xlsx and .pdf, into a folder chosen in main. */
  /** Asks main for a folder, then writes the year's comparisons there; null when cancelled. */
  startBatch: returns<{ jobId: string } | null>()(z.object({ year: z.number().int().min(1990).max(2100) }).strict()),
  batchStatus: returns<BatchStatus | null>()(z.object({ jobId: token }).strict()),
  /** The latest batch of a year in this session, so the summary page finds a running one again. */
  latestBatch: returns<BatchStatus | null>()(z.object({ year: z.number().int().min(1990).max(2100) }).strict()),
  cancelBatch: returns<{ cancelled: boolean }>()(z.object({ jobId: token }).strict()),
  /** Opens the folder the batch wrote into (main knows it; the renderer sends no path). */
  openBatchFolder: returns<{ opened: boolean; message?: string }>()(z.object({ jobId: token }).strict()),
  exportSeries: returns<{ saved: boolean; path?: string }>()(z.object({ agency: z.string().min(1).max(100), format: z.enum(['xlsx', 'csv']) }).strict()),
  /** Every agency's key figures for one year, with a total row and the agencies missing. */
  yearSummary: returns<YearSummary>()(z.object({ year: z.number().int().min(1990).max(2100) }).strict()),
  /** One agency's (aliases included) years side by side. */
  agencySeries: returns<AgencySeries>()(z.object({ agency: z.string().min(1).max(100) }).strict()),
  /** The same agency's (aliases included) report of the year before, if archived. */
  previousReport: returns<{ id: number } | null>()(z.object({ id }).strict()),
  /** A backup of the archive now, into 备份/ beside it (today's copy replaced). */
  backupNow: returns<{ message: string; path?: string }>()(z.object({}).strict()),
  /** The archive file and its rotated backups (备份/ beside it), newest first. */
  listBackups: returns<BackupList>()(z.object({}).strict()),
  /** A backup into a folder the user picks in main's dialog (a USB stick); null when cancelled. */
  backupToFolder: returns<{ message: string; path?: string } | null>()(z.object({}).strict()),
  /**
   * Puts a backup in the archive's place while the app runs (the current file is kept aside):
   * a rotated one by its day, or a file the user picks in main's dialog. Null when cancelled.
   */
  restoreBackup: returns<{ restored: boolean; message: string } | null>()(
    z.union([z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(), z.object({ fromFile: z.literal(true) }).strict()]),
  ),
  getSettings: returns<Settings>()(z.object({}).strict()),
  setSettings: returns<Settings>()(
    z
      .object({
        officeName: z.string().max(60).optional(),
        disabledRules: z.array(z.string().regex(/^[A-Z]\d{1,2}$/)).max(40).optional(),
        thresholds: z.partialRecord(z.enum(['openRate', 'withheldRate', 'unableRate', 'notHandledRate', 'reviewCorrection', 'suitCorrection']), z.number().min(0).max(1)).optional(),
      })
      .strict(),
  ),
  /** The 审核意见 for one report, as .docx (the unit can edit it) or PDF, saved where the user chooses. */
  /** `crops` (附原文截图): under each finding the crop of its cells' original (pictures drawn by the notice's print page). */
  saveNotice: returns<{ saved: boolean; path?: string; pictures?: number; dropped?: number }>()(z.object({ id, format: z.enum(['docx', 'pdf']), deadline: day.optional(), crops: z.boolean().optional() }).strict()),
  /** One 审核意见 (.docx) per report of the year with findings, into a folder main asks for; null when cancelled. `crops` as saveNotice's, counted over all. */
  saveNotices: returns<{ written: number; folder: string; pictures?: number; dropped?: number } | null>()(z.object({ year: z.number().int().min(1990).max(2100), deadline: day.optional(), crops: z.boolean().optional() }).strict()),
  /** 整改跟踪 of a year: every unit sent a 审核意见, its deadline, its revised version, its findings' states. */
  tracking: returns<Tracking>()(z.object({ year: z.number().int().min(1990).max(2100) }).strict()),
  /** 整改跟踪 as .xlsx, saved where the user chooses. */
  exportTracking: returns<{ saved: boolean; path?: string }>()(z.object({ year: z.number().int().min(1990).max(2100) }).strict()),
  /** A finding a 审核意见 listed no longer applies (不再适用, with the reason), or, reason null, applies again. */
  dismissFinding: returns<Tracking>()(
    z.object({ noticeId: id, key: z.string().min(1).max(2000), reason: z.string().trim().min(1).max(200).nullable(), year: z.number().int().min(1990).max(2100) }).strict(),
  ),
  /**
   * 报送前自查: the files a grant names (chosen in main's dialog or dropped) read, parsed and checked
   * in the workers as an import would, against the archive's previous year; nothing is stored.
   * The grant is used up; the answer carries a fresh one for 导入档案.
   */
  selfCheck: returns<SelfCheck>()(z.object({ grant: token }).strict()),
  /** A self-check again, by its token (its printed sheet reads it); kept while the app runs, the latest few. */
  selfCheckResult: returns<SelfCheck>()(z.object({ token }).strict()),
  /** The 审核意见 of one file of a self-check, as a .docx draft saved where the user chooses; not recorded for 整改跟踪. */
  /** 原文截图 on the 自查 sheet: where a cell of a self-checked file (`file`: its index) stands in that file, read again in main from the path granted for the check. */
  selfCheckOriginal: returns<OriginalView>()(
    z
      .object({
        token,
        file: z.number().int().min(0).max(999),
        table: z.enum(['t2', 't3', 't4']),
        row: z.string().regex(/^[a-z0-9_]{1,24}$/i),
        col: z.string().regex(/^[a-z0-9_]{1,24}$/i),
        /** false: the page already holds the PDF's bytes, send only where the cell is. */
        bytes: z.boolean().optional(),
      })
      .strict(),
  ),
  saveSelfCheckNotice: returns<{ saved: boolean; path?: string }>()(z.object({ token, file: z.number().int().min(0).max(999), deadline: day.optional() }).strict()),
  /** The area's tables of a year: every report of the year, or those under a government named by `region`. */
  areaSummary: returns<AreaSummary>()(
    z.object({ year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional(), own: z.enum(['include', 'exclude']).optional() }).strict(),
  ),
  exportArea: returns<{ saved: boolean; path?: string }>()(
    z.object({ year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional(), own: z.enum(['include', 'exclude']).optional(), format: z.enum(['xlsx', 'docx']) }).strict(),
  ),
  /** 态势 of a year: arrivals by kind of unit, indicators per unit against the thresholds, the area over the years. */
  overview: returns<Overview>()(z.object({ year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional() }).strict()),
  /** 态势 as .xlsx, saved where the user chooses. */
  exportOverview: returns<{ saved: boolean; path?: string }>()(z.object({ year: z.number().int().min(1990).max(2100), region: z.string().max(60).optional() }).strict()),
  /** The 单位目录: confirmed units and the proposals for every other agency of the archive. */
  listDirectory: returns<DirectoryUnit[]>()(z.object({}).strict()),
  saveUnits: returns<DirectoryUnit[]>()(
    z
      .object({
        units: z
          .array(
            z
              .object({
                name: z.string().trim().min(1).max(100),
                parent: z.string().trim().max(100).nullable(),
                kind: z.enum(['本级政府', '部门', '乡镇街道', '其他']),
                required: z.boolean(),
                aliases: z.array(z.string().trim().min(1).max(100)).max(20),
              })
              .strict(),
          )
          .min(1)
          .max(5000),
      })
      .strict(),
  ),
  /**
   * 填报模板 (.xlsx and .docx) of a year for one unit of the 单位目录, or for every 应报 unit when
   * no unit is named, into a folder main asks for; null when cancelled.
   */
  saveTemplates: returns<{ units: number; files: number; folder: string } | null>()(
    z.object({ year: z.number().int().min(2019).max(2100), unit: z.string().trim().min(1).max(100).optional() }).strict(),
  ),
  exportDirectory: returns<{ saved: boolean; path?: string }>()(z.object({}).strict()),
  /** Reads a 单位目录 workbook the user picks in main's dialog and confirms its units; null when cancelled. */
  importDirectory: returns<{ imported: number } | null>()(z.object({}).strict()),
  listAgencies: returns<AgencyInfo[]>()(z.object({}).strict()),
  mergeAgencies: returns<{ merged: boolean }>()(z.object({ from: z.string().min(1).max(100), into: z.string().min(1).max(100) }).strict()),
  unmergeAgency: returns<{ unmerged: boolean }>()(z.object({ alias: z.string().min(1).max(100) }).strict()),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<K extends MethodName> = z.input<Contract[K]['args']>;
export type ResultOf<K extends MethodName> = Contract[K]['result'];

/** What the renderer calls: every method, async. */
export type Api = { [K in MethodName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** What main implements: one handler per method, given validated arguments. */
export type Handlers = { [K in MethodName]: (args: z.output<Contract[K]['args']>) => Promise<ResultOf<K>> | ResultOf<K> };

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/**
 * Who calls: the app's page (whatever its script does), the preload (the app's own code beside
 * the page, which alone sees what the user drops), or a printed sheet (a hidden window main opens
 * to render a print route). Main decides by who sent the call, not by what the page was handed.
 */
export type Caller = 'page' | 'preload' | 'sheet';

/** A sheet only reads what it prints: nothing that changes the archive, opens dialogs or reads files. */
export const SHEET_METHODS: readonly MethodName[] = ['appInfo', 'compare', 'yearSummary', 'agencySeries', 'getReport', 'getSettings', 'areaSummary', 'overview', 'tracking', 'selfCheckResult', 'originalOf', 'selfCheckOriginal'];

/**
 * Methods only the preload may call: paths of dropped files come from the drop the preload sees
 * (webUtils), so a page, even a compromised one, never names a path. Main enforces it; the
 * preload also leaves them out of what it hands the page.
 */
export const PRELOAD_ONLY: readonly MethodName[] = ['grantDroppedPaths'];

/** What the page may call: every method but the preload's own. */
export const PAGE_METHODS: readonly MethodName[] = METHOD_NAMES.filter((m) => !PRELOAD_ONLY.includes(m));

/** What the preload tells the page about a drop: the grant, or why there is none. */
export type DropResult = { grant: ImportGrant } | { error: string };

export function mayCall(caller: Caller, name: MethodName): boolean {
  if (caller === 'sheet') return SHEET_METHODS.includes(name);
  if (caller === 'preload') return PRELOAD_ONLY.includes(name);
  return PAGE_METHODS.includes(name);
}

/** The channel each method the page calls uses over Electron IPC. */
export const channelOf = (m: MethodName) => `api:${m}`;

/** The preload's own door: claimed once per page load, before the page's scripts run, and the channel of each PRELOAD_ONLY method. */
export const PRELOAD_CLAIM = 'preload:claim';
export const preloadChannelOf = (m: MethodName) => `preload:${m}`;

/**
 * Validates a call's arguments; throws a Chinese message on bad input (zod's English goes to
 * the log, except the contract's own Chinese messages, such as 单位和年度至少填一项).
 */
export function parseArgs<K extends MethodName>(name: K, args: unknown): z.output<Contract[K]['args']> {
  const schema = Object.hasOwn(contract, name) ? contract[name].args : undefined;
  if (!schema) throw new ContractError('未知的调用', `unknown method ${String(name)}`);
  const r = schema.safeParse(args ?? {});
  if (!r.success) {
    const ours = r.error.issues.map((i) => i.message).filter(isChineseMessage);
    const detail = `${String(name)}: ${r.error.issues.map((i) => `${i.path.join('.') || '(arguments)'} ${i.message}`).join('; ')}`;
    throw new ContractError(ours.length ? `${BAD_REQUEST}：${[...new Set(ours)].join('，')}` : BAD_REQUEST, detail);
  }
  return r.data as z.output<Contract[K]['args']>;
}
