// A report held as several files, and its versions: which file its tables are read from and why
// the others were taken as the same report; each version (第N稿) with the one of record; what a
// revised version fixed (已整改), left (未整改) and brought (新问题).
import { useState } from 'react';
import type { ReportDetail } from '../../shared/contract/types.ts';
import { api } from '../api.ts';

export function ReportFiles({ report, onChanged }: { report: ReportDetail; onChanged: (r: ReportDetail | null) => void }) {
  const [busy, setBusy] = useState(false);
  const f = report.files;
  if (!f) return null;
  const act = async (call: () => Promise<ReportDetail | null>) => {
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await call());
    } finally {
      setBusy(false);
    }
  };
  const others = f.files.filter((x) => x.id !== report.id);
  const mine = f.files.find((x) => x.id === report.id);
  const rev = report.revision;
  return (
    <section className="report-files" aria-label="文件与版本">
      {others.length > 0 && (
        <>
          <h2>同一份报告的其他文件（统计时只算一份）</h2>
          {mine && !mine.primary && (
            <p className="muted">
              这份文件是另一文件的副本：{mine.why ?? '内容相同'}。表格取自标“表格取自此文件”的文件。
            </p>
          )}
          <ul>
            {others.map((o) => (
              <li key={o.id}>
                <a href={`#/report/${o.id}`}>{o.fileName}</a> <span className="muted">（{o.form}）</span>
                {o.primary && <span className="tag">表格取自此文件</span>}
                {o.why && <span className="muted"> {o.why}</span>}
              </li>
            ))}
          </ul>
          <div className="row-actions">
            {mine && !mine.primary && (
              <button disabled={busy} onClick={() => act(() => api.chooseFile({ id: report.id }))} title="表格改为取自这份文件">
                以此文件为准
              </button>
            )}
            {mine && !mine.primary && (
              <button disabled={busy} onClick={() => act(() => api.keepApart({ id: report.id, apart: true }))} title="内容其实不同：作为另一稿">
                不是同一份（拆分为另一稿）
              </button>
            )}
          </div>
        </>
      )}
      {f.versions.length > 1 && (
        <>
          <h2>本单位本年度报告共 {f.versions.length} 稿</h2>
          <ol className="versions">
            {f.versions.map((v) => (
              <li key={v.id} className={v.version === f.version ? 'current' : ''}>
                <a href={`#/report/${v.id}`}>第{v.version}稿</a>
                <span className="muted">
                  {' '}
                  {v.date ? `落款 ${v.date}` : '无落款日期'}，{v.fileName}
                  {v.files > 1 ? `（共 ${v.files} 份文件）` : ''}
                </span>
                {v.record && <span className="tag">记录稿（汇总、检索以此为准）</span>}
                {!v.record && (
                  <button className="link" disabled={busy} onClick={() => act(() => api.chooseFile({ id: v.id }))}>
                    设为记录稿
                  </button>
                )}
                {v.version > 1 && (
                  <a className="link" href={`#/compare?ids=${f.versions[v.version - 2].id},${v.id}`}>
                    与上一稿比较
                  </a>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {rev && (
        <div className="revision" role="status">
          <h2>与第{rev.previousVersion}稿相比</h2>
          <p>
            <span className="ok-text">已整改 {rev.fixed.length} 项</span>，<span className="warn-text">未整改 {rev.states.filter((s) => s === '未整改').length} 项</span>，
            <span className="error-text">新问题 {rev.states.filter((s) => s === '新问题').length} 项</span>
          </p>
          {rev.fixed.length > 0 && (
            <details>
              <summary>已整改的问题</summary>
              <ul>
                {rev.fixed.map((x, i) => (
                  <li key={i}>{x.message}</li>
                ))}
              </ul>
            </details>
          )}
          {rev.states.length > 0 && (
            <details>
              <summary>本稿的问题（未整改 / 新问题）</summary>
              <ul>
                {report.findings.map((x, i) => (
                  <li key={i}>
                    <span className={rev.states[i] === '新问题' ? 'tag warn' : 'tag'}>{rev.states[i]}</span> {x.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
