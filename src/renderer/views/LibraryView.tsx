// The library: every report, filterable by year, agency and problems; sortable.
import { useEffect, useState } from 'react';
import type { ReportListQuery, ReportSummary } from '../../shared/contract/types.ts';
import { CompareCheckbox, CompareSelectedButton, useCompareSelection } from '../components/CompareSelection.tsx';
import { api } from '../api.ts';
import { formatDateTime, statusLabel, templateLabel } from '../format.ts';

export function LibraryView({ version, years, onImport }: { version: number; years: number[]; onImport: () => void }) {
  const [query, setQuery] = useState<ReportListQuery>({ sort: 'year' });
  const [agency, setAgency] = useState('');
  const [rows, setRows] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { selected, toggle } = useCompareSelection();

  useEffect(() => {
    let live = true;
    const q = { ...query, ...(agency.trim() ? { agency: agency.trim() } : {}) };
    api.listReports(q).then(
      (r) => live && setRows(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [query, agency, version]);

  const filtered = query.year !== undefined || agency.trim() !== '' || query.onlyProblems;
  if (rows && rows.length === 0 && !filtered)
    return (
      <div className="empty">
        <h1>档案里还没有报告</h1>
        <p>把各部门、各乡镇报送的年度报告（Word、文本，以及网站发布的PDF和网页）所在的文件夹导入进来，程序会自动识别单位、年度和统计表，并检查勾稽关系。</p>
        <button className="primary large" onClick={onImport}>
          导入文件夹
        </button>
        <p className="muted">也可以直接把文件或文件夹拖到窗口里。</p>
      </div>
    );

  return (
    <section className="library">
      <div className="filters">
        <label>
          年度
          <select
            aria-label="年度"
            value={query.year ?? ''}
            onChange={(e) => setQuery({ ...query, year: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">全部年度</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <label>
          单位
          <input type="search" aria-label="单位" placeholder="输入单位名称筛选" value={agency} onChange={(e) => setAgency(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={!!query.onlyProblems} onChange={(e) => setQuery({ ...query, onlyProblems: e.target.checked })} />
          只看有问题的
        </label>
        <label>
          排序
          <select aria-label="排序" value={query.sort} onChange={(e) => setQuery({ ...query, sort: e.target.value as ReportListQuery['sort'] })}>
            <option value="year">按年度</option>
            <option value="agency">按单位</option>
            <option value="status">按状态</option>
            <option value="imported">按导入时间</option>
          </select>
        </label>
        <span className="spacer" />
        <CompareSelectedButton selected={selected} />
        {rows && <span className="muted">显示 {rows.length} 份</span>}
      </div>
      {error && <p className="error-text">{error}</p>}
      <table className="grid reports">
        <thead>
          <tr>
            <th className="select" title="勾选2至6份报告进行比较">比较</th>
            <th>单位</th>
            <th>年度</th>
            <th>格式</th>
            <th>状态</th>
            <th>源文件</th>
            <th>导入时间</th>
          </tr>
        </thead>
        <tbody>
          {rows?.map((r) => (
            <tr key={r.id} onClick={() => (location.hash = `#/report/${r.id}`)} className="clickable">
              <td className="select" onClick={(e) => e.stopPropagation()}>
                <CompareCheckbox id={r.id} label={`${r.agency ?? r.fileName} ${r.year ?? ''}`} selected={selected} toggle={toggle} />
              </td>
              <td>
                <a href={`#/report/${r.id}`}>{r.agency ?? '（未识别单位）'}</a>
                {r.possibleDuplicate && (
                  <span className="tag warn" title="档案中另有同一单位同一年度的报告">
                    可能重复
                  </span>
                )}
              </td>
              <td>{r.year ?? '—'}</td>
              <td>{templateLabel(r.template)}</td>
              <td>
                <span className={`status status-${r.status}`}>{statusLabel(r.status)}</span>
                {r.errors > 0 && <span className="count">{r.errors} 处错误</span>}
              </td>
              <td title={r.sourcePath}>{r.fileName}</td>
              <td>{formatDateTime(r.importedAt)}</td>
            </tr>
          ))}
          {rows?.length === 0 && (
            <tr>
              <td colSpan={7} className="muted center">
                没有符合条件的报告
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
