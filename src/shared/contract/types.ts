// Result types of the contract between the renderer and main.
import type { Cell, Finding, ParseNote, Part, TemplateId } from '../report/model.ts';

export type ReportStatus = 'ok' | 'error' | 'warning' | 'incomplete';

export interface ReportListQuery {
  year?: number;
  agency?: string;
  onlyProblems?: boolean;
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
  /** Another report in the archive has the same agency and year. */
  possibleDuplicate: boolean;
}

export interface ReportDetail extends ReportSummary {
  encoding: string;
  size: number;
  sha256: string;
  parts: Part[];
  notes: ParseNote[];
  cells: Cell[];
  findings: Finding[];
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
  /** Items from the requested index on; `itemCount` is how many there are in all. */
  items: ImportItem[];
  itemCount: number;
}

export interface AppInfo {
  version: string;
  archivePath: string;
  reportCount: number;
  years: number[];
}
