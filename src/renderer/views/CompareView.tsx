// Side by side: tables aligned by the templates' rows, Δ and % for two reports, indicators,
// cross-year checks, and the six parts' text with changes marked.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CompareLine, Comparison, Granularity, Span } from '../../shared/compare/index.ts';
import { formatPointChange, formatRate } from '../../shared/compare/index.ts';
import { api } from '../api.ts';
import { BackLink } from '../components/BackLink.tsx';
import { useAction } from '../components/useAction.ts';
import { templateLabel } from '../format.ts';
import { findingLabel } from '../../shared/report/status.ts';

export function CompareView({ ids }: { ids: number[] }) {
  const [g, setG] = useState<Granularity>('word');
  const [c, setC] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [allColumns, setAllColumns] = useState(false);
  const [message, run] = useAction();

  // An address that names fewer than two reports (typed, or left from an old link) says what to do.
  const usable = new Set(ids).size >= 2 && ids.length <= 6;
  useEffect(() => {
    setC(null);
    if (usable) api.compare({ ids, granularity: g }).then(setC, (e: Error) => setError(e.message));
  }, [ids.join(','), g]);

  if (!usable)
    return (
      <p className="error-text pad">
        比较需要2至6份不同的报告。请在<a href="#/">报告列表</a>或<a href="#/search">检索结果</a>中勾选要比较的报告，再点“比较所选”。
      </p>
    );
  if (error) return <p className="error-text pad">{error}</p>;
  if (!c) return <p className="muted pad">正在比较…</p>;
  const two = c.reports.length === 2;
  const show = (l: CompareLine) => (!onlyChanged || l.changed) && (allColumns || l.table !== 't3' || l.col === 'total');
  const exportAs = (format: 'xlsx' | 'csv') => run(() => api.exportComparison({ ids, format }));
  const print = (action: 'preview' | 'save' | 'print') => run(() => api.printSheet({ sheet: 'compare', ids, action }));

  return (
    <article className="compare">
      <div className="report-head">
        <BackLink />
        <h1>报告比较</h1>
        <span className="spacer" />
        <button onClick={print('preview')}>打印预览</button>
        <button onClick={print('save')}>保存为PDF</button>
        <button onClick={exportAs('xlsx')}>导出Excel</button>
        <button onClick={exportAs('csv')}>导出CSV</button>
      </div>
      {message && <div className="banner">{message}</div>}
      <div className="filters">
        <label className="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          只看有变化的行
        </label>
        <label className="check">
          <input type="checkbox" checked={allColumns} onChange={(e) => setAllColumns(e.target.checked)} />
          表三显示全部申请人列（默认只看总计）
        </label>
      </div>

      <table className="grid cmp">
        <thead>
          <tr>
            <th>项目</th>
            <th>列</th>
            {c.reports.map((r) => (
              <th key={r.id} className="num">
                <a href={`#/report/${r.id}`}>{r.agency ?? '（未识别单位）'}</a>
                <div className="muted">
                  {r.year ?? '？'}年度 · {templateLabel(r.template)}
                </div>
              </th>
            ))}
            {two && <th className="num">变化</th>}
            {two && <th className="num">变化率</th>}
          </tr>
        </thead>
        {c.tables.map((t) => {
          const lines = t.lines.filter(show);
          return (
            <tbody key={t.table}>
              <tr className="section">
                <th colSpan={2 + c.reports.length + (two ? 2 : 0)}>{t.title}</th>
              </tr>
              {lines.length === 0 && (
                <tr>
                  <td colSpan={2 + c.reports.length + (two ? 2 : 0)} className="muted">
                    没有变化
                  </td>
                </tr>
              )}
              {lines.map((l) => (
                <tr key={`${l.row}|${l.col}`} data-line={`${l.table}|${l.row}|${l.col}`} className={l.changed ? 'changed' : ''}>
                  <td>{l.rowLabel}</td>
                  <td className="muted">{l.colLabel}</td>
                  {l.values.map((v, i) => (
                    <td
                      key={i}
                      className={['num', v.kind, v.findings ? 'has-finding' : '', v.corrected ? 'corrected' : ''].join(' ')}
                      title={[v.sum ? 'T2021 的（六）1–3 之和' : '', v.corrected ? '人工更正的数值' : '', ...(v.findings ?? [])].filter(Boolean).join('\n') || undefined}
                    >
                      {v.kind === 'blank' ? '空' : v.text}
                      {v.sum && <sup>合</sup>}
                      {v.corrected && <sup>正</sup>}
                    </td>
                  ))}
                  {two && <td className="num delta">{l.delta === null ? '' : l.delta > 0 ? `+${l.delta}` : l.delta}</td>}
                  {two && <td className="num delta">{l.pct === null ? '' : `${l.pct > 0 ? '+' : ''}${l.pct}%`}</td>}
                </tr>
              ))}
            </tbody>
          );
        })}
        <tbody>
          <tr className="section">
            <th colSpan={2 + c.reports.length + (two ? 2 : 0)}>指标</th>
          </tr>
          {c.indicators.map((ind) => (
            <tr key={ind.id}>
              <td title={ind.formula}>{ind.label}</td>
              <td className="muted small">{ind.formula}</td>
              {ind.values.map((v, i) => (
                <td key={i} className="num">
                  {formatRate(v)}
                </td>
              ))}
              {two && <td className="num delta">{formatPointChange(ind.values[0], ind.values[1])}</td>}
              {two && <td />}
            </tr>
          ))}
        </tbody>
      </table>

      {c.crossYear.length > 0 && (
        <section className="findings">
          <h2>跨年度核对</h2>
          <ul>
            {c.crossYear.map((f, i) => (
              <li key={i} className={`finding ${f.fault === 'reading' ? 'doubt' : f.severity}`}>
                <span className="sev">{findingLabel(f)}</span>
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {c.text && <TextCompare c={c} g={g} setG={setG} />}
    </article>
  );
}

function Spans({ spans }: { spans: Span[] | null }) {
  if (!spans) return <span className="muted">（无对应段落）</span>;
  return (
    <>
      {spans.map((s, i) =>
        s.op === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : (
          <span key={i} className={s.op === 'added' ? 'ins' : 'del'}>
            {s.text}
          </span>
        ),
      )}
    </>
  );
}

function TextCompare({ c, g, setG }: { c: Comparison; g: Granularity; setG: (g: Granularity) => void }) {
  const [at, setAt] = useState(-1);
  const box = useRef<HTMLDivElement>(null);
  const changes = useMemo(() => {
    const out: string[] = [];
    c.text!.parts.forEach((p) => p.pairs.forEach((pair, i) => (pair.old?.some((s) => s.op !== 'same') || pair.new?.some((s) => s.op !== 'same')) && out.push(`${p.no}-${i}`)));
    return out;
  }, [c]);
  const jump = (d: number) => {
    if (!changes.length) return;
    const next = (at + d + changes.length) % changes.length;
    setAt(next);
    box.current?.querySelector(`[data-pair="${changes[next]}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const [a, b] = c.reports;
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
  return (
    <section className="text-compare">
      <div className="report-head">
        <h2>正文比较</h2>
        <span className="similarity" title="本年正文中与上一份报告相同的文字所占比例">
          总体重复率 {pct(c.text!.similarity)}
        </span>
        <span className="spacer" />
        <span className="muted">共 {changes.length} 处变化</span>
        <button onClick={() => jump(-1)}>上一处</button>
        <button onClick={() => jump(1)}>下一处</button>
        <label className="check">
          <input type="checkbox" checked={g === 'char'} onChange={(e) => setG(e.target.checked ? 'char' : 'word')} />
          按字比较
        </label>
      </div>
      <div className="pairs" ref={box}>
        <div className="pair head">
          <div>
            {a.agency} {a.year}年度
          </div>
          <div>
            {b.agency} {b.year}年度
          </div>
        </div>
        {c.text!.parts.map((p) => (
          <div key={p.no}>
            <div className="pair part-title">
              <div>
                {p.title} <span className="muted">（重复率 {pct(p.similarity)}{p.timedOut ? '，内容过长，未标出差异' : ''}）</span>
              </div>
              <div />
            </div>
            {p.pairs.map((pair, i) => (
              <div key={i} className={`pair ${changes[at] === `${p.no}-${i}` ? 'current' : ''}`} data-pair={`${p.no}-${i}`}>
                <div>
                  <Spans spans={pair.old} />
                </div>
                <div>
                  <Spans spans={pair.new} />
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
