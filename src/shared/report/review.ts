// Why a report's agency or year wants a reviewer's look (the 待确认 list): missing, or read
// from weak evidence (the file name only, or worked out rather than stated). A field a reviewer
// has corrected or confirmed is settled. Reports imported before evidence was kept carry none,
// and nothing is claimed about them.
import type { MetaEvidence } from './model.ts';

export interface ReviewInput {
  agency: string | null;
  year: number | null;
  evidence: MetaEvidence[];
  /** Fields a reviewer has set or confirmed. */
  settled: ReadonlySet<'agency' | 'year'>;
}

export function reviewReasons(r: ReviewInput): string[] {
  const out: string[] = [];
  const weak = (field: 'agency' | 'year') => {
    const e = r.evidence.find((x) => x.field === field && String(x.value) === String(field === 'agency' ? r.agency : r.year));
    if (!e) return null;
    if (e.source === '文件名') return `${field === 'agency' ? '单位' : '年度'}只取自文件名（“${e.text}”）`;
    if (e.inferred) return `${field === 'agency' ? '单位' : '年度'}是推断的（${e.text}）`;
    return null;
  };
  for (const field of ['agency', 'year'] as const) {
    if (r.settled.has(field)) continue;
    if (r[field] === null) out.push(field === 'agency' ? '未识别单位' : '未识别年度');
    else {
      const w = weak(field);
      if (w) out.push(w);
    }
  }
  return out;
}
