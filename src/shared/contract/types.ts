// Result types of the contract between the renderer and main.
import type { Correction } from '../report/corrections.ts';
import type { AreaCell } from '../area/sum.ts';
import type { Cell, Finding, MetaEvidence, ParseNote, Part, TableId, TemplateId } from '../report/model.ts';
import type { FindingState } from '../report/revision.ts';

export type ReportStatus = 'ok' | 'error' | 'warning' | 'incomplete';

export interface ReportListQuery {
  year?: number;
  agency?: string;
  /** Every status but 通过 (the same as status 'problems'). */
  onlyProblems?: boolean;
  /** One status (有错误, 解析不完整, 有提醒, 通过), or 'problems' for all but 通过. */
  status?: ReportStatus | 'problems';
  /** Only the reports whose agency or year waits for a reviewer (待确认). */
  review?: boolean;
  sort?: 'year' | 'agency' | 'imported' | 'status';
}

export interface ReportSummary {
  id: number;
  fileName: string;
  sourcePath: string;
  format: string;
  agency: string | null;
  agencyNormalized: string | null;
  year: number | null;
  date: string | null;
  template: TemplateId;
  status: ReportStatus;
  complete: boolean;
  importedAt: string;
  errors: number;
  warnings: number;
  /** Other files holding this same version of the report (the unit's Word file, the portal's PDF…). */
  otherFiles: number;
  /** Which version (第N稿) this file holds, of how many the unit's report of the year has. */
  version: number;
  versions: number;
  /** This file stands for the unit's report of the year (lists, sums and search count it). */
  record: boolean;
  /** The file this one is a copy of, when it is one. */
  copyOf: number | null;
  /** The agency this report's agency was merged into, or its own name. */
  agencyGroup: string | null;
  /** Why its agency or year wants a reviewer's look (empty when nothing does). */
  review: string[];
}

/**
 * The original at a cell's place (原文对照): the PDF's bytes with the page and the cell's box (drawn
 * by pdf.js in the page: no path reaches it), the Word or web table with the cell marked, the text
 * lines around the cell's line, or the sentence it was read from.
 */
export type OriginalView =
  /** `file`: the archive's file the bytes are of; `data`: base64, absent when the page said it holds them. */
  | { kind: 'pdf'; file: number; fileName: string; page: number; box: [number, number, number, number] | null; data?: string }
  /** A scanned image's page (PNG, base64) and the cell's box on it, in points of a page `width` points wide. */
  | { kind: 'image'; fileName: string; page: number; pages: number; box: [number, number, number, number] | null; width: number; data: string }
  | { kind: 'table'; fileName: string; table: number; rows: { text: string; colSpan: number; rowSpan: number }[][]; at: { row: number; col: number } }
  | { kind: 'lines'; fileName: string; lines: { no: number; text: string }[]; at: number }
  | { kind: 'words'; fileName: string; quote: string }
  | { kind: 'none'; why: string };

export interface ReportDetail extends ReportSummary {
  encoding: string;
  size: number;
  sha256: string;
  parts: Part[];
  notes: ParseNote[];
  /** Where agency, year and date were read (empty for reports imported before this was kept). */
  evidence: MetaEvidence[];
  cells: Cell[];
  findings: Finding[];
  corrections: Correction[];
  /** The document's own text (what search indexes): for showing words outside the six parts. */
  text: string;
  /** The other files and versions of the unit's report of the year, when there are any. */
  files: ReportFiles | null;
  /** A later version against the one before it: which findings were fixed, are still open, are new. */
  revision?: { previousId: number; previousVersion: number; fixed: Finding[]; states: Exclude<FindingState, '已整改'>[] };
  /** The 审核意见 written on this file or on the version before it, and its findings' states (整改跟踪). */
  rectification?: ReportRectification;
}

/** The files of one report and its versions, as the report page lists them. */
export interface ReportFiles {
  /** The files of this file's version: the one its tables are read from first. */
  files: { id: number; fileName: string; form: string; primary: boolean; why: string | null; chosen: boolean }[];
  /** Every version, first draft first; `record` stands for the report. */
  versions: { id: number; version: number; date: string | null; fileName: string; record: boolean; files: number }[];
  version: number;
}

/** What undoing a bulk change put back: per field, how many reports and (the first few of) their values now. */
export interface UndoResult {
  undone: number;
  agency?: { reports: number; values: (string | null)[] };
  year?: { reports: number; values: (number | null)[] };
}

export interface AgencyInfo {
  /** Normalised name as found in reports. */
  name: string;
  display: string;
  /** The name it is merged into (its own name if not merged). */
  group: string;
  reports: number;
  firstYear: number | null;
  lastYear: number | null;
  /** A proposal, not applied: another name that differs from this one only by the places above it (淮安市洪泽区人民政府 / 洪泽区人民政府). */
  suggestion?: { into: string; display: string; why: string };
}

export interface ImportGrant {
  grant: string;
  /** What the user picked, for display. */
  labels: string[];
}

export type ImportItemStatus = 'imported' | 'duplicate' | 'skipped' | 'failed';

export interface ImportItem {
  path: string;
  name: string;
  status: ImportItemStatus;
  message: string;
  reportId?: number;
  /** What an imported file turned out to be: another file of a report the archive has, or a new version of it. */
  role?: 'copy' | 'version';
  /** Its agency or year waits for a reviewer (待确认). */
  review?: boolean;
}

export interface ImportStatus {
  jobId: string;
  /** Files found so far that will be read (.txt/.doc/.docx). */
  total: number;
  done: number;
  current: string | null;
  scanning: boolean;
  finished: boolean;
  cancelled: boolean;
  counts: Record<ImportItemStatus, number>;
  /** What the imported files ask of the clerk next: reports 待确认, files that are another file of a report already in the archive, new versions. */
  next: { review: number; copies: number; versions: number };
  /** Items from the requested index on; `itemCount` is how many there are in all. */
  items: ImportItem[];
  itemCount: number;
  /** Said once the files are found, e.g. that the disk may not hold them; the import goes on. */
  warning?: string;
  /** The import stopped before its end (the disk is full), and how many of its files it left:
   *  磁盘空间不足，导入已停止：N 个文件未导入. */
  stopped?: string;
}

/** A year batch of comparison sheets, as the summary page shows its progress. */
export interface BatchStatus {
  jobId: string;
  year: number;
  /** Where the files go (the user chose it in main's dialog). */
  folder: string;
  /** Sheets done and in all: one per report of the year, then the summary. */
  done: number;
  total: number;
  current: string | null;
  finished: boolean;
  cancelled: boolean;
  written: number;
  skipped: string[];
  /** Why it stopped, when it failed; the files written before stay. */
  error: string | null;
}

/** One rotated backup, as the 备份与恢复 page lists it. */
export interface BackupEntry {
  /** YYYY-MM-DD: the day it was made, which also names it. */
  date: string;
  /** −1 when the file will not open. */
  reports: number;
  bytes: number;
}

export interface BackupList {
  archivePath: string;
  archiveBytes: number;
  reports: number;
  /** The folder of rotated backups. */
  folder: string;
  backups: BackupEntry[];
}

export interface AppInfo {
  version: string;
  archivePath: string;
  reportCount: number;
  years: number[];
  /** YYYY-MM-DD of the newest copy in 备份/ beside the archive, or null when there is none. */
  lastBackup: string | null;
  /** Reports whose agency or year waits for a reviewer (待确认). */
  reviewCount: number;
}

export type IndicatorOp = '>' | '>=' | '<' | '<=' | '=' | '!=';

/** A condition on one table cell, e.g. 行政复议 结果纠正 > 0. */
export interface IndicatorCondition {
  table: TableId;
  row: string;
  col: string;
  op: IndicatorOp;
  value: number;
}

export interface SearchQuery {
  text?: string;
  yearFrom?: number;
  yearTo?: number;
  agency?: string;
  template?: TemplateId;
  /** A status, or 'problems' for anything but 通过. */
  status?: ReportStatus | 'problems';
  indicators?: IndicatorCondition[];
  /** Part 六 says something about 信息处理费. */
  feeStated?: boolean;
  offset?: number;
  limit?: number;
}

export interface SearchHit {
  reportId: number;
  agency: string | null;
  year: number | null;
  template: TemplateId;
  status: ReportStatus;
  fileName: string;
  /** Other files of the same report (one hit per report, whatever files it came in). */
  otherFiles: number;
  /** The part the first hit is in (0 标题, 1–7 parts, 8 统计表), null without text. */
  part: number | null;
  partName: string | null;
  snippet: { text: string; highlights: [number, number][] } | null;
  /** With numeric conditions: the value each condition's cell holds in this report. */
  values?: { label: string; value: string }[];
}

export interface SearchResult {
  total: number;
  /** total is not exact (more matches than search counts): an estimate (约 N 份) or, with lowerBound, a count reached (超过 N 份). */
  approximate: boolean;
  /** With approximate: search counted this many and stopped, there are more (超过 N 份); not an estimate. */
  lowerBound: boolean;
  hits: SearchHit[];
  /** The normalised terms that were highlighted. */
  terms: string[];
}

export interface SummaryRow {
  reportId: number;
  agency: string | null;
  group: string | null;
  year: number | null;
  status: ReportStatus;
  /** Key figures by FIGURES id; null where the report has no such cell. */
  figures: Record<string, number | null>;
}

export interface YearSummary {
  year: number;
  rows: SummaryRow[];
  /** Sums of the count figures over the units' rows: governments' own reports (which already
   *  speak for their whole area) are summed apart, in ownTotals, so nothing is counted twice. */
  totals: Record<string, number | null>;
  ownTotals: Record<string, number | null> | null;
  /** Agencies with a report the year before and none this year. */
  missing: { agency: string; lastReportId: number }[];
}

export interface AgencySeries {
  group: string;
  names: string[];
  rows: SummaryRow[];
}

/** The office's settings, kept in its archive. */
export interface Settings {
  /** Signed under the notices to units (审核意见), e.g. 平潭综合实验区管委会办公室. */
  officeName: string;
  /** 年报体检 rules switched off for the area: not shown, not in notices (said so on the sheet). */
  disabledRules: string[];
  /** 态势: an indicator above its threshold is marked (纠错率 above 15 % by default). */
  thresholds: Record<string, number>;
}

/** The area's tables of a year (汇总表): its units, the sums, and the government's own report against them. */
export interface AreaSummary {
  year: number;
  /** The government the units report under (its name as typed), or null for every report of the year. */
  region: string | null;
  /** How the units were chosen: the 单位目录's units under the government, names carrying the region's (no unit in the directory is under it), or every report of the year. */
  selection: 'directory' | 'name' | 'all';
  template: 'T2019' | 'T2021';
  units: { reportId: number; agency: string }[];
  /** The government's own report, when the region names one and it is in the archive. */
  own: { reportId: number; agency: string; included: boolean } | null;
  cells: AreaCell[];
  notes: string[];
  /** 缺报: units of the 单位目录 under this government that must report and have no report of the year. */
  missing: string[];
  /** Units of the directory whose report of the year came under another name of the same body
   *  (淮安市洪泽区财政局 for 洪泽区财政局): reported, counted, and proposed for merging. */
  variants: { unit: string; agency: string; reportId: number }[];
  /** 迟报: units whose report is signed after the deadline (the T1 check), with its date. */
  late: { agency: string; date: string | null }[];
  /** Cells where the government's own report differs from the sum of its units (own report left out of the sum). */
  differences: { table: 't2' | 't3' | 't4'; row: string; col: string; own: number | null; sum: number | null }[];
}

/** A unit of the 单位目录, as the page lists it: confirmed by the office, or proposed from its name. */
export interface DirectoryUnit {
  name: string;
  parent: string | null;
  kind: '本级政府' | '部门' | '乡镇街道' | '其他';
  required: boolean;
  aliases: string[];
  /** Not yet confirmed: worked out from the name. */
  proposed: boolean;
  /** Reports in the archive under this name (or its aliases). */
  reports: number;
  years: number[];
}

/** 态势 of a year: what arrived, by kind of unit; each unit's indicators against the office's thresholds; the area over the years. */
export interface Overview {
  year: number;
  region: string | null;
  byKind: { kind: string; expected: number; received: number; missing: number; late: number; errors: number }[];
  units: { reportId: number; agency: string; kind: string; status: ReportStatus; indicators: Record<string, number | null>; flagged: string[] }[];
  thresholds: Record<string, number>;
  /** The area's figures year by year: reports, 本年新收 summed, and the rates of the summed tables. */
  series: { year: number; reports: number; applications: number | null; openRate: number | null; reviewCorrection: number | null }[];
  /** 整改跟踪 of the year: units sent a 审核意见, those that sent a revised version, the findings listed fixed and still open. */
  rectification: { notices: number; revised: number; fixed: number; open: number };
}

/** A finding a 审核意见 listed, in its state against the unit's later version (整改跟踪). */
export interface TrackedFinding {
  key: string;
  rule: string;
  message: string;
  state: '已整改' | '未整改' | '不再适用';
  /** Why the clerk said it no longer applies. */
  dismissed: string | null;
}

/** One unit's 审核意见 (the latest of its year) and what became of it. */
export interface TrackingRow {
  noticeId: number;
  agency: string;
  /** The file the notice reviewed, and its version (第N稿). */
  reportId: number;
  version: number;
  /** Notices written to the unit for the year (a 再次审核意见 is the second). */
  notices: number;
  sent: string;
  deadline: string | null;
  /** The unit's newest later version: its file and the day it was imported; null while none has come. */
  revised: { id: number; version: number; day: string } | null;
  /** Deadline passed and no later version. */
  overdue: boolean;
  open: number;
  fixed: number;
  dismissed: number;
  /** Findings of the later version the notice did not list (新问题). */
  fresh: number;
  findings: TrackedFinding[];
}

export interface Tracking {
  year: number;
  /** Today as the archive counted overdue (YYYY-MM-DD). */
  today: string;
  rows: TrackingRow[];
}

/** 整改跟踪 on the report page: the notice this file answers (or was written on) and its findings' states. */
export interface ReportRectification {
  noticeId: number;
  sent: string;
  deadline: string | null;
  /** The file the notice was written on (this one, or an earlier version). */
  noticedId: number;
  noticedVersion: number;
  findings: TrackedFinding[];
}

/**
 * 报送前自查: one file a unit sent (or will send), read and checked as an import would read it,
 * and not put in the archive. `previous`: the archive's record report of the unit's year before,
 * which the cross-year checks (X1, X2, Y2) ran against, when there is one.
 */
export type SelfCheckFile =
  | { name: string; ok: false; message: string }
  | {
      name: string;
      ok: true;
      format: string;
      encoding: string;
      /** Read by its content as another format than its extension says. */
      extensionMismatch: boolean;
      size: number;
      agency: string | null;
      year: number | null;
      date: string | null;
      template: TemplateId;
      complete: boolean;
      status: ReportStatus;
      cells: Cell[];
      findings: Finding[];
      notes: ParseNote[];
      parts: Part[];
      evidence: MetaEvidence[];
      previous: { id: number; year: number; agency: string | null } | null;
      /** The archive holds this very file already (the same bytes), as this report. */
      inArchive: number | null;
    };

/** A self-check of the files one grant named, kept in main (by `token`) for its printed sheet and its 审核意见. */
export interface SelfCheck {
  token: string;
  /** When it was checked (ISO). */
  at: string;
  files: SelfCheckFile[];
  /** The same files granted again for 导入档案 (the normal import, used once); null when none could be read. */
  importGrant: ImportGrant | null;
  /** More files than one check takes: how many were left unchecked. */
  leftOut: number;
}
