// How a search's total is written, in the window and on the command line alike: exact, an
// estimate (约) or a count search stopped at (超过).
import type { SearchResult } from '../contract/types.ts';

export function totalText(r: Pick<SearchResult, 'total' | 'approximate' | 'lowerBound'>): string {
  if (!r.approximate) return String(r.total);
  return `${r.lowerBound ? '超过' : '约'} ${r.total.toLocaleString('zh-CN')}`;
}
