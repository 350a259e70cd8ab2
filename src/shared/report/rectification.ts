// 整改跟踪: a notice's listed findings against the unit's later version of the report. Each
// listed finding is 已整改 (the later version no longer has it), 未整改 (still there, or no later
// version yet) or 不再适用 (the clerk dismissed it); the later version's findings the notice did not
// list are 新问题. Findings are the same one by findingKey (revision.ts), as between versions.
import type { Finding } from './model.ts';
import { findingKey } from './revision.ts';

export type ListedState = '已整改' | '未整改' | '不再适用';

/** A finding as the notice listed it. */
export interface ListedFinding {
  key: string;
  rule: string;
  message: string;
  /** The clerk's reason it no longer applies, or null. */
  dismissed: string | null;
}

export interface Rectification {
  items: (ListedFinding & { state: ListedState })[];
  /** Findings of the later version the notice did not list (not those that may be our reading's). */
  fresh: Finding[];
  counts: { open: number; fixed: number; dismissed: number; fresh: number };
}

/** `later`: the findings of the unit's later version, or null while none has arrived. */
export function rectify(listed: ListedFinding[], later: Finding[] | null): Rectification {
  const now = new Set((later ?? []).map(findingKey));
  const items = listed.map((f) => ({ ...f, state: (f.dismissed !== null ? '不再适用' : !later || now.has(f.key) ? '未整改' : '已整改') as ListedState }));
  const told = new Set(listed.map((f) => f.key));
  const fresh = (later ?? []).filter((f) => f.fault !== 'reading' && !told.has(findingKey(f)));
  const count = (s: ListedState) => items.filter((i) => i.state === s).length;
  return { items, fresh, counts: { open: count('未整改'), fixed: count('已整改'), dismissed: count('不再适用'), fresh: fresh.length } };
}

/** A unit's row of 整改跟踪 in words (page, printed sheet and .xlsx say the same). */
export function trackingStatus(r: { overdue: boolean; revised: unknown; open: number }): string {
  if (r.overdue) return '逾期未报';
  if (!r.revised) return '待修改稿';
  return r.open ? '仍有未整改' : '已整改';
}
