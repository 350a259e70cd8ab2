// The library: every report, filtered by year, agency and status, sorted by any column (Chinese
// by pinyin); many can be selected (click, Shift+click for a range, Ctrl+click, 全选) to compare,
// to set their agency and year at once (with 撤销), or to export. In review mode (待确认) it lists
// the reports whose agency or year waits for a reviewer, with why, each confirmed with one key.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReportSummary, UndoResult } from '../../shared/contract/types.ts';
import { api } from '../api.ts';
import { BulkMetaDialog } from '../components/BulkMetaDialog.tsx';
import { useScrollMemory } from '../components/useScrollMemory.ts';
import { formatDateTime, statusLabel, templateLabel } from '../format.ts';
import { libraryParams, readLibraryState, sortReports, type LibraryState, type SortKey } from '../library-state.ts';

interface Props {
  version: number;
  years: number[];
  params: URLSearchParams;
  review: boolean;
  onImport: () => void;
  /** The archive changed here (a bulk edit): the shell re-reads its counts. */
  onChanged: () => void;
}

/** What an undo put back, as the clerk reads it: 已撤销：2 份报告的单位恢复为“…”. */
function undoneText(r: UndoResult): string {
  const list = <V,>(values: V[], show: (v: V) => string) => values.slice(0, 3).map(show).join('、') + (values.length > 3 ? '等' : '');
  const parts = [
    r.agency && `${r.agency.reports} 份报告的单位恢复为${list(r.agency.values, (v) => (v === null ? '（未识别）' : `“${v}”`))}`,
    r.year && `${r.year.reports} 份报告的年度恢复为 ${list(r.year.values, (v) => (v === null ? '（未识别）' : String(v)))}`,
  ].filter(Boolean);
  return parts.length ? `已撤销：${parts.join('；')}` : '已撤销';
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'agency', label: '单位' },
  { key: 'year', label: '年度' },
  { key: 'template', label: '格式' },
  { key: 'status', label: '状态' },
  { key: 'file', label: '源文件' },
  { key: 'imported', label: '导入时间' },
];

export function LibraryView({ version, years, params, review, onImport, onChanged }: Props) {
  const state = readLibraryState(params);
  const [agencyText, setAgencyText] = useState(state.agency);
  const [rows, setRows] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState(false);
  const [done, setDone] = useState<{ text: string; undo?: string } | null>(null);
  const anchor = useRef<number | null>(null);
  const [reload, setReload] = useState(0);

  /** Filters and sort go into the address, replacing the entry: back leaves the library. */
  const update = (patch: Partial<LibraryState>) => {
    const next = libraryParams({ ...state, ...patch });
    history.replaceState(null, '', `#/${review ? 'review' : ''}?${next}`);
    dispatchEvent(new HashChangeEvent('hashchange'));
  };

  // The agency box filters as the clerk types, settling into the address after a pause.
  useEffect(() => {
    if (agencyText === state.agency) return;
    const t = setTimeout(() => update({ agency: agencyText }), 250);
    return () => clearTimeout(t);
  });

  useEffect(() => {
    let live = true;
    const q = { ...(state.year ? { year: state.year } : {}), ...(state.agency.trim() ? { agency: state.agency.trim() } : {}), ...(state.status ? { status: state.status } : {}), ...(review ? { review: true } : {}) };
    api.listReports(q).then(
      (r) => {
        if (!live) return;
        setRows(r);
        // What is no longer listed is no longer selected.
        setSelected((s) => new Set(r.filter((x) => s.has(x.id)).map((x) => x.id)));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [state.year, state.agency, state.status, review, version, reload]);

  const shown = useMemo(() => (rows ? sortReports(rows, state.sort, state.desc) : null), [rows, state.sort, state.desc]);
  useScrollMemory(!!shown);
  const picked = shown?.filter((r) => selected.has(r.id)) ?? [];

  const select = (e: React.MouseEvent | React.ChangeEvent, id: number, index: number) => {
    const shift = 'shiftKey' in e && e.shiftKey;
    const from = anchor.current; // read now: the updater below runs after the anchor moves
    setSelected((s) => {
      const next = new Set(s);
      if (shift && from !== null && shown) {
        const [a, b] = [Math.min(from, index), Math.max(from, index)];
        for (const r of shown.slice(a, b + 1)) next.add(r.id);
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    anchor.current = index;
  };

  const sortBy = (key: SortKey) => update({ sort: key, desc: state.sort === key ? !state.desc : key === 'year' || key === 'imported' });

  const applyBulk = async (change: { agency?: string; year?: number }) => {
    const ids = picked.map((r) => r.id);
    const r = await api.correctMetaMany({ ids, ...change });
    const what = [change.agency && `单位改为“${change.agency}”`, change.year && `年度改为 ${change.year}`].filter(Boolean).join('，');
    setDone({ text: `已把 ${r.changed} 份报告的${what}`, undo: r.undo });
    setSelected(new Set());
    setReload((n) => n + 1);
    onChanged();
  };

  const confirm = async (r: ReportSummary, next: HTMLElement | null) => {
    if (!r.agency || !r.year) return; // a missing value is set, not confirmed
    const res = await api.correctMetaMany({ ids: [r.id], agency: r.agency, year: r.year });
    setDone({ text: `已确认“${r.agency}” ${r.year} 年度`, undo: res.undo });
    setReload((n) => n + 1);
    onChanged();
    // The next row's 确认 takes the focus: Enter, Enter, Enter goes down the list.
    requestAnimationFrame(() => next?.focus());
  };

  const undo = async (token: string) => {
    try {
      setDone({ text: undoneText(await api.undoMetaMany({ undo: token })) });
      setReload((n) => n + 1);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const exportList = async (list: ReportSummary[]) => {
    try {
      const r = await api.exportReportList({ ids: list.map((x) => x.id), format: 'xlsx' });
      setDone({ text: r.saved ? `已导出 ${list.length} 份报告的列表：${r.path}` : '已取消导出' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const filtered = state.year !== undefined || state.agency.trim() !== '' || !!state.status;
  if (!review && rows && rows.length === 0 && !filtered)
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

  const sameAgency = picked.length && picked.every((r) => r.agency === picked[0].agency) ? (picked[0].agency ?? '') : '';
  const sameYear = picked.length && picked.every((r) => r.year === picked[0].year) ? picked[0].year : null;
  const allShownPicked = !!shown?.length && shown.every((r) => selected.has(r.id));

  return (
    <section className="library">
      {review && (
        <>
          <h1 className="page-title">待确认</h1>
          <p className="muted">单位或年度没有识别出来，或只取自文件名、是推断的报告。核对原文后点“确认”（或按回车，焦点随即移到下一行），不对的勾选后点“设置单位和年度”。</p>
        </>
      )}
      <div className="filters">
        <label>
          年度
          <select aria-label="年度" value={state.year ?? ''} onChange={(e) => update({ year: e.target.value ? Number(e.target.value) : undefined })}>
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
          <input type="search" aria-label="单位" placeholder="输入单位名称筛选" value={agencyText} onChange={(e) => setAgencyText(e.target.value)} />
        </label>
        <label>
          状态
          <select aria-label="状态" value={state.status ?? ''} onChange={(e) => update({ status: (e.target.value || undefined) as LibraryState['status'] })}>
            <option value="">全部</option>
            <option value="problems">有问题的</option>
            <option value="error">有错误</option>
            <option value="incomplete">解析不完整</option>
            <option value="warning">只有提醒</option>
            <option value="ok">通过</option>
          </select>
        </label>
        <span className="spacer" />
        {shown && <span className="muted nowrap">显示 {shown.length} 份</span>}
        <button className="nowrap" disabled={!shown?.length} onClick={() => shown && exportList(picked.length ? picked : shown)}>
          {picked.length ? `导出所选（${picked.length}）` : '导出Excel'}
        </button>
      </div>
      {picked.length > 0 && (
        <div className="selection-bar" role="region" aria-label="所选报告">
          <span>已选 {picked.length} 份</span>
          <button className="primary" disabled={picked.length < 2 || picked.length > 6} title="勾选2至6份报告进行比较" onClick={() => (location.hash = `#/compare?ids=${[...picked].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).map((r) => r.id).join(',')}`)}>
            比较所选（{picked.length}）
          </button>
          <button onClick={() => setBulk(true)}>设置单位和年度…</button>
          <button className="link" onClick={() => setSelected(new Set())}>
            取消选择
          </button>
        </div>
      )}
      {done && (
        <p className="ok-text done-line" role="status">
          {done.text}
          {done.undo && (
            <button className="link" onClick={() => undo(done.undo!)}>
              撤销
            </button>
          )}
          <button className="link" onClick={() => setDone(null)}>
            关闭
          </button>
        </p>
      )}
      {error && <p className="error-text">{error}</p>}
      <table className="grid reports">
        <thead>
          <tr>
            <th className="select">
              <input type="checkbox" aria-label="全选" title="全选 / 全不选（当前显示的报告）" checked={allShownPicked} onChange={() => setSelected(allShownPicked ? new Set() : new Set(shown?.map((r) => r.id)))} />
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={state.sort === c.key ? (state.desc ? 'descending' : 'ascending') : 'none'}>
                <button className="sort" onClick={() => sortBy(c.key)} aria-label={`按${c.label}排序`} title={`按${c.label}排序`}>
                  {c.label}
                  <span className="arrow">{state.sort === c.key ? (state.desc ? '▼' : '▲') : ''}</span>
                </button>
              </th>
            ))}
            {review && <th>待确认原因</th>}
          </tr>
        </thead>
        <tbody>
          {shown?.map((r, i) => (
            <tr
              key={r.id}
              data-id={r.id}
              className={selected.has(r.id) ? 'clickable selected' : 'clickable'}
              onClick={(e) => {
                if (e.ctrlKey || e.metaKey || e.shiftKey) {
                  e.preventDefault();
                  select(e, r.id, i);
                } else location.hash = `#/report/${r.id}`;
              }}
            >
              <td className="select" onClick={(e) => (e.stopPropagation(), select(e, r.id, i))}>
                <input type="checkbox" aria-label={`选择 ${r.agency ?? r.fileName} ${r.year ?? ''}`} checked={selected.has(r.id)} readOnly />
              </td>
              <td className="agency-cell">
                <a href={`#/report/${r.id}`} title={r.agency ?? ''} onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey) && e.preventDefault()}>
                  {r.agency ?? '（未识别单位）'}
                </a>
                <FilesTags r={r} />
              </td>
              <td>{r.year ?? '—'}</td>
              <td className="nowrap">{templateLabel(r.template)}</td>
              <td className="nowrap">
                <span className={`status status-${r.status}`}>{statusLabel(r.status)}</span>
                {r.errors > 0 && <span className="count">{r.errors} 处错误</span>}
              </td>
              <td className="file-cell" title={r.sourcePath}>
                {r.fileName}
              </td>
              <td className="nowrap">{formatDateTime(r.importedAt)}</td>
              {review && (
                <td className="review-cell" onClick={(e) => e.stopPropagation()}>
                  <ul>
                    {r.review.map((why) => (
                      <li key={why}>{why}</li>
                    ))}
                  </ul>
                  {r.agency && r.year ? (
                    <button
                      className="confirm"
                      onClick={(e) => {
                        const rowsEl = e.currentTarget.closest('tbody')?.querySelectorAll<HTMLButtonElement>('button.confirm');
                        const list = rowsEl ? [...rowsEl] : [];
                        const at = list.indexOf(e.currentTarget);
                        void confirm(r, list[at + 1] ?? list[at - 1] ?? null);
                      }}
                    >
                      确认“{r.agency}” {r.year}
                    </button>
                  ) : (
                    <button onClick={() => (setSelected(new Set([r.id])), setBulk(true))}>填写…</button>
                  )}
                </td>
              )}
            </tr>
          ))}
          {shown?.length === 0 && (
            <tr>
              <td colSpan={review ? 8 : 7} className="muted center">
                {review ? '没有待确认的报告' : '没有符合条件的报告'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {bulk && picked.length > 0 && <BulkMetaDialog count={picked.length} agency={sameAgency} year={sameYear} onSave={applyBulk} onClose={() => setBulk(false)} />}
    </section>
  );
}

/** A report held as several files, or revised: 另有 N 份文件, 第2稿（共2稿）. */
export function FilesTags({ r }: { r: ReportSummary }) {
  return (
    <>
      {r.otherFiles > 0 && (
        <span className="tag" title="同一份报告的其他文件（如Word、PDF、网页），统计时只算一份">
          另有 {r.otherFiles} 份文件
        </span>
      )}
      {r.versions > 1 && (
        <span className="tag warn" title={r.record ? '本单位本年度报告有多稿，这是作为记录的一稿' : '本单位本年度报告有多稿，这不是作为记录的一稿'}>
          第{r.version}稿（共{r.versions}稿）
        </span>
      )}
    </>
  );
}
