// The library's filters and sort live in the address (#/?year=2024&agency=平潭&sort=agency),
// so 返回, the browser's back and Alt+← bring the clerk back to the list as it was.
import type { ReportStatus, ReportSummary } from '../shared/contract/types.ts';

export type SortKey = 'agency' | 'year' | 'template' | 'status' | 'file' | 'imported';

export interface LibraryState {
  year?: number;
  agency: string;
  status?: ReportStatus | 'problems';
  sort: SortKey;
  desc: boolean;
}

const STATUSES = ['ok', 'error', 'warning', 'incomplete', 'problems'] as const;
const SORTS: SortKey[] = ['agency', 'year', 'template', 'status', 'file', 'imported'];

export function readLibraryState(params: URLSearchParams): LibraryState {
  const year = Number(params.get('year'));
  const status = params.get('status') as LibraryState['status'];
  const sort = params.get('sort') as SortKey;
  return {
    ...(Number.isInteger(year) && year > 1989 ? { year } : {}),
    agency: params.get('agency') ?? '',
    ...(status && STATUSES.includes(status) ? { status } : {}),
    sort: SORTS.includes(sort) ? sort : 'year',
    // Years newest first unless asked otherwise; names A→Z.
    desc: params.has('desc') ? params.get('desc') === '1' : !SORTS.includes(sort) || sort === 'year' || sort === 'imported',
  };
}

export function libraryParams(s: LibraryState): string {
  const p = new URLSearchParams();
  if (s.year) p.set('year', String(s.year));
  if (s.agency.trim()) p.set('agency', s.agency.trim());
  if (s.status) p.set('status', s.status);
  if (s.sort !== 'year') p.set('sort', s.sort);
  p.set('desc', s.desc ? '1' : '0');
  return p.toString();
}

const byPinyin = new Intl.Collator('zh-Hans-CN', { numeric: true }).compare;
const STATUS_ORDER: Record<ReportStatus, number> = { error: 0, incomplete: 1, warning: 2, ok: 3 };

/** The list in the order the clerk clicked: Chinese text by pinyin, blanks last either way. */
export function sortReports(rows: ReportSummary[], sort: SortKey, desc: boolean): ReportSummary[] {
  const key = (r: ReportSummary): string | number | null =>
    sort === 'agency' ? r.agency : sort === 'year' ? r.year : sort === 'template' ? r.template : sort === 'status' ? STATUS_ORDER[r.status] : sort === 'file' ? r.fileName : r.importedAt;
  const cmp = (a: ReportSummary, b: ReportSummary) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : byPinyin(String(x), String(y));
    return desc ? -c : c;
  };
  // Ties by agency (pinyin), then year, newest first.
  return [...rows].sort((a, b) => cmp(a, b) || byPinyin(a.agency ?? '', b.agency ?? '') || (b.year ?? 0) - (a.year ?? 0));
}
