// A revised report against the version before it: each finding of the earlier version is 已整改
// (gone from the newer one) or 未整改 (still there), and a finding only the newer one has is 新问题.
// A finding is the same one when the same rule names the same cells (or, for the writing checks,
// the same part); its numbers may differ between versions.
import type { Finding } from './model.ts';

export type FindingState = '已整改' | '未整改' | '新问题';

export interface RevisionFindings {
  /** Findings of the earlier version that the newer one no longer has. */
  fixed: Finding[];
  /** Findings of the newer version, each with its state against the earlier one. */
  current: { finding: Finding; state: Exclude<FindingState, '已整改'> }[];
}

/** What makes two findings of two versions the same one. */
export function findingKey(f: Finding): string {
  const cells = f.cells.map((c) => `${c.table}|${c.row}|${c.col}`).sort().join(',');
  return `${f.rule}#${cells}#${f.at?.part ?? ''}`;
}

export function trackFindings(earlier: Finding[], newer: Finding[]): RevisionFindings {
  const before = new Set(earlier.map(findingKey));
  const after = new Set(newer.map(findingKey));
  return {
    fixed: earlier.filter((f) => !after.has(findingKey(f))),
    current: newer.map((f) => ({ finding: f, state: before.has(findingKey(f)) ? '未整改' : '新问题' })),
  };
}
