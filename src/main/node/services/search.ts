// Search and its export (page by page, as the list is ranked).
import type { Handlers, SearchHit } from '../../../shared/contract/index.ts';
import { searchCsv, searchXlsx } from '../export/report-list.ts';
import type { ServiceContext } from './context.ts';

type SearchHandlers = Pick<Handlers, 'search' | 'exportSearch'>;

export function searchHandlers({ archive, saveSheet }: ServiceContext): SearchHandlers {
  return {
    search: (q) => archive.search(q),
    exportSearch: async ({ format, ...q }) => {
      // Page by page, as the list is ranked; an export is capped where a sheet stays usable. A
      // total that is not exact (约, 超过) does not end it: the pages do.
      const hits: SearchHit[] = [];
      for (let total = Infinity; hits.length < Math.min(total, 5000); ) {
        const r = archive.search({ ...q, offset: hits.length, limit: 100 });
        total = r.approximate ? Infinity : r.total;
        if (!r.hits.length) break;
        hits.push(...r.hits);
      }
      if (!hits.length) throw new Error('没有检索结果可以导出');
      return saveSheet(`检索结果_${q.text?.trim() || '筛选'}_${hits.length}份`, format, () => searchXlsx(hits), () => searchCsv(hits));
    },
  };
}
