// Search: text with the syntax a clerk can guess, filters that work with or without text,
// hits with the part they are in and a highlighted snippet. Stale answers are dropped. ↓ from
// the box goes to the first hit, ↑↓ from hit to hit, Enter opens one.
import { useEffect, useRef, useState } from 'react';
import type { IndicatorCondition, IndicatorOp, SearchQuery, SearchResult } from '../../shared/contract/types.ts';
import type { TableId, TemplateId } from '../../shared/report/model.ts';
import { TABLE_LABELS, TEMPLATE_NAMES, tableLayout } from '../../shared/report/templates/index.ts';
import { totalText } from '../../shared/search/total.ts';
import { api } from '../api.ts';
import { CompareCheckbox, CompareSelectedButton, useCompareSelection } from '../components/CompareSelection.tsx';
import { Highlighted } from '../components/Highlighted.tsx';
import { useScrollMemory } from '../components/useScrollMemory.ts';
import { statusLabel, templateLabel } from '../format.ts';

const PAGE = 20;
const OPS: IndicatorOp[] = ['>', '>=', '=', '<=', '<', '!='];

/** Rows and columns a condition can name: both templates' labels, each once. */
function choices(table: TableId) {
  const a = tableLayout('T2019', table);
  const b = tableLayout('T2021', table);
  const rows = [...a.rows, ...b.rows].filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  const cols = [...a.columns, ...b.columns].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
  return { rows, cols };
}
const label = (r: { label: string; group?: string }) => (r.group ? `${r.group} ${r.label}` : r.label);

type Filters = Omit<SearchQuery, 'text' | 'offset' | 'limit'>;

/** The filters as they ride in the address (f=…), read back leniently: a bad one is no filter. */
function readFilters(raw: string | null): Filters {
  try {
    const f = raw ? (JSON.parse(raw) as Filters) : {};
    return f && typeof f === 'object' ? f : {};
  } catch {
    return {};
  }
}

export function SearchView({ initial, years, params }: { initial: string; years: number[]; params: URLSearchParams }) {
  const [text, setText] = useState(initial);
  const [filters, setFilters] = useState<Filters>(() => readFilters(params.get('f')));
  // Back from a report: as many hits as were shown, so the saved scroll finds its row.
  const box = useRef<HTMLInputElement>(null);
  const shownBefore = useRef(Math.min(100, Math.max(PAGE, Number(params.get('n')) || PAGE)));
  const [result, setResult] = useState<SearchResult | null>(null);
  const [more, setMore] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const { selected, toggle } = useCompareSelection();


  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const r = await api.search({ ...filters, text, limit: shownBefore.current });
        shownBefore.current = PAGE;
        if (mine === seq.current) {
          setResult(r);
          setError(null);
        }
      } catch (e) {
        if (mine === seq.current) setError((e as Error).message);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [text, filters]);

  // The query, filters and how many hits are shown live in the address (replacing the entry).
  useEffect(() => {
    const p = new URLSearchParams();
    if (text) p.set('q', text);
    if (Object.keys(filters).length) p.set('f', JSON.stringify(filters));
    if (result && result.hits.length > PAGE) p.set('n', String(result.hits.length));
    const next = `#/search${p.size ? `?${p}` : ''}`;
    if (next !== location.hash) history.replaceState(null, '', next);
  }, [text, filters, result]);
  useScrollMemory(!!result);

  const loadMore = async () => {
    if (!result) return;
    setMore(true);
    const mine = seq.current;
    const r = await api.search({ ...filters, text, limit: PAGE, offset: result.hits.length });
    if (mine === seq.current) setResult({ ...result, hits: [...result.hits, ...r.hits] });
    setMore(false);
  };

  const setInd = (i: number, c: IndicatorCondition | null) => {
    const list = [...(filters.indicators ?? [])];
    if (c) list[i] = c;
    else list.splice(i, 1);
    setFilters({ ...filters, indicators: list.length ? list : undefined });
  };
  /** ↑↓ go from hit to hit (↑ from the first back to the box); Enter on a hit opens it. */
  const moveInHits = (e: React.KeyboardEvent<HTMLOListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...e.currentTarget.querySelectorAll<HTMLElement>('.hit-head a')];
    const at = links.indexOf(e.target as HTMLElement);
    if (at < 0) return; // a checkbox keeps its keys
    e.preventDefault();
    const to = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (to < 0) box.current?.focus();
    else links[Math.min(to, links.length - 1)].focus();
  };
  const open = (id: number, part: number | null) => {
    const q = new URLSearchParams({ q: text, ...(part !== null ? { part: String(part) } : {}) });
    location.hash = `#/report/${id}?${q}`;
  };

  return (
    <section className="search">
      <div className="search-box">
        <input
          type="search"
          ref={box}
          aria-label="检索词"
          autoFocus
          placeholder="输入检索词：空格分隔表示同时包含，“引号”表示整词，-词 表示排除，或 表示任一"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown') return;
            const first = document.querySelector<HTMLElement>('ol.hits .hit-head a'); // the first hit
            if (first) (e.preventDefault(), first.focus());
          }}
        />
      </div>
      <div className="filters">
        <label>
          年度
          <select aria-label="起始年度" value={filters.yearFrom ?? ''} onChange={(e) => setFilters({ ...filters, yearFrom: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">不限</option>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
          至
          <select aria-label="截止年度" value={filters.yearTo ?? ''} onChange={(e) => setFilters({ ...filters, yearTo: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">不限</option>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          单位
          <input type="search" aria-label="单位" value={filters.agency ?? ''} onChange={(e) => setFilters({ ...filters, agency: e.target.value || undefined })} />
        </label>
        <label>
          格式
          <select aria-label="格式" value={filters.template ?? ''} onChange={(e) => setFilters({ ...filters, template: (e.target.value || undefined) as TemplateId | undefined })}>
            <option value="">全部</option>
            {(Object.keys(TEMPLATE_NAMES) as TemplateId[]).map((t) => (
              <option key={t} value={t}>
                {TEMPLATE_NAMES[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select aria-label="状态" value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as SearchQuery['status'] })}>
            <option value="">全部</option>
            <option value="problems">有问题的</option>
            <option value="error">有错误</option>
            <option value="warning">有提醒</option>
            <option value="incomplete">解析不完整</option>
            <option value="ok">通过</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={!!filters.feeStated} onChange={(e) => setFilters({ ...filters, feeStated: e.target.checked || undefined })} />
          说明了信息处理费
        </label>
        <button onClick={() => setInd((filters.indicators ?? []).length, { table: 't4', row: 'review', col: 'corrected', op: '>', value: 0 })}>添加数值条件</button>
      </div>
      {(filters.indicators ?? []).map((c, i) => {
        const { rows, cols } = choices(c.table);
        return (
          <div className="indicator" key={i} data-indicator={i}>
            <select aria-label="表" value={c.table} onChange={(e) => {
              const t = e.target.value as TableId;
              const ch = choices(t);
              setInd(i, { ...c, table: t, row: ch.rows[0].id, col: ch.cols[0].id });
            }}>
              {(['t2', 't3', 't4'] as TableId[]).map((t) => (
                <option key={t} value={t}>
                  {TABLE_LABELS[t]}
                </option>
              ))}
            </select>
            <select aria-label="行" value={c.row} onChange={(e) => setInd(i, { ...c, row: e.target.value })}>
              {rows.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)}
                </option>
              ))}
            </select>
            <select aria-label="列" value={c.col} onChange={(e) => setInd(i, { ...c, col: e.target.value })}>
              {cols.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
            <select aria-label="比较" value={c.op} onChange={(e) => setInd(i, { ...c, op: e.target.value as IndicatorOp })}>
              {OPS.map((o) => (
                <option key={o} value={o}>
                  {o === '!=' ? '≠' : o === '>=' ? '≥' : o === '<=' ? '≤' : o}
                </option>
              ))}
            </select>
            <input aria-label="数值" type="number" value={c.value} onChange={(e) => setInd(i, { ...c, value: Number(e.target.value) || 0 })} />
            <button className="link" onClick={() => setInd(i, null)}>
              删除条件
            </button>
          </div>
        );
      })}
      {error && <p className="error-text">{error}</p>}
      {result && (
        <>
          <div className="result-bar">
            {/* More matches than search counts: an estimate (约) or a count it stopped at (超过), said so. */}
            <span className="muted result-count">共找到 {totalText(result)} 份报告</span>
            <span className="spacer" />
            {exported && <span className="ok-text">{exported}</span>}
            <button
              disabled={result.total === 0}
              onClick={async () => {
                try {
                  const r = await api.exportSearch({ ...filters, ...(text ? { text } : {}), format: 'xlsx' });
                  setExported(r.saved ? `已导出：${r.path}` : '已取消导出');
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            >
              导出Excel
            </button>
            <CompareSelectedButton selected={selected} />
          </div>
          <ol className="hits" onKeyDown={moveInHits}>
            {result.hits.map((h) => (
              <li key={h.reportId} className="hit" onClick={() => open(h.reportId, h.part)}>
                <div className="hit-head">
                  <span className="pick" onClick={(e) => e.stopPropagation()}>
                    <CompareCheckbox id={h.reportId} label={`${h.agency ?? h.fileName} ${h.year ?? ''}`} selected={selected} toggle={toggle} />
                  </span>
                  <a href={`#/report/${h.reportId}`} onClick={(e) => e.preventDefault()}>
                    {h.agency ?? '（未识别单位）'}
                  </a>
                  <span>{h.year ? `${h.year}年度` : ''}</span>
                  <span className="muted">{templateLabel(h.template)}</span>
                  <span className={`status status-${h.status}`}>{statusLabel(h.status)}</span>
                  {h.partName && <span className="part-tag">{h.partName}</span>}
                </div>
                {h.values && (
                  <p className="hit-values">
                    {h.values.map((v) => (
                      <span key={v.label}>
                        {v.label} = <strong>{v.value}</strong>
                      </span>
                    ))}
                  </p>
                )}
                {h.snippet && (
                  <p className="snippet">
                    <Highlighted text={h.snippet.text} ranges={h.snippet.highlights} />
                  </p>
                )}
                <div className="muted small">
                  {h.fileName}
                  {h.otherFiles > 0 && `（另有 ${h.otherFiles} 份文件）`}
                </div>
              </li>
            ))}
          </ol>
          {result.hits.length < result.total && (
            <button onClick={loadMore} disabled={more}>
              {more ? '正在加载…' : `再显示 ${Math.min(PAGE, result.total - result.hits.length)} 份`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
