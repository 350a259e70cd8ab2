// How the area's units were chosen, in the words the pages and printed sheets use, so that a
// reader knows whether the 单位目录 or the names decided.
import type { AreaSummary } from '../contract/types.ts';

export function selectionText(a: Pick<AreaSummary, 'selection' | 'region' | 'units'>): string {
  const n = a.units.length;
  if (a.selection === 'directory') return `单位目录中上级为“${a.region}”的 ${n} 个单位`;
  if (a.selection === 'name') return `名称中含“${a.region}”的 ${n} 个单位（单位目录中还没有上级为它的单位）`;
  return `全部 ${n} 个单位`;
}
